#include "core/export/GraphMLWriter.h"

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

void writeData(QXmlStreamWriter &xml, const QString &key, const QString &value)
{
    xml.writeStartElement(u"data"_s);
    xml.writeAttribute(u"key"_s, key);
    xml.writeCharacters(value);
    xml.writeEndElement();
}

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
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
        // Key ids are short fixed tokens; metric names may hold any text, so
        // they go in attr.name only and get numbered ids.
        writeKey(xml, u"name"_s, u"node"_s, u"name"_s, u"string"_s);
        writeKey(xml, u"type"_s, u"node"_s, u"type"_s, u"string"_s);
        writeKey(xml, u"aliases"_s, u"node"_s, u"aliases"_s, u"string"_s);
        writeKey(xml, u"mentions"_s, u"node"_s, u"mentions"_s, u"int"_s);
        writeKey(xml, u"documents"_s, u"node"_s, u"documents"_s, u"int"_s);
        writeKey(xml, u"hidden"_s, u"node"_s, u"hidden"_s, u"boolean"_s);
        for (qsizetype i = 0; i < metrics.size(); ++i)
            writeKey(xml, u"metric%1"_s.arg(i), u"node"_s, xmlText(metrics.at(i)), u"double"_s);
        if (withPositions) {
            writeKey(xml, u"x"_s, u"node"_s, u"x"_s, u"double"_s);
            writeKey(xml, u"y"_s, u"node"_s, u"y"_s, u"double"_s);
        }
        writeKey(xml, u"predicates"_s, u"edge"_s, u"predicates"_s, u"string"_s);
        writeKey(xml, u"evidence"_s, u"edge"_s, u"evidence"_s, u"int"_s);
        writeKey(xml, u"confidence"_s, u"edge"_s, u"confidence"_s, u"double"_s);
        writeKey(xml, u"cooccurrence"_s, u"edge"_s, u"cooccurrence"_s, u"boolean"_s);

        xml.writeStartElement(u"graph"_s);
        xml.writeAttribute(u"id"_s, u"newsgraph"_s);
        xml.writeAttribute(u"edgedefault"_s, u"undirected"_s);

        for (const GraphNode &node : graph.nodes) {
            xml.writeStartElement(u"node"_s);
            xml.writeAttribute(u"id"_s, QString::number(node.entityId));
            writeData(xml, u"name"_s, xmlText(node.name));
            writeData(xml, u"type"_s, typeName(node.type));
            writeData(xml, u"aliases"_s, xmlText(node.aliases.join(u'|')));
            writeData(xml, u"mentions"_s, QString::number(node.mentions));
            writeData(xml, u"documents"_s, QString::number(node.documentIds.size()));
            writeData(xml, u"hidden"_s, boolText(node.hidden));
            const auto values = options.metrics.constFind(node.entityId);
            if (values != options.metrics.cend()) {
                for (qsizetype i = 0; i < metrics.size(); ++i) {
                    const auto value = values->constFind(metrics.at(i));
                    if (value != values->cend())
                        writeData(xml, u"metric%1"_s.arg(i), formatNumber(*value));
                }
            }
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
            writeData(xml, u"predicates"_s, xmlText(edge.predicates.join(u'|')));
            writeData(xml, u"evidence"_s, QString::number(edge.evidenceCount));
            writeData(xml, u"confidence"_s, formatNumber(edge.confidence));
            writeData(xml, u"cooccurrence"_s, boolText(edge.cooccurrenceOnly));
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
