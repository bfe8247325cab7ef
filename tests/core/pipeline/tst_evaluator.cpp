#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Evaluator.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

// The expected numbers of these tests were worked out by hand and checked
// against the reference scorer (score.py, with its calls of newsgraph-cli
// replaced by these records); the suite itself needs no Python.
namespace {

EntityRecord entity(const QString &name, const QString &type, const QStringList &aliases)
{
    EntityRecord record;
    record.id = 1;
    record.name = name;
    record.type = type;
    record.aliases = aliases;
    record.mentionCount = 1;
    record.documents = {u"a.txt"_s};
    return record;
}

RelationRecord relation(const QString &subject, const QString &predicate, const QString &object,
                        const QStringList &evidence = {})
{
    RelationRecord record;
    record.subject = subject;
    record.predicate = predicate;
    record.object = object;
    record.confidence = 0.5;
    for (const QString &sentence : evidence) {
        EvidenceRecord row;
        row.fileName = u"a.txt"_s;
        row.sentence = sentence;
        record.evidence.append(row);
    }
    return record;
}

GoldDocument parse(const QByteArray &json)
{
    Result<GoldDocument> gold = parseGoldDocument(json, u"gold.json"_s);
    if (!gold) {
        qWarning("%s", qPrintable(gold.error()));
        return {};
    }
    return std::move(gold).value();
}

// Three people and companies, one relation between two of them.
const QByteArray smallGold = R"({"doc": "a.txt", "language": "en",
 "entities": [
  {"name": "Jensen Huang", "type": "PERSON", "aliases_in_text": ["Jensen Huang", "Huang"]},
  {"name": "Nvidia", "type": "ORG", "aliases_in_text": ["Nvidia", "U.S. chipmaker"]},
  {"name": "Mistral AI", "type": "ORG", "aliases_in_text": ["Mistral", "Mistral AI"]}],
 "relations": [
  {"subject": "Jensen Huang", "predicate": "ceo_of", "object": "Nvidia",
   "evidence": "Jensen Huang is the CEO of Nvidia."}]})";

const QString smallText = u"Jensen Huang is the CEO of Nvidia.\nMistral AI builds models.\n"_s;

} // namespace

class TestEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scoringKey_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("case") << u"NVIDIA"_s << u"nvidia"_s;
        QTest::newRow("possessive") << u"Nvidia's"_s << u"nvidia"_s;
        QTest::newRow("typographic possessive") << u"Europe’s OpenAI"_s << u"europe openai"_s;
        QTest::newRow("possessives in a row") << u"Mistral AI's's"_s << u"mistral ai"_s;
        QTest::newRow("not a possessive") << u"O'Shea"_s << u"o shea"_s;
        QTest::newRow("possessive before a hyphen") << u"Macron's-plan"_s << u"macron plan"_s;
        QTest::newRow("leading article") << u"the French president"_s << u"french president"_s;
        QTest::newRow("leading article and accents") << u"The Élysée"_s << u"elysee"_s;
        QTest::newRow("article only once") << u"the the"_s << u"the"_s;
        QTest::newRow("the alone stays") << u"the"_s << u"the"_s;
        QTest::newRow("accents make an article") << u"Thế Giới"_s << u"gioi"_s;
        QTest::newRow("periods") << u"U.S. chipmaker"_s << u"u s chipmaker"_s;
        QTest::newRow("white space") << u"  Viva\tTech  2025 "_s << u"viva tech 2025"_s;
        QTest::newRow("sharp s") << u"Straße"_s << u"strasse"_s;
        QTest::newRow("capital sharp s") << u"ẞIG"_s << u"ssig"_s;
        QTest::newRow("full width") << u"Ｆｕｌｌｗｉｄｔｈ"_s << u"fullwidth"_s;
        QTest::newRow("ligature") << u"ﬁnance"_s << u"finance"_s;
        QTest::newRow("dotted capital I") << u"İstanbul"_s << u"istanbul"_s;
        QTest::newRow("fraction") << u"½ share"_s << u"1 2 share"_s;
        QTest::newRow("underscore is a word character") << u"foo_bar-baz"_s << u"foo_bar baz"_s;
        QTest::newRow("information separator is white space") << u"x\u001Cy"_s << u"x y"_s;
        QTest::newRow("ampersand") << u"AT&T"_s << u"at t"_s;
        QTest::newRow("elision") << u"l'État"_s << u"l etat"_s;
        QTest::newRow("cedilla") << u"Ça va"_s << u"ca va"_s;
        QTest::newRow("umlaut and possessive") << u"Schrödinger's cat"_s << u"schrodinger cat"_s;
    }

    void scoringKey()
    {
        QFETCH(QString, name);
        QFETCH(QString, key);
        QCOMPARE(NewsGraph::scoringKey(name), key);
    }

    void squashesWhiteSpace()
    {
        QCOMPARE(squashWhitespace(u"  a\u00A0 b\u2028c\u001C d  "_s), u"a b c d"_s);
        QCOMPARE(squashWhitespace(u"\n\t "_s), QString());
    }

    void decodesArticlesAsPythonDoes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<uint>>("codePoints");
        QTest::newRow("truncated sequences") << QByteArray("a\xC3\x28 \xF0\x9F\x98 b \xE2\x82")
                                             << QList<uint>{'a', 0xFFFD, '(', ' ', 0xFFFD, ' ', 'b', ' ', 0xFFFD};
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << QList<uint>{0xFFFD, 0xFFFD, 0xFFFD};
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << QList<uint>{0xFFFD, 0xFFFD};
        QTest::newRow("overlong three bytes") << QByteArray("\xE0\x80\xAF") << QList<uint>{0xFFFD, 0xFFFD, 0xFFFD};
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80")
                                        << QList<uint>{0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD};
        QTest::newRow("four bytes") << QByteArray("\xF0\x9F\x8C\xB6!") << QList<uint>{0x1F336, '!'};
        QTest::newRow("byte order mark kept") << QByteArray("\xEF\xBB\xBFx") << QList<uint>{0xFEFF, 'x'};
        QTest::newRow("universal newlines") << QByteArray("a\r\nb\rc\n") << QList<uint>{'a', '\n', 'b', '\n', 'c', '\n'};
    }

    void decodesArticlesAsPythonDoes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<uint>, codePoints);
        QCOMPARE(decodeArticle(bytes).toUcs4(), codePoints);
    }

    void perfectMatchScoresOne()
    {
        const GoldDocument gold = parse(smallGold);
        QCOMPARE(gold.entities.size(), 3);
        const QList<EntityRecord> entities = {
            entity(u"Jensen Huang"_s, u"PERSON"_s, {u"Huang"_s, u"Jensen Huang"_s}),
            entity(u"Nvidia"_s, u"ORG"_s, {u"Nvidia"_s}),
            entity(u"Mistral AI"_s, u"ORG"_s, {u"Mistral AI"_s}),
        };
        const QList<RelationRecord> relations = {
            relation(u"Jensen Huang"_s, u"ceo_of"_s, u"Nvidia"_s, {u"Jensen Huang is the CEO of Nvidia."_s})};
        const DocumentScore score = scoreDocument(gold, entities, relations, smallText);
        QCOMPARE(score.document, u"a.txt"_s);
        QCOMPARE(score.entities, (ScoreCounts{3, 0, 0}));
        QCOMPARE(score.typed, (ScoreCounts{3, 0, 0}));
        QCOMPARE(score.pairs, (ScoreCounts{1, 0, 0}));
        QCOMPARE(score.relations, (ScoreCounts{1, 0, 0}));
        for (const ScoreCounts &counts : {score.entities, score.typed, score.pairs, score.relations}) {
            QCOMPARE(counts.precision(), 1.0);
            QCOMPARE(counts.recall(), 1.0);
            QCOMPARE(counts.f1(), 1.0);
        }
        QCOMPARE(score.evidenceFound, 1);
        QCOMPARE(score.evidenceTotal, 1);
        QVERIFY(score.failure.isEmpty());
    }

    void unmergedAliasCostsPrecision()
    {
        const GoldDocument gold = parse(smallGold);
        // "Huang" was not merged into "Jensen Huang": the reference entity is
        // found once, the second prediction is a false positive.
        const QList<EntityRecord> entities = {
            entity(u"Huang"_s, u"PERSON"_s, {u"Huang"_s}),
            entity(u"Jensen Huang"_s, u"PERSON"_s, {u"Jensen Huang"_s}),
            entity(u"Nvidia"_s, u"ORG"_s, {u"Nvidia"_s}),
            entity(u"Mistral"_s, u"ORG"_s, {u"Mistral"_s}),
        };
        const DocumentScore score = scoreDocument(gold, entities, {}, smallText);
        QCOMPARE(score.entities, (ScoreCounts{3, 1, 0}));
        QCOMPARE(score.entities.precision(), 0.75);
        QCOMPARE(score.entities.recall(), 1.0);

        // Canonical names are matched first: "Jensen Huang" takes the
        // reference entity although "Huang" comes first and is an alias of it.
        const auto matches = matchEntities(entities, gold.entities);
        QCOMPARE(matches.size(), 3);
        QCOMPARE(matches.at(0), (std::pair<qsizetype, qsizetype>{1, 0}));
        QCOMPARE(matches.at(1), (std::pair<qsizetype, qsizetype>{2, 1}));
        QCOMPARE(matches.at(2), (std::pair<qsizetype, qsizetype>{3, 2})); // by alias
    }

    void typesAndAlternativeTypes()
    {
        const GoldDocument gold = parse(R"({"doc": "a.txt", "entities": [
            {"name": "Mistral Compute", "type": "PRODUCT", "alt_types": ["ORG"]},
            {"name": "VivaTech", "type": "EVENT", "aliases_in_text": ["Viva Tech"]},
            {"name": "$100 billion", "type": "MONEY"}], "relations": []})");
        const QList<EntityRecord> entities = {
            entity(u"Mistral Compute"_s, u"ORG"_s, {}),            // an alternative type: right
            entity(u"Viva Tech 2025"_s, u"PRODUCT"_s, {u"Viva Tech"_s}), // found, wrong type
            entity(u"11 June"_s, u"DATE"_s, {}),                   // not an entity type: not scored
        };
        const DocumentScore score = scoreDocument(gold, entities, {}, QString());
        QCOMPARE(score.entities, (ScoreCounts{2, 0, 0}));
        QCOMPARE(score.typed, (ScoreCounts{1, 1, 1}));
        QCOMPARE(score.typed.f1(), 0.5);
    }

    void relationsAndEvidence()
    {
        // Worked through score.py's score_doc: see the comments for why.
        const GoldDocument gold = parse(R"({"doc": "a.txt", "language": "en", "entities": [
            {"name": "Jensen Huang", "type": "PERSON", "aliases_in_text": ["Jensen Huang", "Huang"]},
            {"name": "Nvidia", "type": "ORG", "aliases_in_text": ["Nvidia", "NVIDIA", "U.S. chipmaker"]},
            {"name": "Mistral AI", "type": "ORG", "aliases_in_text": ["Mistral", "Mistral AI"]},
            {"name": "Mistral Compute", "type": "PRODUCT", "alt_types": ["ORG"], "aliases_in_text": ["Mistral Compute"]},
            {"name": "VivaTech", "type": "EVENT", "aliases_in_text": ["VivaTech", "Viva Tech"]},
            {"name": "Paris", "type": "PLACE", "aliases_in_text": ["Paris"]},
            {"name": "$100 billion", "type": "MONEY"}],
          "relations": [
            {"subject": "Jensen Huang", "predicate": "ceo_of", "object": "Nvidia", "evidence": "x"},
            {"subject": "Nvidia", "predicate": "partner_of", "object": "Mistral AI", "evidence": "x"},
            {"subject": "Mistral AI", "predicate": "manufactures", "object": "Mistral Compute", "evidence": "x"},
            {"subject": "VivaTech", "predicate": "located_in", "object": "Paris", "evidence": "x"},
            {"subject": "Lisa Su", "predicate": "works_for", "object": "Nvidia", "evidence": "x"}]})");
        QCOMPARE(gold.entities.size(), 7);
        QCOMPARE(gold.relations.size(), 5);
        const QList<EntityRecord> entities = {
            entity(u"Huang"_s, u"PERSON"_s, {u"Huang"_s}), // unmerged: a false positive
            entity(u"Jensen Huang"_s, u"PERSON"_s, {u"Jensen Huang"_s}),
            entity(u"NVIDIA"_s, u"ORG"_s, {u"NVIDIA"_s, u"Nvidia's"_s}),
            entity(u"Mistral"_s, u"ORG"_s, {u"Mistral"_s}),
            entity(u"Mistral Compute"_s, u"ORG"_s, {u"Mistral Compute"_s}),
            entity(u"Viva Tech 2025"_s, u"PRODUCT"_s, {u"Viva Tech"_s}),
            entity(u"Europe"_s, u"PLACE"_s, {u"Europe"_s}), // not in the annotation
            entity(u"Macron"_s, u"DATE"_s, {u"Macron"_s}),  // not scored
        };
        const QList<RelationRecord> relations = {
            // Found; its evidence differs from the article only in white space.
            relation(u"Jensen Huang"_s, u"ceo_of"_s, u"Nvidia"_s, {u"Jensen   Huang is the\nCEO of Nvidia."_s}),
            // Symmetric, reversed, through an alias ("Nvidia's"); evidence not in the article.
            relation(u"Mistral"_s, u"partner_of"_s, u"Nvidia's"_s, {u"Nvidia and Mistral are partners."_s}),
            // Not symmetric and reversed: the pair counts, the relation does not.
            relation(u"Mistral Compute"_s, u"manufactures"_s, u"Mistral"_s, {QString()}),
            // "Huang" is no name of a matched prediction: unmapped, a false positive.
            relation(u"Huang"_s, u"works_for"_s, u"Nvidia"_s, {u"Huang leads Nvidia."_s}),
            // Co-occurrence: ignored, evidence included.
            relation(u"Viva Tech 2025"_s, u"mentioned_with"_s, u"Europe"_s, {u"Jensen Huang is the CEO of Nvidia."_s}),
            // Both ends are the same entity: unmapped.
            relation(u"NVIDIA"_s, u"ceo_of"_s, u"Nvidia"_s),
        };
        const QString text = u"Jensen Huang is the CEO of Nvidia.\nHuang leads Nvidia.  Mistral builds things.\n"_s;
        const DocumentScore score = scoreDocument(gold, entities, relations, text);
        QCOMPARE(score.entities, (ScoreCounts{5, 2, 1}));
        QCOMPARE(score.typed, (ScoreCounts{4, 3, 2}));
        QCOMPARE(score.pairs, (ScoreCounts{3, 2, 1}));
        QCOMPARE(score.relations, (ScoreCounts{2, 3, 2}));
        QCOMPARE(score.evidenceFound, 2);
        QCOMPARE(score.evidenceTotal, 4);
    }

    void symmetricPredicatesAreUnordered()
    {
        const GoldDocument gold = parse(R"({"doc": "a.txt", "entities": [
            {"name": "Nvidia", "type": "ORG"}, {"name": "Mistral AI", "type": "ORG"},
            {"name": "AMD", "type": "ORG"}],
          "relations": [
            {"subject": "Nvidia", "predicate": "partner_of", "object": "Mistral AI"},
            {"subject": "Nvidia", "predicate": "competes_with", "object": "AMD"},
            {"subject": "Mistral AI", "predicate": "customer_of", "object": "Nvidia"}]})");
        const QList<EntityRecord> entities = {entity(u"Nvidia"_s, u"ORG"_s, {}),
                                              entity(u"Mistral AI"_s, u"ORG"_s, {}),
                                              entity(u"AMD"_s, u"ORG"_s, {})};
        const QList<RelationRecord> relations = {
            relation(u"Mistral AI"_s, u"partner_of"_s, u"Nvidia"_s),
            relation(u"AMD"_s, u"competes_with"_s, u"Nvidia"_s),
            relation(u"Nvidia"_s, u"customer_of"_s, u"Mistral AI"_s), // direction matters
            relation(u"Nvidia"_s, u"partner_of"_s, u"Mistral AI"_s),  // the same fact again
        };
        const DocumentScore score = scoreDocument(gold, entities, relations, QString());
        // Pairs: {Nvidia, Mistral AI} and {Nvidia, AMD}, each counted once.
        QCOMPARE(score.pairs, (ScoreCounts{2, 0, 0}));
        QCOMPARE(score.relations, (ScoreCounts{2, 1, 1}));
        QCOMPARE(score.evidenceTotal, 0);
    }

    void emptyPredictionsScoreZero()
    {
        const GoldDocument gold = parse(smallGold);
        const DocumentScore score = scoreDocument(gold, {}, {}, smallText);
        QCOMPARE(score.entities, (ScoreCounts{0, 0, 3}));
        QCOMPARE(score.relations, (ScoreCounts{0, 0, 1}));
        QCOMPARE(score.entities.precision(), 0.0);
        QCOMPARE(score.entities.f1(), 0.0);

        // A failed run misses everything annotated, unscored types included.
        const GoldDocument withMoney = parse(R"({"doc": "b.txt", "entities": [
            {"name": "Nvidia", "type": "ORG"}, {"name": "$5", "type": "MONEY"}], "relations": []})");
        const DocumentScore failed = failedDocument(withMoney, u"boom"_s);
        QCOMPARE(failed.failure, u"boom"_s);
        QCOMPARE(failed.entities, (ScoreCounts{0, 0, 2}));
        QCOMPARE(failed.typed, (ScoreCounts{0, 0, 2}));
        QCOMPARE(failed.pairs, (ScoreCounts{0, 0, 0}));
    }

    void reportHasTheScorersFormat()
    {
        Evaluation evaluation;
        DocumentScore first;
        first.document = u"000_5c35d6a8fc930d2a.txt"_s;
        first.entities = {3, 1, 2};
        first.typed = {1, 7, 7}; // F1 exactly 0.125: rounds to even, "0.12"
        first.pairs = {1, 0, 1};
        first.relations = {1, 1, 1};
        first.evidenceFound = 2;
        first.evidenceTotal = 3;
        evaluation.add(first);
        DocumentScore second;
        second.document = u"a_very_long_file_name_that_exceeds_28.txt"_s;
        second.failure = u"boom"_s;
        second.entities = {0, 0, 4};
        second.typed = {0, 0, 4};
        second.pairs = {0, 0, 2};
        second.relations = {0, 0, 2};
        evaluation.add(second);

        const QStringList expected = {
            u"000_5c35d6a8fc930d2a.txt      entities F1 0.67  typed F1 0.12  pairs F1 0.67  relations F1 0.50"_s,
            u"a_very_long_file_name_that_exceeds_28.txt: FAILED: boom"_s,
            u"a_very_long_file_name_that_e  entities F1 0.00  typed F1 0.00  pairs F1 0.00  relations F1 0.00"_s,
            QString(),
            u"entities   P 0.750  R 0.333  F1 0.462   (tp 3, fp 1, fn 6)"_s,
            u"typed      P 0.125  R 0.083  F1 0.100   (tp 1, fp 7, fn 11)"_s,
            u"pairs      P 1.000  R 0.250  F1 0.400   (tp 1, fp 0, fn 3)"_s,
            u"relations  P 0.500  R 0.250  F1 0.333   (tp 1, fp 1, fn 3)"_s,
            u"evidence   2/3 relation evidence sentences found verbatim in the article (0.667)"_s,
            u"score: entity_f1=0.462 typed_f1=0.100 pair_f1=0.400 relation_f1=0.333 evidence=0.667"_s,
        };
        QCOMPARE(evaluationReport(evaluation), expected);

        const QJsonObject json = evaluationJson(evaluation);
        const QJsonObject document = json.value(u"documents"_s).toObject().value(first.document).toObject();
        QCOMPARE(document.value(u"typed"_s).toArray(), (QJsonArray{1, 7, 7}));
        QCOMPARE(document.value(u"evidence"_s).toArray(), (QJsonArray{2, 3}));
        const QJsonObject entities = json.value(u"summary"_s).toObject().value(u"entities"_s).toObject();
        QCOMPARE(entities.value(u"tp"_s).toInt(), 3);
        QCOMPARE(entities.value(u"fn"_s).toInt(), 6);
        QCOMPARE(entities.value(u"precision"_s).toDouble(), 0.75);
        QCOMPARE(json.value(u"evidence_share"_s).toDouble(), 2.0 / 3.0);
    }

    void rejectsMalformedAnnotations_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{\"doc\": ") << u"not valid JSON"_s;
        QTest::newRow("not an object") << QByteArray("[]") << u"expected a JSON object"_s;
        QTest::newRow("no doc") << QByteArray(R"({"entities": [], "relations": []})") << u"“doc”"_s;
        QTest::newRow("empty doc") << QByteArray(R"({"doc": "", "entities": [], "relations": []})") << u"“doc”"_s;
        QTest::newRow("no entities") << QByteArray(R"({"doc": "a.txt", "relations": []})") << u"“entities”"_s;
        QTest::newRow("entity without name")
            << QByteArray(R"({"doc": "a.txt", "entities": [{"type": "ORG"}], "relations": []})")
            << u"entity 1: “name”"_s;
        QTest::newRow("aliases not strings")
            << QByteArray(R"({"doc": "a.txt", "entities": [{"name": "X", "aliases_in_text": [1]}], "relations": []})")
            << u"“aliases_in_text”"_s;
        QTest::newRow("relation without object")
            << QByteArray(R"({"doc": "a.txt", "entities": [], "relations": [{"subject": "X", "predicate": "p"}]})")
            << u"relation 1: “object”"_s;
    }

    void rejectsMalformedAnnotations()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const Result<GoldDocument> gold = parseGoldDocument(json, u"broken.json"_s);
        QVERIFY(!gold.ok());
        QVERIFY2(gold.error().contains(u"broken.json"_s) && gold.error().contains(message),
                 qPrintable(gold.error()));
    }

    void readsTheBundledAnnotations()
    {
        const Result<QList<GoldDocument>> golds = readGoldDirectory(QStringLiteral(NEWSGRAPH_TEST_DATA "/gold"));
        QVERIFY2(golds.ok(), qPrintable(golds.error()));
        QCOMPARE(golds->size(), 5);
        QCOMPARE(golds->first().document, u"000_5c35d6a8fc930d2a.txt"_s);
        QCOMPARE(golds->last().document, u"004_fb915d71e20cdf0d.txt"_s);
        QCOMPARE(golds->last().language, u"fr"_s);
        for (const GoldDocument &gold : golds.value()) {
            QVERIFY(!gold.entities.isEmpty());
            QVERIFY(!gold.relations.isEmpty());
        }
        QVERIFY(!readGoldDirectory(QStringLiteral(NEWSGRAPH_TEST_DATA "/nowhere")).ok());
    }

    void evaluatorChecksItsInputs()
    {
        Result<DocumentProcessor> processor = DocumentProcessor::fromDirectory(bundledLexiconDirectory());
        QVERIFY2(processor.ok(), qPrintable(processor.error()));
        const Evaluator evaluator(processor.value());

        QTemporaryDir gold;
        QTemporaryDir docs;
        QFile annotation(gold.filePath(u"x.json"_s));
        QVERIFY(annotation.open(QIODevice::WriteOnly));
        annotation.write(R"({"doc": "missing.txt", "entities": [], "relations": []})");
        annotation.close();
        const Result<Evaluation> missing = evaluator.evaluate(gold.path(), docs.path());
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(u"x.json"_s) && missing.error().contains(u"missing.txt"_s),
                 qPrintable(missing.error()));
        QVERIFY(!evaluator.evaluate(gold.path(), docs.filePath(u"nowhere"_s)).ok());

        // An article that cannot be ingested scores zero and says why.
        const GoldDocument annotated = parse(smallGold);
        QFile binary(docs.filePath(u"a.txt"_s));
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.write(QByteArray("abc\0def", 7));
        binary.close();
        const DocumentScore failed = evaluator.evaluate(annotated, binary.fileName());
        QVERIFY(!failed.failure.isEmpty());
        QCOMPARE(failed.entities, (ScoreCounts{0, 0, 3}));

        // A provenance line is dropped before the article is ingested; a
        // file that has nothing else fails.
        QFile sourced(docs.filePath(u"sourced.txt"_s));
        QVERIFY(sourced.open(QIODevice::WriteOnly));
        sourced.write("source: https://example.org/a\n\nJensen Huang is the CEO of Nvidia.\r\n");
        sourced.close();
        const DocumentScore scored = evaluator.evaluate(annotated, sourced.fileName());
        QVERIFY2(scored.failure.isEmpty(), qPrintable(scored.failure));
        QCOMPARE(scored.entities.truePositives + scored.entities.falseNegatives, 3);
        QFile onlySource(docs.filePath(u"only-source.txt"_s));
        QVERIFY(onlySource.open(QIODevice::WriteOnly));
        onlySource.write("source: https://example.org/a");
        onlySource.close();
        QVERIFY(!evaluator.evaluate(annotated, onlySource.fileName()).failure.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
