#include "core/render/GraphPicture.h"

#include "core/common/EnumNames.h"
#include "core/export/ExportOptions.h"
#include "core/graph/EdgeStatements.h"
#include "core/graph/EntityGraph.h"
#include "core/graph/GraphMetrics.h"
#include "core/render/GraphPainter.h"

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr std::array allSizeMetrics{SizeMetric::Mentions, SizeMetric::Degree, SizeMetric::PageRank,
                                    SizeMetric::Betweenness};

constexpr double minimumRadius = 9.0;
constexpr double maximumRadius = 20.0;

double metricValue(SizeMetric metric, const GraphNode &node, const NodeMetrics *metrics)
{
    switch (metric) {
    case SizeMetric::Mentions:
        return node.mentions;
    case SizeMetric::Degree:
        return metrics ? metrics->degree : 0.0;
    case SizeMetric::PageRank:
        return metrics ? metrics->pageRank : 0.0;
    case SizeMetric::Betweenness:
        return metrics ? metrics->betweenness : 0.0;
    }
    return 0.0;
}

// 0..1 by the square root of the value's place between the smallest and the
// largest: the drawn area, not the radius, follows the value, and one hub does
// not shrink every other node to a dot.
QList<double> normalised(const QList<double> &values)
{
    QList<double> result(values.size(), 0.0);
    if (values.isEmpty())
        return result;
    const auto [low, high] = std::minmax_element(values.cbegin(), values.cend());
    const double span = *high - *low;
    for (qsizetype i = 0; i < values.size(); ++i)
        result[i] = span > 0.0 ? std::sqrt((values.at(i) - *low) / span) : 0.35;
    return result;
}

// Arrow direction of an edge from what its evidence says: each directed
// predicate points from its subject, which is the edge's source unless the
// entry is `reversed`. Symmetric predicates say nothing about direction, and
// statements both ways make the edge undirected.
int edgeDirection(const GraphEdge &edge)
{
    bool forward = false;
    bool backward = false;
    for (const EdgeStatement &statement : statementsFrom(edge, edge.source)) {
        forward = forward || statement.direction == StatementDirection::Forward;
        backward = backward || statement.direction == StatementDirection::Backward;
    }
    if (forward == backward)
        return 0;
    return forward ? 1 : -1;
}

} // namespace

QString sizeMetricName(SizeMetric metric)
{
    switch (metric) {
    case SizeMetric::Mentions:
        return u"mentions"_s;
    case SizeMetric::Degree:
        return u"degree"_s;
    case SizeMetric::PageRank:
        return u"pagerank"_s;
    case SizeMetric::Betweenness:
        return u"betweenness"_s;
    }
    return {};
}

std::optional<SizeMetric> sizeMetricFromName(QStringView name)
{
    return enumFromName(name, allSizeMetrics, sizeMetricName);
}

QStringList sizeMetricNames()
{
    return enumNames(allSizeMetrics, sizeMetricName);
}

QString nodeColoringName(NodeColoring coloring)
{
    return coloring == NodeColoring::ByType ? u"type"_s : u"community"_s;
}

std::optional<NodeColoring> nodeColoringFromName(QStringView name)
{
    return enumFromName(name, std::array{NodeColoring::ByType, NodeColoring::ByCommunity}, nodeColoringName);
}

QColor colorForType(EntityType type)
{
    const TypeColor color = typeColor(type);
    return QColor(color.red, color.green, color.blue);
}

QColor colorForCommunity(int community)
{
    // Tableau 10 without its grey, then two of Tableau 20: qualitative hues of
    // even weight that stay apart on white and on dark backgrounds. Grey is
    // kept for the many small communities beyond them.
    static constexpr std::array<QRgb, communityColorCount> palette{
        0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948,
        0xb07aa1, 0xff9da7, 0x9c755f, 0xb6992d, 0x8cd17d, 0xa0cbe8,
    };
    if (community < 0 || community >= communityColorCount)
        return QColor(0x9d, 0x9d, 0x9d);
    return QColor::fromRgb(palette[std::size_t(community)]);
}

QString shapeName(EntityType type)
{
    switch (type) {
    case EntityType::Person:
        return u"circle"_s;
    case EntityType::Organization:
        return u"rounded square"_s;
    case EntityType::Place:
        return u"diamond"_s;
    case EntityType::Product:
        return u"hexagon"_s;
    case EntityType::Event:
        return u"triangle"_s;
    }
    return u"circle"_s;
}

qsizetype GraphPicture::indexOf(qint64 entityId) const
{
    if (m_index.size() == nodes.size()) {
        const qsizetype index = m_index.value(entityId, -1);
        if (index < 0)
            return -1;
        if (index < nodes.size() && nodes.at(index).entityId == entityId)
            return index;
    }
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).entityId == entityId)
            return i;
    }
    return -1;
}

void GraphPicture::reindex()
{
    m_index.clear();
    m_index.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i)
        m_index.insert(nodes.at(i).entityId, i);
}

QRectF GraphPicture::bounds() const
{
    return paintedBounds(*this, 1.0);
}

GraphPicture GraphPicture::build(const EntityGraph &graph, const GraphMetrics &metrics,
                                 const QHash<qint64, QPointF> &positions, const QSet<qint64> &pinned,
                                 const GraphStyle &style)
{
    GraphPicture picture;
    picture.style = style;
    const QList<GraphNode> &nodes = graph.nodes();
    const bool haveMetrics = metrics.nodes.size() == nodes.size();

    QList<double> values;
    QList<double> degrees;
    values.reserve(nodes.size());
    degrees.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const NodeMetrics *nodeMetrics = haveMetrics ? &metrics.nodes.at(i) : nullptr;
        values.append(metricValue(style.sizeMetric, nodes.at(i), nodeMetrics));
        degrees.append(nodeMetrics ? nodeMetrics->degree : 0.0);
    }
    const QList<double> sizes = normalised(values);
    const QList<double> connectedness = normalised(degrees);

    picture.nodes.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const GraphNode &node = nodes.at(i);
        PictureNode drawn;
        drawn.entityId = node.entityId;
        drawn.label = node.name;
        drawn.type = node.type;
        drawn.position = positions.value(node.entityId);
        drawn.radius = minimumRadius + (maximumRadius - minimumRadius) * sizes.at(i);
        drawn.community = haveMetrics ? metrics.nodes.at(i).community : 0;
        drawn.color = style.coloring == NodeColoring::ByType ? colorForType(node.type)
                                                             : colorForCommunity(drawn.community);
        // The size decides, the degree breaks its ties (many nodes share a
        // betweenness of 0 or a single mention).
        drawn.importance = 0.9 * sizes.at(i) + 0.1 * connectedness.at(i);
        drawn.pinned = pinned.contains(node.entityId);
        drawn.mentions = node.mentions;
        picture.nodes.append(drawn);
    }
    picture.reindex();

    picture.edges.reserve(graph.edgeCount());
    for (const GraphEdge &edge : graph.edges()) {
        PictureEdge drawn;
        drawn.source = picture.indexOf(edge.source);
        drawn.target = picture.indexOf(edge.target);
        if (drawn.source < 0 || drawn.target < 0)
            continue;
        drawn.predicates = edge.predicates;
        drawn.evidenceCount = edge.evidenceCount;
        // One sentence draws a hairline, each doubling adds the same step,
        // up to 6 units at 16 sentences.
        drawn.width = std::clamp(1.0 + 1.25 * std::log2(std::max(1, edge.evidenceCount)), 1.0, 6.0);
        drawn.cooccurrence = edge.cooccurrenceOnly;
        drawn.direction = edge.cooccurrenceOnly ? 0 : edgeDirection(edge);
        picture.edges.append(drawn);
    }
    return picture;
}

} // namespace NewsGraph
