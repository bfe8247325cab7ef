#pragma once

#include "core/common/Result.h"
#include "core/export/ExportOptions.h"
#include "core/store/GraphData.h"

#include <QString>

namespace NewsGraph {

// Writes the graph into `directory` (created when missing) as the input of
// Neo4j 5's offline bulk importer, `neo4j-admin database import full`, in the
// CSV header format of the Neo4j Operations Manual ("Import" > "Import header
// format": <name>:<type> fields, :ID(<id space>), :START_ID/:END_ID of the
// same id space, :LABEL and :TYPE; arrays split on ';'):
//
//   entities.csv
//     entityId:ID(Entity),name,type,aliases:string[],mentions:int,documents:int,
//     hidden:boolean,notes,<metric>:double...,x:double,y:double,:LABEL
//     - notes: the analyst's, joined with " | "
//     - <metric> is the metric name made a plain property key (letters,
//       digits and '_'; anything else becomes '_', and a key already taken
//       gets a numeric suffix); empty where the node has no finite value, so
//       the node gets no such property
//     - x and y only when options.positions is not empty, empty for a node
//       without a position
//     - :LABEL is "Entity;<Type>", Type one of Person, Organization, Place,
//       Product, Event; the "type" property keeps PERSON, ORG, ...
//     - documents is how many documents mention the entity
//   relationships.csv
//     :START_ID(Entity),:END_ID(Entity),:TYPE,evidence:int,documents:int,confidence:double,origin
//     - origin: manual for a relation the analyst added, else extracted
//     - one directed relationship per predicate and direction on an edge: a
//       statement goes from its subject to its object (GraphEdgeEvidence::
//       reversed), so "B invests in A" and "A supplies B" on one pair are two
//       relationships pointing different ways. Co-occurrence is
//       MENTIONED_WITH, in the edge's order.
//     - :TYPE is the predicate in UPPER_SNAKE_CASE (ceo_of -> CEO_OF)
//     - evidence and documents count the distinct sentences and documents
//       stating that predicate in that direction; a predicate the edge lists
//       without any evidence entry goes source -> target with both empty
//     - confidence is the edge's best (GraphData keeps no per-predicate value)
//   import.sh
//     the exact import command, runnable (see the file)
//
// The CSV is RFC 4180 with LF line ends (a Unix tool's input), UTF-8, quotes
// doubled (the importer's default quoting); no formula guard, since no
// spreadsheet reads these files. The importer cannot escape the array
// delimiter, so a ';' inside an alias becomes ','; a line break inside a name
// or alias becomes a space, so the import needs no --multiline-fields (which
// slows it down). Edges to nodes not in graph.nodes are dropped. The three
// files are one set (writeFolderAtomically): all are written whole before any
// replaces an older one, and a failed export leaves the folder as it was (and
// no folder when it created it).
Result<void> writeNeo4jImport(const GraphData &graph, const ExportOptions &options,
                              const QString &directory);

} // namespace NewsGraph
