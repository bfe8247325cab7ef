#include "core/graph/LocalGraph.h"

#include "core/store/Repository.h"

#include <QSet>

#include <algorithm>

namespace NewsGraph {

namespace {

// Whether `filter` keeps statements by their documents or dates, which a
// read must then say.
bool selectsDocuments(const GraphFilter &filter)
{
    return !filter.documents.isEmpty() || filter.from.isValid() || filter.to.isValid();
}

// The mentions of `ids` by `mentions` (entity id -> named mentions), which
// stand for the links a search would read around them.
qint64 mentionsOf(const QHash<qint64, int> &mentions, const QSet<qint64> &ids)
{
    qint64 sum = 0;
    for (qint64 id : ids)
        sum += mentions.value(id);
    return sum;
}

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
        // Nodes in brief: a neighbour may be named a hundred thousand
        // times; the documents of the evidence only if the filter asks.
        Repository::LocalReading reading;
        reading.cooccurrence = m_filter.includeCooccurrence;
        reading.briefNodes = true;
        reading.evidenceDocuments = selectsDocuments(m_filter);
        Result<GraphData> read = m_repository.graphDataAround(fresh, reading);
        if (!read)
            return Error{read.error()};
        m_complete.unite(fresh);
        for (GraphNode &node : read->nodes) {
            if (!m_nodeIds.contains(node.entityId)) {
                m_nodeIds.insert(node.entityId);
                m_mentions.insert(node.entityId, node.mentions);
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

    // Mentions of entities read so far, or given here.
    void weigh(const QList<GraphNode> &nodes)
    {
        for (const GraphNode &node : nodes)
            m_mentions.insert(node.entityId, node.mentions);
    }
    qint64 mentionsOf(const QSet<qint64> &ids) const { return NewsGraph::mentionsOf(m_mentions, ids); }

private:
    const Repository &m_repository;
    const GraphFilter &m_filter;
    GraphData m_data;
    QSet<qint64> m_complete;
    QSet<qint64> m_nodeIds;
    QHash<qint64, int> m_mentions;
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

// Whether `filter` keeps every edge whose two ends it shows and that a
// typed relation of one of its predicates, with a statement, makes: true
// when it counts no statements (at least one, from any document and date)
// and leaves co-occurrences out. Then a search needs the relations' ends
// alone (Repository::relationNeighbours()).
bool linksAreRelations(const GraphFilter &filter)
{
    return !filter.includeCooccurrence && filter.minimumEvidence <= 1 && !selectsDocuments(filter);
}

// A fewest-links chain from `from` to `to` (both shown, named `weights`
// times), for a filter linksAreRelations() holds for: a breadth-first
// search from both ends over the relations' indexes, level by level, each
// time growing the side whose frontier is named less often (its mentions
// stand for the links it would read: a busy entity's tens of thousands are
// read only if the other side cannot do better); a node is taken on once
// the filter is known to show it. The first level that meets the other side
// gives a shortest chain: every chain shorter would have met it a level
// earlier. Empty when there is none.
Result<QList<qint64>> fewestHopsChain(const Repository &repository, qint64 from, qint64 to,
                                      const GraphFilter &filter, QHash<qint64, int> weights)
{
    if (from == to)
        return QList<qint64>{from};
    QHash<qint64, qint64> parent[2] = {{{from, 0}}, {{to, 0}}};
    QSet<qint64> frontier[2] = {{from}, {to}};
    for (;;) {
        if (frontier[0].isEmpty() || frontier[1].isEmpty())
            return QList<qint64>{};
        const int side = mentionsOf(weights, frontier[0]) <= mentionsOf(weights, frontier[1]) ? 0 : 1;
        const int other = 1 - side;
        const Result<QList<std::pair<qint64, qint64>>> pairs = repository.relationNeighbours(frontier[side], filter.predicates);
        if (!pairs)
            return Error{pairs.error()};
        QSet<qint64> fresh;
        for (const auto &[known, neighbour] : *pairs) {
            if (!parent[side].contains(neighbour))
                fresh.insert(neighbour);
        }
        const Result<QHash<qint64, int>> shown = repository.shownEntities(fresh, filter.types, filter.includeHidden);
        if (!shown)
            return Error{shown.error()};
        weights.insert(*shown);
        QSet<qint64> next;
        qint64 meeting = 0;
        for (const auto &[known, neighbour] : *pairs) {
            if (!shown->contains(neighbour) || parent[side].contains(neighbour))
                continue;
            parent[side].insert(neighbour, known);
            next.insert(neighbour);
            if (meeting == 0 && parent[other].contains(neighbour))
                meeting = neighbour;
        }
        if (meeting != 0) {
            // from ... meeting ... to, each half along its side's parents.
            QList<qint64> chain;
            for (qint64 at = meeting; at != 0; at = parent[0].value(at))
                chain.prepend(at);
            for (qint64 at = parent[1].value(meeting); at != 0; at = parent[1].value(at))
                chain.append(at);
            return chain;
        }
        frontier[side] = std::move(next);
    }
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
    // Links that are relations alone: searched over their ends, then only
    // the path's links read whole.
    if (linksAreRelations(filter)) {
        const Result<QHash<qint64, int>> shownEnds = repository.shownEntities({from, to}, filter.types, filter.includeHidden);
        if (!shownEnds)
            return Error{shownEnds.error()};
        if (shownEnds->contains(from) && shownEnds->contains(to)) {
            const Result<QList<qint64>> chain = fewestHopsChain(repository, from, to, filter, *shownEnds);
            if (!chain)
                return Error{chain.error()};
            // The links of the chain, and the two ends when there is none.
            QSet<qint64> onChain(chain->cbegin(), chain->cend());
            onChain << from << to;
            Repository::LocalReading reading;
            reading.cooccurrence = false;
            reading.briefNodes = true;
            reading.evidenceDocuments = false;
            reading.within = true;
            const Result<GraphData> read = repository.graphDataAround(onChain, reading);
            if (!read)
                return Error{read.error()};
            return EntityGraph::build(*read, filter);
        }
    }
    // With every edge of the entities up to `reach[0]` links from `from` and
    // `reach[1]` links from `to` read (-1: not even the end itself), every
    // path of at most reach[0] + reach[1] + 2 links lies in the graph (each
    // of its links touches one of those entities), so a path found that short
    // is a shortest one. Until then the side whose next ring is named less
    // often grows (the mentions stand for the edges it would read: a busy
    // entity's thousands are read only if the other side cannot do better);
    // a side that cannot grow has its whole component read, and the answer
    // is final.
    const Result<QList<GraphNode>> endNodes = repository.graphNodes({from, to}, true);
    if (!endNodes)
        return Error{endNodes.error()};
    GrowingGraph growing(repository, filter);
    growing.weigh(*endNodes);
    const qint64 ends[2] = {from, to};
    int reach[2] = {-1, -1};
    QSet<qint64> next[2] = {{from}, {to}};
    for (;;) {
        const int side = growing.mentionsOf(next[0]) <= growing.mentionsOf(next[1]) ? 0 : 1;
        Result<EntityGraph> graph = growing.complete(next[side]);
        if (!graph)
            return graph;
        ++reach[side];
        const QList<PathHop> path = graph->shortestPath(from, to, PathWeighting::FewestHops);
        if (!path.isEmpty() && path.size() <= reach[0] + reach[1] + 2)
            return graph;
        for (int s : {0, 1}) {
            if (reach[s] >= 0)
                next[s] = ringAt(*graph, ends[s], reach[s] + 1);
        }
        if ((reach[0] >= 0 && next[0].isEmpty()) || (reach[1] >= 0 && next[1].isEmpty()))
            return graph;
    }
}

} // namespace NewsGraph
