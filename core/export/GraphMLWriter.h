#pragma once

#include "core/common/Result.h"
#include "core/export/ExportOptions.h"
#include "core/store/GraphData.h"

#include <QString>

namespace NewsGraph {

// Writes the graph as GraphML (http://graphml.graphdrawing.org/), which
// Gephi, yEd, Cytoscape, NetworkX and igraph read. Every attribute is declared
// by a <key> with its attr.type:
//   node: name, type, aliases (joined with '|'), mentions, documents (count),
//         hidden, notes (the analyst's, one per line), one double key per
//         metric, x and y when positions are given
//   edge: predicates (joined with '|'), evidence, confidence, cooccurrence,
//         origin ("manual" when the analyst added one of its relations, else
//         "extracted"), notes
// The graph is undirected (one edge per entity pair); for a directed
// predicate the edge's source is its subject. Written atomically.
Result<void> writeGraphML(const GraphData &graph, const ExportOptions &options, const QString &path);

} // namespace NewsGraph
