#include "core/export/GexfWriter.h"

#include <QDate>
#include <QXmlStreamWriter>

#include <algorithm>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

const QString gexfNamespace = u"http://gexf.net/1.3"_s;
const QString vizNamespace = u"http://gexf.net/1.3/viz"_s;

constexpr double minimumSize = 5.0;
constexpr double maximumSize = 50.0;

void writeAttribute(QXmlStreamWriter &xml, const QString &id, const QString &title, const QString &type)
{
    xml.writeStartElement(gexfNamespace, u"attribute"_s);
    xml.writeAttribute(u"id"_s, id);
    xml.writeAttribute(u"title"_s, title);
    xml.writeAttribute(u"type"_s, type);
    xml.writeEndElement();
}

void writeValue(QXmlStreamWriter &xml, const QString &id, const QString &value)
{
    xml.writeStartElement(gexfNamespace, u"attvalue"_s);
    xml.writeAttribute(u"for"_s, id);
    xml.writeAttribute(u"value"_s, value);
    xml.writeEndElement();
}

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

std::optional<double> sizeValue(const GraphNode &node, const ExportOptions &options, bool byMetric)
{
    if (!byMetric)
        return double(node.mentions);
    const auto values = options.metrics.constFind(node.entityId);
    if (values == options.metrics.cend())
        return std::nullopt;
    const auto value = values->constFind(options.sizeMetric);
    if (value == values->cend())
        return std::nullopt;
    return *value;
}

} // namespace

Result<void> writeGexf(const GraphData &graph, const ExportOptions &options, const QString &path)
{
    return writeAtomically(path, [&](QIODevice &device) -> Result<void> {
        const QStringList metrics = metricNames(options);
        const bool sizeByMetric = metrics.contains(options.sizeMetric);

        // The range of the size values, so the scaling is known before the
        // first node is written. Nodes without a value get the smallest size.
        double low = std::numeric_limits<double>::infinity();
        double high = -std::numeric_limits<double>::infinity();
        for (const GraphNode &node : graph.nodes) {
            if (const auto value = sizeValue(node, options, sizeByMetric)) {
                low = std::min(low, *value);
                high = std::max(high, *value);
            }
        }
        const auto scaled = [&](std::optional<double> value) {
            if (!value || !(high > low))
                return value && high == low ? (minimumSize + maximumSize) / 2 : minimumSize;
            return minimumSize + (maximumSize - minimumSize) * (*value - low) / (high - low);
        };

        QXmlStreamWriter xml(&device);
        xml.setAutoFormatting(true);
        xml.writeStartDocument();
        xml.writeNamespace(vizNamespace, u"viz"_s);
        xml.writeDefaultNamespace(gexfNamespace);
        xml.writeStartElement(gexfNamespace, u"gexf"_s);
        xml.writeAttribute(u"version"_s, u"1.3"_s);

        xml.writeStartElement(gexfNamespace, u"meta"_s);
        xml.writeAttribute(u"lastmodifieddate"_s, QDate::currentDate().toString(Qt::ISODate));
        xml.writeTextElement(gexfNamespace, u"creator"_s, u"NewsGraph"_s);
        xml.writeTextElement(gexfNamespace, u"description"_s,
                             u"Entities and relations extracted from news"_s);
        xml.writeEndElement(); // meta

        xml.writeStartElement(gexfNamespace, u"graph"_s);
        xml.writeAttribute(u"mode"_s, u"static"_s);
        xml.writeAttribute(u"defaultedgetype"_s, u"undirected"_s);

        xml.writeStartElement(gexfNamespace, u"attributes"_s);
        xml.writeAttribute(u"class"_s, u"node"_s);
        xml.writeAttribute(u"mode"_s, u"static"_s);
        writeAttribute(xml, u"type"_s, u"type"_s, u"string"_s);
        writeAttribute(xml, u"aliases"_s, u"aliases"_s, u"string"_s);
        writeAttribute(xml, u"mentions"_s, u"mentions"_s, u"integer"_s);
        writeAttribute(xml, u"documents"_s, u"documents"_s, u"integer"_s);
        writeAttribute(xml, u"hidden"_s, u"hidden"_s, u"boolean"_s);
        for (qsizetype i = 0; i < metrics.size(); ++i)
            writeAttribute(xml, u"metric%1"_s.arg(i), xmlText(metrics.at(i)), u"double"_s);
        xml.writeEndElement();

        xml.writeStartElement(gexfNamespace, u"attributes"_s);
        xml.writeAttribute(u"class"_s, u"edge"_s);
        xml.writeAttribute(u"mode"_s, u"static"_s);
        writeAttribute(xml, u"predicates"_s, u"predicates"_s, u"string"_s);
        writeAttribute(xml, u"evidence"_s, u"evidence"_s, u"integer"_s);
        writeAttribute(xml, u"confidence"_s, u"confidence"_s, u"double"_s);
        writeAttribute(xml, u"cooccurrence"_s, u"cooccurrence"_s, u"boolean"_s);
        xml.writeEndElement();

        xml.writeStartElement(gexfNamespace, u"nodes"_s);
        for (const GraphNode &node : graph.nodes) {
            xml.writeStartElement(gexfNamespace, u"node"_s);
            xml.writeAttribute(u"id"_s, QString::number(node.entityId));
            xml.writeAttribute(u"label"_s, xmlText(node.name));

            xml.writeStartElement(gexfNamespace, u"attvalues"_s);
            writeValue(xml, u"type"_s, typeName(node.type));
            writeValue(xml, u"aliases"_s, xmlText(node.aliases.join(u'|')));
            writeValue(xml, u"mentions"_s, QString::number(node.mentions));
            writeValue(xml, u"documents"_s, QString::number(node.documentIds.size()));
            writeValue(xml, u"hidden"_s, boolText(node.hidden));
            const auto values = options.metrics.constFind(node.entityId);
            if (values != options.metrics.cend()) {
                for (qsizetype i = 0; i < metrics.size(); ++i) {
                    const auto value = values->constFind(metrics.at(i));
                    if (value != values->cend())
                        writeValue(xml, u"metric%1"_s.arg(i), formatNumber(*value));
                }
            }
            xml.writeEndElement(); // attvalues

            const TypeColor color = typeColor(node.type);
            xml.writeStartElement(vizNamespace, u"color"_s);
            xml.writeAttribute(u"r"_s, QString::number(color.red));
            xml.writeAttribute(u"g"_s, QString::number(color.green));
            xml.writeAttribute(u"b"_s, QString::number(color.blue));
            xml.writeEndElement();

            xml.writeStartElement(vizNamespace, u"size"_s);
            xml.writeAttribute(u"value"_s, formatNumber(scaled(sizeValue(node, options, sizeByMetric))));
            xml.writeEndElement();

            const auto position = options.positions.constFind(node.entityId);
            if (position != options.positions.cend()) {
                xml.writeStartElement(vizNamespace, u"position"_s);
                xml.writeAttribute(u"x"_s, formatNumber(position->x()));
                // Gephi's y axis points up, the canvas's down.
                xml.writeAttribute(u"y"_s, formatNumber(-position->y()));
                xml.writeAttribute(u"z"_s, u"0"_s);
                xml.writeEndElement();
            }
            xml.writeEndElement(); // node
        }
        xml.writeEndElement(); // nodes

        xml.writeStartElement(gexfNamespace, u"edges"_s);
        const QList<GraphEdge> edges = connectedEdges(graph);
        for (qsizetype i = 0; i < edges.size(); ++i) {
            const GraphEdge &edge = edges.at(i);
            const QString predicates = xmlText(edge.predicates.join(u'|'));
            xml.writeStartElement(gexfNamespace, u"edge"_s);
            xml.writeAttribute(u"id"_s, QString::number(i));
            xml.writeAttribute(u"source"_s, QString::number(edge.source));
            xml.writeAttribute(u"target"_s, QString::number(edge.target));
            xml.writeAttribute(u"label"_s, predicates);
            // Gephi requires a positive weight; an edge always has at least
            // one sentence behind it, but guard against an empty count.
            xml.writeAttribute(u"weight"_s, QString::number(std::max(1, edge.evidenceCount)));
            xml.writeStartElement(gexfNamespace, u"attvalues"_s);
            writeValue(xml, u"predicates"_s, predicates);
            writeValue(xml, u"evidence"_s, QString::number(edge.evidenceCount));
            writeValue(xml, u"confidence"_s, formatNumber(edge.confidence));
            writeValue(xml, u"cooccurrence"_s, boolText(edge.cooccurrenceOnly));
            xml.writeEndElement(); // attvalues
            xml.writeEndElement(); // edge
        }
        xml.writeEndElement(); // edges

        xml.writeEndElement(); // graph
        xml.writeEndElement(); // gexf
        xml.writeEndDocument();
        if (xml.hasError())
            return Error{u"the XML could not be written"_s};
        return {};
    });
}

} // namespace NewsGraph
