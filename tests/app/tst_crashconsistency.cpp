#include "core/pipeline/Ingester.h"
#include "core/store/SqlFunctions.h"
#include "tests/support/InventedArticles.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

// newsgraph-cli ingest killed (SIGKILL) at random points of its run, as a
// crash, a power cut or an impatient user would stop it; after each kill the
// project must be whole: SQLite's own checks pass, nothing refers to what is
// not there, and the run is stored entirely or not at all. The next run
// then completes.
class TestCrashConsistency : public QObject
{
    Q_OBJECT

private:
    // The answers of a few queries on a project, for the invariants.
    struct Checks
    {
        QString integrity;      // PRAGMA integrity_check
        int foreignKeyProblems = -1;
        QString fts;            // the FTS5 index against its table: "ok" or the error
        qint64 documents = -1;
        QStringList problems;   // invariants of our own that failed, each named
    };

    static qint64 integer(sqlite3 *handle, const char *sql)
    {
        sqlite3_stmt *statement = nullptr;
        qint64 value = -1;
        if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW)
            value = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
        return value;
    }

    static Checks check(const QString &path)
    {
        Checks checks;
        sqlite3 *handle = nullptr;
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &handle, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            checks.integrity = QString::fromUtf8(sqlite3_errmsg(handle));
            sqlite3_close(handle);
            return checks;
        }
        // The search index reads sentence texts through NewsGraph's own SQL
        // function (see SqlFunctions.h).
        if (!NewsGraph::registerSqlFunctions(handle)) {
            checks.integrity = QString::fromUtf8(sqlite3_errmsg(handle));
            sqlite3_close(handle);
            return checks;
        }
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW)
            checks.integrity = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);

        checks.foreignKeyProblems = 0;
        if (sqlite3_prepare_v2(handle, "PRAGMA foreign_key_check", -1, &statement, nullptr) == SQLITE_OK) {
            while (sqlite3_step(statement) == SQLITE_ROW)
                ++checks.foreignKeyProblems;
        }
        sqlite3_finalize(statement);

        checks.fts = sqlite3_exec(handle, "INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')",
                                  nullptr, nullptr, nullptr)
                == SQLITE_OK
            ? u"ok"_s
            : QString::fromUtf8(sqlite3_errmsg(handle));

        checks.documents = integer(handle, "SELECT count(*) FROM documents");
        const QList<std::pair<const char *, const char *>> invariants = {
            {"documents without sentences",
             "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)"},
            {"sentences outside their text",
             "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id "
             "WHERE s.start < 0 OR s.\"end\" > d.text_length OR s.start >= s.\"end\""},
            {"mentions outside their sentence",
             "SELECT count(*) FROM mentions m JOIN sentences s ON s.id = m.sentence_id "
             "WHERE m.start < s.start OR m.\"end\" > s.\"end\""},
            {"entities without mentions",
             "SELECT count(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"},
            {"entities whose mention count is not that of their mentions",
             "SELECT count(*) FROM entities e WHERE e.mention_count <> "
             "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.resolved = 0)"},
            {"relations without evidence",
             "SELECT count(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM relation_evidence v WHERE v.relation_id = r.id)"},
            // Co-occurrences are read from the mentions, never stored.
            {"stored co-occurrences",
             "SELECT count(*) FROM relations r JOIN predicates p ON p.id = r.predicate_id WHERE p.name = 'mentioned_with'"},
            {"sentences missing from the search index",
             "SELECT (SELECT count(*) FROM sentences) - (SELECT count(*) FROM sentences_fts)"},
        };
        for (const auto &[name, sql] : invariants) {
            const qint64 count = integer(handle, sql);
            if (count != 0)
                checks.problems.append(u"%1: %2"_s.arg(QString::fromLatin1(name)).arg(count));
        }
        sqlite3_close(handle);
        return checks;
    }

    static QProcess *startIngest(const QString &db, const QString &folder, QObject *parent)
    {
        auto *process = new QProcess(parent);
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(QStringLiteral(NEWSGRAPH_CLI), {u"ingest"_s, u"--db"_s, db, folder});
        return process;
    }

private Q_SLOTS:
    void killedIngestLeavesAWholeProject()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"project.newsgraph"_s);
        const QString first = dir.filePath(u"first"_s);
        const QString second = dir.filePath(u"second"_s);
        QVERIFY(QDir().mkpath(first) && QDir().mkpath(second));
        qint64 characters = 0;
        const auto writeArticles = [&characters](const QString &folder, int from, int count) {
            for (int i = from; i < from + count; ++i) {
                QFile file(u"%1/article-%2.txt"_s.arg(folder).arg(i, 4, 10, QChar(u'0')));
                if (!file.open(QIODevice::WriteOnly))
                    return false;
                const QString text = NewsGraph::Testing::inventedArticle(i);
                characters += text.size();
                file.write(text.toUtf8());
            }
            return true;
        };
        // A run of one part, which is all or nothing (a longer run is
        // stored in several, each all or nothing).
        constexpr int runSize = 240;
        static_assert(runSize <= NewsGraph::Ingester::defaultPartDocuments);
        QVERIFY(writeArticles(first, 0, 30));
        characters = 0;
        QVERIFY(writeArticles(second, 1000, runSize));
        QVERIFY(characters < NewsGraph::Ingester::defaultPartCharacters);

        // A project with something in it already, and how long a whole run
        // of the second folder takes (on a copy), to aim the kills.
        {
            QProcess process;
            process.start(QStringLiteral(NEWSGRAPH_CLI), {u"ingest"_s, u"--db"_s, db, first});
            QVERIFY(process.waitForFinished(120000));
            QCOMPARE(process.exitCode(), 0);
        }
        const QString pristine = dir.filePath(u"pristine.newsgraph"_s);
        QVERIFY(QFile::copy(db, pristine));
        const qint64 before = check(db).documents;
        QCOMPARE(before, 30);
        qint64 runMs = 0;
        {
            const QString copy = dir.filePath(u"timing.newsgraph"_s);
            QVERIFY(QFile::copy(db, copy));
            QElapsedTimer timer;
            timer.start();
            QProcess process;
            process.start(QStringLiteral(NEWSGRAPH_CLI), {u"ingest"_s, u"--db"_s, copy, second});
            QVERIFY(process.waitForFinished(120000));
            QCOMPARE(process.exitCode(), 0);
            runMs = std::max<qint64>(timer.elapsed(), 20);
        }
        qInfo("a whole run takes %lld ms", runMs);

        // Kills spread over the whole run, and more of them near its end,
        // where the documents are written and committed.
#ifdef __SANITIZE_ADDRESS__
        // Each run is several times slower under AddressSanitizer, and CI
        // runs the suite both ways: the plain build takes all the rounds.
        constexpr int rounds = 8;
#else
        constexpr int rounds = 24;
#endif
        // The rounds also stop at a time budget: under a loaded machine (CI
        // builds while tests run) a whole run can take several times what it
        // took when measured, and the test must end well inside its timeout.
        constexpr qint64 budgetMs = 150000;
        constexpr int minimumRounds = 4;
        QElapsedTimer roundsTimer;
        roundsTimer.start();
        QRandomGenerator random(20261203);
        int killedMidRun = 0;
        for (int round = 0; round < rounds; ++round) {
            if (round >= minimumRounds && roundsTimer.elapsed() > budgetMs) {
                qInfo("time budget spent after %d rounds", round);
                break;
            }
            const double at = round % 2 == 0 ? random.bounded(1.1) : 0.6 + random.bounded(0.45);
            QProcess *process = startIngest(db, second, this);
            QVERIFY(process->waitForStarted());
            QTest::qWait(int(at * double(runMs)));
            const bool running = process->state() == QProcess::Running;
            if (running) {
                process->kill();
                ++killedMidRun;
            }
            // Already over (it ran to its end, or the kill was quick):
            // waitForFinished() would say false.
            if (process->state() != QProcess::NotRunning)
                QVERIFY(process->waitForFinished(120000));
            delete process;

            const Checks checks = check(db);
            const QString round_ = u"round %1 (kill at %2 of the run)"_s.arg(round).arg(at, 0, 'f', 2);
            QVERIFY2(checks.integrity == u"ok"_s, qPrintable(round_ + u": "_s + checks.integrity));
            QVERIFY2(checks.foreignKeyProblems == 0, qPrintable(round_));
            QVERIFY2(checks.fts == u"ok"_s, qPrintable(round_ + u": "_s + checks.fts));
            QVERIFY2(checks.problems.isEmpty(), qPrintable(round_ + u": "_s + checks.problems.join(u"; "_s)));
            // All or nothing: the run's documents are there together or not at all.
            QVERIFY2(checks.documents == before || checks.documents == before + runSize,
                     qPrintable(round_ + u": %1 documents"_s.arg(checks.documents)));
            qInfo("%s: %s, %lld documents", qPrintable(round_), running ? "killed" : "had ended",
                  checks.documents);
            if (checks.documents == before + runSize) {
                // The run got through before its kill: start again from the
                // project as it was, so that every round can interrupt one.
                for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
                    QFile::remove(db + suffix);
                QVERIFY(QFile::copy(pristine, db));
            }
        }
        QVERIFY2(killedMidRun > 0, "no run was killed while it ran");

        // The next run completes what the killed ones did not.
        QProcess process;
        process.start(QStringLiteral(NEWSGRAPH_CLI), {u"ingest"_s, u"--db"_s, db, second});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        const Checks after = check(db);
        QCOMPARE(after.integrity, u"ok"_s);
        QVERIFY2(after.problems.isEmpty(), qPrintable(after.problems.join(u"; "_s)));
        QCOMPARE(after.documents, before + runSize);
    }
};

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"
