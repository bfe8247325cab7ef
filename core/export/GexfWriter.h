#pragma once

#include "core/common/Result.h"
#include "core/export/ExportOptions.h"
#include "core/store/GraphData.h"

#include <QString>

namespace NewsGraph {

// Writes the graph as GEXF 1.3 (https://gexf.net/), Gephi's own format, in
// static mode with the viz extension:
//   viz:color    the entity type's colour (typeColor)
//   viz:size     options.sizeMetric (mentions when unset), scaled linearly
//                onto 5..50 so that Gephi draws it at a usable size
//   viz:position the layout position, when options.positions has one
// Node attributes (declared in <attributes class="node">): type, aliases
// (joined with '|'), mentions, documents, hidden, notes, one per metric; node
// label is the name. Edge attributes: predicates, evidence, confidence,
// cooccurrence, origin (manual or extracted), notes;
// the edge label is the predicates and its weight the evidence count.
// Written atomically.
Result<void> writeGexf(const GraphData &graph, const ExportOptions &options, const QString &path);

} // namespace NewsGraph
