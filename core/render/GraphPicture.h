#pragma once

#include "core/extract/EntityType.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace NewsGraph {

class EntityGraph;
struct GraphMetrics;

enum class NodeColoring { ByType, ByCommunity };
enum class SizeMetric { Mentions, Degree, PageRank, Betweenness };

// "mentions", "degree", "pagerank", "betweenness": the names of the command
// line and of saved settings.
QString sizeMetricName(SizeMetric metric);
std::optional<SizeMetric> sizeMetricFromName(QStringView name); // case-insensitive
QStringList sizeMetricNames();

// "type", "community".
QString nodeColoringName(NodeColoring coloring);
std::optional<NodeColoring> nodeColoringFromName(QStringView name); // case-insensitive

struct GraphStyle
{
    NodeColoring coloring = NodeColoring::ByType;
    SizeMetric sizeMetric = SizeMetric::Mentions;
    QColor background; // invalid: the palette's base colour (canvas), white (export)
    QColor foreground; // labels and edges; invalid: the palette's text colour / black
    QColor accent;     // selection and path; invalid: the palette's highlight colour / a strong blue
};

struct PictureNode
{
    qint64 entityId = 0;
    QString label;          // the entity's name
    EntityType type = EntityType::Organization;
    QPointF position;       // scene (canvas) units, as computeLayout gives them
    double radius = 10.0;   // scene units, from the size metric
    QColor color;           // from the coloring
    int community = 0;
    double importance = 0.0; // 0..1, label priority when labels collide
    bool pinned = false;
    int mentions = 0;       // for tooltips and legends
    int members = 1;        // entities it stands for: a community of an overview stands for all of them
};

struct PictureEdge
{
    qsizetype source = 0; // index into GraphPicture::nodes
    qsizetype target = 0;
    QStringList predicates;
    int evidenceCount = 0;
    double width = 1.0;   // scene units, from evidenceCount
    // +1: arrow at target, -1: arrow at source, 0: undirected (symmetric predicates,
    // or directed predicates pointing both ways)
    int direction = 0;
    bool cooccurrence = false; // drawn lighter / dashed
};

// Everything a view draws of the graph, as plain values: what GraphPainter
// paints on the canvas and in exported images, so both look the same.
struct GraphPicture
{
    QList<PictureNode> nodes;
    QList<PictureEdge> edges;
    GraphStyle style;

    // Through an index that build() and reindex() fill; a picture whose node
    // count no longer matches it (nodes added or removed by hand) is searched
    // one node at a time, so indexOf() is never wrong, only slower.
    qsizetype indexOf(qint64 entityId) const; // -1 if absent
    void reindex();

    // Of nodes incl. radius and a label margin (labels as drawn at zoom 1).
    QRectF bounds() const;

    // Everything a view draws, from the filtered graph, its metrics and positions
    // (entities missing from `positions` are placed at the origin). Radii grow
    // with the square root of the size metric (area follows the value), from
    // 9 to 20 scene units, which the layout's 40-unit spacing keeps apart.
    static GraphPicture build(const EntityGraph &graph, const GraphMetrics &metrics,
                              const QHash<qint64, QPointF> &positions, const QSet<qint64> &pinned,
                              const GraphStyle &style);

private:
    QHash<qint64, qsizetype> m_index;
};

// The type legend's entries (type, colour, shape) for a view to show.
QColor colorForType(EntityType type); // Okabe–Ito, = typeColor() of core/export
// A qualitative palette of 12 colours for communities 0..11 (the largest
// ones, as communities are numbered by decreasing size), grey beyond.
QColor colorForCommunity(int community);
inline constexpr int communityColorCount = 12;

// The shape a node of that type is drawn with, for legends: "circle",
// "rounded square", "diamond", "hexagon", "triangle".
QString shapeName(EntityType type);

} // namespace NewsGraph
