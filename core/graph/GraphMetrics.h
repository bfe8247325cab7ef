#pragma once

#include "core/common/Result.h"
#include "core/graph/EntityGraph.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

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
};

// All of them at once, communities by detectCommunities(graph, seed).
Result<GraphMetrics> computeMetrics(const EntityGraph &graph, quint32 seed = 1);

// The metric names, as columns and export attributes: "degree",
// "weighted_degree", "betweenness", "pagerank", "component", "community".
QStringList metricColumnNames();

// Per entity id, metric name -> value: ExportOptions::metrics.
QHash<qint64, QMap<QString, double>> metricTable(const EntityGraph &graph, const GraphMetrics &metrics);

} // namespace NewsGraph
