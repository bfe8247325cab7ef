#pragma once

#include <QPointF>
#include <QRectF>
#include <QtGlobal>

#include <random>
#include <span>
#include <utility>
#include <vector>

namespace NewsGraph {

class EntityGraph;

// The bare structure the layout algorithms work on: nodes 0..n-1 (for an
// EntityGraph, its nodes() order), each pair joined at most once, no
// self-loops, adjacency in compressed rows. Kept apart from EntityGraph so
// that layouts need neither its payload nor Boost, and so that a connected
// component can be cut out and laid out on its own.
struct LayoutGraph
{
    std::vector<int> offsets{0}; // the neighbours of v are neighbours[offsets[v] .. offsets[v + 1])
    std::vector<int> neighbours; // ascending within each row

    int nodeCount() const { return int(offsets.size()) - 1; }
    qsizetype edgeCount() const { return qsizetype(neighbours.size() / 2); }
    int degree(int v) const { return offsets[std::size_t(v) + 1] - offsets[std::size_t(v)]; }
    std::span<const int> neighboursOf(int v) const
    {
        return {neighbours.data() + offsets[std::size_t(v)], std::size_t(degree(v))};
    }

    // Self-loops and repeated pairs are dropped.
    static LayoutGraph fromEdges(int nodeCount, std::vector<std::pair<int, int>> edges);
    static LayoutGraph fromEntityGraph(const EntityGraph &graph);

    // Connected components, largest first (ties: the one holding the
    // smallest node first), each breadth-first from its smallest node, so
    // that the result depends on the graph only.
    std::vector<std::vector<int>> components() const;

    // The subgraph on each group of nodes (groups disjoint, such as
    // components()), whose node i is group[i] of this graph; in one pass,
    // as a graph may have tens of thousands of lone entities.
    std::vector<LayoutGraph> split(const std::vector<std::vector<int>> &groups) const;
};

// Uniform in [0, 1). Written out rather than std::uniform_real_distribution,
// whose algorithm is left to the standard library, so that a seed gives the
// same layout with any library.
inline double unitRandom(std::mt19937 &random)
{
    return double(random()) / 4294967296.0;
}

// Gives every node without a position one: near the mean of its already
// placed neighbours, breadth-first out from the placed nodes, so that an
// entity added since the last layout starts next to what it is linked to.
// Nodes with no placed node in their component go at random into a square
// sized for their number. `placed` ends all true.
void placeUnplaced(const LayoutGraph &graph, std::vector<QPointF> &positions, std::vector<bool> &placed,
                   double edgeLength, std::mt19937 &random);

// Moves all positions by the rigid motion (rotation or reflection, then
// translation; never a scaling, positions are in canvas units) that best
// maps positions[a] onto targets[i] for a = anchors[i], in the least-squares
// sense (2-D Procrustes). With one anchor only a translation; with none,
// nothing.
void alignToAnchors(std::vector<QPointF> &positions, const std::vector<int> &anchors,
                    const std::vector<QPointF> &targets);

// Makes room for drawn nodes, which a force layout does not know about:
// the hubs of a dense graph gather their neighbours closer than a node is
// wide. When `mayScale`, a crowded layout is first spread evenly about its
// centroid (by up to 100 times) until the median node has no other within
// 1.2 x `minimumDistance`; then nodes closer than `minimumDistance` are
// pushed apart pairwise for some sweeps, and any still too close moved to
// the nearest free spot. Pinned nodes never move; the others end at least
// `minimumDistance` from each other and from them.
void separateNodes(std::vector<QPointF> &positions, const std::vector<bool> &pinned, double minimumDistance,
                   bool mayScale);

// Mean length of the edges; 0 without edges.
double meanEdgeLength(const LayoutGraph &graph, const std::vector<QPointF> &positions);

// Centroid of the positions; the origin when there are none.
QPointF centroid(const std::vector<QPointF> &positions);

// The smallest rectangle holding every position (of no area for one, or
// for positions in a row); empty when there are none.
QRectF boundingBox(const std::vector<QPointF> &positions);

} // namespace NewsGraph
