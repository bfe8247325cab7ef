#include "core/text/TextDecoder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

class TestTextDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");

        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("ascii") << QByteArray("Plain ASCII text.\n") << true;
        QTest::newRow("two-byte é") << QByteArray("caf\xc3\xa9") << true;
        QTest::newRow("three-byte ’") << QByteArray("it\xe2\x80\x99s") << true;
        QTest::newRow("four-byte emoji") << QByteArray("\xf0\x9f\x9f\xa3 news") << true;
        QTest::newRow("BOM") << QByteArray("\xef\xbb\xbftext") << true;
        QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
        QTest::newRow("lone Latin-1 é") << QByteArray("caf\xe9") << false;
        QTest::newRow("Windows-1252 ’") << QByteArray("it\x92s") << false;
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("overlong three-byte") << QByteArray("\xe0\x80\xaf") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("five-byte form") << QByteArray("\xf8\x88\x80\x80\x80") << false;
        QTest::newRow("truncated sequence") << QByteArray("caf\xc3") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("bad continuation") << QByteArray("\xe2\x28\xa1") << false;
    }

    void validUtf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(isValidUtf8(bytes), valid);
    }

    void windows1252_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");

        QTest::newRow("ascii") << QByteArray("abc") << u"abc"_s;
        QTest::newRow("euro") << QByteArray("\x80") << u"\u20ac"_s;
        QTest::newRow("quotes") << QByteArray("\x91\x92\x93\x94") << u"\u2018\u2019\u201c\u201d"_s;
        QTest::newRow("dashes and ellipsis") << QByteArray("\x96\x97\x85") << u"\u2013\u2014\u2026"_s;
        QTest::newRow("OE, Y diaeresis, trade mark") << QByteArray("\x8c\x9c\x9f\x99") << u"\u0152\u0153\u0178\u2122"_s;
        QTest::newRow("unassigned bytes keep their value") << QByteArray("\x81\x8d\x8f\x90\x9d") << u"\u0081\u008d\u008f\u0090\u009d"_s;
        QTest::newRow("Latin-1 range") << QByteArray("\xe9\xe8\xe0\xe7\xa0\xff") << u"éèàç\u00a0ÿ"_s;
    }

    void windows1252()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QCOMPARE(decodeWindows1252(bytes), text);
    }

    void decodeText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("usedFallback");

        QTest::newRow("utf-8") << QByteArray("L\xe2\x80\x99\xc3\xa9t\xc3\xa9") << u"L’été"_s << false;
        QTest::newRow("utf-8 BOM dropped") << QByteArray("\xef\xbb\xbfHello") << u"Hello"_s << false;
        QTest::newRow("windows-1252") << QByteArray("L\x92\xe9t\xe9") << u"L’été"_s << true;
        QTest::newRow("mostly utf-8 with one bad byte") << QByteArray("caf\xc3\xa9 \xe9") << u"cafÃ© é"_s << true;
        QTest::newRow("empty") << QByteArray() << QString() << false;
    }

    void decodeText()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(bool, usedFallback);
        const DecodedText decoded = NewsGraph::decodeText(bytes);
        QCOMPARE(decoded.text, text);
        QCOMPARE(decoded.usedFallback, usedFallback);
    }

    void lineBreaks_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");

        QTest::newRow("LF unchanged") << u"a\nb\n\nc"_s << u"a\nb\n\nc"_s;
        QTest::newRow("CRLF") << u"a\r\nb\r\n\r\nc\r\n"_s << u"a\nb\n\nc\n"_s;
        QTest::newRow("CR") << u"a\rb\r\rc"_s << u"a\nb\n\nc"_s;
        QTest::newRow("mixed") << u"a\r\n\rb\n\r"_s << u"a\n\nb\n\n"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void lineBreaks()
    {
        QFETCH(QString, input);
        QFETCH(QString, output);
        QCOMPARE(normalizeLineBreaks(input), output);
    }
};

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
