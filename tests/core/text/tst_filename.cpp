#include "core/text/FileName.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

class TestFileName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("escaped");

        QTest::newRow("ascii") << QByteArray("article-1.txt") << false;
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9 \xCE\xB1\xCE\xB2 \xE4\xB8\xAD \xF0\x9F\x98\x80.txt") << false;
        QTest::newRow("latin-1 byte") << QByteArray("caf\xE9.txt") << true;
        QTest::newRow("windows-1252 quotes") << QByteArray("\x93quoted\x94.md") << true;
        QTest::newRow("lone continuation bytes") << QByteArray("a\x80\xBF" "b") << true;
        QTest::newRow("overlong slash") << QByteArray("a\xC0\xAF" "b") << true;
        QTest::newRow("encoded surrogate") << QByteArray("a\xED\xA0\x80" "b") << true;
        QTest::newRow("above U+10FFFF") << QByteArray("a\xF4\x90\x80\x80") << true;
        QTest::newRow("cut sequence at the end") << QByteArray("name\xE4\xB8") << true;
        QTest::newRow("0xFF and 0xFE") << QByteArray("\xFF\xFE.txt") << true;
        QTest::newRow("valid next to invalid") << QByteArray("\xC3\xA9\xE9\xC3\xA9") << true;
        QTest::newRow("every high byte") << [] {
            QByteArray all;
            for (int byte = 0x80; byte <= 0xFF; ++byte)
                all.append(char(byte));
            return all;
        }() << true;
    }

    void roundTrip()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, escaped);
        const QString name = decodeFileName(bytes);
        QCOMPARE(encodeFileName(name), bytes);
        QCOMPARE(hasEscapedBytes(name), escaped);
        if (!escaped)
            QCOMPARE(name, QString::fromUtf8(bytes));
        // The display form is valid Unicode: it survives UTF-8 unchanged.
        const QString shown = displayFileName(name);
        QCOMPARE(QString::fromUtf8(shown.toUtf8()), shown);
        QCOMPARE(shown.contains(u"\\x"_s), escaped);
    }

    void undecodableBytesBecomeLoneSurrogates()
    {
        const QString name = decodeFileName("caf\xE9.txt");
        QCOMPARE(name.size(), 8);
        QCOMPARE(name.at(3).unicode(), char16_t(0xDCE9));
        QCOMPARE(name.left(3), u"caf"_s);
        QCOMPARE(name.mid(4), u".txt"_s);
        // Each byte of an invalid sequence is escaped on its own.
        QCOMPARE(decodeFileName("\xE4\xB8"), QString(QChar(0xDCE4)) + QChar(0xDCB8));
    }

    void display_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("shown");

        QTest::newRow("plain") << QByteArray("news/a.txt") << u"news/a.txt"_s;
        QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9.txt") << u"café.txt"_s;
        QTest::newRow("latin-1") << QByteArray("caf\xE9.txt") << u"caf\\xE9.txt"_s;
        QTest::newRow("several bytes") << QByteArray("r\xE9sum\xE9/\xFF.md") << u"r\\xE9sum\\xE9/\\xFF.md"_s;
        QTest::newRow("line feed") << QByteArray("two\nlines.txt") << u"two\\x0Alines.txt"_s;
        QTest::newRow("escape and delete") << QByteArray("\x1B[1m\x7F.txt") << u"\\x1B[1m\\x7F.txt"_s;
        QTest::newRow("C1 control") << QByteArray("a\xC2\x85" "b") << u"a\\xC2\\x85b"_s;
        QTest::newRow("line separator") << QByteArray("a\xE2\x80\xA8" "b") << u"a\\xE2\\x80\\xA8b"_s;
        QTest::newRow("emoji") << QByteArray("\xF0\x9F\x98\x80.txt") << u"😀.txt"_s;
    }

    void display()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, shown);
        QCOMPARE(displayFileName(decodeFileName(bytes)), shown);
    }

    void encodingPlainNames()
    {
        QCOMPARE(encodeFileName(u"café/δ.txt"_s), QByteArray("caf\xC3\xA9/\xCE\xB4.txt"));
        // Not from decodeFileName(): a lone surrogate outside the escape range.
        const QString stray = QString(QChar(0xD800)) + u".txt"_s;
        QVERIFY(!hasEscapedBytes(stray));
        QCOMPARE(displayFileName(stray), u"\uFFFD.txt"_s);
    }
};

QTEST_GUILESS_MAIN(TestFileName)
#include "tst_filename.moc"
