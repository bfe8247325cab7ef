#include "core/graph/GraphMetrics.h"

#include "core/graph/Communities.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

Result<GraphMetrics> computeMetrics(const EntityGraph &graph, quint32 seed)
{
    const Result<Communities> communities = detectCommunities(graph, seed);
    if (!communities)
        return Error{communities.error()};
    const QList<int> degrees = graph.degrees();
    const QList<int> weighted = graph.weightedDegrees();
    const QList<double> betweenness = graph.betweenness();
    const QList<double> pageRank = graph.pageRank();
    const QList<int> components = graph.components();

    GraphMetrics metrics;
    metrics.nodes.resize(graph.nodeCount());
    for (qsizetype i = 0; i < graph.nodeCount(); ++i) {
        metrics.nodes[i] = NodeMetrics{degrees.at(i), weighted.at(i), betweenness.at(i),
                                       pageRank.at(i), components.at(i), communities->membership.at(i)};
    }
    metrics.components = components.isEmpty() ? 0 : *std::max_element(components.cbegin(), components.cend()) + 1;
    metrics.communities = communities->count;
    metrics.modularity = communities->modularity;
    return metrics;
}

QStringList metricColumnNames()
{
    return {u"degree"_s, u"weighted_degree"_s, u"betweenness"_s, u"pagerank"_s, u"component"_s, u"community"_s};
}

QHash<qint64, QMap<QString, double>> metricTable(const EntityGraph &graph, const GraphMetrics &metrics)
{
    const QStringList names = metricColumnNames();
    QHash<qint64, QMap<QString, double>> table;
    table.reserve(graph.nodeCount());
    for (qsizetype i = 0; i < graph.nodeCount(); ++i) {
        const NodeMetrics &m = metrics.nodes.at(i);
        table.insert(graph.nodes().at(i).entityId,
                     {{names.at(0), double(m.degree)},
                      {names.at(1), double(m.weightedDegree)},
                      {names.at(2), m.betweenness},
                      {names.at(3), m.pageRank},
                      {names.at(4), double(m.component)},
                      {names.at(5), double(m.community)}});
    }
    return table;
}

} // namespace NewsGraph
