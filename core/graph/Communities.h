#pragma once

#include "core/common/Result.h"
#include "core/graph/EntityGraph.h"

#include <QList>

namespace NewsGraph {

// A partition of the graph's nodes into communities.
struct Communities
{
    // Community of each node, in EntityGraph::nodes() order. Numbered from 0
    // by decreasing size (ties: by the first node in nodes() order), so the
    // numbers, and the colours a view derives from them, do not shuffle
    // between runs that find the same partition.
    QList<int> membership;
    int count = 0;
    double modularity = 0.0; // Newman's Q of the partition, edges weighted by evidence
};

// Modularity communities by the Leiden algorithm (Traag, Waltman & van Eck
// 2019), igraph's implementation, with edges weighted by their evidence
// count. Leiden rather than Louvain: Louvain can return communities that are
// internally disconnected, which an analyst would read as a group that is
// not one. Deterministic for a given seed. A node without edges is a
// community of its own.
Result<Communities> detectCommunities(const EntityGraph &graph, quint32 seed = 1);

} // namespace NewsGraph
