#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Evaluator.h"
#include "tests/support/InventedArticles.h"
#include "tests/support/ScratchMount.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include "core/extract/NameTyper.h"

#include <QtTest>

#include <sqlite3.h>
#include <sys/stat.h>

using namespace NewsGraph;

using namespace Qt::StringLiterals;

// newsgraph-cli end to end: the real executable, run as a user would.
class TestCliTool : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };

    // What a started process did; exit code -1 when it crashed or did not
    // end in time.
    static Run finish(QProcess &process)
    {
        if (!process.waitForFinished(120000))
            return {};
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(NEWSGRAPH_CLI), arguments);
        return finish(process);
    }

    // Like cli(), with standard output going to the file `out`.
    static Run cliInto(const QStringList &arguments, const QString &out)
    {
        QProcess process;
        process.setStandardOutputFile(out);
        process.start(QStringLiteral(NEWSGRAPH_CLI), arguments);
        return finish(process);
    }

    // A shell script run in `folder` with the CLI as "$1": the way to hand
    // the program names as raw bytes.
    static Run shellWithCli(const QString &folder, const QString &script)
    {
        QProcess process;
        process.setWorkingDirectory(folder);
        process.start(QStringLiteral("/bin/sh"),
                      {QStringLiteral("-c"), script, QStringLiteral("sh"), QStringLiteral(NEWSGRAPH_CLI)});
        return finish(process);
    }

    static QString integrityCheck(const QString &path)
    {
        sqlite3 *handle = nullptr;
        QString result;
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *check = nullptr;
            if (sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK
                && sqlite3_step(check) == SQLITE_ROW)
                result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(check, 0)));
            sqlite3_finalize(check);
        }
        if (result.isEmpty())
            result = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_close(handle);
        return result;
    }

    static QString corpusDir() { return QStringLiteral(NEWSGRAPH_SOURCE_DIR "/resources/corpus"); }
    static QString goldDir() { return QStringLiteral(NEWSGRAPH_TEST_DATA "/gold"); }

    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    QTemporaryDir m_dir;
    QString m_db; // the sample corpus, ingested once in initTestCase

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("corpus.newsgraph"));
        const Run run = cli({QStringLiteral("ingest"), QStringLiteral("--db"), m_db, corpusDir()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Added 5 documents")), qPrintable(run.out));
    }

    // Scripts and logs get no progress line unless they ask for one; asked,
    // it counts the files and ends its line before the summary.
    void ingestShowsProgressOnlyWhenAsked()
    {
        const QString quiet = m_dir.filePath(u"quiet.newsgraph"_s);
        const Run plain = cli({u"ingest"_s, u"--db"_s, quiet, corpusDir()});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(!plain.err.contains(u'\r') && !plain.err.contains(u"files"_s), qPrintable(plain.err));

        const QString shown = m_dir.filePath(u"shown.newsgraph"_s);
        const Run progress = cli({u"ingest"_s, u"--db"_s, shown, u"--progress"_s, corpusDir()});
        QCOMPARE(progress.exitCode, 0);
        QVERIFY2(progress.err.contains(u"\r5/5 files 100%"_s) && progress.err.endsWith(u'\n'), qPrintable(progress.err));
        QVERIFY2(progress.out.contains(u"Added 5 documents"_s), qPrintable(progress.out));

        const Run both = cli({u"ingest"_s, u"--db"_s, shown, u"--progress"_s, u"--no-progress"_s, corpusDir()});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(u"contradict"_s), qPrintable(both.err));
    }

    // One entity's relations, read through the store's indexes, are those
    // of the whole listing that name it, in the same order; a name written
    // otherwise or its id find it too, and a name of no entity fails.
    void relationsOfOneEntity()
    {
        const auto records = [](const Run &run) {
            return QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"relations"_s).toArray();
        };
        const Run all = cli({u"relations"_s, u"--db"_s, m_db, u"--cooccurrence"_s, u"--json"_s});
        QCOMPARE(all.exitCode, 0);
        QJsonArray expected;
        for (const QJsonValue &relation : records(all)) {
            const QJsonObject object = relation.toObject();
            if (object.value(u"subject"_s).toString() == u"Nvidia"_s || object.value(u"object"_s).toString() == u"Nvidia"_s)
                expected.append(object);
        }
        QVERIFY(expected.size() >= 5);

        const Run one = cli({u"relations"_s, u"--db"_s, m_db, u"--entity"_s, u"Nvidia"_s, u"--cooccurrence"_s, u"--json"_s});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(records(one), expected);
        const Run folded = cli({u"relations"_s, u"--db"_s, m_db, u"--entity"_s, u"NVIDIA"_s, u"--cooccurrence"_s, u"--json"_s});
        QCOMPARE(records(folded), expected);

        // Typed relations only without --cooccurrence, as the listing.
        const Run typed = cli({u"relations"_s, u"--db"_s, m_db, u"--entity"_s, u"Nvidia"_s, u"--json"_s});
        for (const QJsonValue &relation : records(typed))
            QVERIFY(relation.toObject().value(u"predicate"_s).toString() != u"mentioned_with"_s);
        QVERIFY(!records(typed).isEmpty() && records(typed).size() < expected.size());

        const Run none = cli({u"relations"_s, u"--db"_s, m_db, u"--entity"_s, u"Quarnell Tidewater"_s});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(u"no entity named 'Quarnell Tidewater'"_s), qPrintable(none.err));
    }

    // Output that does not reach its file is a failure, not a success.
    void outputToAFullDiskFails()
    {
        const QList<QStringList> commands = {
            {u"stats"_s, u"--db"_s, m_db},
            {u"entities"_s, u"--db"_s, m_db, u"--json"_s},
            {u"relations"_s, u"--db"_s, m_db},
            {u"search"_s, u"--db"_s, m_db, u"Nvidia"_s},
        };
        for (const QStringList &command : commands) {
            const Run run = cliInto(command, u"/dev/full"_s);
            QVERIFY2(run.exitCode == 2, qPrintable(command.join(u' ') + u": "_s + run.err));
            QVERIFY2(run.err.contains(u"No space left on device"_s), qPrintable(run.err));
        }
    }

    // On a medium nobody can write (root included), reading commands work
    // and writing ones say why they cannot; the file is left as it was.
    void readOnlyProjectIsReadable()
    {
        NEWSGRAPH_MOUNT_SCRATCH_OR_SKIP(scratch, why, 8 << 20);
        const QString db = scratch->filePath(u"project.newsgraph"_s);
        QCOMPARE(cli({u"ingest"_s, u"--db"_s, db, corpusDir()}).exitCode, 0);
        QVERIFY2(scratch->remountReadOnly(&why), qPrintable(why));
        const QByteArray before = fileHash(db);

        const QList<QStringList> reading = {
            {u"stats"_s, u"--db"_s, db},
            {u"documents"_s, u"--db"_s, db},
            {u"search"_s, u"--db"_s, db, u"Nvidia"_s},
            {u"entities"_s, u"--db"_s, db, u"--json"_s},
            {u"relations"_s, u"--db"_s, db},
            {u"metrics"_s, u"--db"_s, db},
            {u"neighbors"_s, u"--db"_s, db, u"Nvidia"_s},
        };
        for (const QStringList &command : reading) {
            const Run run = cli(command);
            QVERIFY2(run.exitCode == 0, qPrintable(command.join(u' ') + u": "_s + run.err));
        }
        QVERIFY(cli({u"stats"_s, u"--db"_s, db}).out.contains(u"Documents:  5"_s));

        const Run ingest = cli({u"ingest"_s, u"--db"_s, db, corpusDir()});
        QCOMPARE(ingest.exitCode, 2);
        QVERIFY2(ingest.err.contains(db) && ingest.err.contains(u"read-only file system"_s), qPrintable(ingest.err));
        const Run layout = cli({u"layout"_s, u"--db"_s, db});
        QCOMPARE(layout.exitCode, 2);
        QVERIFY2(layout.err.contains(db), qPrintable(layout.err));
        QCOMPARE(fileHash(db), before);
    }

    // A disk that fills up during an ingest: nothing of the run is stored,
    // the message says the disk is full, and the project is whole.
    void fullDiskIngestStoresNothing()
    {
        NEWSGRAPH_MOUNT_SCRATCH_OR_SKIP(scratch, why, 1 << 20);
        const QString db = scratch->filePath(u"project.newsgraph"_s);
        QCOMPARE(cli({u"ingest"_s, u"--db"_s, db, corpusDir()}).exitCode, 0);

        // Long articles, so that the disk fills up within the run's first
        // part (a transaction).
        QTemporaryDir articles;
        for (int i = 0; i < 300; ++i) {
            const QString text = Testing::inventedArticle(3 * i) + u"\n\n"_s + Testing::inventedArticle(3 * i + 1)
                + u"\n\n"_s + Testing::inventedArticle(3 * i + 2);
            writeFile(articles.filePath(u"article-%1.txt"_s.arg(i)), text.toUtf8());
        }
        const Run full = cli({u"ingest"_s, u"--db"_s, db, articles.path()});
        QCOMPARE(full.exitCode, 2);
        QVERIFY2(full.err.contains(u"nothing was stored"_s) && full.err.contains(u"full"_s)
                     && full.err.contains(db),
                 qPrintable(full.err));
        QVERIFY2(!full.err.contains(u"does not exist"_s), qPrintable(full.err));
        QVERIFY2(!full.out.contains(u"Added"_s), qPrintable(full.out));

        QCOMPARE(integrityCheck(db), u"ok"_s);
        const Run stats = cli({u"stats"_s, u"--db"_s, db, u"--json"_s});
        QCOMPARE(stats.exitCode, 0);
        QCOMPARE(stats.json().value(u"documents"_s).toInt(), 5);
    }

    // A database or output named with bytes that are not UTF-8 would be
    // opened under another name: refused, naming it with its bytes escaped.
    void optionValuesThatAreNotUtf8AreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = QStringLiteral(
            "\"$1\" stats --db \"$(printf 'caf\\351.newsgraph')\"; echo \"exit=$?\"; ls");
        const Run shell = shellWithCli(dir.path(), script);
        QVERIFY(shell.exitCode != -1);
        const QString &out = shell.out;
        const QString &err = shell.err;
        QVERIFY2(out.contains(QStringLiteral("exit=2")), qPrintable(out));
        QVERIFY2(err.contains(QStringLiteral("caf\\xE9.newsgraph")) && err.contains(QStringLiteral("not valid UTF-8")),
                 qPrintable(err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList()); // nothing created under another name
    }

    void helpIsAvailableForEveryCommand()
    {
        const Run general = cli({QStringLiteral("--help")});
        QCOMPARE(general.exitCode, 0);
        const QStringList commands{QStringLiteral("ingest"),   QStringLiteral("stats"),
                                   QStringLiteral("documents"), QStringLiteral("sentences"),
                                   QStringLiteral("text"),     QStringLiteral("search"),
                                   QStringLiteral("entities"), QStringLiteral("relations"),
                                   QStringLiteral("metrics"),  QStringLiteral("path"),
                                   QStringLiteral("neighbors"), QStringLiteral("layout"),
                                   QStringLiteral("export"),   QStringLiteral("eval"),
                                   QStringLiteral("check")};
        for (const QString &command : commands) {
            QVERIFY2(general.out.contains(QStringLiteral("  ") + command), qPrintable(command));
            const Run help = cli({command, QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.startsWith(QStringLiteral("Usage: newsgraph-cli ") + command), qPrintable(help.out));
            QVERIFY(help.out.contains(QStringLiteral("--help")));
        }
    }

    void usageErrorsExitWithTwo()
    {
        QCOMPARE(cli({}).exitCode, 2);
        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        const Run noDb = cli({QStringLiteral("ingest"), corpusDir()});
        QCOMPARE(noDb.exitCode, 2);
        QVERIFY(noDb.err.contains(QStringLiteral("--db")));
        const Run noPaths = cli({QStringLiteral("ingest"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("x.db"))});
        QCOMPARE(noPaths.exitCode, 2);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.db"))));
        const Run badOption = cli({QStringLiteral("stats"), QStringLiteral("--nonsense")});
        QCOMPARE(badOption.exitCode, 2);
        QVERIFY(badOption.err.contains(QStringLiteral("nonsense")));
        QCOMPARE(cli({QStringLiteral("sentences"), QStringLiteral("--db"), m_db}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("sentences"), QStringLiteral("--db"), m_db, QStringLiteral("--doc"), QStringLiteral("abc")}).exitCode, 2);
        const Run missingDoc = cli({QStringLiteral("sentences"), QStringLiteral("--db"), m_db, QStringLiteral("--doc"), QStringLiteral("999")});
        QCOMPARE(missingDoc.exitCode, 2);
        QVERIFY(missingDoc.err.contains(QStringLiteral("no document with id 999")));
        const Run missingDb = cli({QStringLiteral("stats"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("absent.db"))});
        QCOMPARE(missingDb.exitCode, 2);
        QVERIFY(missingDb.err.contains(QStringLiteral("absent.db: no such database")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("absent.db"))));
    }

    void sampleCorpusDocuments()
    {
        const Run run = cli({QStringLiteral("documents"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray documents = run.json().value(QStringLiteral("documents")).toArray();
        QCOMPARE(documents.size(), 5);
        QMap<QString, int> languages;
        for (const QJsonValue &value : documents) {
            const QJsonObject document = value.toObject();
            ++languages[document.value(QStringLiteral("language")).toString()];
            QVERIFY(!document.value(QStringLiteral("title")).toString().isEmpty());
            QVERIFY(document.value(QStringLiteral("sentences")).toInt() > 3);
            if (document.value(QStringLiteral("document")).toString() == QStringLiteral("001_11033a9dda0c73fa.txt"))
                QCOMPARE(document.value(QStringLiteral("date")).toString(), QStringLiteral("2025-06-12"));
        }
        QCOMPARE(languages.value(QStringLiteral("en")), 4);
        QCOMPARE(languages.value(QStringLiteral("fr")), 1);

        const Run text = cli({QStringLiteral("documents"), QStringLiteral("--db"), m_db});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("004_fb915d71e20cdf0d.txt")));
        QVERIFY(text.out.contains(QStringLiteral("2025-06-12")));
    }

    void sentenceOffsetsSliceTheStoredText()
    {
        const QJsonArray documents = cli({QStringLiteral("documents"), QStringLiteral("--db"), m_db, QStringLiteral("--json")})
                                         .json().value(QStringLiteral("documents")).toArray();
        QCOMPARE(documents.size(), 5);
        for (const QJsonValue &value : documents) {
            const QString id = QString::number(value.toObject().value(QStringLiteral("id")).toInteger());
            const Run textRun = cli({QStringLiteral("text"), QStringLiteral("--db"), m_db, QStringLiteral("--doc"), id, QStringLiteral("--json")});
            QCOMPARE(textRun.exitCode, 0);
            const QString text = textRun.json().value(QStringLiteral("text")).toString();
            QVERIFY(!text.isEmpty());
            const Run sentencesRun = cli({QStringLiteral("sentences"), QStringLiteral("--db"), m_db, QStringLiteral("--doc"), id, QStringLiteral("--json")});
            QCOMPARE(sentencesRun.exitCode, 0);
            const QJsonArray sentences = sentencesRun.json().value(QStringLiteral("sentences")).toArray();
            QCOMPARE(sentences.size(), value.toObject().value(QStringLiteral("sentences")).toInt());
            int previousEnd = 0;
            for (const QJsonValue &sentenceValue : sentences) {
                const QJsonObject sentence = sentenceValue.toObject();
                const int start = sentence.value(QStringLiteral("start")).toInt();
                const int end = sentence.value(QStringLiteral("end")).toInt();
                QVERIFY(start >= previousEnd);
                QVERIFY(end > start);
                QVERIFY(end <= text.size());
                QCOMPARE(text.mid(start, end - start), sentence.value(QStringLiteral("text")).toString());
                previousEnd = end;
            }
        }
        // The date header of 001 is metadata, not article text.
        const Run first = cli({QStringLiteral("text"), QStringLiteral("--db"), m_db, QStringLiteral("--doc"), QStringLiteral("2")});
        QVERIFY2(first.out.startsWith(QStringLiteral("French president Emmanuel Macron wants Europe")), qPrintable(first.out.left(80)));
    }

    void reingestIsANoOp()
    {
        const Run again = cli({QStringLiteral("ingest"), QStringLiteral("--db"), m_db, corpusDir()});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QStringLiteral("Added 0 documents; skipped 5 as duplicates")), qPrintable(again.out));
        const Run stats = cli({QStringLiteral("stats"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QCOMPARE(stats.json().value(QStringLiteral("documents")).toInt(), 5);
        const Run text = cli({QStringLiteral("stats"), QStringLiteral("--db"), m_db});
        QVERIFY2(text.out.contains(QStringLiteral("Documents:  5 (en 4, fr 1)")), qPrintable(text.out));
    }

    void skippedInputsAreNamedAndExitWithOne()
    {
        QTemporaryDir inputs;
        writeFile(inputs.filePath(QStringLiteral("good.txt")), "Acme Corp. hired Jane Doe as chief executive. She starts in May.");
        writeFile(inputs.filePath(QStringLiteral("binary.txt")), QByteArray("abc\0def", 7));
        const QString missing = inputs.filePath(QStringLiteral("missing.txt"));
        const QString db = inputs.filePath(QStringLiteral("partial.db"));
        const Run run = cli({QStringLiteral("ingest"), QStringLiteral("--db"), db, inputs.path(), missing, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(run.json().value(QStringLiteral("unreadable")).toInt(), 2);
        QVERIFY2(run.err.contains(QStringLiteral("binary.txt")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("missing.txt")), qPrintable(run.err));
    }

    void foreignFilesAreRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString textFile = dir.filePath(QStringLiteral("notes.db"));
        writeFile(textFile, "These are my notes, not a database.\n");

        const QString foreign = dir.filePath(QStringLiteral("other.sqlite"));
        sqlite3 *handle = nullptr;
        QCOMPARE(sqlite3_open(foreign.toUtf8().constData(), &handle), SQLITE_OK);
        QCOMPARE(sqlite3_exec(handle, "CREATE TABLE t(x); INSERT INTO t VALUES (42);", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(handle);

        for (const QString &path : {textFile, foreign}) {
            const QByteArray before = fileHash(path);
            const QStringList entriesBefore = QDir(dir.path()).entryList(QDir::Files);
            for (const QString &command : {QStringLiteral("ingest"), QStringLiteral("stats")}) {
                QStringList arguments{command, QStringLiteral("--db"), path};
                if (command == QStringLiteral("ingest"))
                    arguments.append(corpusDir());
                const Run run = cli(arguments);
                QCOMPARE(run.exitCode, 2);
                QVERIFY2(run.err.contains(path), qPrintable(run.err));
                QVERIFY2(run.err.contains(QStringLiteral("not a NewsGraph database")), qPrintable(run.err));
            }
            QCOMPARE(fileHash(path), before);
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files), entriesBefore);
        }
    }

    void unwritablePathIsReported()
    {
        const QString path = m_dir.filePath(QStringLiteral("no/such/folder/project.db"));
        const Run run = cli({QStringLiteral("ingest"), QStringLiteral("--db"), path, corpusDir()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(path), qPrintable(run.err));
    }

    void searchFindsSentences()
    {
        const Run run = cli({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("Nvidia"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray results = run.json().value(QStringLiteral("results")).toArray();
        QVERIFY(results.size() >= 10);
        for (const QJsonValue &value : results) {
            const QJsonObject hit = value.toObject();
            QVERIFY(hit.value(QStringLiteral("text")).toString().contains(QStringLiteral("nvidia"), Qt::CaseInsensitive));
            QVERIFY(hit.value(QStringLiteral("document")).toString().endsWith(QStringLiteral(".txt")));
            QVERIFY(hit.value(QStringLiteral("end")).toInt() > hit.value(QStringLiteral("start")).toInt());
        }
        const Run phrase = cli({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("\"Mistral Compute\""), QStringLiteral("--json")});
        QCOMPARE(phrase.exitCode, 0);
        QVERIFY(!phrase.json().value(QStringLiteral("results")).toArray().isEmpty());

        const Run text = cli({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("souveraineté")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("004_fb915d71e20cdf0d.txt")), qPrintable(text.out));

        const Run hostile = cli({QStringLiteral("search"), QStringLiteral("--db"), m_db, QStringLiteral("\"unbalanced AND (")});
        QCOMPARE(hostile.exitCode, 0);
    }

    void entityAndRelationJsonShapes()
    {
        const Run entities = cli({QStringLiteral("entities"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QCOMPARE(entities.exitCode, 0);
        QVERIFY(entities.json().value(QStringLiteral("entities")).isArray());
        const Run relations = cli({QStringLiteral("relations"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QCOMPARE(relations.exitCode, 0);
        QVERIFY(relations.json().value(QStringLiteral("relations")).isArray());
    }

    void relationEvidenceSlicesTheStoredText()
    {
        // Whether or not the extractor finds relations yet: with none, the
        // shape checks hold vacuously.
        const Run run = cli({QStringLiteral("relations"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonValue list = run.json().value(QStringLiteral("relations"));
        QVERIFY(list.isArray());

        QHash<QString, QString> documentIds; // file name -> id
        for (const QJsonValue &value : cli({QStringLiteral("documents"), QStringLiteral("--db"), m_db, QStringLiteral("--json")})
                                           .json().value(QStringLiteral("documents")).toArray()) {
            const QJsonObject document = value.toObject();
            documentIds.insert(document.value(QStringLiteral("document")).toString(),
                               QString::number(document.value(QStringLiteral("id")).toInteger()));
        }
        QCOMPARE(documentIds.size(), 5);
        QHash<QString, QString> texts; // file name -> stored text, read on first use

        for (const QJsonValue &value : list.toArray()) {
            QVERIFY(value.isObject());
            const QJsonObject relation = value.toObject();
            for (const QString &key : {QStringLiteral("subject"), QStringLiteral("predicate"), QStringLiteral("object")})
                QVERIFY2(relation.value(key).isString() && !relation.value(key).toString().isEmpty(), qPrintable(key));
            QVERIFY(relation.value(QStringLiteral("predicate")).toString() != QStringLiteral("mentioned_with"));
            QVERIFY(relation.value(QStringLiteral("confidence")).isDouble());
            const double confidence = relation.value(QStringLiteral("confidence")).toDouble();
            QVERIFY(confidence >= 0.0 && confidence <= 1.0);
            QVERIFY(relation.value(QStringLiteral("evidence")).isArray());
            const QJsonArray evidence = relation.value(QStringLiteral("evidence")).toArray();
            QVERIFY(!evidence.isEmpty());
            for (const QJsonValue &item : evidence) {
                const QJsonObject sentence = item.toObject();
                QVERIFY(sentence.value(QStringLiteral("document")).isString());
                QVERIFY(sentence.value(QStringLiteral("sentence")).isString());
                QVERIFY(sentence.value(QStringLiteral("start")).isDouble());
                QVERIFY(sentence.value(QStringLiteral("end")).isDouble());
                const QString document = sentence.value(QStringLiteral("document")).toString();
                QVERIFY2(documentIds.contains(document), qPrintable(document));
                if (!texts.contains(document)) {
                    const Run text = cli({QStringLiteral("text"), QStringLiteral("--db"), m_db, QStringLiteral("--doc"),
                                          documentIds.value(document), QStringLiteral("--json")});
                    QCOMPARE(text.exitCode, 0);
                    texts.insert(document, text.json().value(QStringLiteral("text")).toString());
                }
                const QString &text = texts[document];
                const int start = sentence.value(QStringLiteral("start")).toInt();
                const int end = sentence.value(QStringLiteral("end")).toInt();
                QVERIFY(start >= 0 && end > start && end <= text.size());
                QCOMPARE(text.mid(start, end - start), sentence.value(QStringLiteral("sentence")).toString());
            }
        }
    }

    void cooccurrenceIsListedOnlyOnRequest()
    {
        const Run help = cli({QStringLiteral("relations"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--cooccurrence")), qPrintable(help.out));
        QVERIFY(help.out.contains(QStringLiteral("--json")));

        const QJsonArray typed = cli({QStringLiteral("relations"), QStringLiteral("--db"), m_db, QStringLiteral("--json")})
                                     .json().value(QStringLiteral("relations")).toArray();
        const Run run = cli({QStringLiteral("relations"), QStringLiteral("--db"), m_db, QStringLiteral("--cooccurrence"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.json().value(QStringLiteral("relations")).isArray());
        const QJsonArray all = run.json().value(QStringLiteral("relations")).toArray();

        // Everything typed is still there, and whatever was added is a
        // co-occurrence edge with at least one sentence.
        const auto compact = [](const QJsonValue &value) {
            return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        };
        QList<QByteArray> added;
        for (const QJsonValue &relation : all)
            added.append(compact(relation));
        for (const QJsonValue &relation : typed) {
            const qsizetype at = added.indexOf(compact(relation));
            QVERIFY2(at >= 0, compact(relation).constData());
            added.removeAt(at);
        }
        for (const QByteArray &json : added) {
            const QJsonObject relation = QJsonDocument::fromJson(json).object();
            QCOMPARE(relation.value(QStringLiteral("predicate")).toString(), QStringLiteral("mentioned_with"));
            QVERIFY(relation.value(QStringLiteral("subject")).toString() != relation.value(QStringLiteral("object")).toString());
            QVERIFY(!relation.value(QStringLiteral("evidence")).toArray().isEmpty());
        }

        const QJsonObject stats = cli({QStringLiteral("stats"), QStringLiteral("--db"), m_db, QStringLiteral("--json")}).json();
        QCOMPARE(stats.value(QStringLiteral("relations")).toInt(), typed.size());
        QCOMPARE(stats.value(QStringLiteral("cooccurrences")).toInt(), added.size());

        const Run text = cli({QStringLiteral("relations"), QStringLiteral("--db"), m_db, QStringLiteral("--cooccurrence")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("%1 co-occurrence").arg(added.size())), qPrintable(text.out));
        const Run plain = cli({QStringLiteral("relations"), QStringLiteral("--db"), m_db});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(!plain.out.contains(QStringLiteral("mentioned_with")), qPrintable(plain.out));
    }

    void evalScoresTheReferenceAnnotations()
    {
        const Run run = cli({QStringLiteral("eval"), QStringLiteral("--gold"), goldDir(),
                             QStringLiteral("--docs"), corpusDir()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
        static const QRegularExpression scoreLine(QStringLiteral(
            "^score: entity_f1=\\d\\.\\d{3} typed_f1=\\d\\.\\d{3} pair_f1=\\d\\.\\d{3} "
            "relation_f1=\\d\\.\\d{3} evidence=\\d\\.\\d{3}$"));
        QVERIFY2(scoreLine.match(lines.last()).hasMatch(), qPrintable(run.out));
        QVERIFY2(lines.size() >= 5 + 1 + 4 + 2, qPrintable(run.out));

        // The numbers are those the evaluator computes in this process: the
        // command adds nothing of its own. (The evaluator reproduces the
        // reference scorer; tst_evaluator checks that arithmetic, so this
        // needs neither Python nor score.py.)
        Result<DocumentProcessor> processor
            = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), {}, bundledModelDirectory());
        QVERIFY2(processor.ok(), qPrintable(processor.error()));
        const Result<Evaluation> evaluation = Evaluator(processor.value()).evaluate(goldDir(), corpusDir());
        QVERIFY2(evaluation.ok(), qPrintable(evaluation.error()));
        QCOMPARE(evaluation->documents.size(), 5);
        for (const DocumentScore &score : evaluation->documents) {
            QVERIFY2(score.failure.isEmpty(), qPrintable(score.failure));
            QVERIFY2(lines.contains(documentReportLine(score)), qPrintable(documentReportLine(score)));
        }
        QCOMPARE(lines, evaluationReport(evaluation.value()));

        const Run json = cli({QStringLiteral("eval"), QStringLiteral("--gold"), goldDir(),
                              QStringLiteral("--docs"), corpusDir(), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject documents = json.json().value(QStringLiteral("documents")).toObject();
        QCOMPARE(documents.size(), 5);
        const QJsonArray entities = documents.value(QStringLiteral("000_5c35d6a8fc930d2a.txt")).toObject()
                                        .value(QStringLiteral("entities")).toArray();
        QCOMPARE(entities.size(), 3);
        const ScoreCounts &first = evaluation->documents.first().entities;
        QCOMPARE(entities.at(0).toInt(), first.truePositives);
        QCOMPARE(entities.at(1).toInt(), first.falsePositives);
        QCOMPARE(entities.at(2).toInt(), first.falseNegatives);
        const QJsonObject summary = json.json().value(QStringLiteral("summary")).toObject();
        for (const QString &measure : {QStringLiteral("entities"), QStringLiteral("typed"),
                                       QStringLiteral("pairs"), QStringLiteral("relations")})
            QVERIFY(summary.value(measure).toObject().contains(QStringLiteral("f1")));
        QVERIFY(json.json().value(QStringLiteral("evidence_share")).isDouble());
    }

    void evalRefusesBadInputs()
    {
        QCOMPARE(cli({QStringLiteral("eval"), QStringLiteral("--docs"), corpusDir()}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("eval"), QStringLiteral("--gold"), goldDir()}).exitCode, 2);
        const QString nowhere = m_dir.filePath(QStringLiteral("nowhere"));
        const Run missingDocs = cli({QStringLiteral("eval"), QStringLiteral("--gold"), goldDir(),
                                     QStringLiteral("--docs"), nowhere});
        QCOMPARE(missingDocs.exitCode, 2);
        QVERIFY2(missingDocs.err.contains(nowhere), qPrintable(missingDocs.err));
        const Run missingGold = cli({QStringLiteral("eval"), QStringLiteral("--gold"), nowhere,
                                     QStringLiteral("--docs"), corpusDir()});
        QCOMPARE(missingGold.exitCode, 2);
        QVERIFY2(missingGold.err.contains(nowhere), qPrintable(missingGold.err));

        QTemporaryDir gold;
        writeFile(gold.filePath(QStringLiteral("a.json")),
                  R"({"doc": "000_5c35d6a8fc930d2a.txt", "entities": [], "relations": []})");
        writeFile(gold.filePath(QStringLiteral("b.json")),
                  R"({"doc": "999_absent.txt", "entities": [], "relations": []})");
        const Run absent = cli({QStringLiteral("eval"), QStringLiteral("--gold"), gold.path(),
                                QStringLiteral("--docs"), corpusDir()});
        QCOMPARE(absent.exitCode, 2);
        QVERIFY2(absent.err.contains(QStringLiteral("b.json")) && absent.err.contains(QStringLiteral("999_absent.txt")),
                 qPrintable(absent.err));
        QVERIFY2(absent.out.isEmpty(), qPrintable(absent.out)); // checked before anything is scored

        writeFile(gold.filePath(QStringLiteral("b.json")), "{\"doc\": \"000_5c35d6a8fc930d2a.txt\", ");
        const Run malformed = cli({QStringLiteral("eval"), QStringLiteral("--gold"), gold.path(),
                                   QStringLiteral("--docs"), corpusDir()});
        QCOMPARE(malformed.exitCode, 2);
        QVERIFY2(malformed.err.contains(QStringLiteral("b.json")), qPrintable(malformed.err));
    }

    void parsePrintsTheTreeOfATextOrAStoredSentence()
    {
        const Run text = cli({u"parse"_s, u"Brivalto said it would buy the ferry operator Kelsund."_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.startsWith(u"# sent_id = 0\n# text = Brivalto said"_s), qPrintable(text.out));
        // Ten columns a word; "buy" takes "operator" as its object.
        QVERIFY2(text.out.contains(QRegularExpression(u"\n5\tbuy\tbuy\tVERB\t"_s)), qPrintable(text.out));
        QVERIFY2(text.out.contains(QRegularExpression(u"\n8\toperator\toperator\tNOUN\t_\t_\t5\tobj\t"_s)),
                 qPrintable(text.out));
        // What the relation rules see: the names found, tagged PROPN, and
        // which words name which entity.
        QVERIFY2(text.out.contains(u"\n# entities = Brivalto 1; Kelsund 9\n"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(QRegularExpression(u"\n9\tKelsund\tKelsund\tPROPN\t"_s)), qPrintable(text.out));

        const Run french = cli({u"parse"_s, u"--lang"_s, u"fr"_s, u"Le prix du blé monte."_s});
        QVERIFY2(french.exitCode == 0, qPrintable(french.err));
        QVERIFY2(french.out.contains(u"\n3-4\tdu\t_"_s), qPrintable(french.out)); // the multiword token line

        const Run stored = cli({u"parse"_s, u"--db"_s, m_db, u"--doc"_s, u"1"_s, u"--sentence"_s, u"2"_s});
        QVERIFY2(stored.exitCode == 0, qPrintable(stored.err));
        QVERIFY2(stored.out.startsWith(u"# sent_id = 2\n"_s), qPrintable(stored.out));
        QVERIFY2(stored.out.contains(u"\n# entities = "_s), qPrintable(stored.out));
        QCOMPARE(stored.out.count(u"# sent_id"_s), 1);

        const Run noSuchSentence = cli({u"parse"_s, u"--db"_s, m_db, u"--doc"_s, u"1"_s, u"--sentence"_s, u"9999"_s});
        QCOMPARE(noSuchSentence.exitCode, 2);
        QVERIFY2(noSuchSentence.err.contains(u"no sentence 9999"_s), qPrintable(noSuchSentence.err));
        QCOMPARE(cli({u"parse"_s}).exitCode, 2);
        QCOMPARE(cli({u"parse"_s, u"--lang"_s, u"de"_s, u"Hallo Welt."_s}).exitCode, 2);
    }

    void explainPrintsHowEachSentenceStatesALink()
    {
        const QString article = m_dir.filePath(u"explain.txt"_s);
        writeFile(article, "Orvane Logistics Inc. has agreed to acquire Tellmark Freight Inc. for $2.1 billion.\n\n"
                           "Tellmark Freight Inc. was founded in 1998.\n");
        const QString db = m_dir.filePath(u"explain.newsgraph"_s);
        const Run ingested = cli({u"ingest"_s, u"--db"_s, db, article});
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));

        const Run explained = cli({u"explain"_s, u"--db"_s, db, u"--from"_s, u"Tellmark Freight Inc."_s,
                                   u"--to"_s, u"Orvane Logistics Inc."_s});
        QVERIFY2(explained.exitCode == 0, qPrintable(explained.err));
        // Named without the legal form, found by either.
        QVERIFY2(explained.out.contains(u"Orvane Logistics -invests_in-> Tellmark Freight"_s), qPrintable(explained.out));
        QVERIFY2(explained.out.contains(u"explain.txt [0, "_s), qPrintable(explained.out));
        QVERIFY2(explained.out.contains(u"rule acquire.verb, confidence 0.85: "
                                        "Orvane Logistics <-agent- acquire -patient-> Tellmark Freight"_s),
                 qPrintable(explained.out));

        const Run json = cli({u"explain"_s, u"--db"_s, db, u"--from"_s, u"Orvane Logistics Inc."_s, u"--to"_s,
                              u"Tellmark Freight Inc."_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray relations = QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"relations"_s).toArray();
        QCOMPARE(relations.size(), 1);
        const QJsonObject statement = relations.first().toObject().value(u"evidence"_s).toArray().first().toObject();
        QCOMPARE(statement.value(u"rule"_s).toString(), u"acquire.verb"_s);
        QVERIFY(statement.value(u"path"_s).toString().contains(u"<-agent- acquire -patient->"_s));

        // Named together only: an answer, not an error.
        QCOMPARE(cli({u"explain"_s, u"--db"_s, db, u"--from"_s, u"Tellmark Freight Inc."_s, u"--to"_s, u"1998"_s}).exitCode, 2);
        QCOMPARE(cli({u"explain"_s, u"--db"_s, db, u"--from"_s, u"Orvane Logistics Inc."_s}).exitCode, 2);
    }

    void trainsAndScoresSyntaxModels()
    {
        // A treebank of our own, trained on and scored against itself.
        const QString treebank = m_dir.filePath(u"tiny.conllu"_s);
        writeFile(treebank, "1\tKelsund\tKelsund\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
                            "2\tsold\tsell\tVERB\t_\t_\t0\troot\t_\t_\n"
                            "3\tships\tship\tNOUN\t_\t_\t2\tobj\t_\t_\n"
                            "4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n");
        const QString model = m_dir.filePath(u"tiny.model"_s);
        const QStringList train{u"train-syntax"_s, u"--lang"_s, u"en"_s, u"--train"_s, treebank, u"--folds"_s,
                                u"0"_s, u"--iterations"_s, u"5"_s, u"--no-prune"_s, u"--out"_s, model, u"--dev"_s, treebank};
        const Run trained = cli(train);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        QVERIFY2(trained.out.contains(u"UAS   100.00"_s), qPrintable(trained.out));
        const QByteArray first = fileHash(model);
        QVERIFY(!first.isEmpty());
        QCOMPARE(cli(train).exitCode, 0);
        QCOMPARE(fileHash(model), first); // deterministic

        const Run scored = cli({u"eval-syntax"_s, u"--model"_s, model, u"--test"_s, treebank, u"--json"_s});
        QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
        QCOMPARE(scored.json().value(u"words"_s).toInt(), 4);
        QCOMPARE(scored.json().value(u"las"_s).toDouble(), 1.0);
        QCOMPARE(scored.json().value(u"upos"_s).toDouble(), 1.0);

        // A cut model file is refused by name; so is a treebank error, with its line.
        QFile file(model);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        const QString cut = m_dir.filePath(u"cut.model"_s);
        writeFile(cut, bytes.left(bytes.size() / 2));
        const Run refused = cli({u"eval-syntax"_s, u"--model"_s, cut, u"--test"_s, treebank});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(u"cut.model is cut short"_s), qPrintable(refused.err));
        const QString broken = m_dir.filePath(u"broken.conllu"_s);
        writeFile(broken, "1\tKelsund\tKelsund\tPROPN\t_\t_\t7\tnsubj\t_\t_\n\n");
        const Run badTreebank = cli({u"train-syntax"_s, u"--lang"_s, u"en"_s, u"--train"_s, broken, u"--out"_s,
                                     m_dir.filePath(u"never.model"_s)});
        QCOMPARE(badTreebank.exitCode, 2);
        QVERIFY2(badTreebank.err.contains(u"broken.conllu:"_s) && badTreebank.err.contains(u"head 7"_s),
                 qPrintable(badTreebank.err));
        QVERIFY(!QFile::exists(m_dir.filePath(u"never.model"_s)));
        QCOMPARE(cli({u"train-syntax"_s, u"--lang"_s, u"de"_s, u"--train"_s, treebank, u"--out"_s, model}).exitCode,
                 2);
    }

    void trainsTheNameTyper()
    {
        // A treebank of our own with GUM's entity layer: one person, one place.
        const QString treebank = m_dir.filePath(u"names.conllu"_s);
        writeFile(treebank, "1\tArdel\tArdel\tPROPN\t_\t_\t3\tnsubj\t_\tEntity=(1-person-new-1\n"
                            "2\tMostvik\tMostvik\tPROPN\t_\t_\t1\tflat\t_\tEntity=1)\n"
                            "3\tvisited\tvisit\tVERB\t_\t_\t0\troot\t_\t_\n"
                            "4\tKellington\tKellington\tPROPN\t_\t_\t3\tobj\t_\tEntity=(2-place-new-1)|SpaceAfter=No\n"
                            "5\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n");
        const QString model = m_dir.filePath(u"names.model"_s);
        const QStringList train{u"train-names"_s, u"--lang"_s, u"en"_s, u"--train"_s, treebank, u"--dev"_s, treebank,
                                u"--out"_s, model, u"--attribution"_s, u"Our own names."_s};
        const Run trained = cli(train);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        QVERIFY2(trained.out.contains(u"from 2 names in the treebanks"_s) && trained.out.contains(u"2 names, 100.00% typed right"_s),
                 qPrintable(trained.out));
        const Result<NameTyper> typer = NameTyper::readFile(model);
        QVERIFY2(typer, qPrintable(typer.ok() ? QString() : typer.error()));
        QCOMPARE(typer->language(), u"en"_s);
        QCOMPARE(typer->attribution(), u"Our own names."_s);
        const QByteArray first = fileHash(model);
        QCOMPARE(cli(train).exitCode, 0);
        QCOMPARE(fileHash(model), first); // deterministic

        // A treebank without entity types is no training set; a language
        // with no model is refused; nothing is written either way.
        const QString plain = m_dir.filePath(u"plain.conllu"_s);
        writeFile(plain, "1\tKelsund\tKelsund\tPROPN\t_\t_\t0\troot\t_\t_\n\n");
        const QString never = m_dir.filePath(u"never-names.model"_s);
        const Run untyped = cli({u"train-names"_s, u"--lang"_s, u"en"_s, u"--train"_s, plain, u"--out"_s, never});
        QCOMPARE(untyped.exitCode, 2);
        QVERIFY2(untyped.err.contains(u"no names with an entity type"_s), qPrintable(untyped.err));
        QCOMPARE(cli({u"train-names"_s, u"--lang"_s, u"de"_s, u"--train"_s, treebank, u"--out"_s, never}).exitCode, 2);
        QCOMPARE(cli({u"train-names"_s, u"--train"_s, treebank, u"--out"_s, never}).exitCode, 2);
        QVERIFY(!QFile::exists(never));
    }

    void userLexiconNextToTheDatabaseIsRead()
    {
        // "FILE.lexicon.tsv" beside the database is the project's own
        // lexicon: a broken one stops the ingest and is named.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("project.newsgraph"));
        const QString lexicon = db + QStringLiteral(".lexicon.tsv");
        writeFile(lexicon, "NOT-A-TYPE\tSomething\n");
        const Run run = cli({QStringLiteral("ingest"), QStringLiteral("--db"), db, corpusDir()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(lexicon), qPrintable(run.err));
        QVERIFY(!QFile::exists(db));

        writeFile(lexicon, "ORG\tGlobex Corporation\tGlobex\n");
        const Run fine = cli({QStringLiteral("ingest"), QStringLiteral("--db"), db, corpusDir()});
        QVERIFY2(fine.exitCode == 0, qPrintable(fine.err));
    }

    void metricsRankTheEntities()
    {
        const Run run = cli({u"metrics"_s, u"--db"_s, m_db, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        const QJsonArray ranking = json.value(u"ranking"_s).toArray();
        QVERIFY(json.value(u"entities"_s).toInt() > 10);
        QVERIFY(json.value(u"edges"_s).toInt() > 5);
        QCOMPARE(ranking.size(), json.value(u"entities"_s).toInt());
        double previous = 2.0;
        double sum = 0.0;
        for (const QJsonValue &value : ranking) {
            const double rank = value.toObject().value(u"pagerank"_s).toDouble();
            QVERIFY(rank <= previous);
            previous = rank;
            sum += rank;
        }
        QVERIFY(qAbs(sum - 1.0) < 1e-6);
        // A graph this small is measured exactly, --exact or not.
        QCOMPARE(json.value(u"betweenness_sources"_s).toInt(), json.value(u"entities"_s).toInt());
        const Run exact = cli({u"metrics"_s, u"--db"_s, m_db, u"--exact"_s, u"--json"_s});
        QCOMPARE(exact.exitCode, 0);
        QCOMPARE(exact.json().value(u"ranking"_s), json.value(u"ranking"_s));

        const Run top = cli({u"metrics"_s, u"--db"_s, m_db, u"--sort"_s, u"degree"_s, u"--limit"_s, u"3"_s});
        QCOMPARE(top.exitCode, 0);
        QCOMPARE(top.out.count(u'\n'), 5); // header, three entities, summary
        QVERIFY(top.out.contains(u"communities (modularity"_s));
        QVERIFY(!top.out.contains(u"estimated"_s));

        const Run people = cli({u"metrics"_s, u"--db"_s, m_db, u"--types"_s, u"person"_s, u"--json"_s});
        QCOMPARE(people.exitCode, 0);
        for (const QJsonValue &value : people.json().value(u"ranking"_s).toArray())
            QCOMPARE(value.toObject().value(u"type"_s).toString(), u"PERSON"_s);

        const Run badType = cli({u"metrics"_s, u"--db"_s, m_db, u"--types"_s, u"robot"_s});
        QCOMPARE(badType.exitCode, 2);
        QVERIFY2(badType.err.contains(u"unknown entity type 'robot'"_s), qPrintable(badType.err));
        QCOMPARE(cli({u"metrics"_s, u"--db"_s, m_db, u"--since"_s, u"June"_s}).exitCode, 2);
        QCOMPARE(cli({u"metrics"_s, u"--db"_s, m_db, u"--sort"_s, u"charm"_s}).exitCode, 2);
    }

    void pathExplainsEveryLinkWithItsSentences()
    {
        // The sample corpus names Arthur Mensch as Mistral AI's chief, and
        // Mistral AI as Nvidia's partner.
        const Run run = cli({u"path"_s, u"--db"_s, m_db, u"--from"_s, u"arthur mensch"_s, u"--to"_s, u"NVIDIA"_s,
                             u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = run.json();
        QVERIFY(json.value(u"connected"_s).toBool());
        QCOMPARE(json.value(u"from"_s).toObject().value(u"name"_s).toString(), u"Arthur Mensch"_s);
        const QJsonArray hops = json.value(u"hops"_s).toArray();
        QVERIFY(!hops.isEmpty());
        QCOMPARE(hops.first().toObject().value(u"from"_s).toObject().value(u"name"_s).toString(), u"Arthur Mensch"_s);
        QCOMPARE(hops.last().toObject().value(u"to"_s).toObject().value(u"name"_s).toString(), u"Nvidia"_s);
        QString previousEnd = u"Arthur Mensch"_s;
        for (const QJsonValue &value : hops) {
            const QJsonObject hop = value.toObject();
            QCOMPARE(hop.value(u"from"_s).toObject().value(u"name"_s).toString(), previousEnd);
            previousEnd = hop.value(u"to"_s).toObject().value(u"name"_s).toString();
            QVERIFY(!hop.value(u"predicates"_s).toArray().isEmpty());
            const QJsonArray evidence = hop.value(u"evidence"_s).toArray();
            QCOMPARE(evidence.size(), hop.value(u"evidence_count"_s).toInt());
            // Every sentence is a slice of its stored document.
            for (const QJsonValue &item : evidence) {
                const QJsonObject sentence = item.toObject();
                const Run text = cli({u"text"_s, u"--db"_s, m_db, u"--doc"_s,
                                      QString::number(sentence.value(u"document_id"_s).toInteger()), u"--json"_s});
                const QString documentText = text.json().value(u"text"_s).toString();
                const int start = sentence.value(u"start"_s).toInt();
                const int end = sentence.value(u"end"_s).toInt();
                QCOMPARE(documentText.mid(start, end - start), sentence.value(u"sentence"_s).toString());
            }
        }

        const Run text = cli({u"path"_s, u"--db"_s, m_db, u"--from"_s, u"Arthur Mensch"_s, u"--to"_s, u"Nvidia"_s,
                              u"--weighting"_s, u"evidence"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(u"Arthur Mensch to Nvidia: "_s), qPrintable(text.out));
        QVERIFY(text.out.contains(u"(strongest evidence)"_s));
        QVERIFY(text.out.contains(u".txt ["_s));
    }

    void pathAndNeighborsAgree()
    {
        // Every entity two links from the best-connected one is reached by a
        // two-link path, and by no shorter one.
        const Run ranking = cli({u"metrics"_s, u"--db"_s, m_db, u"--sort"_s, u"degree"_s, u"--json"_s});
        const QJsonObject top = ranking.json().value(u"ranking"_s).toArray().first().toObject();
        const QString centre = QString::number(top.value(u"id"_s).toInteger());
        const Run around = cli({u"neighbors"_s, u"--db"_s, m_db, centre, u"--hops"_s, u"2"_s, u"--json"_s});
        QCOMPARE(around.exitCode, 0);
        const QJsonArray members = around.json().value(u"neighbors"_s).toArray();
        QCOMPARE(members.first().toObject().value(u"distance"_s).toInt(), 0);
        QCOMPARE(members.size() - 1 >= top.value(u"degree"_s).toInt(), true);
        int checked = 0;
        for (const QJsonValue &value : members) {
            const QJsonObject member = value.toObject();
            const int distance = member.value(u"distance"_s).toInt();
            if (distance == 1)
                QVERIFY(!member.value(u"predicates"_s).toArray().isEmpty());
            if (distance == 0 || checked >= 4)
                continue;
            ++checked;
            const Run path = cli({u"path"_s, u"--db"_s, m_db, u"--from"_s, centre, u"--to"_s,
                                  QString::number(member.value(u"id"_s).toInteger()), u"--json"_s});
            QCOMPARE(path.json().value(u"hops"_s).toArray().size(), distance);
        }
        QVERIFY(checked > 0);
        const Run textual = cli({u"neighbors"_s, u"--db"_s, m_db, centre});
        QVERIFY(textual.out.contains(u"1: "_s));
        QVERIFY(textual.out.contains(u"within 1 link."_s));
    }

    void unknownEntityNamesGetCloseMatches()
    {
        const Run typo = cli({u"path"_s, u"--db"_s, m_db, u"--from"_s, u"Artur Mensh"_s, u"--to"_s, u"Nvidia"_s});
        QCOMPARE(typo.exitCode, 2);
        QVERIFY2(typo.err.contains(u"no entity named 'Artur Mensh'; did you mean Arthur Mensch"_s),
                 qPrintable(typo.err));
        const Run nothing = cli({u"neighbors"_s, u"--db"_s, m_db, u"Zyxwvut Qqq"_s});
        QCOMPARE(nothing.exitCode, 2);
        QVERIFY2(nothing.err.contains(u"no entity named 'Zyxwvut Qqq'"_s), qPrintable(nothing.err));
        const Run filtered = cli({u"neighbors"_s, u"--db"_s, m_db, u"Nvidia"_s, u"--types"_s, u"person"_s});
        QCOMPARE(filtered.exitCode, 2);
        QVERIFY2(filtered.err.contains(u"is left out by the options"_s), qPrintable(filtered.err));
        QCOMPARE(cli({u"path"_s, u"--db"_s, m_db, u"--from"_s, u"Nvidia"_s}).exitCode, 2);
        const Run same = cli({u"path"_s, u"--db"_s, m_db, u"--from"_s, u"nvidia"_s, u"--to"_s, u"NVIDIA"_s});
        QCOMPARE(same.exitCode, 2);
        QVERIFY2(same.err.contains(u"--from and --to both name entity"_s), qPrintable(same.err));

        // A hidden entity: found, and said to be hidden.
        const QString db = m_dir.filePath(u"hidden.newsgraph"_s);
        QVERIFY(QFile::copy(m_db, db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        sqlite3 *handle = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &handle), SQLITE_OK);
        QCOMPARE(sqlite3_exec(handle, "UPDATE entities SET hidden = 1 WHERE name = 'Nvidia'", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(handle);
        const Run hidden = cli({u"neighbors"_s, u"--db"_s, db, u"Nvidia"_s});
        QCOMPARE(hidden.exitCode, 2);
        QVERIFY2(hidden.err.contains(u"is left out by the options (it is hidden; add --hidden)"_s), qPrintable(hidden.err));
        // By id too.
        const QString nvidiaId = QString::number(cli({u"neighbors"_s, u"--db"_s, db, u"Nvidia"_s, u"--hidden"_s,
                                                      u"--json"_s})
                                                     .json().value(u"entity"_s).toObject().value(u"id"_s).toInteger());
        const Run hiddenById = cli({u"neighbors"_s, u"--db"_s, db, nvidiaId});
        QCOMPARE(hiddenById.exitCode, 2);
        QVERIFY2(hiddenById.err.contains(u"is left out by the options (it is hidden; add --hidden)"_s),
                 qPrintable(hiddenById.err));
        const Run shown = cli({u"neighbors"_s, u"--db"_s, db, u"Nvidia"_s, u"--hidden"_s});
        QVERIFY2(shown.exitCode == 0 && shown.out.contains(u"Nvidia (ORG)"_s), qPrintable(shown.err + shown.out));
    }

    // A dropped table leaves its pages free; compact gives them back and
    // keeps every row.
    void compactGivesBackFreePages()
    {
        const QString db = m_dir.filePath(u"compact.newsgraph"_s);
        QVERIFY(QFile::copy(m_db, db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        sqlite3 *handle = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &handle), SQLITE_OK);
        QCOMPARE(sqlite3_exec(handle, "CREATE TABLE scratch AS SELECT randomblob(400000) AS bytes; DROP TABLE scratch",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(handle);
        const QJsonObject stats = cli({u"stats"_s, u"--db"_s, db, u"--json"_s}).json();

        const Run compacted = cli({u"compact"_s, u"--db"_s, db, u"--json"_s});
        QCOMPARE(compacted.exitCode, 0);
        const QJsonObject sizes = compacted.json();
        QVERIFY2(sizes.value(u"bytes_after"_s).toInteger() < sizes.value(u"bytes_before"_s).toInteger(),
                 qPrintable(compacted.out));
        QCOMPARE(sizes.value(u"bytes_after"_s).toInteger(), QFileInfo(db).size());
        QCOMPARE(cli({u"stats"_s, u"--db"_s, db, u"--json"_s}).json(), stats);
        const Run again = cli({u"compact"_s, u"--db"_s, db});
        QVERIFY2(again.exitCode == 0 && again.out.contains(u" MB -> "_s), qPrintable(again.err + again.out));
        QCOMPARE(cli({u"check"_s, u"--db"_s, db}).exitCode, 0);
        QCOMPARE(cli({u"compact"_s}).exitCode, 2);
        const Run missing = cli({u"compact"_s, u"--db"_s, m_dir.filePath(u"absent.newsgraph"_s)});
        QVERIFY2(missing.exitCode != 0 && missing.err.contains(u"absent.newsgraph: no such database"_s),
                 qPrintable(missing.err));
        QVERIFY(!QFile::exists(m_dir.filePath(u"absent.newsgraph"_s)));
    }

    void checkFindsDamage()
    {
        const QString db = m_dir.filePath(u"check.newsgraph"_s);
        QVERIFY(QFile::copy(m_db, db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        const Run healthy = cli({u"check"_s, u"--db"_s, db});
        QVERIFY2(healthy.exitCode == 0 && healthy.out.contains(u"no damage found"_s), qPrintable(healthy.err));
        QCOMPARE(cli({u"check"_s}).exitCode, 2);

        // Junk over the entities' root page.
        sqlite3 *handle = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(db).constData(), &handle), SQLITE_OK);
        sqlite3_stmt *statement = nullptr;
        QCOMPARE(sqlite3_prepare_v2(handle, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                            "FROM sqlite_schema WHERE name = 'entities'", -1, &statement, nullptr),
                 SQLITE_OK);
        QCOMPARE(sqlite3_step(statement), SQLITE_ROW);
        const qint64 root = sqlite3_column_int64(statement, 0);
        const qint64 pageSize = sqlite3_column_int64(statement, 1);
        sqlite3_finalize(statement);
        QCOMPARE(sqlite3_exec(handle, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(handle);
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek((root - 1) * pageSize + 8));
        QVERIFY(file.write(QByteArray(int(pageSize) - 16, '\x5A')) > 0);
        file.close();

        const Run damaged = cli({u"check"_s, u"--db"_s, db});
        QCOMPARE(damaged.exitCode, 2);
        QVERIFY2(damaged.err.contains(u"check.newsgraph"_s) && damaged.err.contains(u"damaged"_s),
                 qPrintable(damaged.err));
        const Run json = cli({u"check"_s, u"--db"_s, db, u"--json"_s});
        QCOMPARE(json.exitCode, 2);
        QCOMPARE(json.json().value(u"ok"_s).toBool(true), false);
        QVERIFY(json.json().value(u"problem"_s).toString().contains(u"damaged"_s));
    }

    void layoutIsSavedAndDeterministic()
    {
        const QString db = m_dir.filePath(u"layout.newsgraph"_s);
        QVERIFY(QFile::copy(m_db, db));
        const Run first = cli({u"layout"_s, u"--db"_s, db, u"--algorithm"_s, u"force"_s, u"--fresh"_s, u"--json"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonArray positions = first.json().value(u"positions"_s).toArray();
        QVERIFY(positions.size() > 10);
        const Run again = cli({u"layout"_s, u"--db"_s, db, u"--algorithm"_s, u"force"_s, u"--fresh"_s, u"--json"_s});
        QCOMPARE(again.json().value(u"positions"_s), QJsonValue(positions));

        for (const QString &algorithm : {u"scalable"_s, u"kamada-kawai"_s, u"circular"_s, u"radial"_s}) {
            const Run run = cli({u"layout"_s, u"--db"_s, db, u"--algorithm"_s, algorithm});
            QVERIFY2(run.exitCode == 0, qPrintable(algorithm + run.err));
            QVERIFY(run.out.startsWith(u"Laid out "_s));
        }
        const Run badAlgorithm = cli({u"layout"_s, u"--db"_s, db, u"--algorithm"_s, u"spiral"_s});
        QCOMPARE(badAlgorithm.exitCode, 2);
        QVERIFY(badAlgorithm.err.contains(u"scalable"_s));

        // The export reads the saved positions back.
        const Run radial = cli({u"layout"_s, u"--db"_s, db, u"--algorithm"_s, u"radial"_s, u"--focus"_s, u"Nvidia"_s,
                                u"--json"_s});
        QCOMPARE(radial.exitCode, 0);
        const QString out = m_dir.filePath(u"layout.json"_s);
        QCOMPARE(cli({u"export"_s, u"--db"_s, db, u"--format"_s, u"json"_s, u"--out"_s, out}).exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray nodes = QJsonDocument::fromJson(file.readAll()).object().value(u"nodes"_s).toArray();
        QHash<qint64, QPointF> exported;
        for (const QJsonValue &node : nodes)
            exported.insert(node.toObject().value(u"id"_s).toInteger(),
                            {node.toObject().value(u"x"_s).toDouble(), node.toObject().value(u"y"_s).toDouble()});
        for (const QJsonValue &value : radial.json().value(u"positions"_s).toArray()) {
            const QJsonObject node = value.toObject();
            QCOMPARE(exported.value(node.value(u"id"_s).toInteger()),
                     QPointF(node.value(u"x"_s).toDouble(), node.value(u"y"_s).toDouble()));
        }
    }

    void exportWritesEveryFormat()
    {
        for (const QString &format : {u"graphml"_s, u"gexf"_s, u"json"_s, u"csv"_s, u"neo4j"_s}) {
            const QString out = m_dir.filePath(u"export-"_s + format);
            const Run run = cli({u"export"_s, u"--db"_s, m_db, u"--format"_s, format, u"--out"_s, out});
            QVERIFY2(run.exitCode == 0, qPrintable(format + run.err));
            QVERIFY2(run.out.startsWith(u"Wrote "_s), qPrintable(run.out));
            QVERIFY(QFileInfo::exists(out));
        }
        const Run badFormat = cli({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"xls"_s, u"--out"_s, u"x"_s});
        QCOMPARE(badFormat.exitCode, 2);
        QVERIFY(badFormat.err.contains(u"graphml, gexf, csv, json"_s));
        const QString nowhere = m_dir.filePath(u"no/such/folder/graph.graphml"_s);
        const Run unwritable = cli({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"graphml"_s, u"--out"_s, nowhere});
        QCOMPARE(unwritable.exitCode, 2);
        QVERIFY2(unwritable.err.contains(u"graph.graphml"_s), qPrintable(unwritable.err));
        QVERIFY(!QFileInfo::exists(nowhere));
    }

    void withoutDatabaseTheBundledCorpusIsUsed()
    {
        const Run run = cli({QStringLiteral("documents"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("documents")).toArray().size(), 5);
        const Run stats = cli({QStringLiteral("stats")});
        QCOMPARE(stats.exitCode, 0);
        QVERIFY(stats.out.contains(QStringLiteral("bundled sample corpus")));
    }

    // Image export: PNG, SVG and PDF from the same graph the data exports
    // see, drawn by a QGuiApplication the tool starts only for them, on the
    // offscreen platform when there is no display.
    void exportDrawsImages()
    {
        // As in CI or over ssh: no display, no platform chosen.
        const auto headless = [](const QStringList &arguments) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
                environment.remove(name);
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral(NEWSGRAPH_CLI), arguments);
            return finish(process);
        };
        const auto readAll = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        // Width and height from a PNG's header (IHDR), without Qt Gui.
        const auto pngSize = [](const QByteArray &png) {
            if (!png.startsWith("\x89PNG\r\n\x1a\n") || png.size() < 24 || png.mid(12, 4) != "IHDR")
                return QSize();
            const auto bigEndian = [&](int at) {
                return int((uchar(png[at]) << 24) | (uchar(png[at + 1]) << 16) | (uchar(png[at + 2]) << 8)
                           | uchar(png[at + 3]));
            };
            return QSize(bigEndian(16), bigEndian(20));
        };

        const QString png = m_dir.filePath(u"graph.png"_s);
        const Run sized = headless({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"png"_s, u"--out"_s, png,
                                    u"--width"_s, u"900"_s, u"--height"_s, u"600"_s});
        QVERIFY2(sized.exitCode == 0, qPrintable(sized.err));
        QVERIFY2(sized.out.startsWith(u"Wrote "_s) && sized.out.contains(u"as png to"_s), qPrintable(sized.out));
        QCOMPARE(pngSize(readAll(png)), QSize(900, 600));

        // One side given: the other follows the drawing.
        const Run wide = headless({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"PNG"_s, u"--out"_s, png,
                                   u"--width"_s, u"1200"_s, u"--transparent"_s, u"--legend"_s});
        QVERIFY2(wide.exitCode == 0, qPrintable(wide.err));
        QCOMPARE(pngSize(readAll(png)).width(), 1200);
        QVERIFY(pngSize(readAll(png)).height() > 100);

        // --scale: device pixels per layout unit.
        const Run one = headless({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"png"_s, u"--out"_s, png});
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        const QSize natural = pngSize(readAll(png));
        QVERIFY(natural.width() > 200);
        const QString twice = m_dir.filePath(u"graph@2x.png"_s);
        QCOMPARE(headless({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"png"_s, u"--out"_s, twice, u"--scale"_s,
                           u"2"_s, u"--dpi"_s, u"192"_s})
                     .exitCode,
                 0);
        QVERIFY(std::abs(pngSize(readAll(twice)).width() - 2 * natural.width()) <= 2);

        // SVG: the names are text.
        const QString svg = m_dir.filePath(u"graph.svg"_s);
        const Run svgRun = headless({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"svg"_s, u"--out"_s, svg,
                                     u"--color-by"_s, u"community"_s, u"--size-by"_s, u"pagerank"_s});
        QVERIFY2(svgRun.exitCode == 0, qPrintable(svgRun.err));
        const QString svgText = QString::fromUtf8(readAll(svg));
        QVERIFY(svgText.contains(u"<svg"_s));
        QStringList texts;
        const QRegularExpression textElement(u"<text[^>]*>([^<]*)</text>"_s);
        for (auto it = textElement.globalMatch(svgText); it.hasNext();)
            texts.append(it.next().captured(1).trimmed());
        QVERIFY2(texts.contains(u"Nvidia"_s), qPrintable(texts.join(u" | "_s)));
        QVERIFY(texts.contains(u"Mistral AI"_s));

        // PDF.
        const QString pdf = m_dir.filePath(u"graph.pdf"_s);
        const Run pdfRun = headless({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"pdf"_s, u"--out"_s, pdf});
        QVERIFY2(pdfRun.exitCode == 0, qPrintable(pdfRun.err));
        QVERIFY(readAll(pdf).startsWith("%PDF-"));

        // The filter options choose what is drawn, as for the data formats.
        const Run people = headless({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"svg"_s, u"--out"_s, svg,
                                     u"--types"_s, u"person"_s});
        QVERIFY2(people.exitCode == 0, qPrintable(people.err));
        const QString peopleText = QString::fromUtf8(readAll(svg));
        QVERIFY(!peopleText.contains(u">Nvidia<"_s));
        QVERIFY(people.out.split(u' ').value(1).toInt() < one.out.split(u' ').value(1).toInt());

        // Without --db, the bundled sample.
        const QString bundled = m_dir.filePath(u"bundled.png"_s);
        QCOMPARE(headless({u"export"_s, u"--format"_s, u"png"_s, u"--out"_s, bundled}).exitCode, 0);
        QVERIFY(pngSize(readAll(bundled)).isValid());
    }

    void imageExportRefusesBadOptions()
    {
        const QString out = m_dir.filePath(u"refused.png"_s);
        const auto refused = [&](const QStringList &extra, const QString &message) {
            const Run run = cli(QStringList{u"export"_s, u"--db"_s, m_db, u"--out"_s, out} + extra);
            QVERIFY2(run.exitCode == 2, qPrintable(extra.join(u' ') + run.err));
            QVERIFY2(run.err.contains(message), qPrintable(run.err));
        };
        refused({u"--format"_s, u"svg"_s, u"--width"_s, u"800"_s}, u"png only"_s);
        refused({u"--format"_s, u"graphml"_s, u"--scale"_s, u"2"_s}, u"image formats"_s);
        refused({u"--format"_s, u"png"_s, u"--scale"_s, u"0"_s}, u"--scale"_s);
        refused({u"--format"_s, u"png"_s, u"--dpi"_s, u"many"_s}, u"--dpi"_s);
        refused({u"--format"_s, u"png"_s, u"--width"_s, u"-5"_s}, u"--width"_s);
        refused({u"--format"_s, u"png"_s, u"--scale"_s, u"2"_s, u"--width"_s, u"500"_s}, u"either"_s);
        refused({u"--format"_s, u"pdf"_s, u"--transparent"_s}, u"--transparent"_s);
        refused({u"--format"_s, u"png"_s, u"--size-by"_s, u"fame"_s}, u"pagerank"_s);
        refused({u"--format"_s, u"png"_s, u"--color-by"_s, u"mood"_s}, u"community"_s);
        refused({u"--format"_s, u"gif"_s}, u"png, svg, pdf"_s);
        QVERIFY(!QFileInfo::exists(out));

        const QString nowhere = m_dir.filePath(u"no/such/folder/graph.png"_s);
        const Run unwritable = cli({u"export"_s, u"--db"_s, m_db, u"--format"_s, u"png"_s, u"--out"_s, nowhere});
        QCOMPARE(unwritable.exitCode, 2);
        QVERIFY2(unwritable.err.contains(u"graph.png"_s), qPrintable(unwritable.err));
        QVERIFY(!QFileInfo::exists(nowhere));

        const Run help = cli({u"export"_s, u"--help"_s});
        QVERIFY(help.out.contains(u"--transparent"_s));
        QVERIFY(help.out.contains(u"png"_s));
    }

    // A full disk, as /dev/full is: the export fails with exit code 2 and
    // the system's reason on stderr, never "Wrote …", for the data and the
    // image formats alike; and the device is not replaced by a file.
    void exportToAFullDeviceFails()
    {
        const QString full = u"/dev/full"_s;
        const auto isDevice = [&] {
            const QFileInfo info(full);
            return info.exists() && !info.isFile() && !info.isDir();
        };
        if (!isDevice())
            QSKIP("this system has no /dev/full");
        for (const QString &format : {u"json"_s, u"graphml"_s, u"png"_s, u"svg"_s}) {
            const Run run = cli({u"export"_s, u"--db"_s, m_db, u"--format"_s, format, u"--out"_s, full});
            QVERIFY2(run.exitCode == 2, qPrintable(format + u": exit code "_s + QString::number(run.exitCode) + run.out));
            QVERIFY2(run.err.contains(u"No space left on device"_s), qPrintable(format + u": "_s + run.err));
            QVERIFY2(run.err.contains(full), qPrintable(run.err));
            QVERIFY2(!run.out.contains(u"Wrote"_s), qPrintable(run.out));
            QVERIFY2(isDevice(), "/dev/full was replaced by a file");
        }
    }

    void ingestRefusesPipesWithoutWaiting()
    {
        QTemporaryDir inputs;
        QVERIFY(inputs.isValid());
        const QString pipe = inputs.filePath(QStringLiteral("incoming.txt"));
        QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
        const QString story = inputs.filePath(QStringLiteral("story.txt"));
        writeFile(story, "Acme Corp. hired Jane Doe as chief executive. She starts in May.");

        // Named: refused by name, not opened (which waited for a writer forever).
        const Run named = cli({QStringLiteral("ingest"), QStringLiteral("--db"), inputs.filePath(QStringLiteral("named.db")), pipe, story});
        QCOMPARE(named.exitCode, 1);
        QVERIFY2(named.out.contains(QStringLiteral("Added 1 document;")), qPrintable(named.out));
        QVERIFY2(named.err.contains(QStringLiteral("incoming.txt")) && named.err.contains(QStringLiteral("not a regular file (a named pipe)")),
                 qPrintable(named.err));
        // Found in a folder: skipped and reported.
        const Run scanned = cli({QStringLiteral("ingest"), QStringLiteral("--db"), inputs.filePath(QStringLiteral("scanned.db")), inputs.path()});
        QCOMPARE(scanned.exitCode, 1);
        QVERIFY2(scanned.out.contains(QStringLiteral("Added 1 document;")), qPrintable(scanned.out));
        QVERIFY2(scanned.err.contains(QStringLiteral("incoming.txt")) && scanned.err.contains(QStringLiteral("named pipe")),
                 qPrintable(scanned.err));
    }

    void ingestReadsFileNamesThatAreNotUtf8()
    {
        QTemporaryDir inputs;
        QVERIFY(inputs.isValid());
        // Through the shell, so that the names reach the program as raw bytes:
        // Latin-1 "café.txt", and a missing Latin-1 "naïve.txt".
        const QString script = QStringLiteral(
            "name=$(printf 'caf\\351.txt'); printf 'Acme Corp. hired Jane Doe as chief executive.\\n' > \"$name\"; "
            "\"$1\" ingest --db named.db \"$name\" \"$(printf 'na\\357ve.txt')\"; echo \"exit=$?\"; "
            "\"$1\" ingest --db scanned.db .; echo \"exit=$?\"; "
            "\"$1\" documents --db scanned.db; rm -f \"$name\""); // QTemporaryDir cannot name it to remove it
        const Run shell = shellWithCli(inputs.path(), script);
        QVERIFY(shell.exitCode != -1);
        const QString &out = shell.out;
        const QString &err = shell.err;
        const QStringList runs = out.split(QStringLiteral("exit="));
        QCOMPARE(runs.size(), 3);
        // Named: read, and the missing one reported by its escaped bytes.
        QVERIFY2(runs.at(0).contains(QStringLiteral("Added 1 document;")), qPrintable(out));
        QVERIFY2(runs.at(1).startsWith(QLatin1Char('1')), qPrintable(out));
        QVERIFY2(err.contains(QStringLiteral("na\\xEFve.txt")), qPrintable(err));
        // Found in a folder scan: read (it was skipped without a word).
        QVERIFY2(runs.at(1).contains(QStringLiteral("Added 1 document;")), qPrintable(out));
        QVERIFY2(runs.at(2).startsWith(QLatin1Char('0')), qPrintable(out));
        // Stored and listed by the escaped name.
        QVERIFY2(runs.at(2).contains(QStringLiteral("caf\\xE9.txt")), qPrintable(out));
    }

    void ingestSkipsBinaryFilesWithoutNulBytes()
    {
        QTemporaryDir inputs;
        QVERIFY(inputs.isValid());
        QRandomGenerator random(20250611);
        QByteArray noise(20000, Qt::Uninitialized);
        for (char &byte : noise)
            byte = char(random.bounded(1, 256));
        writeFile(inputs.filePath(QStringLiteral("noise.txt")), noise);
        writeFile(inputs.filePath(QStringLiteral("story.txt")), "Acme Corp. hired Jane Doe as chief executive. She starts in May.");
        const Run run = cli({QStringLiteral("ingest"), QStringLiteral("--db"), inputs.filePath(QStringLiteral("p.db")), inputs.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("Added 1 document;")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("noise.txt")) && run.err.contains(QStringLiteral("binary")), qPrintable(run.err));
    }

    // The curation commands (issue 16): each edit, its listing and its
    // undo, and the errors a user can make.
    void curationCommands()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"curated.newsgraph"_s);
        QCOMPARE(cli({u"ingest"_s, u"--db"_s, db, corpusDir()}).exitCode, 0);

        Run run = cli({u"entities"_s, u"--db"_s, db, u"--json"_s});
        qint64 mistralId = 0;
        for (const QJsonValue &entity : run.json().value(u"entities"_s).toArray()) {
            if (entity.toObject().value(u"name"_s).toString() == u"Mistral AI"_s)
                mistralId = entity.toObject().value(u"id"_s).toInteger();
        }
        QVERIFY(mistralId > 0);
        run = cli({u"merge"_s, u"--db"_s, db, u"--name"_s, u"Nvidia Corporation"_s, u"Nvidia"_s,
                       u"Mistral AI"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject merged = run.json().value(u"edit"_s).toObject();
        QCOMPARE(merged.value(u"kind"_s).toString(), u"merge"_s);
        QCOMPARE(merged.value(u"detail"_s).toObject().value(u"into"_s).toObject().value(u"name"_s).toString(),
                 u"Nvidia Corporation"_s);
        // The entity that went is reported with where it went...
        run = cli({u"rename"_s, u"--db"_s, db, QString::number(mistralId), u"Mistral"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"merged into “Nvidia Corporation” (edit 1)"_s), qPrintable(run.err));
        // ... and the names it brought along find the merged entity.
        run = cli({u"rename"_s, u"--db"_s, db, u"Mistral"_s, u"Nvidia-Mistral"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"Edit 2: Renamed “Nvidia Corporation” to “Nvidia-Mistral”.\n"_s);
        QCOMPARE(cli({u"retype"_s, u"--db"_s, db, u"VivaTech"_s, u"ORG"_s}).exitCode, 0);
        QCOMPARE(cli({u"alias"_s, u"--db"_s, db, u"Arthur Mensch"_s, u"A. Mensch"_s}).exitCode, 0);
        QCOMPARE(cli({u"alias"_s, u"--db"_s, db, u"--remove"_s, u"Arthur Mensch"_s, u"A. Mensch"_s}).exitCode, 0);
        QCOMPARE(cli({u"hide"_s, u"--db"_s, db, u"Europe"_s}).exitCode, 0);
        run = cli({u"split"_s, u"--db"_s, db, u"--alias"_s, u"Mistral"_s, u"--alias"_s, u"Mistral AI"_s,
                   u"--name"_s, u"Mistral AI"_s, u"Nvidia-Mistral"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"Split “Mistral AI” off “Nvidia-Mistral”"_s));

        // Links: one added with its sentence and a note, one deleted.
        run = cli({u"link"_s, u"--db"_s, db, u"--from"_s, u"Jensen Huang"_s, u"--predicate"_s, u"invests_in"_s,
                   u"--to"_s, u"Mistral AI"_s, u"--doc"_s, u"1"_s, u"--sentence"_s, u"0"_s, u"--note"_s,
                   u"Per the annual report"_s});
        QCOMPARE(run.exitCode, 0);
        run = cli({u"link"_s, u"--db"_s, db, u"--from"_s, u"Jensen Huang"_s, u"--predicate"_s, u"admires"_s,
                   u"--to"_s, u"Arthur Mensch"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"not a predicate of the vocabulary"_s));
        run = cli({u"unlink"_s, u"--db"_s, db, u"--from"_s, u"Jensen Huang"_s, u"--to"_s, u"Nvidia-Mistral"_s});
        QCOMPARE(run.exitCode, 2); // ceo_of, works_for, ...: which?
        QVERIFY(run.err.contains(u"--predicate"_s));
        run = cli({u"unlink"_s, u"--db"_s, db, u"--from"_s, u"Jensen Huang"_s, u"--to"_s, u"Nvidia-Mistral"_s,
                   u"--predicate"_s, u"works_for"_s});
        QCOMPARE(run.exitCode, 0);
        run = cli({u"relations"_s, u"--db"_s, db, u"--entity"_s, u"Jensen Huang"_s});
        QVERIFY(run.out.contains(u"Jensen Huang -ceo_of-> Nvidia-Mistral"_s));
        QVERIFY(!run.out.contains(u"Jensen Huang -works_for-> Nvidia-Mistral"_s));

        QCOMPARE(cli({u"note"_s, u"--db"_s, db, u"--entity"_s, u"Jensen Huang"_s, u"Founded the company in 1993"_s})
                     .exitCode,
                 0);
        run = cli({u"notes"_s, u"--db"_s, db, u"--search"_s, u"annual"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray notes = run.json().value(u"notes"_s).toArray();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes.first().toObject().value(u"text"_s).toString(), u"Per the annual report"_s);
        QCOMPARE(cli({u"notes"_s, u"--db"_s, db, u"--entity"_s, u"Jensen Huang"_s}).out.count(u"1993"_s), 1);

        run = cli({u"edits"_s, u"--db"_s, db, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray edits = run.json().value(u"edits"_s).toArray();
        QStringList kinds;
        for (const QJsonValue &edit : edits)
            kinds.append(edit.toObject().value(u"kind"_s).toString());
        QCOMPARE(kinds, (QStringList{u"merge"_s, u"rename"_s, u"retype"_s, u"add_alias"_s, u"remove_alias"_s,
                                     u"hide"_s, u"split"_s, u"link"_s, u"reject_relation"_s, u"note"_s}));

        // Undo walks them back, newest first, to the project as ingested.
        for (qsizetype i = kinds.size() - 1; i >= 0; --i) {
            run = cli({u"undo"_s, u"--db"_s, db, u"--json"_s});
            QCOMPARE(run.exitCode, 0);
            QCOMPARE(run.json().value(u"undone"_s).toObject().value(u"kind"_s).toString(), kinds.at(i));
        }
        run = cli({u"undo"_s, u"--db"_s, db});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"no edit to undo"_s));
        run = cli({u"entities"_s, u"--db"_s, db});
        QVERIFY(run.out.contains(u"Nvidia (ORG)"_s));
        QVERIFY(run.out.contains(u"Mistral AI (ORG)"_s));
        QCOMPARE(integrityCheck(db), u"ok"_s);

        // Usage errors: no project, one entity, an unknown one.
        QCOMPARE(cli({u"merge"_s, u"Nvidia"_s, u"Mistral AI"_s}).exitCode, 2);
        QCOMPARE(cli({u"merge"_s, u"--db"_s, db, u"Nvidia"_s}).exitCode, 2);
        run = cli({u"hide"_s, u"--db"_s, db, u"Nobody Anywhere"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"no entity named"_s));
        QCOMPARE(cli({u"undo"_s, u"--db"_s, db, u"--edit"_s, u"zero"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliTool)
#include "tst_clitool.moc"
