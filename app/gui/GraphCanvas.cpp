#include "app/gui/GraphCanvas.h"

#include "app/gui/Presentation.h"
#include "core/extract/EntityType.h"

#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QGestureEvent>
#include <QGuiApplication>
#include <QHash>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QStyleHints>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr double minimumZoom = 0.002;
constexpr double maximumZoom = 32.0;
constexpr double fitMaximumZoom = 2.0; // a small graph is not blown up to fill the screen
constexpr double fitPadding = 24.0;    // pixels around the fitted graph
constexpr double hitTolerance = 4.0;   // pixels around a node or an edge that still hit it
constexpr double keyPanStep = 60.0;    // pixels per arrow key press
constexpr double cacheMargin = 0.15;   // of the widget's size, drawn beyond each side for panning
constexpr int zoomSettleMilliseconds = 120; // a zoom gesture is shown scaled until it pauses this long

double distanceToSegment(const QPointF &point, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t = lengthSquared > 0 ? std::clamp(QPointF::dotProduct(point - a, ab) / lengthSquared, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(point.x() - nearest.x(), point.y() - nearest.y());
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

// A uniform grid over the scene. Cells are a few node diameters wide (wider
// for sprawling layouts, so the grid stays a few thousand cells); a node is
// in every cell its disc touches, an edge in every cell its segment crosses.
class GraphCanvas::SpatialIndex
{
public:
    explicit SpatialIndex(const GraphPicture &picture)
    {
        QRectF extent;
        for (const PictureNode &node : picture.nodes) {
            m_largestRadius = std::max(m_largestRadius, node.radius);
            extent |= QRectF(node.position, QSizeF(1, 1));
        }
        m_cell = std::max({48.0, 2.5 * m_largestRadius, std::sqrt(extent.width() * extent.height() / 16384.0)});

        for (qsizetype i = 0; i < picture.nodes.size(); ++i) {
            const PictureNode &node = picture.nodes.at(i);
            const QRectF box(node.position - QPointF(node.radius, node.radius), QSizeF(2 * node.radius, 2 * node.radius));
            forCells(box, [&](quint64 key) { m_nodes[key].append(i); });
        }
        for (qsizetype e = 0; e < picture.edges.size(); ++e) {
            const PictureEdge &edge = picture.edges.at(e);
            if (edge.source < 0 || edge.target < 0 || edge.source >= picture.nodes.size()
                || edge.target >= picture.nodes.size())
                continue;
            const QPointF a = picture.nodes.at(edge.source).position;
            const QPointF b = picture.nodes.at(edge.target).position;
            // Samples a quarter cell apart find every cell the segment
            // crosses but for corners it barely clips, which the query's
            // search window covers.
            const double length = std::hypot(b.x() - a.x(), b.y() - a.y());
            const int steps = std::max(1, int(std::ceil(length / (m_cell / 4))));
            quint64 previous = std::numeric_limits<quint64>::max();
            for (int s = 0; s <= steps; ++s) {
                const QPointF p = a + (b - a) * (double(s) / steps);
                const quint64 key = keyOf(cellOf(p.x()), cellOf(p.y()));
                if (key != previous)
                    m_edges[key].append(e);
                previous = key;
            }
        }
    }

    double largestRadius() const { return m_largestRadius; }

    // Calls `visit` with the index of each node, then (separately) each edge,
    // filed in the cells around `box`; an item may come more than once.
    template<typename Visit>
    void nodesNear(const QRectF &box, Visit visit) const
    {
        forCells(box, [&](quint64 key) {
            if (const auto it = m_nodes.constFind(key); it != m_nodes.cend()) {
                for (qsizetype i : *it)
                    visit(i);
            }
        });
    }

    template<typename Visit>
    void edgesNear(const QRectF &box, Visit visit) const
    {
        forCells(box.adjusted(-m_cell / 4, -m_cell / 4, m_cell / 4, m_cell / 4), [&](quint64 key) {
            if (const auto it = m_edges.constFind(key); it != m_edges.cend()) {
                for (qsizetype e : *it)
                    visit(e);
            }
        });
    }

private:
    qint64 cellOf(double coordinate) const { return qint64(std::floor(coordinate / m_cell)); }
    static quint64 keyOf(qint64 column, qint64 row) { return (quint64(quint32(column)) << 32) | quint32(row); }

    template<typename Visit>
    void forCells(const QRectF &box, Visit visit) const
    {
        const qint64 left = cellOf(box.left());
        const qint64 right = cellOf(box.right());
        const qint64 top = cellOf(box.top());
        const qint64 bottom = cellOf(box.bottom());
        // A window too large to walk (a far zoomed-out tolerance) is walked
        // over the cells that exist instead.
        if ((right - left + 1) * (bottom - top + 1) > 4096) {
            for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
                const qint64 column = qint32(it.key() >> 32);
                const qint64 row = qint32(it.key() & 0xffffffffu);
                if (column >= left && column <= right && row >= top && row <= bottom)
                    visit(it.key());
            }
            for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
                const qint64 column = qint32(it.key() >> 32);
                const qint64 row = qint32(it.key() & 0xffffffffu);
                if (column >= left && column <= right && row >= top && row <= bottom && !m_nodes.contains(it.key()))
                    visit(it.key());
            }
            return;
        }
        for (qint64 row = top; row <= bottom; ++row) {
            for (qint64 column = left; column <= right; ++column)
                visit(keyOf(column, row));
        }
    }

    double m_cell = 64.0;
    double m_largestRadius = 0.0;
    QHash<quint64, QList<qsizetype>> m_nodes;
    QHash<quint64, QList<qsizetype>> m_edges;
};

GraphCanvas::GraphCanvas(QWidget *parent)
    : QWidget(parent)
    , m_index(std::make_unique<SpatialIndex>(m_picture))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    grabGesture(Qt::PinchGesture);
    setMinimumSize(200, 150);
    setAccessibleName(tr("Entity graph"));
    m_zoomSettle.setSingleShot(true);
    m_zoomSettle.setInterval(zoomSettleMilliseconds);
    connect(&m_zoomSettle, &QTimer::timeout, this, &GraphCanvas::settleZoom);
}

GraphCanvas::~GraphCanvas() = default;

void GraphCanvas::setPicture(const GraphPicture &picture)
{
    m_picture = picture;
    m_picture.reindex();
    rebuildIndex();
    if (m_highlights.hoveredNode != 0 && m_picture.indexOf(m_highlights.hoveredNode) < 0)
        setHovered(0);
    if (m_gesture == Gesture::DragNode)
        m_gesture = Gesture::None;
    m_pressedNode = -1;
    // The first picture with something in it is fitted; later ones keep the
    // view the analyst chose.
    if (!m_hasPicture && !m_picture.nodes.isEmpty()) {
        m_hasPicture = true;
        fitToView();
    }
    redraw();
}

const GraphPicture &GraphCanvas::picture() const
{
    return m_picture;
}

void GraphCanvas::setSelectedNodes(const QSet<qint64> &nodes)
{
    if (nodes == m_highlights.selectedNodes)
        return;
    m_highlights.selectedNodes = nodes;
    update();
}

QSet<qint64> GraphCanvas::selectedNodes() const
{
    return m_highlights.selectedNodes;
}

void GraphCanvas::setSelectedEdge(qint64 source, qint64 target)
{
    const std::pair<qint64, qint64> edge{source, target};
    if (edge == m_highlights.selectedEdge)
        return;
    m_highlights.selectedEdge = edge;
    update();
}

std::pair<qint64, qint64> GraphCanvas::selectedEdge() const
{
    return m_highlights.selectedEdge;
}

void GraphCanvas::setHighlightedPath(const QList<qint64> &entities)
{
    if (entities == m_highlights.path)
        return;
    m_highlights.path = entities;
    redraw();
}

QList<qint64> GraphCanvas::highlightedPath() const
{
    return m_highlights.path;
}

void GraphCanvas::centreOn(qint64 entityId)
{
    const qsizetype index = m_picture.indexOf(entityId);
    if (index < 0)
        return;
    m_autoFit = false;
    m_offset = QPointF(width() / 2.0, height() / 2.0) - m_zoom * m_picture.nodes.at(index).position;
    update();
}

QPointF GraphCanvas::widgetPosition(qint64 entityId) const
{
    const qsizetype index = m_picture.indexOf(entityId);
    return index < 0 ? QPointF() : sceneToWidget().map(m_picture.nodes.at(index).position);
}

QTransform GraphCanvas::sceneToWidget() const
{
    return QTransform(m_zoom, 0, 0, m_zoom, m_offset.x(), m_offset.y());
}

QRectF GraphCanvas::visibleSceneRect() const
{
    return QRectF(toScene(QPointF(0, 0)), toScene(QPointF(width(), height())));
}

double GraphCanvas::zoom() const
{
    return m_zoom;
}

qint64 GraphCanvas::hoveredNode() const
{
    return m_highlights.hoveredNode;
}

void GraphCanvas::setLegendVisible(bool visible)
{
    if (visible == m_legendVisible)
        return;
    m_legendVisible = visible;
    invalidate(); // labels keep off the legend (frameLabels())
}

bool GraphCanvas::legendVisible() const
{
    return m_legendVisible;
}

void GraphCanvas::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

PaintHighlights GraphCanvas::highlights() const
{
    return m_highlights;
}

void GraphCanvas::fitToView()
{
    m_autoFit = true;
    // The legend keeps the left column for itself, so that a fitted graph
    // never lies under it.
    const double legendWidth = m_legendVisible && !m_picture.nodes.isEmpty()
                                   ? legendSize(m_picture, m_picture.style).width()
                                   : 0.0;
    const QSizeF available = QSizeF(width() - legendWidth, height()) - QSizeF(2 * fitPadding, 2 * fitPadding);
    const QPointF middle(legendWidth + (width() - legendWidth) / 2.0, height() / 2.0);
    if (m_picture.nodes.isEmpty() || available.isEmpty()) {
        m_zoom = 1.0;
        m_offset = QPointF(width() / 2.0, height() / 2.0);
    } else {
        m_zoom = std::clamp(zoomToFit(m_picture, available, fitMaximumZoom), minimumZoom, maximumZoom);
        const QPointF centre = paintedBounds(m_picture, m_zoom).center();
        m_offset = middle - m_zoom * centre;
    }
    invalidate();
}

void GraphCanvas::zoomIn()
{
    zoomAround(QPointF(width() / 2.0, height() / 2.0), 1.25);
}

void GraphCanvas::zoomOut()
{
    zoomAround(QPointF(width() / 2.0, height() / 2.0), 1 / 1.25);
}

QPointF GraphCanvas::toScene(const QPointF &widgetPoint) const
{
    return (widgetPoint - m_offset) / m_zoom;
}

qsizetype GraphCanvas::nodeAt(const QPointF &widgetPoint) const
{
    const QPointF scene = toScene(widgetPoint);
    const double tolerance = hitTolerance / m_zoom;
    const double reach = std::max(m_index->largestRadius() * 1.4, 1.5 / m_zoom) + tolerance;
    qsizetype best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    m_index->nodesNear(QRectF(scene - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)), [&](qsizetype i) {
        const PictureNode &node = m_picture.nodes.at(i);
        // The drawn shape, approximated by its circle; a node drawn at its
        // minimum size far out keeps that size for the pointer too.
        const double radius = std::max(node.radius * (node.type == EntityType::Person ? 1.0 : 1.1), 1.5 / m_zoom);
        const double distance = std::hypot(scene.x() - node.position.x(), scene.y() - node.position.y()) - radius;
        if (distance <= tolerance && distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    });
    return best;
}

qsizetype GraphCanvas::edgeAt(const QPointF &widgetPoint) const
{
    const QPointF scene = toScene(widgetPoint);
    const double reach = (hitTolerance + 4.0) / m_zoom;
    qsizetype best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    m_index->edgesNear(QRectF(scene - QPointF(reach, reach), QSizeF(2 * reach, 2 * reach)), [&](qsizetype e) {
        const PictureEdge &edge = m_picture.edges.at(e);
        const double distance = distanceToSegment(scene, m_picture.nodes.at(edge.source).position,
                                                  m_picture.nodes.at(edge.target).position)
                                * m_zoom;
        const double halfWidth = std::clamp(edge.width * std::clamp(std::sqrt(m_zoom), 0.35, 1.4), 0.6, 8.0) / 2;
        if (distance <= halfWidth + hitTolerance && distance < bestDistance) {
            bestDistance = distance;
            best = e;
        }
    });
    return best;
}

void GraphCanvas::zoomAround(const QPointF &widgetPoint, double factor)
{
    const double zoom = std::clamp(m_zoom * factor, minimumZoom, maximumZoom);
    if (zoom == m_zoom)
        return;
    const QPointF scene = toScene(widgetPoint);
    m_zoom = zoom;
    m_offset = widgetPoint - m_zoom * scene;
    m_autoFit = false;
    // While the wheel or the fingers go on, the last drawing is shown scaled;
    // the graph is drawn at the new zoom once they pause.
    if (m_cacheValid)
        m_zoomSettle.start();
    update();
}

void GraphCanvas::panBy(const QPointF &delta)
{
    m_offset += delta;
    m_autoFit = false;
    update();
}

void GraphCanvas::setHovered(qint64 entityId)
{
    if (entityId == m_highlights.hoveredNode)
        return;
    m_highlights.hoveredNode = entityId;
    update();
    Q_EMIT hoveredNodeChanged(entityId);
}

void GraphCanvas::rebuildIndex()
{
    m_index = std::make_unique<SpatialIndex>(m_picture);
}

void GraphCanvas::invalidate()
{
    m_zoomSettle.stop();
    m_renderJob.cancel();
    m_cacheValid = false;
    m_cacheStale = false;
    update();
}

bool GraphCanvas::drawsInBackground() const
{
    return m_cacheValid && m_lastRenderMilliseconds >= m_backgroundRenderMilliseconds
           && m_cache.devicePixelRatio() == devicePixelRatioF() && m_cacheMargin == currentCacheMargin();
}

void GraphCanvas::redraw()
{
    // What is drawn changed (the picture, the path), not the view: a graph
    // that takes long to draw keeps its last drawing up, the hit testing
    // already on the new picture, while the new one is made on a worker.
    if (!drawsInBackground()) {
        invalidate();
        return;
    }
    m_zoomSettle.stop();
    m_cacheStale = true;
    startBackgroundRender();
}

void GraphCanvas::settleZoom()
{
    // A graph that takes long to draw is drawn at the new zoom on a worker
    // thread, the scaled drawing staying up meanwhile, so that the pause
    // that ends a wheel gesture does not freeze the window.
    if (!drawsInBackground()) {
        invalidate();
        return;
    }
    startBackgroundRender();
}

void GraphCanvas::startBackgroundRender()
{
    const CacheRequest request = cacheRequest();
    const GraphPicture picture = m_picture; // shared, not copied
    // A fresh image: the current one stays on screen meanwhile.
    m_renderJob.start([picture, request](const std::function<bool()> &) { return drawCache(picture, request, {}); },
                      [this](RenderedCache rendered) {
                          if (rendered.request.zoom != m_zoom || rendered.request.ratio != devicePixelRatioF()
                              || rendered.request.margin != currentCacheMargin()) {
                              invalidate(); // the view changed meanwhile in a way a blit cannot follow
                              return;
                          }
                          installCache(std::move(rendered));
                          update();
                      });
    update();
}

QPointF GraphCanvas::currentCacheMargin() const
{
    return QPointF(std::ceil(cacheMargin * width()), std::ceil(cacheMargin * height()));
}

GraphCanvas::CacheRequest GraphCanvas::cacheRequest() const
{
    CacheRequest request;
    request.style = paintStyle();
    request.highlights = cachedHighlights();
    request.offset = m_offset;
    request.margin = currentCacheMargin();
    request.zoom = m_zoom;
    request.ratio = devicePixelRatioF();
    request.logicalSize = QSizeF(width(), height()) + 2 * QSizeF(request.margin.x(), request.margin.y());
    LabelPlacement frame;
    frameLabels(frame, request.margin);
    request.view = frame.view;
    request.legend = frame.keepOff;
    return request;
}

void GraphCanvas::frameLabels(LabelPlacement &labels, QPointF margin) const
{
    labels.view = QRectF(margin, QSizeF(width(), height()));
    labels.keepOff = m_legendVisible && !m_picture.nodes.isEmpty()
        ? legendRect(m_picture, paintStyle(), QRectF(rect())).translated(margin)
        : QRectF();
}

GraphCanvas::RenderedCache GraphCanvas::drawCache(const GraphPicture &picture, const CacheRequest &request,
                                                  QImage image)
{
    QElapsedTimer timer;
    timer.start();
    RenderedCache rendered;
    rendered.request = request;
    const QSize pixels = (request.logicalSize * request.ratio).toSize().expandedTo(QSize(1, 1));
    rendered.image = image.size() == pixels ? std::move(image) : QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    rendered.image.setDevicePixelRatio(request.ratio);
    rendered.image.fill(request.style.background);
    const QTransform transform = cacheTransformFor(request.offset, request.margin, request.zoom);
    const QRectF area(QPointF(0, 0), request.logicalSize);
    const QRectF scene = transform.inverted().mapRect(area);
    QPainter painter(&rendered.image);
    paintGraphShapes(painter, picture, request.style, transform, scene, request.highlights);
    rendered.labels.area = area;
    rendered.labels.view = request.view;
    rendered.labels.keepOff = request.legend;
    paintGraphLabels(painter, picture, request.style, transform, scene, request.highlights, rendered.labels);
    painter.end();
    rendered.milliseconds = timer.elapsed();
    return rendered;
}

void GraphCanvas::installCache(RenderedCache rendered)
{
    m_cache = std::move(rendered.image);
    if (m_spare.size() != m_cache.size()) {
        // The scroll target too, written once now: a first write to fresh
        // memory costs its page faults, better paid here than mid-pan.
        m_spare = QImage(m_cache.size(), QImage::Format_ARGB32_Premultiplied);
        m_spare.fill(0);
    }
    m_cacheOffset = rendered.request.offset;
    m_cacheMargin = rendered.request.margin;
    m_cacheZoom = rendered.request.zoom;
    m_labels = std::move(rendered.labels);
    m_lastRenderMilliseconds = rendered.milliseconds;
    m_cacheValid = true;
    m_cacheStale = false;
}

bool GraphCanvas::isRendering() const
{
    return m_renderJob.isRunning();
}

void GraphCanvas::waitForRendering()
{
    m_renderJob.wait();
}

GraphStyle GraphCanvas::paintStyle() const
{
    GraphStyle style = m_picture.style;
    if (!style.background.isValid())
        style.background = palette().color(QPalette::Base);
    if (!style.foreground.isValid())
        style.foreground = palette().color(QPalette::Text);
    if (!style.accent.isValid())
        style.accent = palette().color(QPalette::Highlight);
    return style;
}

PaintHighlights GraphCanvas::cachedHighlights() const
{
    // The hover and the selection are painted over the cache
    // (paintHighlightOverlay), so moving the pointer from node to node or
    // clicking one does not draw the whole graph again.
    PaintHighlights highlights;
    highlights.path = m_highlights.path;
    return highlights;
}

QTransform GraphCanvas::cacheTransform() const
{
    return cacheTransformFor(m_cacheOffset, m_cacheMargin, m_cacheZoom);
}

QTransform GraphCanvas::cacheTransformFor(QPointF offset, QPointF margin, double zoom)
{
    // The cache's top left is the widget's top left, at the last alignment,
    // minus the margin.
    return QTransform(zoom, 0, 0, zoom, offset.x() + margin.x(), offset.y() + margin.y());
}

void GraphCanvas::renderCache()
{
    m_renderJob.cancel();
    // Drawn over the current image when the size allows: a fresh one costs
    // its page faults on every full drawing.
    installCache(drawCache(m_picture, cacheRequest(), std::move(m_cache)));
}

bool GraphCanvas::scrollCache(const QPointF &shift)
{
    const double ratio = m_cache.devicePixelRatio();
    const QPointF device = shift * ratio;
    if (std::abs(device.x() - std::round(device.x())) > 1e-6 || std::abs(device.y() - std::round(device.y())) > 1e-6)
        return false;
    if (m_spare.size() != m_cache.size())
        m_spare = QImage(m_cache.size(), QImage::Format_ARGB32_Premultiplied);
    m_spare.setDevicePixelRatio(ratio);
    const QSizeF logical = QSizeF(m_cache.size()) / ratio;
    const QRectF area(QPointF(0, 0), logical);
    const GraphStyle style = paintStyle();
    QPainter painter(&m_spare);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.drawImage(QPointF(std::round(device.x()) / ratio, std::round(device.y()) / ratio), m_cache);
    painter.setCompositionMode(QPainter::CompositionMode_SourceOver);

    // The strip the old content does not cover, along the one axis moved.
    QRectF strip;
    if (shift.x() > 0)
        strip = QRectF(0, 0, shift.x(), logical.height());
    else if (shift.x() < 0)
        strip = QRectF(logical.width() + shift.x(), 0, -shift.x(), logical.height());
    else if (shift.y() > 0)
        strip = QRectF(0, 0, logical.width(), shift.y());
    else
        strip = QRectF(0, logical.height() + shift.y(), logical.width(), -shift.y());

    m_cacheOffset += shift;
    const QTransform transform = cacheTransform();
    const QRectF scene = transform.inverted().mapRect(strip);
    painter.setClipRect(strip);
    painter.fillRect(strip, style.background);
    const PaintHighlights highlights = cachedHighlights();
    paintGraphShapes(painter, m_picture, style, transform, scene, highlights);
    painter.setClipping(false);
    m_labels.area = area;
    frameLabels(m_labels, m_cacheMargin);
    paintGraphLabels(painter, m_picture, style, transform, scene, highlights, m_labels);
    painter.end();
    std::swap(m_cache, m_spare);
    return true;
}

bool GraphCanvas::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    case QEvent::NativeGesture: {
        const auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAround(gesture->position(), 1.0 + gesture->value());
            return true;
        }
        if (gesture->gestureType() == Qt::SmartZoomNativeGesture) {
            fitToView();
            return true;
        }
        break;
    }
    case QEvent::Gesture: {
        auto *gestures = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->state() == Qt::GestureStarted)
                m_pinchScale = 1.0;
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged) {
                const double total = pinch->totalScaleFactor();
                if (m_pinchScale > 0 && total > 0)
                    zoomAround(mapFromGlobal(pinch->centerPoint()), total / m_pinchScale);
                m_pinchScale = total;
            }
            gestures->accept(pinch);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::event(event);
}

QString GraphCanvas::toolTipAt(const QPoint &widgetPoint) const
{
    if (const qsizetype node = nodeAt(widgetPoint); node >= 0) {
        const PictureNode &n = m_picture.nodes.at(node);
        QString text = u"<b>%1</b><br>%2"_s.arg(escaped(n.label), entityTypeLabel(n.type));
        text += u" · "_s + tr("%n mention(s)", nullptr, n.mentions);
        if (n.pinned)
            text += u" · "_s + tr("pinned");
        return text;
    }
    if (const qsizetype edge = edgeAt(widgetPoint); edge >= 0) {
        const PictureEdge &e = m_picture.edges.at(edge);
        const PictureNode &source = m_picture.nodes.at(e.source);
        const PictureNode &target = m_picture.nodes.at(e.target);
        const QString arrow = e.direction > 0 ? u" → "_s : e.direction < 0 ? u" ← "_s : u" — "_s;
        return u"<b>%1</b>%2<b>%3</b><br>%4<br>%5"_s.arg(escaped(source.label), arrow, escaped(target.label),
                                                          escaped(e.predicates.join(u", "_s)),
                                                          tr("%n sentence(s)", nullptr, e.evidenceCount));
    }
    return {};
}

void GraphCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const GraphStyle style = paintStyle();
    if (m_picture.nodes.isEmpty()) {
        painter.fillRect(rect(), style.background);
        if (!m_placeholder.isEmpty()) {
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        }
        return;
    }
    const QSizeF expected = (QSizeF(width(), height()) + 2 * QSizeF(m_cacheMargin.x(), m_cacheMargin.y()))
                            * devicePixelRatioF();
    if (m_cacheValid && m_cacheZoom != m_zoom && (m_zoomSettle.isActive() || m_renderJob.isRunning())) {
        // Zooming: the last drawing, scaled, until the gesture pauses and
        // the graph is drawn at the new zoom.
        painter.fillRect(rect(), style.background);
        const QRectF cached(QPointF(0, 0), QSizeF(m_cache.size()) / m_cache.devicePixelRatio());
        const QRectF target = sceneToWidget().mapRect(cacheTransform().inverted().mapRect(cached));
        painter.drawImage(target, m_cache);
    } else {
        if (!m_cacheValid || m_cacheZoom != m_zoom || m_cache.devicePixelRatio() != devicePixelRatioF()
            || m_cache.size() != expected.toSize()) {
            renderCache();
        } else if (!m_cacheStale) {
            // Far enough from where the cache was drawn: scroll it, one axis
            // at a time, so each step draws one strip. (A stale cache, of an
            // older picture, just moves until the new drawing is in.)
            const QPointF moved = m_offset - m_cacheOffset;
            bool scrolled = true;
            if (std::abs(moved.x()) > m_cacheMargin.x() / 2)
                scrolled = scrollCache(QPointF(moved.x(), 0));
            if (scrolled && std::abs(moved.y()) > m_cacheMargin.y() / 2)
                scrolled = scrollCache(QPointF(0, moved.y()));
            if (!scrolled)
                renderCache();
        }
        painter.drawImage(m_offset - m_cacheOffset - m_cacheMargin, m_cache);
    }
    paintHighlightOverlay(painter, m_picture, style, sceneToWidget(), visibleSceneRect(), m_highlights,
                          m_cacheZoom == m_zoom && !m_cacheStale ? &m_labels : nullptr);

    if (m_gesture == Gesture::RubberBand && !m_rubberBand.isEmpty()) {
        QColor fill = style.accent;
        fill.setAlphaF(0.15f);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(style.accent, 1.0));
        painter.setBrush(fill);
        painter.drawRect(m_rubberBand.normalized());
    }
    if (m_gesture == Gesture::DrawLink && m_pressedNode >= 0) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(style.accent, 2.0, Qt::DashLine, Qt::RoundCap));
        painter.drawLine(widgetPosition(m_picture.nodes.at(m_pressedNode).entityId), m_linkEnd);
    }
    if (m_legendVisible)
        paintLegend(painter, m_picture, style, QRectF(rect()));
}

void GraphCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_autoFit && m_hasPicture)
        fitToView();
    else
        invalidate();
}

void GraphCanvas::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        invalidate();
    QWidget::changeEvent(event);
}

void GraphCanvas::mousePressEvent(QMouseEvent *event)
{
    const QPointF position = event->position();
    m_pressPosition = position;
    m_lastPosition = position;
    m_pressModifiers = event->modifiers();
    m_pressedNode = -1;
    if (event->button() == Qt::MiddleButton) {
        m_gesture = Gesture::Pan;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_gesture = Gesture::Click;
    m_pressedNode = nodeAt(position);
    if (m_pressedNode >= 0)
        m_grabOffset = m_picture.nodes.at(m_pressedNode).position - toScene(position);
}

void GraphCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF position = event->position();
    if (m_gesture == Gesture::None) {
        const qsizetype node = nodeAt(position);
        setHovered(node >= 0 ? m_picture.nodes.at(node).entityId : 0);
        setCursor(node >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        return;
    }
    if (m_gesture == Gesture::Click) {
        const QPointF moved = position - m_pressPosition;
        if (moved.manhattanLength() < QGuiApplication::styleHints()->startDragDistance())
            return;
        if (m_pressedNode >= 0 && (m_pressModifiers & Qt::ShiftModifier)) {
            m_gesture = Gesture::DrawLink;
            setCursor(Qt::CrossCursor);
        } else if (m_pressedNode >= 0) {
            m_gesture = Gesture::DragNode;
            setCursor(Qt::ClosedHandCursor);
        } else if (m_pressModifiers & Qt::ShiftModifier) {
            m_gesture = Gesture::RubberBand;
        } else {
            m_gesture = Gesture::Pan;
            setCursor(Qt::ClosedHandCursor);
        }
    }
    switch (m_gesture) {
    case Gesture::Pan:
        panBy(position - m_lastPosition);
        break;
    case Gesture::DragNode:
        m_picture.nodes[m_pressedNode].position = toScene(position) + m_grabOffset;
        invalidate();
        break;
    case Gesture::RubberBand:
        m_rubberBand = QRectF(m_pressPosition, position);
        update();
        break;
    case Gesture::DrawLink:
        m_linkEnd = position;
        update();
        break;
    case Gesture::None:
    case Gesture::Click:
        break;
    }
    m_lastPosition = position;
}

void GraphCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    unsetCursor();
    const QPointF position = event->position();
    switch (gesture) {
    case Gesture::None:
    case Gesture::Pan:
        break;
    case Gesture::DrawLink: {
        update();
        const qsizetype target = nodeAt(position);
        if (target >= 0 && target != m_pressedNode)
            Q_EMIT linkDrawn(m_picture.nodes.at(m_pressedNode).entityId, m_picture.nodes.at(target).entityId);
        break;
    }
    case Gesture::DragNode: {
        const PictureNode &node = m_picture.nodes.at(m_pressedNode);
        rebuildIndex();
        Q_EMIT nodeMoved(node.entityId, node.position);
        break;
    }
    case Gesture::RubberBand: {
        const QRectF band = QRectF(toScene(m_rubberBand.topLeft()), toScene(m_rubberBand.bottomRight())).normalized();
        m_rubberBand = QRectF();
        QSet<qint64> selection = (m_pressModifiers & Qt::ControlModifier) ? m_highlights.selectedNodes : QSet<qint64>();
        for (const PictureNode &node : std::as_const(m_picture.nodes)) {
            if (band.contains(node.position))
                selection.insert(node.entityId);
        }
        m_highlights.selectedNodes = selection;
        update();
        Q_EMIT nodeSelectionChanged(selection);
        break;
    }
    case Gesture::Click: {
        const bool toggle = m_pressModifiers & Qt::ControlModifier;
        if (m_pressedNode >= 0) {
            const qint64 id = m_picture.nodes.at(m_pressedNode).entityId;
            QSet<qint64> selection;
            if (toggle) {
                selection = m_highlights.selectedNodes;
                if (!selection.remove(id))
                    selection.insert(id);
            } else {
                selection = {id};
            }
            m_highlights.selectedNodes = selection;
            if (!toggle)
                m_highlights.selectedEdge = {0, 0};
            update();
            Q_EMIT nodeSelectionChanged(selection);
        } else if (const qsizetype edge = edgeAt(position); edge >= 0) {
            const PictureEdge &e = m_picture.edges.at(edge);
            const qint64 source = m_picture.nodes.at(e.source).entityId;
            const qint64 target = m_picture.nodes.at(e.target).entityId;
            m_highlights.selectedEdge = {source, target};
            update();
            Q_EMIT edgeClicked(source, target);
        } else if (!toggle) {
            // A click on empty space clears the selection.
            const bool hadNodes = !m_highlights.selectedNodes.isEmpty();
            const bool hadEdge = m_highlights.selectedEdge.first != 0;
            m_highlights.selectedNodes.clear();
            m_highlights.selectedEdge = {0, 0};
            update();
            if (hadNodes)
                Q_EMIT nodeSelectionChanged({});
            if (hadEdge)
                Q_EMIT edgeSelectionCleared();
        }
        break;
    }
    }
    m_pressedNode = -1;
}

void GraphCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    const qsizetype node = nodeAt(event->position());
    if (node >= 0)
        Q_EMIT nodeDoubleClicked(m_picture.nodes.at(node).entityId);
    else if (edgeAt(event->position()) < 0)
        fitToView();
}

void GraphCanvas::wheelEvent(QWheelEvent *event)
{
    // 120 units are one notch of a classic wheel: a fifth more or less per notch.
    const QPoint angle = event->angleDelta();
    const int delta = angle.y() != 0 ? angle.y() : angle.x();
    if (delta == 0) {
        event->ignore();
        return;
    }
    zoomAround(event->position(), std::pow(1.2, delta / 120.0));
    event->accept();
}

void GraphCanvas::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        return;
    case Qt::Key_0:
        fitToView();
        return;
    case Qt::Key_Left:
        panBy(QPointF(keyPanStep, 0));
        return;
    case Qt::Key_Right:
        panBy(QPointF(-keyPanStep, 0));
        return;
    case Qt::Key_Up:
        panBy(QPointF(0, keyPanStep));
        return;
    case Qt::Key_Down:
        panBy(QPointF(0, -keyPanStep));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void GraphCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    const QPointF position = event->pos();
    if (const qsizetype node = nodeAt(position); node >= 0) {
        Q_EMIT nodeContextMenuRequested(m_picture.nodes.at(node).entityId, event->globalPos());
    } else if (const qsizetype edge = edgeAt(position); edge >= 0) {
        const PictureEdge &e = m_picture.edges.at(edge);
        Q_EMIT edgeContextMenuRequested(m_picture.nodes.at(e.source).entityId, m_picture.nodes.at(e.target).entityId,
                                        event->globalPos());
    } else {
        Q_EMIT backgroundContextMenuRequested(event->globalPos());
    }
    event->accept();
}

void GraphCanvas::leaveEvent(QEvent *event)
{
    if (m_gesture == Gesture::None)
        setHovered(0);
    QWidget::leaveEvent(event);
}

} // namespace NewsGraph
