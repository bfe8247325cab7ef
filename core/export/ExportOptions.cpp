#include "core/export/ExportOptions.h"

#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace NewsGraph {

QString TypeColor::hexName() const
{
    return u"#%1%2%3"_s.arg(red, 2, 16, QLatin1Char('0'))
        .arg(green, 2, 16, QLatin1Char('0'))
        .arg(blue, 2, 16, QLatin1Char('0'));
}

TypeColor typeColor(EntityType type)
{
    // Okabe & Ito (2008), "Color Universal Design": distinguishable under the
    // common colour-vision deficiencies.
    switch (type) {
    case EntityType::Person:
        return {0, 114, 178};   // blue
    case EntityType::Organization:
        return {213, 94, 0};    // vermillion
    case EntityType::Place:
        return {0, 158, 115};   // bluish green
    case EntityType::Product:
        return {230, 159, 0};   // orange
    case EntityType::Event:
        return {204, 121, 167}; // reddish purple
    }
    return {128, 128, 128};
}

QStringList metricNames(const ExportOptions &options)
{
    QSet<QString> names;
    for (const QMap<QString, double> &values : options.metrics) {
        for (auto it = values.keyBegin(); it != values.keyEnd(); ++it)
            names.insert(*it);
    }
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted;
}

QList<GraphEdge> connectedEdges(const GraphData &graph)
{
    QSet<qint64> ids;
    ids.reserve(graph.nodes.size());
    for (const GraphNode &node : graph.nodes)
        ids.insert(node.entityId);
    QList<GraphEdge> edges;
    edges.reserve(graph.edges.size());
    for (const GraphEdge &edge : graph.edges) {
        if (ids.contains(edge.source) && ids.contains(edge.target))
            edges.append(edge);
    }
    return edges;
}

QStringList metricAndPositionCells(const GraphNode &node, const ExportOptions &options, const QStringList &metrics,
                                   QString (*format)(double))
{
    QStringList cells;
    const QMap<QString, double> values = options.metrics.value(node.entityId);
    for (const QString &metric : metrics) {
        const auto value = values.constFind(metric);
        cells.append(value != values.cend() ? format(*value) : QString());
    }
    if (!options.positions.isEmpty()) {
        const auto position = options.positions.constFind(node.entityId);
        if (position != options.positions.cend())
            cells << format(position->x()) << format(position->y());
        else
            cells << QString() << QString();
    }
    return cells;
}

QString boolText(bool value)
{
    return value ? u"true"_s : u"false"_s;
}

QList<GraphAttribute> nodeAttributes(const QStringList &metrics)
{
    QList<GraphAttribute> attributes{
        {u"type"_s, u"type"_s, GraphAttribute::String},
        {u"aliases"_s, u"aliases"_s, GraphAttribute::String},
        {u"mentions"_s, u"mentions"_s, GraphAttribute::Integer},
        {u"documents"_s, u"documents"_s, GraphAttribute::Integer},
        {u"hidden"_s, u"hidden"_s, GraphAttribute::Boolean},
        {u"notes"_s, u"notes"_s, GraphAttribute::String},
    };
    // Metric names may hold any text, so their ids are numbered.
    for (qsizetype i = 0; i < metrics.size(); ++i)
        attributes.append({u"metric%1"_s.arg(i), xmlText(metrics.at(i)), GraphAttribute::Double});
    return attributes;
}

QList<GraphAttribute> edgeAttributes()
{
    return {
        {u"predicates"_s, u"predicates"_s, GraphAttribute::String},
        {u"evidence"_s, u"evidence"_s, GraphAttribute::Integer},
        {u"confidence"_s, u"confidence"_s, GraphAttribute::Double},
        {u"cooccurrence"_s, u"cooccurrence"_s, GraphAttribute::Boolean},
        {u"origin"_s, u"origin"_s, GraphAttribute::String},
        // GraphML's key ids are one namespace for nodes and edges.
        {u"edge_notes"_s, u"notes"_s, GraphAttribute::String},
    };
}

QString originText(const GraphEdge &edge)
{
    return edge.manual ? u"manual"_s : u"extracted"_s;
}

QList<std::pair<QString, QString>> nodeAttributeValues(const GraphNode &node, const ExportOptions &options,
                                                       const QStringList &metrics)
{
    QList<std::pair<QString, QString>> values{
        {u"type"_s, typeName(node.type)},
        {u"aliases"_s, xmlText(node.aliases.join(u'|'))},
        {u"mentions"_s, QString::number(node.mentions)},
        {u"documents"_s, QString::number(node.documentIds.size())},
        {u"hidden"_s, boolText(node.hidden)},
        {u"notes"_s, xmlText(node.notes.join(u'\n'))},
    };
    const auto measured = options.metrics.constFind(node.entityId);
    if (measured != options.metrics.cend()) {
        for (qsizetype i = 0; i < metrics.size(); ++i) {
            const auto value = measured->constFind(metrics.at(i));
            if (value != measured->cend())
                values.append({u"metric%1"_s.arg(i), formatNumber(*value)});
        }
    }
    return values;
}

QList<std::pair<QString, QString>> edgeAttributeValues(const GraphEdge &edge)
{
    return {
        {u"predicates"_s, xmlText(edge.predicates.join(u'|'))},
        {u"evidence"_s, QString::number(edge.evidenceCount)},
        {u"confidence"_s, formatNumber(edge.confidence)},
        {u"cooccurrence"_s, boolText(edge.cooccurrenceOnly)},
        {u"origin"_s, originText(edge)},
        {u"edge_notes"_s, xmlText(edge.notes.join(u'\n'))},
    };
}

QString formatNumber(double value)
{
    // QString::number is locale-independent; "shortest" round-trips.
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString xmlText(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            clean.append(c);
            clean.append(text.at(++i));
        } else if (c.isSurrogate() || (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r')
                   || c.unicode() == 0xFFFE || c.unicode() == 0xFFFF) {
            continue;
        } else {
            clean.append(c);
        }
    }
    return clean;
}

} // namespace NewsGraph
