#include "core/export/GexfWriter.h"

#include "core/export/OutputFile.h"

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

// An <attributes> declaration of one class ("node" or "edge").
void writeAttributes(QXmlStreamWriter &xml, const QString &domain, const QList<GraphAttribute> &attributes)
{
    xml.writeStartElement(gexfNamespace, u"attributes"_s);
    xml.writeAttribute(u"class"_s, domain);
    xml.writeAttribute(u"mode"_s, u"static"_s);
    for (const GraphAttribute &attribute : attributes) {
        xml.writeStartElement(gexfNamespace, u"attribute"_s);
        xml.writeAttribute(u"id"_s, attribute.id);
        xml.writeAttribute(u"title"_s, attribute.title);
        xml.writeAttribute(u"type"_s, attribute.kind == GraphAttribute::Integer  ? u"integer"_s
                                      : attribute.kind == GraphAttribute::Double  ? u"double"_s
                                      : attribute.kind == GraphAttribute::Boolean ? u"boolean"_s
                                                                                   : u"string"_s);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeValues(QXmlStreamWriter &xml, const QList<std::pair<QString, QString>> &values)
{
    xml.writeStartElement(gexfNamespace, u"attvalues"_s);
    for (const auto &[id, value] : values) {
        xml.writeStartElement(gexfNamespace, u"attvalue"_s);
        xml.writeAttribute(u"for"_s, id);
        xml.writeAttribute(u"value"_s, value);
        xml.writeEndElement();
    }
    xml.writeEndElement();
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

        writeAttributes(xml, u"node"_s, nodeAttributes(metrics));
        writeAttributes(xml, u"edge"_s, edgeAttributes());

        xml.writeStartElement(gexfNamespace, u"nodes"_s);
        for (const GraphNode &node : graph.nodes) {
            xml.writeStartElement(gexfNamespace, u"node"_s);
            xml.writeAttribute(u"id"_s, QString::number(node.entityId));
            xml.writeAttribute(u"label"_s, xmlText(node.name));

            writeValues(xml, nodeAttributeValues(node, options, metrics));

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
            xml.writeStartElement(gexfNamespace, u"edge"_s);
            xml.writeAttribute(u"id"_s, QString::number(i));
            xml.writeAttribute(u"source"_s, QString::number(edge.source));
            xml.writeAttribute(u"target"_s, QString::number(edge.target));
            xml.writeAttribute(u"label"_s, xmlText(edge.predicates.join(u'|')));
            // Gephi requires a positive weight; an edge always has at least
            // one sentence behind it, but guard against an empty count.
            xml.writeAttribute(u"weight"_s, QString::number(std::max(1, edge.evidenceCount)));
            writeValues(xml, edgeAttributeValues(edge));
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
