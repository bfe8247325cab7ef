#include "core/graph/LocalGraph.h"

#include "core/store/Repository.h"

#include <QSet>

namespace NewsGraph {

namespace {

// The filtered graph of every edge of `complete` (and the entities at their
// other ends).
Result<EntityGraph> graphAround(const Repository &repository, const QSet<qint64> &complete,
                                const GraphFilter &filter)
{
    Result<GraphData> data = repository.graphDataAround(complete);
    if (!data)
        return Error{data.error()};
    return EntityGraph::build(*data, filter);
}

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
    QSet<qint64> complete{centre};
    Result<EntityGraph> graph = graphAround(repository, complete, filter);
    for (int k = 1; k < hops && graph; ++k) {
        const QSet<qint64> ring = ringAt(*graph, centre, k);
        if (ring.isEmpty())
            break; // the component ends here
        complete.unite(ring);
        graph = graphAround(repository, complete, filter);
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
    QSet<qint64> complete{from, to};
    int reach[2] = {0, 0};
    for (;;) {
        Result<EntityGraph> graph = graphAround(repository, complete, filter);
        if (!graph || graph->indexOf(from) < 0 || graph->indexOf(to) < 0)
            return graph;
        const QList<PathHop> path = graph->shortestPath(from, to, PathWeighting::FewestHops);
        if (!path.isEmpty() && path.size() <= reach[0] + reach[1] + 2)
            return graph;
        const QSet<qint64> next[2] = {ringAt(*graph, from, reach[0] + 1), ringAt(*graph, to, reach[1] + 1)};
        if (next[0].isEmpty() || next[1].isEmpty())
            return graph;
        const int side = next[0].size() <= next[1].size() ? 0 : 1;
        complete.unite(next[side]);
        ++reach[side];
    }
}

} // namespace NewsGraph
