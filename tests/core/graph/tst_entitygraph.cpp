// EntityGraph and detectCommunities on small graphs whose metrics are worked
// out by hand (the values agree with networkx's for the same graphs).

#include "core/extract/Extraction.h"
#include "core/graph/Communities.h"
#include "core/graph/EdgeStatements.h"
#include "core/graph/EntityGraph.h"
#include "core/graph/EntityLookup.h"
#include "core/graph/GraphMetrics.h"

#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// A graph builder for tests: nodes by id, edges with one evidence entry.
class GraphMaker
{
public:
    GraphMaker &node(qint64 id, EntityType type = EntityType::Organization, bool hidden = false)
    {
        GraphNode n;
        n.entityId = id;
        n.name = u"Entity %1"_s.arg(id);
        n.type = type;
        n.hidden = hidden;
        n.mentions = 1;
        m_data.nodes.append(n);
        return *this;
    }
    GraphMaker &nodes(std::initializer_list<qint64> ids)
    {
        for (qint64 id : ids)
            node(id);
        return *this;
    }
    // `evidence` distinct sentences in `document`, dated `date`.
    GraphMaker &edge(qint64 a, qint64 b, int evidence = 1, const QString &predicate = u"partner_of"_s,
                     qint64 document = 1, QDate date = QDate(2025, 6, 11))
    {
        GraphEdgeEvidence entry;
        entry.documentId = document;
        entry.documentDate = date;
        entry.predicate = predicate;
        for (int i = 0; i < evidence; ++i)
            entry.sentenceIds.append(m_nextSentence++);
        // A second statement about an existing pair joins its edge, as the
        // store gives it.
        for (GraphEdge &existing : m_data.edges) {
            if ((existing.source == a && existing.target == b) || (existing.source == b && existing.target == a)) {
                entry.reversed = existing.source != a;
                existing.evidence.append(entry);
                if (!existing.predicates.contains(predicate))
                    existing.predicates.append(predicate);
                existing.evidenceCount += evidence;
                return *this;
            }
        }
        GraphEdge e;
        e.source = a;
        e.target = b;
        e.predicates = {predicate};
        e.evidenceCount = evidence;
        e.confidence = 0.8;
        e.evidence = {entry};
        m_data.edges.append(e);
        return *this;
    }
    EntityGraph build(const GraphFilter &filter = {}) const { return EntityGraph::build(m_data, filter); }
    const GraphData &data() const { return m_data; }

private:
    GraphData m_data;
    qint64 m_nextSentence = 1;
};

// The value of a per-node list for an entity.
template<typename T>
T valueOf(const EntityGraph &graph, const QList<T> &values, qint64 entity)
{
    const qsizetype i = graph.indexOf(entity);
    Q_ASSERT(i >= 0);
    return values.at(i);
}

QList<qint64> pathNodes(const QList<PathHop> &hops)
{
    QList<qint64> nodes;
    for (const PathHop &hop : hops) {
        if (nodes.isEmpty())
            nodes.append(hop.from);
        nodes.append(hop.to);
    }
    return nodes;
}

} // namespace

class TestEntityGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyGraph();
    void degrees();
    void betweennessOnAPath();
    void betweennessOfAStar();
    void betweennessOfTheKarateClub();
    void betweennessEstimatedFromASample();
    void betweennessCancelled();
    void pageRankOnAPath();
    void pageRankOfAStar();
    void pageRankWithAnIsolatedNode();
    void components();
    void filterByType();
    void filterHiddenEntities();
    void filterByPredicateAndCooccurrence();
    void filterByEvidenceDocumentsAndDates();
    void shortestPathFewestHops();
    void shortestPathStrongestEvidence();
    void shortestPathUnreachable();
    void egoNetwork();
    void edgeBetween();
    void statementsReadFromEitherEnd();
    void metricsTogether();
    void metricsEstimateBetweennessOverBudget();
    void metricsCompletedFromAFirstPass();
    void metricsCancelled();
    void lookUpEntities();
    void communitiesOfTwoCliques();
    void communitiesAreDeterministic();
    void communitiesWithoutEdges();
};

void TestEntityGraph::emptyGraph()
{
    const EntityGraph graph = GraphMaker().build();
    QCOMPARE(graph.nodeCount(), 0);
    QVERIFY(graph.degrees().isEmpty());
    QVERIFY(graph.betweenness().isEmpty());
    QVERIFY(graph.pageRank().isEmpty());
    QVERIFY(graph.components().isEmpty());
    QVERIFY(graph.shortestPath(1, 2, PathWeighting::FewestHops).isEmpty());
    QVERIFY(graph.egoNetwork(1, 2).isEmpty());
    const Result<Communities> communities = detectCommunities(graph);
    QVERIFY(communities);
    QCOMPARE(communities->count, 0);
}

void TestEntityGraph::degrees()
{
    // 1 - 2 (3 sentences), 2 - 3 (1), 2 - 4 (2); 5 alone.
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5}).edge(1, 2, 3).edge(2, 3, 1).edge(2, 4, 2);
    const EntityGraph graph = maker.build();
    QCOMPARE(graph.nodeCount(), 5);
    QCOMPARE(graph.edgeCount(), 3);
    QCOMPARE(graph.degrees(), (QList<int>{1, 3, 1, 1, 0}));
    QCOMPARE(graph.weightedDegrees(), (QList<int>{3, 6, 1, 2, 0}));
}

void TestEntityGraph::betweennessOnAPath()
{
    // 1 - 2 - 3 - 4: node 2 lies on the shortest paths 1-3 and 1-4, i.e. 2 of
    // the 3 pairs it is not part of; normalised by (n-1)(n-2)/2 = 3.
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4}).edge(1, 2).edge(2, 3).edge(3, 4);
    const EntityGraph graph = maker.build();
    const QList<double> b = graph.betweenness();
    QCOMPARE(valueOf(graph, b, 1), 0.0);
    QCOMPARE(valueOf(graph, b, 2), 2.0 / 3.0);
    QCOMPARE(valueOf(graph, b, 3), 2.0 / 3.0);
    QCOMPARE(valueOf(graph, b, 4), 0.0);
}

void TestEntityGraph::betweennessOfAStar()
{
    // Centre 1, leaves 2..5: every leaf pair goes through the centre (1.0);
    // with a leaf-to-leaf edge 2 - 3, the pair (2, 3) no longer does: 5 of 6.
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5}).edge(1, 2).edge(1, 3).edge(1, 4).edge(1, 5);
    QCOMPARE(valueOf(maker.build(), maker.build().betweenness(), 1), 1.0);
    QCOMPARE(valueOf(maker.build(), maker.build().betweenness(), 2), 0.0);
    maker.edge(2, 3);
    const EntityGraph graph = maker.build();
    QCOMPARE(valueOf(graph, graph.betweenness(), 1), 5.0 / 6.0);
}

// Zachary's karate club (networkx's karate_club_graph, nodes numbered from
// 1) and networkx 3.6's betweenness_centrality of each node: data to check
// against, not to compute with.
const QList<std::pair<qint64, qint64>> karateEdges{
    {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8}, {1, 9}, {1, 11}, {1, 12}, {1, 13}, {1, 14},
    {1, 18}, {1, 20}, {1, 22}, {1, 32}, {2, 3}, {2, 4}, {2, 8}, {2, 14}, {2, 18}, {2, 20}, {2, 22},
    {2, 31}, {3, 4}, {3, 8}, {3, 9}, {3, 10}, {3, 14}, {3, 28}, {3, 29}, {3, 33}, {4, 8}, {4, 13},
    {4, 14}, {5, 7}, {5, 11}, {6, 7}, {6, 11}, {6, 17}, {7, 17}, {9, 31}, {9, 33}, {9, 34}, {10, 34},
    {14, 34}, {15, 33}, {15, 34}, {16, 33}, {16, 34}, {19, 33}, {19, 34}, {20, 34}, {21, 33}, {21, 34},
    {23, 33}, {23, 34}, {24, 26}, {24, 28}, {24, 30}, {24, 33}, {24, 34}, {25, 26}, {25, 28}, {25, 32},
    {26, 32}, {27, 30}, {27, 34}, {28, 34}, {29, 32}, {29, 34}, {30, 33}, {30, 34}, {31, 33}, {31, 34},
    {32, 33}, {32, 34}, {33, 34}};
const QList<double> karateBetweenness{
    0.437635281385, 0.053936688312, 0.143656806157, 0.011909271284, 0.000631313131, 0.029987373737,
    0.029987373737, 0.000000000000, 0.055926827802, 0.000847763348, 0.000631313131, 0.000000000000,
    0.000000000000, 0.045863395863, 0.000000000000, 0.000000000000, 0.000000000000, 0.000000000000,
    0.000000000000, 0.032475048100, 0.000000000000, 0.000000000000, 0.000000000000, 0.017613636364,
    0.002209595960, 0.003840488215, 0.000000000000, 0.022333453583, 0.001794733045, 0.002922077922,
    0.014411976912, 0.138275613276, 0.145247113997, 0.304074975950};

EntityGraph karateClub()
{
    GraphMaker maker;
    for (qint64 id = 1; id <= 34; ++id)
        maker.node(id);
    for (const auto &[a, b] : karateEdges)
        maker.edge(a, b);
    return maker.build();
}

void TestEntityGraph::betweennessOfTheKarateClub()
{
    const EntityGraph graph = karateClub();
    QCOMPARE(graph.edgeCount(), 78);
    const QList<double> b = graph.betweenness();
    for (qint64 id = 1; id <= 34; ++id)
        QVERIFY2(std::abs(valueOf(graph, b, id) - karateBetweenness.at(id - 1)) < 1e-9, qPrintable(QString::number(id)));
    // Every node as a pivot is the exact computation.
    BetweennessOptions all;
    all.pivots = 34;
    QCOMPARE(graph.betweenness(all), b);
}

void TestEntityGraph::betweennessEstimatedFromASample()
{
    const EntityGraph graph = karateClub();
    BetweennessOptions sample;
    sample.pivots = 20;
    sample.seed = 7;
    const QList<double> estimate = graph.betweenness(sample);
    QCOMPARE(estimate.size(), 34);
    QCOMPARE(graph.betweenness(sample), estimate); // deterministic for a seed
    sample.seed = 8;
    QVERIFY(graph.betweenness(sample) != estimate);
    // An unbiased estimate: the two hubs stay far ahead of the rest and
    // close to their exact values; nodes no path goes through stay at zero.
    const double hub1 = valueOf(graph, estimate, 1);
    const double hub34 = valueOf(graph, estimate, 34);
    QVERIFY2(std::abs(hub1 - karateBetweenness.at(0)) < 0.15, qPrintable(QString::number(hub1)));
    QVERIFY2(std::abs(hub34 - karateBetweenness.at(33)) < 0.15, qPrintable(QString::number(hub34)));
    for (qint64 id = 2; id <= 33; ++id) {
        QVERIFY(valueOf(graph, estimate, id) < std::min(hub1, hub34));
        if (karateBetweenness.at(id - 1) == 0.0)
            QCOMPARE(valueOf(graph, estimate, id), 0.0);
    }
}

void TestEntityGraph::betweennessCancelled()
{
    const EntityGraph graph = karateClub();
    int polls = 0;
    BetweennessOptions options;
    options.cancelled = [&polls] { return ++polls > 3; };
    QVERIFY(graph.betweenness(options).isEmpty());
    QCOMPARE(polls, 4);
}

void TestEntityGraph::pageRankOnAPath()
{
    // 1 - 2 - 3 - 4 with d = 0.85: by symmetry an end has rank a and a middle
    // node b, with a = 0.0375 + 0.85 b / 2 and b = 0.0375 + 0.85 (a + b / 2),
    // so b = 0.069375 / 0.21375 and a = 0.0375 + 0.425 b.
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4}).edge(1, 2).edge(2, 3).edge(3, 4);
    const EntityGraph graph = maker.build();
    const QList<double> rank = graph.pageRank();
    const double b = 0.069375 / 0.21375;
    const double a = 0.0375 + 0.425 * b;
    QVERIFY(qAbs(valueOf(graph, rank, 1) - a) < 1e-8);
    QVERIFY(qAbs(valueOf(graph, rank, 2) - b) < 1e-8);
    QVERIFY(qAbs(valueOf(graph, rank, 3) - b) < 1e-8);
    QVERIFY(qAbs(valueOf(graph, rank, 4) - a) < 1e-8);
}

void TestEntityGraph::pageRankOfAStar()
{
    // Centre c, four leaves l: l = 0.03 + 0.85 c / 4 and c = 0.03 + 0.85 * 4 l,
    // so c = 0.132 / 0.2775.
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5}).edge(1, 2).edge(1, 3).edge(1, 4).edge(1, 5);
    const EntityGraph graph = maker.build();
    const QList<double> rank = graph.pageRank();
    const double c = 0.132 / 0.2775;
    QVERIFY(qAbs(valueOf(graph, rank, 1) - c) < 1e-8);
    QVERIFY(qAbs(valueOf(graph, rank, 3) - (0.03 + 0.2125 * c)) < 1e-8);
}

void TestEntityGraph::pageRankWithAnIsolatedNode()
{
    // 1 - 2 and 3 alone. The isolated node's rank is spread over all three:
    // with r3 = x and r1 = r2 = y, x = 0.05 + 0.85 x / 3 and 2y + x = 1.
    GraphMaker maker;
    maker.nodes({1, 2, 3}).edge(1, 2);
    const EntityGraph graph = maker.build();
    const QList<double> rank = graph.pageRank();
    const double x = 0.05 / (1.0 - 0.85 / 3.0);
    QVERIFY(qAbs(valueOf(graph, rank, 3) - x) < 1e-8);
    QVERIFY(qAbs(valueOf(graph, rank, 1) - (1.0 - x) / 2.0) < 1e-8);
    double sum = 0.0;
    for (double r : rank)
        sum += r;
    QVERIFY(qAbs(sum - 1.0) < 1e-9);
}

void TestEntityGraph::components()
{
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5, 6}).edge(1, 2).edge(2, 3).edge(4, 5);
    const EntityGraph graph = maker.build();
    const QList<int> component = graph.components();
    QCOMPARE(component, (QList<int>{0, 0, 0, 1, 1, 2}));
}

void TestEntityGraph::filterByType()
{
    GraphMaker maker;
    maker.node(1, EntityType::Person).node(2, EntityType::Organization).node(3, EntityType::Place);
    maker.edge(1, 2).edge(2, 3).edge(1, 3);
    GraphFilter filter;
    filter.types = {EntityType::Person, EntityType::Organization};
    const EntityGraph graph = maker.build(filter);
    QCOMPARE(graph.nodeCount(), 2);
    QCOMPARE(graph.indexOf(3), -1);
    QCOMPARE(graph.edgeCount(), 1);
    QCOMPARE(graph.edges().first().source, 1);
    QCOMPARE(graph.edges().first().target, 2);
}

void TestEntityGraph::filterHiddenEntities()
{
    GraphMaker maker;
    maker.node(1).node(2, EntityType::Organization, true).node(3);
    maker.edge(1, 2).edge(2, 3);
    QCOMPARE(maker.build().nodeCount(), 2);
    QCOMPARE(maker.build().edgeCount(), 0);
    GraphFilter filter;
    filter.includeHidden = true;
    QCOMPARE(maker.build(filter).nodeCount(), 3);
    QCOMPARE(maker.build(filter).edgeCount(), 2);
}

void TestEntityGraph::filterByPredicateAndCooccurrence()
{
    const QString cooccurrence = QString::fromUtf16(cooccurrencePredicate);
    GraphMaker maker;
    maker.nodes({1, 2, 3});
    maker.edge(1, 2, 2, u"ceo_of"_s).edge(2, 1, 1, u"partner_of"_s).edge(1, 2, 4, cooccurrence);
    maker.edge(2, 3, 5, cooccurrence);

    // By default co-occurrence is left out, from edges and from counts.
    EntityGraph graph = maker.build();
    QCOMPARE(graph.edgeCount(), 1);
    QCOMPARE(graph.edges().first().predicates, (QStringList{u"ceo_of"_s, u"partner_of"_s}));
    QCOMPARE(graph.edges().first().evidenceCount, 3);
    QVERIFY(!graph.edges().first().cooccurrenceOnly);

    GraphFilter filter;
    filter.includeCooccurrence = true;
    graph = maker.build(filter);
    QCOMPARE(graph.edgeCount(), 2);
    QCOMPARE(graph.edges().first().evidenceCount, 7);
    QVERIFY(graph.edges().last().cooccurrenceOnly);

    filter = {};
    filter.predicates = {u"partner_of"_s};
    graph = maker.build(filter);
    QCOMPARE(graph.edgeCount(), 1);
    QCOMPARE(graph.edges().first().predicates, QStringList{u"partner_of"_s});
    QCOMPARE(graph.edges().first().evidenceCount, 1);
    QCOMPARE(graph.edges().first().evidence.size(), 1);
    QVERIFY(graph.edges().first().evidence.first().reversed);
}

void TestEntityGraph::filterByEvidenceDocumentsAndDates()
{
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4});
    maker.edge(1, 2, 1, u"supplies"_s, 10, QDate(2025, 1, 5));
    maker.edge(1, 2, 2, u"supplies"_s, 11, QDate(2025, 6, 11));
    maker.edge(2, 3, 1, u"supplies"_s, 11, QDate(2025, 6, 11));
    maker.edge(3, 4, 1, u"supplies"_s, 12, QDate());

    GraphFilter filter;
    filter.minimumEvidence = 2;
    EntityGraph graph = maker.build(filter);
    QCOMPARE(graph.edgeCount(), 1);
    QCOMPARE(graph.edges().first().evidenceCount, 3);
    // Nodes stay: the filter is on edges; isolated nodes are the view's call.
    QCOMPARE(graph.nodeCount(), 4);
    // ...unless unlinked ones are unwanted.
    filter.includeUnlinked = false;
    graph = maker.build(filter);
    QCOMPARE(graph.nodeCount(), 2);
    QCOMPARE(graph.indexOf(3), -1);
    QCOMPARE(graph.indexOf(2), 1);
    QCOMPARE(graph.degrees(), (QList<int>{1, 1}));
    filter.includeUnlinked = true;

    // Counts are of what passes: the 2025-01 document no longer counts.
    filter.from = QDate(2025, 6, 1);
    graph = maker.build(filter);
    QCOMPARE(graph.edgeCount(), 1);
    QCOMPARE(graph.edges().first().evidenceCount, 2);
    filter.minimumEvidence = 3;
    QCOMPARE(maker.build(filter).edgeCount(), 0);

    // An undated document passes only when no date bound is set.
    filter = {};
    filter.to = QDate(2030, 1, 1);
    graph = maker.build(filter);
    QCOMPARE(graph.edgeCount(), 2);
    QVERIFY(!graph.shortestPath(3, 4, PathWeighting::FewestHops).size());

    filter = {};
    filter.documents = {10, 12};
    graph = maker.build(filter);
    QCOMPARE(graph.edgeCount(), 2);
    QCOMPARE(graph.edges().first().evidenceCount, 1);
}

void TestEntityGraph::shortestPathFewestHops()
{
    // 1 - 2 - 4 weakly attested, 1 - 3 - 5 - 4 strongly.
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5});
    maker.edge(1, 2, 1, u"partner_of"_s).edge(2, 4, 1, u"supplies"_s);
    maker.edge(1, 3, 5).edge(3, 5, 5).edge(5, 4, 5);
    const EntityGraph graph = maker.build();
    const QList<PathHop> hops = graph.shortestPath(1, 4, PathWeighting::FewestHops);
    QCOMPARE(pathNodes(hops), (QList<qint64>{1, 2, 4}));
    QCOMPARE(hops.at(0).predicates, QStringList{u"partner_of"_s});
    QCOMPARE(hops.at(1).predicates, QStringList{u"supplies"_s});
    QCOMPARE(hops.at(1).evidenceCount, 1);
    // Hops are oriented along the path, whatever the edge's direction.
    QCOMPARE(pathNodes(graph.shortestPath(4, 1, PathWeighting::FewestHops)), (QList<qint64>{4, 2, 1}));
}

void TestEntityGraph::shortestPathStrongestEvidence()
{
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5});
    maker.edge(1, 2).edge(2, 4);
    maker.edge(1, 3, 5).edge(3, 5, 5).edge(5, 4, 5);
    const EntityGraph graph = maker.build();
    // 1/1 + 1/1 = 2 against 3 * 1/5 = 0.6.
    const QList<PathHop> hops = graph.shortestPath(1, 4, PathWeighting::StrongestEvidence);
    QCOMPARE(pathNodes(hops), (QList<qint64>{1, 3, 5, 4}));
    QCOMPARE(hops.at(2).evidenceCount, 5);
}

void TestEntityGraph::shortestPathUnreachable()
{
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4}).edge(1, 2).edge(3, 4);
    const EntityGraph graph = maker.build();
    QVERIFY(graph.shortestPath(1, 4, PathWeighting::FewestHops).isEmpty());
    QVERIFY(graph.shortestPath(1, 4, PathWeighting::StrongestEvidence).isEmpty());
    QVERIFY(graph.shortestPath(1, 1, PathWeighting::FewestHops).isEmpty());
    QVERIFY(graph.shortestPath(1, 99, PathWeighting::FewestHops).isEmpty());
}

void TestEntityGraph::egoNetwork()
{
    // 1 - 2 - 3 - 4 - 5 and 2 - 6.
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5, 6}).edge(1, 2).edge(2, 3).edge(3, 4).edge(4, 5).edge(2, 6);
    const EntityGraph graph = maker.build();
    const auto members = [&](qint64 entity, int hops) {
        QList<std::pair<qint64, int>> result;
        for (const EgoMember &member : graph.egoNetwork(entity, hops))
            result.append({member.entityId, member.distance});
        // Within a ring the order is Boost's adjacency order: compare as sets.
        std::sort(result.begin(), result.end(), [](const auto &a, const auto &b) {
            return std::pair(a.second, a.first) < std::pair(b.second, b.first);
        });
        return result;
    };
    using Members = QList<std::pair<qint64, int>>;
    QCOMPARE(members(2, 0), (Members{{2, 0}}));
    QCOMPARE(members(2, 1), (Members{{2, 0}, {1, 1}, {3, 1}, {6, 1}}));
    QCOMPARE(members(2, 2), (Members{{2, 0}, {1, 1}, {3, 1}, {6, 1}, {4, 2}}));
    QCOMPARE(graph.egoNetwork(2, 2).first().entityId, 2);
    QCOMPARE(graph.egoNetwork(2, 2).last().entityId, 4);
    QCOMPARE(graph.egoNetwork(1, 10).size(), 6);
    QCOMPARE(graph.egoNetwork(1, 10).last().distance, 4);
    QVERIFY(graph.egoNetwork(99, 1).isEmpty());
}

void TestEntityGraph::edgeBetween()
{
    GraphMaker maker;
    maker.nodes({1, 2, 3}).edge(1, 2, 3, u"supplies"_s);
    const EntityGraph graph = maker.build();
    QVERIFY(graph.edgeBetween(1, 2));
    QCOMPARE(graph.edgeBetween(2, 1), graph.edgeBetween(1, 2));
    QCOMPARE(graph.edgeBetween(2, 1)->evidenceCount, 3);
    QVERIFY(!graph.edgeBetween(1, 3));
    QVERIFY(!graph.edgeBetween(1, 99));
}

void TestEntityGraph::communitiesOfTwoCliques()
{
    // Two 4-cliques joined by one bridge 4 - 5: the partition is the two
    // cliques, Q = sum over communities of (L_c / m - (d_c / 2m)^2) with
    // m = 13, L_c = 6, d_c = 13: 2 * (6/13 - 1/4).
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5, 6, 7, 8});
    for (qint64 a : {1, 5}) {
        for (qint64 i = 0; i < 4; ++i) {
            for (qint64 j = i + 1; j < 4; ++j)
                maker.edge(a + i, a + j);
        }
    }
    maker.edge(4, 5);
    const EntityGraph graph = maker.build();
    const Result<Communities> result = detectCommunities(graph);
    QVERIFY2(result, qPrintable(result.error()));
    QCOMPARE(result->count, 2);
    QCOMPARE(result->membership, (QList<int>{0, 0, 0, 0, 1, 1, 1, 1}));
    QVERIFY(qAbs(result->modularity - 2.0 * (6.0 / 13.0 - 0.25)) < 1e-9);
}

void TestEntityGraph::communitiesAreDeterministic()
{
    // A ring of 30 nodes with chords: many near-equal partitions, so a
    // different random order would show.
    GraphMaker maker;
    for (qint64 i = 0; i < 30; ++i)
        maker.node(i + 1);
    for (qint64 i = 0; i < 30; ++i) {
        maker.edge(i + 1, (i + 1) % 30 + 1);
        if (i % 3 == 0)
            maker.edge(i + 1, (i + 7) % 30 + 1);
    }
    const EntityGraph graph = maker.build();
    const Result<Communities> first = detectCommunities(graph, 7);
    const Result<Communities> second = detectCommunities(graph, 7);
    QVERIFY(first && second);
    QCOMPARE(first->membership, second->membership);
    QVERIFY(first->count > 1);
    QVERIFY(first->modularity > 0.3);
}

void TestEntityGraph::communitiesWithoutEdges()
{
    GraphMaker maker;
    maker.nodes({1, 2, 3});
    const Result<Communities> result = detectCommunities(maker.build());
    QVERIFY(result);
    QCOMPARE(result->count, 3);
    QCOMPARE(result->membership, (QList<int>{0, 1, 2}));
    QCOMPARE(result->modularity, 0.0);
}

void TestEntityGraph::statementsReadFromEitherEnd()
{
    // 1 ceo_of 2, 2 invests_in 1 (stated in two documents), 1 partner_of 2.
    GraphMaker maker;
    maker.nodes({1, 2}).edge(1, 2, 1, u"ceo_of"_s).edge(2, 1, 1, u"invests_in"_s, 1);
    maker.edge(2, 1, 1, u"invests_in"_s, 2).edge(1, 2, 1, u"partner_of"_s);
    const GraphEdge &edge = maker.data().edges.first();
    using S = StatementDirection;
    QCOMPARE(statementsFrom(edge, 1), (QList<EdgeStatement>{{u"ceo_of"_s, S::Forward},
                                                            {u"invests_in"_s, S::Backward},
                                                            {u"partner_of"_s, S::Undirected}}));
    QCOMPARE(statementsFrom(edge, 2), (QList<EdgeStatement>{{u"ceo_of"_s, S::Backward},
                                                            {u"invests_in"_s, S::Forward},
                                                            {u"partner_of"_s, S::Undirected}}));
}

void TestEntityGraph::metricsTogether()
{
    // Two triangles 1-2-3 and 4-5-6 joined by 3 - 4, and 7 alone.
    GraphMaker maker;
    maker.nodes({1, 2, 3, 4, 5, 6, 7}).edge(1, 2).edge(2, 3).edge(1, 3).edge(4, 5).edge(5, 6).edge(4, 6);
    maker.edge(3, 4, 2);
    const EntityGraph graph = maker.build();
    const Result<GraphMetrics> metrics = computeMetrics(graph);
    QVERIFY2(metrics, qPrintable(metrics.error()));
    QCOMPARE(metrics->components, 2);
    QCOMPARE(metrics->communities, 3); // the triangles and the loner
    const NodeMetrics &bridge = metrics->nodes.at(graph.indexOf(3));
    QCOMPARE(bridge.degree, 3);
    QCOMPARE(bridge.weightedDegree, 4);
    QCOMPARE(bridge.betweenness, graph.betweenness().at(graph.indexOf(3)));
    QCOMPARE(metrics->nodes.at(graph.indexOf(7)).component, 1);
    QCOMPARE(metrics->nodes.at(graph.indexOf(1)).community, metrics->nodes.at(graph.indexOf(2)).community);
    QVERIFY(metrics->nodes.at(graph.indexOf(1)).community != metrics->nodes.at(graph.indexOf(5)).community);

    const auto table = metricTable(graph, *metrics);
    QCOMPARE(table.size(), 7);
    QCOMPARE(table.value(3).keys(), [] { QStringList names = metricColumnNames(); names.sort(); return names; }());
    QCOMPARE(table.value(3).value(u"weighted_degree"_s), 4.0);
}

void TestEntityGraph::metricsEstimateBetweennessOverBudget()
{
    const EntityGraph graph = karateClub();
    // 34 sources x (34 + 2 x 78) adjacency visits = 6460 for the exact value.
    MetricsOptions options;
    options.betweennessBudget = 6460;
    QCOMPARE(betweennessPivots(graph, options), 34);
    const Result<GraphMetrics> exact = computeMetrics(graph, options);
    QVERIFY2(exact, qPrintable(exact.error()));
    QCOMPARE(exact->betweennessSources, 34);
    QVERIFY(std::abs(exact->nodes.at(graph.indexOf(1)).betweenness - karateBetweenness.at(0)) < 1e-9);

    options.betweennessBudget = 6459;
    options.minimumPivots = 10;
    QCOMPARE(betweennessPivots(graph, options), 33); // what the budget pays for
    options.betweennessBudget = 1000;
    QCOMPARE(betweennessPivots(graph, options), 10); // never fewer than the minimum
    const Result<GraphMetrics> estimated = computeMetrics(graph, options);
    QVERIFY2(estimated, qPrintable(estimated.error()));
    QCOMPARE(estimated->betweennessSources, 10);
    QVERIFY(estimated->nodes.at(graph.indexOf(1)).betweenness != exact->nodes.at(graph.indexOf(1)).betweenness);
    // The other measures do not depend on the budget.
    QCOMPARE(estimated->nodes.at(graph.indexOf(1)).pageRank, exact->nodes.at(graph.indexOf(1)).pageRank);
    QCOMPARE(estimated->communities, exact->communities);
    options.betweennessBudget = 0;
    QCOMPARE(betweennessPivots(graph, options), 34); // 0: always exact
}

void TestEntityGraph::metricsCompletedFromAFirstPass()
{
    // A first pass without betweenness, then one that takes its
    // communities and PageRank and adds betweenness: the same as all at once.
    const EntityGraph graph = karateClub();
    MetricsOptions options;
    options.betweenness = false;
    const Result<GraphMetrics> first = computeMetrics(graph, options);
    QVERIFY2(first, qPrintable(first.error()));
    QCOMPARE(first->betweennessSources, 0);
    options.betweenness = true;
    options.firstPass = first.value();
    const Result<GraphMetrics> completed = computeMetrics(graph, options);
    QVERIFY2(completed, qPrintable(completed.error()));
    const Result<GraphMetrics> whole = computeMetrics(graph);
    QVERIFY2(whole, qPrintable(whole.error()));
    QCOMPARE(completed->communities, whole->communities);
    QCOMPARE(completed->modularity, whole->modularity);
    QCOMPARE(completed->components, whole->components);
    QCOMPARE(completed->betweennessSources, whole->betweennessSources);
    for (qsizetype i = 0; i < graph.nodeCount(); ++i) {
        const NodeMetrics &a = completed->nodes.at(i);
        const NodeMetrics &b = whole->nodes.at(i);
        QCOMPARE(a.degree, b.degree);
        QCOMPARE(a.weightedDegree, b.weightedDegree);
        QCOMPARE(a.betweenness, b.betweenness);
        QCOMPARE(a.pageRank, b.pageRank);
        QCOMPARE(a.component, b.component);
        QCOMPARE(a.community, b.community);
    }

    // Taken only when it is of this graph: another's is computed anew.
    GraphMaker maker;
    maker.nodes({1, 2, 3}).edge(1, 2).edge(2, 3);
    options.firstPass = first.value();
    const Result<GraphMetrics> other = computeMetrics(maker.build(), options);
    QVERIFY2(other, qPrintable(other.error()));
    QCOMPARE(other->nodes.size(), 3);
    QCOMPARE(other->communities, computeMetrics(maker.build())->communities);
}

void TestEntityGraph::metricsCancelled()
{
    const EntityGraph graph = karateClub();
    MetricsOptions options;
    options.cancelled = [] { return true; };
    const Result<GraphMetrics> metrics = computeMetrics(graph, options);
    QVERIFY(!metrics);
    QVERIFY(metrics.error().contains(u"cancelled"_s));

    // What a view can show meanwhile: the linear-time measures only.
    const GraphMetrics basic = basicMetrics(graph);
    QCOMPARE(basic.nodes.size(), 34);
    QCOMPARE(basic.nodes.at(graph.indexOf(34)).degree, 17);
    QCOMPARE(basic.components, 1);
    QCOMPARE(basic.nodes.at(graph.indexOf(34)).betweenness, 0.0);
    QCOMPARE(basic.betweennessSources, 0);
}

void TestEntityGraph::lookUpEntities()
{
    QList<GraphNode> nodes(5);
    nodes[0].name = u"Emmanuel Macron"_s;
    nodes[0].aliases = {u"Macron"_s, u"the French president"_s};
    nodes[1].name = u"Société Générale"_s;
    nodes[2].name = u"Nvidia"_s;
    nodes[2].mentions = 9;
    nodes[3].name = u"Nvidia Foundation"_s;
    nodes[3].mentions = 1;
    nodes[4].name = u"Jordan"_s;
    nodes[4].aliases = {u"Michael Jordan"_s};
    QList<GraphNode> withTwin = nodes;
    withTwin.append(nodes[4]);
    withTwin.last().name = u"Jordan"_s;

    QCOMPARE(lookUpEntity(nodes, u"emmanuel MACRON"_s).matches, QList<qsizetype>{0});
    QCOMPARE(lookUpEntity(nodes, u"macron"_s).matches, QList<qsizetype>{0});
    QCOMPARE(lookUpEntity(nodes, u"The French President"_s).matches, QList<qsizetype>{0});
    QCOMPARE(lookUpEntity(nodes, u"societe generale"_s).matches, QList<qsizetype>{1});
    // A name beats an alias, and a name shared is ambiguous.
    QCOMPARE(lookUpEntity(nodes, u"Nvidia"_s).matches, QList<qsizetype>{2});
    QCOMPARE(lookUpEntity(withTwin, u"jordan"_s).matches, (QList<qsizetype>{4, 5}));

    // Nothing: close names, nearest first, then the most mentioned.
    EntityLookup typo = lookUpEntity(nodes, u"Nvidai"_s);
    QVERIFY(typo.matches.isEmpty());
    QCOMPARE(typo.suggestions.value(0), 2);
    EntityLookup prefix = lookUpEntity(nodes, u"nvid"_s);
    QCOMPARE(prefix.suggestions, (QList<qsizetype>{2, 3}));
    QCOMPARE(lookUpEntity(nodes, u"Macrn"_s).suggestions, QList<qsizetype>{0});
    QVERIFY(lookUpEntity(nodes, u"Airbus"_s).suggestions.isEmpty());
    QVERIFY(lookUpEntity(nodes, u"  "_s).matches.isEmpty());
}

QTEST_GUILESS_MAIN(TestEntityGraph)
#include "tst_entitygraph.moc"
