#include "core/export/GraphMLWriter.h"

#include "core/export/OutputFile.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

void writeKey(QXmlStreamWriter &xml, const QString &id, const QString &domain, const QString &name,
              const QString &type)
{
    xml.writeStartElement(u"key"_s);
    xml.writeAttribute(u"id"_s, id);
    xml.writeAttribute(u"for"_s, domain);
    xml.writeAttribute(u"attr.name"_s, name);
    xml.writeAttribute(u"attr.type"_s, type);
    xml.writeEndElement();
}

void writeKeys(QXmlStreamWriter &xml, const QString &domain, const QList<GraphAttribute> &attributes)
{
    for (const GraphAttribute &attribute : attributes) {
        const QString type = attribute.kind == GraphAttribute::Integer  ? u"int"_s
                             : attribute.kind == GraphAttribute::Double  ? u"double"_s
                             : attribute.kind == GraphAttribute::Boolean ? u"boolean"_s
                                                                          : u"string"_s;
        writeKey(xml, attribute.id, domain, attribute.title, type);
    }
}

void writeData(QXmlStreamWriter &xml, const QString &key, const QString &value)
{
    xml.writeStartElement(u"data"_s);
    xml.writeAttribute(u"key"_s, key);
    xml.writeCharacters(value);
    xml.writeEndElement();
}

} // namespace

Result<void> writeGraphML(const GraphData &graph, const ExportOptions &options, const QString &path)
{
    return writeAtomically(path, [&](QIODevice &device) -> Result<void> {
        const QStringList metrics = metricNames(options);
        const bool withPositions = !options.positions.isEmpty();

        QXmlStreamWriter xml(&device);
        xml.setAutoFormatting(true);
        xml.writeStartDocument();
        xml.writeStartElement(u"graphml"_s);
        xml.writeDefaultNamespace(u"http://graphml.graphdrawing.org/xmlns"_s);
        xml.writeNamespace(u"http://www.w3.org/2001/XMLSchema-instance"_s, u"xsi"_s);
        xml.writeAttribute(u"http://www.w3.org/2001/XMLSchema-instance"_s, u"schemaLocation"_s,
                           u"http://graphml.graphdrawing.org/xmlns "
                           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"_s);

        // Node ids are the entity ids, so a reader can join back to the store.
        writeKey(xml, u"name"_s, u"node"_s, u"name"_s, u"string"_s);
        writeKeys(xml, u"node"_s, nodeAttributes(metrics));
        if (withPositions) {
            writeKey(xml, u"x"_s, u"node"_s, u"x"_s, u"double"_s);
            writeKey(xml, u"y"_s, u"node"_s, u"y"_s, u"double"_s);
        }
        writeKeys(xml, u"edge"_s, edgeAttributes());

        xml.writeStartElement(u"graph"_s);
        xml.writeAttribute(u"id"_s, u"newsgraph"_s);
        xml.writeAttribute(u"edgedefault"_s, u"undirected"_s);

        for (const GraphNode &node : graph.nodes) {
            xml.writeStartElement(u"node"_s);
            xml.writeAttribute(u"id"_s, QString::number(node.entityId));
            writeData(xml, u"name"_s, xmlText(node.name));
            for (const auto &[key, value] : nodeAttributeValues(node, options, metrics))
                writeData(xml, key, value);
            const auto position = options.positions.constFind(node.entityId);
            if (position != options.positions.cend()) {
                writeData(xml, u"x"_s, formatNumber(position->x()));
                writeData(xml, u"y"_s, formatNumber(position->y()));
            }
            xml.writeEndElement();
        }

        const QList<GraphEdge> edges = connectedEdges(graph);
        for (qsizetype i = 0; i < edges.size(); ++i) {
            const GraphEdge &edge = edges.at(i);
            xml.writeStartElement(u"edge"_s);
            xml.writeAttribute(u"id"_s, u"e%1"_s.arg(i));
            xml.writeAttribute(u"source"_s, QString::number(edge.source));
            xml.writeAttribute(u"target"_s, QString::number(edge.target));
            for (const auto &[key, value] : edgeAttributeValues(edge))
                writeData(xml, key, value);
            xml.writeEndElement();
        }

        xml.writeEndElement(); // graph
        xml.writeEndElement(); // graphml
        xml.writeEndDocument();
        if (xml.hasError())
            return Error{u"the XML could not be written"_s};
        return {};
    });
}

} // namespace NewsGraph
