#include "core/graph/GraphMetrics.h"

#include "core/graph/Communities.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

int componentCount(const QList<int> &components)
{
    return components.isEmpty() ? 0 : *std::max_element(components.cbegin(), components.cend()) + 1;
}

} // namespace

GraphMetrics basicMetrics(const EntityGraph &graph)
{
    const QList<int> degrees = graph.degrees();
    const QList<int> weighted = graph.weightedDegrees();
    const QList<int> components = graph.components();
    GraphMetrics metrics;
    metrics.nodes.resize(graph.nodeCount());
    for (qsizetype i = 0; i < graph.nodeCount(); ++i) {
        NodeMetrics &m = metrics.nodes[i];
        m.degree = degrees.at(i);
        m.weightedDegree = weighted.at(i);
        m.component = components.at(i);
    }
    metrics.components = componentCount(components);
    return metrics;
}

qsizetype betweennessPivots(const EntityGraph &graph, const MetricsOptions &options)
{
    const qsizetype n = graph.nodeCount();
    const qint64 perSource = qint64(n) + 2 * qint64(graph.edgeCount());
    if (options.betweennessBudget <= 0 || qint64(n) * perSource <= options.betweennessBudget)
        return n;
    return std::min(n, std::max(options.minimumPivots, qsizetype(options.betweennessBudget / perSource)));
}

Result<GraphMetrics> computeMetrics(const EntityGraph &graph, const MetricsOptions &options)
{
    const auto cancelled = [&options] { return options.cancelled && options.cancelled(); };
    const Error stopped{u"The metrics computation was cancelled."_s};
    GraphMetrics metrics;
    if (options.firstPass && options.firstPass->nodes.size() == graph.nodeCount()) {
        metrics = *options.firstPass;
    } else {
        metrics = basicMetrics(graph);
        if (cancelled())
            return stopped;
        const Result<Communities> communities = detectCommunities(graph, options.seed);
        if (!communities)
            return Error{communities.error()};
        if (cancelled())
            return stopped;
        const QList<double> pageRank = graph.pageRank();
        for (qsizetype i = 0; i < graph.nodeCount(); ++i) {
            NodeMetrics &m = metrics.nodes[i];
            m.pageRank = pageRank.at(i);
            m.community = communities->membership.at(i);
        }
        metrics.communities = communities->count;
        metrics.modularity = communities->modularity;
    }

    BetweennessOptions betweennessOptions;
    betweennessOptions.pivots = options.betweenness ? betweennessPivots(graph, options) : 0;
    betweennessOptions.seed = options.seed;
    betweennessOptions.cancelled = options.cancelled;
    const QList<double> betweenness = options.betweenness ? graph.betweenness(betweennessOptions)
                                                          : QList<double>(graph.nodeCount(), 0.0);
    if (betweenness.size() != graph.nodeCount())
        return stopped;
    for (qsizetype i = 0; i < graph.nodeCount(); ++i)
        metrics.nodes[i].betweenness = betweenness.at(i);
    metrics.betweennessSources = betweennessOptions.pivots;
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
