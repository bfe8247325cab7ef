#include "core/render/GraphPainter.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QHash>
#include <QMap>
#include <QPainter>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPen>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// --- geometry of the node shapes, in units of the node's radius. Each shape
// is sized to cover about the area of the circle of that radius, so that a
// type's shape does not make its nodes look more important.

constexpr double squareHalfSide = 0.886;   // sqrt(pi) / 2
constexpr double diamondHalfDiagonal = 1.25;
constexpr double hexagonRadius = 1.10;
constexpr double triangleRadius = 1.38;    // a little under equal area: triangles read large

struct UnitPolygon
{
    std::array<QPointF, 6> points;
    int count = 0;
};

UnitPolygon regularPolygon(int corners, double radius, double firstAngleDegrees)
{
    UnitPolygon polygon;
    polygon.count = corners;
    for (int i = 0; i < corners; ++i) {
        const double angle = (firstAngleDegrees + 360.0 * i / corners) * std::numbers::pi / 180.0;
        polygon.points[std::size_t(i)] = QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return polygon;
}

const UnitPolygon &unitPolygon(EntityType type)
{
    static const UnitPolygon diamond = regularPolygon(4, diamondHalfDiagonal, -90.0);
    static const UnitPolygon hexagon = regularPolygon(6, hexagonRadius, -90.0);
    static const UnitPolygon triangle = regularPolygon(3, triangleRadius, -90.0);
    static const UnitPolygon none;
    switch (type) {
    case EntityType::Place:
        return diamond;
    case EntityType::Product:
        return hexagon;
    case EntityType::Event:
        return triangle;
    case EntityType::Person:
    case EntityType::Organization:
        break;
    }
    return none;
}

// How far below its centre a shape of radius `radius` reaches.
double bottomExtent(EntityType type, double radius)
{
    switch (type) {
    case EntityType::Person:
        return radius;
    case EntityType::Organization:
        return squareHalfSide * radius;
    case EntityType::Place:
        return diamondHalfDiagonal * radius;
    case EntityType::Product:
        return hexagonRadius * radius;
    case EntityType::Event:
        return triangleRadius * radius * 0.5;
    }
    return radius;
}

// Distance from the centre to the shape's outline along the unit vector
// `direction`: where an arrowhead touches the node.
double boundaryDistance(EntityType type, double radius, const QPointF &direction)
{
    const double dx = std::abs(direction.x());
    const double dy = std::abs(direction.y());
    switch (type) {
    case EntityType::Person:
        return radius;
    case EntityType::Organization:
        return squareHalfSide * radius / std::max({dx, dy, 1e-9});
    case EntityType::Place:
        return diamondHalfDiagonal * radius / std::max(dx + dy, 1e-9);
    case EntityType::Product:
    case EntityType::Event:
        break;
    }
    // Ray against each side of the polygon: the nearest crossing.
    const UnitPolygon &polygon = unitPolygon(type);
    double best = radius;
    bool found = false;
    for (int i = 0; i < polygon.count; ++i) {
        const QPointF a = polygon.points[std::size_t(i)] * radius;
        const QPointF b = polygon.points[std::size_t((i + 1) % polygon.count)] * radius;
        const QPointF side = b - a;
        const double denominator = direction.x() * side.y() - direction.y() * side.x();
        if (std::abs(denominator) < 1e-12)
            continue;
        const double t = (a.x() * side.y() - a.y() * side.x()) / denominator;
        const double u = (a.x() * direction.y() - a.y() * direction.x()) / denominator;
        if (t > 0.0 && u >= -1e-9 && u <= 1.0 + 1e-9 && (!found || t < best)) {
            best = t;
            found = true;
        }
    }
    return best;
}

void drawShape(QPainter &painter, EntityType type, const QPointF &centre, double radius)
{
    switch (type) {
    case EntityType::Person:
        painter.drawEllipse(centre, radius, radius);
        return;
    case EntityType::Organization: {
        const double half = squareHalfSide * radius;
        const double corner = 0.3 * half;
        painter.drawRoundedRect(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half), corner, corner);
        return;
    }
    case EntityType::Place:
    case EntityType::Product:
    case EntityType::Event:
        break;
    }
    const UnitPolygon &polygon = unitPolygon(type);
    std::array<QPointF, 6> points;
    for (int i = 0; i < polygon.count; ++i)
        points[std::size_t(i)] = centre + polygon.points[std::size_t(i)] * radius;
    painter.drawPolygon(points.data(), polygon.count);
}

QColor mix(const QColor &from, const QColor &to, double amountOfTo)
{
    const double a = 1.0 - amountOfTo;
    return QColor::fromRgbF(float(from.redF() * a + to.redF() * amountOfTo),
                            float(from.greenF() * a + to.greenF() * amountOfTo),
                            float(from.blueF() * a + to.blueF() * amountOfTo),
                            float(from.alphaF() * a + to.alphaF() * amountOfTo));
}

QColor withAlpha(QColor color, double alpha)
{
    color.setAlphaF(float(alpha));
    return color;
}

double zoomOf(const QTransform &transform)
{
    return std::hypot(transform.m11(), transform.m12());
}

// Nodes keep a visible dot however far the view zooms out.
double deviceRadius(const PictureNode &node, double zoom)
{
    return std::max(1.5, node.radius * zoom);
}

// --- labels

bool haveGuiApplication()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

constexpr double labelGap = 2.0;        // pixels between a node and its label
constexpr double haloWidth = 3.0;       // pixels, stroke of the halo around the glyphs
constexpr double labelPadding = 2.0;    // pixels kept free around each label
constexpr double maximumLabelWidth = 220.0;

// Three sizes: the important entities' names read first.
struct LabelFonts
{
    std::array<QFont, 3> fonts;
    std::array<double, 3> ascent{};
    std::array<double, 3> height{};
    std::array<double, 3> averageWidth{};
    bool measurable = false;

    LabelFonts()
    {
        measurable = haveGuiApplication();
        const QFont base = measurable ? QGuiApplication::font() : QFont();
        const std::array<int, 3> sizes{11, 12, 13};
        for (std::size_t tier = 0; tier < 3; ++tier) {
            QFont font = base;
            font.setPixelSize(sizes[tier]);
            font.setWeight(tier == 2 ? QFont::DemiBold : QFont::Normal);
            font.setKerning(true);
            fonts[tier] = font;
            if (measurable) {
                const QFontMetricsF metrics(font);
                ascent[tier] = metrics.ascent();
                height[tier] = metrics.height();
                averageWidth[tier] = metrics.averageCharWidth();
            } else {
                ascent[tier] = 0.93 * sizes[tier];
                height[tier] = 1.17 * sizes[tier];
                averageWidth[tier] = 0.6 * sizes[tier];
            }
        }
    }

    static std::size_t tier(double importance) { return importance >= 0.7 ? 2 : importance >= 0.35 ? 1 : 0; }

    double width(std::size_t tier, const QString &text) const
    {
        const double width = measurable ? QFontMetricsF(fonts[tier]).horizontalAdvance(text)
                                        : averageWidth[tier] * double(text.size());
        return std::min(width, maximumLabelWidth);
    }

    QString elided(std::size_t tier, const QString &text) const
    {
        if (!measurable)
            return text;
        const QFontMetricsF metrics(fonts[tier]);
        return metrics.horizontalAdvance(text) <= maximumLabelWidth
                   ? text
                   : metrics.elidedText(text, Qt::ElideRight, maximumLabelWidth);
    }
};

// Rectangles (placed labels, drawn nodes) bucketed in a coarse screen grid,
// so that each new label is tested against its neighbours only: thinning
// stays linear in the number of candidates.
class RectGrid
{
public:
    explicit RectGrid(const QRectF &area)
        : m_origin(area.topLeft())
        , m_columns(std::clamp(int(std::ceil(area.width() / cellWidth)) + 1, 1, 4096))
        , m_rows(std::clamp(int(std::ceil(area.height() / cellHeight)) + 1, 1, 4096))
        , m_cells(std::size_t(m_columns) * std::size_t(m_rows))
    {
    }

    bool covers(const QPointF &point) const
    {
        for (int index : cell(columnOf(point.x()), rowOf(point.y()))) {
            if (m_rects[std::size_t(index)].rect.contains(point))
                return true;
        }
        return false;
    }

    // Whether `rect` meets any rectangle but those of `owner`.
    bool intersects(const QRectF &rect, qsizetype owner = -1) const
    {
        const int left = columnOf(rect.left());
        const int right = columnOf(rect.right());
        const int top = rowOf(rect.top());
        const int bottom = rowOf(rect.bottom());
        for (int row = top; row <= bottom; ++row) {
            for (int column = left; column <= right; ++column) {
                for (int index : cell(column, row)) {
                    const Entry &entry = m_rects[std::size_t(index)];
                    if (entry.owner != owner && entry.rect.intersects(rect))
                        return true;
                }
            }
        }
        return false;
    }

    void insert(const QRectF &rect, qsizetype owner = -1)
    {
        const int index = int(m_rects.size());
        m_rects.push_back({rect, owner});
        const int left = columnOf(rect.left());
        const int right = columnOf(rect.right());
        const int top = rowOf(rect.top());
        const int bottom = rowOf(rect.bottom());
        for (int row = top; row <= bottom; ++row) {
            for (int column = left; column <= right; ++column)
                m_cells[std::size_t(row) * std::size_t(m_columns) + std::size_t(column)].push_back(index);
        }
    }

private:
    static constexpr double cellWidth = 64.0;
    static constexpr double cellHeight = 24.0;

    struct Entry
    {
        QRectF rect;
        qsizetype owner;
    };

    const std::vector<int> &cell(int column, int row) const
    {
        return m_cells[std::size_t(row) * std::size_t(m_columns) + std::size_t(column)];
    }
    int columnOf(double x) const { return std::clamp(int(std::floor((x - m_origin.x()) / cellWidth)), 0, m_columns - 1); }
    int rowOf(double y) const { return std::clamp(int(std::floor((y - m_origin.y()) / cellHeight)), 0, m_rows - 1); }

    QPointF m_origin;
    int m_columns;
    int m_rows;
    std::vector<std::vector<int>> m_cells;
    std::vector<Entry> m_rects;
};

void drawLabel(QPainter &painter, const QPointF &baseline, const QString &text, const QFont &font,
               const QColor &color, const QColor &halo, bool vector)
{
    painter.setFont(font);
    if (vector) {
        // The halo is the glyphs' outline stroked in the background colour:
        // the name stays readable over edges without a box hiding them, and
        // the text itself stays text, searchable in SVG and PDF.
        QPainterPath outline;
        outline.addText(baseline, font, text);
        painter.strokePath(outline, QPen(halo, haloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    } else {
        // On a raster the same halo is the text drawn eight times around its
        // place: from the glyph cache, some twenty times faster than
        // stroking outlines, which hundreds of labels per frame need.
        painter.setPen(halo);
        constexpr double step = haloWidth / 2 - 0.2;
        constexpr double diagonal = step * 0.75;
        static constexpr std::array<std::pair<double, double>, 8> offsets{{
            {-step, 0}, {step, 0}, {0, -step}, {0, step},
            {-diagonal, -diagonal}, {diagonal, -diagonal}, {-diagonal, diagonal}, {diagonal, diagonal},
        }};
        for (const auto &[dx, dy] : offsets)
            painter.drawText(baseline + QPointF(dx, dy), text);
    }
    painter.setPen(color);
    painter.drawText(baseline, text);
}

// --- edges

// Pixel width of an edge: evidence sets it, the zoom scales it gently, and
// the clamp keeps thin edges visible from afar and thick ones from turning
// into bands up close.
double deviceWidth(const PictureEdge &edge, double zoom)
{
    return std::clamp(edge.width * std::clamp(std::sqrt(zoom), 0.35, 1.4), 0.6, 8.0);
}

// Lines are drawn in opaque colours blended with the background rather than
// translucent ones: Qt's raster engine blends a translucent line pixel by
// pixel, ten times slower, which thousands of long edges make visible. Pens
// at most 1 pixel wide take its fast cosmetic path, dashed ones too; wider
// pens are stroked as outlines.
struct StrokeKey
{
    int rank = 0; // drawing order: faded, co-occurrence, plain, by width
    int quarterPixels = 0;
    QRgb color = 0;
    bool dashed = false;

    friend bool operator<(const StrokeKey &a, const StrokeKey &b)
    {
        return std::tie(a.rank, a.quarterPixels, a.color, a.dashed) < std::tie(b.rank, b.quarterPixels, b.color, b.dashed);
    }
};

// Lines batched by pen and arrowheads by colour: a few drawLines() calls
// instead of one pen change per edge.
struct EdgeLayer
{
    std::map<StrokeKey, QList<QLineF>> strokes;
    std::map<QRgb, QList<QPolygonF>> arrows;

    void addLine(const QLineF &line, int rank, const QColor &color, double width, bool dashed)
    {
        strokes[StrokeKey{rank, int(std::lround(width * 4.0)), color.rgba(), dashed}].append(line);
    }

    void draw(QPainter &painter) const
    {
        for (const auto &[key, lines] : strokes) {
            QPen pen(QColor::fromRgba(key.color), key.quarterPixels / 4.0);
            pen.setCapStyle(Qt::FlatCap);
            if (key.dashed)
                pen.setDashPattern({4.0, 3.0});
            painter.setPen(pen);
            painter.drawLines(lines);
        }
        painter.setPen(Qt::NoPen);
        for (const auto &[color, polygons] : arrows) {
            painter.setBrush(QColor::fromRgba(color));
            for (const QPolygonF &polygon : polygons)
                painter.drawPolygon(polygon);
        }
    }
};

// The part of the segment inside `area` (Liang–Barsky); false when none is.
// Long edges mostly outside the view then cost only their visible part.
bool clipLine(QPointF &a, QPointF &b, const QRectF &area)
{
    double t0 = 0.0;
    double t1 = 1.0;
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const std::array<std::pair<double, double>, 4> edges{{
        {-dx, a.x() - area.left()},
        {dx, area.right() - a.x()},
        {-dy, a.y() - area.top()},
        {dy, area.bottom() - a.y()},
    }};
    for (const auto &[p, q] : edges) {
        if (p == 0.0) {
            if (q < 0.0)
                return false;
            continue;
        }
        const double t = q / p;
        if (p < 0.0) {
            if (t > t1)
                return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0)
                return false;
            t1 = std::min(t1, t);
        }
    }
    const QPointF start = a;
    a = start + QPointF(dx, dy) * t0;
    b = start + QPointF(dx, dy) * t1;
    return true;
}

struct Colours
{
    QColor background;
    QColor foreground;
    QColor accent;
};

std::pair<qint64, qint64> pairKey(qint64 a, qint64 b)
{
    return a < b ? std::pair(a, b) : std::pair(b, a);
}

} // namespace

GraphStyle resolvedStyle(const GraphStyle &style)
{
    GraphStyle resolved = style;
    if (!resolved.background.isValid())
        resolved.background = Qt::white;
    if (!resolved.foreground.isValid())
        resolved.foreground = Qt::black;
    if (!resolved.accent.isValid())
        resolved.accent = QColor(0x1f, 0x6f, 0xeb);
    return resolved;
}

void paintGraph(QPainter &painter, const GraphPicture &picture, const QTransform &sceneToDevice,
                const QRectF &exposedScene, const PaintHighlights &highlights, bool drawBackground)
{
    paintGraph(painter, picture, picture.style, sceneToDevice, exposedScene, highlights, drawBackground);
}

namespace {

// What every pass over a picture needs, computed once per call: device
// positions and radii of all nodes, and what the highlights single out.
struct Frame
{
    const GraphPicture &picture;
    const PaintHighlights &highlights;
    Colours colours;
    QRectF exposed; // device coordinates
    double zoom = 1.0;
    std::vector<QPointF> centre;
    std::vector<double> radius;
    qsizetype hovered = -1;
    std::vector<char> neighbour; // of the hovered node, itself included
    QSet<qint64> pathNodes;
    QSet<std::pair<qint64, qint64>> pathEdges;
    bool hasSelectedEdge = false;
    std::pair<qint64, qint64> selectedEdge;
    double fade = 0.0;
    // Drawing over a picture already painted without the hover and the
    // selection (paintHighlightOverlay): only these nodes, and only the
    // edges that stand out.
    bool overlay = false;
    std::vector<char> subset;

    bool inSubset(qsizetype i) const { return !overlay || subset[std::size_t(i)]; }
    // Whether labels placed before are drawn again where exposed (not when
    // they are already there, unchanged, under an overlay).
    bool redrawPlaced = true;

    Frame(const GraphPicture &picture, const GraphStyle &style, const QTransform &sceneToDevice,
          const QRectF &exposedScene, const PaintHighlights &highlights)
        : picture(picture)
        , highlights(highlights)
    {
        const GraphStyle resolved = resolvedStyle(style);
        colours = Colours{resolved.background, resolved.foreground, resolved.accent};
        exposed = sceneToDevice.mapRect(exposedScene);
        zoom = zoomOf(sceneToDevice);
        const qsizetype nodeCount = picture.nodes.size();
        centre.resize(std::size_t(nodeCount));
        radius.resize(std::size_t(nodeCount));
        for (qsizetype i = 0; i < nodeCount; ++i) {
            centre[std::size_t(i)] = sceneToDevice.map(picture.nodes.at(i).position);
            radius[std::size_t(i)] = deviceRadius(picture.nodes.at(i), zoom);
        }
        hovered = highlights.hoveredNode != 0 ? picture.indexOf(highlights.hoveredNode) : -1;
        neighbour.assign(std::size_t(nodeCount), 0);
        if (hovered >= 0) {
            neighbour[std::size_t(hovered)] = 1;
            for (const PictureEdge &edge : picture.edges) {
                if (edge.source == hovered && edge.target >= 0 && edge.target < nodeCount)
                    neighbour[std::size_t(edge.target)] = 1;
                else if (edge.target == hovered && edge.source >= 0 && edge.source < nodeCount)
                    neighbour[std::size_t(edge.source)] = 1;
            }
        }
        for (qsizetype i = 0; i < highlights.path.size(); ++i) {
            pathNodes.insert(highlights.path.at(i));
            if (i > 0)
                pathEdges.insert(pairKey(highlights.path.at(i - 1), highlights.path.at(i)));
        }
        hasSelectedEdge = highlights.selectedEdge.first != 0 || highlights.selectedEdge.second != 0;
        selectedEdge = pairKey(highlights.selectedEdge.first, highlights.selectedEdge.second);
        // Hovering fades all but the neighbourhood; a path fades the rest
        // less, as it stays on while the analyst looks around.
        fade = hovered >= 0 ? 0.82 : !pathNodes.isEmpty() ? 0.6 : 0.0;
    }

    // The share of the graph's area its edges cover at this zoom (lines
    // overlapping counted twice): dense graphs get lighter edges, or they
    // turn into a grey carpet over which nothing reads. A property of the
    // picture and the zoom, not of the part drawn, so pieces drawn apart
    // agree.
    double edgeCoverage() const
    {
        if (centre.empty())
            return 0.0;
        double left = centre.front().x(), right = left, top = centre.front().y(), bottom = top;
        for (const QPointF &c : centre) {
            left = std::min(left, c.x());
            right = std::max(right, c.x());
            top = std::min(top, c.y());
            bottom = std::max(bottom, c.y());
        }
        double ink = 0.0;
        const qsizetype count = qsizetype(centre.size());
        for (const PictureEdge &edge : picture.edges) {
            if (edge.source < 0 || edge.target < 0 || edge.source >= count || edge.target >= count)
                continue;
            const QPointF d = centre[std::size_t(edge.source)] - centre[std::size_t(edge.target)];
            ink += std::hypot(d.x(), d.y()) * (edge.cooccurrence ? 0.5 : deviceWidth(edge, zoom));
        }
        const double area = std::max(1.0, (right - left + 40) * (bottom - top + 40));
        return ink / area;
    }

    bool faded(qsizetype i) const
    {
        if (hovered >= 0)
            return neighbour[std::size_t(i)] == 0;
        if (!pathNodes.isEmpty())
            return !pathNodes.contains(picture.nodes.at(i).entityId);
        return false;
    }

    bool standsOut(qsizetype i) const
    {
        const qint64 id = picture.nodes.at(i).entityId;
        return i == hovered || highlights.selectedNodes.contains(id) || pathNodes.contains(id);
    }

    // Nodes whose drawing may meet the exposed area.
    std::vector<qsizetype> visibleNodes() const
    {
        const QRectF area = exposed.adjusted(-4, -4, 4, 4);
        std::vector<qsizetype> visible;
        visible.reserve(centre.size());
        for (std::size_t i = 0; i < centre.size(); ++i) {
            const QPointF c = centre[i];
            const double r = 1.6 * radius[i] + 8.0; // rings and pins reach beyond the shape
            if (c.x() + r >= area.left() && c.x() - r <= area.right() && c.y() + r >= area.top()
                && c.y() - r <= area.bottom())
                visible.push_back(qsizetype(i));
        }
        return visible;
    }
};

void paintShapes(QPainter &painter, const Frame &frame)
{
    const GraphPicture &picture = frame.picture;
    const PaintHighlights &highlights = frame.highlights;
    const Colours &colours = frame.colours;
    const QRectF &exposed = frame.exposed;
    const double zoom = frame.zoom;
    const QList<PictureNode> &nodes = picture.nodes;
    const qsizetype nodeCount = nodes.size();
    const std::vector<QPointF> &centre = frame.centre;
    const std::vector<double> &radius = frame.radius;
    const qsizetype hovered = frame.hovered;
    const QSet<qint64> &pathNodes = frame.pathNodes;
    const QSet<std::pair<qint64, qint64>> &pathEdges = frame.pathEdges;
    const bool hasSelectedEdge = frame.hasSelectedEdge;
    const std::pair<qint64, qint64> selectedEdge = frame.selectedEdge;
    const double fade = frame.fade;
    const auto faded = [&](qsizetype i) { return frame.faded(i); };

    // --- edges, under the nodes
    const bool detailed = zoom >= 0.3;
    const QRectF edgeArea = exposed.adjusted(-2, -2, 2, 2);
    const QRectF clipArea = exposed.adjusted(-20, -20, 20, 20);
    const double coverage = frame.edgeCoverage();
    const double lighter = std::clamp((coverage - 0.08) * 0.6, 0.0, detailed ? 0.22 : 0.1);
    const QColor edgeColour = mix(colours.foreground, colours.background, (detailed ? 0.6 : 0.72) + lighter);
    const QColor cooccurrenceColour = mix(colours.foreground, colours.background, (detailed ? 0.7 : 0.8) + lighter / 2);
    const QColor fadedEdgeColour = mix(colours.foreground, colours.background, fade > 0.7 ? 0.92 : 0.86);
    const QColor neighbourEdgeColour = mix(colours.foreground, colours.background, 0.25);
    EdgeLayer base;
    EdgeLayer raised;
    for (const PictureEdge &edge : picture.edges) {
        if (edge.source < 0 || edge.target < 0 || edge.source >= nodeCount || edge.target >= nodeCount
            || edge.source == edge.target)
            continue;
        const QPointF a = centre[std::size_t(edge.source)];
        const QPointF b = centre[std::size_t(edge.target)];
        if (std::max(a.x(), b.x()) < edgeArea.left() || std::min(a.x(), b.x()) > edgeArea.right()
            || std::max(a.y(), b.y()) < edgeArea.top() || std::min(a.y(), b.y()) > edgeArea.bottom())
            continue;

        const qint64 sourceId = nodes.at(edge.source).entityId;
        const qint64 targetId = nodes.at(edge.target).entityId;
        const std::pair<qint64, qint64> key = pairKey(sourceId, targetId);
        const bool selected = hasSelectedEdge && key == selectedEdge;
        const bool onPath = !pathEdges.isEmpty() && pathEdges.contains(key);
        const bool touchesHovered = hovered >= 0 && (edge.source == hovered || edge.target == hovered);
        if (frame.overlay && !touchesHovered && !selected)
            continue;
        const bool fadedEdge = fade > 0.0 && !selected && !onPath && !touchesHovered;

        // Co-occurrence is weak evidence: a thin dashed line whatever its count.
        double width = edge.cooccurrence ? 1.0 : deviceWidth(edge, zoom);
        QColor colour = edge.cooccurrence ? cooccurrenceColour : edgeColour;
        int rank = edge.cooccurrence ? 1 : 2;
        EdgeLayer *layer = &base;
        if (selected || onPath) {
            colour = colours.accent;
            width = std::max(width + 1.5, 3.0);
            layer = &raised;
        } else if (touchesHovered) {
            colour = neighbourEdgeColour;
            width = std::max(width, 1.0) + 0.5;
            layer = &raised;
        } else if (fadedEdge) {
            colour = fadedEdgeColour;
            width = std::min(width, 1.0);
            rank = 0;
        }
        const bool emphasised = layer == &raised;

        if (!detailed && !emphasised) {
            QPointF start = a;
            QPointF end = b;
            if (clipLine(start, end, clipArea))
                base.addLine(QLineF(start, end), rank, colour, std::min(width, 1.0), false);
            continue;
        }
        const QPointF delta = b - a;
        const double length = std::hypot(delta.x(), delta.y());
        if (length < 1e-6)
            continue;
        const QPointF unit = delta / length;
        const double sourceGap = boundaryDistance(nodes.at(edge.source).type, radius[std::size_t(edge.source)], unit);
        const double targetGap = boundaryDistance(nodes.at(edge.target).type, radius[std::size_t(edge.target)], -unit);
        QPointF start = a;
        QPointF end = b;
        const double arrowLength = 6.0 + 1.6 * width;
        // Arrows only where there is room for them between the two shapes.
        if (edge.direction != 0 && length - sourceGap - targetGap > 1.8 * arrowLength) {
            const bool atTarget = edge.direction > 0;
            const QPointF tip = atTarget ? b - unit * targetGap : a + unit * sourceGap;
            const QPointF back = atTarget ? -unit : unit;
            if (clipArea.contains(tip)) {
                const QPointF baseCentre = tip + back * arrowLength;
                const QPointF across(-back.y(), back.x());
                const double halfWidth = 0.42 * arrowLength;
                layer->arrows[colour.rgba()].append(
                    QPolygonF({tip, baseCentre + across * halfWidth, tip + back * (0.8 * arrowLength),
                               baseCentre - across * halfWidth}));
            }
            // The line stops inside the arrowhead, so a wide line does not
            // show past its point.
            (atTarget ? end : start) = tip + back * (0.7 * arrowLength);
        }
        if (clipLine(start, end, clipArea))
            layer->addLine(QLineF(start, end), rank, colour, width, edge.cooccurrence && !emphasised);
    }
    base.draw(painter);
    raised.draw(painter);

    // --- nodes
    std::vector<qsizetype> visible = frame.visibleNodes();
    if (frame.overlay)
        std::erase_if(visible, [&](qsizetype i) { return !frame.inSubset(i); });
    const auto standsOut = [&](qsizetype i) { return frame.standsOut(i); };
    // Highlighted nodes last, on top of any they overlap.
    std::stable_partition(visible.begin(), visible.end(), [&](qsizetype i) { return !standsOut(i); });

    QHash<QRgb, QPen> outlines;
    for (qsizetype i : visible) {
        const PictureNode &node = nodes.at(i);
        const double r = radius[std::size_t(i)];
        QColor fill = node.color.isValid() ? node.color : colorForType(node.type);
        if (fade > 0.0 && faded(i))
            fill = mix(fill, colours.background, fade);
        painter.setBrush(fill);
        if (r < 2.5) {
            painter.setPen(Qt::NoPen);
        } else {
            auto outline = outlines.find(fill.rgba());
            if (outline == outlines.end()) {
                // Darker than the fill on a light background, lighter on a
                // dark one: the outline separates touching nodes either way.
                // One pixel exactly: Qt's fast cosmetic stroker.
                QPen pen(mix(fill, colours.foreground, 0.38), 1.0);
                pen.setJoinStyle(Qt::RoundJoin);
                outline = outlines.insert(fill.rgba(), pen);
            }
            painter.setPen(*outline);
        }
        drawShape(painter, node.type, centre[std::size_t(i)], r);
    }

    // Pinned nodes carry a pin head on their upper right.
    for (qsizetype i : visible) {
        const PictureNode &node = nodes.at(i);
        const double r = radius[std::size_t(i)];
        if (!node.pinned || r < 4.0)
            continue;
        const QPointF c = centre[std::size_t(i)];
        const double head = std::clamp(0.28 * r, 2.4, 5.0);
        const QPointF at = c + QPointF(0.72, -0.72) * r;
        painter.setPen(QPen(colours.background, 1.2));
        painter.setBrush(faded(i) ? mix(colours.foreground, colours.background, fade) : colours.foreground);
        painter.drawEllipse(at, head, head);
    }

    // Rings: selection and path in the accent colour, hover in the text colour.
    painter.setBrush(Qt::NoBrush);
    for (qsizetype i : visible) {
        const PictureNode &node = nodes.at(i);
        const double r = std::max(radius[std::size_t(i)], 3.0);
        const QPointF c = centre[std::size_t(i)];
        const bool selected = highlights.selectedNodes.contains(node.entityId);
        if (selected || pathNodes.contains(node.entityId)) {
            painter.setPen(QPen(colours.background, 4.5));
            drawShape(painter, node.type, c, r + 3.2);
            painter.setPen(QPen(colours.accent, selected ? 2.6 : 2.0));
            drawShape(painter, node.type, c, r + 3.2);
        }
        if (i == hovered) {
            painter.setPen(QPen(colours.foreground, 1.4));
            drawShape(painter, node.type, c, r + (selected ? 6.5 : 3.0));
        }
    }

}

// Places labels for the candidates in the exposed area that `placement`
// does not name yet (against those it has), then draws every label of
// `placement` that meets the exposed area.
void paintLabels(QPainter &painter, const Frame &frame, LabelPlacement &placement)
{
    const GraphPicture &picture = frame.picture;
    const Colours &colours = frame.colours;
    const QRectF &exposed = frame.exposed;
    const QList<PictureNode> &nodes = picture.nodes;
    const qsizetype nodeCount = nodes.size();
    const std::vector<QPointF> &centre = frame.centre;
    const std::vector<double> &radius = frame.radius;
    const qsizetype hovered = frame.hovered;
    const double fade = frame.fade;
    const auto standsOut = [&](qsizetype i) { return frame.standsOut(i); };

    // Labels are kept relative to their node's centre, so a placement made
    // before a pan still fits after it.
    std::vector<char> named(std::size_t(nodeCount), 0);
    const auto placedRect = [&](const LabelPlacement::Label &label) {
        return label.rect.translated(centre[std::size_t(label.node)]);
    };
    QList<LabelPlacement::Label> kept;
    kept.reserve(placement.labels.size());
    for (const LabelPlacement::Label &label : std::as_const(placement.labels)) {
        // Labels panned out of the area are forgotten; their nodes are
        // candidates again when they come back.
        if (label.node >= 0 && label.node < nodeCount && !named[std::size_t(label.node)]
            && (!placement.area.isValid() || placedRect(label).intersects(placement.area))) {
            named[std::size_t(label.node)] = 1;
            kept.append(label);
        }
    }
    placement.labels = kept;

    // --- candidates by priority (highlighted first, then by importance),
    // each placed only where no earlier one is.
    const LabelFonts fonts;
    const QRectF candidateArea = exposed.adjusted(-maximumLabelWidth / 2, -40, maximumLabelWidth / 2, 40);
    const QRectF labelArea = placement.area.isValid() ? placement.area.united(candidateArea) : candidateArea;
    struct Candidate
    {
        qsizetype node;
        double priority;
    };
    // Tiny nodes of little importance go unnamed only where the view is
    // crowded (over two nodes in their 100 x 100 pixel cell), where their
    // names would crowd out the ones that matter; the outskirts of a dense
    // graph and a sparse view are named wherever there is room.
    constexpr double densityCell = 100.0;
    const int cellColumns = std::max(1, int(std::ceil(candidateArea.width() / densityCell)));
    const int cellRows = std::max(1, int(std::ceil(candidateArea.height() / densityCell)));
    const auto cellOf = [&](const QPointF &c) {
        const int column = std::clamp(int((c.x() - candidateArea.left()) / densityCell), 0, cellColumns - 1);
        const int row = std::clamp(int((c.y() - candidateArea.top()) / densityCell), 0, cellRows - 1);
        return std::size_t(row) * std::size_t(cellColumns) + std::size_t(column);
    };
    std::vector<int> nodesInCell(std::size_t(cellColumns) * std::size_t(cellRows), 0);
    for (qsizetype i = 0; i < nodeCount; ++i) {
        if (candidateArea.contains(centre[std::size_t(i)]) && frame.inSubset(i))
            ++nodesInCell[cellOf(centre[std::size_t(i)])];
    }
    std::vector<Candidate> candidates;
    for (qsizetype i = 0; i < nodeCount; ++i) {
        const QPointF c = centre[std::size_t(i)];
        if (named[std::size_t(i)] || !candidateArea.contains(c) || nodes.at(i).label.isEmpty()
            || !frame.inSubset(i))
            continue;
        const PictureNode &node = nodes.at(i);
        double priority = node.importance;
        if (standsOut(i))
            priority += 4.0;
        else if (hovered >= 0 && frame.neighbour[std::size_t(i)])
            priority += 2.0;
        else if (radius[std::size_t(i)] < 4.0 && node.importance < 0.5 && nodesInCell[cellOf(c)] > 2)
            continue;
        candidates.push_back({i, priority});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.priority > b.priority; });

    // Labels keep off each other and, where they can, off other nodes (a
    // name over a shape reads as that shape's), trying below the node, then
    // above, to its right and left, then at its corners. Failing that, they
    // may graze other nodes but not hide their middle, or a dense cluster
    // would get no name at all; the most important names go over nodes
    // rather than nowhere. They stay whole inside the placement's area.
    const double margin = haloWidth / 2 + labelPadding;
    RectGrid labelsPlaced(labelArea);
    for (const LabelPlacement::Label &label : std::as_const(placement.labels))
        labelsPlaced.insert(placedRect(label).adjusted(-margin, -margin, margin, margin), label.node);
    RectGrid nodeShapes(labelArea);
    RectGrid nodeCores(labelArea);
    if (!candidates.empty()) {
        const QRectF obstacleArea = candidateArea.adjusted(-maximumLabelWidth, -40, maximumLabelWidth, 40);
        for (qsizetype i = 0; i < nodeCount; ++i) {
            const double r = radius[std::size_t(i)];
            const QPointF c = centre[std::size_t(i)];
            if (!obstacleArea.contains(c) || !frame.inSubset(i))
                continue;
            if (r >= 2.5)
                nodeShapes.insert(QRectF(c - QPointF(r + 1, r + 1), QSizeF(2 * r + 2, 2 * r + 2)), i);
            const double core = 0.6 * r;
            if (core >= 1.5)
                nodeCores.insert(QRectF(c - QPointF(core, core), QSizeF(2 * core, 2 * core)), i);
        }
    }
    const QRectF inside = (placement.area.isValid() ? placement.area : exposed).adjusted(1, 1, -1, -1);
    const qsizetype firstNew = placement.labels.size();
    for (const Candidate &candidate : candidates) {
        const qsizetype i = candidate.node;
        const PictureNode &node = nodes.at(i);
        const QPointF c = centre[std::size_t(i)];
        const double r = radius[std::size_t(i)];
        const std::size_t tier = LabelFonts::tier(node.importance);
        const double height = fonts.height[tier];
        const double below = c.y() + bottomExtent(node.type, r) + labelGap;
        const double above = c.y() - (node.type == EntityType::Event ? triangleRadius : 1.2) * r - labelGap - height;
        const double side = (node.type == EntityType::Place ? diamondHalfDiagonal : 1.1) * r + labelGap + 1;
        // Cheap rejection before measuring the text: in a crowded view most
        // candidates have labels wherever theirs could go.
        if (labelsPlaced.covers(QPointF(c.x(), below + height / 2)) && labelsPlaced.covers(QPointF(c.x(), above + height / 2))
            && labelsPlaced.covers(QPointF(c.x() + side + 4, c.y())) && labelsPlaced.covers(QPointF(c.x() - side - 4, c.y())))
            continue;
        const double width = fonts.width(tier, node.label);
        const double corner = 0.75 * r + labelGap;
        const std::array<QRectF, 8> places{
            QRectF(c.x() - width / 2, below, width, height),
            QRectF(c.x() - width / 2, above, width, height),
            QRectF(c.x() + side, c.y() - height / 2, width, height),
            QRectF(c.x() - side - width, c.y() - height / 2, width, height),
            QRectF(c.x() + corner, c.y() + corner, width, height),
            QRectF(c.x() + corner, c.y() - corner - height, width, height),
            QRectF(c.x() - corner - width, c.y() + corner, width, height),
            QRectF(c.x() - corner - width, c.y() - corner - height, width, height),
        };
        // A highlighted node is always named, over other nodes if it must,
        // and so, as a last resort, is one of the most important.
        const bool mustShow = standsOut(i);
        const bool mayCover = mustShow || node.importance >= 0.6;
        const QRectF *chosen = nullptr;
        const std::array<const RectGrid *, 3> passes{&nodeShapes, &nodeCores, nullptr};
        // A label of a node in view is seen whole where it can be, even
        // grazing another node, rather than half beyond the view's edge;
        // only one that must be named is cut by the edge rather than left out.
        const bool inView = placement.view.isValid() && placement.view.contains(c);
        for (int attempt = 0; attempt < (inView && mayCover ? 2 : 1); ++attempt) {
            const bool wholeInView = inView && attempt == 0;
            for (const RectGrid *obstacles : passes) {
                if (!obstacles && !mayCover)
                    break;
                for (const QRectF &place : places) {
                    if (!inside.contains(place) || placement.keepOff.intersects(place)
                        || (wholeInView && !placement.view.contains(place))
                        || labelsPlaced.intersects(place.adjusted(-margin, -margin, margin, margin)))
                        continue;
                    if (!mustShow && obstacles && obstacles->intersects(place, i))
                        continue;
                    chosen = &place;
                    break;
                }
                if (chosen)
                    break;
            }
            if (chosen)
                break;
        }
        if (!chosen)
            continue;
        labelsPlaced.insert(chosen->adjusted(-margin, -margin, margin, margin), i);
        placement.labels.append({i, chosen->translated(-c)});
    }

    // --- drawing: the labels already placed only where they meet the
    // exposed area (the painter may clip to it), new ones whole.
    const QColor labelColour = colours.foreground;
    const QColor fadedLabelColour = mix(colours.foreground, colours.background, 0.6);
    const bool vector = painter.paintEngine() && painter.paintEngine()->type() != QPaintEngine::Raster;
    // The old ones are in the picture already but where the exposed area is
    // drawn anew: drawn again only there, as text drawn twice over itself
    // would thicken.
    painter.save();
    painter.setClipRect(exposed, Qt::IntersectClip);
    for (qsizetype l = 0; l < placement.labels.size(); ++l) {
        const LabelPlacement::Label &label = placement.labels.at(l);
        const QRectF rect = placedRect(label);
        if (l == firstNew)
            painter.restore();
        else if (l < firstNew && (!frame.redrawPlaced || !rect.intersects(exposed)))
            continue;
        const PictureNode &node = nodes.at(label.node);
        const std::size_t tier = LabelFonts::tier(node.importance);
        const bool fadedLabel = fade > 0.0 && frame.faded(label.node) && !standsOut(label.node);
        drawLabel(painter, QPointF(rect.left(), rect.top() + fonts.ascent[tier]), fonts.elided(tier, node.label),
                  fonts.fonts[tier], fadedLabel ? fadedLabelColour : labelColour, colours.background, vector);
    }
    if (firstNew == placement.labels.size())
        painter.restore();
}

} // namespace

void paintGraph(QPainter &painter, const GraphPicture &picture, const GraphStyle &style,
                const QTransform &sceneToDevice, const QRectF &exposedScene, const PaintHighlights &highlights,
                bool drawBackground)
{
    const Frame frame(picture, style, sceneToDevice, exposedScene, highlights);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    if (drawBackground)
        painter.fillRect(frame.exposed, frame.colours.background);
    paintShapes(painter, frame);
    LabelPlacement placement;
    paintLabels(painter, frame, placement);
    painter.restore();
}

void paintGraphShapes(QPainter &painter, const GraphPicture &picture, const GraphStyle &style,
                      const QTransform &sceneToDevice, const QRectF &exposedScene, const PaintHighlights &highlights)
{
    const Frame frame(picture, style, sceneToDevice, exposedScene, highlights);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintShapes(painter, frame);
    painter.restore();
}

void paintGraphLabels(QPainter &painter, const GraphPicture &picture, const GraphStyle &style,
                      const QTransform &sceneToDevice, const QRectF &exposedScene, const PaintHighlights &highlights,
                      LabelPlacement &placement)
{
    const Frame frame(picture, style, sceneToDevice, exposedScene, highlights);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    paintLabels(painter, frame, placement);
    painter.restore();
}

void paintHighlightOverlay(QPainter &painter, const GraphPicture &picture, const GraphStyle &style,
                           const QTransform &sceneToDevice, const QRectF &exposedScene,
                           const PaintHighlights &highlights, const LabelPlacement *placed)
{
    Frame frame(picture, style, sceneToDevice, exposedScene, highlights);
    frame.overlay = true;
    frame.subset.assign(std::size_t(picture.nodes.size()), 0);
    bool any = false;
    for (qsizetype i = 0; i < picture.nodes.size(); ++i) {
        const PictureNode &node = picture.nodes.at(i);
        const bool selected = highlights.selectedNodes.contains(node.entityId)
                              || (frame.hasSelectedEdge
                                  && (node.entityId == highlights.selectedEdge.first
                                      || node.entityId == highlights.selectedEdge.second));
        if (selected || (frame.hovered >= 0 && frame.neighbour[std::size_t(i)])) {
            frame.subset[std::size_t(i)] = 1;
            any = true;
        }
    }
    if (!any)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    // The background laid over everything at the fade's opacity is the
    // hover's fading itself: mix(colour, background, f) is that blend.
    if (frame.hovered >= 0)
        painter.fillRect(frame.exposed, withAlpha(frame.colours.background, frame.fade));
    else
        frame.redrawPlaced = false;
    paintShapes(painter, frame);
    // The nodes named underneath keep their labels where they are (drawn
    // again at full strength over the fading); the others are placed among
    // those.
    LabelPlacement placement;
    if (placed) {
        for (const LabelPlacement::Label &label : placed->labels) {
            if (label.node >= 0 && label.node < picture.nodes.size() && frame.subset[std::size_t(label.node)])
                placement.labels.append(label);
        }
    }
    paintLabels(painter, frame, placement);
    painter.restore();
}

namespace {

constexpr double legendMargin = 10.0; // pixels between the panel and the area's edges

// What a legend shows and how large it is.
struct Legend
{
    struct Entry
    {
        enum Kind { Shape, Swatch, Line, DashedLine, Pin } kind;
        EntityType type = EntityType::Person;
        QColor color;
        QString text;
    };
    QString title;
    QList<Entry> entries;
    QFont font;
    QFont titleFont;
    double rowHeight = 18.0;
    double symbolWidth = 22.0;
    double padding = 8.0;
    QSizeF size; // of the panel

    Legend(const GraphPicture &picture, const GraphStyle &resolved)
    {
        if (resolved.coloring == NodeColoring::ByType) {
            title = u"Entity types"_s;
            const std::array<std::pair<EntityType, QString>, 5> types{{
                {EntityType::Person, u"Person"_s},
                {EntityType::Organization, u"Organisation"_s},
                {EntityType::Place, u"Place"_s},
                {EntityType::Product, u"Product"_s},
                {EntityType::Event, u"Event"_s},
            }};
            for (const auto &[type, name] : types)
                entries.append({Entry::Shape, type, colorForType(type), name});
        } else {
            // One row per colour of the palette in use, then the grey the
            // smaller communities share.
            title = u"Coloured by community"_s;
            QMap<int, int> sizes;
            for (const PictureNode &node : picture.nodes)
                sizes[node.community] += node.members;
            int others = 0;
            for (auto it = sizes.cbegin(); it != sizes.cend(); ++it) {
                if (it.key() >= 0 && it.key() < communityColorCount)
                    entries.append({Entry::Swatch, EntityType::Person, colorForCommunity(it.key()),
                                    u"Community %1 · %2"_s.arg(it.key() + 1).arg(it.value())});
                else
                    others += it.value();
            }
            if (others > 0)
                entries.append({Entry::Swatch, EntityType::Person, colorForCommunity(-1),
                                u"Smaller communities · %1"_s.arg(others)});
        }
        const bool directed = std::any_of(picture.edges.cbegin(), picture.edges.cend(),
                                          [](const PictureEdge &edge) { return !edge.cooccurrence; });
        const bool cooccurrence = std::any_of(picture.edges.cbegin(), picture.edges.cend(),
                                              [](const PictureEdge &edge) { return edge.cooccurrence; });
        const bool pinned = std::any_of(picture.nodes.cbegin(), picture.nodes.cend(),
                                        [](const PictureNode &node) { return node.pinned; });
        if (directed)
            entries.append({Entry::Line, EntityType::Person, resolved.foreground, u"Relation (width: sentences)"_s});
        if (cooccurrence)
            entries.append({Entry::DashedLine, EntityType::Person, resolved.foreground, u"Same sentence"_s});
        if (pinned)
            entries.append({Entry::Pin, EntityType::Person, resolved.foreground, u"Pinned"_s});

        const LabelFonts fonts;
        font = fonts.fonts[0];
        titleFont = font;
        titleFont.setWeight(QFont::DemiBold);
        const QFontMetricsF metrics(font);
        const QFontMetricsF titleMetrics(titleFont);
        rowHeight = std::max(18.0, metrics.height() + 5.0);
        double textWidth = titleMetrics.horizontalAdvance(title);
        for (const Entry &entry : entries)
            textWidth = std::max(textWidth, symbolWidth + metrics.horizontalAdvance(entry.text));
        size = QSizeF(textWidth + 2 * padding,
                      titleMetrics.height() + 4 + rowHeight * double(entries.size()) + 2 * padding);
    }
};

} // namespace

namespace {

QRectF panelInCorner(const QSizeF &size, const QRectF &area, Qt::Corner corner)
{
    const double margin = legendMargin;
    QPointF topLeft;
    switch (corner) {
    case Qt::TopLeftCorner:
        topLeft = area.topLeft() + QPointF(margin, margin);
        break;
    case Qt::TopRightCorner:
        topLeft = QPointF(area.right() - margin - size.width(), area.top() + margin);
        break;
    case Qt::BottomLeftCorner:
        topLeft = QPointF(area.left() + margin, area.bottom() - margin - size.height());
        break;
    case Qt::BottomRightCorner:
        topLeft = QPointF(area.right() - margin - size.width(), area.bottom() - margin - size.height());
        break;
    }
    return QRectF(topLeft, size);
}

} // namespace

QRectF legendRect(const GraphPicture &picture, const GraphStyle &style, const QRectF &area, Qt::Corner corner)
{
    return panelInCorner(Legend(picture, resolvedStyle(style)).size, area, corner);
}

QSizeF legendSize(const GraphPicture &picture, const GraphStyle &style)
{
    return Legend(picture, resolvedStyle(style)).size + QSizeF(2 * legendMargin, 2 * legendMargin);
}

QRectF paintLegend(QPainter &painter, const GraphPicture &picture, const GraphStyle &style, const QRectF &area,
                   Qt::Corner corner)
{
    const GraphStyle resolved = resolvedStyle(style);
    const Legend legend(picture, resolved);
    using Entry = Legend::Entry;
    const QList<Entry> &entries = legend.entries;
    const QString &title = legend.title;
    const QFont &font = legend.font;
    const QFont &titleFont = legend.titleFont;
    const QFontMetricsF metrics(font);
    const QFontMetricsF titleMetrics(titleFont);
    const double rowHeight = legend.rowHeight;
    const double symbolWidth = legend.symbolWidth;
    const double padding = legend.padding;
    const QSizeF size = legend.size;
    const QRectF panel = panelInCorner(size, area, corner);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(mix(resolved.foreground, resolved.background, 0.8), 1.0));
    painter.setBrush(withAlpha(resolved.background, 0.92));
    painter.drawRoundedRect(panel, 6, 6);

    double y = panel.top() + padding;
    painter.setFont(titleFont);
    painter.setPen(resolved.foreground);
    painter.drawText(QPointF(panel.left() + padding, y + titleMetrics.ascent()), title);
    y += titleMetrics.height() + 4;
    painter.setFont(font);
    for (const Entry &entry : entries) {
        const QPointF symbol(panel.left() + padding + 7, y + rowHeight / 2);
        switch (entry.kind) {
        case Entry::Shape:
            painter.setPen(QPen(mix(entry.color, resolved.foreground, 0.38), 1.0));
            painter.setBrush(entry.color);
            drawShape(painter, entry.type, symbol, 5.5);
            break;
        case Entry::Swatch:
            painter.setPen(QPen(mix(entry.color, resolved.foreground, 0.38), 1.0));
            painter.setBrush(entry.color);
            painter.drawEllipse(symbol, 5.5, 5.5);
            break;
        case Entry::Line:
        case Entry::DashedLine: {
            QPen pen(withAlpha(resolved.foreground, entry.kind == Entry::Line ? 0.6 : 0.45), 1.5);
            if (entry.kind == Entry::DashedLine)
                pen.setDashPattern({4.0, 3.0});
            painter.setPen(pen);
            painter.drawLine(symbol - QPointF(7, 0), symbol + QPointF(entry.kind == Entry::Line ? 2 : 8, 0));
            if (entry.kind == Entry::Line) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(withAlpha(resolved.foreground, 0.6));
                painter.drawPolygon(QPolygonF({symbol + QPointF(9, 0), symbol + QPointF(1, -3.5), symbol + QPointF(2.5, 0),
                                               symbol + QPointF(1, 3.5)}));
            }
            break;
        }
        case Entry::Pin:
            painter.setPen(QPen(mix(resolved.foreground, resolved.background, 0.5), 1.0));
            painter.setBrush(mix(resolved.foreground, resolved.background, 0.85));
            painter.drawEllipse(symbol, 5.5, 5.5);
            painter.setPen(QPen(resolved.background, 1.0));
            painter.setBrush(resolved.foreground);
            painter.drawEllipse(symbol + QPointF(4, -4), 2.6, 2.6);
            break;
        }
        painter.setPen(resolved.foreground);
        painter.drawText(QPointF(panel.left() + padding + symbolWidth, y + (rowHeight - metrics.height()) / 2 + metrics.ascent()),
                         entry.text);
        y += rowHeight;
    }
    painter.restore();
    return panel;
}

namespace {

// What a node's label adds around it, in pixels; measured once for the many
// zooms zoomToFit() tries.
struct LabelExtent
{
    double halfWidth = 0.0;
    double height = 0.0;
};

std::vector<LabelExtent> labelExtents(const GraphPicture &picture)
{
    const LabelFonts fonts;
    std::vector<LabelExtent> extents;
    extents.reserve(std::size_t(picture.nodes.size()));
    for (const PictureNode &node : picture.nodes) {
        const std::size_t tier = LabelFonts::tier(node.importance);
        if (node.label.isEmpty())
            extents.push_back({});
        else
            extents.push_back({fonts.width(tier, node.label) / 2 + haloWidth / 2,
                               labelGap + fonts.height[tier] + haloWidth / 2});
    }
    return extents;
}

QRectF paintedBounds(const GraphPicture &picture, const std::vector<LabelExtent> &extents, double zoom)
{
    if (picture.nodes.isEmpty())
        return {};
    zoom = std::max(zoom, 1e-9);
    double left = 0, right = 0, top = 0, bottom = 0;
    for (qsizetype i = 0; i < picture.nodes.size(); ++i) {
        const PictureNode &node = picture.nodes.at(i);
        const LabelExtent &label = extents[std::size_t(i)];
        // In pixels around the node's position, then back to scene units.
        const double r = deviceRadius(node, zoom);
        const double half = std::max(r * 1.4, label.halfWidth) / zoom;
        const double x = node.position.x();
        const double y = node.position.y();
        const double nodeTop = y - r * 1.4 / zoom;
        const double nodeBottom = y + (bottomExtent(node.type, r) + label.height) / zoom;
        if (i == 0) {
            left = x - half, right = x + half, top = nodeTop, bottom = nodeBottom;
        } else {
            left = std::min(left, x - half);
            right = std::max(right, x + half);
            top = std::min(top, nodeTop);
            bottom = std::max(bottom, nodeBottom);
        }
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

} // namespace

QRectF paintedBounds(const GraphPicture &picture, double zoom)
{
    return paintedBounds(picture, labelExtents(picture), zoom);
}

double zoomToFit(const GraphPicture &picture, const QSizeF &size, double maximumZoom)
{
    if (picture.nodes.isEmpty() || size.isEmpty())
        return 1.0;
    const std::vector<LabelExtent> extents = labelExtents(picture);
    const auto fits = [&](double zoom) {
        const QRectF bounds = paintedBounds(picture, extents, zoom);
        return bounds.width() * zoom <= size.width() && bounds.height() * zoom <= size.height();
    };
    if (fits(maximumZoom))
        return maximumZoom;
    // The painted size grows with the zoom (node spread, plus pixel margins
    // that do not), so bisect on its logarithm.
    double low = std::log(1e-5);
    double high = std::log(maximumZoom);
    if (!fits(std::exp(low)))
        return std::exp(low);
    for (int step = 0; step < 40; ++step) {
        const double middle = (low + high) / 2;
        (fits(std::exp(middle)) ? low : high) = middle;
    }
    return std::exp(low);
}

} // namespace NewsGraph
