#include "core/graph/LayoutGraph.h"

#include "core/graph/EntityGraph.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <unordered_map>

namespace NewsGraph {

LayoutGraph LayoutGraph::fromEdges(int nodeCount, std::vector<std::pair<int, int>> edges)
{
    for (auto &edge : edges) {
        if (edge.first > edge.second)
            std::swap(edge.first, edge.second);
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::erase_if(edges, [](const std::pair<int, int> &edge) { return edge.first == edge.second; });

    LayoutGraph graph;
    graph.offsets.assign(std::size_t(nodeCount) + 1, 0);
    for (const auto &[a, b] : edges) {
        ++graph.offsets[std::size_t(a) + 1];
        ++graph.offsets[std::size_t(b) + 1];
    }
    for (std::size_t v = 0; v < std::size_t(nodeCount); ++v)
        graph.offsets[v + 1] += graph.offsets[v];
    graph.neighbours.resize(edges.size() * 2);
    std::vector<int> fill(graph.offsets.begin(), graph.offsets.end() - 1);
    // Edges are sorted by (smaller, larger) end: filling both rows in this
    // order leaves every row ascending without another sort.
    for (const auto &[a, b] : edges)
        graph.neighbours[std::size_t(fill[std::size_t(b)]++)] = a;
    for (const auto &[a, b] : edges)
        graph.neighbours[std::size_t(fill[std::size_t(a)]++)] = b;
    return graph;
}

LayoutGraph LayoutGraph::fromEntityGraph(const EntityGraph &graph)
{
    std::vector<std::pair<int, int>> edges;
    edges.reserve(std::size_t(graph.edgeCount()));
    for (const GraphEdge &edge : graph.edges()) {
        const qsizetype a = graph.indexOf(edge.source);
        const qsizetype b = graph.indexOf(edge.target);
        if (a >= 0 && b >= 0)
            edges.emplace_back(int(a), int(b));
    }
    return fromEdges(int(graph.nodeCount()), std::move(edges));
}

std::vector<LayoutGraph> LayoutGraph::split(const std::vector<std::vector<int>> &groups) const
{
    std::vector<int> group(std::size_t(nodeCount()), -1), local(std::size_t(nodeCount()), -1);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (std::size_t i = 0; i < groups[g].size(); ++i) {
            group[std::size_t(groups[g][i])] = int(g);
            local[std::size_t(groups[g][i])] = int(i);
        }
    }
    std::vector<LayoutGraph> result(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        LayoutGraph &graph = result[g];
        graph.offsets.assign(groups[g].size() + 1, 0);
        for (std::size_t i = 0; i < groups[g].size(); ++i) {
            const auto rowStart = graph.neighbours.size();
            for (const int w : neighboursOf(groups[g][i])) {
                if (group[std::size_t(w)] == int(g))
                    graph.neighbours.push_back(local[std::size_t(w)]);
            }
            std::sort(graph.neighbours.begin() + std::ptrdiff_t(rowStart), graph.neighbours.end());
            graph.offsets[i + 1] = int(graph.neighbours.size());
        }
    }
    return result;
}

std::vector<std::vector<int>> LayoutGraph::components() const
{
    const int n = nodeCount();
    std::vector<std::vector<int>> result;
    std::vector<bool> seen(std::size_t(n), false);
    for (int start = 0; start < n; ++start) {
        if (seen[std::size_t(start)])
            continue;
        std::vector<int> component{start};
        seen[std::size_t(start)] = true;
        for (std::size_t head = 0; head < component.size(); ++head) {
            for (const int w : neighboursOf(component[head])) {
                if (!seen[std::size_t(w)]) {
                    seen[std::size_t(w)] = true;
                    component.push_back(w);
                }
            }
        }
        result.push_back(std::move(component));
    }
    // Stable: equal sizes stay in order of their smallest node.
    std::stable_sort(result.begin(), result.end(),
                     [](const std::vector<int> &a, const std::vector<int> &b) { return a.size() > b.size(); });
    return result;
}

void placeUnplaced(const LayoutGraph &graph, std::vector<QPointF> &positions, std::vector<bool> &placed,
                   double edgeLength, std::mt19937 &random)
{
    const int n = graph.nodeCount();
    positions.resize(std::size_t(n));
    placed.resize(std::size_t(n), false);

    std::vector<int> queue;
    std::vector<bool> queued(std::size_t(n), false);
    for (int v = 0; v < n; ++v) {
        if (placed[std::size_t(v)]) {
            queue.push_back(v);
            queued[std::size_t(v)] = true;
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const int v = queue[head];
        if (!placed[std::size_t(v)]) {
            QPointF sum;
            int count = 0;
            for (const int w : graph.neighboursOf(v)) {
                if (placed[std::size_t(w)]) {
                    sum += positions[std::size_t(w)];
                    ++count;
                }
            }
            // Not exactly on the mean: two new leaves of one node would
            // coincide, and coincident nodes feel no force between them.
            const double angle = 2.0 * std::numbers::pi * unitRandom(random);
            const double radius = edgeLength * (0.5 + 0.5 * unitRandom(random));
            positions[std::size_t(v)] = sum / std::max(count, 1)
                                        + QPointF(radius * std::cos(angle), radius * std::sin(angle));
            placed[std::size_t(v)] = true;
        }
        for (const int w : graph.neighboursOf(v)) {
            if (!queued[std::size_t(w)]) {
                queued[std::size_t(w)] = true;
                queue.push_back(w);
            }
        }
    }

    // Components with nothing placed: at random in a square sized for them.
    const std::vector<std::vector<int>> components = graph.components();
    for (const std::vector<int> &component : components) {
        if (placed[std::size_t(component.front())])
            continue;
        const double side = edgeLength * std::sqrt(double(component.size()));
        for (const int v : component) {
            positions[std::size_t(v)] = QPointF((unitRandom(random) - 0.5) * side, (unitRandom(random) - 0.5) * side);
            placed[std::size_t(v)] = true;
        }
    }
}

void alignToAnchors(std::vector<QPointF> &positions, const std::vector<int> &anchors,
                    const std::vector<QPointF> &targets)
{
    if (anchors.empty())
        return;
    QPointF from, to;
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        from += positions[std::size_t(anchors[i])];
        to += targets[i];
    }
    from /= double(anchors.size());
    to /= double(anchors.size());

    // For centred point sets a (ours) and b (targets), the rotation by t
    // maximising sum(b . R(t) a) has cos t ~ sum(a . b), sin t ~ sum(a x b);
    // the same with a mirrored gives the best reflection. Keep whichever
    // fits better.
    double dot = 0, cross = 0, mirrorDot = 0, mirrorCross = 0;
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        const QPointF a = positions[std::size_t(anchors[i])] - from;
        const QPointF b = targets[i] - to;
        dot += a.x() * b.x() + a.y() * b.y();
        cross += a.x() * b.y() - a.y() * b.x();
        mirrorDot += a.x() * b.x() - a.y() * b.y();
        mirrorCross += a.x() * b.y() + a.y() * b.x();
    }
    const bool mirror = std::hypot(mirrorDot, mirrorCross) > std::hypot(dot, cross) * (1.0 + 1e-9);
    const double angle = mirror ? std::atan2(mirrorCross, mirrorDot) : std::atan2(cross, dot);
    const double c = std::cos(angle), s = std::sin(angle);
    for (QPointF &p : positions) {
        QPointF a = p - from;
        if (mirror)
            a.setY(-a.y());
        p = to + QPointF(c * a.x() - s * a.y(), s * a.x() + c * a.y());
    }
}

namespace {

// Nodes bucketed in square cells of a given side, so that the nodes within
// that distance of one are in its cell or the eight around it.
class CellGrid
{
public:
    CellGrid(const std::vector<QPointF> &positions, double side)
        : m_side(side)
    {
        m_cells.reserve(positions.size());
        for (std::size_t i = 0; i < positions.size(); ++i)
            m_cells.push_back({keyOf(positions[i]), int(i)});
        std::sort(m_cells.begin(), m_cells.end());
    }

    template<typename Visit>
    void forEachNear(const QPointF &p, Visit visit) const
    {
        const Key key = keyOf(p);
        for (qint64 dx = -1; dx <= 1; ++dx) {
            for (qint64 dy = -1; dy <= 1; ++dy) {
                const Key around{key.first + dx, key.second + dy};
                auto it = std::lower_bound(m_cells.begin(), m_cells.end(), std::make_pair(around, -1));
                for (; it != m_cells.end() && it->first == around; ++it)
                    visit(it->second);
            }
        }
    }

private:
    using Key = std::pair<qint64, qint64>;
    Key keyOf(const QPointF &p) const
    {
        return {qint64(std::floor(p.x() / m_side)), qint64(std::floor(p.y() / m_side))};
    }

    double m_side;
    std::vector<std::pair<Key, int>> m_cells;
};

double squaredDistance(const QPointF &a, const QPointF &b)
{
    const QPointF d = a - b;
    return d.x() * d.x() + d.y() * d.y();
}

// Points placed so far, hashed by cell, to tell whether a spot is at least
// the minimum distance from all of them.
class PlacedNodes
{
public:
    explicit PlacedNodes(double minimumDistance)
        : m_minimum(minimumDistance)
    {
    }

    void add(const QPointF &p) { m_cells[keyOf(p)].push_back(p); }

    bool isFree(const QPointF &p) const
    {
        const auto [cx, cy] = cellOf(p);
        for (qint64 dx = -1; dx <= 1; ++dx) {
            for (qint64 dy = -1; dy <= 1; ++dy) {
                const auto it = m_cells.find(pack(cx + dx, cy + dy));
                if (it == m_cells.end())
                    continue;
                for (const QPointF &q : it->second) {
                    if (squaredDistance(p, q) < m_minimum * m_minimum * (1 - 1e-9))
                        return false;
                }
            }
        }
        return true;
    }

private:
    std::pair<qint64, qint64> cellOf(const QPointF &p) const
    {
        return {qint64(std::floor(p.x() / m_minimum)), qint64(std::floor(p.y() / m_minimum))};
    }
    static quint64 pack(qint64 x, qint64 y) { return quint64(x) * 0x9E3779B97F4A7C15ull ^ quint64(y); }
    quint64 keyOf(const QPointF &p) const
    {
        const auto [x, y] = cellOf(p);
        return pack(x, y);
    }

    double m_minimum;
    std::unordered_map<quint64, std::vector<QPointF>> m_cells;
};

} // namespace

void separateNodes(std::vector<QPointF> &positions, const std::vector<bool> &pinned, double minimumDistance,
                   bool mayScale)
{
    const std::size_t n = positions.size();
    if (n < 2)
        return;
    const double minimum2 = minimumDistance * minimumDistance;
    // A hairball of 100,000 nodes needs about 50 times its mean-edge size
    // to show them all apart. Spreading less leaves a core that the pushes
    // cannot open and the last step below must fill node by node, at a
    // cost growing with the square of its size.
    constexpr double maximumSpread = 100.0;
    // Spread until most nodes are clear of the others by a margin: the
    // pushes below then have room to work in, which they lack in a layout
    // crowded all over (they stall there).
    const double wantedMedian = 1.2 * minimumDistance;
    if (mayScale) {
        // Nearest-neighbour distances through cells about as wide as the
        // mean spacing, so that a crowded layout costs no more to measure
        // than a sparse one; distances are capped at the cell width, which
        // only matters once the spacing is about right.
        double spread = 1.0;
        for (int round = 0; round < 6 && spread < maximumSpread; ++round) {
            const QRectF box = boundingBox(positions);
            // Padded: nodes in a row have no area between them.
            const double spacing =
                std::sqrt((box.width() + minimumDistance) * (box.height() + minimumDistance) / double(n));
            const double side = std::clamp(2 * spacing, minimumDistance / 1000, wantedMedian);
            const CellGrid grid(positions, side);
            std::vector<double> nearest(n);
            for (std::size_t i = 0; i < n; ++i) {
                double best = side * side;
                grid.forEachNear(positions[i], [&](int j) {
                    if (std::size_t(j) != i)
                        best = std::min(best, squaredDistance(positions[i], positions[std::size_t(j)]));
                });
                nearest[i] = std::sqrt(best);
            }
            std::nth_element(nearest.begin(), nearest.begin() + std::ptrdiff_t(n / 2), nearest.end());
            const double median = nearest[n / 2];
            if (median >= wantedMedian)
                break;
            // A median at the cap is only a lower bound: spread by little
            // and measure again.
            const double wanted = median >= side * (1 - 1e-9) ? std::min(wantedMedian / side, 2.0)
                                                              : wantedMedian / std::max(median, side / 1000);
            const double factor = std::min(wanted, maximumSpread / spread);
            spread *= factor;
            const QPointF centre = centroid(positions);
            for (QPointF &p : positions)
                p = centre + (p - centre) * factor;
        }
    }

    // Pairwise pushes, all computed from the same positions and then applied
    // (Jacobi), so that the result does not depend on the visiting order.
    // They settle most overlaps organically, but can stall in the dense core
    // of a hairball, which the last step below takes care of.
    std::vector<QPointF> shift(n);
    std::size_t previouslyOverlapping = n;
    for (int sweep = 0; sweep < 50; ++sweep) {
        const CellGrid grid(positions, minimumDistance);
        std::fill(shift.begin(), shift.end(), QPointF());
        std::size_t overlapping = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!pinned.empty() && pinned[i])
                continue;
            bool overlaps = false;
            grid.forEachNear(positions[i], [&](int other) {
                const std::size_t j = std::size_t(other);
                if (j == i)
                    return;
                const double d2 = squaredDistance(positions[i], positions[j]);
                if (d2 >= minimum2)
                    return;
                overlaps = true;
                const double d = std::sqrt(d2);
                QPointF away = (positions[i] - positions[j]) / std::max(d, 1e-300);
                if (d < 1e-9 * minimumDistance) {
                    // Coincident: apart along a direction fixed by the pair.
                    const double angle = double((std::min(i, j) * 7919 + std::max(i, j) * 104729) % 360)
                                         * std::numbers::pi / 180.0;
                    away = QPointF(std::cos(angle), std::sin(angle)) * (i < j ? 1.0 : -1.0);
                }
                // Each side takes half the gap, all of it when the other is
                // pinned; a little more, so that the pair does clear.
                const double share = !pinned.empty() && pinned[j] ? 1.0 : 0.5;
                shift[i] += away * ((minimumDistance - d) * share * 1.05);
            });
            overlapping += overlaps ? 1 : 0;
            // Pushed from all sides, a node would overshoot.
            const double length = std::hypot(shift[i].x(), shift[i].y());
            if (length > minimumDistance)
                shift[i] *= minimumDistance / length;
        }
        if (overlapping == 0)
            break;
        for (std::size_t i = 0; i < n; ++i)
            positions[i] += shift[i];
        if (sweep >= 10 && overlapping * 50 > previouslyOverlapping * 49)
            break; // under 2% better a sweep: stalled
        previouslyOverlapping = overlapping;
    }

    // Whatever still overlaps moves to the nearest free spot: nodes clear
    // of all others and pinned ones stay, then the others, from the centre
    // out, keep their place if it is free or else take the nearest free
    // point of a lattice around it, found ring by ring.
    const QPointF centre = centroid(positions);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    const CellGrid grid(positions, minimumDistance);
    std::vector<bool> clear(n, true);
    for (std::size_t i = 0; i < n; ++i) {
        grid.forEachNear(positions[i], [&](int j) {
            if (std::size_t(j) != i && squaredDistance(positions[i], positions[std::size_t(j)]) < minimum2)
                clear[i] = false;
        });
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const bool keepA = clear[a] || (!pinned.empty() && pinned[a]);
        const bool keepB = clear[b] || (!pinned.empty() && pinned[b]);
        if (keepA != keepB)
            return keepA;
        return squaredDistance(positions[a], centre) < squaredDistance(positions[b], centre);
    });
    PlacedNodes placed(minimumDistance);
    for (const std::size_t i : order) {
        const QPointF wanted = positions[i];
        if ((!pinned.empty() && pinned[i]) || clear[i] || placed.isFree(wanted)) {
            placed.add(wanted);
            continue;
        }
        QPointF best;
        double bestDistance = -1;
        for (int ring = 1; bestDistance < 0; ++ring) {
            for (int dx = -ring; dx <= ring; ++dx) {
                for (int dy = -ring; dy <= ring; ++dy) {
                    if (std::max(std::abs(dx), std::abs(dy)) != ring)
                        continue;
                    const QPointF candidate = wanted + QPointF(dx, dy) * minimumDistance;
                    const double d = squaredDistance(candidate, wanted);
                    if ((bestDistance < 0 || d < bestDistance) && placed.isFree(candidate)) {
                        best = candidate;
                        bestDistance = d;
                    }
                }
            }
        }
        positions[i] = best;
        placed.add(best);
    }
}

double meanEdgeLength(const LayoutGraph &graph, const std::vector<QPointF> &positions)
{
    double sum = 0;
    qsizetype count = 0;
    for (int v = 0; v < graph.nodeCount(); ++v) {
        for (const int w : graph.neighboursOf(v)) {
            if (w > v) {
                const QPointF d = positions[std::size_t(v)] - positions[std::size_t(w)];
                sum += std::hypot(d.x(), d.y());
                ++count;
            }
        }
    }
    return count > 0 ? sum / double(count) : 0.0;
}

QPointF centroid(const std::vector<QPointF> &positions)
{
    QPointF sum;
    for (const QPointF &p : positions)
        sum += p;
    return positions.empty() ? QPointF() : sum / double(positions.size());
}

QRectF boundingBox(const std::vector<QPointF> &positions)
{
    if (positions.empty())
        return {};
    double left = positions.front().x(), right = left, top = positions.front().y(), bottom = top;
    for (const QPointF &p : positions) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

} // namespace NewsGraph
