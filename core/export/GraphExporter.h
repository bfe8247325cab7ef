#pragma once

#include "core/common/Result.h"
#include "core/export/ExportOptions.h"
#include "core/store/GraphData.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace NewsGraph {

// The graph data exports, for the CLI and the GUI to offer and call without
// knowing the writers: each format has a name (what the user types or picks),
// writes a file or a folder, and is written by one call.

enum class ExportFormat { GraphML, Gexf, Csv, Json, Neo4j };

// "graphml", "gexf", "csv", "json", "neo4j": the format's name in the CLI and
// in messages.
QString exportFormatName(ExportFormat format);

// The format of a name, whatever its letter case; nullopt for any other text.
std::optional<ExportFormat> exportFormatFromName(const QString &name);

// Every format's name, in the order of ExportFormat.
QStringList exportFormatNames();

// Whether the format writes a folder of files (csv, neo4j) rather than one
// file: the caller asks for a folder instead of a file name.
bool exportWritesDirectory(ExportFormat format);

// The suffix, without the dot, to give the output file ("graphml", "gexf",
// "json"); empty for the formats that write a folder.
QString exportFileSuffix(ExportFormat format);

// Writes the graph in `format` to `path`, a file or (exportWritesDirectory) a
// folder created when missing, with the writer of that format (GraphMLWriter,
// GexfWriter, CsvWriter, JsonGraphWriter, Neo4jWriter), whose header comment
// gives the exact layout. Through OutputFile (writeAtomically,
// writeFolderAtomically): success only when every byte was written, and a
// failure leaves what was there before (no file, no temporary file, no half
// set of files), with a message naming the file and the system's reason
// ("No space left on device").
Result<void> exportGraph(ExportFormat format, const GraphData &graph, const ExportOptions &options,
                         const QString &path);

} // namespace NewsGraph
