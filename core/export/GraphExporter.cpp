#include "core/export/GraphExporter.h"

#include "core/common/EnumNames.h"
#include "core/export/CsvWriter.h"
#include "core/export/GexfWriter.h"
#include "core/export/GraphMLWriter.h"
#include "core/export/JsonGraphWriter.h"
#include "core/export/Neo4jWriter.h"

#include <array>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr std::array allFormats{ExportFormat::GraphML, ExportFormat::Gexf, ExportFormat::Csv,
                                ExportFormat::Json, ExportFormat::Neo4j};

} // namespace

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::GraphML:
        return u"graphml"_s;
    case ExportFormat::Gexf:
        return u"gexf"_s;
    case ExportFormat::Csv:
        return u"csv"_s;
    case ExportFormat::Json:
        return u"json"_s;
    case ExportFormat::Neo4j:
        return u"neo4j"_s;
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    return enumFromName(name, allFormats, exportFormatName);
}

QStringList exportFormatNames()
{
    return enumNames(allFormats, exportFormatName);
}

bool exportWritesDirectory(ExportFormat format)
{
    return format == ExportFormat::Csv || format == ExportFormat::Neo4j;
}

QString exportFileSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::GraphML:
        return u"graphml"_s;
    case ExportFormat::Gexf:
        return u"gexf"_s;
    case ExportFormat::Json:
        return u"json"_s;
    case ExportFormat::Csv:
    case ExportFormat::Neo4j:
        return {};
    }
    return {};
}

Result<void> exportGraph(ExportFormat format, const GraphData &graph, const ExportOptions &options,
                         const QString &path)
{
    switch (format) {
    case ExportFormat::GraphML:
        return writeGraphML(graph, options, path);
    case ExportFormat::Gexf:
        return writeGexf(graph, options, path);
    case ExportFormat::Csv:
        return writeCsv(graph, options, path);
    case ExportFormat::Json:
        return writeJsonGraph(graph, options, path);
    case ExportFormat::Neo4j:
        return writeNeo4jImport(graph, options, path);
    }
    return Error{u"Cannot write %1: unknown export format"_s.arg(path)};
}

} // namespace NewsGraph
