// What the analyst waits for when the explorer opens a project (issue 15):
// the project is opened as the explorer opens it (GraphSession), and this
// prints how long until the first picture (the overview of communities for a
// big graph, the whole graph for a small one), until every entity is laid out
// and every measure computed, and the peak memory (VmHWM); then the frame
// times of the canvas (1600 x 1000, offscreen) repainting that picture at the
// zoom that fits it and four times closer, for the overview, its largest
// group opened, and the whole graph drawn entity by entity.
//
//   build/tests/bench/bench_explorer PROJECT.newsgraph
//
// A project to open: build/tests/bench/bench_project --keep DIR ARTICLES.

#include "ProcessMemory.h"

#include "app/gui/GraphCanvas.h"
#include "app/gui/GraphSession.h"
#include "core/store/Database.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// 20 synchronous repaints of the whole view at the fit zoom, then at four
// times that; median and maximum.
void printFrames(const char *what, GraphCanvas &canvas, const GraphPicture &picture)
{
    canvas.setPicture(picture);
    for (const double zoom : {1.0, 4.0}) {
        canvas.fitToView();
        if (zoom > 1.0) {
            canvas.zoomIn();
            canvas.zoomIn();
        }
        QCoreApplication::processEvents();
        canvas.waitForRendering();
        std::vector<double> frames;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer frame;
            frame.start();
            canvas.update();
            canvas.repaint();
            frames.push_back(double(frame.nsecsElapsed()) / 1e6);
        }
        std::sort(frames.begin(), frames.end());
        std::printf("  %-28s %-10s %6lld nodes  median %6.2f ms  max %6.2f ms\n", what,
                    zoom > 1.0 ? "zoomed in" : "fit", static_cast<long long>(picture.nodes.size()),
                    frames.at(frames.size() / 2), frames.back());
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_explorer PROJECT.newsgraph\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);

    QElapsedTimer timer;
    timer.start();
    Result<Database> database = Database::open(path, Database::OpenMode::WritableIfPossible);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error()));
        return 1;
    }
    GraphSession session;
    if (Result<void> opened = session.open(std::move(database).value(), QFileInfo(path).fileName()); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    const double open = seconds(timer);
    // The first picture: the overview once the communities are in, or the
    // entities once laid out.
    while (session.picture().nodes.isEmpty() && timer.elapsed() < 600'000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    const double first = seconds(timer);
    const bool overview = session.showsOverview();
    session.waitForLayout();
    session.waitForMetrics();
    QCoreApplication::processEvents();
    const double complete = seconds(timer);
    std::printf("%s: %lld entities, %lld links\n", qPrintable(QFileInfo(path).fileName()),
                static_cast<long long>(session.graph().nodeCount()), static_cast<long long>(session.graph().edgeCount()));
    std::printf("  graph read and built       %6.2f s\n", open);
    std::printf("  first picture              %6.2f s  (%s)\n", first,
                overview ? "the overview of communities" : "every entity");
    std::printf("  laid out and measured      %6.2f s\n", complete);
    std::printf("  peak memory                %6.0f MB\n", Testing::processMegabytes("VmHWM:"));

    GraphCanvas canvas;
    canvas.resize(1600, 1000);
    canvas.show();
    std::printf("frames (a synchronous repaint of the whole view):\n");
    printFrames(overview ? "overview" : "whole graph", canvas, session.picture());
    if (overview) {
        const qint64 largest = session.overview().data.nodes.first().entityId;
        session.openCommunity(communityOfOverviewNode(largest));
        printFrames("largest group opened", canvas, session.picture());
        session.setOverviewWanted(false);
        session.clearFocus();
        printFrames("whole graph (no overview)", canvas, session.picture());
    }
    std::printf("peak memory                  %6.0f MB\n", Testing::processMegabytes("VmHWM:"));
    return 0;
}
