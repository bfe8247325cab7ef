#pragma once

#include "app/gui/BackgroundJob.h"
#include "core/render/GraphPainter.h"
#include "core/render/GraphPicture.h"

#include <QImage>
#include <QList>
#include <QPoint>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QTimer>
#include <QTransform>
#include <QWidget>

#include <memory>
#include <optional>

namespace NewsGraph {

// The explorer's view of the entity graph: a custom-painted widget (no
// QGraphicsScene, whose per-item objects cost too much at thousands of
// entities) drawing a GraphPicture with paintGraph(), as the image export
// does. It owns only the view: zoom, pan, hover, and the selection and path
// it is told to show; what the user does is reported by signals, and the
// session decides (selection model, pinning).
//
// Hit testing goes through a uniform grid over the scene (nodes by their
// extent, edges by the cells their segment crosses), so hover and clicks
// look at a handful of items whatever the graph's size. Painting goes
// through a cached image of the view plus a margin: panning blits it and
// draws only the strips it uncovers, the hover and the selection are painted
// over it, a zoom gesture scales it until it pauses; only a new picture, path
// or zoom level draws the whole graph again. A graph that takes long to draw
// is drawn anew (new zoom, picture or path) on a worker thread
// (BackgroundJob), the last drawing staying up until it is done.
class GraphCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit GraphCanvas(QWidget *parent = nullptr);
    ~GraphCanvas() override;

    void setPicture(const GraphPicture &picture); // keeps the view unless it is the first picture (then fits)
    const GraphPicture &picture() const;
    void setSelectedNodes(const QSet<qint64> &nodes); // from the shared selection model; emits nothing
    QSet<qint64> selectedNodes() const;
    void setSelectedEdge(qint64 source, qint64 target); // 0, 0: none; emits nothing
    std::pair<qint64, qint64> selectedEdge() const;
    void setHighlightedPath(const QList<qint64> &entities);
    QList<qint64> highlightedPath() const;
    void centreOn(qint64 entityId); // immediate, keeps zoom
    QPointF widgetPosition(qint64 entityId) const; // where the node is drawn (tests click there)
    QTransform sceneToWidget() const;
    QRectF visibleSceneRect() const; // for "export the current view"
    double zoom() const;
    qint64 hoveredNode() const; // 0: none

    // The legend of shapes and colours in the bottom left corner; on by default.
    void setLegendVisible(bool visible);
    bool legendVisible() const;
    // Shown in the middle when the picture has no node (e.g. "No entity
    // matches the filter"); empty by default.
    void setPlaceholderText(const QString &text);

    // The highlights as the canvas paints them (for an export of the view).
    PaintHighlights highlights() const;

    // When the graph last took at least this long to draw, its drawing at
    // a new zoom, or of a new picture or path, is made on a worker thread
    // (the last drawing staying up meanwhile). 30 ms by default; 0: always.
    void setBackgroundRenderThreshold(int milliseconds) { m_backgroundRenderMilliseconds = milliseconds; }
    bool isRendering() const; // a drawing is under way on a worker thread
    void waitForRendering();  // ... and is installed now

public Q_SLOTS:
    void fitToView();
    void zoomIn();
    void zoomOut();

Q_SIGNALS:
    void nodeSelectionChanged(const QSet<qint64> &nodes); // click, Ctrl-click, rubber band (user only)
    void edgeClicked(qint64 source, qint64 target);
    void edgeSelectionCleared(); // a click on empty space unselected the edge
    void nodeMoved(qint64 entityId, QPointF scenePosition); // drag finished: the session pins it there
    void nodeDoubleClicked(qint64 entityId);                // expand/collapse neighbours
    void nodeContextMenuRequested(qint64 entityId, const QPoint &globalPosition);
    void edgeContextMenuRequested(qint64 source, qint64 target, const QPoint &globalPosition);
    void backgroundContextMenuRequested(const QPoint &globalPosition);
    void hoveredNodeChanged(qint64 entityId); // 0: none
    // Shift-drag from one entity let go on another: the analyst links them.
    void linkDrawn(qint64 from, qint64 to);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    class SpatialIndex;
    // DrawLink: Shift-drag from an entity, a line to the pointer until it is
    // let go over another entity (linkDrawn()).
    enum class Gesture { None, Click, Pan, DragNode, RubberBand, DrawLink };

    QPointF toScene(const QPointF &widgetPoint) const;
    // The node or edge under a widget point, within a few pixels.
    qsizetype nodeAt(const QPointF &widgetPoint) const;
    qsizetype edgeAt(const QPointF &widgetPoint) const;
    void zoomAround(const QPointF &widgetPoint, double factor);
    void panBy(const QPointF &delta);
    void setHovered(qint64 entityId);
    void rebuildIndex();
    // What the cache is drawn from, taken on the GUI thread.
    struct CacheRequest
    {
        GraphStyle style;
        PaintHighlights highlights;
        QPointF offset;
        QPointF margin;
        double zoom = 1.0;
        double ratio = 1.0;
        QSizeF logicalSize;
        QRectF view;   // the widget, in the cache's coordinates (LabelPlacement::view)
        QRectF legend; // the legend's panel there, if shown (LabelPlacement::keepOff)
    };
    struct RenderedCache
    {
        CacheRequest request;
        QImage image;
        LabelPlacement labels;
        qint64 milliseconds = 0;
    };

    void invalidate(); // the graph must be drawn again, not just moved
    void redraw();     // what is drawn changed, not the view
    void settleZoom(); // a zoom gesture paused: draw at the new zoom
    bool drawsInBackground() const;
    void startBackgroundRender();
    GraphStyle paintStyle() const;
    // Where labels may not go in a cache drawn with `margin` around the
    // widget: outside the widget if they can help it, never over the legend.
    void frameLabels(LabelPlacement &labels, QPointF margin) const;
    QPointF currentCacheMargin() const;
    CacheRequest cacheRequest() const;
    // Thread-safe: reads only its arguments. Draws into `image` when it has
    // the size wanted, else into a new one.
    static RenderedCache drawCache(const GraphPicture &picture, const CacheRequest &request, QImage image);
    static QTransform cacheTransformFor(QPointF offset, QPointF margin, double zoom);
    void installCache(RenderedCache rendered);
    void renderCache();
    // Moves the cache's content by `shift` (logical pixels, one axis) and
    // draws what that uncovers; false when it cannot (a shift that is not a
    // whole number of device pixels).
    bool scrollCache(const QPointF &shift);
    QTransform cacheTransform() const;
    PaintHighlights cachedHighlights() const;
    QString toolTipAt(const QPoint &widgetPoint) const;

    GraphPicture m_picture;
    std::unique_ptr<SpatialIndex> m_index;
    PaintHighlights m_highlights;
    bool m_hasPicture = false; // a picture with nodes was shown (and fitted)
    bool m_autoFit = true;     // until the user moves the view, a resize fits again
    bool m_legendVisible = true;
    QString m_placeholder;

    double m_zoom = 1.0;
    QPointF m_offset; // widget position of the scene origin

    // The graph drawn around the view, a margin beyond each side: a pan
    // blits it, and once the view has moved far enough the image is scrolled
    // and only the uncovered strip is drawn, with the labels placed so far.
    QImage m_cache;
    QImage m_spare; // the next scroll's target
    QPointF m_cacheOffset; // m_offset when the cache was last aligned
    QPointF m_cacheMargin; // logical pixels
    double m_cacheZoom = 0.0;
    bool m_cacheValid = false;
    bool m_cacheStale = false; // of an older picture or path; its redrawing is under way
    LabelPlacement m_labels;
    QTimer m_zoomSettle;
    qint64 m_lastRenderMilliseconds = 0;
    int m_backgroundRenderMilliseconds = 30;
    BackgroundJob<RenderedCache> m_renderJob;

    // The mouse gesture under way.
    Gesture m_gesture = Gesture::None;
    QPointF m_pressPosition;
    QPointF m_lastPosition;
    Qt::KeyboardModifiers m_pressModifiers;
    qsizetype m_pressedNode = -1;
    QPointF m_grabOffset; // scene offset from the pointer to the dragged node's centre
    QRectF m_rubberBand;  // widget coordinates
    QPointF m_linkEnd;    // widget coordinates, while drawing a link
    double m_pinchScale = 1.0;
};

} // namespace NewsGraph
