#include "core/graph/EntityGraph.h"
#include "core/graph/LocalGraph.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Transaction.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// Store fixtures: documents of short sentences, each naming a few entities
// of one of three circles (so the graph has several components and long
// paths), with typed relations between some of them; a few entities are
// named alone (no edge), some documents are dated, two entities hidden.
constexpr int entityCount = 90;
constexpr int documentCount = 150;

EntityType typeOf(int entity)
{
    static constexpr EntityType types[] = {EntityType::Person, EntityType::Organization, EntityType::Place};
    return types[entity % 3];
}

struct Fixture
{
    std::optional<Database> database;
    QList<qint64> ids; // fixture entity -> stored id (0 until stored)
};

bool fillStore(Fixture &fixture, quint64 seed)
{
    QRandomGenerator random(seed);
    Repository repository(*fixture.database);
    fixture.ids = QList<qint64>(entityCount, 0);
    Transaction transaction(*fixture.database);
    for (int d = 0; d < documentCount; ++d) {
        const int circle = random.bounded(3);
        // Circles 0 and 1 are chains of neighbours (long paths); circle 2
        // is dense; a tenth of the entities is never linked.
        const auto pick = [&](int base) {
            const int within = circle == 2 ? random.bounded(25) : std::clamp(base + random.bounded(-2, 3), 0, 24);
            return circle * 25 + within;
        };
        QString text;
        QList<Sentence> sentences;
        QList<int> entities; // fixture entities of this document, in order of first mention
        QList<QList<EntityMention>> mentions;
        QList<QList<int>> named; // per sentence, the document's entities named
        const int sentenceCount = 2 + random.bounded(3);
        const int base = random.bounded(25);
        for (int s = 0; s < sentenceCount; ++s) {
            QList<int> here;
            if (random.bounded(8) == 0) {
                here.append(75 + random.bounded(15)); // alone
            } else {
                const int count = 2 + random.bounded(2);
                while (here.size() < count) {
                    const int entity = pick(base);
                    if (!here.contains(entity))
                        here.append(entity);
                }
            }
            if (!text.isEmpty())
                text += u' ';
            const int start = int(text.size());
            QList<int> local;
            for (int k = 0; k < here.size(); ++k) {
                if (k > 0)
                    text += u" and "_s;
                const QString name = u"Entity %1"_s.arg(here.at(k));
                const int at = int(text.size());
                text += name;
                qsizetype index = entities.indexOf(here.at(k));
                if (index < 0) {
                    index = entities.size();
                    entities.append(here.at(k));
                    mentions.append(QList<EntityMention>());
                }
                mentions[index].append(EntityMention{s, at, at + int(name.size()), name});
                local.append(int(index));
            }
            text += u" met."_s;
            sentences.append(Sentence{start, int(text.size())});
            named.append(local);
        }

        DocumentExtraction extraction;
        QList<qint64> knownIds;
        for (qsizetype i = 0; i < entities.size(); ++i) {
            ExtractedEntity entity;
            entity.name = u"Entity %1"_s.arg(entities.at(i));
            entity.type = typeOf(entities.at(i));
            entity.mentions = mentions.at(i);
            entity.aliases = {entity.name};
            extraction.entities.append(entity);
            knownIds.append(fixture.ids.at(entities.at(i)));
        }
        static const QStringList predicates{u"partner_of"_s, u"invests_in"_s, u"supplies"_s};
        for (int s = 0; s < sentenceCount; ++s) {
            const QList<int> &here = named.at(s);
            if (here.size() < 2 || random.bounded(2) == 0)
                continue;
            extraction.relations.append(ExtractedRelation{here.at(0), predicates.at(random.bounded(3)), here.at(1),
                                                          0.5 + 0.1 * random.bounded(5), u"test"_s, {s}, {}});
        }

        Document document;
        document.fileName = u"doc%1.txt"_s.arg(d);
        document.path = u"/corpus/"_s + document.fileName;
        document.text = text;
        document.language = u"en"_s;
        if (d % 3 == 0)
            document.date = QDate(2020, 1, 1).addDays(d * 10);
        document.contentHash = QString::fromLatin1(
            QCryptographicHash::hash(text.toUtf8() + QByteArray::number(d), QCryptographicHash::Sha256).toHex());
        const Result<StoredDocument> stored = repository.insertDocument(document, sentences, extraction, knownIds);
        if (!stored) {
            qWarning("%s", qPrintable(stored.error()));
            return false;
        }
        for (qsizetype i = 0; i < entities.size(); ++i)
            fixture.ids[entities.at(i)] = stored->entityIds.at(i);
    }
    // Two hidden entities of the dense circle.
    if (!fixture.database->execute(u"UPDATE entities SET hidden = 1 WHERE name IN ('Entity 50', 'Entity 61')"_s))
        return false;
    return transaction.commit().ok();
}

QList<std::pair<int, qint64>> sortedMembers(const QList<EgoMember> &members)
{
    QList<std::pair<int, qint64>> sorted;
    for (const EgoMember &member : members)
        sorted.append({member.distance, member.entityId});
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

bool sameEdge(const GraphEdge &a, const GraphEdge &b)
{
    if (a.source != b.source || a.target != b.target || a.predicates != b.predicates
        || a.evidenceCount != b.evidenceCount || a.confidence != b.confidence
        || a.cooccurrenceOnly != b.cooccurrenceOnly || a.evidence.size() != b.evidence.size())
        return false;
    for (qsizetype i = 0; i < a.evidence.size(); ++i) {
        const GraphEdgeEvidence &x = a.evidence.at(i);
        const GraphEdgeEvidence &y = b.evidence.at(i);
        if (x.documentId != y.documentId || x.documentDate != y.documentDate || x.predicate != y.predicate
            || x.reversed != y.reversed || x.sentenceIds != y.sentenceIds)
            return false;
    }
    return true;
}

// The same statements (predicate, direction, sentence) and counts, however
// they are grouped into entries (a local graph may not say the documents).
bool sameStatements(const GraphEdge &a, const GraphEdge &b)
{
    const auto statements = [](const GraphEdge &edge) {
        QStringList all;
        for (const GraphEdgeEvidence &entry : edge.evidence) {
            for (qint64 sentence : entry.sentenceIds)
                all.append(u"%1 %2 %3"_s.arg(entry.predicate).arg(entry.reversed).arg(sentence));
        }
        all.sort();
        return all;
    };
    return a.source == b.source && a.target == b.target && a.predicates == b.predicates
        && a.evidenceCount == b.evidenceCount && a.confidence == b.confidence
        && a.cooccurrenceOnly == b.cooccurrenceOnly && statements(a) == statements(b);
}

QList<std::pair<QString, GraphFilter>> filters()
{
    QList<std::pair<QString, GraphFilter>> all;
    all.append({u"typed relations only"_s, GraphFilter{}});
    // Filters that count no statements: a path is searched over the
    // relations' ends alone (fewestHopsGraph()).
    GraphFilter typedTypes;
    typedTypes.types = {EntityType::Person, EntityType::Organization};
    all.append({u"typed relations, people and organisations"_s, typedTypes});
    GraphFilter typedHidden;
    typedHidden.includeHidden = true;
    all.append({u"typed relations, hidden ones too"_s, typedHidden});
    GraphFilter typedPredicates;
    typedPredicates.predicates = {u"partner_of"_s, u"supplies"_s};
    all.append({u"partner_of and supplies"_s, typedPredicates});
    GraphFilter cooccurrence;
    cooccurrence.includeCooccurrence = true;
    all.append({u"with co-occurrence"_s, cooccurrence});
    GraphFilter strong = cooccurrence;
    strong.minimumEvidence = 2;
    all.append({u"two sentences or more"_s, strong});
    GraphFilter types = cooccurrence;
    types.types = {EntityType::Person, EntityType::Organization};
    all.append({u"people and organisations"_s, types});
    GraphFilter hidden = cooccurrence;
    hidden.includeHidden = true;
    all.append({u"hidden ones too"_s, hidden});
    GraphFilter dated = cooccurrence;
    dated.from = QDate(2020, 3, 1);
    all.append({u"dated from March 2020"_s, dated});
    GraphFilter linked = cooccurrence;
    linked.includeUnlinked = false;
    all.append({u"linked only"_s, linked});
    return all;
}

} // namespace

class TestLocalGraph : public QObject
{
    Q_OBJECT

    Fixture m_fixture;

    const Repository repository() { return Repository(*m_fixture.database); }

private Q_SLOTS:
    void initTestCase()
    {
        auto database = Database::openInMemory();
        QVERIFY2(database.ok(), qPrintable(database.error()));
        m_fixture.database.emplace(std::move(database).value());
        QVERIFY(fillStore(m_fixture, 20261206));
        const GraphData whole = repository().graphData().value();
        QVERIFY(whole.nodes.size() > 70);
        QVERIFY(whole.edges.size() > 100);
    }

    // Every edge of the entities asked about, as the whole graph has it.
    void readsTheEdgesAroundEntities()
    {
        const GraphData whole = repository().graphData().value();
        for (const QSet<qint64> &around : {QSet<qint64>{m_fixture.ids.at(3)},
                                          QSet<qint64>{m_fixture.ids.at(30), m_fixture.ids.at(31)},
                                          QSet<qint64>{m_fixture.ids.at(55), m_fixture.ids.at(60), m_fixture.ids.at(3)}}) {
            const Result<GraphData> local = repository().graphDataAround(around);
            QVERIFY2(local.ok(), qPrintable(local.error()));
            int incident = 0;
            for (const GraphEdge &edge : whole.edges) {
                if (!around.contains(edge.source) && !around.contains(edge.target))
                    continue;
                ++incident;
                const auto found = std::find_if(local->edges.cbegin(), local->edges.cend(), [&](const GraphEdge &e) {
                    return e.source == edge.source && e.target == edge.target;
                });
                QVERIFY2(found != local->edges.cend() && sameEdge(*found, edge),
                         qPrintable(u"edge %1-%2"_s.arg(edge.source).arg(edge.target)));
            }
            QVERIFY(incident > 0);
            // Nothing else: no edge between two of the other entities.
            QCOMPARE(local->edges.size(), incident);
            for (const GraphNode &node : local->nodes) {
                const auto found = std::find_if(whole.nodes.cbegin(), whole.nodes.cend(),
                                                [&](const GraphNode &n) { return n.entityId == node.entityId; });
                QVERIFY(found != whole.nodes.cend());
                QCOMPARE(node.name, found->name);
                QCOMPARE(node.aliases, found->aliases);
                QCOMPARE(node.mentions, found->mentions);
                QCOMPARE(node.documentIds, found->documentIds);
                QCOMPARE(node.hidden, found->hidden);
            }
        }
        QVERIFY(repository().graphDataAround({}).value().nodes.isEmpty());

        // In brief: names, types and what filters them, without the mentions' rows.
        const QSet<qint64> few{m_fixture.ids.at(3), m_fixture.ids.at(30), m_fixture.ids.at(50)};
        const QList<GraphNode> full = repository().graphNodes(few).value();
        const QList<GraphNode> brief = repository().graphNodes(few, true).value();
        QCOMPARE(brief.size(), full.size());
        for (qsizetype i = 0; i < full.size(); ++i) {
            QCOMPARE(brief.at(i).entityId, full.at(i).entityId);
            QCOMPARE(brief.at(i).name, full.at(i).name);
            QCOMPARE(brief.at(i).type, full.at(i).type);
            QCOMPARE(brief.at(i).hidden, full.at(i).hidden);
            QVERIFY(brief.at(i).aliases.contains(full.at(i).name));
            // The named mentions the store counts (migration 12), as the whole graph's.
            QVERIFY(full.at(i).mentions > 0);
            QCOMPARE(brief.at(i).mentions, full.at(i).mentions);
            QVERIFY(brief.at(i).documentIds.isEmpty());
        }
    }

    void egoNetworksAsOnTheWholeGraph()
    {
        const GraphData whole = repository().graphData().value();
        for (const auto &[what, filter] : filters()) {
            const EntityGraph graph = EntityGraph::build(whole, filter);
            for (int entity : {0, 5, 12, 27, 40, 52, 61, 70, 80}) {
                const qint64 centre = m_fixture.ids.at(entity);
                if (centre == 0)
                    continue;
                for (int hops : {1, 2, 3, 5}) {
                    const Result<EntityGraph> local = egoGraph(repository(), centre, hops, filter);
                    QVERIFY2(local.ok(), qPrintable(local.error()));
                    const QList<EgoMember> expected = graph.egoNetwork(centre, hops);
                    const QList<EgoMember> found = local->egoNetwork(centre, hops);
                    QVERIFY2(sortedMembers(found) == sortedMembers(expected),
                             qPrintable(u"%1: entity %2, %3 hops"_s.arg(what).arg(entity).arg(hops)));
                    for (const EgoMember &member : found) {
                        if (member.distance != 1)
                            continue;
                        const GraphEdge *a = local->edgeBetween(centre, member.entityId);
                        const GraphEdge *b = graph.edgeBetween(centre, member.entityId);
                        QVERIFY(a && b && sameStatements(*a, *b));
                    }
                }
            }
        }
    }

    void fewestHopsAsOnTheWholeGraph()
    {
        const GraphData whole = repository().graphData().value();
        int connected = 0, apart = 0, long_ = 0;
        for (const auto &[what, filter] : filters()) {
            const EntityGraph graph = EntityGraph::build(whole, filter);
            for (int a : {0, 4, 13, 26, 33, 51, 76}) {
                for (int b : {2, 19, 24, 38, 49, 60, 88}) {
                    const qint64 from = m_fixture.ids.at(a), to = m_fixture.ids.at(b);
                    if (from == 0 || to == 0 || graph.indexOf(from) < 0 || graph.indexOf(to) < 0)
                        continue;
                    const Result<EntityGraph> local = fewestHopsGraph(repository(), from, to, filter);
                    QVERIFY2(local.ok(), qPrintable(local.error()));
                    const QList<PathHop> expected = graph.shortestPath(from, to, PathWeighting::FewestHops);
                    const QList<PathHop> found = local->shortestPath(from, to, PathWeighting::FewestHops);
                    QVERIFY2(found.size() == expected.size(),
                             qPrintable(u"%1: %2 to %3, %4 links, not %5"_s.arg(what).arg(a).arg(b)
                                            .arg(found.size()).arg(expected.size())));
                    // A path of the whole graph, link by link.
                    for (const PathHop &hop : found) {
                        const GraphEdge *edge = graph.edgeBetween(hop.from, hop.to);
                        QVERIFY(edge && edge->evidenceCount == hop.evidenceCount);
                    }
                    (expected.isEmpty() ? apart : connected) += 1;
                    long_ += expected.size() >= 4 ? 1 : 0;
                }
            }
        }
        // The fixture has what the test needs.
        QVERIFY(connected > 20);
        QVERIFY(apart > 20);
        QVERIFY(long_ > 5);
    }
};

QTEST_GUILESS_MAIN(TestLocalGraph)
#include "tst_localgraph.moc"
