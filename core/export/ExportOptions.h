#pragma once

#include "core/common/Result.h"
#include "core/extract/EntityType.h"
#include "core/store/GraphData.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <utility>

namespace NewsGraph {

// What a graph export adds to the GraphData it writes: values computed by
// core/graph (metrics, layout) that the store does not hold, and how to turn
// them into Gephi's visual attributes. Everything is optional; a writer given
// default options writes the graph's own fields only.
struct ExportOptions
{
    // Per entity id, metric name -> value ("degree", "pagerank", ...). A node
    // may lack a metric: its value is left out (GraphML/GEXF/JSON) or the cell
    // left empty (CSV), never written as 0, which would be a claim.
    QHash<qint64, QMap<QString, double>> metrics;

    // Per entity id, layout position in canvas units. Written as x/y
    // attributes (GraphML, CSV, JSON) and viz:position (GEXF) for the nodes
    // that have one.
    QHash<qint64, QPointF> positions;

    // The metric that sets viz:size in GEXF; empty or unknown means mentions.
    QString sizeMetric;
};

// An sRGB colour without Qt Gui, which core does not link.
struct TypeColor
{
    int red = 0;
    int green = 0;
    int blue = 0;

    QString hexName() const; // "#rrggbb"
};

// The colour of an entity type, shared by the exports and (so that an exported
// graph looks like the canvas) meant for the canvas too. Colour-blind-safe
// Okabe–Ito palette, one hue per type.
TypeColor typeColor(EntityType type);

// The metric names present on any node, sorted, so every writer declares the
// same columns in the same order.
QStringList metricNames(const ExportOptions &options);

// The edges both of whose ends are among the nodes. A writer drops the others
// (their node was filtered out) so that every file is self-consistent: GraphML
// and GEXF readers reject edges to undeclared nodes.
QList<GraphEdge> connectedEdges(const GraphData &graph);

// An attribute the XML formats (GraphML keys, GEXF attributes) declare for
// nodes or edges; the id is what each value refers to.
struct GraphAttribute
{
    enum Kind { String, Integer, Double, Boolean };
    QString id;
    QString title;
    Kind kind = String;
};

// The node attributes besides the name, in the order they are written: the
// graph's own fields, then "metric0", "metric1", ... titled by `metrics`.
QList<GraphAttribute> nodeAttributes(const QStringList &metrics);
QList<GraphAttribute> edgeAttributes();
// (attribute id, value) for those attributes, in the same order; a metric
// the node lacks is left out. Text values are xmlText().
QList<std::pair<QString, QString>> nodeAttributeValues(const GraphNode &node, const ExportOptions &options,
                                                       const QStringList &metrics);
QList<std::pair<QString, QString>> edgeAttributeValues(const GraphEdge &edge);

// A table row's numeric cells for a node: its value of each of `metrics`,
// then, unless `options` has no positions, its x and y; each through
// `format`, empty where the node has none.
QStringList metricAndPositionCells(const GraphNode &node, const ExportOptions &options, const QStringList &metrics,
                                   QString (*format)(double));

// "manual" when one of the edge's relations was added by the analyst, else
// "extracted": the edge's `origin` in every format.
QString originText(const GraphEdge &edge);

// "true" or "false", as every text format writes a flag.
QString boolText(bool value);

// Shortest text that reads back as the same double, in the C locale.
QString formatNumber(double value);

// `text` without the characters XML 1.0 cannot carry at all (C0 controls
// other than tab, LF and CR; U+FFFE and U+FFFF; lone surrogates), which
// QXmlStreamWriter and QSvgGenerator in Qt 6.4 write through and so make the
// document unreadable. The one place every XML output (GraphML, GEXF, and the
// labels of an SVG picture) cleans the names, aliases and predicates it got
// from articles.
QString xmlText(const QString &text);

} // namespace NewsGraph
