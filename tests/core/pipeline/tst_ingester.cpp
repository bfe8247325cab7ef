#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"
#include "core/text/DocumentLoader.h"
#include "tests/support/InventedArticles.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

class TestIngester : public QObject
{
    Q_OBJECT

private:
    std::optional<DocumentProcessor> m_processor;

    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    // `count` invented articles (see InventedArticles.h), from `first` on,
    // as files in `folder`; their paths in order.
    static QStringList writeArticles(const QString &folder, int first, int count)
    {
        QStringList paths;
        for (int i = first; i < first + count; ++i) {
            const QString path = u"%1/article-%2.txt"_s.arg(folder).arg(i, 4, 10, QChar(u'0'));
            writeFile(path, Testing::inventedArticle(i).toUtf8());
            paths.append(path);
        }
        return paths;
    }

    static qint64 integer(Database &database, const char *sql)
    {
        Statement query(database, sql);
        return query.next() ? query.int64(0) : -1;
    }

    static QStringList storedFileNames(Database &database)
    {
        QStringList names;
        Statement query(database, "SELECT file_name FROM documents ORDER BY id");
        while (query.next())
            names.append(query.text(0));
        return names;
    }

    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    static int documentCount(Database &database)
    {
        const Result<StoreStatistics> statistics = Repository(database).statistics();
        return statistics ? statistics->documents : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<DocumentProcessor> processor = DocumentProcessor::fromDirectory(bundledLexiconDirectory());
        QVERIFY2(processor.ok(), qPrintable(processor.error()));
        m_processor.emplace(std::move(processor).value());
    }

    void sampleCorpusActorsAreOneEntityEach_data()
    {
        QTest::addColumn<bool>("reversed");
        QTest::newRow("file order") << false;
        // The article that only says "Mistral" comes first: the entity still
        // ends up with its full name.
        QTest::newRow("reverse order") << true;
    }

    void sampleCorpusActorsAreOneEntityEach()
    {
        QFETCH(bool, reversed);
        QStringList paths = bundledCorpusPaths();
        if (reversed)
            std::reverse(paths.begin(), paths.end());
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        Ingester ingester(database.value(), *m_processor);
        for (const QString &path : paths)
            QCOMPARE(ingester.ingest({path}).added, 1); // one run each: merging across runs

        const Result<QList<EntityRecord>> entities = Repository(database.value()).entities();
        QVERIFY(entities.ok());
        const QList<std::pair<QString, QStringList>> expected{
            {u"Emmanuel Macron"_s, {u"Macron"_s, u"the president"_s}},
            {u"Jensen Huang"_s, {u"Huang"_s}},
            {u"Arthur Mensch"_s, {u"Mensch"_s, u"Arthur Mench"_s}},
            {u"Mistral AI"_s, {u"Mistral"_s}},
            {u"Nvidia"_s, {u"NVIDIA"_s}},
        };
        for (const auto &[name, aliases] : expected) {
            int count = 0;
            for (const EntityRecord &entity : entities.value()) {
                const bool sameActor = entity.name == name || entity.aliases.contains(name);
                if (!sameActor)
                    continue;
                ++count;
                QCOMPARE(entity.name, name);
                for (const QString &alias : aliases)
                    QVERIFY2(entity.aliases.contains(alias), qPrintable(name + u": "_s + entity.aliases.join(u", "_s)));
                QVERIFY2(entity.documents.size() >= 3, qPrintable(name));
            }
            QVERIFY2(count == 1, qPrintable(u"%1 entities for %2"_s.arg(count).arg(name)));
        }
    }

    // Up to a size a document's tokens serve both extraction passes; a
    // longer one is tokenised again, a sentence at a time, for relations.
    // Both ways read the same actors and relations.
    void aLongDocumentIsReadLikeAShortOne()
    {
        const QString paragraph = u"Orvane Logistics agreed to acquire Pellinor Systems for $40 million. "
                                  "Dana Whitcombe, chief executive of Orvane Logistics, said the deal would close "
                                  "in March. Pellinor Systems is based in Leeds.\n\n"_s;
        const auto read = [&](const QString &text) {
            Document document;
            document.fileName = u"long.txt"_s;
            document.text = text;
            return m_processor->process(document);
        };
        const auto triples = [](const ProcessedDocument &processed) {
            QSet<QString> found;
            for (const ExtractedRelation &relation : processed.extraction.relations)
                found.insert(processed.extraction.entities[relation.subject].name + u'|' + relation.predicate + u'|'
                             + processed.extraction.entities[relation.object].name);
            return found;
        };
        const auto names = [](const ProcessedDocument &processed) {
            QSet<QString> found;
            for (const ExtractedEntity &entity : processed.extraction.entities)
                found.insert(entity.name);
            return found;
        };
        const ProcessedDocument shortOne = read(paragraph);
        const ProcessedDocument longOne = read(paragraph.repeated(int(600'000 / paragraph.size()) + 1));
        QVERIFY(longOne.document.text.size() > 512 * 1024);
        QVERIFY(!triples(shortOne).isEmpty());
        QCOMPARE(names(longOne), names(shortOne));
        QCOMPARE(triples(longOne), triples(shortOne));
    }

    void sampleCorpusRelationsHaveTheirEvidence()
    {
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        QCOMPARE(Ingester(database.value(), *m_processor).ingest(bundledCorpusPaths()).added, 5);
        Repository repository(database.value());
        const Result<QList<RelationRecord>> relations = repository.relations();
        QVERIFY(relations.ok());

        const auto find = [&](const QString &subject, const QString &predicate, const QString &object) -> const RelationRecord * {
            for (const RelationRecord &r : relations.value()) {
                const bool forward = r.subject == subject && r.object == object;
                const bool backward = r.subject == object && r.object == subject && isSymmetricPredicate(predicate);
                if (r.predicate == predicate && (forward || backward))
                    return &r;
            }
            return nullptr;
        };
        const RelationRecord *partners = find(u"Nvidia"_s, u"partner_of"_s, u"Mistral AI"_s);
        const RelationRecord *huang = find(u"Jensen Huang"_s, u"ceo_of"_s, u"Nvidia"_s);
        const RelationRecord *mensch = find(u"Arthur Mensch"_s, u"ceo_of"_s, u"Mistral AI"_s);
        for (const RelationRecord *relation : {partners, huang, mensch}) {
            QVERIFY(relation);
            QVERIFY(!relation->evidence.isEmpty());
            for (const EvidenceRecord &evidence : relation->evidence) {
                const Result<QString> text = repository.documentText(evidence.documentId);
                QVERIFY(text.ok());
                QCOMPARE(text->mid(evidence.start, evidence.end - evidence.start), evidence.sentence);
            }
        }
        // Stated in several articles: one relation, evidence from each.
        QSet<qint64> documents;
        for (const EvidenceRecord &evidence : partners->evidence)
            documents.insert(evidence.documentId);
        QVERIFY2(documents.size() >= 2, qPrintable(QString::number(documents.size())));
        QVERIFY(huang->evidence.constFirst().sentence.contains(u"CEO Jensen Huang"_s));
        QVERIFY(mensch->evidence.constFirst().sentence.contains(u"CEO Arthur Mensch"_s)
                || mensch->evidence.constFirst().sentence.contains(u"CEO Arthur Mench"_s));
    }

    void ingestsTheBundledCorpus()
    {
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        Ingester ingester(database.value(), *m_processor);
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
        Ingester ingester(database.value(), *m_processor);
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
        Ingester ingester(database.value(), *m_processor);
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
        const IngestReport report = Ingester(database.value(), *m_processor).ingest({dir.path()});
        QCOMPARE(report.added, 1);
        QCOMPARE(report.warnings.size(), 1);
        QVERIFY(report.warnings.first().message.contains(QStringLiteral("latin.txt")));
        const Result<QString> text = Repository(database.value()).documentText(report.addedDocumentIds.first());
        QVERIFY(text.ok());
        QVERIFY2(text->contains(QStringLiteral("ministère français a signé")), qPrintable(text.value()));
    }

    void storedExtractionPointsIntoTheText()
    {
        // Whatever extraction finds (this does not judge how well), what is
        // stored must cite the text exactly. The extraction promises that a
        // mention's surface is the text between its offsets, so the store
        // keeps the offsets only; and it lists every surface of an entity's
        // names among its aliases, which readers of names rely on.
        DocumentLoader loader;
        for (const QString &path : bundledCorpusPaths()) {
            const Result<Document> document = loader.load(path);
            QVERIFY2(document.ok(), qPrintable(path));
            const ProcessedDocument processed = m_processor->process(document.value());
            const QString &text = processed.document.text;
            for (const ExtractedEntity &entity : processed.extraction.entities) {
                for (const QList<EntityMention> *mentions : {&entity.mentions, &entity.references}) {
                    for (const EntityMention &mention : *mentions)
                        QCOMPARE(text.mid(mention.start, mention.end - mention.start), mention.surface);
                }
                for (const EntityMention &mention : entity.mentions)
                    QVERIFY2(entity.aliases.contains(mention.surface), qPrintable(mention.surface));
            }
            for (const AttributeMention &attribute : processed.extraction.attributes)
                QCOMPARE(text.mid(attribute.start, attribute.end - attribute.start), attribute.surface);
        }

        // Stored: each mention's offsets inside the sentence it refers to,
        // the names among their entity's aliases.
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        const IngestReport report = Ingester(database.value(), *m_processor).ingest(bundledCorpusPaths());
        QVERIFY(report.committed());
        QCOMPARE(report.added, 5);

        Repository repository(database.value());
        Statement mentions(database.value(),
                           "SELECT s.document_id, m.start, m.\"end\", m.resolved, m.type, m.entity_id, "
                           "m.value, s.document_id, s.start, s.\"end\" "
                           "FROM mentions m JOIN sentences s ON s.id = m.sentence_id");
        Statement alias(database.value(), "SELECT count(*) FROM aliases WHERE entity_id = ?1 AND alias = ?2");
        int checked = 0;
        while (mentions.next()) {
            const Result<QString> text = repository.documentText(mentions.int64(0));
            QVERIFY(text.ok());
            const int start = mentions.integer(1);
            const int end = mentions.integer(2);
            const QString surface = text->mid(start, end - start);
            QVERIFY2(!surface.trimmed().isEmpty(), qPrintable(surface));
            QCOMPARE(mentions.int64(7), mentions.int64(0));
            QVERIFY2(start >= mentions.integer(8) && end <= mentions.integer(9), qPrintable(surface));
            if (mentions.isNull(5)) {
                QVERIFY2(attributeTypeFromName(mentions.text(4)).has_value(), qPrintable(mentions.text(4)));
                QVERIFY2(!mentions.text(6).isEmpty(), qPrintable(surface));
            } else {
                QVERIFY(mentions.isNull(4)); // the entity's type
                QVERIFY(mentions.isNull(6));
                if (mentions.int64(3) == 0) {
                    alias.bind(1, mentions.int64(5)).bind(2, surface);
                    QVERIFY(alias.next());
                    QVERIFY2(alias.integer(0) == 1, qPrintable(surface));
                    alias.reset();
                }
            }
            ++checked;
        }
        QVERIFY(mentions.ok());
        const StoreStatistics statistics = repository.statistics().value();
        // Names and attributes, and the pronouns and descriptions read as
        // entities, which statistics do not count as mentions.
        Statement resolvedCount(database.value(), "SELECT count(*) FROM mentions WHERE resolved = 1");
        QVERIFY(resolvedCount.next());
        QVERIFY(resolvedCount.integer(0) > 0);
        QCOMPARE(checked, statistics.mentions + statistics.attributes + resolvedCount.integer(0));
        const QList<EntityRecord> entities = repository.entities().value();
        for (const EntityRecord &entity : entities) {
            QVERIFY2(entityTypeFromName(entity.type).has_value(), qPrintable(entity.type));
            QVERIFY(entity.mentionCount > 0);
            QVERIFY(!entity.documents.isEmpty());
        }
    }

    void mergingWithinARunEqualsMergingAcrossRuns()
    {
        // Within a run the Ingester merges against an in-memory catalogue;
        // across runs against what it reads back from the store. Both must
        // come to the same entities.
        Result<Database> together = Database::openInMemory();
        Result<Database> apart = Database::openInMemory();
        QVERIFY(together.ok() && apart.ok());
        QCOMPARE(Ingester(together.value(), *m_processor).ingest(bundledCorpusPaths()).added, 5);
        Ingester separately(apart.value(), *m_processor);
        for (const QString &path : bundledCorpusPaths())
            QCOMPARE(separately.ingest({path}).added, 1);

        const auto describe = [](Database &database) {
            QStringList lines;
            const QList<EntityRecord> entities = Repository(database).entities().value();
            for (const EntityRecord &entity : entities) {
                lines.append(u"%1 %2 %3 [%4] (%5)"_s.arg(entity.name, entity.type)
                                 .arg(entity.mentionCount)
                                 .arg(entity.aliases.join(u'|'), entity.documents.join(u'|')));
            }
            lines.sort();
            return lines;
        };
        QCOMPARE(describe(apart.value()), describe(together.value()));
        QCOMPARE(Repository(apart.value()).knownEntities()->size(),
                 Repository(together.value()).knownEntities()->size());
    }

    // SQLite's own size limit stands in for a full disk: the same SQLITE_FULL
    // comes back from the same places.
    void fullDiskStoresNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"project.newsgraph"_s);
        Result<Database> database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Ingester ingester(database.value(), *m_processor);
        QCOMPARE(ingester.ingest(writeArticles(dir.path(), 0, 2)).added, 2);
        const QStringList before = storedFileNames(database.value());

        const qint64 pages = integer(database.value(), "PRAGMA page_count");
        QVERIFY(database->execute(u"PRAGMA max_page_count = %1"_s.arg(pages + 8)).ok());
        const QStringList paths = writeArticles(dir.path(), 100, 60);
        const IngestReport report = ingester.ingest(paths);
        QVERIFY(!report.committed());
        QVERIFY2(report.fatalError.contains(u"full"_s), qPrintable(report.fatalError));
        QVERIFY2(report.fatalError.contains(path), qPrintable(report.fatalError));
        QCOMPARE(report.added, 0);
        QVERIFY(report.addedPaths.isEmpty());
        QVERIFY(!report.partlyStored());
        QCOMPARE(storedFileNames(database.value()), before);
        QVERIFY(database->checkIntegrity().ok());

        // Room again: the same run goes through whole.
        QVERIFY(database->execute(u"PRAGMA max_page_count = 1073741823"_s).ok());
        const IngestReport again = ingester.ingest(paths);
        QVERIFY2(again.committed(), qPrintable(again.fatalError));
        QCOMPARE(again.added, 60);
        QCOMPARE(documentCount(database.value()), 62);
    }

    // A part ends at whichever bound comes first, its text or its number of
    // documents: each part's transaction, and so the write lock, stays short.
    void partsEndAtTheirSizeOrTheirDocumentCount()
    {
        QTemporaryDir dir;
        Result<Database> database = Database::open(dir.filePath(u"project.newsgraph"_s));
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Ingester ingester(database.value(), *m_processor);
        QCOMPARE(Ingester::defaultPartDocuments, 250);

        ingester.setPartDocuments(4);
        const IngestReport byCount = ingester.ingest(writeArticles(dir.path(), 0, 10));
        QVERIFY(byCount.committed());
        QCOMPARE(byCount.added, 10);
        QCOMPARE(byCount.parts, 3); // 4 + 4 + 2

        QTemporaryDir more;
        ingester.setPartDocuments(Ingester::defaultPartDocuments);
        ingester.setPartCharacters(1);
        const IngestReport bySize = ingester.ingest(writeArticles(more.path(), 10, 3));
        QVERIFY(bySize.committed());
        QCOMPARE(bySize.parts, 3);
        QCOMPARE(documentCount(database.value()), 13);
    }

    // The end of a run longer than a part is stored in parts that halve, so
    // that little is left to store once extraction has ended; a run shorter
    // than a part stays one part (one transaction: all or nothing).
    void lastPartsOfALongRunHalve()
    {
        QTemporaryDir dir;
        Result<Database> database = Database::open(dir.filePath(u"project.newsgraph"_s));
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Ingester ingester(database.value(), *m_processor);

        const IngestReport shortRun = ingester.ingest(writeArticles(dir.path(), 0, 60));
        QVERIFY(shortRun.committed());
        QCOMPARE(shortRun.added, 60);
        QCOMPARE(shortRun.parts, 1);

        QTemporaryDir more;
        ingester.setPartDocuments(64);
        const IngestReport longRun = ingester.ingest(writeArticles(more.path(), 60, 200));
        QVERIFY2(longRun.committed(), qPrintable(longRun.fatalError));
        QCOMPARE(longRun.added, 200);
        // 64 + 64 + then halves of what is left (whole batches of eight):
        // more parts than the four of 64, 64, 64, 8.
        QVERIFY2(longRun.parts > 4, qPrintable(QString::number(longRun.parts)));
        QCOMPARE(documentCount(database.value()), 260);
        QVERIFY(database->checkIntegrity().ok());
    }

    // A run larger than one part is stored part by part; when the disk fills
    // up, the parts stored before stay and the report names their files.
    void partsStoredBeforeAFailureAreReported()
    {
        QTemporaryDir dir;
        Result<Database> database = Database::open(dir.filePath(u"project.newsgraph"_s));
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Ingester ingester(database.value(), *m_processor);
        ingester.setPartCharacters(1); // every document a part of its own

        const qint64 pages = integer(database.value(), "PRAGMA page_count");
        QVERIFY(database->execute(u"PRAGMA max_page_count = %1"_s.arg(pages + 40)).ok());
        const IngestReport report = ingester.ingest(writeArticles(dir.path(), 0, 80));
        QVERIFY(!report.committed());
        QVERIFY2(report.fatalError.contains(u"full"_s), qPrintable(report.fatalError));
        QVERIFY(report.partlyStored());
        QVERIFY(report.added > 0 && report.added < 80);
        QVERIFY(report.parts > 1 && report.parts <= report.added);
        QStringList reported;
        for (const QString &file : report.addedPaths)
            reported.append(QFileInfo(file).fileName());
        QCOMPARE(storedFileNames(database.value()), reported);
        QVERIFY(database->checkIntegrity().ok());
    }

    // Extraction takes no lock: another program (the explorer saving a
    // layout) can write while a run reads and extracts its files.
    void readingAndExtractionLeaveTheDatabaseWritable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"project.newsgraph"_s);
        Result<Database> database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Ingester ingester(database.value(), *m_processor);

        int writes = 0;
        QString failure;
        const IngestReport report = ingester.ingest(
            writeArticles(dir.path(), 0, 40), [&](int, int, const QString &) {
                // Another connection, as another process would have, that
                // does not wait for the lock.
                Result<Database> other = Database::open(path);
                if (!other) {
                    failure = other.error();
                    return;
                }
                sqlite3_busy_timeout(other->handle(), 0);
                Transaction transaction(other.value());
                if (!transaction.isActive()) {
                    failure = transaction.error().message;
                    return;
                }
                if (auto written = other->execute(u"INSERT INTO entities (name, type) VALUES ('Lock Probe', 'PERSON')"_s); !written) {
                    failure = written.error();
                    return;
                }
                if (auto committed = transaction.commit(); !committed) {
                    failure = committed.error();
                    return;
                }
                ++writes;
            });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(writes, 40);
        QVERIFY2(report.committed(), qPrintable(report.fatalError));
        QCOMPARE(report.added, 40);
    }

    // A run that at least doubles the project's file compacts it, even with
    // another program reading it; a run that adds a little does not.
    void compactsAProjectTheRunDoubled()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"project.newsgraph"_s);
        Result<Database> database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Ingester ingester(database.value(), *m_processor);
        const auto freePages = [&database] {
            Statement query(database.value(), "PRAGMA freelist_count");
            return query.next() ? query.integer(0) : -1;
        };

        const qint64 emptySize = database->size().value();
        const IngestReport first = ingester.ingest(writeArticles(dir.path(), 0, 200));
        QVERIFY2(first.committed(), qPrintable(first.fatalError));
        QCOMPARE(first.added, 200);
        QVERIFY2(database->size().value() >= 2 * emptySize,
                 qPrintable(u"%1 bytes, %2 when empty"_s.arg(database->size().value()).arg(emptySize)));
        QVERIFY(first.compacted);
        QVERIFY(first.warnings.isEmpty());
        QCOMPARE(freePages(), 0);
        QCOMPARE(database->checkIntegrity().ok(), true);
        {
            // The run kept its scratch in memory and left SQLite's default.
            Statement tempStore(database.value(), "PRAGMA temp_store");
            QVERIFY(tempStore.next());
            QCOMPARE(tempStore.integer(0), 0);
        }

        const IngestReport few = ingester.ingest(writeArticles(dir.path(), 200, 3));
        QVERIFY(few.committed());
        QCOMPARE(few.added, 3);
        QVERIFY(!few.compacted);

        // Another connection in the middle of reading keeps what it saw.
        Result<Database> reader = Database::open(path);
        QVERIFY2(reader.ok(), qPrintable(reader.error()));
        QVERIFY(reader->execute(u"BEGIN"_s).ok()); // deferred: a reader's snapshot, no lock
        QCOMPARE(documentCount(reader.value()), 203);
        const IngestReport many = ingester.ingest(writeArticles(dir.path(), 300, 400));
        QVERIFY2(many.committed(), qPrintable(many.fatalError));
        QCOMPARE(many.added, 400);
        QVERIFY(many.compacted);
        QCOMPARE(documentCount(reader.value()), 203);
        QVERIFY(reader->execute(u"COMMIT"_s).ok());
        QCOMPARE(documentCount(reader.value()), 603);
        QCOMPARE(documentCount(database.value()), 603);
        QCOMPARE(freePages(), 0);
    }

    // Nothing is added to a damaged project, and it is left as it was.
    void damagedProjectIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"project.newsgraph"_s);
        qint64 pageSize = 0;
        qint64 sentencesRoot = 0;
        {
            Result<Database> database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QCOMPARE(Ingester(database.value(), *m_processor).ingest(writeArticles(dir.path(), 0, 30)).added, 30);
            QVERIFY(database->execute(u"PRAGMA wal_checkpoint(TRUNCATE)"_s).ok());
            pageSize = integer(database.value(), "PRAGMA page_size");
            sentencesRoot = integer(database.value(), "SELECT rootpage FROM sqlite_schema WHERE name = 'sentences'");
        }
        QVERIFY(sentencesRoot > 1);
        {
            // Garbage over the sentences table's root page, past its header:
            // the b-tree no longer makes sense, the file header still does.
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek((sentencesRoot - 1) * pageSize + 8));
            QByteArray junk(int(pageSize) - 16, '\xA5');
            QCOMPARE(file.write(junk), qint64(junk.size()));
        }
        const QByteArray before = fileHash(path);

        Result<Database> database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        const IngestReport report = Ingester(database.value(), *m_processor).ingest(writeArticles(dir.path(), 100, 3));
        QVERIFY(!report.committed());
        QVERIFY2(report.fatalError.contains(u"damaged"_s) && report.fatalError.contains(path),
                 qPrintable(report.fatalError));
        QCOMPARE(report.added, 0);
        database = Error{u"closed"_s};
        QCOMPARE(fileHash(path), before);
    }

    void cancelledRunLeavesTheDatabaseAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.newsgraph"));
        Result<Database> database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Ingester ingester(database.value(), *m_processor);
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
