// The graph canvas as a user drives it, offscreen: clicks, Ctrl-clicks,
// clicks on edges, node drags, the wheel, the keyboard, hover, the rubber
// band and context menus, each checked through the signals the session
// listens to; then what it draws, grabbed.

#include "app/gui/GraphCanvas.h"

#include "core/render/GraphPicture.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QImage>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QWheelEvent>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

PictureNode makeNode(qint64 id, const QString &label, EntityType type, QPointF position, double radius)
{
    PictureNode node;
    node.entityId = id;
    node.label = label;
    node.type = type;
    node.position = position;
    node.radius = radius;
    node.color = colorForType(type);
    node.importance = radius / 20.0;
    node.mentions = int(radius);
    return node;
}

PictureEdge makeEdge(qsizetype source, qsizetype target, int evidence, int direction)
{
    PictureEdge edge;
    edge.source = source;
    edge.target = target;
    edge.predicates = {u"partner_of"_s};
    edge.evidenceCount = evidence;
    edge.width = 1.0 + std::log2(evidence);
    edge.direction = direction;
    return edge;
}

// One node of each type, spread out, and a few edges; node 1 and node 2 are
// far apart so that the middle of their edge is far from any node.
GraphPicture samplePicture()
{
    GraphPicture picture;
    picture.nodes = {
        makeNode(1, u"Jensen Huang"_s, EntityType::Person, {0, 0}, 18),
        makeNode(2, u"Nvidia"_s, EntityType::Organization, {400, 0}, 20),
        makeNode(3, u"Paris"_s, EntityType::Place, {400, 300}, 12),
        makeNode(4, u"Blackwell"_s, EntityType::Product, {0, 300}, 14),
        makeNode(5, u"VivaTech"_s, EntityType::Event, {200, 450}, 16),
    };
    picture.edges = {makeEdge(0, 1, 4, 1), makeEdge(1, 2, 1, 0), makeEdge(3, 1, 2, -1), makeEdge(2, 4, 1, 0)};
    picture.reindex();
    return picture;
}

void sendMouse(QWidget *widget, QEvent::Type type, const QPointF &position, Qt::MouseButton button,
               Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, modifiers);
    QCoreApplication::sendEvent(widget, &event);
}

// A drag in small steps, as a hand makes it.
void drag(QWidget *widget, const QPointF &from, const QPointF &to, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    for (int step = 1; step <= 10; ++step)
        sendMouse(widget, QEvent::MouseMove, from + (to - from) * (step / 10.0), Qt::NoButton, Qt::LeftButton, modifiers);
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

bool nearColour(QRgb pixel, const QColor &colour, int tolerance)
{
    return std::abs(qRed(pixel) - colour.red()) <= tolerance && std::abs(qGreen(pixel) - colour.green()) <= tolerance
           && std::abs(qBlue(pixel) - colour.blue()) <= tolerance;
}

} // namespace

class TestGraphCanvas : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GraphCanvas> m_canvas;

private Q_SLOTS:
    void init()
    {
        m_canvas = std::make_unique<GraphCanvas>();
        m_canvas->resize(800, 600);
        m_canvas->setPicture(samplePicture());
        m_canvas->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
        m_canvas->fitToView();
    }

    void cleanup() { m_canvas.reset(); }

    void firstPictureFitsAndLaterOnesKeepTheView()
    {
        GraphCanvas &canvas = *m_canvas;
        for (const PictureNode &node : canvas.picture().nodes)
            QVERIFY(canvas.rect().contains(canvas.widgetPosition(node.entityId).toPoint()));
        // A new picture, even a larger one, keeps the view.
        const QTransform fitted = canvas.sceneToWidget();
        GraphPicture larger = samplePicture();
        larger.nodes[4].position = QPointF(2000, 2000);
        canvas.setPicture(larger);
        QCOMPARE(canvas.sceneToWidget(), fitted);
        canvas.zoomIn();
        const double zoom = canvas.zoom();
        const QTransform view = canvas.sceneToWidget();
        GraphPicture changed = samplePicture();
        changed.nodes[0].position = QPointF(-50, -50);
        canvas.setPicture(changed);
        QCOMPARE(canvas.zoom(), zoom);
        QCOMPARE(canvas.sceneToWidget(), view);
        QCOMPARE(canvas.widgetPosition(1), view.map(QPointF(-50, -50)));
        QCOMPARE(canvas.widgetPosition(42), QPointF());
    }

    void clickSelectsAndEmits()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy selection(&canvas, &GraphCanvas::nodeSelectionChanged);
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, canvas.widgetPosition(2).toPoint());
        QCOMPARE(selection.size(), 1);
        QCOMPARE(selection.at(0).at(0).value<QSet<qint64>>(), QSet<qint64>{2});
        QCOMPARE(canvas.selectedNodes(), QSet<qint64>{2});

        // Another click replaces it; a click on empty space clears it.
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, canvas.widgetPosition(5).toPoint());
        QCOMPARE(selection.last().at(0).value<QSet<qint64>>(), QSet<qint64>{5});
        const QPoint empty = canvas.sceneToWidget().map(QPointF(200, 200)).toPoint();
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, empty);
        QCOMPARE(selection.size(), 3);
        QVERIFY(selection.last().at(0).value<QSet<qint64>>().isEmpty());

        // Selection set from outside emits nothing.
        canvas.setSelectedNodes({1, 3});
        QCOMPARE(canvas.selectedNodes(), (QSet<qint64>{1, 3}));
        QCOMPARE(selection.size(), 3);
    }

    void ctrlClickToggles()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy selection(&canvas, &GraphCanvas::nodeSelectionChanged);
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, canvas.widgetPosition(1).toPoint());
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::ControlModifier, canvas.widgetPosition(3).toPoint());
        QCOMPARE(selection.last().at(0).value<QSet<qint64>>(), (QSet<qint64>{1, 3}));
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::ControlModifier, canvas.widgetPosition(1).toPoint());
        QCOMPARE(selection.last().at(0).value<QSet<qint64>>(), QSet<qint64>{3});
        QCOMPARE(selection.size(), 3);
    }

    void clickOnAnEdgeEmitsEdgeClicked()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy edges(&canvas, &GraphCanvas::edgeClicked);
        QSignalSpy selection(&canvas, &GraphCanvas::nodeSelectionChanged);
        const QPointF middle = (canvas.widgetPosition(1) + canvas.widgetPosition(2)) / 2;
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, middle.toPoint());
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.at(0).at(0).toLongLong(), 1);
        QCOMPARE(edges.at(0).at(1).toLongLong(), 2);
        QCOMPARE(canvas.selectedEdge(), (std::pair<qint64, qint64>{1, 2}));
        QCOMPARE(selection.size(), 0);

        // A little off the line still hits it; far off does not.
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, (middle + QPointF(0, 3)).toPoint());
        QCOMPARE(edges.size(), 2);
        QSignalSpy cleared(&canvas, &GraphCanvas::edgeSelectionCleared);
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, (middle + QPointF(0, 30)).toPoint());
        QCOMPARE(edges.size(), 2);
        // That click on empty space unselected the edge, and says so once.
        QCOMPARE(canvas.selectedEdge(), (std::pair<qint64, qint64>{0, 0}));
        QCOMPARE(cleared.size(), 1);
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, (middle + QPointF(0, 30)).toPoint());
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(selection.size(), 0);
    }

    void draggingANodeEmitsNodeMoved()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy moved(&canvas, &GraphCanvas::nodeMoved);
        QSignalSpy selection(&canvas, &GraphCanvas::nodeSelectionChanged);
        const QPointF from = canvas.widgetPosition(4);
        const QPointF to = from + QPointF(60, -40);
        drag(&canvas, from, to);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(0).toLongLong(), 4);
        const QPointF expected = canvas.sceneToWidget().inverted().map(to);
        const QPointF scene = moved.at(0).at(1).toPointF();
        QVERIFY2(std::hypot(scene.x() - expected.x(), scene.y() - expected.y()) < 0.01,
                 qPrintable(u"%1,%2"_s.arg(scene.x()).arg(scene.y())));
        QCOMPARE(canvas.widgetPosition(4), to);
        QCOMPARE(selection.size(), 0); // a drag is not a click
        // The node is found at its new place.
        QTest::mouseClick(&canvas, Qt::LeftButton, Qt::NoModifier, to.toPoint());
        QCOMPARE(selection.last().at(0).value<QSet<qint64>>(), QSet<qint64>{4});
    }

    void draggingTheBackgroundPans()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy moved(&canvas, &GraphCanvas::nodeMoved);
        const QPointF before = canvas.widgetPosition(1);
        const QPointF empty = canvas.sceneToWidget().map(QPointF(200, 200));
        drag(&canvas, empty, empty + QPointF(-70, 25));
        QCOMPARE(moved.size(), 0);
        QCOMPARE(canvas.widgetPosition(1), before + QPointF(-70, 25));
    }

    void wheelZoomsAroundTheCursor()
    {
        GraphCanvas &canvas = *m_canvas;
        const QPointF cursor(250, 180);
        const QPointF sceneBefore = canvas.sceneToWidget().inverted().map(cursor);
        const double zoom = canvas.zoom();
        QWheelEvent wheel(cursor, canvas.mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&canvas, &wheel);
        QVERIFY(canvas.zoom() > zoom * 1.3);
        const QPointF sceneAfter = canvas.sceneToWidget().inverted().map(cursor);
        QVERIFY(std::hypot(sceneAfter.x() - sceneBefore.x(), sceneAfter.y() - sceneBefore.y()) < 1e-6);

        QWheelEvent back(cursor, canvas.mapToGlobal(cursor), QPoint(), QPoint(0, -240), Qt::NoButton, Qt::NoModifier,
                         Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&canvas, &back);
        QVERIFY(std::abs(canvas.zoom() - zoom) < 1e-9);
    }

    void zoomDrawnInTheBackground()
    {
        // Two canvases zoomed alike, one drawing the new zoom on a worker
        // thread: the same picture in the end.
        GraphCanvas &background = *m_canvas;
        background.setBackgroundRenderThreshold(0);
        GraphCanvas foreground;
        foreground.setBackgroundRenderThreshold(std::numeric_limits<int>::max());
        foreground.resize(background.size());
        foreground.setPicture(samplePicture());
        foreground.show();
        QVERIFY(QTest::qWaitForWindowExposed(&foreground));
        foreground.fitToView();
        for (GraphCanvas *canvas : {&background, &foreground}) {
            const QPointF cursor(300, 200);
            QWheelEvent wheel(cursor, canvas->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(canvas, &wheel);
        }
        QCOMPARE(background.zoom(), foreground.zoom());
        // Until the drawing starts, one event at a time: the drawing of so
        // small a graph ends within the next.
        const auto waitForRenderingToStart = [&background] {
            QElapsedTimer waited;
            waited.start();
            while (!background.isRendering() && waited.elapsed() < 5000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            return background.isRendering();
        };
        // The gesture pauses: the background canvas starts drawing, the
        // other draws at once when it next paints.
        QVERIFY(waitForRenderingToStart());
        QVERIFY(!foreground.isRendering());
        background.waitForRendering();
        QVERIFY(!background.isRendering());
        const QImage drawn = background.grab().toImage();
        QCOMPARE(drawn, foreground.grab().toImage());

        // A path to show: drawn on the worker too, the last drawing up
        // meanwhile (the path is not in it yet).
        background.setHighlightedPath({1, 2});
        foreground.setHighlightedPath({1, 2});
        QVERIFY(background.isRendering());
        QCOMPARE(background.grab().toImage(), drawn);
        background.waitForRendering();
        const QImage withPath = background.grab().toImage();
        QVERIFY(withPath != drawn);
        QCOMPARE(withPath, foreground.grab().toImage());

        // A new picture while a zoom is being drawn: that drawing is
        // dropped for one of the new picture at the new zoom.
        for (GraphCanvas *canvas : {&background, &foreground}) {
            for (int i = 0; i < 2; ++i)
                canvas->zoomIn();
        }
        QVERIFY(waitForRenderingToStart());
        GraphPicture moved = samplePicture();
        moved.nodes[0].position += QPointF(50, 50);
        background.setPicture(moved);
        foreground.setPicture(moved);
        QVERIFY(background.isRendering());
        background.waitForRendering();
        QCOMPARE(background.grab().toImage(), foreground.grab().toImage());
    }

    void keysZoomPanAndFit()
    {
        GraphCanvas &canvas = *m_canvas;
        const double zoom = canvas.zoom();
        QTest::keyClick(&canvas, Qt::Key_Plus);
        QVERIFY(canvas.zoom() > zoom);
        QTest::keyClick(&canvas, Qt::Key_Minus);
        QTest::keyClick(&canvas, Qt::Key_Minus);
        QVERIFY(canvas.zoom() < zoom);
        const QPointF before = canvas.widgetPosition(1);
        QTest::keyClick(&canvas, Qt::Key_Left);
        QVERIFY(canvas.widgetPosition(1).x() > before.x());
        QTest::keyClick(&canvas, Qt::Key_0);
        QCOMPARE(canvas.zoom(), zoom);
    }

    void fitToViewShowsEveryNode()
    {
        GraphCanvas &canvas = *m_canvas;
        for (int i = 0; i < 6; ++i)
            canvas.zoomIn();
        canvas.centreOn(5);
        QCOMPARE(canvas.widgetPosition(5), QPointF(400, 300));
        QVERIFY(!canvas.rect().contains(canvas.widgetPosition(1).toPoint()));
        canvas.fitToView();
        const QRectF inside = QRectF(canvas.rect()).adjusted(10, 10, -10, -10);
        for (const PictureNode &node : canvas.picture().nodes) {
            const QPointF at = canvas.widgetPosition(node.entityId);
            const double r = node.radius * canvas.zoom();
            QVERIFY2(inside.contains(QRectF(at - QPointF(r, r), QSizeF(2 * r, 2 * r))), qPrintable(node.label));
        }
        QVERIFY(canvas.visibleSceneRect().contains(QRectF(0, 0, 400, 450)));

        // A resize before the user moves the view fits again.
        canvas.resize(400, 300);
        for (const PictureNode &node : canvas.picture().nodes)
            QVERIFY(QRectF(canvas.rect()).contains(canvas.widgetPosition(node.entityId)));
    }

    void hoverEmitsHoveredNodeChanged()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy hovered(&canvas, &GraphCanvas::hoveredNodeChanged);
        sendMouse(&canvas, QEvent::MouseMove, canvas.widgetPosition(3), Qt::NoButton, Qt::NoButton);
        QCOMPARE(hovered.size(), 1);
        QCOMPARE(hovered.at(0).at(0).toLongLong(), 3);
        QCOMPARE(canvas.hoveredNode(), 3);
        sendMouse(&canvas, QEvent::MouseMove, canvas.widgetPosition(3) + QPointF(1, 1), Qt::NoButton, Qt::NoButton);
        QCOMPARE(hovered.size(), 1); // same node, no new signal
        sendMouse(&canvas, QEvent::MouseMove, canvas.sceneToWidget().map(QPointF(200, 200)), Qt::NoButton, Qt::NoButton);
        QCOMPARE(hovered.size(), 2);
        QCOMPARE(hovered.at(1).at(0).toLongLong(), 0);
    }

    void shiftDragSelectsWithARubberBand()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy selection(&canvas, &GraphCanvas::nodeSelectionChanged);
        // Around the two top nodes only.
        const QPointF from = canvas.sceneToWidget().map(QPointF(-60, -60));
        const QPointF to = canvas.sceneToWidget().map(QPointF(460, 100));
        drag(&canvas, from, to, Qt::ShiftModifier);
        QCOMPARE(selection.size(), 1);
        QCOMPARE(selection.at(0).at(0).value<QSet<qint64>>(), (QSet<qint64>{1, 2}));
    }

    // Shift-drag from an entity to another draws a link between them; let
    // go elsewhere, nothing; the entities stay where they were.
    void shiftDragFromAnEntityDrawsALink()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy drawn(&canvas, &GraphCanvas::linkDrawn);
        QSignalSpy moved(&canvas, &GraphCanvas::nodeMoved);
        const QPointF from = canvas.widgetPosition(1);
        drag(&canvas, from, canvas.widgetPosition(4), Qt::ShiftModifier);
        QCOMPARE(drawn.size(), 1);
        QCOMPARE(drawn.at(0).at(0).toLongLong(), 1);
        QCOMPARE(drawn.at(0).at(1).toLongLong(), 4);
        drag(&canvas, from, canvas.sceneToWidget().map(QPointF(200, 200)), Qt::ShiftModifier);
        QCOMPARE(drawn.size(), 1);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(canvas.widgetPosition(1), from);
    }

    void doubleClickAndContextMenus()
    {
        GraphCanvas &canvas = *m_canvas;
        QSignalSpy doubled(&canvas, &GraphCanvas::nodeDoubleClicked);
        QTest::mouseDClick(&canvas, Qt::LeftButton, Qt::NoModifier, canvas.widgetPosition(2).toPoint());
        QCOMPARE(doubled.size(), 1);
        QCOMPARE(doubled.at(0).at(0).toLongLong(), 2);

        QSignalSpy nodeMenu(&canvas, &GraphCanvas::nodeContextMenuRequested);
        QSignalSpy edgeMenu(&canvas, &GraphCanvas::edgeContextMenuRequested);
        QSignalSpy backgroundMenu(&canvas, &GraphCanvas::backgroundContextMenuRequested);
        const auto menuAt = [&](const QPointF &at) {
            QContextMenuEvent event(QContextMenuEvent::Mouse, at.toPoint(), canvas.mapToGlobal(at.toPoint()));
            QCoreApplication::sendEvent(&canvas, &event);
        };
        menuAt(canvas.widgetPosition(5));
        menuAt((canvas.widgetPosition(1) + canvas.widgetPosition(2)) / 2);
        menuAt(canvas.sceneToWidget().map(QPointF(200, 200)));
        QCOMPARE(nodeMenu.size(), 1);
        QCOMPARE(nodeMenu.at(0).at(0).toLongLong(), 5);
        QCOMPARE(edgeMenu.size(), 1);
        QCOMPARE(backgroundMenu.size(), 1);
    }

    void grabShowsTheTypeColours()
    {
        GraphCanvas &canvas = *m_canvas;
        canvas.setLegendVisible(false);
        const QImage image = canvas.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QColor background = canvas.palette().color(QPalette::Base);
        int drawn = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                drawn += image.pixel(x, y) != background.rgb();
        }
        QVERIFY2(drawn > 2000, qPrintable(QString::number(drawn)));
        for (EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Product,
                                EntityType::Event}) {
            const QPoint centre = canvas.widgetPosition(canvas.picture().nodes.at(int(type)).entityId).toPoint();
            QVERIFY2(nearColour(image.pixel(centre), colorForType(type), 3), qPrintable(typeName(type)));
        }

        // Hovering a node dims the others.
        const QPoint vivatech = canvas.widgetPosition(5).toPoint();
        const QPoint huang = canvas.widgetPosition(1).toPoint();
        sendMouse(&canvas, QEvent::MouseMove, vivatech, Qt::NoButton, Qt::NoButton);
        const QImage hovered = canvas.grab().toImage();
        QVERIFY(nearColour(hovered.pixel(vivatech), colorForType(EntityType::Event), 3));
        QVERIFY(!nearColour(hovered.pixel(huang), colorForType(EntityType::Person), 20));
    }

    void darkPaletteIsFollowed()
    {
        GraphCanvas &canvas = *m_canvas;
        QPalette dark = canvas.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        canvas.setPalette(dark);
        canvas.setLegendVisible(false);
        const QImage image = canvas.grab().toImage();
        QCOMPARE(QColor(image.pixel(2, 2)), QColor(30, 30, 30));
    }
};

QTEST_MAIN(TestGraphCanvas)
#include "tst_graphcanvas.moc"
