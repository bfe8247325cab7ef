#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Statement.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

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
        // stored must cite the text exactly: each mention's offsets slice its
        // surface out of the stored text, inside the sentence it refers to.
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        const IngestReport report = Ingester(database.value(), *m_processor).ingest(bundledCorpusPaths());
        QVERIFY(report.committed());
        QCOMPARE(report.added, 5);

        Repository repository(database.value());
        Statement mentions(database.value(),
                           "SELECT m.document_id, m.start, m.\"end\", m.surface, m.type, m.entity_id, "
                           "m.value, s.document_id, s.start, s.\"end\" "
                           "FROM mentions m JOIN sentences s ON s.id = m.sentence_id");
        int checked = 0;
        while (mentions.next()) {
            const Result<QString> text = repository.documentText(mentions.int64(0));
            QVERIFY(text.ok());
            const int start = mentions.integer(1);
            const int end = mentions.integer(2);
            const QString surface = mentions.text(3);
            QCOMPARE(text->mid(start, end - start), surface);
            QCOMPARE(mentions.int64(7), mentions.int64(0));
            QVERIFY2(start >= mentions.integer(8) && end <= mentions.integer(9), qPrintable(surface));
            if (mentions.isNull(5)) {
                QVERIFY2(attributeTypeFromName(mentions.text(4)).has_value(), qPrintable(mentions.text(4)));
                QVERIFY2(!mentions.text(6).isEmpty(), qPrintable(surface));
            } else {
                QVERIFY2(entityTypeFromName(mentions.text(4)).has_value(), qPrintable(mentions.text(4)));
                QVERIFY(mentions.isNull(6));
            }
            ++checked;
        }
        QVERIFY(mentions.ok());
        const StoreStatistics statistics = repository.statistics().value();
        QCOMPARE(checked, statistics.mentions + statistics.attributes);
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
