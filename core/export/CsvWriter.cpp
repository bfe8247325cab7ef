#include "core/export/CsvWriter.h"

#include "core/export/CsvFiles.h"
#include "core/export/OutputFile.h"

#include <QHash>
#include <QIODevice>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr QStringView lineEnd = u"\r\n";

// A text cell a spreadsheet will not take for a formula (see the header).
QString textCell(const QString &text)
{
    if (text.isEmpty())
        return text;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return u'\'' + text;
    default:
        return text;
    }
}

// A failed write need not be checked here: the OutputFile behind `device`
// refuses every write after it and reports it with the system's reason.
void writeRecord(QIODevice &device, const QStringList &fields)
{
    device.write(csvRecord(fields, lineEnd).toUtf8());
}

} // namespace

Result<void> writeCsv(const GraphData &graph, const ExportOptions &options, const QString &directory)
{
    const QStringList metrics = metricNames(options);
    const bool withPositions = !options.positions.isEmpty();

    const auto writeNodes = [&](QIODevice &device) -> Result<void> {
        QStringList header{u"id"_s,       u"name"_s,      u"type"_s,  u"aliases"_s,
                           u"mentions"_s, u"documents"_s, u"hidden"_s, u"notes"_s};
        for (const QString &metric : metrics)
            header.append(textCell(metric));
        if (withPositions)
            header << u"x"_s << u"y"_s;
        writeRecord(device, header);

        for (const GraphNode &node : graph.nodes) {
            QStringList row{QString::number(node.entityId),
                            textCell(node.name),
                            typeName(node.type),
                            textCell(node.aliases.join(u'|')),
                            QString::number(node.mentions),
                            QString::number(node.documentIds.size()),
                            boolText(node.hidden),
                            textCell(node.notes.join(u'\n'))};
            row << metricAndPositionCells(node, options, metrics, formatNumber);
            writeRecord(device, row);
        }
        return {};
    };

    const auto writeEdges = [&](QIODevice &device) -> Result<void> {
        QHash<qint64, QString> names;
        names.reserve(graph.nodes.size());
        for (const GraphNode &node : graph.nodes)
            names.insert(node.entityId, node.name);

        writeRecord(device, {u"source"_s, u"target"_s, u"source_name"_s, u"target_name"_s, u"predicates"_s,
                             u"evidence"_s, u"confidence"_s, u"cooccurrence"_s, u"origin"_s, u"notes"_s});
        for (const GraphEdge &edge : connectedEdges(graph)) {
            writeRecord(device, {QString::number(edge.source),
                                 QString::number(edge.target),
                                 textCell(names.value(edge.source)),
                                 textCell(names.value(edge.target)),
                                 textCell(edge.predicates.join(u'|')),
                                 QString::number(edge.evidenceCount),
                                 formatNumber(edge.confidence),
                                 boolText(edge.cooccurrenceOnly),
                                 originText(edge),
                                 textCell(edge.notes.join(u'\n'))});
        }
        return {};
    };

    return writeFolderAtomically(directory, {{u"nodes.csv"_s, writeNodes}, {u"edges.csv"_s, writeEdges}});
}

} // namespace NewsGraph
