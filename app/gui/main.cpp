#include "app/gui/GraphSession.h"
#include "app/gui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NewsGraph"));
    QApplication::setApplicationName(QStringLiteral("NewsGraph"));
    QApplication::setApplicationDisplayName(QStringLiteral("NewsGraph"));
    QApplication::setApplicationVersion(QStringLiteral(NEWSGRAPH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("newsgraph"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Knowledge-graph explorer for news articles. Opens the bundled sample corpus "
                "unless a database is given."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QApplication::translate("main", "Open this project database."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG picture of the window once it is loaded and laid out, "
                                        "then quit."),
        QStringLiteral("FILE"));
    parser.addOption(dbOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    NewsGraph::MainWindow window;
    window.setSavesWindowState(!parser.isSet(screenshotOption));
    const bool opened = parser.isSet(dbOption) ? window.openDatabaseFile(parser.value(dbOption))
                                               : window.openSampleCorpus();
    if (parser.isSet(screenshotOption)) {
        if (!opened)
            return 2;
        // A large graph is laid out and measured in the background: the
        // picture must be complete.
        window.session()->waitForLayout();
        window.session()->waitForMetrics();
    }
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        int status = 0;
        // Give the window a moment to lay itself out and paint once.
        QTimer::singleShot(500, &window, [&] {
            if (!window.grab().save(path, "PNG")) {
                std::fprintf(stderr, "newsgraph: %s: cannot write the screenshot\n", qPrintable(path));
                status = 2;
            }
            app.quit();
        });
        app.exec();
        return status;
    }
    return app.exec();
}
