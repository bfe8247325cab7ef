#include "core/graph/LocalGraph.h"

#include "core/store/Repository.h"

#include <QSet>

#include <algorithm>

namespace NewsGraph {

namespace {

// A part of the stored graph that grows: every edge of the entities made
// complete so far (each read once, whole) and the entities at their ends,
// and the filtered graph over them.
class GrowingGraph
{
public:
    GrowingGraph(const Repository &repository, const GraphFilter &filter)
        : m_repository(repository)
        , m_filter(filter)
    {
    }

    // Reads the edges of those of `ids` not read yet; the filtered graph.
    Result<EntityGraph> complete(const QSet<qint64> &ids)
    {
        QSet<qint64> fresh = ids;
        fresh.subtract(m_complete);
        Result<GraphData> read = m_repository.graphDataAround(fresh);
        if (!read)
            return Error{read.error()};
        m_complete.unite(fresh);
        for (GraphNode &node : read->nodes) {
            if (!m_nodeIds.contains(node.entityId)) {
                m_nodeIds.insert(node.entityId);
                m_data.nodes.append(std::move(node));
            }
        }
        // An edge of two complete entities is read with each: kept once.
        for (GraphEdge &edge : read->edges) {
            const std::pair<qint64, qint64> pair{std::min(edge.source, edge.target), std::max(edge.source, edge.target)};
            if (!m_edgePairs.contains(pair)) {
                m_edgePairs.insert(pair);
                m_data.edges.append(std::move(edge));
            }
        }
        // In id order, as the whole graph has them.
        std::sort(m_data.nodes.begin(), m_data.nodes.end(),
                  [](const GraphNode &a, const GraphNode &b) { return a.entityId < b.entityId; });
        return EntityGraph::build(m_data, m_filter);
    }

private:
    const Repository &m_repository;
    const GraphFilter &m_filter;
    GraphData m_data;
    QSet<qint64> m_complete;
    QSet<qint64> m_nodeIds;
    QSet<std::pair<qint64, qint64>> m_edgePairs;
};

// The entities exactly `distance` links from `centre` in `graph`.
QSet<qint64> ringAt(const EntityGraph &graph, qint64 centre, int distance)
{
    QSet<qint64> ring;
    for (const EgoMember &member : graph.egoNetwork(centre, distance)) {
        if (member.distance == distance)
            ring.insert(member.entityId);
    }
    return ring;
}

} // namespace

Result<EntityGraph> egoGraph(const Repository &repository, qint64 centre, int hops, const GraphFilter &filter)
{
    // With every edge of the entities up to k links away, the distances up
    // to k + 1 are those of the whole graph: each ring is found exactly
    // before its edges are read.
    GrowingGraph growing(repository, filter);
    Result<EntityGraph> graph = growing.complete({centre});
    for (int k = 1; k < hops && graph; ++k) {
        const QSet<qint64> ring = ringAt(*graph, centre, k);
        if (ring.isEmpty())
            break; // the component ends here
        graph = growing.complete(ring);
    }
    return graph;
}

Result<EntityGraph> fewestHopsGraph(const Repository &repository, qint64 from, qint64 to, const GraphFilter &filter)
{
    // With every edge of the entities up to `reach[0]` links from `from` and
    // `reach[1]` links from `to` read, every path of at most reach[0] +
    // reach[1] + 2 links lies in the graph (each of its links touches one of
    // those entities), so a path found that short is a shortest one. Until
    // then the side with the smaller next ring grows; a side that cannot grow
    // has its whole component read, and the answer is final.
    GrowingGraph growing(repository, filter);
    QSet<qint64> grow{from, to};
    int reach[2] = {0, 0};
    for (;;) {
        Result<EntityGraph> graph = growing.complete(grow);
        if (!graph || graph->indexOf(from) < 0 || graph->indexOf(to) < 0)
            return graph;
        const QList<PathHop> path = graph->shortestPath(from, to, PathWeighting::FewestHops);
        if (!path.isEmpty() && path.size() <= reach[0] + reach[1] + 2)
            return graph;
        const QSet<qint64> next[2] = {ringAt(*graph, from, reach[0] + 1), ringAt(*graph, to, reach[1] + 1)};
        if (next[0].isEmpty() || next[1].isEmpty())
            return graph;
        const int side = next[0].size() <= next[1].size() ? 0 : 1;
        grow = next[side];
        ++reach[side];
    }
}

} // namespace NewsGraph
