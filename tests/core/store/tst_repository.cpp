#include "core/extract/KnownEntityIndex.h"
#include "core/store/Curator.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

#include <QCryptographicHash>
#include <QSet>
#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// Sentences end at . ! or ? followed by a space or the end of the text; good
// enough for fixtures written to fit.
QList<Sentence> splitSentences(const QString &text)
{
    QList<Sentence> sentences;
    int start = 0;
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if ((c == u'.' || c == u'!' || c == u'?') && (i + 1 == n || text.at(i + 1) == u' ')) {
            sentences.append(Sentence{start, i + 1});
            start = i + 1;
            while (start < n && text.at(start) == u' ')
                ++start;
        }
    }
    return sentences;
}

Document makeDocument(const QString &fileName, const QString &text,
                      const QString &language = u"en"_s, QDate date = {})
{
    Document document;
    document.path = u"/corpus/"_s + fileName;
    document.fileName = fileName;
    document.text = text;
    document.title = splitSentences(text).isEmpty() ? QString() : text.left(20);
    document.date = date;
    document.language = language;
    document.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
    return document;
}

qint64 queryInteger(Database &database, const char *sql)
{
    Statement query(database, sql);
    return query.next() ? query.int64(0) : -1;
}

QString queryText(Database &database, const char *sql)
{
    Statement query(database, sql);
    return query.next() ? query.text(0) : QString();
}

// What the full-text index itself holds (a plain SELECT on an external
// content table would read the content table instead).
QStringList indexedTerms(Database &database)
{
    QStringList terms;
    Statement query(database, "SELECT term FROM temp.sentences_vocab ORDER BY term");
    while (query.next())
        terms.append(query.text(0));
    return terms;
}

// Entities whose kept mention count (migration 12) is not the count of
// their named mentions.
qint64 miscountedEntities(Database &database)
{
    return queryInteger(database, "SELECT count(*) FROM entities e WHERE e.mention_count <> "
                                  "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.resolved = 0)");
}

bool ftsIntegrityOk(Database &database)
{
    return database
        .execute(u"INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')"_s)
        .ok();
}

const QString alphaText = u"Ada Lovelace met Charles Babbage in London. The analytical engine "
                          "impressed the Royal Society. Salt and pepper were served at the "
                          "dinner \U0001F336 afterwards! Was it spicy?"_s;
const QString betaText = u"La défense de Paris a été renforcée. L'École polytechnique a ouvert "
                         "ses portes. Ada Lovelace est venue à Londres. Le ministre parle de "
                         "défense nationale."_s;

const QString gammaText = u"Nvidia will invest $100 billion in Europe. Jensen Huang announced it "
                          "on 11 June 2025. Huang later met Emmanuel Macron in Paris."_s;
const QString deltaText = u"Mr Huang returned to Paris in July. Nvidia shipped 18,000 GPUs to "
                          "France."_s;

// The index of the sentence of `text` that holds `offset`, -1 if none.
int sentenceAt(const QString &text, int offset)
{
    const QList<Sentence> sentences = splitSentences(text);
    for (int i = 0; i < sentences.size(); ++i) {
        if (offset >= sentences.at(i).start && offset < sentences.at(i).end)
            return i;
    }
    return -1;
}

// An entity as extraction would give it: each surface form is looked up
// after the previous one, so "Huang" after "Jensen Huang" is the next one.
ExtractedEntity entityOf(const QString &name, EntityType type, const QString &text,
                         const QStringList &surfaces)
{
    ExtractedEntity entity;
    entity.name = name;
    entity.type = type;
    int from = 0;
    for (const QString &surface : surfaces) {
        const int start = int(text.indexOf(surface, from));
        Q_ASSERT(start >= 0);
        const int end = start + int(surface.size());
        entity.mentions.append(EntityMention{sentenceAt(text, start), start, end, surface});
        if (!entity.aliases.contains(surface))
            entity.aliases.append(surface);
        from = end;
    }
    return entity;
}

AttributeMention attributeOf(const QString &text, AttributeType type, const QString &surface,
                             const QString &value)
{
    const int start = int(text.indexOf(surface));
    Q_ASSERT(start >= 0);
    return AttributeMention{type, sentenceAt(text, start), start, start + int(surface.size()),
                            surface, value};
}

DocumentExtraction gammaExtraction()
{
    DocumentExtraction extraction;
    extraction.entities = {
        entityOf(u"Jensen Huang"_s, EntityType::Person, gammaText, {u"Jensen Huang"_s, u"Huang"_s}),
        entityOf(u"Nvidia"_s, EntityType::Organization, gammaText, {u"Nvidia"_s}),
        entityOf(u"Paris"_s, EntityType::Place, gammaText, {u"Paris"_s}),
    };
    extraction.attributes = {
        attributeOf(gammaText, AttributeType::Money, u"$100 billion"_s, u"100000000000 USD"_s),
        attributeOf(gammaText, AttributeType::Date, u"11 June 2025"_s, u"2025-06-11"_s),
    };
    return extraction;
}

// Jensen Huang (as "Mr Huang"), Paris, France, Nvidia; "July", "18,000 GPUs".
DocumentExtraction deltaExtraction()
{
    DocumentExtraction extraction;
    extraction.entities = {
        entityOf(u"Mr Huang"_s, EntityType::Person, deltaText, {u"Mr Huang"_s}),
        entityOf(u"Paris"_s, EntityType::Place, deltaText, {u"Paris"_s}),
        entityOf(u"France"_s, EntityType::Place, deltaText, {u"France"_s}),
        entityOf(u"Nvidia"_s, EntityType::Organization, deltaText, {u"Nvidia"_s}),
    };
    extraction.attributes = {
        attributeOf(deltaText, AttributeType::Date, u"July"_s, u"--07"_s),
        attributeOf(deltaText, AttributeType::Quantity, u"18,000 GPUs"_s, u"18000 GPU"_s),
    };
    return extraction;
}

// Two articles that state the same partnership, each its own way.
const QString epsilonText = u"Mistral AI and Nvidia announced a partnership. Arthur Mensch leads "
                            "Mistral AI. Nvidia and Mistral AI will build a data centre in "
                            "France."_s;
const QString zetaText = u"Nvidia signed a partnership with Mistral AI in Paris. The deal was "
                         "praised."_s;

ExtractedRelation relationOf(int subject, const QString &predicate, int object, double confidence,
                             const QString &rule, const QList<int> &sentences)
{
    return ExtractedRelation{subject, predicate, object, confidence, rule, sentences, {}};
}

// Mistral AI, Nvidia, Arthur Mensch, France. The partnership comes twice,
// the second time the other way round and again in sentence 0, as two rules
// of an extractor might both find it.
DocumentExtraction epsilonExtraction()
{
    DocumentExtraction extraction;
    extraction.entities = {
        entityOf(u"Mistral AI"_s, EntityType::Organization, epsilonText,
                 {u"Mistral AI"_s, u"Mistral AI"_s, u"Mistral AI"_s}),
        entityOf(u"Nvidia"_s, EntityType::Organization, epsilonText, {u"Nvidia"_s, u"Nvidia"_s}),
        entityOf(u"Arthur Mensch"_s, EntityType::Person, epsilonText, {u"Arthur Mensch"_s}),
        entityOf(u"France"_s, EntityType::Place, epsilonText, {u"France"_s}),
    };
    extraction.relations = {
        relationOf(1, u"partner_of"_s, 0, 0.9, u"partner.and"_s, {0, 2}),
        relationOf(2, u"ceo_of"_s, 0, 0.8, u"ceo.leads"_s, {1}),
        relationOf(0, u"partner_of"_s, 1, 0.7, u"partner.announce"_s, {0}),
        // Ignored by the store, which reads co-occurrences from the mentions.
        relationOf(0, u"mentioned_with"_s, 1, 0.3, u"cooccurrence"_s, {0, 2}),
        relationOf(0, u"mentioned_with"_s, 3, 0.3, u"cooccurrence"_s, {2}),
    };
    return extraction;
}

// Nvidia, Mistral AI, Paris.
DocumentExtraction zetaExtraction()
{
    DocumentExtraction extraction;
    extraction.entities = {
        entityOf(u"Nvidia"_s, EntityType::Organization, zetaText, {u"Nvidia"_s}),
        entityOf(u"Mistral AI"_s, EntityType::Organization, zetaText, {u"Mistral AI"_s}),
        entityOf(u"Paris"_s, EntityType::Place, zetaText, {u"Paris"_s}),
    };
    extraction.relations = {
        relationOf(0, u"partner_of"_s, 1, 0.95, u"partner.with"_s, {0}),
        relationOf(1, u"located_in"_s, 2, 0.6, u"located.in"_s, {0}),
    };
    return extraction;
}

// Mistral AI, Paris: the pair of zeta's "located_in", stated the other way.
const QString etaText = u"Paris is home to Mistral AI."_s;

DocumentExtraction etaExtraction()
{
    DocumentExtraction extraction;
    extraction.entities = {
        entityOf(u"Mistral AI"_s, EntityType::Organization, etaText, {u"Mistral AI"_s}),
        entityOf(u"Paris"_s, EntityType::Place, etaText, {u"Paris"_s}),
    };
    extraction.relations = {relationOf(1, u"home_of"_s, 0, 0.7, u"home.of"_s, {0})};
    return extraction;
}

const GraphEdge *findEdge(const GraphData &graph, qint64 a, qint64 b)
{
    for (const GraphEdge &edge : graph.edges) {
        if ((edge.source == a && edge.target == b) || (edge.source == b && edge.target == a))
            return &edge;
    }
    return nullptr;
}

const RelationRecord *findRelation(const QList<RelationRecord> &relations,
                                   const QString &predicate)
{
    for (const RelationRecord &relation : relations) {
        if (relation.predicate == predicate)
            return &relation;
    }
    return nullptr;
}

const EntityRecord *findEntity(const QList<EntityRecord> &entities, const QString &name)
{
    for (const EntityRecord &entity : entities) {
        if (entity.name == name)
            return &entity;
    }
    return nullptr;
}

} // namespace

class TestRepository : public QObject
{
    Q_OBJECT

private:
    std::optional<Database> m_database;
    std::optional<Repository> m_repository;

    Database &db() { return *m_database; }
    Repository &repo() { return *m_repository; }

    qint64 insert(const Document &document)
    {
        const auto id = repo().insertDocument(document, splitSentences(document.text));
        if (!id.ok())
            qWarning("%s", qPrintable(id.error()));
        return id.ok() ? *id : -1;
    }

    QStringList searchTexts(const QString &query)
    {
        QStringList texts;
        const auto hits = repo().search(query);
        if (!hits.ok()) {
            texts.append(u"error: "_s + hits.error());
            return texts;
        }
        for (const SearchHit &hit : *hits)
            texts.append(hit.sentence.text);
        return texts;
    }

private Q_SLOTS:
    void init()
    {
        auto database = Database::openInMemory();
        QVERIFY2(database.ok(), qPrintable(database.error()));
        m_database.emplace(std::move(*database));
        m_repository.emplace(*m_database);
        QVERIFY(db().execute(u"CREATE VIRTUAL TABLE temp.sentences_vocab "
                             "USING fts5vocab(main, sentences_fts, row)"_s)
                    .ok());
    }

    void cleanup()
    {
        m_repository.reset();
        m_database.reset();
    }

    void insertsAndReadsBack()
    {
        Document document = makeDocument(u"alpha.txt"_s, alphaText, u"en"_s, QDate(2024, 3, 5));
        document.sourceUrl = u"https://example.org/alpha"_s;
        const QList<Sentence> sentences = splitSentences(alphaText);
        QCOMPARE(sentences.size(), 4);

        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const auto id = repo().insertDocument(document, sentences);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QVERIFY(*id > 0);
        const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

        const auto documents = repo().documents();
        QVERIFY2(documents.ok(), qPrintable(documents.error()));
        QCOMPARE(documents->size(), 1);
        const DocumentRecord &record = documents->first();
        QCOMPARE(record.id, *id);
        QCOMPARE(record.path, document.path);
        QCOMPARE(record.fileName, document.fileName);
        QCOMPARE(record.title, document.title);
        QCOMPARE(record.date, QDate(2024, 3, 5));
        QCOMPARE(record.language, u"en"_s);
        QCOMPARE(record.sourceUrl, document.sourceUrl);
        QCOMPARE(record.contentHash, document.contentHash);
        QCOMPARE(record.sentenceCount, 4);
        // UTF-16 code units, like the offsets: the pepper emoji counts twice.
        QCOMPARE(record.length, int(alphaText.size()));
        // Kept compressed, its length in UTF-16 code units beside it.
        QCOMPARE(queryText(db(), "SELECT typeof(text) FROM documents"), u"blob"_s);
        QCOMPARE(queryInteger(db(), "SELECT text_length FROM documents"), alphaText.size());
        QCOMPARE(repo().documentText(record.id).value(), alphaText);
        const QDateTime ingested = QDateTime::fromString(record.ingestedAt, Qt::ISODate);
        QVERIFY2(ingested.isValid() && ingested.timeSpec() == Qt::UTC, qPrintable(record.ingestedAt));
        QVERIFY(ingested >= before && ingested <= after);
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM documents WHERE published = '2024-03-05'"),
                 1);

        const auto single = repo().document(*id);
        QVERIFY2(single.ok(), qPrintable(single.error()));
        QVERIFY(single->has_value());
        QCOMPARE((*single)->fileName, record.fileName);
        QCOMPARE((*single)->length, record.length);
        QCOMPARE((*single)->sentenceCount, 4);
        const auto none = repo().document(*id + 100);
        QVERIFY2(none.ok(), qPrintable(none.error()));
        QVERIFY(!none->has_value());

        const auto text = repo().documentText(*id);
        QVERIFY2(text.ok(), qPrintable(text.error()));
        QCOMPARE(*text, alphaText);
        QVERIFY(!repo().documentText(*id + 100).ok());

        const auto stored = repo().sentences(*id);
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored->size(), sentences.size());
        for (int i = 0; i < sentences.size(); ++i) {
            const SentenceRecord &sentence = stored->at(i);
            QCOMPARE(sentence.documentId, *id);
            QCOMPARE(sentence.index, i);
            QCOMPARE(sentence.start, sentences.at(i).start);
            QCOMPARE(sentence.end, sentences.at(i).end);
            QCOMPARE(sentence.text, alphaText.mid(sentence.start, sentence.end - sentence.start));
        }
        QCOMPARE(stored->at(2).text, u"Salt and pepper were served at the dinner \U0001F336 afterwards!"_s);
        QCOMPARE(stored->at(3).text, u"Was it spicy?"_s);
        QCOMPARE(stored->at(3).end, int(alphaText.size()));
        QVERIFY(repo().sentences(*id + 100)->isEmpty());
    }

    void storesMissingOptionalFields()
    {
        const Document document = makeDocument(u"plain.txt"_s, u"Nothing else is known."_s);
        const qint64 id = insert(document);
        QVERIFY(id > 0);
        const auto record = repo().document(id);
        QVERIFY(record.ok() && record->has_value());
        QVERIFY(!(*record)->date.isValid());
        QVERIFY((*record)->sourceUrl.isEmpty());
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM documents "
                                    "WHERE published IS NULL AND source_url IS NULL"),
                 1);
    }

    void containsContent()
    {
        const Document alpha = makeDocument(u"alpha.txt"_s, alphaText);
        QCOMPARE(repo().containsContent(alpha.contentHash).value(), false);
        QVERIFY(insert(alpha) > 0);
        QCOMPARE(repo().containsContent(alpha.contentHash).value(), true);
        QCOMPARE(repo().containsContent(makeDocument(u"beta.txt"_s, betaText).contentHash).value(),
                 false);
    }

    void refusesDuplicateContent()
    {
        Transaction transaction(db());
        QVERIFY(insert(makeDocument(u"alpha.txt"_s, alphaText)) > 0);
        const Document copy = makeDocument(u"copy-of-alpha.txt"_s, alphaText);
        const auto duplicate = repo().insertDocument(copy, splitSentences(copy.text));
        QVERIFY(!duplicate.ok());
        QVERIFY2(duplicate.error().contains(u"copy-of-alpha.txt"_s)
                     && duplicate.error().contains(u"alpha.txt"_s),
                 qPrintable(duplicate.error()));
        // The failure is contained: the batch goes on.
        QVERIFY(insert(makeDocument(u"beta.txt"_s, betaText, u"fr"_s)) > 0);
        QVERIFY(transaction.commit().ok());

        QCOMPARE(repo().documents()->size(), 2);
        QCOMPARE(repo().statistics()->sentences, 8);
        QVERIFY(ftsIntegrityOk(db()));
    }

    void rollsBackDocumentWithBadSentence_data()
    {
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::newRow("past the end") << 40 << 1000;
        QTest::newRow("negative start") << -1 << 5;
        QTest::newRow("empty") << 10 << 10;
        QTest::newRow("reversed") << 12 << 3;
    }

    void rollsBackDocumentWithBadSentence()
    {
        QFETCH(int, start);
        QFETCH(int, end);

        const Document good = makeDocument(u"alpha.txt"_s, alphaText);
        const QString badText = u"Zeppelins crossed the channel. Observers counted them carefully. "
                                "A third sentence follows."_s;
        Document bad = makeDocument(u"broken.txt"_s, badText);
        QList<Sentence> badSentences = splitSentences(badText);
        QCOMPARE(badSentences.size(), 3);
        badSentences[2] = Sentence{start, end};
        const Document later = makeDocument(u"beta.txt"_s, betaText, u"fr"_s);

        Transaction transaction(db());
        QVERIFY(transaction.isActive());
        const qint64 goodId = insert(good);
        QVERIFY(goodId > 0);

        const auto failed = repo().insertDocument(bad, badSentences);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(u"broken.txt"_s)
                     && failed.error().contains(u"sentence index 2"_s),
                 qPrintable(failed.error()));

        const qint64 laterId = insert(later);
        QVERIFY(laterId > 0);
        QVERIFY(transaction.commit().ok());

        const auto documents = repo().documents();
        QCOMPARE(documents->size(), 2);
        QCOMPARE(documents->at(0).id, goodId);
        QCOMPARE(documents->at(1).id, laterId);
        QCOMPARE(repo().containsContent(bad.contentHash).value(), false);
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM sentences"), 8);
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM sentence_texts WHERE text LIKE '%Zeppelin%'"),
                 0);
        // Sentences 0 and 1 of the bad document were indexed, then rolled back.
        const QStringList terms = indexedTerms(db());
        QVERIFY(!terms.contains(u"zeppelins"_s));
        QVERIFY(!terms.contains(u"observers"_s));
        QVERIFY(terms.contains(u"lovelace"_s));
        QVERIFY(searchTexts(u"zeppelins"_s).isEmpty());
        QVERIFY(ftsIntegrityOk(db()));
    }

    void rolledBackTransactionLeavesNoTrace()
    {
        QVERIFY(insert(makeDocument(u"alpha.txt"_s, alphaText)) > 0);
        const StoreStatistics before = repo().statistics().value();
        const QStringList termsBefore = indexedTerms(db());
        const qint64 maxId = queryInteger(db(), "SELECT max(id) FROM documents");

        {
            Transaction transaction(db());
            QVERIFY(insert(makeDocument(u"beta.txt"_s, betaText, u"fr"_s)) > 0);
            QVERIFY(insert(makeDocument(u"gamma.txt"_s, u"Gamma rays are invisible."_s)) > 0);
            QCOMPARE(repo().documents()->size(), 3);
        } // not committed

        const StoreStatistics after = repo().statistics().value();
        QCOMPARE(after.documents, before.documents);
        QCOMPARE(after.sentences, before.sentences);
        QCOMPARE(after.languages, before.languages);
        QCOMPARE(indexedTerms(db()), termsBefore);
        QCOMPARE(queryInteger(db(), "SELECT max(id) FROM documents"), maxId);
        QVERIFY(searchTexts(u"gamma"_s).isEmpty());
        QVERIFY(ftsIntegrityOk(db()));
    }

    void searches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected"); // sentence texts, in rank order

        const QString met = u"Ada Lovelace met Charles Babbage in London."_s;
        const QString engine = u"The analytical engine impressed the Royal Society."_s;
        const QString salt = u"Salt and pepper were served at the dinner \U0001F336 afterwards!"_s;
        const QString paris = u"La défense de Paris a été renforcée."_s;
        const QString ecole = u"L'École polytechnique a ouvert ses portes."_s;
        const QString ministre = u"Le ministre parle de défense nationale."_s;

        QTest::newRow("word") << u"london"_s << QStringList{met};
        QTest::newRow("case") << u"LONDON"_s << QStringList{met};
        QTest::newRow("all words, any order") << u"babbage lovelace"_s << QStringList{met};
        QTest::newRow("words in different sentences") << u"babbage royal"_s << QStringList{};
        QTest::newRow("phrase") << u"\"charles babbage\""_s << QStringList{met};
        QTest::newRow("phrase in the wrong order") << u"\"babbage charles\""_s << QStringList{};
        QTest::newRow("phrase and word") << u"\"royal society\" engine"_s << QStringList{engine};
        QTest::newRow("prefix") << u"analyt*"_s << QStringList{engine};
        QTest::newRow("no prefix without *") << u"analyt"_s << QStringList{};
        QTest::newRow("prefix phrase") << u"\"royal soc\"*"_s << QStringList{engine};
        QTest::newRow("accents ignored") << u"ecole"_s << QStringList{ecole};
        QTest::newRow("accents in query") << u"DÉFENSE nationale"_s << QStringList{ministre};
        QTest::newRow("AND is a word") << u"salt AND pepper"_s << QStringList{salt};
        QTest::newRow("OR is a word") << u"salt OR nowhere"_s << QStringList{};
        QTest::newRow("NOT is a word") << u"salt NOT pepper"_s << QStringList{};
        QTest::newRow("unclosed quote runs to the end") << u"\"salt and"_s << QStringList{salt};
        QTest::newRow("apostrophe") << u"l'école"_s << QStringList{ecole};
        QTest::newRow("defense finds défense") << u"defense paris"_s << QStringList{paris};
    }

    void searches()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        QVERIFY(insert(makeDocument(u"alpha.txt"_s, alphaText)) > 0);
        QVERIFY(insert(makeDocument(u"beta.txt"_s, betaText, u"fr"_s)) > 0);
        QCOMPARE(searchTexts(query), expected);
    }

    void searchHitShape()
    {
        QVERIFY(insert(makeDocument(u"alpha.txt"_s, alphaText)) > 0);
        const qint64 betaId = insert(makeDocument(u"beta.txt"_s, betaText, u"fr"_s));
        QVERIFY(betaId > 0);

        const auto hits = repo().search(u"defense"_s);
        QVERIFY2(hits.ok(), qPrintable(hits.error()));
        QCOMPARE(hits->size(), 2);
        const QList<SentenceRecord> sentences = repo().sentences(betaId).value();
        for (const SearchHit &hit : *hits) {
            QCOMPARE(hit.fileName, u"beta.txt"_s);
            QCOMPARE(hit.sentence.documentId, betaId);
            QVERIFY(hit.sentence.index == 0 || hit.sentence.index == 3);
            const SentenceRecord &stored = sentences.at(hit.sentence.index);
            QCOMPARE(hit.sentence.id, stored.id);
            QCOMPARE(hit.sentence.start, stored.start);
            QCOMPARE(hit.sentence.end, stored.end);
            QCOMPARE(hit.sentence.text, betaText.mid(stored.start, stored.end - stored.start));
            QVERIFY2(hit.snippet.contains(u"[défense]"_s), qPrintable(hit.snippet));
        }
        QCOMPARE(repo().search(u"defense"_s, 1)->size(), 1);
    }

    void searchRanking()
    {
        // Identical sentences score the same, so reading order decides.
        const qint64 first = insert(makeDocument(u"one.txt"_s, u"Storm warning issued. Calm."_s));
        const qint64 second = insert(makeDocument(u"two.txt"_s, u"Storm warning issued. Quiet."_s));
        const qint64 third =
            insert(makeDocument(u"three.txt"_s, u"Rain and storm and storm, storm all day."_s));
        QVERIFY(first > 0 && second > 0 && third > 0);

        const auto hits = repo().search(u"storm"_s);
        QVERIFY2(hits.ok(), qPrintable(hits.error()));
        QCOMPARE(hits->size(), 3);
        QCOMPARE(hits->at(0).sentence.documentId, third); // three occurrences rank first
        QCOMPARE(hits->at(1).sentence.documentId, first);
        QCOMPARE(hits->at(2).sentence.documentId, second);
    }

    // Documents stored for indexing later are searched once indexed
    // together, each sentence once.
    void indexesSentencesOfManyDocumentsLater()
    {
        const auto later = [&](const QString &fileName, const QString &text) {
            const Document document = makeDocument(fileName, text);
            const auto stored = repo().insertDocument(document, splitSentences(text), {}, {},
                                                      Repository::SearchIndexing::Later);
            return stored.ok() ? stored->id : -1;
        };
        const qint64 first = later(u"one.txt"_s, u"Harbour cranes idle. Dockers strike."_s);
        const qint64 second = later(u"two.txt"_s, u"Harbour reopens. Cranes move again."_s);
        QVERIFY(first > 0 && second > 0);
        QVERIFY(repo().search(u"harbour"_s)->isEmpty());

        QVERIFY(repo().indexSentences({second, first}).ok());
        QStringList harbour = searchTexts(u"harbour"_s);
        harbour.sort();
        QCOMPARE(harbour, (QStringList{u"Harbour cranes idle."_s, u"Harbour reopens."_s}));
        QCOMPARE(searchTexts(u"cranes"_s).size(), 2);
        QCOMPARE(searchTexts(u"dockers"_s), QStringList{u"Dockers strike."_s});
        QVERIFY(repo().indexSentences({}).ok());
    }

    // What JSON must escape (quotes, backslashes, control characters) and
    // what it need not (characters beyond the BMP) reach the index and the
    // search hits as written.
    void indexesSentencesAsWritten()
    {
        const QString quoted = u"Mayor Ilse Vantongeren said \"the C:\\ports\\north pier\" reopens."_s;
        const QString tabbed = u"Tolls rose\tat Brekkvik\u0001 on \U0001F6A2 ferries."_s;
        const QString text = quoted + u' ' + tabbed;
        const Document document = makeDocument(u"quay.txt"_s, text);
        const auto stored = repo().insertDocument(document, splitSentences(text), {}, {},
                                                  Repository::SearchIndexing::Later);
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QVERIFY(repo().indexSentences({stored->id, stored->id}).ok()); // the same document once
        QCOMPARE(searchTexts(u"pier"_s), QStringList{quoted});
        QCOMPARE(searchTexts(u"\"north pier\""_s), QStringList{quoted});
        QCOMPARE(searchTexts(u"brekkvik"_s), QStringList{tabbed});
        QCOMPARE(searchTexts(u"ferries"_s), QStringList{tabbed});
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM sentences_fts_docsize"), 2); // rows indexed
    }

    // A long document: every sentence indexed and read back, cut from its
    // text once (not once per sentence, which was quadratic in its length).
    void indexesAndReadsTheSentencesOfALongDocument()
    {
        QString text;
        constexpr int count = 20000;
        for (int i = 0; i < count; ++i)
            text += u"Barge %1 of Orvane Logistics docked at Quay %2. "_s.arg(i).arg(i % 97);
        const QList<Sentence> split = splitSentences(text);
        QCOMPARE(split.size(), count);
        const auto stored = repo().insertDocument(makeDocument(u"barges.txt"_s, text), split, {}, {},
                                                  Repository::SearchIndexing::Later);
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QVERIFY(repo().indexSentences({stored->id}).ok());

        const auto sentences = repo().sentences(stored->id);
        QVERIFY2(sentences.ok(), qPrintable(sentences.error()));
        QCOMPARE(sentences->size(), count);
        for (int i : {0, 1, 9999, count - 1}) {
            const SentenceRecord &sentence = sentences->at(i);
            QCOMPARE(sentence.index, i);
            QCOMPARE(sentence.documentId, stored->id);
            QCOMPARE(sentence.text, text.mid(split[i].start, split[i].end - split[i].start));
        }
        QCOMPARE(searchTexts(u"\"barge 12345\""_s), QStringList{sentences->at(12345).text});
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM sentences_fts_docsize"), count);
        QVERIFY(repo().sentences(stored->id + 1)->isEmpty()); // no such document: no sentences
    }

    void searchSurvivesHostileInput_data()
    {
        QTest::addColumn<QString>("query");
        const QStringList queries = {
            u""_s,
            u"   "_s,
            u"\""_s,
            u"\"\""_s,
            u"\"\"\""_s,
            u"salt\""_s,
            u"\"salt"_s,
            u"sa\"lt pep\"per"_s,
            u"*"_s,
            u"**"_s,
            u"* salt"_s,
            u"salt**"_s,
            u"s*alt"_s,
            u"AND"_s,
            u"OR"_s,
            u"NOT"_s,
            u"AND OR NOT"_s,
            u"salt AND"_s,
            u"NEAR(salt pepper)"_s,
            u"NEAR(salt pepper, 2)"_s,
            u"salt NEAR/2 pepper"_s,
            u"("_s,
            u")"_s,
            u"(salt OR pepper"_s,
            u"salt) OR (pepper"_s,
            u"text:salt"_s,
            u"{text}: salt"_s,
            u"-salt"_s,
            u"+salt"_s,
            u"^salt"_s,
            u"salt:"_s,
            u":"_s,
            u"' OR 1=1 --"_s,
            u"'; DROP TABLE documents; --"_s,
            u"\"; DROP TABLE sentences; --"_s,
            u"salt\u0000pepper"_s,
            u"\\\"salt\\\""_s,
            u"\U0001F336"_s,
            u"%_"_s,
            QString(5000, u'x'),
            QStringList(300, u"salt"_s).join(u' '),
        };
        for (const QString &query : queries)
            QTest::newRow(qPrintable(query.left(40))) << query;
    }

    void searchSurvivesHostileInput()
    {
        QFETCH(QString, query);
        QVERIFY(insert(makeDocument(u"alpha.txt"_s, alphaText)) > 0);
        const auto hits = repo().search(query);
        QVERIFY2(hits.ok(), qPrintable(hits.error()));
        QCOMPARE(repo().documents()->size(), 1);
        QCOMPARE(repo().statistics()->sentences, 4);
        QVERIFY(ftsIntegrityOk(db()));
    }

    // A pasted page is refused at once with the reason, rather than keeping
    // FTS5 busy for minutes; a word repeated is searched once.
    void searchRefusesOverlongQueries()
    {
        QVERIFY(insert(makeDocument(u"alpha.txt"_s, alphaText)) > 0);
        const QStringList single = searchTexts(u"salt"_s);
        QCOMPARE(single.size(), 1);
        QCOMPARE(searchTexts(QStringList(18000, u"salt"_s).join(u' ')), single);
        QCOMPARE(searchTexts(u"salt SALT Salt \"salt\""_s), single);

        QStringList distinct;
        for (int i = 0; i < 18000; ++i)
            distinct.append(u"word%1"_s.arg(i));
        const auto tooMany = repo().search(distinct.join(u' '));
        QVERIFY(!tooMany.ok());
        QVERIFY2(tooMany.error().contains(u"18000 different words"_s), qPrintable(tooMany.error()));

        const auto tooLong = repo().search(u'"' + QStringList(18000, u"salt"_s).join(u' ') + u'"');
        QVERIFY(!tooLong.ok());
        QVERIFY2(tooLong.error().contains(u"18000 words"_s), qPrintable(tooLong.error()));

        // Within the limits, many terms still work.
        QVERIFY(repo().search(distinct.mid(0, 64).join(u' ')).ok());
        QVERIFY(repo().search(u'"' + QStringList(256, u"salt"_s).join(u' ') + u'"').ok());
    }

    void emptyQueryFindsNothing()
    {
        QVERIFY(insert(makeDocument(u"alpha.txt"_s, alphaText)) > 0);
        for (const QString &query : {QString(), u""_s, u"  \t "_s, u"*"_s, u"\"\""_s, u"( )"_s}) {
            const auto hits = repo().search(query);
            QVERIFY(hits.ok());
            QVERIFY(hits->isEmpty());
        }
    }

    void entitiesAndRelations()
    {
        const qint64 alpha = insert(makeDocument(u"alpha.txt"_s, alphaText));
        const qint64 beta = insert(makeDocument(u"beta.txt"_s, betaText, u"fr"_s));
        QVERIFY(alpha > 0 && beta > 0);
        const QList<SentenceRecord> alphaSentences = repo().sentences(alpha).value();
        const QList<SentenceRecord> betaSentences = repo().sentences(beta).value();

        QVERIFY(db().execute(u"INSERT INTO entities (id, name, type, hidden) VALUES "
                             "(1, 'Royal Society', 'ORG', 0), (2, 'London', 'LOC', 0), "
                             "(3, 'Charles Babbage', 'PERSON', 0), (4, 'Ada Lovelace', 'PERSON', 0), "
                             "(5, 'Paris', 'LOC', 1);"
                             "INSERT INTO aliases (entity_id, alias) VALUES "
                             "(4, 'Lovelace'), (4, 'Countess of Lovelace'), (4, 'Ada'), "
                             "(2, 'Londres');"_s)
                    .ok());

        // Each after those of its sentence; an entity's mention has its
        // entity's type, an attribute's its own.
        Statement mention(db(), "INSERT INTO mentions (sentence_id, ordinal, entity_id, type, "
                                "start, \"end\") VALUES (?2, "
                                "(SELECT count(*) FROM mentions WHERE sentence_id = ?2), ?3, ?4, ?5, ?6)");
        // As Repository's writer stores them: every name a mention gives is
        // among its entity's aliases.
        Statement alias(db(), "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)");
        auto addMention = [&](qint64 document, const SentenceRecord &sentence, qint64 entity,
                              const QString &type, const QString &surface) {
            const QString text = document == alpha ? alphaText : betaText;
            const int start = int(text.indexOf(surface, sentence.start));
            mention.bind(2, sentence.id).bind(5, start)
                .bind(6, start + int(surface.size()));
            if (entity) {
                mention.bind(3, entity).bindNull(4);
                alias.bind(1, entity).bind(2, surface);
                if (!alias.execute().ok())
                    return false;
            } else {
                mention.bindNull(3).bind(4, type);
            }
            return mention.execute().ok();
        };
        QVERIFY(addMention(alpha, alphaSentences.at(0), 4, u"PERSON"_s, u"Ada Lovelace"_s));
        QVERIFY(addMention(alpha, alphaSentences.at(0), 3, u"PERSON"_s, u"Charles Babbage"_s));
        QVERIFY(addMention(alpha, alphaSentences.at(0), 2, u"LOC"_s, u"London"_s));
        QVERIFY(addMention(beta, betaSentences.at(2), 4, u"PERSON"_s, u"Ada Lovelace"_s));
        QVERIFY(addMention(beta, betaSentences.at(2), 2, u"LOC"_s, u"Londres"_s));
        QVERIFY(addMention(beta, betaSentences.at(2), 4, u"PERSON"_s, u"Ada"_s));
        QVERIFY(addMention(beta, betaSentences.at(0), 5, u"LOC"_s, u"Paris"_s));
        QVERIFY(addMention(beta, betaSentences.at(0), 5, u"LOC"_s, u"Paris"_s));
        QVERIFY(addMention(alpha, alphaSentences.at(2), 0, u"TIME"_s, u"dinner"_s)); // attribute
        // Rows written by hand, not by Repository's writer, which counts
        // the named mentions of each entity as it stores them.
        QVERIFY(db().execute(u"UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m "
                             "WHERE m.entity_id = entities.id AND m.resolved = 0)"_s)
                    .ok());

        const auto entities = repo().entities();
        QVERIFY2(entities.ok(), qPrintable(entities.error()));
        QCOMPARE(entities->size(), 5);
        // By mention count, then name.
        QStringList order;
        for (const EntityRecord &entity : *entities)
            order.append(entity.name);
        QCOMPARE(order, (QStringList{u"Ada Lovelace"_s, u"London"_s, u"Paris"_s,
                                     u"Charles Babbage"_s, u"Royal Society"_s}));

        const EntityRecord &ada = entities->at(0);
        QCOMPARE(ada.id, 4);
        QCOMPARE(ada.type, u"PERSON"_s);
        QCOMPARE(ada.mentionCount, 3);
        // Aliases and mention texts together, each once.
        QCOMPARE(ada.aliases, (QStringList{u"Ada"_s, u"Ada Lovelace"_s, u"Countess of Lovelace"_s,
                                           u"Lovelace"_s}));
        QCOMPARE(ada.documents, (QStringList{u"alpha.txt"_s, u"beta.txt"_s}));
        QVERIFY(!ada.hidden);

        const EntityRecord &london = entities->at(1);
        QCOMPARE(london.mentionCount, 2);
        QCOMPARE(london.aliases, (QStringList{u"London"_s, u"Londres"_s}));
        QCOMPARE(london.documents, (QStringList{u"alpha.txt"_s, u"beta.txt"_s}));

        const EntityRecord &paris = entities->at(2);
        QCOMPARE(paris.mentionCount, 2);
        QCOMPARE(paris.documents, QStringList{u"beta.txt"_s}); // distinct
        QCOMPARE(paris.aliases, QStringList{u"Paris"_s});
        QVERIFY(paris.hidden);

        const EntityRecord &society = entities->at(4);
        QCOMPARE(society.mentionCount, 0);
        QVERIFY(society.aliases.isEmpty());
        QVERIFY(society.documents.isEmpty());

        // Relations with evidence, inserted out of order.
        // Confidences in thousandths (migration 19).
        QVERIFY(db().execute(u"INSERT INTO rules (id, name) VALUES (1, 'loc.in'), (2, 'meet.svo');"
                             "INSERT INTO predicates (id, name) VALUES (1, 'located_in'), (2, 'met');"
                             "INSERT INTO relations (id, subject_id, predicate_id, object_id, "
                             "confidence, rule_id) VALUES "
                             "(10, 3, 1, 2, 500, 1), "
                             "(11, 4, 2, 3, 900, 2)"_s)
                    .ok());
        Statement evidence(db(), "INSERT INTO relation_evidence (relation_id, sentence_id, rule_id, "
                                 "confidence) VALUES (?1, ?2, 2, 900)");
        for (const SentenceRecord &sentence :
             {betaSentences.at(2), alphaSentences.at(1), alphaSentences.at(0)}) {
            evidence.bind(1, 11).bind(2, sentence.id);
            QVERIFY(evidence.execute().ok());
        }

        const auto relations = repo().relations();
        QVERIFY2(relations.ok(), qPrintable(relations.error()));
        QCOMPARE(relations->size(), 2);
        const RelationRecord &met = relations->at(0); // "Ada Lovelace" sorts first
        QCOMPARE(met.id, 11);
        QCOMPARE(met.subject, u"Ada Lovelace"_s);
        QCOMPARE(met.predicate, u"met"_s);
        QCOMPARE(met.object, u"Charles Babbage"_s);
        QCOMPARE(met.confidence, 0.9);
        QCOMPARE(met.rule, u"meet.svo"_s);
        QCOMPARE(met.evidence.size(), 3);
        const QList<SentenceRecord> expected = {alphaSentences.at(0), alphaSentences.at(1),
                                                betaSentences.at(2)};
        for (int i = 0; i < expected.size(); ++i) {
            const EvidenceRecord &row = met.evidence.at(i);
            QCOMPARE(row.sentenceId, expected.at(i).id);
            QCOMPARE(row.documentId, expected.at(i).documentId);
            QCOMPARE(row.fileName, i < 2 ? u"alpha.txt"_s : u"beta.txt"_s);
            QCOMPARE(row.sentence, expected.at(i).text);
            QCOMPARE(row.start, expected.at(i).start);
            QCOMPARE(row.end, expected.at(i).end);
        }
        const RelationRecord &located = relations->at(1);
        QCOMPARE(located.subject, u"Charles Babbage"_s);
        QCOMPARE(located.object, u"London"_s);
        QCOMPARE(located.confidence, 0.5);
        QVERIFY(located.evidence.isEmpty());

        const auto statistics = repo().statistics();
        QVERIFY2(statistics.ok(), qPrintable(statistics.error()));
        QCOMPARE(statistics->documents, 2);
        QCOMPARE(statistics->sentences, 8);
        QCOMPARE(statistics->entities, 5);
        QCOMPARE(statistics->aliases, 8); // four written, four names of mentions
        QCOMPARE(statistics->mentions, 8); // of entities
        QCOMPARE(statistics->attributes, 1);
        QCOMPARE(statistics->relations, 2);
        QCOMPARE(statistics->evidence, 3);
        // Pairs named in one sentence: alpha's first names Ada, Babbage and
        // London; beta's third Ada (twice) and London again.
        QCOMPARE(statistics->cooccurrences, 3);
        QCOMPARE(statistics->languages, (QMap<QString, int>{{u"en"_s, 1}, {u"fr"_s, 1}}));

        // Co-occurrences come from the mentions, ordered with the rest by
        // subject, predicate and object; the subject has the lower id.
        const QList<RelationRecord> all = repo().relations(true).value();
        QStringList listed;
        for (const RelationRecord &relation : all)
            listed.append(u"%1 %2 %3 %4"_s.arg(relation.subject, relation.predicate, relation.object)
                              .arg(relation.evidence.size()));
        QCOMPARE(listed, (QStringList{u"Ada Lovelace met Charles Babbage 3"_s,
                                      u"Charles Babbage located_in London 0"_s,
                                      u"Charles Babbage mentioned_with Ada Lovelace 1"_s,
                                      u"London mentioned_with Ada Lovelace 2"_s,
                                      u"London mentioned_with Charles Babbage 1"_s}));
        const RelationRecord &together = all.at(3);
        QCOMPARE(together.id, 0);
        QCOMPARE(together.confidence, cooccurrenceConfidence);
        QCOMPARE(together.rule, u"cooccurrence"_s);
        QCOMPARE(together.evidence.at(0).sentenceId, alphaSentences.at(0).id);
        QCOMPARE(together.evidence.at(1).sentenceId, betaSentences.at(2).id);
        QCOMPARE(together.evidence.at(1).sentence, betaSentences.at(2).text);
        QCOMPARE(repo().evidenceBetween(4, 2, true)->size(), 2);
        QVERIFY(repo().evidenceBetween(4, 2, false)->isEmpty());
        QCOMPARE(repo().evidenceBetween(3, 4, true)->size(), 3); // met, and named together
        // The same sentences read by id, as a graph's edge names them.
        const QList<EvidenceRecord> between = repo().evidenceBetween(3, 4, true).value();
        QSet<qint64> sentenceIds;
        for (const EvidenceRecord &record : between)
            sentenceIds.insert(record.sentenceId);
        const QList<EvidenceRecord> byId = repo().sentencesWithIds(sentenceIds).value();
        QCOMPARE(byId.size(), between.size());
        for (qsizetype i = 0; i < byId.size(); ++i) {
            QCOMPARE(byId.at(i).sentenceId, between.at(i).sentenceId);
            QCOMPARE(byId.at(i).sentence, between.at(i).sentence);
            QCOMPARE(byId.at(i).fileName, between.at(i).fileName);
            QCOMPARE(byId.at(i).start, between.at(i).start);
        }
        QVERIFY(repo().sentencesWithIds({}).value().isEmpty());
        QVERIFY(repo().evidenceBetween(4, 4, true)->isEmpty());

        // The mention counts follow the mentions, however they change.
        QCOMPARE(miscountedEntities(db()), 0);
        QVERIFY(queryInteger(db(), "SELECT sum(mention_count) FROM entities") > 0);

        // Deleting a document takes its sentences, index entries, mentions
        // and evidence with it; entities and relations stay.
        Statement remove(db(), "DELETE FROM documents WHERE id = ?1");
        remove.bind(1, alpha);
        QVERIFY(remove.execute().ok());
        const StoreStatistics left = repo().statistics().value();
        QCOMPARE(left.documents, 1);
        QCOMPARE(left.sentences, 4);
        QCOMPARE(left.mentions, 5);
        QCOMPARE(left.attributes, 0);
        QCOMPARE(left.evidence, 1);
        QCOMPARE(left.entities, 5);
        QCOMPARE(left.relations, 2);
        QCOMPARE(left.cooccurrences, 1); // Ada and London in beta
        QVERIFY(searchTexts(u"babbage"_s).isEmpty());
        QVERIFY(!indexedTerms(db()).contains(u"babbage"_s));
        QVERIFY(ftsIntegrityOk(db()));
        QCOMPARE(miscountedEntities(db()), 0);
        QVERIFY(db().execute(u"UPDATE mentions SET entity_id = (SELECT min(id) FROM entities) "
                             "WHERE (sentence_id, ordinal) = (SELECT sentence_id, ordinal FROM mentions "
                             "WHERE entity_id IS NOT NULL ORDER BY sentence_id DESC, ordinal DESC LIMIT 1)"_s)
                    .ok());
        QVERIFY(db().execute(u"UPDATE mentions SET resolved = 1 - resolved "
                             "WHERE (sentence_id, ordinal) = (SELECT sentence_id, ordinal FROM mentions "
                             "WHERE entity_id IS NOT NULL ORDER BY sentence_id, ordinal LIMIT 1)"_s)
                    .ok());
        QCOMPARE(miscountedEntities(db()), 0);

    }

    // Mentions are keyed by their sentence and their place in it
    // (migration 17): an extraction added to a stored document puts its
    // mentions after those its sentences have.
    void addsMentionsAfterThoseOfTheirSentence()
    {
        const auto stored = repo().insertDocument(makeDocument(u"gamma.txt"_s, gammaText),
                                                  splitSentences(gammaText), gammaExtraction(), {0, 0, 0});
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        DocumentExtraction more;
        more.entities = {entityOf(u"Europe"_s, EntityType::Place, gammaText, {u"Europe"_s})};
        more.attributes = {attributeOf(gammaText, AttributeType::Date, u"later"_s, u"2025-06-12"_s)};
        const auto added = repo().insertExtraction(stored->id, more, {0});
        QVERIFY2(added.ok(), qPrintable(added.error()));

        Statement places(db(), "SELECT s.idx, m.ordinal, m.start FROM mentions m "
                               "JOIN sentences s ON s.id = m.sentence_id "
                               "WHERE s.document_id = ?1 ORDER BY s.idx, m.ordinal");
        places.bind(1, stored->id);
        QStringList found;
        while (places.next())
            found.append(u"%1.%2:%3"_s.arg(places.integer(0)).arg(places.integer(1))
                             .arg(gammaText.mid(places.integer(2), 6)));
        QVERIFY(places.ok());
        // Nvidia and $100 billion stored with the document, then Europe;
        // Jensen Huang and the date; Huang and Paris, then "later".
        QCOMPARE(found, (QStringList{u"0.0:Nvidia"_s, u"0.1:$100 b"_s, u"0.2:Europe"_s,
                                     u"1.0:Jensen"_s, u"1.1:11 Jun"_s,
                                     u"2.0:Huang "_s, u"2.1:Paris."_s, u"2.2:later "_s}));

        // Read back in the order of the text.
        QStringList names;
        for (const MentionRecord &mention : repo().mentions(stored->id).value())
            names.append(mention.surface);
        QCOMPARE(names, (QStringList{u"Nvidia"_s, u"Europe"_s, u"Jensen Huang"_s, u"Huang"_s, u"Paris"_s}));
        const QList<AttributeRecord> attributes = repo().attributes(stored->id).value();
        QCOMPARE(attributes.size(), 3);
        QCOMPARE(attributes.last().surface, u"later"_s);
        QCOMPARE(attributes.last().type, u"DATE"_s);
        QCOMPARE(miscountedEntities(db()), 0);
    }

    void storesAnExtraction()
    {
        const Document gamma = makeDocument(u"gamma.txt"_s, gammaText);
        const QList<Sentence> sentences = splitSentences(gammaText);
        QCOMPARE(sentences.size(), 3);
        const DocumentExtraction extraction = gammaExtraction();
        const auto stored = repo().insertDocument(gamma, sentences, extraction, {0, 0, 0});
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QVERIFY(stored->id > 0);
        QCOMPARE(stored->entityIds.size(), 3);
        const qint64 huangId = stored->entityIds.at(0);
        QVERIFY(huangId > 0);
        QCOMPARE(QSet<qint64>(stored->entityIds.cbegin(), stored->entityIds.cend()).size(), 3);

        const auto entities = repo().entities();
        QVERIFY2(entities.ok(), qPrintable(entities.error()));
        QCOMPARE(entities->size(), 3);
        const EntityRecord &huang = entities->first(); // two mentions: first
        QCOMPARE(huang.id, huangId);
        QCOMPARE(huang.name, u"Jensen Huang"_s);
        QCOMPARE(huang.type, u"PERSON"_s);
        QCOMPARE(huang.aliases, (QStringList{u"Huang"_s, u"Jensen Huang"_s}));
        QCOMPARE(huang.mentionCount, 2);
        QCOMPARE(huang.documents, QStringList{u"gamma.txt"_s});
        QCOMPARE(entities->at(1).name, u"Nvidia"_s);
        QCOMPARE(entities->at(1).type, u"ORG"_s);
        QCOMPARE(entities->at(2).name, u"Paris"_s);
        QCOMPARE(entities->at(2).type, u"PLACE"_s);

        // Mentions carry their sentence (by id) and their offsets.
        const QList<SentenceRecord> storedSentences = repo().sentences(stored->id).value();
        Statement mentions(db(), "SELECT sentence_id, start, \"end\", type, value IS NULL "
                                 "FROM mentions WHERE entity_id = ?1 ORDER BY start");
        mentions.bind(1, huangId);
        QList<int> sentenceIndexes;
        while (mentions.next()) {
            const int start = mentions.integer(1);
            const int index = sentenceAt(gammaText, start);
            sentenceIndexes.append(index);
            QCOMPARE(mentions.int64(0), storedSentences.at(index).id);
            QVERIFY(mentions.isNull(3)); // its entity's type (migration 17)
            QCOMPARE(mentions.int64(4), 1);
        }
        QVERIFY(mentions.ok());
        // Their words are read out of the document's text (migration 14).
        const QList<MentionRecord> records = repo().mentions(stored->id).value();
        QVERIFY(!records.isEmpty());
        for (const MentionRecord &record : records)
            QCOMPARE(record.surface, gammaText.mid(record.start, record.end - record.start));
        QVERIFY(std::any_of(records.cbegin(), records.cend(),
                            [](const MentionRecord &record) { return record.surface == u"Jensen Huang"_s; }));
        QCOMPARE(sentenceIndexes, (QList<int>{1, 2}));

        const auto attributes = repo().attributes(stored->id);
        QVERIFY2(attributes.ok(), qPrintable(attributes.error()));
        QCOMPARE(attributes->size(), 2);
        const AttributeRecord &money = attributes->at(0);
        QCOMPARE(money.type, u"MONEY"_s);
        QCOMPARE(money.surface, u"$100 billion"_s);
        QCOMPARE(money.value, u"100000000000 USD"_s);
        QCOMPARE(money.documentId, stored->id);
        QCOMPARE(money.sentenceIndex, 0);
        QCOMPARE(money.sentenceId, storedSentences.at(0).id);
        QCOMPARE(gammaText.mid(money.start, money.end - money.start), money.surface);
        const AttributeRecord &date = attributes->at(1);
        QCOMPARE(date.type, u"DATE"_s);
        QCOMPARE(date.value, u"2025-06-11"_s);
        QCOMPARE(date.sentenceIndex, 1);
        QVERIFY(repo().attributes(stored->id + 1)->isEmpty());

        const StoreStatistics statistics = repo().statistics().value();
        QCOMPARE(statistics.entities, 3);
        QCOMPARE(statistics.aliases, 4);
        QCOMPARE(statistics.mentions, 4);
        QCOMPARE(statistics.attributes, 2);

        const auto known = repo().knownEntities();
        QVERIFY2(known.ok(), qPrintable(known.error()));
        QCOMPARE(known->size(), 3);
        QCOMPARE(known->at(0).id, huangId);
        QCOMPARE(known->at(0).name, u"Jensen Huang"_s);
        QCOMPARE(known->at(0).type, EntityType::Person);
        QCOMPARE(known->at(0).aliases, (QStringList{u"Jensen Huang"_s, u"Huang"_s})); // as stored
        QCOMPARE(known->at(2).type, EntityType::Place);
        QVERIFY(ftsIntegrityOk(db()));
    }

    void mergesIntoKnownEntities()
    {
        Transaction transaction(db());
        const auto gamma = repo().insertDocument(makeDocument(u"gamma.txt"_s, gammaText),
                                                 splitSentences(gammaText), gammaExtraction(),
                                                 {0, 0, 0});
        QVERIFY2(gamma.ok(), qPrintable(gamma.error()));
        const qint64 huangId = gamma->entityIds.at(0);
        const qint64 nvidiaId = gamma->entityIds.at(1);
        const qint64 parisId = gamma->entityIds.at(2);

        // Jensen Huang, Paris and Nvidia are known; France is new.
        const auto delta = repo().insertDocument(makeDocument(u"delta.txt"_s, deltaText),
                                                 splitSentences(deltaText), deltaExtraction(),
                                                 {huangId, parisId, 0, nvidiaId});
        QVERIFY2(delta.ok(), qPrintable(delta.error()));
        QCOMPARE(delta->entityIds.size(), 4);
        QCOMPARE(delta->entityIds.at(0), huangId);
        QCOMPARE(delta->entityIds.at(1), parisId);
        QCOMPARE(delta->entityIds.at(3), nvidiaId);
        const qint64 franceId = delta->entityIds.at(2);
        QVERIFY(franceId > 0 && franceId != huangId && franceId != parisId && franceId != nvidiaId);
        QVERIFY(transaction.commit().ok());

        const QList<EntityRecord> entities = repo().entities().value();
        QCOMPARE(entities.size(), 4);
        const EntityRecord *huang = findEntity(entities, u"Jensen Huang"_s);
        QVERIFY(huang);
        // The known entity keeps its name and type and gains the new alias.
        QCOMPARE(huang->type, u"PERSON"_s);
        QCOMPARE(huang->aliases, (QStringList{u"Huang"_s, u"Jensen Huang"_s, u"Mr Huang"_s}));
        QCOMPARE(huang->mentionCount, 3);
        QCOMPARE(huang->documents, (QStringList{u"delta.txt"_s, u"gamma.txt"_s}));
        const EntityRecord *paris = findEntity(entities, u"Paris"_s);
        QVERIFY(paris);
        QCOMPARE(paris->aliases, QStringList{u"Paris"_s}); // the same alias once
        QCOMPARE(paris->mentionCount, 2);
        QCOMPARE(paris->documents, (QStringList{u"delta.txt"_s, u"gamma.txt"_s}));
        const EntityRecord *france = findEntity(entities, u"France"_s);
        QVERIFY(france);
        QCOMPARE(france->id, franceId);
        QCOMPARE(france->documents, QStringList{u"delta.txt"_s});
        QVERIFY(!findEntity(entities, u"Mr Huang"_s));

        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM aliases"), 6);
        const QList<KnownEntity> known = repo().knownEntities().value();
        QCOMPARE(known.size(), 4);
        QCOMPARE(known.at(0).aliases, (QStringList{u"Jensen Huang"_s, u"Huang"_s, u"Mr Huang"_s}));

        // Attributes in text order: "July" comes before "18,000 GPUs".
        const QList<AttributeRecord> attributes = repo().attributes(delta->id).value();
        QCOMPARE(attributes.size(), 2);
        QCOMPARE(attributes.at(0).type, u"DATE"_s);
        QCOMPARE(attributes.at(1).type, u"QUANTITY"_s);
        QCOMPARE(attributes.at(1).value, u"18000 GPU"_s);
        QCOMPARE(attributes.at(1).sentenceIndex, 1);
    }

    // The keys the store keeps (merge_keys) answer as KnownEntityIndex does
    // over every known entity, document after document: people one
    // misspelling apart, organisations by name or alias, a name that grew
    // fuller (its keys filed again), types kept apart, ties to the first.
    void matchesKnownEntitiesThroughItsKeys()
    {
        struct Named
        {
            QString name;
            EntityType type;
            QStringList surfaces;
        };
        const QList<QList<Named>> documents = {
            {{u"Marta Oliveira"_s, EntityType::Person, {u"Marta Oliveira"_s, u"Oliveira"_s}},
             {u"Kestrel"_s, EntityType::Organization, {u"Kestrel"_s}},
             {u"Borealis Mining"_s, EntityType::Organization, {u"Borealis Mining"_s, u"BMC"_s}},
             {u"Lisbon"_s, EntityType::Place, {u"Lisbon"_s}}},
            // A misspelt surname, a fuller name, a person named as a company.
            {{u"Marta Olivera"_s, EntityType::Person, {u"Marta Olivera"_s}},
             {u"Kestrel Bank"_s, EntityType::Organization, {u"Kestrel Bank"_s, u"Kestrel"_s}},
             {u"Lisbon"_s, EntityType::Organization, {u"Lisbon"_s}},
             {u"Oliveira"_s, EntityType::Person, {u"Oliveira"_s}}},
            // The fuller name alone; a new company with a short form.
            {{u"Kestrel Bank"_s, EntityType::Organization, {u"Kestrel Bank"_s}},
             {u"Baltic Marine Council"_s, EntityType::Organization,
              {u"Baltic Marine Council"_s, u"Baltic Marine"_s}},
             {u"Marta Oliveira"_s, EntityType::Person, {u"Marta Oliveira"_s}},
             {u"Jonas Oliveira"_s, EntityType::Person, {u"Jonas Oliveira"_s}}},
            // An acronym alone joins the company known by it; two keys of
            // the second company outvote the first one's acronym.
            {{u"BMC"_s, EntityType::Organization, {u"BMC"_s}},
             {u"Baltic Marine Council"_s, EntityType::Organization, {u"BMC"_s, u"Baltic Marine"_s}},
             {u"Jonas Olivera"_s, EntityType::Person, {u"Jonas Olivera"_s}},
             {u"Lisboa"_s, EntityType::Place, {u"Lisboa"_s}}},
        };
        // What each document's entities are expected to join: the index of
        // an entity of an earlier document as {document, entity}, or none.
        using Earlier = std::optional<std::pair<int, int>>;
        const QList<QList<Earlier>> expected = {
            {{}, {}, {}, {}},
            {std::pair{0, 0}, std::pair{0, 1}, {}, {}},
            {std::pair{0, 1}, {}, std::pair{0, 0}, {}},
            {std::pair{0, 2}, std::pair{2, 1}, std::pair{2, 3}, {}},
        };

        KnownEntityIndex running; // kept as the ingester kept it before
        QList<QList<qint64>> storedIds;
        for (int d = 0; d < documents.size(); ++d) {
            // One sentence naming every surface in turn.
            QStringList surfaces;
            for (const Named &named : documents.at(d))
                surfaces += named.surfaces;
            const QString text = surfaces.join(u" and "_s) + u" met."_s;
            DocumentExtraction extraction;
            int from = 0;
            for (const Named &named : documents.at(d)) {
                ExtractedEntity entity;
                entity.name = named.name;
                entity.type = named.type;
                for (const QString &surface : named.surfaces) {
                    const int start = int(text.indexOf(surface, from));
                    from = start + int(surface.size());
                    entity.mentions.append(EntityMention{0, start, from, surface});
                    if (!entity.aliases.contains(surface))
                        entity.aliases.append(surface);
                }
                extraction.entities.append(entity);
            }

            const auto fromStore = repo().matchKnownEntities(extraction.entities);
            QVERIFY2(fromStore.ok(), qPrintable(fromStore.error()));
            const QList<qint64> fromIndex = matchKnownEntities(extraction.entities,
                                                               repo().knownEntities().value());
            QCOMPARE(*fromStore, fromIndex);
            QCOMPARE(*fromStore, running.match(extraction.entities));
            for (int e = 0; e < expected.at(d).size(); ++e) {
                const Earlier &earlier = expected.at(d).at(e);
                const qint64 id = earlier ? storedIds.at(earlier->first).at(earlier->second) : 0;
                QVERIFY2(fromStore->at(e) == id, qPrintable(u"document %1, entity %2 (%3)"_s.arg(d).arg(e).arg(
                                                      documents.at(d).at(e).name)));
            }

            const auto stored = repo().insertDocument(
                makeDocument(u"doc%1.txt"_s.arg(d), text), splitSentences(text), extraction, *fromStore);
            QVERIFY2(stored.ok(), qPrintable(stored.error()));
            storedIds.append(stored->entityIds);
            running.add(extraction.entities, stored->entityIds);
        }
        const QList<EntityRecord> entities = repo().entities().value();
        const EntityRecord *kestrel = findEntity(entities, u"Kestrel Bank"_s);
        QVERIFY(kestrel);
        QCOMPARE(kestrel->documents.size(), 3);

        // The keys go with their entity.
        const qint64 lisbon = storedIds.at(0).at(3);
        QVERIFY(queryInteger(db(), "SELECT count(*) FROM merge_keys") > 0);
        QVERIFY(db().execute(u"DELETE FROM entities WHERE id = %1"_s.arg(lisbon)).ok());
        const ExtractedEntity place = entityOf(u"Lisbon"_s, EntityType::Place, u"Lisbon."_s, {u"Lisbon"_s});
        QCOMPARE(repo().matchKnownEntities({place}).value(), QList<qint64>{0});
    }

    void badExtractionRollsBackTheWholeDocument_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("message");
        QTest::newRow("sentence index past the last") << 0 << u"sentence index 2"_s;
        QTest::newRow("negative sentence index") << 1 << u"sentence index -1"_s;
        QTest::newRow("range past the end") << 2 << u"not inside the text"_s;
        QTest::newRow("empty range") << 3 << u"not inside the text"_s;
        QTest::newRow("attribute in a missing sentence") << 4 << u"sentence index 7"_s;
        QTest::newRow("unknown entity id") << 5 << u"entity 999"_s;
        QTest::newRow("fewer matches than entities") << 6 << u"known-entity matches"_s;
    }

    void badExtractionRollsBackTheWholeDocument()
    {
        QFETCH(int, fault);
        QFETCH(QString, message);

        Transaction transaction(db());
        const auto gamma = repo().insertDocument(makeDocument(u"gamma.txt"_s, gammaText),
                                                 splitSentences(gammaText), gammaExtraction(),
                                                 {0, 0, 0});
        QVERIFY2(gamma.ok(), qPrintable(gamma.error()));
        const StoreStatistics before = repo().statistics().value();
        const QList<KnownEntity> knownBefore = repo().knownEntities().value();

        // The fault is in the last entity or attribute, so that the alias of
        // the known entity, the new entity and the mentions before it are
        // written first and must be undone.
        DocumentExtraction bad = deltaExtraction();
        QList<qint64> knownIds = {gamma->entityIds.at(0), 0, 0, 0};
        EntityMention &last = bad.entities.last().mentions.last();
        switch (fault) {
        case 0: last.sentence = 2; break;
        case 1: last.sentence = -1; break;
        case 2: last.end = int(deltaText.size()) + 5; break;
        case 3: last.end = last.start; break;
        case 4: bad.attributes.last().sentence = 7; break;
        case 5: knownIds.last() = 999; break;
        case 6: knownIds.removeLast(); break;
        }
        const Document delta = makeDocument(u"delta.txt"_s, deltaText);
        const auto failed = repo().insertDocument(delta, splitSentences(deltaText), bad, knownIds);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(u"delta.txt"_s) && failed.error().contains(message),
                 qPrintable(failed.error()));

        // The batch goes on.
        QVERIFY(insert(makeDocument(u"beta.txt"_s, betaText, u"fr"_s)) > 0);
        QVERIFY(transaction.commit().ok());

        QCOMPARE(repo().containsContent(delta.contentHash).value(), false);
        const StoreStatistics after = repo().statistics().value();
        QCOMPARE(after.documents, 2);
        QCOMPARE(after.sentences, before.sentences + 4);
        QCOMPARE(after.entities, before.entities);
        QCOMPARE(after.aliases, before.aliases);
        QCOMPARE(after.mentions, before.mentions);
        QCOMPARE(after.attributes, before.attributes);
        const QList<KnownEntity> knownAfter = repo().knownEntities().value();
        QCOMPARE(knownAfter.size(), knownBefore.size());
        QCOMPARE(knownAfter.first().aliases, knownBefore.first().aliases); // no "Mr Huang"
        QVERIFY(!indexedTerms(db()).contains(u"returned"_s));
        QVERIFY(ftsIntegrityOk(db()));
    }

    void insertsAnExtractionOnItsOwn()
    {
        const qint64 id = insert(makeDocument(u"delta.txt"_s, deltaText));
        QVERIFY(id > 0);

        DocumentExtraction bad = deltaExtraction();
        bad.entities.last().mentions.last().sentence = 9;
        const auto failed = repo().insertExtraction(id, bad, {0, 0, 0, 0});
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(u"delta.txt"_s) && failed.error().contains(u"sentence index 9"_s)
                     && failed.error().contains(u"nothing of its extraction was stored"_s),
                 qPrintable(failed.error()));
        QVERIFY(repo().entities()->isEmpty());
        QCOMPARE(repo().statistics()->aliases, 0);
        QCOMPARE(repo().statistics()->attributes, 0);
        QCOMPARE(repo().sentences(id)->size(), 2); // the document itself is untouched

        const auto stored = repo().insertExtraction(id, deltaExtraction(), {0, 0, 0, 0});
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored->size(), 4);
        QCOMPARE(repo().entities()->size(), 4);
        QCOMPARE(repo().statistics()->mentions, 4);
        const QList<AttributeRecord> attributes = repo().attributes(id).value();
        QCOMPARE(attributes.size(), 2);
        QCOMPARE(attributes.at(1).sentenceId, repo().sentences(id)->at(1).id);

        const auto missing = repo().insertExtraction(id + 100, deltaExtraction(), {0, 0, 0, 0});
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(u"no document with id"_s), qPrintable(missing.error()));
        QCOMPARE(repo().entities()->size(), 4);
    }

    void storesHowEachSentenceStatesARelation()
    {
        DocumentExtraction extraction = epsilonExtraction();
        ExtractedRelation &partnership = extraction.relations[0]; // Nvidia partner_of Mistral AI, sentences 0 and 2
        partnership.origins = {StatementOrigin{u"partner.and"_s, 0.9, u"“Mistral AI and Nvidia”"_s},
                               StatementOrigin{u"partner.verb-pair"_s, 0.75,
                                               u"Nvidia <-agent- build -agent-> Mistral AI"_s}};
        Transaction transaction(db());
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText),
                                                   splitSentences(epsilonText), extraction, {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        QVERIFY(transaction.commit().ok());
        const qint64 mistralId = epsilon->entityIds.at(0);
        const qint64 nvidiaId = epsilon->entityIds.at(1);
        const qint64 franceId = epsilon->entityIds.at(3);

        // Either way round, each sentence with its own rule, confidence and path.
        for (const auto &[a, b] : {std::pair{nvidiaId, mistralId}, std::pair{mistralId, nvidiaId}}) {
            const auto between = repo().relationsBetween(a, b);
            QVERIFY2(between.ok(), qPrintable(between.error()));
            QCOMPARE(between->size(), 1);
            const RelationRecord &relation = between->first();
            QCOMPARE(relation.predicate, u"partner_of"_s);
            QCOMPARE(relation.evidence.size(), 2);
            QCOMPARE(relation.evidence.at(0).rule, u"partner.and"_s);
            QCOMPARE(relation.evidence.at(0).confidence, 0.9);
            QCOMPARE(relation.evidence.at(0).path, u"“Mistral AI and Nvidia”"_s);
            QCOMPARE(relation.evidence.at(1).rule, u"partner.verb-pair"_s);
            QCOMPARE(relation.evidence.at(1).confidence, 0.75);
            QCOMPARE(relation.evidence.at(1).path, u"Nvidia <-agent- build -agent-> Mistral AI"_s);
        }
        // The quote is kept as where its words are (migration 16), a tree
        // path as its link between the two names, here from the object
        // (the partnership is stored from Mistral AI, stored first).
        QCOMPARE(queryText(db(), "SELECT group_concat(coalesce(path, quote_start || '-' || quote_end, "
                                 "(SELECT link FROM statement_links l WHERE l.id = ev.link_id) "
                                 "|| ' ' || link_from_object), '|') "
                                 "FROM relation_evidence ev JOIN rules r ON r.id = ev.rule_id "
                                 "WHERE r.name LIKE 'partner.%' ORDER BY ev.sentence_id"),
                 u"0-21|<-agent- build -agent-> 1"_s);
        // Without origins (older extractions), the relation's rule and no path.
        const auto ceo = repo().relationsBetween(epsilon->entityIds.at(2), mistralId);
        QVERIFY2(ceo.ok(), qPrintable(ceo.error()));
        QCOMPARE(ceo->size(), 1);
        QCOMPARE(ceo->first().evidence.first().rule, u"ceo.leads"_s);
        QVERIFY(ceo->first().evidence.first().path.isEmpty());
        // Co-occurrence is no stated relation.
        QVERIFY(repo().relationsBetween(mistralId, franceId)->isEmpty());
    }

    // A tree path is kept as its link between the names of its relation's
    // entities, either way round, the link once per project (migration 18);
    // one that names them otherwise is kept whole.
    void keepsTreePathsAsLinksBetweenNames()
    {
        DocumentExtraction extraction;
        extraction.entities = {
            entityOf(u"Nvidia"_s, EntityType::Organization, zetaText, {u"Nvidia"_s}),
            entityOf(u"Mistral AI"_s, EntityType::Organization, zetaText, {u"Mistral AI"_s}),
            entityOf(u"Paris"_s, EntityType::Place, zetaText, {u"Paris"_s}),
        };
        const auto stated = [](int subject, const QString &predicate, int object, const QString &path) {
            ExtractedRelation relation = relationOf(subject, predicate, object, 0.8, u"test.tree"_s, {0});
            relation.origins = {StatementOrigin{u"test.tree"_s, 0.8, path}};
            return relation;
        };
        extraction.relations = {
            stated(0, u"partner_of"_s, 1, u"Nvidia <-agent- signed -prep[with]-> Mistral AI"_s),
            stated(1, u"located_in"_s, 2, u"Paris <-prep[in]- signed -prep[with]-> Mistral AI"_s),
            stated(0, u"located_in"_s, 2, u"NVDA <-agent- signed -prep[in]-> Paris"_s),
        };
        // A second document says the partnership the same way.
        const QString etaText = u"Nvidia signed a deal with Mistral AI."_s;
        DocumentExtraction eta;
        eta.entities = {entityOf(u"Nvidia"_s, EntityType::Organization, etaText, {u"Nvidia"_s}),
                        entityOf(u"Mistral AI"_s, EntityType::Organization, etaText, {u"Mistral AI"_s})};
        eta.relations = {stated(0, u"partner_of"_s, 1, u"Nvidia <-agent- signed -prep[with]-> Mistral AI"_s)};

        const auto zeta = repo().insertDocument(makeDocument(u"zeta.txt"_s, zetaText), splitSentences(zetaText),
                                                extraction, {0, 0, 0});
        QVERIFY2(zeta.ok(), qPrintable(zeta.error()));
        const auto second = repo().insertDocument(makeDocument(u"eta.txt"_s, etaText), splitSentences(etaText), eta,
                                                  {zeta->entityIds.at(0), zeta->entityIds.at(1)});
        QVERIFY2(second.ok(), qPrintable(second.error()));

        const auto paths = [this] {
            QStringList found;
            for (const RelationRecord &relation : repo().relations().value()) {
                for (const EvidenceRecord &evidence : relation.evidence)
                    found.append(u"%1 %2 %3: %4"_s.arg(relation.subject, relation.predicate, relation.object,
                                                       evidence.path));
            }
            return found;
        };
        QCOMPARE(paths(), (QStringList{
                              u"Mistral AI located_in Paris: Paris <-prep[in]- signed -prep[with]-> Mistral AI"_s,
                              u"Nvidia located_in Paris: NVDA <-agent- signed -prep[in]-> Paris"_s,
                              u"Nvidia partner_of Mistral AI: Nvidia <-agent- signed -prep[with]-> Mistral AI"_s,
                              u"Nvidia partner_of Mistral AI: Nvidia <-agent- signed -prep[with]-> Mistral AI"_s,
                          }));
        QCOMPARE(queryText(db(), "SELECT group_concat(link, '|') FROM (SELECT link FROM statement_links ORDER BY id)"),
                 u"<-agent- signed -prep[with]->|<-prep[in]- signed -prep[with]->"_s);
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM relation_evidence WHERE path IS NOT NULL"), 1);
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM relation_evidence WHERE link_from_object = 1"), 1);
        // Explaining a link reads the same.
        const auto between = repo().relationsBetween(zeta->entityIds.at(2), zeta->entityIds.at(1));
        QVERIFY2(between.ok(), qPrintable(between.error()));
        QCOMPARE(between->size(), 1);
        QCOMPARE(between->first().evidence.first().path, u"Paris <-prep[in]- signed -prep[with]-> Mistral AI"_s);
        // The names are the entities' as they are now.
        QVERIFY(db().execute(u"UPDATE entities SET name = 'Mistral AI SAS' WHERE name = 'Mistral AI'"_s).ok());
        QCOMPARE(paths().first(), u"Mistral AI SAS located_in Paris: Paris <-prep[in]- signed -prep[with]-> Mistral AI SAS"_s);
    }

    // Words a statement says it quotes but its sentence does not have (an
    // extractor quoting across sentences, say) are kept as they are.
    void keepsAQuoteItsSentenceLacksAsWritten()
    {
        DocumentExtraction extraction = epsilonExtraction();
        ExtractedRelation &partnership = extraction.relations[0]; // sentences 0 and 2
        partnership.origins = {StatementOrigin{u"partner.and"_s, 0.9, u"“Nvidia and Mistral AI”"_s},
                               StatementOrigin{u"partner.and"_s, 0.9, u"“Nvidia and Mistral AI”"_s}};
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText),
                                                   splitSentences(epsilonText), extraction, {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        QCOMPARE(queryText(db(), "SELECT group_concat(coalesce(path, quote_start || '-' || quote_end), '|') "
                                 "FROM relation_evidence"),
                 u"“Nvidia and Mistral AI”|%1-%2"_s.arg(epsilonText.indexOf(u"Nvidia and"_s))
                     .arg(epsilonText.indexOf(u"Nvidia and"_s) + 21));
        const auto between = repo().relationsBetween(epsilon->entityIds.at(0), epsilon->entityIds.at(1));
        QVERIFY2(between.ok(), qPrintable(between.error()));
        for (const EvidenceRecord &evidence : between->first().evidence)
            QCOMPARE(evidence.path, u"“Nvidia and Mistral AI”"_s);
    }

    void storesRelationsWithEvidence()
    {
        Transaction transaction(db());
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText),
                                                   splitSentences(epsilonText),
                                                   epsilonExtraction(), {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        const qint64 mistralId = epsilon->entityIds.at(0);
        const qint64 nvidiaId = epsilon->entityIds.at(1);
        QVERIFY(mistralId < nvidiaId);
        QVERIFY(transaction.commit().ok());

        // The partnership, found "Nvidia partner_of Mistral AI" first, is
        // stored once, lower id first; the first rule stays, the better
        // confidence stays, and sentence 0 is one piece of evidence.
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM relations r JOIN predicates p ON p.id = r.predicate_id "
                                    "WHERE p.name = 'partner_of'"),
                 1);
        Statement partner(db(), "SELECT subject_id, object_id, confidence, "
                                "(SELECT name FROM rules WHERE id = rule_id) FROM relations "
                                "WHERE predicate_id = (SELECT id FROM predicates WHERE name = 'partner_of')");
        QVERIFY(partner.next());
        QCOMPARE(partner.int64(0), mistralId);
        QCOMPARE(partner.int64(1), nvidiaId);
        QCOMPARE(partner.int64(2), 900); // thousandths
        QCOMPARE(partner.text(3), u"partner.and"_s);
        partner.reset();
        // Evidence rows carry the rule and confidence of what found them.
        QCOMPARE(queryText(db(), "SELECT group_concat(rule.name || ' ' || ev.confidence, ';') "
                                 "FROM relation_evidence ev JOIN relations r "
                                 "ON r.id = ev.relation_id JOIN rules rule ON rule.id = ev.rule_id "
                                 "JOIN predicates p ON p.id = r.predicate_id WHERE p.name = 'ceo_of'"),
                 u"ceo.leads 800"_s);

        const auto typed = repo().relations();
        QVERIFY2(typed.ok(), qPrintable(typed.error()));
        QCOMPARE(typed->size(), 2);
        // A directed predicate keeps its direction.
        const RelationRecord &ceo = typed->at(0);
        QCOMPARE(ceo.subject, u"Arthur Mensch"_s);
        QCOMPARE(ceo.predicate, u"ceo_of"_s);
        QCOMPARE(ceo.object, u"Mistral AI"_s);
        QCOMPARE(ceo.confidence, 0.8);
        QCOMPARE(ceo.rule, u"ceo.leads"_s);
        QCOMPARE(ceo.evidence.size(), 1);
        QCOMPARE(ceo.evidence.first().sentence, u"Arthur Mensch leads Mistral AI."_s);
        const RelationRecord &partnership = typed->at(1);
        QCOMPARE(partnership.subject, u"Mistral AI"_s);
        QCOMPARE(partnership.predicate, u"partner_of"_s);
        QCOMPARE(partnership.object, u"Nvidia"_s);
        QCOMPARE(partnership.evidence.size(), 2);

        const QList<SentenceRecord> sentences = repo().sentences(epsilon->id).value();
        QCOMPARE(sentences.size(), 3);
        QCOMPARE(partnership.evidence.at(0).sentenceId, sentences.at(0).id);
        QCOMPARE(partnership.evidence.at(1).sentenceId, sentences.at(2).id);
        for (const RelationRecord &relation : *typed) {
            for (const EvidenceRecord &evidence : relation.evidence) {
                QCOMPARE(evidence.fileName, u"epsilon.txt"_s);
                QCOMPARE(evidence.documentId, epsilon->id);
                QCOMPARE(epsilonText.mid(evidence.start, evidence.end - evidence.start),
                         evidence.sentence);
            }
        }

        // Co-occurrence only on request: every pair named in one sentence,
        // whatever co-occurrences the extraction listed, the lower id first.
        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM predicates WHERE name = 'mentioned_with'"), 0);
        const QList<RelationRecord> all = repo().relations(true).value();
        QStringList edges;
        for (const RelationRecord &relation : all)
            edges.append(relation.subject + u' ' + relation.predicate + u' ' + relation.object);
        QCOMPARE(edges, (QStringList{u"Arthur Mensch ceo_of Mistral AI"_s,
                                     u"Mistral AI mentioned_with Arthur Mensch"_s,
                                     u"Mistral AI mentioned_with France"_s,
                                     u"Mistral AI mentioned_with Nvidia"_s,
                                     u"Mistral AI partner_of Nvidia"_s,
                                     u"Nvidia mentioned_with France"_s}));
        QCOMPARE(all.at(3).evidence.size(), 2);
        QCOMPARE(all.at(3).evidence.at(1).sentence,
                 u"Nvidia and Mistral AI will build a data centre in France."_s);
        QCOMPARE(all.at(3).rule, u"cooccurrence"_s);
        QCOMPARE(all.at(3).confidence, 0.2);
        QCOMPARE(repo().relations(false)->size(), 2);

        const StoreStatistics statistics = repo().statistics().value();
        QCOMPARE(statistics.relations, 2);
        QCOMPARE(statistics.evidence, 3); // of typed relations
        QCOMPARE(statistics.cooccurrences, 4);
    }

    void sameRelationInTwoDocumentsIsOneRow()
    {
        Transaction transaction(db());
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText),
                                                   splitSentences(epsilonText),
                                                   epsilonExtraction(), {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        const qint64 mistralId = epsilon->entityIds.at(0);
        const qint64 nvidiaId = epsilon->entityIds.at(1);
        // As matchKnownEntities() would merge them: the same two companies.
        const auto zeta = repo().insertDocument(makeDocument(u"zeta.txt"_s, zetaText),
                                                splitSentences(zetaText), zetaExtraction(),
                                                {nvidiaId, mistralId, 0});
        QVERIFY2(zeta.ok(), qPrintable(zeta.error()));
        QVERIFY(transaction.commit().ok());

        const QList<RelationRecord> relations = repo().relations().value();
        QCOMPARE(relations.size(), 3);
        const RelationRecord *partnership = findRelation(relations, u"partner_of"_s);
        QVERIFY(partnership);
        QCOMPARE(partnership->subject, u"Mistral AI"_s);
        QCOMPARE(partnership->object, u"Nvidia"_s);
        QCOMPARE(partnership->confidence, 0.95); // the best of both documents
        QCOMPARE(partnership->rule, u"partner.and"_s); // the first
        // By document, then sentence.
        QCOMPARE(partnership->evidence.size(), 3);
        QCOMPARE(partnership->evidence.at(0).fileName, u"epsilon.txt"_s);
        QCOMPARE(partnership->evidence.at(1).fileName, u"epsilon.txt"_s);
        QCOMPARE(partnership->evidence.at(2).fileName, u"zeta.txt"_s);
        QCOMPARE(partnership->evidence.at(2).documentId, zeta->id);
        QCOMPARE(partnership->evidence.at(2).sentence,
                 u"Nvidia signed a partnership with Mistral AI in Paris."_s);
        for (const RelationRecord &relation : relations) {
            for (const EvidenceRecord &evidence : relation.evidence) {
                const QString text = repo().documentText(evidence.documentId).value();
                QCOMPARE(text.mid(evidence.start, evidence.end - evidence.start),
                         evidence.sentence);
            }
        }
        const RelationRecord *located = findRelation(relations, u"located_in"_s);
        QVERIFY(located);
        QCOMPARE(located->subject, u"Mistral AI"_s);
        QCOMPARE(located->object, u"Paris"_s);

        const StoreStatistics statistics = repo().statistics().value();
        QCOMPARE(statistics.relations, 3);
        QCOMPARE(statistics.evidence, 5);
        QCOMPARE(statistics.cooccurrences, 6); // epsilon's four, and Paris with both in zeta
    }

    void relationOfEntitiesMergedIntoOneIsDropped()
    {
        Transaction transaction(db());
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText),
                                                   splitSentences(epsilonText),
                                                   epsilonExtraction(), {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        const qint64 nvidiaId = epsilon->entityIds.at(1);
        // Both companies of zeta taken for Nvidia: "Nvidia partner_of Nvidia"
        // says nothing, but the document and its other relation are fine.
        const auto zeta = repo().insertDocument(makeDocument(u"zeta.txt"_s, zetaText),
                                                splitSentences(zetaText), zetaExtraction(),
                                                {nvidiaId, nvidiaId, 0});
        QVERIFY2(zeta.ok(), qPrintable(zeta.error()));
        QVERIFY(transaction.commit().ok());

        QCOMPARE(queryInteger(db(), "SELECT count(*) FROM relations WHERE subject_id = object_id"),
                 0);
        const QList<RelationRecord> relations = repo().relations().value();
        QCOMPARE(relations.size(), 3);
        QCOMPARE(findRelation(relations, u"partner_of"_s)->evidence.size(), 2); // epsilon's only
        const RelationRecord *located = findRelation(relations, u"located_in"_s);
        QVERIFY(located);
        QCOMPARE(located->subject, u"Nvidia"_s);
        QCOMPARE(located->object, u"Paris"_s);
    }

    void badRelationRollsBackTheWholeDocument_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("message");
        QTest::newRow("subject index past the last") << 0 << u"entity index"_s;
        QTest::newRow("negative object index") << 1 << u"entity index"_s;
        QTest::newRow("entity related to itself") << 2 << u"itself"_s;
        QTest::newRow("sentence index past the last") << 3 << u"sentence index 2"_s;
        QTest::newRow("negative sentence index") << 4 << u"sentence index -1"_s;
        QTest::newRow("confidence above 1") << 5 << u"not between 0 and 1"_s;
        QTest::newRow("no predicate") << 6 << u"no predicate"_s;
        QTest::newRow("relations without entities") << 7 << u"entity index"_s;
    }

    void badRelationRollsBackTheWholeDocument()
    {
        QFETCH(int, fault);
        QFETCH(QString, message);

        Transaction transaction(db());
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText),
                                                   splitSentences(epsilonText),
                                                   epsilonExtraction(), {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        const StoreStatistics before = repo().statistics().value();
        const QList<RelationRecord> relationsBefore = repo().relations(true).value();

        // The fault is in the last relation, so that the first one, which
        // raises the confidence of a stored relation and adds evidence to it,
        // is written first and must be undone.
        DocumentExtraction bad = zetaExtraction();
        ExtractedRelation &last = bad.relations.last();
        switch (fault) {
        case 0: last.subject = 3; break;
        case 1: last.object = -1; break;
        case 2: last.object = last.subject; break;
        case 3: last.sentences = {0, 2}; break;
        case 4: last.sentences = {-1}; break;
        case 5: last.confidence = 1.5; break;
        case 6: last.predicate.clear(); break;
        case 7: bad.entities.clear(); break;
        }
        const QList<qint64> knownIds = fault == 7
            ? QList<qint64>()
            : QList<qint64>{epsilon->entityIds.at(1), epsilon->entityIds.at(0), 0};
        const Document zeta = makeDocument(u"zeta.txt"_s, zetaText);
        const auto failed = repo().insertDocument(zeta, splitSentences(zetaText), bad, knownIds);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(u"zeta.txt"_s) && failed.error().contains(message)
                     && failed.error().contains(u"the document was not stored"_s),
                 qPrintable(failed.error()));

        // The batch goes on.
        QVERIFY(insert(makeDocument(u"beta.txt"_s, betaText, u"fr"_s)) > 0);
        QVERIFY(transaction.commit().ok());

        QCOMPARE(repo().containsContent(zeta.contentHash).value(), false);
        const StoreStatistics after = repo().statistics().value();
        QCOMPARE(after.documents, 2);
        QCOMPARE(after.entities, before.entities); // no Paris
        QCOMPARE(after.mentions, before.mentions);
        QCOMPARE(after.relations, before.relations);
        QCOMPARE(after.evidence, before.evidence);
        QCOMPARE(after.cooccurrences, before.cooccurrences);
        const QList<RelationRecord> relationsAfter = repo().relations(true).value();
        QCOMPARE(relationsAfter.size(), relationsBefore.size());
        for (qsizetype i = 0; i < relationsAfter.size(); ++i) {
            QCOMPARE(relationsAfter.at(i).confidence, relationsBefore.at(i).confidence); // 0.9
            QCOMPARE(relationsAfter.at(i).evidence.size(), relationsBefore.at(i).evidence.size());
        }
        QVERIFY(!findEntity(repo().entities().value(), u"Paris"_s));
    }

    void insertExtractionStoresRelations()
    {
        const qint64 id = insert(makeDocument(u"epsilon.txt"_s, epsilonText));
        QVERIFY(id > 0);
        DocumentExtraction bad = epsilonExtraction();
        bad.relations.first().sentences = {5};
        const auto failed = repo().insertExtraction(id, bad, {0, 0, 0, 0});
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().contains(u"sentence index 5"_s)
                     && failed.error().contains(u"nothing of its extraction was stored"_s),
                 qPrintable(failed.error()));
        QVERIFY(repo().entities()->isEmpty());
        QVERIFY(repo().relations(true)->isEmpty());

        const auto stored = repo().insertExtraction(id, epsilonExtraction(), {0, 0, 0, 0});
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(repo().relations()->size(), 2);
        QCOMPARE(repo().relations(true)->size(), 6);
    }

    void graphData()
    {
        Transaction transaction(db());
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText, u"en"_s, QDate(2025, 6, 11)),
                                                   splitSentences(epsilonText),
                                                   epsilonExtraction(), {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        const qint64 mistral = epsilon->entityIds.at(0);
        const qint64 nvidia = epsilon->entityIds.at(1);
        const qint64 mensch = epsilon->entityIds.at(2);
        const qint64 france = epsilon->entityIds.at(3);
        const auto zeta = repo().insertDocument(makeDocument(u"zeta.txt"_s, zetaText),
                                                splitSentences(zetaText), zetaExtraction(),
                                                {nvidia, mistral, 0});
        QVERIFY2(zeta.ok(), qPrintable(zeta.error()));
        const qint64 paris = zeta->entityIds.at(2);
        const auto eta = repo().insertDocument(makeDocument(u"eta.txt"_s, etaText),
                                               splitSentences(etaText), etaExtraction(), {mistral, paris});
        QVERIFY2(eta.ok(), qPrintable(eta.error()));
        QVERIFY(transaction.commit().ok());

        const GraphData graph = repo().graphData().value();
        QCOMPARE(graph.nodes.size(), 5);
        const GraphNode &mistralNode = graph.nodes.at(0);
        QCOMPARE(mistralNode.entityId, mistral);
        QCOMPARE(mistralNode.name, u"Mistral AI"_s);
        QCOMPARE(mistralNode.type, EntityType::Organization);
        QCOMPARE(mistralNode.mentions, 5);
        QCOMPARE(mistralNode.documentIds, (QList<qint64>{epsilon->id, zeta->id, eta->id}));
        QVERIFY(mistralNode.aliases.contains(u"Mistral AI"_s));
        QCOMPARE(graph.edges.size(), 6);

        // Partnership and co-occurrence of one pair make one edge; its count is
        // of distinct sentences (epsilon 0 and 2, zeta 0).
        const GraphEdge *partners = findEdge(graph, mistral, nvidia);
        QVERIFY(partners);
        QCOMPARE(partners->predicates, (QStringList{u"mentioned_with"_s, u"partner_of"_s}));
        QCOMPARE(partners->evidenceCount, 3);
        QCOMPARE(partners->confidence, 0.95);
        QVERIFY(!partners->cooccurrenceOnly);
        // (epsilon, mentioned_with), (epsilon, partner_of), (zeta, mentioned_with),
        // (zeta, partner_of): a co-occurrence's sentences are all those naming
        // both, in every document, read from the mentions.
        QCOMPARE(partners->evidence.size(), 4);
        QCOMPARE(partners->evidence.at(0).documentId, epsilon->id);
        QCOMPARE(partners->evidence.at(0).documentDate, QDate(2025, 6, 11));
        QCOMPARE(partners->evidence.at(0).predicate, u"mentioned_with"_s);
        QCOMPARE(partners->evidence.at(0).sentenceIds.size(), 2);
        QCOMPARE(partners->evidence.at(2).documentId, zeta->id);
        QCOMPARE(partners->evidence.at(2).predicate, u"mentioned_with"_s);
        QVERIFY(!partners->evidence.at(2).documentDate.isValid());
        QCOMPARE(partners->evidence.at(3).predicate, u"partner_of"_s);

        // A directed predicate's subject is the edge's source.
        const GraphEdge *ceo = findEdge(graph, mensch, mistral);
        QVERIFY(ceo);
        QCOMPARE(ceo->source, mensch);
        QCOMPARE(ceo->predicates, (QStringList{u"ceo_of"_s, u"mentioned_with"_s}));
        QVERIFY(!ceo->evidence.first().reversed);

        QVERIFY(findEdge(graph, mistral, france)->cooccurrenceOnly);

        // "Mistral AI located_in Paris" and "Paris home_of Mistral AI": one
        // edge, from the first statement, the second marked as reversed.
        const GraphEdge *located = findEdge(graph, mistral, paris);
        QVERIFY(located);
        QCOMPARE(located->source, mistral);
        QCOMPARE(located->predicates,
                 (QStringList{u"home_of"_s, u"located_in"_s, u"mentioned_with"_s}));
        QCOMPARE(located->evidence.size(), 4); // and co-occurrence in zeta and eta
        for (const GraphEdgeEvidence &entry : located->evidence)
            QCOMPARE(entry.reversed, entry.predicate == u"home_of"_s);

        // Hidden entities are handed out too, marked: the filter decides.
        QVERIFY(db().execute(u"UPDATE entities SET hidden = 1 WHERE name = 'France'"_s).ok());
        const GraphData again = repo().graphData().value();
        QCOMPARE(again.nodes.size(), 5);
        QVERIFY(again.nodes.at(3).hidden);

        // Evidence is read relation by relation in sentence order, and
        // sentence ids usually rise with document ids. When they do not (here
        // epsilon, stored first, gets the largest document id), each edge's
        // entries are still one per document and statement, in document
        // order, each with its sentences ascending.
        QVERIFY(db().execute(u"PRAGMA foreign_keys = OFF;"
                             "UPDATE documents SET id = 1000 WHERE id = %1;"
                             "UPDATE sentences SET document_id = 1000 WHERE document_id = %1;"
                             "PRAGMA foreign_keys = ON"_s.arg(epsilon->id))
                    .ok());
        const GraphData moved = repo().graphData().value();
        const GraphEdge *movedPartners = findEdge(moved, mistral, nvidia);
        QVERIFY(movedPartners);
        QCOMPARE(movedPartners->evidenceCount, 3);
        QCOMPARE(movedPartners->evidence.size(), 4);
        const QList<std::pair<qint64, QString>> order = {{zeta->id, u"mentioned_with"_s},
                                                         {zeta->id, u"partner_of"_s},
                                                         {1000, u"mentioned_with"_s},
                                                         {1000, u"partner_of"_s}};
        for (qsizetype i = 0; i < order.size(); ++i) {
            const GraphEdgeEvidence &entry = movedPartners->evidence.at(i);
            QCOMPARE(entry.documentId, order.at(i).first);
            QCOMPARE(entry.predicate, order.at(i).second);
            QVERIFY(std::is_sorted(entry.sentenceIds.cbegin(), entry.sentenceIds.cend()));
        }
        QCOMPARE(movedPartners->evidence.at(2).documentDate, QDate(2025, 6, 11));
        QCOMPARE(movedPartners->evidence.at(2).sentenceIds, partners->evidence.at(0).sentenceIds);
        QCOMPARE(moved.nodes.at(0).documentIds, (QList<qint64>{zeta->id, eta->id, 1000}));
    }

    void evidenceBetween()
    {
        Transaction transaction(db());
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText),
                                                   splitSentences(epsilonText),
                                                   epsilonExtraction(), {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        const qint64 mistral = epsilon->entityIds.at(0);
        const qint64 nvidia = epsilon->entityIds.at(1);
        const qint64 france = epsilon->entityIds.at(3);
        QVERIFY(transaction.commit().ok());

        // Sentence 0 states the partnership twice (two rules): shown once.
        const QList<EvidenceRecord> both = repo().evidenceBetween(nvidia, mistral).value();
        QCOMPARE(both.size(), 2);
        const QList<SentenceRecord> sentences = repo().sentences(epsilon->id).value();
        QCOMPARE(both.at(0).sentenceId, sentences.at(0).id);
        QCOMPARE(both.at(1).sentenceId, sentences.at(2).id);
        QCOMPARE(both.at(0).fileName, u"epsilon.txt"_s);
        QCOMPARE(epsilonText.mid(both.at(1).start, both.at(1).end - both.at(1).start), both.at(1).sentence);
        QCOMPARE(repo().evidenceBetween(mistral, nvidia).value().size(), 2);

        QVERIFY(repo().evidenceBetween(mistral, france).value().isEmpty());
        QCOMPARE(repo().evidenceBetween(mistral, france, true).value().size(), 1);
        QVERIFY(repo().evidenceBetween(mistral, 9999).value().isEmpty());
    }

    void mentionsOfADocument()
    {
        const auto gamma = repo().insertDocument(makeDocument(u"gamma.txt"_s, gammaText),
                                                 splitSentences(gammaText), gammaExtraction(), {0, 0, 0});
        QVERIFY2(gamma.ok(), qPrintable(gamma.error()));
        const auto delta = repo().insertDocument(makeDocument(u"delta.txt"_s, deltaText),
                                                 splitSentences(deltaText), deltaExtraction(),
                                                 {gamma->entityIds.at(0), gamma->entityIds.at(2), 0,
                                                  gamma->entityIds.at(1)});
        QVERIFY2(delta.ok(), qPrintable(delta.error()));
        const qint64 huang = gamma->entityIds.at(0);

        // Entity mentions only (no amounts or dates), in text order, each
        // with its entity as stored now (a merged one keeps its first name).
        const auto mentions = repo().mentions(gamma->id);
        QVERIFY2(mentions.ok(), qPrintable(mentions.error()));
        QStringList surfaces;
        for (const MentionRecord &mention : *mentions) {
            surfaces.append(mention.surface);
            QCOMPARE(mention.documentId, gamma->id);
            QCOMPARE(gammaText.mid(mention.start, mention.end - mention.start), mention.surface);
        }
        QCOMPARE(surfaces, (QStringList{u"Nvidia"_s, u"Jensen Huang"_s, u"Huang"_s, u"Paris"_s}));
        const MentionRecord &second = mentions->at(1);
        QCOMPARE(second.entityId, huang);
        QCOMPARE(second.entityName, u"Jensen Huang"_s);
        QCOMPARE(second.type, u"PERSON"_s);
        QCOMPARE(second.sentenceId, repo().sentences(gamma->id)->at(1).id);
        QCOMPARE(mentions->at(3).type, u"PLACE"_s);

        const auto merged = repo().mentions(delta->id);
        QVERIFY2(merged.ok(), qPrintable(merged.error()));
        QCOMPARE(merged->size(), 4);
        QCOMPARE(merged->first().surface, u"Mr Huang"_s);
        QCOMPARE(merged->first().entityId, huang);
        QCOMPARE(merged->first().entityName, u"Jensen Huang"_s);

        QVERIFY(repo().mentions(delta->id + 100)->isEmpty());
    }

    void resolvedMentionsAreShownButNotCounted()
    {
        // "It" and "the chipmaker" stand for Nvidia: the document view lists
        // them, marked; counts, aliases, documents, co-occurrences and an
        // entity's sentences read names only.
        const QString text = u"Nvidia met Emmanuel Macron in Paris. It said the chipmaker would grow in Paris."_s;
        DocumentExtraction extraction;
        extraction.entities = {
            entityOf(u"Nvidia"_s, EntityType::Organization, text, {u"Nvidia"_s}),
            entityOf(u"Paris"_s, EntityType::Place, text, {u"Paris"_s, u"Paris"_s}),
        };
        const int it = int(text.indexOf(u"It said"_s));
        const int chipmaker = int(text.indexOf(u"the chipmaker"_s));
        extraction.entities[0].references = {EntityMention{1, it, it + 2, u"It"_s},
                                             EntityMention{1, chipmaker, chipmaker + 13, u"the chipmaker"_s}};
        const auto stored = repo().insertDocument(makeDocument(u"resolved.txt"_s, text), splitSentences(text),
                                                  extraction, {0, 0});
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        const qint64 nvidia = stored->entityIds.at(0);

        const auto mentions = repo().mentions(stored->id);
        QVERIFY2(mentions.ok(), qPrintable(mentions.error()));
        QStringList surfaces;
        QList<bool> resolved;
        for (const MentionRecord &mention : *mentions) {
            surfaces.append(mention.surface);
            resolved.append(mention.resolved);
        }
        QCOMPARE(surfaces, (QStringList{u"Nvidia"_s, u"Paris"_s, u"It"_s, u"the chipmaker"_s, u"Paris"_s}));
        QCOMPARE(resolved, (QList<bool>{false, false, true, true, false}));
        QCOMPARE(mentions->at(2).entityId, nvidia);

        const QList<EntityRecord> entities = repo().entities().value();
        const auto record = std::find_if(entities.cbegin(), entities.cend(),
                                         [&](const EntityRecord &e) { return e.id == nvidia; });
        QVERIFY(record != entities.cend());
        QCOMPARE(record->mentionCount, 1);
        QCOMPARE(record->aliases, QStringList{u"Nvidia"_s});
        QCOMPARE(repo().statistics()->mentions, 3);
        // Nvidia and Paris co-occur in the first sentence only.
        const auto between = repo().evidenceBetween(nvidia, stored->entityIds.at(1), true);
        QVERIFY2(between.ok(), qPrintable(between.error()));
        QCOMPARE(between->size(), 1);
        QCOMPARE(repo().sentencesMentioning(nvidia)->size(), 1);
        const GraphData graph = repo().graphData().value();
        for (const GraphNode &node : graph.nodes) {
            if (node.entityId == nvidia) {
                QCOMPARE(node.mentions, 1);
                QCOMPARE(node.aliases, QStringList{u"Nvidia"_s});
            }
        }
    }

    void sentencesMentioningAnEntity()
    {
        const auto gamma = repo().insertDocument(makeDocument(u"gamma.txt"_s, gammaText),
                                                 splitSentences(gammaText), gammaExtraction(), {0, 0, 0});
        QVERIFY2(gamma.ok(), qPrintable(gamma.error()));
        const qint64 huang = gamma->entityIds.at(0);
        const auto delta = repo().insertDocument(makeDocument(u"delta.txt"_s, deltaText),
                                                 splitSentences(deltaText), deltaExtraction(),
                                                 {huang, 0, 0, 0});
        QVERIFY2(delta.ok(), qPrintable(delta.error()));

        const auto sentences = repo().sentencesMentioning(huang);
        QVERIFY2(sentences.ok(), qPrintable(sentences.error()));
        QCOMPARE(sentences->size(), 3); // gamma 1 and 2, delta 0
        QCOMPARE(sentences->at(0).documentId, gamma->id);
        QCOMPARE(sentences->at(0).fileName, u"gamma.txt"_s);
        QVERIFY(sentences->at(0).sentence.startsWith(u"Jensen Huang announced"_s));
        QCOMPARE(gammaText.mid(sentences->at(1).start, sentences->at(1).end - sentences->at(1).start),
                 sentences->at(1).sentence);
        QCOMPARE(sentences->at(2).documentId, delta->id);
        QCOMPARE(sentences->at(2).sentenceId, repo().sentences(delta->id)->at(0).id);

        // A sentence naming the entity twice is listed once.
        const QString twiceText = u"Nvidia said Nvidia grows. Nothing else."_s;
        DocumentExtraction twice;
        twice.entities = {entityOf(u"Nvidia"_s, EntityType::Organization, twiceText, {u"Nvidia"_s, u"Nvidia"_s})};
        const auto repeated = repo().insertDocument(makeDocument(u"twice.txt"_s, twiceText),
                                                    splitSentences(twiceText), twice, {gamma->entityIds.at(1)});
        QVERIFY2(repeated.ok(), qPrintable(repeated.error()));
        const auto nvidia = repo().sentencesMentioning(gamma->entityIds.at(1));
        QCOMPARE(nvidia->size(), 2); // gamma 0, twice 0
        QCOMPARE(nvidia->at(1).documentId, repeated->id);
        QVERIFY(repo().sentencesMentioning(9999)->isEmpty());
    }

    void hidesEntities()
    {
        const auto gamma = repo().insertDocument(makeDocument(u"gamma.txt"_s, gammaText),
                                                 splitSentences(gammaText), gammaExtraction(), {0, 0, 0});
        QVERIFY2(gamma.ok(), qPrintable(gamma.error()));
        const qint64 paris = gamma->entityIds.at(2);

        // An edit of the analyst's (Curator), logged and undoable.
        Curator curator(db());
        const Result<EditRecord> hidden = curator.setHidden(paris, true);
        QVERIFY2(hidden.ok(), qPrintable(hidden.error()));
        QCOMPARE(hidden->kind, u"hide"_s);
        QVERIFY(findEntity(repo().entities().value(), u"Paris"_s)->hidden);
        QVERIFY(!findEntity(repo().entities().value(), u"Nvidia"_s)->hidden);
        const GraphData graph = repo().graphData().value();
        for (const GraphNode &node : graph.nodes)
            QCOMPARE(node.hidden, node.entityId == paris);

        // Hiding twice changes nothing (and is said so); showing again undoes it.
        QVERIFY(!curator.setHidden(paris, true).ok());
        QVERIFY(findEntity(repo().entities().value(), u"Paris"_s)->hidden);
        QVERIFY(curator.setHidden(paris, false).ok());
        QVERIFY(!findEntity(repo().entities().value(), u"Paris"_s)->hidden);

        const Result<EditRecord> unknown = curator.setHidden(9999, true);
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().contains(u"9999"_s), qPrintable(unknown.error()));
    }

    void savesPositions()
    {
        Transaction transaction(db());
        const auto epsilon = repo().insertDocument(makeDocument(u"epsilon.txt"_s, epsilonText),
                                                   splitSentences(epsilonText),
                                                   epsilonExtraction(), {0, 0, 0, 0});
        QVERIFY2(epsilon.ok(), qPrintable(epsilon.error()));
        QVERIFY(transaction.commit().ok());
        const QList<qint64> ids = epsilon->entityIds;

        QVERIFY(repo().positions().value().isEmpty());
        QHash<qint64, NodePosition> layout{
            {ids.at(0), {0.0, 0.0, false}},
            {ids.at(1), {120.5, -40.25, true}},
            {ids.at(2), {-1e6, 3.0, false}},
            {4242, {1.0, 1.0, false}}, // no such entity: skipped
        };
        QVERIFY2(repo().savePositions(layout).ok(), qPrintable(repo().savePositions(layout).error()));
        layout.remove(4242);
        QCOMPARE(repo().positions().value(), layout);

        // A drag moves one node and keeps the others.
        QVERIFY(repo().updatePositions({{ids.at(0), {5.0, 6.0, true}}}).ok());
        QCOMPARE(repo().positions().value().value(ids.at(0)), (NodePosition{5.0, 6.0, true}));
        QCOMPARE(repo().positions().value().size(), 3);

        // A new layout replaces the old one whole...
        QVERIFY(repo().savePositions({{ids.at(3), {1.0, 2.0, false}}}).ok());
        QCOMPARE(repo().positions().value().keys(), QList<qint64>{ids.at(3)});

        // ...or, when it cannot be written, leaves it as it was.
        const Result<void> bad = repo().savePositions(
            {{ids.at(0), {1.0, 1.0, false}}, {ids.at(1), {std::nan(""), 0.0, false}}});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().contains(u"not a finite point"_s), qPrintable(bad.error()));
        QCOMPARE(repo().positions().value().keys(), QList<qint64>{ids.at(3)});

        // Positions go with their entity.
        QVERIFY(db().execute(u"DELETE FROM entities WHERE id = %1"_s.arg(ids.at(3))).ok());
        QVERIFY(repo().positions().value().isEmpty());
    }

    // Tree paths stored before version 18 become links where they name
    // their relation's entities, either way round, and read the same.
    void migratesTreePathsToLinks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"seventeen.newsgraph"_s);
        const QStringList stored = {u"Nvidia <-agent- signed -prep[with]-> Mistral AI"_s,
                                    u"Paris <-prep[in]- signed -prep[with]-> Mistral AI"_s,
                                    u"NVDA <-agent- signed -prep[in]-> Paris"_s,
                                    u"Nvidia, then Paris"_s, // not a tree path
                                    u"“Nvidia signed”"_s};
        {
            auto old = Database::open(path, schemaMigrations().mid(0, 17));
            QVERIFY2(old.ok(), qPrintable(old.error()));
            QCOMPARE(old->schemaVersion(), 17);
            Repository repository(*old);
            const auto zeta = repository.insertDocument(makeDocument(u"zeta.txt"_s, zetaText), splitSentences(zetaText));
            QVERIFY2(zeta.ok(), qPrintable(zeta.error()));
            QVERIFY(old->execute(u"INSERT INTO entities (id, name, type) VALUES "
                                 "(1, 'Nvidia', 'ORG'), (2, 'Mistral AI', 'ORG'), (3, 'Paris', 'PLACE');"
                                 "INSERT INTO relations (id, subject_id, predicate, object_id) VALUES "
                                 "(1, 1, 'partner_of', 2), (2, 2, 'located_in', 3), (3, 1, 'located_in', 3), "
                                 "(4, 1, 'supplies', 3), (5, 2, 'partner_of', 3)"_s)
                        .ok());
            Statement evidence(*old, "INSERT INTO relation_evidence (relation_id, sentence_id, path) "
                                     "SELECT ?1, min(id), ?2 FROM sentences");
            for (int i = 0; i < stored.size(); ++i) {
                evidence.bind(1, i + 1).bind(2, stored.at(i));
                QVERIFY(evidence.execute().ok());
            }
        }
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QCOMPARE(database->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(queryText(*database, "SELECT group_concat(link, '|') FROM (SELECT link FROM statement_links ORDER BY id)"),
                 u"<-agent- signed -prep[with]->|<-prep[in]- signed -prep[with]->"_s);
        QCOMPARE(queryText(*database, "SELECT group_concat(coalesce(path, link_id || ' ' || link_from_object), '|') "
                                      "FROM (SELECT * FROM relation_evidence ORDER BY relation_id)"),
                 u"1 0|2 1|NVDA <-agent- signed -prep[in]-> Paris|Nvidia, then Paris|“Nvidia signed”"_s);
        Repository repository(*database);
        QStringList read;
        for (const RelationRecord &relation : repository.relations().value())
            read.append(relation.evidence.first().path);
        read.sort();
        QStringList expected = stored;
        expected.sort();
        QCOMPARE(read, expected);
        QCOMPARE(queryText(*database, "PRAGMA integrity_check"), u"ok"_s);
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    }

    // Remaking a table frees the pages of the old one: an upgrade that
    // leaves a quarter of the file free compacts it.
    void upgradeGivesBackWhatItFreed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sixteen.newsgraph"_s);
        qint64 sizeBefore = 0;
        {
            auto old = Database::open(path, schemaMigrations().mid(0, 16));
            QVERIFY2(old.ok(), qPrintable(old.error()));
            Repository repository(*old);
            const auto zeta = repository.insertDocument(makeDocument(u"zeta.txt"_s, zetaText), splitSentences(zetaText));
            QVERIFY2(zeta.ok(), qPrintable(zeta.error()));
            // Mentions as version 16 kept them, many.
            QVERIFY(old->execute(u"INSERT INTO entities (id, name, type) VALUES (1, 'Nvidia', 'ORG');"
                                 "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                                 "INSERT INTO mentions (document_id, sentence_id, entity_id, type, start, \"end\") "
                                 "SELECT d.id, s.id, 1, 'ORG', 0, 6 FROM n, documents d, sentences s "
                                 "WHERE s.idx = 0"_s)
                        .ok());
            sizeBefore = old->size().value();
        }
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM mentions"), 20001);
        QCOMPARE(queryInteger(*database, "PRAGMA freelist_count"), 0);
        QVERIFY2(database->size().value() < sizeBefore,
                 qPrintable(u"%1 bytes, %2 before"_s.arg(database->size().value()).arg(sizeBefore)));
        QCOMPARE(queryText(*database, "PRAGMA integrity_check"), u"ok"_s);
    }

    void migratesVersionOneFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.newsgraph"_s);
        qint64 id = 0;
        {
            auto old = Database::open(path, QList<Migration>{schemaMigrations().first()});
            QVERIFY2(old.ok(), qPrintable(old.error()));
            QCOMPARE(old->schemaVersion(), 1);
            // As version 1 stored a document: its text plain.
            const Document alpha = makeDocument(u"alpha.txt"_s, alphaText);
            Statement document(*old, "INSERT INTO documents (path, file_name, content_hash, title, language, "
                                     "text, ingested_at) VALUES (?1, ?2, ?3, ?4, 'en', ?5, '2024-01-01T00:00:00Z')");
            document.bind(1, alpha.path).bind(2, alpha.fileName).bind(3, alpha.contentHash).bind(4, alpha.title)
                .bind(5, alphaText);
            QVERIFY(document.execute().ok());
            id = document.lastInsertRowId();
            Statement sentence(*old, "INSERT INTO sentences (document_id, idx, start, \"end\", text) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)");
            const QList<Sentence> sentences = splitSentences(alphaText);
            for (int i = 0; i < sentences.size(); ++i) {
                const Sentence &s = sentences.at(i);
                sentence.bind(1, id).bind(2, i).bind(3, s.start).bind(4, s.end)
                    .bind(5, alphaText.mid(s.start, s.end - s.start));
                QVERIFY(sentence.execute().ok());
            }
            // Today's code indexes the sentences itself and version 1's
            // trigger did too: the index as version 1 alone would have made it.
            QVERIFY(old->execute(u"INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild')"_s).ok());
            QVERIFY(ftsIntegrityOk(*old));
            QVERIFY(old->execute(u"INSERT INTO entities (id, name, type) VALUES "
                                 "(1, 'Ada Lovelace', 'PERSON'), (2, 'Londinium', 'LOC');"
                                 "INSERT INTO aliases (entity_id, alias) VALUES (1, 'Lovelace');"
                                 "INSERT INTO mentions (document_id, sentence_id, entity_id, type, "
                                 "start, \"end\", surface) SELECT document_id, id, 1, 'PERSON', 0, "
                                 "12, 'Ada Lovelace' FROM sentences WHERE idx = 0"_s)
                        .ok());
            // Before version 5 a co-occurrence had evidence rows like any relation.
            QVERIFY(old->execute(u"INSERT INTO mentions (document_id, sentence_id, entity_id, type, "
                                 "start, \"end\", surface) SELECT document_id, id, 2, 'LOC', 20, "
                                 "29, 'Londinium' FROM sentences WHERE idx = 0;"
                                 "INSERT INTO relations (id, subject_id, predicate, object_id, rule) VALUES "
                                 "(1, 1, 'mentioned_with', 2, NULL), (2, 1, 'visited', 2, 'visit.svo');"
                                 "INSERT INTO relation_evidence (relation_id, sentence_id, rule) "
                                 "SELECT r.id, s.id, r.rule FROM relations r, sentences s WHERE s.idx = 0"_s)
                        .ok());
            QVERIFY(!old->execute(u"SELECT value FROM mentions"_s).ok()); // not there yet
        }

        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QCOMPARE(database->schemaVersion(), 21);
        QCOMPARE(Database::latestSchemaVersion(), 21);
        // Version 9 compresses the texts stored before, and keeps their length.
        QCOMPARE(queryText(*database, "SELECT typeof(text) FROM documents"), u"blob"_s);
        QCOMPARE(queryInteger(*database, "SELECT text_length FROM documents"), alphaText.size());
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM sqlite_schema WHERE name = 'mentions_document'"), 0);
        Repository repository(*database);
        QCOMPARE(repository.documents()->size(), 1);
        QCOMPARE(repository.documentText(id).value(), alphaText);
        QCOMPARE(repository.sentences(id)->size(), 4);
        QCOMPARE(repository.search(u"lovelace"_s)->size(), 1);
        // Version 10 drops the sentences' copy of their words, which the
        // index and the readers take from the document; the index is whole.
        QVERIFY(!database->execute(u"SELECT text FROM sentences"_s).ok());
        QCOMPARE(repository.sentences(id)->at(1).text,
                 alphaText.mid(repository.sentences(id)->at(1).start,
                               repository.sentences(id)->at(1).end - repository.sentences(id)->at(1).start));
        QVERIFY(ftsIntegrityOk(*database));
        // Sentences stored after the migration are indexed once (version 4
        // dropped the trigger that indexed them row by row).
        QVERIFY(repository.insertDocument(makeDocument(u"beta.txt"_s, betaText, u"fr"_s),
                                          splitSentences(betaText))
                    .ok());
        QVERIFY(ftsIntegrityOk(*database));
        QCOMPARE(repository.search(u"polytechnique"_s)->size(), 1);
        QCOMPARE(repository.search(u"lovelace"_s)->size(), 2); // in both
        const QList<EntityRecord> entities = repository.entities().value();
        QCOMPARE(entities.size(), 2);
        QCOMPARE(entities.first().name, u"Ada Lovelace"_s);
        QCOMPARE(entities.first().mentionCount, 1);
        QCOMPARE(entities.first().aliases, (QStringList{u"Ada Lovelace"_s, u"Lovelace"_s}));
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM mentions WHERE value IS NULL"), 2);
        // Version 5 drops the co-occurrence, which is read from the mentions
        // now; the typed relation keeps its row and evidence.
        QCOMPARE(queryInteger(*database, "SELECT group_concat(id) FROM relations"), 2);
        QCOMPARE(queryInteger(*database, "SELECT group_concat(relation_id) FROM relation_evidence"), 2);
        const QList<RelationRecord> relations = repository.relations(true).value();
        QCOMPARE(relations.size(), 2);
        for (const RelationRecord &relation : relations) {
            QCOMPARE(relation.evidence.size(), 1);
            QCOMPARE(relation.evidence.first().sentence, repository.sentences(id)->first().text);
        }
        // Version 6 adds how a sentence states a relation; older rows have none.
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM relation_evidence WHERE path IS NULL"), 1);
        // Version 15 numbers the rules; their names read back the same.
        QCOMPARE(queryText(*database, "SELECT group_concat(name) FROM rules"), u"visit.svo"_s);
        const auto visited = std::find_if(relations.cbegin(), relations.cend(),
                                          [](const RelationRecord &r) { return r.predicate == u"visited"_s; });
        QVERIFY(visited != relations.cend());
        QCOMPARE(visited->rule, u"visit.svo"_s);
        QCOMPARE(visited->confidence, 1.0);
        QCOMPARE(visited->evidence.first().rule, u"visit.svo"_s);
        // Version 7 marks resolved mentions; every older one is a name.
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM mentions WHERE resolved = 0"), 2);
        // Version 12 counts them per entity.
        QCOMPARE(queryInteger(*database, "SELECT mention_count FROM entities WHERE id = 1"), 1);
        QCOMPARE(miscountedEntities(*database), 0);
        // Version 19 numbers the predicates and keeps confidences in
        // thousandths, with foreign keys on again once it has remade the tables.
        QCOMPARE(queryText(*database, "SELECT group_concat(p.name || ' ' || r.confidence) FROM relations r "
                                      "JOIN predicates p ON p.id = r.predicate_id"),
                 u"visited 1000"_s);
        QCOMPARE(queryInteger(*database, "PRAGMA foreign_keys"), 1);
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
        // Version 17 keys the mentions by sentence and place, in the order
        // they were stored, and leaves a name's type to its entity.
        QCOMPARE(queryText(*database, "SELECT group_concat(ordinal || ':' || entity_id || ':' || "
                                      "coalesce(type, '-'), ' ') FROM mentions"),
                 u"0:1:- 1:2:-"_s);
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM sqlite_schema WHERE name = 'mentions_sentence'"), 0);
        // Version 20: their document is their sentence's.
        QVERIFY(!database->execute(u"SELECT document_id FROM mentions"_s).ok());
        QCOMPARE(repository.mentions(id)->size(), 2);
        // Version 21: entities, aliases and relations keep their ids, now
        // never given twice; nothing is curated, no relation manual, the
        // mention counts still follow the mentions.
        QCOMPARE(queryText(*database, "SELECT group_concat(id || ':' || curated) FROM entities"), u"1:0,2:0"_s);
        QCOMPARE(queryInteger(*database, "SELECT origin FROM relations WHERE id = 2"), 0);
        QCOMPARE(queryInteger(*database, "SELECT seq FROM sqlite_sequence WHERE name = 'relations'"), 2);
        QVERIFY(database->execute(u"UPDATE mentions SET entity_id = 2 WHERE entity_id = 1"_s).ok());
        QCOMPARE(miscountedEntities(*database), 0);
        QCOMPARE(repository.mentions(id)->first().documentId, id);
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                         "AND tbl_name = 'mentions'"), 2);
        // Version 13 makes the names the mentions give aliases (Londinium
        // had none).
        QCOMPARE(queryText(*database, "SELECT group_concat(alias, '|') FROM aliases WHERE entity_id = 2"),
                 u"Londinium"_s);

        // A type this version does not know takes no part in merging.
        const QList<KnownEntity> known = repository.knownEntities().value();
        QCOMPARE(known.size(), 1);
        QCOMPARE(known.first().name, u"Ada Lovelace"_s);
        QCOMPARE(known.first().aliases, (QStringList{u"Lovelace"_s, u"Ada Lovelace"_s}));
        // Version 8 files the merge keys of the entities already there.
        const ExtractedEntity ada = entityOf(u"Ada Lovelace"_s, EntityType::Person, alphaText, {u"Ada Lovelace"_s});
        QCOMPARE(repository.matchKnownEntities({ada}).value(), QList<qint64>{1});
        QCOMPARE(queryInteger(*database, "SELECT count(DISTINCT entity_id) FROM merge_keys"), 1);
        // Version 11 keeps them as numbers.
        QCOMPARE(queryText(*database, "SELECT DISTINCT typeof(key) FROM merge_keys"), u"integer"_s);

        DocumentExtraction extraction;
        extraction.attributes = {
            attributeOf(alphaText, AttributeType::Date, u"afterwards"_s, u"1843"_s)};
        QVERIFY(repository.insertExtraction(id, extraction, {}).ok());
        const QList<AttributeRecord> attributes = repository.attributes(id).value();
        QCOMPARE(attributes.size(), 1);
        QCOMPARE(attributes.first().value, u"1843"_s);
        QCOMPARE(attributes.first().sentenceIndex, 2);
        QCOMPARE(queryText(*database, "PRAGMA integrity_check"), u"ok"_s);
    }

    void emptyStore()
    {
        QVERIFY(repo().documents()->isEmpty());
        QVERIFY(repo().entities()->isEmpty());
        QVERIFY(repo().relations()->isEmpty());
        QVERIFY(repo().relations(true)->isEmpty());
        const StoreStatistics statistics = repo().statistics().value();
        QCOMPARE(statistics.documents, 0);
        QCOMPARE(statistics.relations, 0);
        QCOMPARE(statistics.cooccurrences, 0);
        QVERIFY(statistics.languages.isEmpty());
    }

    void worksOnAFile()
    {
        // The same round trip through a WAL file and a read-only reader.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"project.ngdb"_s);
        {
            auto database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            Repository repository(*database);
            Transaction transaction(*database);
            const Document alpha = makeDocument(u"alpha.txt"_s, alphaText);
            QVERIFY(repository.insertDocument(alpha, splitSentences(alphaText)).ok());
            QVERIFY(transaction.commit().ok());
        }
        auto database = Database::open(path, Database::OpenMode::ReadOnly);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        Repository repository(*database);
        QCOMPARE(repository.documents()->size(), 1);
        QCOMPARE(repository.documents()->first().length, int(alphaText.size()));
        QCOMPARE(repository.search(u"lovelace"_s)->size(), 1);
        const auto refused = repository.insertDocument(makeDocument(u"beta.txt"_s, betaText),
                                                       splitSentences(betaText));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(path), qPrintable(refused.error()));
    }
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
