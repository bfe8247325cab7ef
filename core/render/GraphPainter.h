#pragma once

#include "core/render/GraphPicture.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QTransform>

#include <utility>

class QPainter;

namespace NewsGraph {

struct PaintHighlights
{
    QSet<qint64> selectedNodes;
    std::pair<qint64, qint64> selectedEdge{0, 0}; // entity ids, {0,0}: none
    qint64 hoveredNode = 0;                       // its edges and neighbours stand out, others dim
    QList<qint64> path;                           // entity ids along a found path
};

// Paints the part of `picture` inside `exposedScene` through `sceneToDevice`:
// edges, arrows, nodes (shape per type), labels thinned so none overlaps (most
// important first; more appear as the zoom grows). Shared by the canvas and
// the image export, so the exported picture looks like the canvas.
//
// `sceneToDevice` is a scale and a translation (no rotation) into the
// painter's current coordinates, whose units are logical pixels: line widths
// and label sizes are fixed in them, so a painter already scaled (a device
// pixel ratio, a print resolution) magnifies the whole picture alike. Colours
// of the picture's style left invalid are white, black and a strong blue.
void paintGraph(QPainter &painter, const GraphPicture &picture, const QTransform &sceneToDevice,
                const QRectF &exposedScene, const PaintHighlights &highlights, bool drawBackground = true);

// The same with `style`'s colours instead of the picture's (the canvas
// resolves the colours the picture leaves invalid from its palette).
void paintGraph(QPainter &painter, const GraphPicture &picture, const GraphStyle &style,
                const QTransform &sceneToDevice, const QRectF &exposedScene, const PaintHighlights &highlights,
                bool drawBackground = true);

// Where a view's labels went: each label's rectangle in device pixels,
// relative to its node's device position, so that it stays valid while the
// view pans. A view drawn in pieces (the canvas draws only what a pan
// uncovers) keeps one placement, so the pieces agree and labels do not jump.
struct LabelPlacement
{
    struct Label
    {
        qsizetype node = -1; // index into GraphPicture::nodes
        QRectF rect;
    };
    QList<Label> labels;
    // Device rectangle new labels must stay inside, and outside which old
    // ones are forgotten; invalid: the exposed area.
    QRectF area;
    // Device rectangle the reader sees (area may reach beyond it, for
    // panning): a node's label goes where it is seen whole if it can.
    // Invalid: all of area is seen.
    QRectF view;
    // Device rectangle no new label covers (the legend's panel); may be empty.
    QRectF keepOff;
};

// paintGraph() in two passes, for such a view: the edges and nodes inside
// `exposedScene`, then the labels. paintGraphLabels() first places labels for
// the nodes inside `exposedScene` that `placement` does not name yet, clear of
// those it does, then draws every label of `placement` meeting the exposed
// area (clip the painter to it), and the new ones whole. Same placement, same
// zoom and highlights: same labels.
void paintGraphShapes(QPainter &painter, const GraphPicture &picture, const GraphStyle &style,
                      const QTransform &sceneToDevice, const QRectF &exposedScene, const PaintHighlights &highlights);
void paintGraphLabels(QPainter &painter, const GraphPicture &picture, const GraphStyle &style,
                      const QTransform &sceneToDevice, const QRectF &exposedScene, const PaintHighlights &highlights,
                      LabelPlacement &placement);

// What paintGraph() adds for the hover and the selection (hoveredNode,
// selectedNodes, selectedEdge), over a picture painted without them: for a
// hover, the background laid over everything at the fading opacity, then the
// hovered node, its edges and neighbours drawn again on top; the selected
// nodes and edge with their rings and accent, and the labels of all these.
// A view shows a hover or a new selection at the cost of a few nodes instead
// of the whole graph. Given the placement of the labels underneath, those
// nodes keep the labels they have there. Nothing when nothing is hovered or
// selected.
void paintHighlightOverlay(QPainter &painter, const GraphPicture &picture, const GraphStyle &style,
                           const QTransform &sceneToDevice, const QRectF &exposedScene,
                           const PaintHighlights &highlights, const LabelPlacement *placed = nullptr);

// The legend of the picture's colouring (a shape and colour per entity type,
// or the largest communities' colours), in a panel whose `corner` of the
// painter's `area` it sits in; returns the panel's rectangle.
QRectF paintLegend(QPainter &painter, const GraphPicture &picture, const GraphStyle &style, const QRectF &area,
                   Qt::Corner corner = Qt::BottomLeftCorner);
// The room paintLegend() needs: its panel and the margin around it.
QSizeF legendSize(const GraphPicture &picture, const GraphStyle &style);
// The panel paintLegend() draws in `area`, without drawing it.
QRectF legendRect(const GraphPicture &picture, const GraphStyle &style, const QRectF &area,
                  Qt::Corner corner = Qt::BottomLeftCorner);

// The scene rectangle covering every node and its label as drawn at `zoom`
// (device pixels per scene unit): labels keep their size in pixels, so the
// scene margin they need shrinks as the zoom grows. Empty for no nodes.
QRectF paintedBounds(const GraphPicture &picture, double zoom);

// The largest zoom, at most `maximumZoom`, at which paintedBounds() fits in
// `size` device pixels; 1 for an empty picture.
double zoomToFit(const GraphPicture &picture, const QSizeF &size, double maximumZoom);

// The colours paintGraph() uses for those of `style` left invalid.
GraphStyle resolvedStyle(const GraphStyle &style);

} // namespace NewsGraph
