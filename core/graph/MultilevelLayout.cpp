#include "core/graph/MultilevelLayout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

namespace NewsGraph {

namespace {

// Hu's relative strength of repulsion against attraction.
constexpr double repulsionStrength = 0.2;
// Repulsion C K³ / d², Hu's model with p = 2 rather than the classic
// C K² / d: weaker at long range, it does not push two big subtrees joined
// by one edge far apart on a long edge (sfdp likewise uses p = 1.8 on
// power-law graphs), and d³ costs no pow().
// Barnes–Hut opening criterion: a cell is taken whole when its width is
// under theta times its distance. 1.2 while a layout takes shape, where the
// error is far below what it notices; 0.6 (sfdp's) to settle a finished
// one, where the error would otherwise be most of the force left and move
// nodes for nothing.
constexpr double coarseTheta = 1.2;
constexpr double fineTheta = 0.6;
constexpr int leafCapacity = 8;
constexpr int maximumTreeDepth = 48;
// The step shrinks or grows by this factor (Hu's t).
constexpr double stepFactor = 0.9;

// One level of the hierarchy: weighted adjacency in compressed rows, and
// the number of input nodes each node stands for.
struct Level
{
    std::vector<int> offsets{0};
    std::vector<int> neighbours;
    std::vector<double> weights; // per entry of neighbours
    std::vector<double> charges;

    int nodeCount() const { return int(offsets.size()) - 1; }
};

Level levelFromGraph(const LayoutGraph &graph)
{
    Level level;
    level.offsets = graph.offsets;
    level.neighbours = graph.neighbours;
    level.weights.assign(graph.neighbours.size(), 1.0);
    level.charges.assign(std::size_t(graph.nodeCount()), 1.0);
    return level;
}

// Quadtree over the nodes of one iteration, cells in depth-first preorder
// with, in each, the index of the cell after its subtree: the force walk is
// then a loop over an array that either enters a cell (next index) or skips
// it, with no stack and no pointers.
class BarnesHutTree
{
public:
    void build(const std::vector<double> &x, const std::vector<double> &y, const std::vector<double> &charges,
               double theta)
    {
        m_theta2 = theta * theta;
        const int n = int(x.size());
        m_order.resize(std::size_t(n));
        std::iota(m_order.begin(), m_order.end(), 0);
        m_cells.clear();
        if (n == 0)
            return;
        const auto [minX, maxX] = std::minmax_element(x.begin(), x.end());
        const auto [minY, maxY] = std::minmax_element(y.begin(), y.end());
        const double size = std::max({*maxX - *minX, *maxY - *minY, 1e-9}) * (1.0 + 1e-9);
        m_x = &x;
        m_y = &y;
        m_charges = &charges;
        buildCell(0, n, *minX, *minY, size, 0);

        m_px.resize(std::size_t(n));
        m_py.resize(std::size_t(n));
        m_pq.resize(std::size_t(n));
        for (std::size_t k = 0; k < std::size_t(n); ++k) {
            const std::size_t v = std::size_t(m_order[k]);
            m_px[k] = x[v];
            m_py[k] = y[v];
            m_pq[k] = charges[v];
        }
    }

    // The nodes in tree order: neighbours in space are neighbours here, so
    // visiting them in this order walks the tree through warm caches.
    const std::vector<int> &order() const { return m_order; }

    // Sum over the other nodes j of q_j (p - p_j) / |p - p_j|³, for node
    // `self` at p. Nodes closer than `minimumDistance` count as that far,
    // pushed apart along an arbitrary but fixed direction when they
    // coincide. When `room` > 0, also adds to `overlap`, for each node j
    // closer than `room`, the vector away from it by which they would clear.
    QPointF repulsion(int self, double px, double py, double minimumDistance, double room = 0,
                      QPointF *overlap = nullptr) const
    {
        const double minimum2 = minimumDistance * minimumDistance;
        const double room2 = room * room;
        double fx = 0, fy = 0;
        visit(
            px, py,
            [&](int k) {
                const int other = m_order[std::size_t(k)];
                if (other == self)
                    return;
                double dx = px - m_px[std::size_t(k)];
                double dy = py - m_py[std::size_t(k)];
                double d2 = dx * dx + dy * dy;
                if (d2 < minimum2) {
                    if (d2 == 0.0) {
                        dx = self < other ? -minimumDistance : minimumDistance;
                        dy = ((self ^ other) & 1) ? minimumDistance : -minimumDistance;
                    }
                    d2 = minimum2;
                }
                const double d = std::sqrt(d2);
                const double f = m_pq[std::size_t(k)] / (d2 * d);
                fx += dx * f;
                fy += dy * f;
                if (d2 < room2)
                    *overlap += QPointF(dx, dy) * ((room - d) / d);
            },
            [&](const Cell &cell, double dx, double dy, double d2) {
                const double f = cell.charge / (d2 * std::sqrt(d2));
                fx += dx * f;
                fy += dy * f;
            });
        return {fx, fy};
    }

    // Sum over the other nodes j of q_j / |p - p_j|, the same way.
    double potential(int self, double px, double py, double minimumDistance) const
    {
        double sum = 0;
        visit(
            px, py,
            [&](int k) {
                if (m_order[std::size_t(k)] != self)
                    sum += m_pq[std::size_t(k)]
                           / std::max(std::hypot(px - m_px[std::size_t(k)], py - m_py[std::size_t(k)]),
                                      minimumDistance);
            },
            [&](const Cell &cell, double, double, double d2) { sum += cell.charge / std::sqrt(d2); });
        return sum;
    }

private:

    // The Barnes-Hut walk both sums share: `near(k)` for each node k of a
    // leaf too close to summarise, `far(cell, dx, dy, d2)` for each cell
    // far enough (width² < θ² d²) to count as its centre of charge.
    template<typename Near, typename Far>
    void visit(double px, double py, Near &&near, Far &&far) const
    {
        const double theta2 = m_theta2;
        const int cellCount = int(m_cells.size());
        int c = 0;
        while (c < cellCount) {
            const Cell &cell = m_cells[std::size_t(c)];
            if (cell.leaf) {
                for (int k = cell.begin; k < cell.end; ++k)
                    near(k);
                c = cell.next;
                continue;
            }
            const double dx = px - cell.x;
            const double dy = py - cell.y;
            const double d2 = dx * dx + dy * dy;
            if (cell.width2 < theta2 * d2) {
                far(cell, dx, dy, d2);
                c = cell.next;
            } else {
                ++c;
            }
        }
    }

    struct Cell
    {
        double x = 0, y = 0; // centre of charge
        double charge = 0;
        double width2 = 0;
        int begin = 0, end = 0; // range of order()
        int next = 0;
        bool leaf = false;
    };

    int buildCell(int begin, int end, double x0, double y0, double size, int depth)
    {
        const int index = int(m_cells.size());
        m_cells.emplace_back();
        Cell cell;
        cell.begin = begin;
        cell.end = end;
        cell.width2 = size * size;
        const std::vector<double> &x = *m_x, &y = *m_y, &q = *m_charges;
        if (end - begin <= leafCapacity || depth >= maximumTreeDepth) {
            cell.leaf = true;
            for (int k = begin; k < end; ++k) {
                const std::size_t v = std::size_t(m_order[std::size_t(k)]);
                cell.charge += q[v];
                cell.x += q[v] * x[v];
                cell.y += q[v] * y[v];
            }
        } else {
            const double midX = x0 + size / 2, midY = y0 + size / 2;
            auto first = m_order.begin() + begin, last = m_order.begin() + end;
            const auto lower = std::partition(first, last, [&](int v) { return y[std::size_t(v)] < midY; });
            const auto lowerLeft = std::partition(first, lower, [&](int v) { return x[std::size_t(v)] < midX; });
            const auto upperLeft = std::partition(lower, last, [&](int v) { return x[std::size_t(v)] < midX; });
            const int bounds[5] = {begin, int(lowerLeft - m_order.begin()), int(lower - m_order.begin()),
                                   int(upperLeft - m_order.begin()), end};
            const double corners[4][2] = {{x0, y0}, {midX, y0}, {x0, midY}, {midX, midY}};
            for (int quadrant = 0; quadrant < 4; ++quadrant) {
                if (bounds[quadrant] == bounds[quadrant + 1])
                    continue;
                const int child = buildCell(bounds[quadrant], bounds[quadrant + 1], corners[quadrant][0],
                                            corners[quadrant][1], size / 2, depth + 1);
                const Cell &built = m_cells[std::size_t(child)];
                cell.charge += built.charge;
                cell.x += built.charge * built.x;
                cell.y += built.charge * built.y;
            }
        }
        if (cell.charge > 0) {
            cell.x /= cell.charge;
            cell.y /= cell.charge;
        }
        cell.next = int(m_cells.size());
        m_cells[std::size_t(index)] = cell;
        return index;
    }

    double m_theta2 = 1.0;
    std::vector<Cell> m_cells;
    std::vector<int> m_order;
    std::vector<double> m_px, m_py, m_pq;
    const std::vector<double> *m_x = nullptr, *m_y = nullptr, *m_charges = nullptr;
};

struct Relaxation
{
    double k = 1.0;           // natural spring length
    double step = 1.0;        // initial step length
    int maximumIterations = 100;
    double tolerance = 0.01;  // stop when the step falls under tolerance * k
    // Move each node by its force over the stiffness of its springs (a
    // Newton step on the attraction), the step length being only a cap,
    // instead of by the full step along the force as Hu does. A layout
    // near balance then hardly moves, which is what a relayout wants; from
    // scratch it would converge too slowly.
    bool proportional = false;
    double theta = coarseTheta;
    // With proportional moves: nodes closer than this push each other
    // apart as hard as their springs hold them, so that a layout whose
    // nodes were set apart for drawing stays so.
    double room = 0;
};

// Hu's ForceDirectedAlgorithm: each node in turn moves by the step length
// along its force (or less, see Relaxation::proportional), the attraction
// seeing the nodes already moved in this sweep, the repulsion those of the
// sweep's start (the quadtree's); the step grows after five sweeps in a row
// that lowered the energy and shrinks after any that did not. Fixed nodes
// push and pull but do not move. Returns false when cancelled.
bool relax(const Level &level, std::vector<double> &x, std::vector<double> &y, const std::vector<bool> &fixed,
           const Relaxation &settings, const std::function<bool()> &cancelled)
{
    const int n = level.nodeCount();
    if (n < 2)
        return true;
    BarnesHutTree tree;
    const double k = settings.k;
    const double repulsion = repulsionStrength * k * k * k;
    const double minimumDistance = 1e-3 * k;
    double step = settings.step;
    double energy = std::numeric_limits<double>::infinity();
    int progress = 0;
    for (int iteration = 0; iteration < settings.maximumIterations; ++iteration) {
        if (cancelled && cancelled())
            return false;
        tree.build(x, y, level.charges, settings.theta);
        const double previousEnergy = energy;
        energy = 0;
        for (const int v : tree.order()) {
            const std::size_t i = std::size_t(v);
            if (!fixed.empty() && fixed[i])
                continue;
            QPointF overlap;
            const QPointF r = tree.repulsion(v, x[i], y[i], minimumDistance, settings.room, &overlap);
            const double q = level.charges[i] * repulsion;
            double fx = q * r.x(), fy = q * r.y();
            double stiffness = 0;
            for (int e = level.offsets[i]; e < level.offsets[i + 1]; ++e) {
                const std::size_t j = std::size_t(level.neighbours[std::size_t(e)]);
                const double dx = x[j] - x[i], dy = y[j] - y[i];
                // d² / k along the unit vector (dx, dy) / d
                const double f = level.weights[std::size_t(e)] * std::sqrt(dx * dx + dy * dy) / k;
                fx += f * dx;
                fy += f * dy;
                stiffness += 2 * f;
            }
            fx += stiffness * overlap.x();
            fy += stiffness * overlap.y();
            const double norm2 = fx * fx + fy * fy;
            if (norm2 > 0 && std::isfinite(norm2)) {
                const double norm = std::sqrt(norm2);
                const double length = settings.proportional && stiffness > 0 ? std::min(step, norm / stiffness) : step;
                const double scale = length / norm;
                x[i] += fx * scale;
                y[i] += fy * scale;
                energy += norm2;
            }
        }
        if (energy < previousEnergy) {
            if (++progress >= 5) {
                progress = 0;
                step /= stepFactor;
            }
        } else {
            progress = 0;
            step *= stepFactor;
        }
        if (step < settings.tolerance * k)
            break;
    }
    return true;
}

struct Coarsening
{
    Level coarse;
    std::vector<int> parent; // fine node -> coarse node
};

// Matching by heavy edges normalised by charge (light neighbours first, so
// that clusters stay even), visiting nodes from the lowest degree so that
// leaves pair with their hub before hubs pair with each other; then every
// node left unmatched joins its lightest neighbouring pair. A star thus
// collapses in one level instead of losing one leaf per level, which plain
// matching would do on the hubs of a news graph.
Coarsening coarsen(const Level &fine, std::mt19937 &random)
{
    const int n = fine.nodeCount();
    std::vector<std::uint32_t> tieBreak(static_cast<std::size_t>(n));
    for (auto &key : tieBreak)
        key = random();
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    auto degree = [&](int v) { return fine.offsets[std::size_t(v) + 1] - fine.offsets[std::size_t(v)]; };
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const int da = degree(a), db = degree(b);
        if (da != db)
            return da < db;
        if (tieBreak[std::size_t(a)] != tieBreak[std::size_t(b)])
            return tieBreak[std::size_t(a)] < tieBreak[std::size_t(b)];
        return a < b;
    });

    Coarsening result;
    std::vector<int> &parent = result.parent;
    parent.assign(std::size_t(n), -1);
    std::vector<double> clusterCharge;
    for (const int v : order) {
        if (parent[std::size_t(v)] >= 0)
            continue;
        int best = -1;
        double bestScore = -1;
        for (int e = fine.offsets[std::size_t(v)]; e < fine.offsets[std::size_t(v) + 1]; ++e) {
            const int w = fine.neighbours[std::size_t(e)];
            if (parent[std::size_t(w)] >= 0)
                continue;
            const double score = fine.weights[std::size_t(e)] / fine.charges[std::size_t(w)];
            if (score > bestScore) {
                bestScore = score;
                best = w;
            }
        }
        if (best >= 0) {
            parent[std::size_t(v)] = parent[std::size_t(best)] = int(clusterCharge.size());
            clusterCharge.push_back(fine.charges[std::size_t(v)] + fine.charges[std::size_t(best)]);
        }
    }
    for (const int v : order) {
        if (parent[std::size_t(v)] >= 0)
            continue;
        // Every neighbour is matched by now: v was left because they were.
        int best = -1;
        for (int e = fine.offsets[std::size_t(v)]; e < fine.offsets[std::size_t(v) + 1]; ++e) {
            const int cluster = parent[std::size_t(fine.neighbours[std::size_t(e)])];
            if (cluster >= 0 && (best < 0 || clusterCharge[std::size_t(cluster)] < clusterCharge[std::size_t(best)]))
                best = cluster;
        }
        if (best < 0) {
            best = int(clusterCharge.size());
            clusterCharge.push_back(0);
        }
        parent[std::size_t(v)] = best;
        clusterCharge[std::size_t(best)] += fine.charges[std::size_t(v)];
    }

    const int m = int(clusterCharge.size());
    Level &coarse = result.coarse;
    coarse.charges = clusterCharge;
    // Members of each cluster, by counting sort.
    std::vector<int> memberOffsets(std::size_t(m) + 1, 0);
    for (const int c : parent)
        ++memberOffsets[std::size_t(c) + 1];
    std::partial_sum(memberOffsets.begin(), memberOffsets.end(), memberOffsets.begin());
    std::vector<int> members(static_cast<std::size_t>(n));
    {
        std::vector<int> fill(memberOffsets.begin(), memberOffsets.end() - 1);
        for (int v = 0; v < n; ++v)
            members[std::size_t(fill[std::size_t(parent[std::size_t(v)])]++)] = v;
    }
    // Edges between clusters, their weights summed; `slot` finds a
    // neighbour already met in this row without a hash table.
    std::vector<int> slot(std::size_t(m), -1);
    coarse.offsets.assign(std::size_t(m) + 1, 0);
    std::vector<std::pair<int, double>> row;
    for (int c = 0; c < m; ++c) {
        row.clear();
        for (int k = memberOffsets[std::size_t(c)]; k < memberOffsets[std::size_t(c) + 1]; ++k) {
            const int v = members[std::size_t(k)];
            for (int e = fine.offsets[std::size_t(v)]; e < fine.offsets[std::size_t(v) + 1]; ++e) {
                const int d = parent[std::size_t(fine.neighbours[std::size_t(e)])];
                if (d == c)
                    continue;
                if (slot[std::size_t(d)] < 0) {
                    slot[std::size_t(d)] = int(row.size());
                    row.emplace_back(d, 0.0);
                }
                row[std::size_t(slot[std::size_t(d)])].second += fine.weights[std::size_t(e)];
            }
        }
        std::sort(row.begin(), row.end());
        for (const auto &[d, weight] : row) {
            coarse.neighbours.push_back(d);
            coarse.weights.push_back(weight);
            slot[std::size_t(d)] = -1;
        }
        coarse.offsets[std::size_t(c) + 1] = int(coarse.neighbours.size());
    }
    return result;
}

double meanEdgeLength(const Level &level, const std::vector<double> &x, const std::vector<double> &y)
{
    double sum = 0;
    qsizetype count = 0;
    for (int v = 0; v < level.nodeCount(); ++v) {
        for (int e = level.offsets[std::size_t(v)]; e < level.offsets[std::size_t(v) + 1]; ++e) {
            const int w = level.neighbours[std::size_t(e)];
            if (w > v) {
                sum += std::hypot(x[std::size_t(v)] - x[std::size_t(w)], y[std::size_t(v)] - y[std::size_t(w)]);
                ++count;
            }
        }
    }
    return count > 0 ? sum / double(count) : 0.0;
}

// The natural length at which a layout's scale is in balance: scaling all
// positions by l changes the energy (d³ / 3K per edge, C K³ / d per pair of
// nodes) by nothing at l = 1 when sum(d³) / K = C K³ sum(1 / d), the latter
// over all pairs (Barnes–Hut). Relaxing a given layout with this K moves
// nodes without growing or shrinking the whole.
double balancedLength(const LayoutGraph &graph, const std::vector<QPointF> &positions)
{
    const std::size_t n = positions.size();
    double cubes = 0;
    for (int v = 0; v < graph.nodeCount(); ++v) {
        for (const int w : graph.neighboursOf(v)) {
            if (w > v) {
                const QPointF d = positions[std::size_t(v)] - positions[std::size_t(w)];
                const double length = std::hypot(d.x(), d.y());
                cubes += length * length * length;
            }
        }
    }
    std::vector<double> x(n), y(n);
    for (std::size_t v = 0; v < n; ++v) {
        x[v] = positions[v].x();
        y[v] = positions[v].y();
    }
    const std::vector<double> charges(n, 1.0);
    BarnesHutTree tree;
    tree.build(x, y, charges, fineTheta);
    // The closest pairs count as a hundredth of the mean edge apart.
    const double closest = 0.01 * meanEdgeLength(graph, positions);
    double inverseDistances = 0;
    for (std::size_t v = 0; v < n; ++v)
        inverseDistances += tree.potential(int(v), x[v], y[v], closest);
    inverseDistances /= 2; // each pair was counted from both ends
    if (cubes <= 0 || inverseDistances <= 0)
        return 0.0;
    return std::pow(cubes / (repulsionStrength * inverseDistances), 0.25);
}

// Iterations allowed on a level of n nodes: many where a sweep is cheap,
// few on the big levels, which start close to their answer.
int iterationBudget(int n, bool coarsest)
{
    if (coarsest)
        return 500;
    if (n <= 1000)
        return 200;
    if (n <= 10000)
        return 100;
    return 50;
}

} // namespace

std::optional<std::vector<QPointF>> multilevelLayout(const LayoutGraph &graph, const MultilevelLayoutOptions &options)
{
    const int n = graph.nodeCount();
    const auto hasInitial = [&](int v) {
        return std::size_t(v) < options.hasInitial.size() && options.hasInitial[std::size_t(v)]
               && std::size_t(v) < options.initial.size();
    };
    std::vector<bool> pinned(std::size_t(n), false);
    int known = 0, pinnedCount = 0;
    for (int v = 0; v < n; ++v) {
        if (hasInitial(v)) {
            ++known;
            if (std::size_t(v) < options.pinned.size() && options.pinned[std::size_t(v)]) {
                pinned[std::size_t(v)] = true;
                ++pinnedCount;
            }
        }
    }
    if (n == 0)
        return std::vector<QPointF>();
    if (n == 1)
        return std::vector<QPointF>{hasInitial(0) ? options.initial[0] : QPointF()};

    std::mt19937 random(options.seed);
    const Level fine = levelFromGraph(graph);
    std::vector<double> x(static_cast<std::size_t>(n)), y(static_cast<std::size_t>(n));
    const std::vector<bool> noneFixed;
    // The model's unit; the result is scaled to the wanted edge length.
    double k = options.edgeLength;

    if (known * 2 >= n) {
        // Redo after an edit: keep the layout, settle the newcomers.
        std::vector<QPointF> positions(static_cast<std::size_t>(n));
        std::vector<bool> placed(std::size_t(n), false);
        for (int v = 0; v < n; ++v) {
            if (hasInitial(v)) {
                positions[std::size_t(v)] = options.initial[std::size_t(v)];
                placed[std::size_t(v)] = true;
            }
        }
        placeUnplaced(graph, positions, placed, std::max(meanEdgeLength(graph, positions), k), random);
        // K from the given layout, so that relaxing it keeps its scale.
        if (const double balanced = balancedLength(graph, positions); balanced > 0)
            k = balanced;
        for (std::size_t v = 0; v < std::size_t(n); ++v) {
            x[v] = positions[v].x();
            y[v] = positions[v].y();
        }
        Relaxation settings;
        settings.k = k;
        settings.step = 0.1 * k;
        settings.maximumIterations = 30;
        settings.proportional = true;
        settings.theta = fineTheta;
        settings.room = options.nodeRoom;
        if (!relax(fine, x, y, pinned, settings, options.cancelled))
            return std::nullopt;
    } else {
        // Coarsen until small or until a level no longer shrinks much.
        std::vector<Level> levels{fine};
        std::vector<std::vector<int>> parents;
        while (levels.back().nodeCount() > 16) {
            Coarsening next = coarsen(levels.back(), random);
            if (next.coarse.nodeCount() > levels.back().nodeCount() * 3 / 4)
                break;
            parents.push_back(std::move(next.parent));
            levels.push_back(std::move(next.coarse));
        }

        // The coarsest level from random positions in a square whose area
        // fits its charge.
        const Level &coarsest = levels.back();
        const int m = coarsest.nodeCount();
        const double total = std::accumulate(coarsest.charges.begin(), coarsest.charges.end(), 0.0);
        const double side = k * std::sqrt(total);
        x.assign(std::size_t(m), 0);
        y.assign(std::size_t(m), 0);
        for (std::size_t v = 0; v < std::size_t(m); ++v) {
            x[v] = (unitRandom(random) - 0.5) * side;
            y[v] = (unitRandom(random) - 0.5) * side;
        }
        Relaxation settings;
        settings.k = k;
        settings.step = 0.1 * side;
        settings.maximumIterations = iterationBudget(m, true);
        if (!relax(coarsest, x, y, noneFixed, settings, options.cancelled))
            return std::nullopt;

        // Prolong and refine, coarse to fine. A node's members start
        // scattered around it over about the room they will need, the
        // heaviest at its centre.
        for (std::size_t l = levels.size() - 1; l-- > 0;) {
            const Level &level = levels[l];
            const Level &upper = levels[l + 1];
            const std::vector<int> &parent = parents[l];
            std::vector<double> fx(std::size_t(level.nodeCount())), fy(std::size_t(level.nodeCount()));
            std::vector<int> heaviest(std::size_t(upper.nodeCount()), -1);
            for (int v = 0; v < level.nodeCount(); ++v) {
                int &h = heaviest[std::size_t(parent[std::size_t(v)])];
                if (h < 0 || level.charges[std::size_t(v)] > level.charges[std::size_t(h)])
                    h = v;
            }
            for (int v = 0; v < level.nodeCount(); ++v) {
                const std::size_t c = std::size_t(parent[std::size_t(v)]);
                double dx = 0, dy = 0;
                if (heaviest[c] != v) {
                    const double radius = 0.3 * k * std::sqrt(upper.charges[c]) * std::sqrt(unitRandom(random));
                    const double angle = 2 * std::numbers::pi * unitRandom(random);
                    dx = radius * std::cos(angle);
                    dy = radius * std::sin(angle);
                }
                fx[std::size_t(v)] = x[c] + dx;
                fy[std::size_t(v)] = y[c] + dy;
            }
            x.swap(fx);
            y.swap(fy);
            settings.step = 0.5 * k;
            settings.maximumIterations = iterationBudget(level.nodeCount(), false);
            if (!relax(level, x, y, noneFixed, settings, options.cancelled))
                return std::nullopt;
        }

        // The wanted scale, then the frame of whatever had a position.
        const double length = meanEdgeLength(fine, x, y);
        std::vector<QPointF> positions(static_cast<std::size_t>(n));
        for (std::size_t v = 0; v < std::size_t(n); ++v)
            positions[v] = QPointF(x[v], y[v]);
        if (length > 0) {
            const QPointF centre = centroid(positions);
            for (QPointF &p : positions)
                p = centre + (p - centre) * (options.edgeLength / length);
        }
        std::vector<int> anchors;
        std::vector<QPointF> targets;
        for (int v = 0; v < n; ++v) {
            if (hasInitial(v)) {
                anchors.push_back(v);
                targets.push_back(options.initial[std::size_t(v)]);
            }
        }
        alignToAnchors(positions, anchors, targets);
        for (std::size_t v = 0; v < std::size_t(n); ++v) {
            x[v] = positions[v].x();
            y[v] = positions[v].y();
        }
        if (pinnedCount > 0) {
            // The pinned nodes jump to their place; the rest settles.
            for (std::size_t v = 0; v < std::size_t(n); ++v) {
                if (pinned[v]) {
                    x[v] = options.initial[v].x();
                    y[v] = options.initial[v].y();
                }
            }
            const double balanced = balancedLength(graph, positions);
            settings.k = balanced > 0 ? balanced : options.edgeLength;
            settings.step = 0.2 * settings.k;
            settings.maximumIterations = std::min(iterationBudget(n, false), 50);
            if (!relax(fine, x, y, pinned, settings, options.cancelled))
                return std::nullopt;
        }
    }

    std::vector<QPointF> result(static_cast<std::size_t>(n));
    for (std::size_t v = 0; v < std::size_t(n); ++v)
        result[v] = pinned[v] ? options.initial[v] : QPointF(x[v], y[v]);
    return result;
}

} // namespace NewsGraph
