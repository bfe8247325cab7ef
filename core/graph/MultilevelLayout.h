#pragma once

#include "core/graph/LayoutGraph.h"

#include <QPointF>

#include <functional>
#include <optional>
#include <vector>

namespace NewsGraph {

struct MultilevelLayoutOptions
{
    quint32 seed = 1;
    double edgeLength = 100.0;     // what an average edge should roughly measure
    std::vector<QPointF> initial;  // per node, read where hasInitial is set
    std::vector<bool> hasInitial;  // empty: no node has one
    std::vector<bool> pinned;      // empty: none; only a node with an initial position can be pinned
    // When relaxing given positions: the least distance between nodes to
    // keep, as the layout they come from had it (0: none).
    double nodeRoom = 0;
    std::function<bool()> cancelled;
};

// The spring-electrical model laid out multilevel, after Y. Hu, "Efficient
// and high quality force-directed graph drawing" (Mathematica Journal 10,
// 2005), the method of Graphviz sfdp: the graph is coarsened by matching
// (and, so that stars and power-law hubs coarsen too, by joining every
// unmatched node to a neighbouring pair), the coarsest graph laid out from
// random positions, and each finer level started from the coarser one and
// relaxed with Barnes–Hut repulsion (quadtree, theta 1.2) and d²/K spring
// attraction, with Hu's adaptive step length. Repulsion falls as 1/d² (Hu's
// p = 2), which keeps subtrees from drifting apart on long edges. A coarse
// node repels with the number of nodes it stands for, so coarse levels
// already have the final scale.
//
// When at least half the nodes have an initial position, there is no
// coarsening: the nodes without one are put next to their placed neighbours
// and the whole relaxed gently, which is how a layout is redone after an
// edit without reshuffling it. Otherwise the result is turned and moved to
// fit the nodes that have initial positions as well as a rigid motion can.
// Pinned nodes end exactly at their initial position and are fixed while the
// others settle around them.
//
// The graph should be connected: components are better laid out one by one
// and packed (computeLayout() does so). Same graph, options and seed give the
// same positions. Returns nothing when cancelled.
std::optional<std::vector<QPointF>> multilevelLayout(const LayoutGraph &graph, const MultilevelLayoutOptions &options);

} // namespace NewsGraph
