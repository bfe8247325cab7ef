#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Evaluator.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace NewsGraph;

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

    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(NEWSGRAPH_CLI), arguments);
        if (!process.waitForFinished(120000))
            return {};
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
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

    void helpIsAvailableForEveryCommand()
    {
        const Run general = cli({QStringLiteral("--help")});
        QCOMPARE(general.exitCode, 0);
        const QStringList commands{QStringLiteral("ingest"),   QStringLiteral("stats"),
                                   QStringLiteral("documents"), QStringLiteral("sentences"),
                                   QStringLiteral("text"),     QStringLiteral("search"),
                                   QStringLiteral("entities"), QStringLiteral("relations"),
                                   QStringLiteral("eval")};
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
        Result<DocumentProcessor> processor = DocumentProcessor::fromDirectory(bundledLexiconDirectory());
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

    void withoutDatabaseTheBundledCorpusIsUsed()
    {
        const Run run = cli({QStringLiteral("documents"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value(QStringLiteral("documents")).toArray().size(), 5);
        const Run stats = cli({QStringLiteral("stats")});
        QCOMPARE(stats.exitCode, 0);
        QVERIFY(stats.out.contains(QStringLiteral("bundled sample corpus")));
    }
};

QTEST_GUILESS_MAIN(TestCliTool)
#include "tst_clitool.moc"
