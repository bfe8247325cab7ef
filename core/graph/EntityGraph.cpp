#include "core/graph/EntityGraph.h"

#include "core/extract/Extraction.h"

#include <QSet>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// adjacency_list over vectors rather than compressed_sparse_row_graph: the
// graph is built once per filter and then only read, which vecS storage does
// as contiguously, and Boost's CSR graph has no undirected form (storing both
// directions of each edge would make Brandes count every pair twice more and
// each edge appear twice). Edge property: weight for Dijkstra, and the
// position of the edge in EntityGraph::edges().
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double,
                                                    boost::property<boost::edge_index_t, qsizetype>>>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

bool datePasses(const GraphFilter &filter, const QDate &date)
{
    if (filter.from.isValid() && (!date.isValid() || date < filter.from))
        return false;
    if (filter.to.isValid() && (!date.isValid() || date > filter.to))
        return false;
    return true;
}

} // namespace

struct EntityGraph::Private
{
    QList<GraphNode> nodes;
    QList<GraphEdge> edges;
    QHash<qint64, qsizetype> indexOf;
    Graph graph;
};

EntityGraph::EntityGraph()
    : d(std::make_shared<const Private>())
{
}

EntityGraph::~EntityGraph() = default;
EntityGraph::EntityGraph(const EntityGraph &) = default;
EntityGraph &EntityGraph::operator=(const EntityGraph &) = default;
EntityGraph::EntityGraph(EntityGraph &&) noexcept = default;
EntityGraph &EntityGraph::operator=(EntityGraph &&) noexcept = default;

EntityGraph EntityGraph::build(const GraphData &data, const GraphFilter &filter)
{
    auto p = std::make_shared<Private>();
    for (const GraphNode &node : data.nodes) {
        if (!filter.types.isEmpty() && !filter.types.contains(node.type))
            continue;
        if (node.hidden && !filter.includeHidden)
            continue;
        p->indexOf.insert(node.entityId, p->nodes.size());
        p->nodes.append(node);
    }

    const QString cooccurrence = QString::fromUtf16(cooccurrencePredicate);
    const int minimumEvidence = std::max(1, filter.minimumEvidence);
    const auto passes = [&](const GraphEdgeEvidence &entry) {
        const bool isCooccurrence = entry.predicate == cooccurrence;
        if (isCooccurrence ? !filter.includeCooccurrence
                           : !filter.predicates.isEmpty() && !filter.predicates.contains(entry.predicate))
            return false;
        // The analyst's assertion of a relation is of no document.
        if (entry.manual && entry.sentenceIds.isEmpty())
            return true;
        if (!filter.documents.isEmpty() && !filter.documents.contains(entry.documentId))
            return false;
        return datePasses(filter, entry.documentDate);
    };
    // Scratch lists, reused from edge to edge: a big graph has hundreds of
    // thousands.
    QStringList predicates;
    std::vector<qint64> sentences;
    for (const GraphEdge &edge : data.edges) {
        if (!p->indexOf.contains(edge.source) || !p->indexOf.contains(edge.target))
            continue;
        GraphEdge kept = edge;
        // Most filters keep every statement of most edges: their lists are
        // then shared with the data, not copied entry by entry.
        if (!std::all_of(edge.evidence.cbegin(), edge.evidence.cend(), passes)) {
            kept.evidence.clear();
            for (const GraphEdgeEvidence &entry : edge.evidence) {
                if (passes(entry))
                    kept.evidence.append(entry);
            }
        }
        predicates.clear();
        sentences.clear();
        kept.manual = false;
        for (const GraphEdgeEvidence &entry : std::as_const(kept.evidence)) {
            if (!predicates.contains(entry.predicate))
                predicates.append(entry.predicate);
            sentences.insert(sentences.end(), entry.sentenceIds.cbegin(), entry.sentenceIds.cend());
            kept.manual = kept.manual || entry.manual;
        }
        // A sentence stating two of its statements counts once.
        std::sort(sentences.begin(), sentences.end());
        kept.evidenceCount = int(std::unique(sentences.begin(), sentences.end()) - sentences.begin());
        // A link the analyst added is shown whatever its evidence.
        if (kept.evidenceCount < minimumEvidence && !kept.manual)
            continue;
        predicates.sort();
        if (predicates != edge.predicates)
            kept.predicates = predicates;
        kept.cooccurrenceOnly = predicates.size() == 1 && predicates.constFirst() == cooccurrence;
        p->edges.append(kept);
    }

    if (!filter.includeUnlinked) {
        QSet<qint64> linked;
        for (const GraphEdge &edge : std::as_const(p->edges)) {
            linked.insert(edge.source);
            linked.insert(edge.target);
        }
        p->nodes.removeIf([&](const GraphNode &node) { return !linked.contains(node.entityId); });
        p->indexOf.clear();
        for (qsizetype i = 0; i < p->nodes.size(); ++i)
            p->indexOf.insert(p->nodes.at(i).entityId, i);
    }

    p->graph = Graph(std::size_t(p->nodes.size()));
    for (qsizetype i = 0; i < p->edges.size(); ++i) {
        const GraphEdge &edge = p->edges.at(i);
        boost::add_edge(Vertex(p->indexOf.value(edge.source)), Vertex(p->indexOf.value(edge.target)),
                        Graph::edge_property_type(1.0 / edge.evidenceCount,
                                                  boost::property<boost::edge_index_t, qsizetype>(i)),
                        p->graph);
    }

    EntityGraph graph;
    graph.d = std::move(p);
    return graph;
}

qsizetype EntityGraph::nodeCount() const
{
    return d->nodes.size();
}

qsizetype EntityGraph::edgeCount() const
{
    return d->edges.size();
}

const QList<GraphNode> &EntityGraph::nodes() const
{
    return d->nodes;
}

const QList<GraphEdge> &EntityGraph::edges() const
{
    return d->edges;
}

qsizetype EntityGraph::indexOf(qint64 entityId) const
{
    return d->indexOf.value(entityId, -1);
}

QList<int> EntityGraph::degrees() const
{
    QList<int> result(d->nodes.size());
    for (qsizetype i = 0; i < result.size(); ++i)
        result[i] = int(boost::degree(Vertex(i), d->graph));
    return result;
}

QList<int> EntityGraph::weightedDegrees() const
{
    QList<int> result(d->nodes.size(), 0);
    for (const GraphEdge &edge : d->edges) {
        result[d->indexOf.value(edge.source)] += edge.evidenceCount;
        result[d->indexOf.value(edge.target)] += edge.evidenceCount;
    }
    return result;
}

QList<double> EntityGraph::betweenness(const BetweennessOptions &options) const
{
    // Brandes (2001) by hand rather than boost::brandes_betweenness_centrality,
    // which can neither start from a sample of sources nor be stopped. One
    // breadth-first search per source over a flat adjacency array; the
    // dependency pass walks the BFS order backwards and finds a node's
    // predecessors among its neighbours one level up, so no predecessor
    // lists are kept.
    const qsizetype n = d->nodes.size();
    if (n < 3)
        return QList<double>(n, 0.0);
    const Graph &g = d->graph;
    std::vector<qsizetype> offsets(std::size_t(n) + 1, 0);
    std::vector<qsizetype> neighbours;
    neighbours.reserve(2 * boost::num_edges(g));
    for (qsizetype v = 0; v < n; ++v) {
        for (const Vertex w : boost::make_iterator_range(boost::adjacent_vertices(Vertex(v), g)))
            neighbours.push_back(qsizetype(w));
        offsets[std::size_t(v) + 1] = qsizetype(neighbours.size());
    }

    std::vector<qsizetype> sources(static_cast<std::size_t>(n));
    for (qsizetype v = 0; v < n; ++v)
        sources[std::size_t(v)] = v;
    const qsizetype pivots = options.pivots <= 0 || options.pivots >= n ? n : options.pivots;
    if (pivots < n) {
        // The first `pivots` places of a seeded Fisher-Yates shuffle: a
        // uniform sample without replacement, the same on every platform
        // (std::uniform_int_distribution is not).
        std::mt19937_64 random(options.seed);
        for (qsizetype i = 0; i < pivots; ++i) {
            const auto span = std::uint64_t(n - i);
            std::swap(sources[std::size_t(i)], sources[std::size_t(i + qsizetype(random() % span))]);
        }
        sources.resize(std::size_t(pivots));
    }

    std::vector<double> centrality(std::size_t(n), 0.0);
    std::vector<double> paths(static_cast<std::size_t>(n));      // shortest paths from the source
    std::vector<int> distance(static_cast<std::size_t>(n));
    std::vector<double> dependency(static_cast<std::size_t>(n));
    std::vector<qsizetype> order;                   // BFS order, nearest first
    order.reserve(std::size_t(n));
    for (const qsizetype source : sources) {
        if (options.cancelled && options.cancelled())
            return {};
        std::fill(paths.begin(), paths.end(), 0.0);
        std::fill(distance.begin(), distance.end(), -1);
        std::fill(dependency.begin(), dependency.end(), 0.0);
        order.clear();
        paths[std::size_t(source)] = 1.0;
        distance[std::size_t(source)] = 0;
        order.push_back(source);
        for (std::size_t head = 0; head < order.size(); ++head) {
            const qsizetype v = order[head];
            for (qsizetype k = offsets[std::size_t(v)]; k < offsets[std::size_t(v) + 1]; ++k) {
                const qsizetype w = neighbours[std::size_t(k)];
                if (distance[std::size_t(w)] < 0) {
                    distance[std::size_t(w)] = distance[std::size_t(v)] + 1;
                    order.push_back(w);
                }
                if (distance[std::size_t(w)] == distance[std::size_t(v)] + 1)
                    paths[std::size_t(w)] += paths[std::size_t(v)];
            }
        }
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const qsizetype w = *it;
            const double share = (1.0 + dependency[std::size_t(w)]) / paths[std::size_t(w)];
            for (qsizetype k = offsets[std::size_t(w)]; k < offsets[std::size_t(w) + 1]; ++k) {
                const qsizetype v = neighbours[std::size_t(k)];
                if (distance[std::size_t(v)] == distance[std::size_t(w)] - 1)
                    dependency[std::size_t(v)] += paths[std::size_t(v)] * share;
            }
            if (w != source)
                centrality[std::size_t(w)] += dependency[std::size_t(w)];
        }
    }

    // Summed over every source, each unordered pair is counted from both
    // ends; networkx's normalisation over the (n - 1)(n - 2) / 2 pairs that
    // exclude the node then gives 1 / ((n - 1)(n - 2)). A sample of sources
    // is scaled up to all of them (Brandes & Pich 2007).
    const double scale = (double(n) / double(pivots)) / (double(n - 1) * double(n - 2));
    QList<double> result(n);
    for (qsizetype i = 0; i < n; ++i)
        result[i] = centrality[std::size_t(i)] * scale;
    return result;
}

QList<double> EntityGraph::pageRank() const
{
    // A hand-written power iteration rather than boost::graph::page_rank,
    // which wants a bidirectional graph and leaves the rank of dangling
    // nodes to leak away instead of redistributing it.
    constexpr double damping = 0.85;
    constexpr double tolerance = 1e-9;
    constexpr int maximumIterations = 1000;
    const qsizetype n = d->nodes.size();
    if (n == 0)
        return {};
    std::vector<double> rank(std::size_t(n), 1.0 / double(n));
    std::vector<double> next(static_cast<std::size_t>(n));
    std::vector<double> degree(static_cast<std::size_t>(n));
    for (qsizetype i = 0; i < n; ++i)
        degree[std::size_t(i)] = double(boost::degree(Vertex(i), d->graph));

    for (int iteration = 0; iteration < maximumIterations; ++iteration) {
        double dangling = 0.0;
        for (std::size_t i = 0; i < rank.size(); ++i) {
            if (degree[i] == 0.0)
                dangling += rank[i];
        }
        const double base = (1.0 - damping) / double(n) + damping * dangling / double(n);
        std::fill(next.begin(), next.end(), base);
        for (std::size_t i = 0; i < rank.size(); ++i) {
            if (degree[i] == 0.0)
                continue;
            const double share = damping * rank[i] / degree[i];
            for (const Vertex neighbour : boost::make_iterator_range(boost::adjacent_vertices(Vertex(i), d->graph)))
                next[neighbour] += share;
        }
        double change = 0.0;
        for (std::size_t i = 0; i < rank.size(); ++i)
            change += std::abs(next[i] - rank[i]);
        rank.swap(next);
        if (change < tolerance * double(n))
            break;
    }
    return QList<double>(rank.cbegin(), rank.cend());
}

QList<int> EntityGraph::components() const
{
    std::vector<int> component(std::size_t(d->nodes.size()));
    if (!component.empty())
        boost::connected_components(d->graph, component.data());
    return QList<int>(component.cbegin(), component.cend());
}

QList<PathHop> EntityGraph::shortestPath(qint64 from, qint64 to, PathWeighting weighting) const
{
    const qsizetype source = indexOf(from);
    const qsizetype target = indexOf(to);
    if (source < 0 || target < 0 || source == target)
        return {};
    const Graph &g = d->graph;
    std::vector<Vertex> predecessor(boost::num_vertices(g));
    for (std::size_t i = 0; i < predecessor.size(); ++i)
        predecessor[i] = i;
    if (weighting == PathWeighting::FewestHops) {
        boost::breadth_first_search(
            g, Vertex(source),
            boost::visitor(boost::make_bfs_visitor(
                boost::record_predecessors(predecessor.data(), boost::on_tree_edge()))));
    } else {
        std::vector<double> distance(boost::num_vertices(g));
        boost::dijkstra_shortest_paths(g, Vertex(source),
                                       boost::predecessor_map(predecessor.data()).distance_map(distance.data()));
    }
    if (predecessor[std::size_t(target)] == Vertex(target))
        return {}; // never reached

    // Walk back from the target, then read each hop's edge.
    QList<PathHop> hops;
    for (Vertex v = Vertex(target); v != Vertex(source); v = predecessor[v]) {
        const Vertex u = predecessor[v];
        // Of parallel edges there are none (one per pair), so edge() finds the one used.
        const auto [edge, found] = boost::edge(u, v, g);
        Q_ASSERT(found);
        const GraphEdge &data = d->edges.at(boost::get(boost::edge_index, g, edge));
        hops.prepend(PathHop{d->nodes.at(qsizetype(u)).entityId, d->nodes.at(qsizetype(v)).entityId,
                             data.predicates, data.evidenceCount});
    }
    return hops;
}

const GraphEdge *EntityGraph::edgeBetween(qint64 a, qint64 b) const
{
    const qsizetype u = indexOf(a);
    const qsizetype v = indexOf(b);
    if (u < 0 || v < 0)
        return nullptr;
    const auto [edge, found] = boost::edge(Vertex(u), Vertex(v), d->graph);
    return found ? &d->edges.at(boost::get(boost::edge_index, d->graph, edge)) : nullptr;
}

QList<EgoMember> EntityGraph::egoNetwork(qint64 entity, int hops) const
{
    const qsizetype start = indexOf(entity);
    if (start < 0)
        return {};
    // Breadth-first by hand, stopping at the last ring rather than walking
    // the whole component as boost::breadth_first_search would.
    QList<EgoMember> result{{entity, 0}};
    std::vector<bool> seen(std::size_t(d->nodes.size()), false);
    seen[std::size_t(start)] = true;
    std::vector<Vertex> ring{Vertex(start)};
    for (int distance = 0; distance < hops && !ring.empty(); ++distance) {
        std::vector<Vertex> nextRing;
        for (const Vertex v : ring) {
            for (const Vertex w : boost::make_iterator_range(boost::adjacent_vertices(v, d->graph))) {
                if (seen[w])
                    continue;
                seen[w] = true;
                nextRing.push_back(w);
                result.append({d->nodes.at(qsizetype(w)).entityId, distance + 1});
            }
        }
        ring.swap(nextRing);
    }
    return result;
}

} // namespace NewsGraph
