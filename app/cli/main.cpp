#include "app/cli/CliTool.h"
#include "core/text/FileName.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <cstdio>
#include <memory>

#include <unistd.h>

namespace {

// The command line as CliTool::run() wants it, program first. Not
// QCoreApplication::arguments(), which decodes bytes that are not UTF-8 into
// U+FFFD, so a file named that way could not be found: decodeFileName()
// keeps every byte. Arguments that are text (commands, options, names) are
// decoded as before.
QStringList decodedArguments(int argc, char *argv[])
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments.append(NewsGraph::decodeFileName(QByteArray(argv[i])));
    return arguments;
}

// Whether the command line asks for an image export, which draws text and so
// needs the fonts of a QGuiApplication; every other command stays a plain
// QCoreApplication, which starts faster and needs no display at all.
bool drawsImage(int argc, char *argv[])
{
    const QStringList arguments = decodedArguments(argc, argv).mid(1);
    if (arguments.isEmpty() || arguments.first() != QLatin1String("export"))
        return false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString value;
        const QString &argument = arguments.at(i);
        if ((argument == QLatin1String("--format") || argument == QLatin1String("-format")) && i + 1 < arguments.size())
            value = arguments.at(i + 1);
        else if (argument.startsWith(QLatin1String("--format=")) || argument.startsWith(QLatin1String("-format=")))
            value = argument.section(QLatin1Char('='), 1);
        value = value.toLower();
        if (value == QLatin1String("png") || value == QLatin1String("svg") || value == QLatin1String("pdf"))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (drawsImage(argc, argv)) {
        // Without a display (CI, ssh), draw offscreen rather than fail to
        // connect; an explicit QT_QPA_PLATFORM still wins.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("newsgraph-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEWSGRAPH_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    NewsGraph::CliTool tool(out, err);
    // A progress line is for people watching, not for scripts and logs.
    tool.setProgressByDefault(isatty(fileno(stderr)) == 1);
    // argc and argv as the application left them: QGuiApplication takes its
    // own options (-platform, ...) out.
    return tool.run(decodedArguments(argc, argv));
}
