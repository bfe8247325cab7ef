#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace NewsGraph;

class TestIngester : public QObject
{
    Q_OBJECT

private:
    std::optional<TextAnalyzer> m_analyzer;

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    static int documentCount(Database &database)
    {
        const Result<StoreStatistics> statistics = Repository(database).statistics();
        return statistics ? statistics->documents : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<TextAnalyzer> analyzer = TextAnalyzer::fromDirectory(bundledLexiconDirectory());
        QVERIFY2(analyzer.ok(), qPrintable(analyzer.error()));
        m_analyzer.emplace(std::move(analyzer).value());
    }

    void ingestsTheBundledCorpus()
    {
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        Ingester ingester(database.value(), *m_analyzer);
        QList<int> progress;
        const IngestReport report = ingester.ingest(bundledCorpusPaths(), [&](int done, int total, const QString &) {
            QCOMPARE(total, 5);
            progress.append(done);
        });
        QVERIFY(report.committed());
        QCOMPARE(report.added, 5);
        QCOMPARE(report.addedDocumentIds.size(), 5);
        QCOMPARE(report.duplicates, 0);
        QCOMPARE(report.unreadable, 0);
        QCOMPARE(progress, (QList<int>{1, 2, 3, 4, 5}));

        const Result<StoreStatistics> statistics = Repository(database.value()).statistics();
        QVERIFY(statistics.ok());
        QCOMPARE(statistics->documents, 5);
        QCOMPARE(statistics->languages.value(QStringLiteral("en")), 4);
        QCOMPARE(statistics->languages.value(QStringLiteral("fr")), 1);
        QVERIFY(statistics->sentences > 50);

        const Result<QList<DocumentRecord>> documents = Repository(database.value()).documents();
        QVERIFY(documents.ok());
        for (const DocumentRecord &document : documents.value()) {
            QVERIFY(!document.title.isEmpty());
            if (document.fileName == QStringLiteral("001_11033a9dda0c73fa.txt"))
                QCOMPARE(document.date, QDate(2025, 6, 12));
            else
                QVERIFY(!document.date.isValid());
        }

        // Same content again: nothing added, nothing lost.
        const IngestReport again = ingester.ingest(bundledCorpusPaths());
        QCOMPARE(again.added, 0);
        QCOMPARE(again.duplicates, 5);
        QCOMPARE(documentCount(database.value()), 5);
    }

    void duplicatesWithinOneRunAreStoredOnce()
    {
        QTemporaryDir dir;
        const QByteArray article = "Globex Corporation opened an office in Lyon. Its chief executive, Hank Scorpio, cut the ribbon.";
        writeFile(dir.filePath(QStringLiteral("a.txt")), article);
        writeFile(dir.filePath(QStringLiteral("b.md")), article);
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        Ingester ingester(database.value(), *m_analyzer);
        const IngestReport report = ingester.ingest({dir.path()});
        QCOMPARE(report.added, 1);
        QCOMPARE(report.duplicates, 1);
        QCOMPARE(documentCount(database.value()), 1);
    }

    void unreadableInputsAreSkippedAndNamed()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("good.txt")), "Initech signed a supply deal with Umbrella Corp. on Monday.");
        writeFile(dir.filePath(QStringLiteral("empty.txt")), "");
        writeFile(dir.filePath(QStringLiteral("binary.html")), QByteArray("<p>x\0y</p>", 10));
        const QString missing = dir.filePath(QStringLiteral("nowhere/missing.txt"));

        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        Ingester ingester(database.value(), *m_analyzer);
        const IngestReport report = ingester.ingest({dir.path(), missing});
        QVERIFY(report.committed());
        QCOMPARE(report.added, 1);
        QCOMPARE(report.unreadable, 3);
        QCOMPARE(report.errors.size(), 3);
        QStringList messages;
        for (const IngestMessage &error : report.errors)
            messages.append(error.message);
        const QString all = messages.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("empty.txt")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("binary.html")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("missing.txt")), qPrintable(all));
    }

    void encodingFallbackIsAWarning()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("latin.txt")), "Le minist\xe8re fran\xe7" "ais a sign\xe9 un accord avec Airbus.");
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        const IngestReport report = Ingester(database.value(), *m_analyzer).ingest({dir.path()});
        QCOMPARE(report.added, 1);
        QCOMPARE(report.warnings.size(), 1);
        QVERIFY(report.warnings.first().message.contains(QStringLiteral("latin.txt")));
        const Result<QString> text = Repository(database.value()).documentText(report.addedDocumentIds.first());
        QVERIFY(text.ok());
        QVERIFY2(text->contains(QStringLiteral("ministère français a signé")), qPrintable(text.value()));
    }

    void cancelledRunLeavesTheDatabaseAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.newsgraph"));
        Result<Database> database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Ingester ingester(database.value(), *m_analyzer);
        QCOMPARE(ingester.ingest(bundledCorpusPaths().mid(0, 1)).added, 1);

        std::atomic_bool cancel = false;
        const IngestReport report = ingester.ingest(bundledCorpusPaths(), [&](int done, int, const QString &) {
            if (done == 3)
                cancel = true;
        }, &cancel);
        QVERIFY(report.cancelled);
        QVERIFY(!report.committed());
        QCOMPARE(report.added, 0);
        QCOMPARE(documentCount(database.value()), 1);

        // The cancelled run left no lock behind: the next run works.
        QCOMPARE(ingester.ingest(bundledCorpusPaths()).added, 4);
        QCOMPARE(documentCount(database.value()), 5);
    }
};

QTEST_GUILESS_MAIN(TestIngester)
#include "tst_ingester.moc"
