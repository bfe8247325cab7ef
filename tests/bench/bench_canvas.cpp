// Frame times of the graph canvas on a news-sized graph: a synthetic graph
// of 5,000 entities and about 12,000 links (or the size given as the first
// argument), laid out by the scalable layout, shown in a 1600 × 1000 canvas
// on the offscreen platform. The canvas is panned 200 times by 10 pixels,
// each pan followed by a synchronous repaint, at the zoom that fits the whole
// graph, at four times that and at zoom 1 (where every label can be read);
// then the hover moves over 50 entities, the selection changes 20 times, and
// a path is shown and hidden 10 times (which draws the whole view again), and
// the wheel zooms by steps, the new zoom drawn on a worker thread or not.
// Prints median, 95th percentile and maximum milliseconds per frame; the
// target is no panning frame over 50 ms.
//
//   build/tests/bench/bench_canvas [ENTITIES]

#include "app/gui/GraphCanvas.h"

#include "core/graph/EntityGraph.h"
#include "core/graph/GraphFilter.h"
#include "core/graph/GraphLayout.h"
#include "core/graph/GraphMetrics.h"
#include "core/render/GraphPicture.h"
#include "core/store/GraphData.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QThread>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <unordered_set>
#include <vector>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// Names of varied length, as in the news ("Kim", "Taiwan Semiconductor
// Manufacturing Company"), so that label thinning has real work.
QString syntheticName(std::mt19937 &random, int index)
{
    static const QStringList syllables{u"ka"_s, u"ro"_s, u"mi"_s, u"sa"_s, u"te"_s, u"lu"_s, u"vin"_s,
                                       u"dor"_s, u"al"_s, u"be"_s, u"nor"_s, u"chi"_s, u"pa"_s, u"gre"_s};
    QStringList words;
    const int wordCount = 1 + int(random() % 3);
    for (int w = 0; w < wordCount; ++w) {
        QString word;
        const int length = 2 + int(random() % 3);
        for (int s = 0; s < length; ++s)
            word += syllables.at(int(random() % quint32(syllables.size())));
        word[0] = word[0].toUpper();
        words.append(word);
    }
    return words.join(u' ') + u' ' + QString::number(index);
}

// Preferential attachment inside communities (stories), a few links to
// anywhere: the hubs and clusters of a news graph, 2.4 links per entity.
GraphData syntheticGraph(int n)
{
    std::mt19937 random(20250612u + quint32(n));
    const auto uniform = [&](int bound) { return int(random() % quint32(bound)); };
    const EntityType types[] = {EntityType::Organization, EntityType::Organization, EntityType::Person,
                                EntityType::Person,       EntityType::Place,        EntityType::Product,
                                EntityType::Event};
    const QStringList predicates{u"partner_of"_s, u"supplies"_s, u"invests_in"_s, u"works_for"_s,
                                 u"located_in"_s, u"ceo_of"_s, u"mentioned_with"_s};
    GraphData data;
    std::vector<std::vector<int>> communityEnds;
    std::vector<int> community(std::size_t(n), 0);
    std::unordered_set<quint64> seen;
    for (int v = 0; v < n; ++v) {
        GraphNode node;
        node.entityId = v + 1;
        node.name = syntheticName(random, v + 1);
        node.type = types[uniform(int(std::size(types)))];
        // Heavy-tailed mentions: a few entities are in every story.
        node.mentions = 1 + int(std::pow(double(uniform(1000)) / 1000.0, 6.0) * 200);
        node.documentIds = {1};
        data.nodes.append(node);

        int c;
        if (communityEnds.empty() || uniform(100) < 3) {
            c = int(communityEnds.size());
            communityEnds.emplace_back();
        } else {
            c = uniform(int(communityEnds.size()));
        }
        community[std::size_t(v)] = c;
        const int wanted = v == 0 ? 0 : (uniform(5) < 2 ? 3 : 2);
        for (int tries = 0, added = 0; added < wanted && tries < 30; ++tries) {
            const std::vector<int> &local = communityEnds[std::size_t(c)];
            const int w = !local.empty() && uniform(100) < 90 ? local[std::size_t(uniform(int(local.size())))] : uniform(v);
            const quint64 key = quint64(std::min(v, w)) << 32 | quint64(std::max(v, w));
            if (w == v || !seen.insert(key).second)
                continue;
            GraphEdge edge;
            edge.source = w + 1;
            edge.target = v + 1;
            const int sentences = 1 + int(std::pow(double(uniform(1000)) / 1000.0, 4.0) * 20);
            GraphEdgeEvidence evidence;
            evidence.documentId = 1;
            evidence.predicate = predicates.at(uniform(int(predicates.size())));
            evidence.reversed = uniform(4) == 0;
            for (int s = 0; s < sentences; ++s)
                evidence.sentenceIds.append(qint64(data.edges.size()) * 100 + s);
            edge.predicates = {evidence.predicate};
            edge.evidence = {evidence};
            edge.evidenceCount = sentences;
            edge.confidence = 0.7;
            data.edges.append(edge);
            communityEnds[std::size_t(c)].push_back(v);
            communityEnds[std::size_t(community[std::size_t(w)])].push_back(w);
            ++added;
        }
        if (communityEnds[std::size_t(c)].empty())
            communityEnds[std::size_t(c)].push_back(v);
    }
    return data;
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void printFrames(const char *what, std::vector<double> frames)
{
    std::sort(frames.begin(), frames.end());
    const auto at = [&](double quantile) {
        return frames[std::min(frames.size() - 1, std::size_t(quantile * double(frames.size() - 1) + 0.5))];
    };
    const auto over = std::count_if(frames.begin(), frames.end(), [](double ms) { return ms > 50.0; });
    std::printf("  %-34s %4zu frames  median %6.2f ms  p95 %6.2f ms  max %6.2f ms  over 50 ms: %lld\n", what,
                frames.size(), at(0.5), at(0.95), frames.back(), static_cast<long long>(over));
}

void sendMouse(QWidget *widget, QEvent::Type type, const QPointF &position, Qt::MouseButton button,
               Qt::MouseButtons buttons)
{
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &event);
}

// 200 pans of 10 pixels around a square, each followed by a synchronous
// repaint: a hand dragging the view.
std::vector<double> panFrames(GraphCanvas &canvas)
{
    std::vector<double> frames;
    QPointF at(canvas.width() / 2.0, canvas.height() / 2.0);
    sendMouse(&canvas, QEvent::MouseButtonPress, at, Qt::MiddleButton, Qt::MiddleButton);
    const QPointF steps[] = {{10, 0}, {0, 10}, {-10, 0}, {0, -10}};
    for (int i = 0; i < 200; ++i) {
        at += steps[i / 50];
        QElapsedTimer timer;
        timer.start();
        sendMouse(&canvas, QEvent::MouseMove, at, Qt::NoButton, Qt::MiddleButton);
        canvas.repaint();
        frames.push_back(milliseconds(timer));
        if (qEnvironmentVariableIsSet("BENCH_VERBOSE") && frames.back() > 20)
            std::printf("    frame %d: %.1f ms\n", i, frames.back());
    }
    sendMouse(&canvas, QEvent::MouseButtonRelease, at, Qt::MiddleButton, Qt::NoButton);
    return frames;
}

double timedRepaint(GraphCanvas &canvas)
{
    QElapsedTimer timer;
    timer.start();
    canvas.repaint();
    return milliseconds(timer);
}

void turnWheel(GraphCanvas &canvas, double factor)
{
    const QPointF centre(canvas.width() / 2.0, canvas.height() / 2.0);
    const int angle = int(std::lround(120.0 * std::log(factor) / std::log(1.2)));
    QWheelEvent wheel(centre, canvas.mapToGlobal(centre), QPoint(), QPoint(0, angle), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(&canvas, &wheel);
}

// One wheel turn, then the pause after which the canvas draws the graph at
// the new zoom (until then it shows its last drawing scaled).
void zoomTo(GraphCanvas &canvas, double factor)
{
    turnWheel(canvas, factor);
    QElapsedTimer pause;
    pause.start();
    while (pause.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    canvas.waitForRendering();
}

// One wheel step, then frames every 16 ms (a 60 Hz display) until the graph
// is drawn at the new zoom: the scaled frames, then the pause, then the new
// drawing. Returns how long until the new drawing was up.
double zoomStep(GraphCanvas &canvas, double factor, std::vector<double> &frames)
{
    QElapsedTimer since;
    since.start();
    turnWheel(canvas, factor);
    frames.push_back(timedRepaint(canvas));
    bool started = false;
    while (since.elapsed() < 3000) {
        QThread::msleep(16);
        QCoreApplication::processEvents();
        frames.push_back(timedRepaint(canvas));
        started = started || canvas.isRendering();
        // Drawn in the background: done when it is in; drawn on the GUI
        // thread: done by the first repaint after the pause.
        if (started ? !canvas.isRendering() : since.elapsed() > 200)
            break;
    }
    return milliseconds(since);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = argc > 1 ? std::max(10, QString::fromLocal8Bit(argv[1]).toInt()) : 5000;

    QElapsedTimer timer;
    timer.start();
    GraphFilter filter;
    filter.includeCooccurrence = true;
    const EntityGraph graph = EntityGraph::build(syntheticGraph(n), filter);
    std::printf("graph: %lld entities, %lld links (built in %.0f ms)\n", static_cast<long long>(graph.nodeCount()),
                static_cast<long long>(graph.edgeCount()), milliseconds(timer));
    timer.restart();
    const Result<QHash<qint64, QPointF>> positions = computeLayout(graph, LayoutOptions{});
    if (!positions) {
        std::fprintf(stderr, "layout failed: %s\n", qPrintable(positions.error()));
        return 1;
    }
    std::printf("layout (scalable): %.0f ms\n", milliseconds(timer));
    timer.restart();
    const Result<GraphMetrics> metrics = computeMetrics(graph);
    if (!metrics) {
        std::fprintf(stderr, "metrics failed: %s\n", qPrintable(metrics.error()));
        return 1;
    }
    std::printf("metrics: %.0f ms\n", milliseconds(timer));
    timer.restart();
    const GraphPicture picture = GraphPicture::build(graph, *metrics, *positions, {}, GraphStyle{});
    std::printf("picture: %.1f ms\n", milliseconds(timer));

    GraphCanvas canvas;
    canvas.resize(1600, 1000);
    timer.restart();
    canvas.setPicture(picture);
    std::printf("setPicture (spatial index, fit): %.1f ms\n", milliseconds(timer));
    canvas.show();
    QCoreApplication::processEvents();
    canvas.fitToView();
    std::printf("first frame at fit zoom %.3f: %.1f ms\n\n", canvas.zoom(), timedRepaint(canvas));

    std::printf("panning by 10 px, each pan repainted:\n");
    printFrames("fit to view", panFrames(canvas));
    const double fit = canvas.zoom();
    zoomTo(canvas, 4.0);
    canvas.repaint();
    std::printf("  (4x fit: zoom %.3f)\n", canvas.zoom());
    printFrames("4x fit", panFrames(canvas));
    zoomTo(canvas, 1.0 / canvas.zoom());
    canvas.repaint();
    printFrames("zoom 1 (every label readable)", panFrames(canvas));

    std::printf("hover (painted over the cached drawing):\n");
    for (const double factor : {1.0, 4.0}) {
        canvas.fitToView();
        zoomTo(canvas, factor);
        canvas.repaint();
        std::vector<double> frames;
        std::mt19937 random(5);
        for (int i = 0; i < 50; ++i) {
            // The hover moves to another visible entity: the graph is drawn again.
            QPointF at;
            for (int tries = 0; tries < 100; ++tries) {
                at = canvas.widgetPosition(picture.nodes.at(qsizetype(random() % quint32(picture.nodes.size()))).entityId);
                if (canvas.rect().contains(at.toPoint()))
                    break;
            }
            QElapsedTimer frame;
            frame.start();
            sendMouse(&canvas, QEvent::MouseMove, at, Qt::NoButton, Qt::NoButton);
            canvas.repaint();
            frames.push_back(milliseconds(frame));
        }
        printFrames(factor == 1.0 ? "hover at fit to view" : "hover at 4x fit", frames);
    }

    std::printf("selection (painted over the cached drawing):\n");
    for (const double factor : {1.0, 4.0}) {
        canvas.fitToView();
        zoomTo(canvas, factor);
        canvas.repaint();
        std::vector<double> frames;
        for (int i = 0; i < 20; ++i) {
            canvas.setSelectedNodes({picture.nodes.at(i).entityId});
            frames.push_back(timedRepaint(canvas));
        }
        printFrames(factor == 1.0 ? "select at fit to view" : "select at 4x fit", frames);
    }

    // What a new picture, path or zoom level costs: the view and its
    // margins drawn whole.
    std::printf("full redraws on the GUI thread (a path shown, then hidden):\n");
    const QList<qint64> path{picture.nodes.at(0).entityId, picture.nodes.at(1).entityId};
    canvas.setBackgroundRenderThreshold(std::numeric_limits<int>::max());
    for (const double factor : {1.0, 4.0}) {
        canvas.fitToView();
        zoomTo(canvas, factor);
        canvas.repaint();
        std::vector<double> frames;
        for (int i = 0; i < 10; ++i) {
            canvas.setHighlightedPath(i % 2 == 0 ? path : QList<qint64>());
            frames.push_back(timedRepaint(canvas));
        }
        printFrames(factor == 1.0 ? "full redraw at fit to view" : "full redraw at 4x fit", frames);
    }
    // The same on a worker, as the explorer does it: the last drawing stays
    // up, frames every 16 ms, until the new one is in.
    canvas.setBackgroundRenderThreshold(30);
    {
        canvas.fitToView();
        zoomTo(canvas, 4.0);
        canvas.repaint();
        std::vector<double> frames;
        std::vector<double> settled;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer since;
            since.start();
            canvas.setHighlightedPath(i % 2 == 0 ? path : QList<qint64>());
            frames.push_back(timedRepaint(canvas));
            while (canvas.isRendering() && since.elapsed() < 3000) {
                QThread::msleep(16);
                QCoreApplication::processEvents();
                frames.push_back(timedRepaint(canvas));
            }
            settled.push_back(milliseconds(since));
        }
        printFrames("path at 4x fit, drawn on a worker", frames);
        std::sort(settled.begin(), settled.end());
        std::printf("    new drawing up after: median %.0f ms, max %.0f ms\n", settled.at(settled.size() / 2),
                    settled.back());
    }
    // A wheel step: the last drawing scaled at once, the graph drawn at the
    // new zoom once the wheel pauses, on a worker thread when it takes long
    // (GraphCanvas::setBackgroundRenderThreshold), else on the GUI thread.
    std::printf("zoom steps (a wheel step, frames every 16 ms until the new drawing is up):\n");
    for (const bool background : {true, false}) {
        canvas.setBackgroundRenderThreshold(background ? 30 : std::numeric_limits<int>::max());
        canvas.fitToView();
        zoomTo(canvas, 4.0);
        canvas.repaint();
        std::vector<double> frames;
        std::vector<double> settled;
        for (int i = 0; i < 10; ++i)
            settled.push_back(zoomStep(canvas, i % 2 == 0 ? 1.2 : 1 / 1.2, frames));
        printFrames(background ? "4x fit, drawn on a worker" : "4x fit, drawn on the GUI thread", frames);
        std::sort(settled.begin(), settled.end());
        std::printf("    new drawing up after: median %.0f ms, max %.0f ms\n", settled.at(settled.size() / 2),
                    settled.back());
    }
    std::printf("(fit zoom %.3f)\n", fit);
    return 0;
}
