#include "core/text/BinaryContent.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

namespace {

// Seeded, so every run sees the same bytes. NUL bytes are replaced: files
// with NUL bytes were always refused, the point is the ones without.
QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes) {
        byte = char(random.bounded(256));
        if (byte == '\0')
            byte = '\x01';
    }
    return bytes;
}

QByteArray withoutNul(QByteArray bytes)
{
    bytes.replace('\0', '\x02');
    return bytes;
}

QByteArray repeated(const QByteArray &text, qsizetype atLeast)
{
    QByteArray out;
    while (out.size() < atLeast)
        out += text;
    return out;
}

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(NEWSGRAPH_TEST_DATA "/text/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(name));
    return file.readAll();
}

} // namespace

class TestBinaryContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void binary_data()
    {
        QTest::addColumn<QByteArray>("bytes");

        QTest::newRow("random 300 bytes") << randomBytes(300, 1);
        QTest::newRow("random 5 KiB") << randomBytes(5 * 1024, 2);
        QTest::newRow("random 200 KiB") << randomBytes(200 * 1024, 3);
        QTest::newRow("random 7-bit bytes") << [] {
            QByteArray bytes = randomBytes(4096, 4);
            for (char &byte : bytes)
                byte = char((byte & 0x7F) | 0x01);
            return bytes;
        }();
        QTest::newRow("PNG header") << QByteArray("\x89PNG\r\n\x1A\n\x01\x01\x01\rIHDR\x01\x01\x02\x80") + randomBytes(3000, 5);
        QTest::newRow("ZIP header") << QByteArray("PK\x03\x04\x14\x01\x08\x08\x08\x01") + randomBytes(3000, 6);
        QTest::newRow("ELF header") << QByteArray("\x7F" "ELF\x02\x01\x01\x03\x02\x3E\x01\x01\x01\x40\x11\x40\x01") + randomBytes(3000, 7);
        QTest::newRow("gzip header") << QByteArray("\x1F\x8B\x08\x08\x6F\xA1\x5C\x66\x02\x03") + randomBytes(2000, 8);
        // What a PNG's pixels look like once the NUL bytes are gone: a
        // gradient, long runs of low bytes.
        QTest::newRow("image rows") << [] {
            QByteArray bytes;
            for (int row = 0; row < 64; ++row)
                for (int x = 1; x < 64; ++x)
                    bytes.append(char((x + row) % 32 + 1));
            return bytes;
        }();
        QTest::newRow("NUL bytes") << QByteArray("plain text\0more text", 20);
        QTest::newRow("UTF-16") << QByteArray("\xFF\xFEH\0e\0l\0l\0o\0", 12);
    }

    void binary()
    {
        QFETCH(QByteArray, bytes);
        const std::optional<QString> reason = binaryContentReason(bytes);
        QVERIFY(reason.has_value());
        QVERIFY(!reason->isEmpty());
    }

    void reasonSaysWhy()
    {
        const std::optional<QString> nul = binaryContentReason(QByteArray("GIF89a\x01\0\x01\0", 10));
        QVERIFY(nul && nul->contains(u"NUL"_s));

        const std::optional<QString> controls = binaryContentReason(randomBytes(100 * 1024, 9));
        QVERIFY(controls.has_value());
        QVERIFY2(controls->contains(u"of its first 65536 bytes"_s), qPrintable(*controls));
        QVERIFY2(controls->contains(u"control"_s), qPrintable(*controls));
    }

    void text_data()
    {
        QTest::addColumn<QByteArray>("bytes");

        QTest::newRow("French, Windows-1252") << fixture(u"windows-1252.txt"_s);
        QTest::newRow("French, Windows-1252, 100 KiB") << repeated(
            "L\x92\xE9t\xE9 de Mistral AI a \xE9t\xE9 marqu\xE9 par un \x93partenariat\x94 \xE0 100\xA0\x80 avec Nvidia \x96 "
            "\xAB\xA0ici\xA0\xBB, \xE7" "a co\xFBte cher \x85 Na\xEFve, \xC0 No\xEBl, \x9C" "uvre.\r\n", 100 * 1024);
        QTest::newRow("Latin-1 with C1 quotes") << QByteArray("\x93Quoted\x94 text in Latin-1: caf\xE9, na\xEFve.\n");
        QTest::newRow("German, Latin-1") << repeated("Gr\xFC\xDF" "e aus M\xFCnchen: \xC4pfel, \xD6l und \xDC" "bel.\n", 3000);
        QTest::newRow("Greek, UTF-8") << repeated("Η Mistral AI συνεργάζεται με τη Nvidia στο Παρίσι.\n", 2000);
        QTest::newRow("Chinese, UTF-8, cut mid-character") << repeated("法国人工智能公司与英伟达合作。", 90 * 1024);
        QTest::newRow("Japanese and emoji, UTF-8") << repeated("日本語のテキスト 😀 です。\n", 5000);
        QTest::newRow("Japanese, ISO-2022-JP") << repeated(
            "\x1B$BF|K\\8l$N5-;v$G$9!#\x1B(B Nvidia \x1B$B$H\x1B(B Mistral AI.\n", 20 * 1024);
        QTest::newRow("Korean, ISO-2022-KR") << "\x1B$)C" + repeated("\x0E;o<:\x0F Samsung \x0E@|@Z\x0F.\n", 20 * 1024);
        QTest::newRow("Russian, Windows-1251") << repeated(
            "\xCC\xE8\xF1\xF2\xF0\xE0\xEB\xFC \xF1\xEE\xF2\xF0\xF3\xE4\xED\xE8\xF7\xE0\xE5\xF2 \xF1 Nvidia.\n", 20 * 1024);
        QTest::newRow("form feeds and vertical tabs") << repeated("Page one.\fPage two.\vSame paragraph.\r\n\t", 4096);
        QTest::newRow("a few stray controls") << QByteArray(
            "Nvidia\x07 and Mistral\x1B[1m team up\x1B[0m in Paris.\x01\nThe deal is big.\x1A");
        QTest::newRow("stray controls in a long text") << [] {
            QByteArray text = repeated("Nvidia and Mistral team up on a European cloud. ", 64 * 1024);
            for (qsizetype at = 0; at < text.size(); at += 200)
                text[at] = '\x1B'; // one in 200, under one in 64
            return text;
        }();
        QTest::newRow("binary after the first 64 KiB") << repeated("Plain text. ", 64 * 1024) + withoutNul(randomBytes(10000, 10));
    }

    void text()
    {
        QFETCH(QByteArray, bytes);
        const std::optional<QString> reason = binaryContentReason(bytes);
        QVERIFY2(!reason.has_value(), qPrintable(reason.value_or(QString())));
    }
};

QTEST_GUILESS_MAIN(TestBinaryContent)
#include "tst_binarycontent.moc"
