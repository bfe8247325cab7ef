#pragma once

#include "core/common/Result.h"
#include "core/export/ExportOptions.h"
#include "core/store/GraphData.h"

#include <QString>

namespace NewsGraph {

// Writes the graph as one JSON document (UTF-8, indented), for scripts and
// web viewers; the one graph export that keeps each predicate's direction
// and the sentences behind it:
//
//   {"format": "newsgraph-graph", "version": 1,
//    "nodes": [{"id", "name", "type", "aliases": [...], "mentions",
//               "documents": [document ids], "hidden", "notes": [...],
//               "metrics": {name: value, ...}, "x", "y"}],
//    "edges": [{"source", "target", "predicates": [...], "evidence",
//               "confidence", "cooccurrence", "origin", "notes": [...],
//               "statements": [{"predicate", "subject", "object", "document",
//                               "date", "origin", "sentences": [sentence ids]}]}]}
//
// "origin" is "manual" for what the analyst added (Curator::link()), else
// "extracted"; the analyst's own assertion of a relation is a statement of
// no document (null) and no sentence. "notes" are the analyst's.
//
// Ids, counts and values are JSON numbers; "type" is PERSON, ORG, PLACE,
// PRODUCT or EVENT. "metrics" holds only the metrics the node has (a metric
// that is not a finite number is null); "x" and "y" are left out for a node
// without a position. An edge is one unordered pair; each of its statements
// is one predicate in one document, with its real direction: "subject" and
// "object" are entity ids ("mentioned_with" keeps the edge's order). "date"
// is the document's date (YYYY-MM-DD) or null. Edges to nodes not in
// graph.nodes are dropped. Keys come out in alphabetical order, as
// QJsonDocument writes them. Like the CLI's JSON, keys are only ever added;
// "version" changes if one is ever removed or changes meaning. Written
// atomically.
Result<void> writeJsonGraph(const GraphData &graph, const ExportOptions &options, const QString &path);

} // namespace NewsGraph
