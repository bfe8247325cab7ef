#pragma once

#include "core/common/Result.h"
#include "core/graph/EntityGraph.h"
#include "core/graph/GraphFilter.h"

namespace NewsGraph {

class Repository;

// Queries about a few entities answered on the part of the filtered graph
// they need, read through the store's indexes (Repository::graphDataAround())
// rather than by building the whole graph, so that they cost what the
// entities around them hold, not what the project holds. Each graph is grown
// ring by ring, as a breadth-first search would visit it, and only as far as
// the answer needs; on it, the query gives what it gives on the whole graph
// under the same filter. Its nodes are brief (Repository::graphNodes()):
// names, types and what filters them, not their documents; unless the filter
// selects documents or dates, neither does the evidence of its typed
// relations say its documents (its sentences are the same).

// A filtered graph on which EntityGraph::egoNetwork(centre, hops) finds the
// same members at the same distances as on the whole graph, and
// edgeBetween(centre, member) the same edges: it holds every edge of the
// entities fewer than `hops` links from the centre. Empty of the centre when
// the filter leaves it out.
Result<EntityGraph> egoGraph(const Repository &repository, qint64 centre, int hops, const GraphFilter &filter);

// A filtered graph on which EntityGraph::shortestPath(from, to,
// PathWeighting::FewestHops) is a shortest path of the whole graph (the same
// number of links), or none when the two are not connected (the graph may
// then lack one of them). Grown from both ends, the ring that is named less
// often first (bidirectional breadth-first search), until a path is found
// that no path outside the rings read could beat. When the filter counts no
// statements and leaves co-occurrences out, the search runs over the
// relations' ends alone and the graph holds the path's links only.
Result<EntityGraph> fewestHopsGraph(const Repository &repository, qint64 from, qint64 to,
                                    const GraphFilter &filter);

} // namespace NewsGraph
