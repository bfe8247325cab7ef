#include "core/graph/GraphLayout.h"

#include "core/common/EnumNames.h"
#include "core/graph/EntityGraph.h"
#include "core/graph/LayoutGraph.h"
#include "core/graph/MultilevelLayout.h"

#include <QRectF>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
// Kamada–Kawai runs Johnson's all-pairs shortest paths, whose edge
// iterators g++ 12 takes for uninitialised once inlined (a false positive;
// the optional it sees is always engaged).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/johnson_all_pairs_shortest.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#pragma GCC diagnostic pop
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr std::array allLayoutAlgorithms{LayoutAlgorithm::ForceDirected, LayoutAlgorithm::KamadaKawai,
                                         LayoutAlgorithm::Circular, LayoutAlgorithm::Radial,
                                         LayoutAlgorithm::Scalable};

constexpr double edgeLength = 100.0;     // canvas units
constexpr double componentGap = 100.0;   // between packed components
constexpr double nodeRoom = 40.0;        // the widest node drawn: the least distance between two
constexpr double ringSpacing = 50.0;     // Radial: least distance between neighbours on a ring
constexpr int allPairsLimit = 400;       // ForceDirected: exact repulsion up to this many nodes
// Boost's Kamada–Kawai keeps three n x n matrices (with Johnson's) and
// moves one node at a time, at O(n) a move and tens of moves a node: 1,000
// entities take about 5 s, and time grows with the square.
constexpr int kamadaKawaiLimit = 1000;

QString cancelledMessage()
{
    return u"The layout was cancelled."_s;
}

bool isCancelled(const std::function<bool()> &cancelled)
{
    return cancelled && cancelled();
}

// What a per-component algorithm gets: the component as a graph of its
// own, with the initial and pinned positions of its nodes.
struct Component
{
    LayoutGraph graph;
    std::vector<int> nodes; // node i of graph is nodes[i] of the whole graph
    std::vector<QPointF> initial;
    std::vector<bool> hasInitial;
    std::vector<bool> pinned;
    int known = 0;
    int pinnedCount = 0;
    quint32 seed = 1;

    int size() const { return graph.nodeCount(); }
    // Initial positions hold it in place: it is aligned to them, not packed.
    bool anchored() const { return pinnedCount > 0 || (known > 0 && known * 2 >= size()); }
};

using Positions = std::vector<QPointF>;

// The initial positions, and random or neighbour-mean ones for the rest.
Positions seededPositions(const Component &component, std::mt19937 &random)
{
    Positions positions = component.initial;
    std::vector<bool> placed = component.hasInitial;
    placeUnplaced(component.graph, positions, placed, edgeLength, random);
    return positions;
}

// Depth-first preorder from the node with most links: a subtree stays in
// one arc, so on a circle most links join close nodes.
std::vector<int> depthFirstOrder(const LayoutGraph &graph)
{
    const int n = graph.nodeCount();
    std::vector<int> order;
    order.reserve(std::size_t(n));
    std::vector<bool> seen(std::size_t(n), false);
    std::vector<int> starts(static_cast<std::size_t>(n));
    std::iota(starts.begin(), starts.end(), 0);
    std::stable_sort(starts.begin(), starts.end(), [&](int a, int b) { return graph.degree(a) > graph.degree(b); });
    std::vector<std::pair<int, int>> stack; // node, next neighbour to try
    for (const int start : starts) {
        if (seen[std::size_t(start)])
            continue;
        seen[std::size_t(start)] = true;
        order.push_back(start);
        stack.emplace_back(start, 0);
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            const std::span<const int> around = graph.neighboursOf(v);
            if (next >= int(around.size())) {
                stack.pop_back();
                continue;
            }
            const int w = around[std::size_t(next++)];
            if (!seen[std::size_t(w)]) {
                seen[std::size_t(w)] = true;
                order.push_back(w);
                stack.emplace_back(w, 0);
            }
        }
    }
    return order;
}

// Radius of a circle on which n nodes in a row are `spacing` apart.
double circleRadius(std::size_t n, double spacing)
{
    return n < 2 ? 0.0 : spacing / 2 / std::sin(std::numbers::pi / double(n));
}

// --- ForceDirected: Boost's Fruchterman–Reingold

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                         boost::property<boost::edge_weight_t, double>>;
using Topology = boost::rectangle_topology<boost::minstd_rand>;
using BoostPoint = Topology::point_type;

BoostGraph boostGraph(const LayoutGraph &graph)
{
    BoostGraph g(std::size_t(graph.nodeCount()));
    for (int v = 0; v < graph.nodeCount(); ++v) {
        for (const int w : graph.neighboursOf(v)) {
            if (w > v)
                boost::add_edge(std::size_t(v), std::size_t(w), 1.0, g);
        }
    }
    return g;
}

// Boost's FR has no notion of pinning: it writes every position through
// this map, which drops the writes to pinned nodes, and those that are not
// finite (FR divides by a node's displacement, which can be exactly zero).
struct PinnedPositionMap
{
    using key_type = std::size_t;
    using value_type = BoostPoint;
    using reference = BoostPoint;
    using category = boost::read_write_property_map_tag;

    std::vector<BoostPoint> *positions = nullptr;
    const std::vector<bool> *pinned = nullptr;

    friend BoostPoint get(const PinnedPositionMap &map, std::size_t v) { return (*map.positions)[v]; }
    friend void put(const PinnedPositionMap &map, std::size_t v, const BoostPoint &p)
    {
        if (!(*map.pinned)[v] && std::isfinite(p[0]) && std::isfinite(p[1]))
            (*map.positions)[v] = p;
    }
};

// FR's forces with the natural length in canvas units rather than derived
// from the drawing area, which here is only a fence.
struct Attraction
{
    double k;
    template<typename Graph>
    double operator()(typename boost::graph_traits<Graph>::edge_descriptor, double, double d, const Graph &) const
    {
        return d * d / k;
    }
};

struct Repulsion
{
    double k;
    template<typename Graph>
    double operator()(typename boost::graph_traits<Graph>::vertex_descriptor,
                      typename boost::graph_traits<Graph>::vertex_descriptor, double, double d, const Graph &) const
    {
        return k * k / d;
    }
};

// Repulsion between nodes less than 2k apart only, found through a grid of
// 2k cells: FR's own grid_force_pairs, but sized by k instead of by the
// area. Large components only; smaller ones get all pairs.
struct GridForcePairs
{
    double cell;
    const std::vector<BoostPoint> *positions;

    template<typename Graph, typename ApplyForce>
    void operator()(const Graph &g, ApplyForce applyForce) const
    {
        const std::size_t n = boost::num_vertices(g);
        std::vector<std::pair<std::pair<qint64, qint64>, std::size_t>> keyed(n);
        for (std::size_t v = 0; v < n; ++v) {
            const BoostPoint &p = (*positions)[v];
            keyed[v] = {{qint64(std::floor(p[0] / cell)), qint64(std::floor(p[1] / cell))}, v};
        }
        std::sort(keyed.begin(), keyed.end());
        const double cell2 = cell * cell;
        for (const auto &[key, u] : keyed) {
            for (qint64 dx = -1; dx <= 1; ++dx) {
                for (qint64 dy = -1; dy <= 1; ++dy) {
                    const std::pair<qint64, qint64> around{key.first + dx, key.second + dy};
                    auto it = std::lower_bound(keyed.begin(), keyed.end(), std::make_pair(around, std::size_t(0)));
                    for (; it != keyed.end() && it->first == around; ++it) {
                        const std::size_t v = it->second;
                        if (v == u)
                            continue;
                        const double ex = (*positions)[u][0] - (*positions)[v][0];
                        const double ey = (*positions)[u][1] - (*positions)[v][1];
                        if (ex * ex + ey * ey < cell2)
                            applyForce(v, u); // pushes u away from v; (u, v) comes when v is visited
                    }
                }
            }
        }
    }
};

// Linear cooling that also polls for cancellation: FR stops when the
// temperature reaches zero.
struct Cooling
{
    double temperature;
    double decrement;
    const std::function<bool()> *cancelled;
    bool *wasCancelled;

    double operator()()
    {
        if (isCancelled(*cancelled)) {
            *wasCancelled = true;
            return 0.0;
        }
        const double current = temperature;
        temperature = std::max(0.0, temperature - decrement);
        return current;
    }
};

std::optional<Positions> forceDirected(const Component &component, const std::function<bool()> &cancelled)
{
    const int n = component.size();
    const BoostGraph g = boostGraph(component.graph);
    std::vector<BoostPoint> points(static_cast<std::size_t>(n));
    // minstd_rand must not be seeded with 0 (mod 2^31 - 1).
    boost::minstd_rand generator(component.seed % 2147483646u + 1u);
    const double side = edgeLength * std::sqrt(double(n));
    if (component.known == 0) {
        Topology start(generator, -side / 2, -side / 2, side / 2, side / 2);
        boost::random_graph_layout(g, boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, g)),
                                   start);
    } else {
        std::mt19937 random(component.seed);
        const Positions seeded = seededPositions(component, random);
        for (std::size_t v = 0; v < seeded.size(); ++v) {
            points[v][0] = seeded[v].x();
            points[v][1] = seeded[v].y();
        }
    }

    // A fence well clear of the start, so that bounding positions to it
    // never bites in practice.
    double left = std::numeric_limits<double>::max(), top = left;
    double right = std::numeric_limits<double>::lowest(), bottom = right;
    for (const BoostPoint &p : points) {
        left = std::min(left, p[0]);
        right = std::max(right, p[0]);
        top = std::min(top, p[1]);
        bottom = std::max(bottom, p[1]);
    }
    const double margin = 4 * side + std::max(right - left, bottom - top);
    const Topology fence(generator, left - margin, top - margin, right + margin, bottom + margin);

    // From random positions the temperature starts at a tenth of the
    // drawing. From given ones, which should only settle, at a fraction of
    // an edge, and with the natural length at which their scale is in
    // balance (sum(d^3) / k = k^2 n(n - 1) / 2 for FR's d^2 / k and
    // k^2 / d), so that they neither grow nor shrink as a whole.
    const bool fromScratch = component.known * 2 < n;
    double k = edgeLength;
    if (!fromScratch) {
        double cubes = 0;
        for (int v = 0; v < n; ++v) {
            for (const int w : component.graph.neighboursOf(v)) {
                if (w > v)
                    cubes += std::pow(std::hypot(points[std::size_t(v)][0] - points[std::size_t(w)][0],
                                                 points[std::size_t(v)][1] - points[std::size_t(w)][1]),
                                      3);
            }
        }
        if (cubes > 0)
            k = std::cbrt(cubes / (double(n) * double(n - 1) / 2));
    }
    const int iterations = fromScratch ? (n <= 100 ? 300 : 200) : 50;
    const double temperature = fromScratch ? side / 10 : k / 20;
    bool wasCancelled = false;
    std::vector<Topology::point_difference_type> displacement(static_cast<std::size_t>(n));
    const PinnedPositionMap position{&points, &component.pinned};
    const Cooling cooling{temperature, temperature / iterations, &cancelled, &wasCancelled};
    const auto displacementMap = boost::make_iterator_property_map(displacement.begin(), boost::get(boost::vertex_index, g));
    if (n <= allPairsLimit) {
        boost::fruchterman_reingold_force_directed_layout(g, position, fence, Attraction{k}, Repulsion{k},
                                                          boost::all_force_pairs(), cooling, displacementMap);
    } else {
        boost::fruchterman_reingold_force_directed_layout(g, position, fence, Attraction{k}, Repulsion{k},
                                                          GridForcePairs{2 * k, &points}, cooling, displacementMap);
    }
    if (wasCancelled)
        return std::nullopt;
    Positions result(static_cast<std::size_t>(n));
    for (std::size_t v = 0; v < result.size(); ++v)
        result[v] = QPointF(points[v][0], points[v][1]);
    return result;
}

// --- KamadaKawai: Boost's Kamada–Kawai

// Stops the outer loop when the largest energy gradient is small or after
// a number of moves proportional to the size, and the Newton steps on one
// node after a few; Boost's layout_tolerance instead stops as soon as two
// successive maxima are close, which can be long before convergence.
struct KamadaKawaiDone
{
    double epsilon;
    int moveLimit;
    const std::function<bool()> *cancelled;
    bool *wasCancelled;
    int moves = 0;
    int newtonSteps = 0;

    template<typename Graph>
    bool operator()(double delta, typename boost::graph_traits<Graph>::vertex_descriptor, const Graph &, bool global)
    {
        if (!global)
            return delta < epsilon || ++newtonSteps >= 20;
        newtonSteps = 0;
        if (isCancelled(*cancelled)) {
            *wasCancelled = true;
            return true;
        }
        return delta < epsilon || ++moves > moveLimit;
    }
};

// Boost's solver computes the system's energy at every Newton step "for
// debugging" and never uses it: O(n²) per step, which made 500 nodes take a
// minute and a half. Its distance() is the only call in that loop; declared
// const here (no side effects, not inlined, so errno handling cannot give
// it one), it lets the compiler drop the loop as dead code. norm() is the
// plain Euclidean norm, which Boost computes with repeated hypot calls.
[[gnu::const, gnu::noinline]] double euclidean(double dx, double dy)
{
    return std::sqrt(dx * dx + dy * dy);
}

struct KamadaKawaiTopology : boost::square_topology<>
{
    double distance(point_type a, point_type b) const { return euclidean(a[0] - b[0], a[1] - b[1]); }
    double norm(point_difference_type d) const { return std::sqrt(d[0] * d[0] + d[1] * d[1]); }
};

// Hop distances from every node, n breadth-first searches.
std::vector<std::vector<int>> hopDistances(const LayoutGraph &graph)
{
    const int n = graph.nodeCount();
    std::vector<std::vector<int>> distances(std::size_t(n), std::vector<int>(std::size_t(n), -1));
    std::vector<int> queue;
    for (int s = 0; s < n; ++s) {
        std::vector<int> &d = distances[std::size_t(s)];
        queue.assign(1, s);
        d[std::size_t(s)] = 0;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const int v = queue[head];
            for (const int w : graph.neighboursOf(v)) {
                if (d[std::size_t(w)] < 0) {
                    d[std::size_t(w)] = d[std::size_t(v)] + 1;
                    queue.push_back(w);
                }
            }
        }
    }
    return distances;
}

// Gansner, Koren and North (2004), stress majorization, node by node: it
// minimises the Kamada–Kawai energy (weights 1 / hops²) and, unlike Boost's
// solver, can hold some nodes still. Used to settle a Kamada–Kawai layout
// around pinned nodes.
bool settleAroundPinned(const LayoutGraph &graph, Positions &positions, const std::vector<bool> &pinned,
                        double length, const std::function<bool()> &cancelled)
{
    const int n = graph.nodeCount();
    const std::vector<std::vector<int>> hops = hopDistances(graph);
    for (int sweep = 0; sweep < 200; ++sweep) {
        if (isCancelled(cancelled))
            return false;
        double moved = 0;
        for (int i = 0; i < n; ++i) {
            if (pinned[std::size_t(i)])
                continue;
            QPointF sum;
            double weights = 0;
            const QPointF pi = positions[std::size_t(i)];
            for (int j = 0; j < n; ++j) {
                const int h = hops[std::size_t(i)][std::size_t(j)];
                if (j == i || h <= 0)
                    continue;
                const double w = 1.0 / (double(h) * double(h));
                const QPointF delta = pi - positions[std::size_t(j)];
                const double d = std::max(std::hypot(delta.x(), delta.y()), 1e-6);
                sum += w * (positions[std::size_t(j)] + delta * (length * h / d));
                weights += w;
            }
            if (weights > 0) {
                const QPointF next = sum / weights;
                moved = std::max(moved, std::hypot(next.x() - pi.x(), next.y() - pi.y()));
                positions[std::size_t(i)] = next;
            }
        }
        if (moved < 0.01 * length)
            break;
    }
    return true;
}

Result<Positions> kamadaKawai(const Component &component, const std::function<bool()> &cancelled)
{
    const int n = component.size();
    if (n > kamadaKawaiLimit) {
        return Error{u"Kamada–Kawai lays out connected groups of up to %1 entities, and this graph has one of %2; "
                     "use the scalable or force-directed layout, or filter the graph."_s
                         .arg(kamadaKawaiLimit)
                         .arg(n)};
    }
    if (n < 2)
        return Positions(std::size_t(n), component.known > 0 ? component.initial[0] : QPointF());

    const BoostGraph g = boostGraph(component.graph);
    Positions start;
    if (component.known == 0) {
        // Boost's advice: start on a regular polygon. Depth-first order puts
        // linked nodes side by side, which spares the solver many folds.
        start.resize(std::size_t(n));
        const std::vector<int> order = depthFirstOrder(component.graph);
        const double radius = circleRadius(std::size_t(n), edgeLength);
        for (std::size_t i = 0; i < order.size(); ++i) {
            const double angle = 2 * std::numbers::pi * double(i) / double(n);
            start[std::size_t(order[i])] = QPointF(radius * std::cos(angle), radius * std::sin(angle));
        }
    } else {
        std::mt19937 random(component.seed);
        start = seededPositions(component, random);
    }
    // Given positions keep their scale: hops are measured in their edges.
    double length = edgeLength;
    if (component.known * 2 >= n) {
        if (const double given = meanEdgeLength(component.graph, start); given > 0)
            length = given;
    }
    std::vector<BoostPoint> points(static_cast<std::size_t>(n));
    for (std::size_t v = 0; v < points.size(); ++v) {
        points[v][0] = start[v].x();
        points[v][1] = start[v].y();
    }

    bool wasCancelled = false;
    const KamadaKawaiTopology topology;
    const bool ok = boost::kamada_kawai_spring_layout(
        g, boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, g)),
        boost::get(boost::edge_weight, g), topology, boost::edge_length(length),
        KamadaKawaiDone{0.01 * length, 30 * n + 500, &cancelled, &wasCancelled});
    if (wasCancelled)
        return Error{cancelledMessage()};
    if (!ok)
        return Error{u"Kamada–Kawai could not lay out a group of %1 entities."_s.arg(n)};

    Positions result(static_cast<std::size_t>(n));
    for (std::size_t v = 0; v < result.size(); ++v)
        result[v] = QPointF(points[v][0], points[v][1]);
    if (component.pinnedCount > 0) {
        // Boost's solver moves every node; fit the layout to the pinned
        // ones, put them back, and let the others settle around them.
        std::vector<int> anchors;
        std::vector<QPointF> targets;
        for (int v = 0; v < n; ++v) {
            if (component.pinned[std::size_t(v)]) {
                anchors.push_back(v);
                targets.push_back(component.initial[std::size_t(v)]);
            }
        }
        alignToAnchors(result, anchors, targets);
        for (std::size_t i = 0; i < anchors.size(); ++i)
            result[std::size_t(anchors[i])] = targets[i];
        if (!settleAroundPinned(component.graph, result, component.pinned, length, cancelled))
            return Error{cancelledMessage()};
    }
    return result;
}

// --- Circular

Positions circular(const Component &component)
{
    const std::vector<int> order = depthFirstOrder(component.graph);
    const double radius = circleRadius(order.size(), edgeLength);
    Positions result(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        // From the top, clockwise on a screen whose y axis points down.
        const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * double(i) / double(order.size());
        result[std::size_t(order[i])] = QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return result;
}

// --- Radial

// Moves angles as little as possible (least squares) so that consecutive
// ones are at least `gap` apart, keeping their order: with a[i] - i * gap
// the constraint becomes "non-decreasing", which pool-adjacent-violators
// solves exactly. The angles are sorted and span less than 2 pi; the circle
// is cut at their widest gap first.
void spreadOnCircle(std::vector<double> &angles, double gap)
{
    const std::size_t m = angles.size();
    if (m < 2)
        return;
    if (gap * double(m) >= 2 * std::numbers::pi) {
        const double first = angles.front();
        for (std::size_t i = 0; i < m; ++i)
            angles[i] = first + 2 * std::numbers::pi * double(i) / double(m);
        return;
    }
    std::size_t cut = 0; // the widest gap is before angles[cut]
    double widest = angles.front() + 2 * std::numbers::pi - angles.back();
    for (std::size_t i = 1; i < m; ++i) {
        if (angles[i] - angles[i - 1] > widest) {
            widest = angles[i] - angles[i - 1];
            cut = i;
        }
    }
    std::vector<double> unrolled(m);
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t j = (cut + i) % m;
        unrolled[i] = angles[j] + (j < cut ? 2 * std::numbers::pi : 0.0) - double(i) * gap;
    }
    // Pool adjacent violators: blocks of (mean, count).
    std::vector<std::pair<double, std::size_t>> blocks;
    for (const double value : unrolled) {
        blocks.emplace_back(value, 1);
        while (blocks.size() > 1 && blocks[blocks.size() - 2].first > blocks.back().first) {
            const auto [mean, count] = blocks.back();
            blocks.pop_back();
            auto &previous = blocks.back();
            previous.first = (previous.first * double(previous.second) + mean * double(count))
                             / double(previous.second + count);
            previous.second += count;
        }
    }
    std::size_t i = 0;
    for (const auto &[mean, count] : blocks) {
        for (std::size_t c = 0; c < count; ++c, ++i)
            angles[(cut + i) % m] = mean + double(i) * gap;
    }
}

// Rings of hop distance around the focus, each node in the middle of an
// angular wedge proportional to the leaves below it in the breadth-first
// tree, so that a subtree keeps to its own sector (Eades 1992). Rings are at
// least an edge apart and wide enough for their nodes; nodes the focus
// cannot reach go on one more ring, component by component.
Positions radial(const LayoutGraph &graph, int focus)
{
    const int n = graph.nodeCount();
    std::vector<int> depth(std::size_t(n), -1), parent(std::size_t(n), -1), order{focus};
    depth[std::size_t(focus)] = 0;
    for (std::size_t head = 0; head < order.size(); ++head) {
        const int v = order[head];
        for (const int w : graph.neighboursOf(v)) {
            if (depth[std::size_t(w)] < 0) {
                depth[std::size_t(w)] = depth[std::size_t(v)] + 1;
                parent[std::size_t(w)] = v;
                order.push_back(w);
            }
        }
    }
    std::vector<double> leaves(std::size_t(n), 0.0);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::size_t v = std::size_t(*it);
        leaves[v] = std::max(leaves[v], 1.0);
        if (parent[v] >= 0)
            leaves[std::size_t(parent[v])] += leaves[v];
    }
    // Wedges, parents before children, children in breadth-first order.
    std::vector<double> wedgeStart(std::size_t(n), 0.0), wedgeSize(std::size_t(n), 0.0), angle(std::size_t(n), 0.0);
    std::vector<double> childStart(std::size_t(n), 0.0);
    wedgeSize[std::size_t(focus)] = 2 * std::numbers::pi;
    for (const int v : order) {
        const std::size_t i = std::size_t(v);
        if (parent[i] >= 0) {
            const std::size_t p = std::size_t(parent[i]);
            // A parent's leaves are the sum of its children's.
            wedgeSize[i] = wedgeSize[p] * leaves[i] / leaves[p];
            wedgeStart[i] = wedgeStart[p] + childStart[p];
            childStart[p] += wedgeSize[i];
            angle[i] = wedgeStart[i] + wedgeSize[i] / 2;
        }
    }

    const int maximumDepth = depth[std::size_t(order.back())];
    std::vector<std::vector<int>> rings(std::size_t(maximumDepth) + 1);
    for (const int v : order)
        rings[std::size_t(depth[std::size_t(v)])].push_back(v);
    Positions result(static_cast<std::size_t>(n));
    double radius = 0;
    for (std::size_t d = 1; d < rings.size(); ++d) {
        std::vector<int> &ring = rings[d];
        radius = std::max(radius + edgeLength, circleRadius(ring.size(), ringSpacing));
        std::stable_sort(ring.begin(), ring.end(),
                         [&](int a, int b) { return angle[std::size_t(a)] < angle[std::size_t(b)]; });
        std::vector<double> angles;
        for (const int v : ring)
            angles.push_back(angle[std::size_t(v)]);
        spreadOnCircle(angles, ring.size() > 1 ? 2 * std::asin(std::min(1.0, ringSpacing / 2 / radius)) : 0.0);
        for (std::size_t i = 0; i < ring.size(); ++i) {
            // Angle 0 at the top, as a clock.
            const double a = angles[i] - std::numbers::pi / 2;
            result[std::size_t(ring[i])] = QPointF(radius * std::cos(a), radius * std::sin(a));
        }
    }

    std::vector<int> unreachable;
    for (const std::vector<int> &component : graph.components()) {
        if (depth[std::size_t(component.front())] < 0)
            unreachable.insert(unreachable.end(), component.begin(), component.end());
    }
    if (!unreachable.empty()) {
        radius = std::max(radius + 2 * edgeLength, circleRadius(unreachable.size(), ringSpacing));
        for (std::size_t i = 0; i < unreachable.size(); ++i) {
            const double a = -std::numbers::pi / 2 + 2 * std::numbers::pi * double(i) / double(unreachable.size());
            result[std::size_t(unreachable[i])] = QPointF(radius * std::cos(a), radius * std::sin(a));
        }
    }
    return result;
}

// --- Packing

// QRectF::united() skips empty rectangles, and a lone node's box is one.
QRectF unite(const QRectF &a, const QRectF &b)
{
    return QRectF(QPointF(std::min(a.left(), b.left()), std::min(a.top(), b.top())),
                  QPointF(std::max(a.right(), b.right()), std::max(a.bottom(), b.bottom())));
}

// Shelf packing (first fit by decreasing height) of the free components'
// boxes, padded by the room a node takes, into rows about as wide as the
// square root of their total area: a roughly square block, largest
// component first. Returns each component's offset.
std::vector<QPointF> packShelves(const std::vector<QRectF> &boxes)
{
    std::vector<std::size_t> order(boxes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return boxes[a].height() > boxes[b].height(); });
    double area = 0, widest = 0;
    for (const QRectF &box : boxes) {
        area += (box.width() + nodeRoom + componentGap) * (box.height() + nodeRoom + componentGap);
        widest = std::max(widest, box.width() + nodeRoom);
    }
    const double rowWidth = std::max(widest, std::sqrt(area));
    std::vector<QPointF> offsets(boxes.size());
    double x = 0, y = 0, shelfHeight = 0;
    for (const std::size_t i : order) {
        const double width = boxes[i].width() + nodeRoom;
        const double height = boxes[i].height() + nodeRoom;
        if (x > 0 && x + width > rowWidth) {
            x = 0;
            y += shelfHeight + componentGap;
            shelfHeight = 0;
        }
        // Place the padded box's top-left corner at (x, y).
        offsets[i] = QPointF(x + nodeRoom / 2, y + nodeRoom / 2) - boxes[i].topLeft();
        x += width + componentGap;
        shelfHeight = std::max(shelfHeight, height);
    }
    return offsets;
}

void scaleToEdgeLength(const LayoutGraph &graph, Positions &positions)
{
    const double length = meanEdgeLength(graph, positions);
    if (length <= 0)
        return;
    const QPointF centre = centroid(positions);
    for (QPointF &p : positions)
        p = centre + (p - centre) * (edgeLength / length);
}

Result<Positions> layoutComponent(LayoutAlgorithm algorithm, const Component &component,
                                  const std::function<bool()> &cancelled)
{
    const int n = component.size();
    if (n == 1)
        return Positions{component.known > 0 ? component.initial[0] : QPointF()};
    Positions positions;
    switch (algorithm) {
    case LayoutAlgorithm::ForceDirected: {
        std::optional<Positions> laidOut = forceDirected(component, cancelled);
        if (!laidOut)
            return Error{cancelledMessage()};
        positions = std::move(*laidOut);
        break;
    }
    case LayoutAlgorithm::KamadaKawai: {
        Result<Positions> laidOut = kamadaKawai(component, cancelled);
        if (!laidOut)
            return laidOut;
        positions = std::move(laidOut).value();
        break;
    }
    case LayoutAlgorithm::Scalable: {
        MultilevelLayoutOptions multilevel;
        multilevel.seed = component.seed;
        multilevel.edgeLength = edgeLength;
        multilevel.initial = component.initial;
        multilevel.hasInitial = component.hasInitial;
        multilevel.pinned = component.pinned;
        multilevel.nodeRoom = nodeRoom;
        multilevel.cancelled = cancelled;
        std::optional<Positions> laidOut = multilevelLayout(component.graph, multilevel);
        if (!laidOut)
            return Error{cancelledMessage()};
        positions = std::move(*laidOut);
        break;
    }
    case LayoutAlgorithm::Circular:
    case LayoutAlgorithm::Radial: // laid out whole, never per component
        positions = circular(component);
        if (component.anchored()) {
            std::vector<int> anchors;
            std::vector<QPointF> targets;
            for (int v = 0; v < n; ++v) {
                if (component.hasInitial[std::size_t(v)]) {
                    anchors.push_back(v);
                    targets.push_back(component.initial[std::size_t(v)]);
                }
            }
            alignToAnchors(positions, anchors, targets);
        }
        if (component.pinnedCount > 0) {
            // Off the circle now, they may land on others.
            for (int v = 0; v < n; ++v) {
                if (component.pinned[std::size_t(v)])
                    positions[std::size_t(v)] = component.initial[std::size_t(v)];
            }
            separateNodes(positions, component.pinned, nodeRoom, false);
        }
        return positions;
    }
    // A layout from scratch gets the canvas scale: the mean edge as the
    // unit, then spread where nodes would overlap. One held by initial or
    // pinned positions keeps theirs, with its overlaps pushed apart.
    const bool fromScratch = !component.anchored();
    if (fromScratch)
        scaleToEdgeLength(component.graph, positions);
    separateNodes(positions, component.pinned, nodeRoom, fromScratch);
    return positions;
}

} // namespace

QString layoutAlgorithmName(LayoutAlgorithm algorithm)
{
    switch (algorithm) {
    case LayoutAlgorithm::ForceDirected:
        return u"force"_s;
    case LayoutAlgorithm::KamadaKawai:
        return u"kamada-kawai"_s;
    case LayoutAlgorithm::Circular:
        return u"circular"_s;
    case LayoutAlgorithm::Radial:
        return u"radial"_s;
    case LayoutAlgorithm::Scalable:
        return u"scalable"_s;
    }
    return {};
}

std::optional<LayoutAlgorithm> layoutAlgorithmFromName(QStringView name)
{
    return enumFromName(name, allLayoutAlgorithms, layoutAlgorithmName);
}

QStringList layoutAlgorithmNames()
{
    return enumNames(allLayoutAlgorithms, layoutAlgorithmName);
}

Result<QHash<qint64, QPointF>> computeLayout(const EntityGraph &graph, const LayoutOptions &options)
{
    const QList<GraphNode> &nodes = graph.nodes();
    const int n = int(nodes.size());
    int focus = -1;
    if (options.algorithm == LayoutAlgorithm::Radial && options.focus != 0) {
        focus = int(graph.indexOf(options.focus));
        if (focus < 0)
            return Error{u"The radial layout's focus, entity %1, is not in the graph (it may be filtered out)."_s.arg(
                options.focus)};
    }
    QHash<qint64, QPointF> result;
    if (n == 0)
        return result;

    const LayoutGraph layoutGraph = LayoutGraph::fromEntityGraph(graph);
    std::vector<QPointF> initial(static_cast<std::size_t>(n));
    std::vector<bool> hasInitial(std::size_t(n), false), pinned(std::size_t(n), false);
    for (int v = 0; v < n; ++v) {
        const auto it = options.initial.constFind(nodes.at(v).entityId);
        if (it != options.initial.cend() && std::isfinite(it->x()) && std::isfinite(it->y())) {
            initial[std::size_t(v)] = *it;
            hasInitial[std::size_t(v)] = true;
            pinned[std::size_t(v)] = options.pinned.contains(nodes.at(v).entityId);
        }
    }

    Positions positions(static_cast<std::size_t>(n));
    if (options.algorithm == LayoutAlgorithm::Radial) {
        if (focus < 0) {
            focus = 0;
            for (int v = 1; v < n; ++v) {
                if (layoutGraph.degree(v) > layoutGraph.degree(focus))
                    focus = v;
            }
        }
        positions = radial(layoutGraph, focus);
        // Pinned nodes hold the rings in place: around the focus if it is
        // pinned, else where the pinned nodes are on average.
        QPointF shift;
        int count = 0;
        for (int v = 0; v < n; ++v) {
            if (pinned[std::size_t(v)] && (!pinned[std::size_t(focus)] || v == focus)) {
                shift += initial[std::size_t(v)] - positions[std::size_t(v)];
                ++count;
            }
        }
        for (QPointF &p : positions)
            p += shift / std::max(count, 1);
        if (count > 0) {
            for (int v = 0; v < n; ++v) {
                if (pinned[std::size_t(v)])
                    positions[std::size_t(v)] = initial[std::size_t(v)];
            }
            separateNodes(positions, pinned, nodeRoom, false);
        }
    } else {
        const std::vector<std::vector<int>> components = layoutGraph.components();
        std::vector<LayoutGraph> componentGraphs = layoutGraph.split(components);
        std::vector<Positions> laidOut(components.size());
        std::vector<bool> anchored(components.size(), false);
        for (std::size_t c = 0; c < components.size(); ++c) {
            if (isCancelled(options.cancelled))
                return Error{cancelledMessage()};
            Component component;
            component.nodes = components[c];
            component.graph = std::move(componentGraphs[c]);
            component.seed = options.seed + quint32(c) * 0x9e3779b9u; // a different start for each
            for (const int v : component.nodes) {
                component.initial.push_back(initial[std::size_t(v)]);
                component.hasInitial.push_back(hasInitial[std::size_t(v)]);
                component.pinned.push_back(pinned[std::size_t(v)]);
                component.known += hasInitial[std::size_t(v)] ? 1 : 0;
                component.pinnedCount += pinned[std::size_t(v)] ? 1 : 0;
            }
            Result<Positions> placed = layoutComponent(options.algorithm, component, options.cancelled);
            if (!placed)
                return Error{placed.error()};
            laidOut[c] = std::move(placed).value();
            anchored[c] = component.anchored();
        }

        // The anchored components stay; the others are packed into a block
        // centred on the origin, or set below the anchored ones.
        std::vector<QRectF> boxes;
        std::vector<std::size_t> free;
        for (std::size_t c = 0; c < components.size(); ++c) {
            if (!anchored[c]) {
                boxes.push_back(boundingBox(laidOut[c]));
                free.push_back(c);
            }
        }
        std::vector<QPointF> offsets = packShelves(boxes);
        QRectF block;
        for (std::size_t i = 0; i < free.size(); ++i) {
            const QRectF moved = boxes[i].translated(offsets[i]);
            block = i == 0 ? moved : unite(block, moved);
        }
        const bool anyAnchored = std::find(anchored.begin(), anchored.end(), true) != anchored.end();
        QPointF shift = -block.center();
        if (anyAnchored) {
            QRectF box;
            bool first = true;
            for (std::size_t c = 0; c < components.size(); ++c) {
                if (anchored[c]) {
                    box = first ? boundingBox(laidOut[c]) : unite(box, boundingBox(laidOut[c]));
                    first = false;
                }
            }
            shift = QPointF(box.left(), box.bottom() + nodeRoom + componentGap) - block.topLeft();
        }
        for (std::size_t i = 0; i < free.size(); ++i) {
            for (QPointF &p : laidOut[free[i]])
                p += offsets[i] + shift;
        }
        for (std::size_t c = 0; c < components.size(); ++c) {
            for (std::size_t i = 0; i < components[c].size(); ++i)
                positions[std::size_t(components[c][i])] = laidOut[c][i];
        }
    }

    result.reserve(n);
    for (int v = 0; v < n; ++v) {
        QPointF p = pinned[std::size_t(v)] ? initial[std::size_t(v)] : positions[std::size_t(v)];
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            p = QPointF(); // never expected; a canvas must not get NaN
        result.insert(nodes.at(v).entityId, p);
    }
    return result;
}

} // namespace NewsGraph
