#include "core/text/DocumentLoader.h"
#include "core/text/FileName.h"
#include "core/text/TextAnalyzer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/fsuid.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(NEWSGRAPH_TEST_DATA "/text/") + name;
}

QString corpusFile(const QString &name)
{
    return QStringLiteral(NEWSGRAPH_SOURCE_DIR "/resources/corpus/") + name;
}

Document loadOk(const DocumentLoader &loader, const QString &path)
{
    Result<Document> document = loader.load(path);
    if (!document)
        qFatal("loading %s failed: %s", qPrintable(path), qPrintable(document.error()));
    return *document;
}

Document loadBytesOk(const QByteArray &bytes, const QString &path)
{
    Result<Document> document = DocumentLoader().loadBytes(bytes, path);
    if (!document)
        qFatal("loading %s failed: %s", qPrintable(path), qPrintable(document.error()));
    return *document;
}

// Writes a file by the bytes of its name, as Qt cannot name every file.
bool writeRaw(const QByteArray &path, const QByteArray &bytes)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool written = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    return ::close(fd) == 0 && written;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    return writeRaw(QFile::encodeName(path), bytes);
}

QByteArray randomBytesWithoutNul(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(1, 256));
    return bytes;
}

// Runs this thread's file-system calls as an unprivileged user while it
// lives. Tests run as root in CI, where permission bits stop nothing;
// setfsuid() changes the file-system identity of the calling thread only,
// and moving it away from 0 drops the capabilities that override
// permissions (capabilities(7)).
class UnprivilegedFileAccess
{
public:
    UnprivilegedFileAccess()
    {
        if (::geteuid() != 0) {
            m_active = true;
            return;
        }
        ::setfsuid(nobody);
        m_switched = ::setfsuid(uid_t(-1)) == int(nobody); // an invalid id changes nothing, returns the current one
        m_active = m_switched;
    }
    ~UnprivilegedFileAccess()
    {
        if (m_switched)
            ::setfsuid(0);
    }
    UnprivilegedFileAccess(const UnprivilegedFileAccess &) = delete;
    UnprivilegedFileAccess &operator=(const UnprivilegedFileAccess &) = delete;

    bool isActive() const { return m_active; }

private:
    static constexpr uid_t nobody = 65534;
    bool m_active = false;
    bool m_switched = false;
};

} // namespace

class TestDocumentLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void supportedFiles()
    {
        QVERIFY(DocumentLoader::isSupportedFile(u"a.txt"_s));
        QVERIFY(DocumentLoader::isSupportedFile(u"dir/b.MD"_s));
        QVERIFY(DocumentLoader::isSupportedFile(u"c.html"_s));
        QVERIFY(DocumentLoader::isSupportedFile(u"d.HTM"_s));
        QVERIFY(DocumentLoader::isSupportedFile(u":/corpus/x.txt"_s));
        QVERIFY(!DocumentLoader::isSupportedFile(u"e.png"_s));
        QVERIFY(!DocumentLoader::isSupportedFile(u"f.txt.gz"_s));
        QVERIFY(!DocumentLoader::isSupportedFile(u"noSuffix"_s));
        for (const QString &suffix : {u"txt"_s, u"md"_s, u"html"_s, u"htm"_s})
            QVERIFY(DocumentLoader::supportedSuffixes().contains(suffix));
    }

    void plainText()
    {
        const Document document = loadBytesOk("  Nvidia and Mistral team up.\n\nThe deal is big.  \n", u"dir/news.txt"_s);
        QCOMPARE(document.path, u"dir/news.txt"_s);
        QCOMPARE(document.fileName, u"news.txt"_s);
        QCOMPARE(document.text, u"Nvidia and Mistral team up.\n\nThe deal is big."_s);
        QCOMPARE(document.title, QString()); // TextAnalyzer's job
        QCOMPARE(document.language, QString()); // TextAnalyzer's job
        QVERIFY(!document.date.isValid());
        QVERIFY(document.warnings.isEmpty());
        QCOMPARE(document.contentHash,
                 QString::fromLatin1(QCryptographicHash::hash(document.text.toUtf8(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(document.contentHash.size(), 64);
    }

    void sameTextSameHash()
    {
        const Document a = loadBytesOk("Same text.\n", u"a.txt"_s);
        const Document b = loadBytesOk("\xef\xbb\xbf\r\nSame text.\r\n", u"b.md"_s);
        const Document c = loadBytesOk("Other text.\n", u"c.txt"_s);
        QCOMPARE(a.contentHash, b.contentHash);
        QVERIFY(a.contentHash != c.contentHash);
    }

    void lineEndsNormalised()
    {
        const Document document = loadBytesOk("Line one\r\nline two\rline three\r\n\r\nPara.", u"x.txt"_s);
        QCOMPARE(document.text, u"Line one\nline two\nline three\n\nPara."_s);
    }

    void header_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("sourceUrl");

        QTest::newRow("date glued to the first sentence")
            << QByteArray(" date 2025-06-12 French president Emmanuel Macron wants more.\n\nSecond.")
            << u"French president Emmanuel Macron wants more.\n\nSecond."_s << QDate(2025, 6, 12) << QString();
        QTest::newRow("date line")
            << QByteArray("date 2025-06-12\nText.") << u"Text."_s << QDate(2025, 6, 12) << QString();
        QTest::newRow("Date: line")
            << QByteArray("Date: 2024-01-31\r\n\r\nText.") << u"Text."_s << QDate(2024, 1, 31) << QString();
        QTest::newRow("DATE with time")
            << QByteArray("DATE:2024-01-31T08:00:00Z Text.") << u"Text."_s << QDate(2024, 1, 31) << QString();
        QTest::newRow("source line")
            << QByteArray("source: https://example.com/news/1\nText here.") << u"Text here."_s << QDate()
            << u"https://example.com/news/1"_s;
        QTest::newRow("source then date")
            << QByteArray("Source: https://example.com/a\ndate 2025-06-11\n\nText.") << u"Text."_s << QDate(2025, 6, 11)
            << u"https://example.com/a"_s;
        QTest::newRow("date then source")
            << QByteArray("date 2025-06-11\nsource: https://example.com/b\nText.") << u"Text."_s << QDate(2025, 6, 11)
            << u"https://example.com/b"_s;
        QTest::newRow("invalid date kept as text")
            << QByteArray("date 2025-13-45 Text.") << u"date 2025-13-45 Text."_s << QDate() << QString();
        QTest::newRow("dated is a word")
            << QByteArray("dated 2025-06-12 records.") << u"dated 2025-06-12 records."_s << QDate() << QString();
        QTest::newRow("date later in the text is text")
            << QByteArray("Text first.\ndate 2025-06-12") << u"Text first.\ndate 2025-06-12"_s << QDate() << QString();
        QTest::newRow("Source: prose is text")
            << QByteArray("Source: the company said so.") << u"Source: the company said so."_s << QDate() << QString();
    }

    void header()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QFETCH(QString, sourceUrl);
        const Document document = loadBytesOk(bytes, u"header.txt"_s);
        QCOMPARE(document.text, text);
        QCOMPARE(document.date, date);
        QCOMPARE(document.sourceUrl, sourceUrl);
    }

    void windows1252Fallback()
    {
        const DocumentLoader loader;
        const Document document = loadOk(loader, fixture(u"windows-1252.txt"_s));
        QCOMPARE(document.text, u"L’été de Mistral AI a été marqué par un partenariat avec Nvidia.\nLe géant américain fournira des puces."_s);
        QCOMPARE(document.warnings.size(), 1);
        QVERIFY2(document.warnings.first().contains(u"windows-1252.txt"_s), qPrintable(document.warnings.first()));
        QVERIFY2(document.warnings.first().contains(u"Windows-1252"_s), qPrintable(document.warnings.first()));
    }

    void htmlFile()
    {
        const Document document = loadOk(DocumentLoader(), fixture(u"article-saved.html"_s));
        QCOMPARE(document.fileName, u"article-saved.html"_s);
        QCOMPARE(document.title, u"Nvidia and Mistral AI team up on a European cloud | Example News"_s);
        QCOMPARE(document.date, QDate(2025, 6, 11));
        QCOMPARE(document.sourceUrl, u"https://news.example.com/tech/nvidia-mistral"_s);
        QVERIFY(document.text.startsWith(u"Nvidia and Mistral AI team up on a European cloud\n\nFrench president"_s));
        QVERIFY(!document.text.contains(u"cookies"_s));
        QVERIFY(document.warnings.isEmpty());
    }

    void htmlDeclaredWindows1252()
    {
        const Document document = loadOk(DocumentLoader(), fixture(u"windows-1252.html"_s));
        QCOMPARE(document.title, u"L’été de Mistral"_s);
        QVERIFY(document.text.startsWith(u"L’été a coûté 100\u00a0€"_s));
        QVERIFY(document.warnings.isEmpty());
    }

    void htmlFallbackWarning()
    {
        const Document document = loadBytesOk("<p>Caf\xe9 cr\xe8me.</p>", u"page.htm"_s);
        QCOMPARE(document.text, u"Café crème."_s);
        QCOMPARE(document.warnings.size(), 1);
        QVERIFY(document.warnings.first().contains(u"page.htm"_s));
        QVERIFY(document.warnings.first().contains(u"Windows-1252"_s));
    }

    void markdown()
    {
        const Document document = loadBytesOk(
            "# Mistral **Compute**\n\nMistral and [Nvidia](https://nvidia.com) build a cloud.\n"
            "![a chip](chip.png)\n> Quoted __words__ here.\n\n## Details\n\nMore `text`.\n",
            u"post.md"_s);
        QCOMPARE(document.title, u"Mistral Compute"_s);
        QCOMPARE(document.text, u"Mistral Compute\n\nMistral and Nvidia build a cloud.\n\nQuoted words here.\n\nDetails\n\nMore text."_s);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("mustContain");

        QTest::newRow("missing") << fixture(u"does-not-exist.txt"_s) << QStringList{u"does-not-exist.txt"_s, u"does not exist"_s};
        QTest::newRow("binary") << fixture(u"binary.txt"_s) << QStringList{u"binary.txt"_s, u"binary"_s};
        QTest::newRow("empty") << fixture(u"empty.txt"_s) << QStringList{u"empty.txt"_s, u"empty"_s};
        QTest::newRow("whitespace only") << fixture(u"whitespace-only.txt"_s) << QStringList{u"whitespace-only.txt"_s, u"empty"_s};
        QTest::newRow("unsupported suffix") << fixture(u"folder/sub/image.png"_s) << QStringList{u"image.png"_s, u"txt"_s};
        QTest::newRow("folder") << fixture(u"folder"_s) << QStringList{u"folder"_s, u"folder, not"_s};
    }

    void errors()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, mustContain);
        const Result<Document> document = DocumentLoader().load(path);
        QVERIFY(!document.ok());
        for (const QString &part : std::as_const(mustContain))
            QVERIFY2(document.error().contains(part), qPrintable(document.error()));
    }

    void noTextAfterExtraction()
    {
        const Result<Document> html = DocumentLoader().loadBytes("<html><body><script>x()</script><nav>Menu</nav></body></html>", u"scripts.html"_s);
        QVERIFY(!html.ok());
        QVERIFY2(html.error().contains(u"scripts.html"_s) && html.error().contains(u"no text"_s), qPrintable(html.error()));

        const Result<Document> headerOnly = DocumentLoader().loadBytes("date 2025-06-12\n", u"header-only.txt"_s);
        QVERIFY(!headerOnly.ok());
        QVERIFY2(headerOnly.error().contains(u"no text"_s), qPrintable(headerOnly.error()));
    }

    void tooLarge()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"big.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(3000, 'a'));
        file.close();

        LoaderOptions options;
        options.maxFileSize = 2048;
        const Result<Document> document = DocumentLoader(options).load(path);
        QVERIFY(!document.ok());
        QVERIFY2(document.error().contains(u"big.txt"_s), qPrintable(document.error()));
        QVERIFY2(document.error().contains(u"2.9 kB"_s), qPrintable(document.error())); // the size
        QVERIFY2(document.error().contains(u"2.0 kB"_s), qPrintable(document.error())); // the limit

        options.maxFileSize = 3000;
        QVERIFY(DocumentLoader(options).load(path).ok());
        QVERIFY(!DocumentLoader({2999}).loadBytes(QByteArray(3000, 'a'), path).ok());
    }

    void unreadable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"locked.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Secret.");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::Permissions()));
        if (QFile(path).open(QIODevice::ReadOnly))
            QSKIP("running with privileges that ignore file permissions");
        const Result<Document> document = DocumentLoader().load(path);
        QVERIFY(!document.ok());
        QVERIFY2(document.error().contains(u"locked.txt"_s), qPrintable(document.error()));
    }

    void resourcePath()
    {
        const Document document = loadOk(DocumentLoader(), u":/corpus/002_cab1a3ddbb1d7a4b.txt"_s);
        QCOMPARE(document.path, u":/corpus/002_cab1a3ddbb1d7a4b.txt"_s);
        QCOMPARE(document.fileName, u"002_cab1a3ddbb1d7a4b.txt"_s);
        QVERIFY(document.text.startsWith(u"Speaking at the VivaTech conference"_s));
    }

    void collectInputs()
    {
        const QString folder = fixture(u"folder"_s);
        const QString explicitFile = fixture(u"folder/sub/notes.docx"_s);
        const QString missing = fixture(u"nowhere"_s);
        const DocumentLoader::Inputs inputs = DocumentLoader::collectInputs({folder, explicitFile, missing, folder + u"/a.txt"_s});
        QCOMPARE(inputs.files,
                 (QStringList{folder + u"/a.txt"_s, folder + u"/sub/b.md"_s, folder + u"/sub/c.html"_s,
                              folder + u"/sub/deeper/d.htm"_s, explicitFile}));
        QCOMPARE(inputs.errors.size(), 1);
        QVERIFY(inputs.errors.first().contains(u"nowhere"_s));

        const DocumentLoader::Inputs corpus = DocumentLoader::collectInputs({u":/corpus"_s});
        QCOMPARE(corpus.files.size(), 5);
        QVERIFY(std::is_sorted(corpus.files.begin(), corpus.files.end()));
        QVERIFY(corpus.errors.isEmpty());
    }

    void folderDocuments()
    {
        const DocumentLoader loader;
        const DocumentLoader::Inputs inputs = DocumentLoader::collectInputs({fixture(u"folder"_s)});
        QStringList texts;
        for (const QString &path : inputs.files)
            texts.append(loadOk(loader, path).text);
        QCOMPARE(texts, (QStringList{u"Alpha article in the top folder."_s, u"Beta heading\n\nBeta is a Markdown article with a link."_s,
                                     u"Gamma is an HTML article."_s, u"Delta is an HTM article."_s}));
    }

    void sampleArticles()
    {
        Result<TextAnalyzer> analyzer = TextAnalyzer::fromDirectory(u":/lexicon"_s);
        QVERIFY2(analyzer.ok(), qPrintable(analyzer.error()));
        const DocumentLoader loader;
        const DocumentLoader::Inputs inputs = DocumentLoader::collectInputs({QStringLiteral(NEWSGRAPH_SOURCE_DIR "/resources/corpus")});
        QCOMPARE(inputs.files.size(), 5);
        QStringList languages;
        for (const QString &path : inputs.files) {
            const Document document = loadOk(loader, path);
            QVERIFY(document.warnings.isEmpty());
            QVERIFY(!document.text.isEmpty());
            QVERIFY(!document.text.front().isSpace() && !document.text.back().isSpace());
            languages.append(analyzer->analyze(document).document.language);
        }
        QCOMPARE(languages, (QStringList{u"en"_s, u"en"_s, u"en"_s, u"en"_s, u"fr"_s}));

        const Document dated = loadOk(loader, corpusFile(u"001_11033a9dda0c73fa.txt"_s));
        QCOMPARE(dated.date, QDate(2025, 6, 12));
        QVERIFY(dated.text.startsWith(u"French president Emmanuel Macron wants Europe"_s));
        QVERIFY(!dated.text.contains(u"2025-06-12"_s));
    }

    void binaryWithoutNulBytesIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString random = dir.filePath(u"random.txt"_s);
        QVERIFY(writeFile(random, randomBytesWithoutNul(8192, 11)));
        const QString image = dir.filePath(u"image.html"_s);
        QVERIFY(writeFile(image, QByteArray("\x89PNG\r\n\x1A\n\x01\x01\x01\rIHDR") + randomBytesWithoutNul(4000, 12)));
        for (const QString &path : {random, image}) {
            const Result<Document> document = DocumentLoader().load(path);
            QVERIFY2(!document.ok(), qPrintable(path));
            const QString name = QFileInfo(path).fileName();
            QVERIFY2(document.error().contains(name) && document.error().contains(u"binary"_s), qPrintable(document.error()));
        }
    }

    void textInAnyLanguageLoads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("fallback");

        QTest::newRow("French, Windows-1252") << QByteArray("L\x92\xE9t\xE9 de Mistral \x96 \x93" "caf\xE9\x94 \xE0 Paris.\n")
                                              << u"L’été de Mistral – “café” à Paris."_s << true;
        QTest::newRow("Greek, UTF-8") << QByteArray("Η Mistral AI συνεργάζεται με τη Nvidia.\n")
                                      << u"Η Mistral AI συνεργάζεται με τη Nvidia."_s << false;
        QTest::newRow("Chinese, UTF-8") << QByteArray("法国人工智能公司与英伟达合作。\n") << u"法国人工智能公司与英伟达合作。"_s << false;
        QTest::newRow("stray control characters") << QByteArray("Nvidia\x07 and Mistral\x1B[1m team up.\x1A\n")
                                                  << u"Nvidia\u0007 and Mistral\u001B[1m team up.\u001A"_s << false;
    }

    void textInAnyLanguageLoads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QFETCH(bool, fallback);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"article.txt"_s);
        QVERIFY(writeFile(path, bytes));
        const Document document = loadOk(DocumentLoader(), path);
        QCOMPARE(document.text, expected);
        QCOMPARE(!document.warnings.isEmpty(), fallback);
    }

    void pipesSocketsAndDevicesAreRefusedByName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pipe = dir.filePath(u"pipe.txt"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
        const QString socketPath = dir.filePath(u"socket.md"_s);
        const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        const auto closeListener = qScopeGuard([listener] { ::close(listener); });
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray socketName = QFile::encodeName(socketPath);
        QVERIFY(size_t(socketName.size()) < sizeof(address.sun_path));
        std::memcpy(address.sun_path, socketName.constData(), size_t(socketName.size()));
        QCOMPARE(::bind(listener, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);

        // Refused without being opened: opening the pipe would wait for a
        // writer forever.
        const QList<std::pair<QString, QString>> cases{
            {pipe, u"a named pipe"_s}, {socketPath, u"a socket"_s}, {u"/dev/null"_s, u"a character device"_s}};
        for (const auto &[path, kind] : cases) {
            const Result<Document> document = DocumentLoader().load(path);
            QVERIFY2(!document.ok(), qPrintable(path));
            QVERIFY2(document.error().contains(QFileInfo(path).fileName()), qPrintable(document.error()));
            QVERIFY2(document.error().contains(u"is not a regular file (%1)"_s.arg(kind)), qPrintable(document.error()));
        }

        // A folder scan skips them and says so; named, they are kept for
        // load() to refuse.
        const DocumentLoader::Inputs scanned = DocumentLoader::collectInputs({dir.path()});
        QCOMPARE(scanned.files, QStringList());
        QCOMPARE(scanned.errors.size(), 2);
        QVERIFY2(scanned.errors.at(0).contains(u"pipe.txt"_s) && scanned.errors.at(0).contains(u"named pipe"_s),
                 qPrintable(scanned.errors.at(0)));
        QVERIFY2(scanned.errors.at(1).contains(u"socket.md"_s) && scanned.errors.at(1).contains(u"socket"_s),
                 qPrintable(scanned.errors.at(1)));
        QCOMPARE(DocumentLoader::collectInputs({pipe}).files, QStringList{pipe});
    }

    void namesThatAreNotUtf8AreReadAndShownEscaped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray root = QFile::encodeName(dir.path());
        // Raw POSIX calls: Qt cannot name these files, nor remove them.
        const auto removeRaw = qScopeGuard([root] {
            ::unlink(root + "/r\xE9sum\xE9s/\xFF\xFE.md");
            ::rmdir(root + "/r\xE9sum\xE9s");
            ::unlink(root + "/caf\xE9.txt");
        });
        QVERIFY(writeRaw(root + "/caf\xE9.txt", "Le caf\xC3\xA9 de Paris ouvre lundi.\n"));
        QCOMPARE(::mkdir(root + "/r\xE9sum\xE9s", 0755), 0);
        QVERIFY(writeRaw(root + "/r\xE9sum\xE9s/\xFF\xFE.md", "# Title\n\nA Markdown article.\n"));
        QVERIFY(writeRaw(root + "/plain.txt", "Plain name.\n"));
        QVERIFY(writeRaw(root + "/.hidden.txt", "Hidden files are skipped.\n"));

        const DocumentLoader::Inputs inputs = DocumentLoader::collectInputs({dir.path()});
        QVERIFY2(inputs.errors.isEmpty(), qPrintable(inputs.errors.join(u'\n')));
        QStringList names;
        for (const QString &file : inputs.files)
            names.append(QString::fromLatin1(encodeFileName(file).mid(root.size()).toHex()));
        QCOMPARE(names, (QStringList{QString::fromLatin1(QByteArray("/caf\xE9.txt").toHex()),
                                     QString::fromLatin1(QByteArray("/plain.txt").toHex()),
                                     QString::fromLatin1(QByteArray("/r\xE9sum\xE9s/\xFF\xFE.md").toHex())}));

        const DocumentLoader loader;
        const Document cafe = loadOk(loader, inputs.files.at(0));
        QCOMPARE(cafe.text, u"Le café de Paris ouvre lundi."_s);
        QCOMPARE(cafe.fileName, u"caf\\xE9.txt"_s);
        QCOMPARE(cafe.path, dir.path() + u"/caf\\xE9.txt"_s);
        const Document markdown = loadOk(loader, inputs.files.at(2));
        QCOMPARE(markdown.text, u"Title\n\nA Markdown article."_s);
        QCOMPARE(markdown.fileName, u"\\xFF\\xFE.md"_s);
        QCOMPARE(markdown.path, dir.path() + u"/r\\xE9sum\\xE9s/\\xFF\\xFE.md"_s);

        // Named as the command line gives them (decodeFileName(argv[i])).
        const QString named = decodeFileName(root + "/caf\xE9.txt");
        QCOMPARE(DocumentLoader::collectInputs({named}).files, QStringList{named});
        QCOMPARE(loadOk(loader, named).text, cafe.text);

        // Messages name them by their escaped bytes.
        const QString missing = decodeFileName(root + "/na\xEFve.txt");
        const DocumentLoader::Inputs none = DocumentLoader::collectInputs({missing});
        QCOMPARE(none.errors.size(), 1);
        QVERIFY2(none.errors.first().contains(u"na\\xEFve.txt"_s), qPrintable(none.errors.first()));
        const Result<Document> notThere = loader.load(missing);
        QVERIFY(!notThere.ok());
        QVERIFY2(notThere.error().contains(u"na\\xEFve.txt"_s) && notThere.error().contains(u"does not exist"_s),
                 qPrintable(notThere.error()));
    }

    void unreadableFoldersAndFilesAreReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path();
        // Open to others (and to root's group, which the file-system group
        // id still is) like any shared folder.
        QCOMPARE(::chmod(QFile::encodeName(root).constData(), 0755), 0);
        QVERIFY(QDir(root).mkpath(u"open"_s));
        QVERIFY(QDir(root).mkpath(u"locked/inner"_s));
        QVERIFY(writeFile(root + u"/open/a.txt"_s, "Readable article.\n"));
        QVERIFY(writeFile(root + u"/locked/b.txt"_s, "Behind a locked folder.\n"));
        QVERIFY(writeFile(root + u"/secret.txt"_s, "Unreadable article.\n"));
        QCOMPARE(::chmod(QFile::encodeName(root + u"/locked"_s).constData(), 0), 0);
        QCOMPARE(::chmod(QFile::encodeName(root + u"/secret.txt"_s).constData(), 0), 0);
        const auto unlock = qScopeGuard([root] { ::chmod(QFile::encodeName(root + u"/locked"_s).constData(), 0755); });

        const UnprivilegedFileAccess unprivileged;
        if (!unprivileged.isActive())
            QSKIP("running as root and cannot drop the file-system identity (setfsuid), so permissions stop nothing");
        // AT_EACCESS: checked as the file-system identity now is.
        if (::faccessat(AT_FDCWD, QFile::encodeName(root).constData(), R_OK | X_OK, AT_EACCESS) != 0)
            QSKIP("the temporary folder's parents are closed to an unprivileged user");

        const DocumentLoader::Inputs inputs = DocumentLoader::collectInputs({root});
        // The locked folder is named with the reason; the scan goes on.
        QCOMPARE(inputs.errors.size(), 1);
        QVERIFY2(inputs.errors.first().contains(u"/locked"_s) && inputs.errors.first().contains(qt_error_string(EACCES)),
                 qPrintable(inputs.errors.first()));
        QCOMPARE(inputs.files, (QStringList{root + u"/open/a.txt"_s, root + u"/secret.txt"_s}));
        // The unreadable file is listed, and load() says why it is skipped.
        QCOMPARE(loadOk(DocumentLoader(), inputs.files.at(0)).text, u"Readable article."_s);
        const Result<Document> secret = DocumentLoader().load(inputs.files.at(1));
        QVERIFY(!secret.ok());
        QVERIFY2(secret.error().contains(u"secret.txt"_s) && secret.error().contains(qt_error_string(EACCES)),
                 qPrintable(secret.error()));
    }

    void brokenLinksInFoldersAreReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"real.txt"_s), "A real article.\n"));
        QCOMPARE(::symlink("real.txt", QFile::encodeName(dir.filePath(u"link.txt"_s)).constData()), 0);
        QCOMPARE(::symlink("gone.txt", QFile::encodeName(dir.filePath(u"dangling.txt"_s)).constData()), 0);
        QCOMPARE(::symlink("gone", QFile::encodeName(dir.filePath(u"dangling-folder"_s)).constData()), 0);
        const DocumentLoader::Inputs inputs = DocumentLoader::collectInputs({dir.path()});
        QCOMPARE(inputs.files, (QStringList{dir.filePath(u"link.txt"_s), dir.filePath(u"real.txt"_s)}));
        QCOMPARE(inputs.errors.size(), 1); // a link without a supported suffix is no article
        QVERIFY2(inputs.errors.first().contains(u"dangling.txt"_s) && inputs.errors.first().contains(u"link"_s),
                 qPrintable(inputs.errors.first()));
    }

    void htmlTextLossIsAWarning()
    {
        const Document document = loadBytesOk("<html><body><p>Kept.</p><!-- never closed <p>Hidden.</p></body></html>",
                                               u"news/lossy.html"_s);
        QCOMPARE(document.text, u"Kept."_s);
        QCOMPARE(document.warnings.size(), 1);
        QVERIFY2(document.warnings.first().contains(u"lossy.html"_s) && document.warnings.first().contains(u"comment"_s),
                 qPrintable(document.warnings.first()));
    }
};

QTEST_GUILESS_MAIN(TestDocumentLoader)
#include "tst_documentloader.moc"
