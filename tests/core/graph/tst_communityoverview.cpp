#include "core/graph/CommunityOverview.h"
#include "core/graph/EntityGraph.h"
#include "core/graph/GraphMetrics.h"

#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// Three tight groups of people and companies (ids 1-6, 11-15, 21-24), two
// links between the first two groups, one between the last two, and two
// entities linked to nothing.
GraphData threeGroups()
{
    GraphData data;
    const auto addNode = [&](qint64 id, EntityType type, int mentions) {
        GraphNode node;
        node.entityId = id;
        node.name = u"Entity %1"_s.arg(id);
        node.type = type;
        node.mentions = mentions;
        data.nodes.append(node);
    };
    qint64 sentence = 0;
    const auto addEdge = [&](qint64 a, qint64 b) {
        GraphEdge edge;
        edge.source = a;
        edge.target = b;
        edge.predicates = {u"partner_of"_s};
        GraphEdgeEvidence entry;
        entry.documentId = 1;
        entry.predicate = u"partner_of"_s;
        entry.sentenceIds = {++sentence};
        edge.evidence = {entry};
        edge.evidenceCount = 1;
        data.edges.append(edge);
    };
    const QList<QList<qint64>> groups{{1, 2, 3, 4, 5, 6}, {11, 12, 13, 14, 15}, {21, 22, 23, 24}};
    for (const QList<qint64> &group : groups) {
        for (qint64 id : group)
            addNode(id, id % 10 == 1 ? EntityType::Person : EntityType::Organization, int(100 - id));
        for (qsizetype i = 0; i < group.size(); ++i) {
            for (qsizetype j = i + 1; j < group.size(); ++j)
                addEdge(group.at(i), group.at(j));
        }
    }
    addEdge(1, 11);
    addEdge(2, 12);
    addEdge(14, 21);
    addNode(90, EntityType::Place, 1);
    addNode(91, EntityType::Place, 1);
    return data;
}

} // namespace

class TestCommunityOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsEachCommunityAsOneNode()
    {
        const EntityGraph graph = EntityGraph::build(threeGroups(), GraphFilter{});
        const Result<GraphMetrics> metrics = computeMetrics(graph);
        QVERIFY2(metrics.ok(), qPrintable(metrics.error()));

        const CommunityOverview overview = buildCommunityOverview(graph, *metrics);
        QCOMPARE(overview.data.nodes.size(), 3);
        // The largest first, sized by members, named after the most central.
        QCOMPARE(overview.data.nodes.at(0).mentions, 6);
        QCOMPARE(overview.data.nodes.at(1).mentions, 5);
        QCOMPARE(overview.data.nodes.at(2).mentions, 4);
        for (const GraphNode &node : overview.data.nodes) {
            QVERIFY(isOverviewNode(node.entityId));
            const QList<qsizetype> &members = overview.members.value(communityOfOverviewNode(node.entityId));
            QCOMPARE(members.size(), node.mentions);
            QVERIFY2(node.name.startsWith(graph.nodes().at(members.first()).name + u" +"_s), qPrintable(node.name));
            QCOMPARE(node.type, EntityType::Organization); // the commonest
        }
        QCOMPARE(overview.metrics.nodes.size(), 3);
        // The two unlinked entities are communities of one: summed up.
        QCOMPARE(overview.omittedCommunities, 2);
        QCOMPARE(overview.omittedEntities, 2);

        // One link per pair of communities, counting the links between them.
        QCOMPARE(overview.data.edges.size(), 2);
        const auto countBetween = [&](qsizetype a, qsizetype b) {
            for (const GraphEdge &edge : overview.data.edges) {
                const qint64 x = overview.data.nodes.at(a).entityId, y = overview.data.nodes.at(b).entityId;
                if ((edge.source == x && edge.target == y) || (edge.source == y && edge.target == x))
                    return edge.evidenceCount;
            }
            return 0;
        };
        QCOMPARE(countBetween(0, 1), 2);
        QCOMPARE(countBetween(1, 2), 1);
        QCOMPARE(countBetween(0, 2), 0);

        // It is a graph like any other: drawn undirected, its counts kept.
        const EntityGraph groups = EntityGraph::build(overview.data, GraphFilter{});
        QCOMPARE(groups.nodeCount(), 3);
        QCOMPARE(groups.edgeCount(), 2);
        QCOMPARE(groups.edgeBetween(overview.data.nodes.at(0).entityId, overview.data.nodes.at(1).entityId)->evidenceCount,
                 2);
    }

    void limitsWhatItDraws()
    {
        const EntityGraph graph = EntityGraph::build(threeGroups(), GraphFilter{});
        const GraphMetrics metrics = computeMetrics(graph).value();
        CommunityOverviewOptions options;
        options.maximumCommunities = 2;
        options.linksPerCommunity = 1;
        options.namesPerCommunity = 2;
        const CommunityOverview overview = buildCommunityOverview(graph, metrics, options);
        QCOMPARE(overview.data.nodes.size(), 2);
        QCOMPARE(overview.omittedEntities, 4 + 2);
        QCOMPARE(overview.data.edges.size(), 1);
        QVERIFY(overview.data.nodes.first().name.contains(u", "_s));

        options = {};
        options.minimumMembers = 5;
        QCOMPARE(buildCommunityOverview(graph, metrics, options).data.nodes.size(), 2);
        // Without communities (metrics of another graph) there is nothing to draw.
        QVERIFY(buildCommunityOverview(graph, GraphMetrics{}).data.nodes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCommunityOverview)
#include "tst_communityoverview.moc"
