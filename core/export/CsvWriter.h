#pragma once

#include "core/common/Result.h"
#include "core/export/ExportOptions.h"
#include "core/store/GraphData.h"

#include <QString>

namespace NewsGraph {

// Writes the graph as two CSV tables, for spreadsheets, pandas, R and Gephi's
// spreadsheet import, into `directory` (created when missing):
//
//   nodes.csv  id,name,type,aliases,mentions,documents,hidden,notes,<metric>...,x,y
//     id        the entity id (edges.csv refers to it)
//     type      PERSON, ORG, PLACE, PRODUCT or EVENT
//     aliases   joined with '|'
//     documents how many documents mention it
//     hidden    true or false
//     notes     the analyst's notes, one per line
//     <metric>  one column per metric name (metricNames), empty where the
//               node has no value
//     x,y       only when options.positions is not empty; empty for a node
//               without a position
//   edges.csv  source,target,source_name,target_name,predicates,evidence,confidence,cooccurrence,
//              origin,notes
//     source,target  entity ids; for a directed predicate the source is its
//                    subject (the direction of each predicate is only in the
//                    JSON and Neo4j exports)
//     predicates     joined with '|', "mentioned_with" for co-occurrence
//     evidence       how many sentences state any of them
//     cooccurrence   true when the pair is only mentioned together
//     origin         manual when the analyst added one of its relations, else extracted
//     notes          the analyst's notes on its relations, one per line
//
// RFC 4180: UTF-8 without a byte-order mark, a header row, records ended by
// CRLF (the RFC's line break, which Excel, LibreOffice, pandas and R all
// read), fields quoted only when they hold a comma, a double quote, CR or LF
// or start or end with a blank, quotes doubled. A line break inside a value
// is kept as it is, inside the quotes. Numbers are written in the C locale,
// shortest round-trip form.
//
// Spreadsheet formula injection: the names, aliases and predicates come from
// articles, which anyone can write, and a spreadsheet runs a cell starting
// with = + - or @ as a formula. So a text cell starting with one of those (or
// with a tab or CR, which some spreadsheets skip before looking) gets a
// leading apostrophe, as OWASP recommends. Number cells are never touched: a
// negative coordinate must stay a number. Real entity names almost never
// start with those characters, and the JSON, GraphML and GEXF exports keep
// every name exactly.
//
// Edges to nodes not in graph.nodes are dropped. The two files are one set
// (writeFolderAtomically): both are written whole before either replaces an
// older one, and a failed export leaves the folder as it was (and no folder
// when it created it).
Result<void> writeCsv(const GraphData &graph, const ExportOptions &options, const QString &directory);

} // namespace NewsGraph
