#pragma once

#include "core/store/GraphData.h"
#include "core/graph/GraphFilter.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace NewsGraph {

enum class PathWeighting {
    FewestHops,        // breadth-first: the fewest intermediaries
    StrongestEvidence, // Dijkstra over 1 / evidence count: well-attested links preferred
};

// One step of a path, oriented along the path (from -> to), whatever the
// direction of the relations it stands for. The sentences are read through
// Repository::evidenceBetween(from, to).
struct PathHop
{
    qint64 from = 0;
    qint64 to = 0;
    QStringList predicates;
    int evidenceCount = 0;
};

// A member of an ego network and its distance in hops from the centre.
struct EgoMember
{
    qint64 entityId = 0;
    int distance = 0;
};

struct BetweennessOptions
{
    // How many sources the shortest paths are counted from: 0 (or the node
    // count and over) for all of them, the exact value; fewer for Brandes &
    // Pich's (2007) estimate from a uniform sample, scaled up to all sources.
    qsizetype pivots = 0;
    quint64 seed = 1; // of the sample
    // Polled between sources; true stops the computation.
    std::function<bool()> cancelled;
};

// The entity graph under a GraphFilter: an undirected Boost.Graph built once
// from GraphData and then only read, with its metrics, shortest paths and
// ego networks. Per-node results are lists in nodes() order (see indexOf()).
// Boost stays in EntityGraph.cpp (pimpl) so that only one translation unit
// pays for its templates. Copies share the immutable graph.
class EntityGraph
{
public:
    EntityGraph(); // empty
    ~EntityGraph();
    EntityGraph(const EntityGraph &);
    EntityGraph &operator=(const EntityGraph &);
    EntityGraph(EntityGraph &&) noexcept;
    EntityGraph &operator=(EntityGraph &&) noexcept;

    // A node passes when its type is wanted and it is not hidden (unless
    // asked). An edge keeps the evidence entries whose document, date and
    // predicate pass; it stays when both its ends stay and those entries
    // hold at least max(1, minimumEvidence) distinct sentences. Its
    // predicates, evidence count and evidence are then those of the kept
    // entries, so weights follow the filter.
    // Without includeUnlinked, the nodes that no kept edge touches are left out.
    static EntityGraph build(const GraphData &data, const GraphFilter &filter);

    qsizetype nodeCount() const;
    qsizetype edgeCount() const;
    const QList<GraphNode> &nodes() const;
    const QList<GraphEdge> &edges() const;
    // Position of the entity in nodes(), -1 when it is not in the graph.
    qsizetype indexOf(qint64 entityId) const;

    // --- metrics, one value per node
    QList<int> degrees() const;
    // Sum of the evidence counts of a node's edges.
    QList<int> weightedDegrees() const;
    // Brandes (2001), unweighted, normalised as networkx does for an
    // undirected graph: by 2 / ((n - 1)(n - 2)), so that the middle of a
    // three-node path scores 1. All zeros below three nodes. Exact costs
    // O(nodes x edges); with options.pivots it is estimated from that many
    // sources. Empty when cancelled.
    QList<double> betweenness(const BetweennessOptions &options = {}) const;
    // PageRank by power iteration with damping 0.85 over the undirected
    // graph taken as both directions of every edge, unweighted (as networkx
    // does for an unweighted undirected graph). The rank of nodes without
    // edges is spread over all nodes; stops when the L1 change falls below
    // 1e-9 per node. Sums to 1.
    QList<double> pageRank() const;
    // Connected component of each node, numbered from 0.
    QList<int> components() const;

    // --- paths
    // The hops from `from` to `to`; empty when either is not in the graph,
    // they are the same entity, or no path joins them.
    QList<PathHop> shortestPath(qint64 from, qint64 to, PathWeighting weighting) const;
    // The entities at most `hops` edges away from `entity`, itself first
    // (distance 0), then by distance; empty when it is not in the graph.
    QList<EgoMember> egoNetwork(qint64 entity, int hops) const;
    // The edge joining two entities, either way round; null when none does.
    const GraphEdge *edgeBetween(qint64 a, qint64 b) const;

private:
    struct Private;
    std::shared_ptr<const Private> d;
};

} // namespace NewsGraph
