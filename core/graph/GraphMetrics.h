#pragma once

#include "core/common/Result.h"
#include "core/graph/EntityGraph.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace NewsGraph {

// Every per-entity measure the explorer and the exports offer, for one node.
struct NodeMetrics
{
    int degree = 0;
    int weightedDegree = 0;  // sum of the evidence counts of its edges
    double betweenness = 0.0;
    double pageRank = 0.0;
    int component = 0;
    int community = 0;
};

struct GraphMetrics
{
    QList<NodeMetrics> nodes; // in EntityGraph::nodes() order
    int components = 0;
    int communities = 0;
    double modularity = 0.0;
    // Betweenness counted from this many sources: all nodes when exact,
    // fewer when estimated (see MetricsOptions), 0 when not computed.
    qsizetype betweennessSources = 0;
};

struct MetricsOptions
{
    quint32 seed = 1; // of the communities and of the betweenness sample
    // Exact betweenness visits about nodes x (nodes + edges) adjacency
    // entries; above this many, it is estimated from as many sources as
    // the budget pays for (at least minimumPivots). 0: always exact. The
    // default takes a few seconds.
    qint64 betweennessBudget = 400'000'000;
    qsizetype minimumPivots = 100;
    // False: betweenness is left at zero (betweennessSources 0), for a
    // first answer on a big graph while it is computed.
    bool betweenness = true;
    // Polled between steps; true stops the computation with an error.
    std::function<bool()> cancelled;
    // This graph's metrics computed before without betweenness, with the
    // same seed: their communities and PageRank, which would come out the
    // same, are taken instead of computed again (on a 320,000-entity graph,
    // six seconds of a second pass that only adds betweenness). Ignored
    // when they are not of a graph of this many nodes.
    std::optional<GraphMetrics> firstPass;
};

// All of them at once, communities by detectCommunities(graph, seed).
Result<GraphMetrics> computeMetrics(const EntityGraph &graph, const MetricsOptions &options = {});

// The measures that take linear time (degree, weighted degree, component),
// the others left at zero: what a view can show at once while
// computeMetrics() runs elsewhere.
GraphMetrics basicMetrics(const EntityGraph &graph);

// How many sources computeMetrics() counts betweenness from.
qsizetype betweennessPivots(const EntityGraph &graph, const MetricsOptions &options);

// The metric names, as columns and export attributes: "degree",
// "weighted_degree", "betweenness", "pagerank", "component", "community".
QStringList metricColumnNames();

// Per entity id, metric name -> value: ExportOptions::metrics.
QHash<qint64, QMap<QString, double>> metricTable(const EntityGraph &graph, const GraphMetrics &metrics);

} // namespace NewsGraph
