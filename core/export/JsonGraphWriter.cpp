#include "core/export/JsonGraphWriter.h"

#include "core/export/OutputFile.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// JSON has no NaN or infinity; null says "no value" without inventing one.
QJsonValue numberValue(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

template<typename Integer>
QJsonArray numberArray(const QList<Integer> &values)
{
    QJsonArray array;
    for (const Integer value : values)
        array.append(QJsonValue(qint64(value)));
    return array;
}

QJsonObject nodeObject(const GraphNode &node, const ExportOptions &options)
{
    QJsonObject metrics;
    const QMap<QString, double> values = options.metrics.value(node.entityId);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        metrics.insert(it.key(), numberValue(it.value()));

    QJsonObject object{
        {u"id"_s, node.entityId},
        {u"name"_s, node.name},
        {u"type"_s, typeName(node.type)},
        {u"aliases"_s, QJsonArray::fromStringList(node.aliases)},
        {u"mentions"_s, node.mentions},
        {u"documents"_s, numberArray(node.documentIds)},
        {u"hidden"_s, node.hidden},
        {u"notes"_s, QJsonArray::fromStringList(node.notes)},
        {u"metrics"_s, metrics},
    };
    const auto position = options.positions.constFind(node.entityId);
    if (position != options.positions.cend()) {
        object.insert(u"x"_s, numberValue(position->x()));
        object.insert(u"y"_s, numberValue(position->y()));
    }
    return object;
}

QJsonObject edgeObject(const GraphEdge &edge)
{
    QJsonArray statements;
    for (const GraphEdgeEvidence &evidence : edge.evidence) {
        const qint64 subject = evidence.reversed ? edge.target : edge.source;
        const qint64 object = evidence.reversed ? edge.source : edge.target;
        statements.append(QJsonObject{
            {u"predicate"_s, evidence.predicate},
            {u"subject"_s, subject},
            {u"object"_s, object},
            // null for the analyst's own assertion of a relation
            {u"document"_s, evidence.sentenceIds.isEmpty() && evidence.manual ? QJsonValue(QJsonValue::Null)
                                                                                : QJsonValue(evidence.documentId)},
            {u"origin"_s, evidence.manual ? u"manual"_s : u"extracted"_s},
            {u"date"_s, evidence.documentDate.isValid()
                            ? QJsonValue(evidence.documentDate.toString(Qt::ISODate))
                            : QJsonValue(QJsonValue::Null)},
            {u"sentences"_s, numberArray(evidence.sentenceIds)},
        });
    }
    return {
        {u"source"_s, edge.source},
        {u"target"_s, edge.target},
        {u"predicates"_s, QJsonArray::fromStringList(edge.predicates)},
        {u"evidence"_s, edge.evidenceCount},
        {u"confidence"_s, numberValue(edge.confidence)},
        {u"cooccurrence"_s, edge.cooccurrenceOnly},
        {u"origin"_s, originText(edge)},
        {u"notes"_s, QJsonArray::fromStringList(edge.notes)},
        {u"statements"_s, statements},
    };
}

} // namespace

Result<void> writeJsonGraph(const GraphData &graph, const ExportOptions &options, const QString &path)
{
    return writeAtomically(path, [&](QIODevice &device) -> Result<void> {
        QJsonArray nodes;
        for (const GraphNode &node : graph.nodes)
            nodes.append(nodeObject(node, options));
        QJsonArray edges;
        for (const GraphEdge &edge : connectedEdges(graph))
            edges.append(edgeObject(edge));
        const QJsonObject root{
            {u"format"_s, u"newsgraph-graph"_s},
            {u"version"_s, 1},
            {u"nodes"_s, nodes},
            {u"edges"_s, edges},
        };
        // One write of the whole document; a part the system does not take
        // is an error writeAtomically reports with the system's reason.
        device.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return {};
    });
}

} // namespace NewsGraph
