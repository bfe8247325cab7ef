#include "app/cli/CliTool.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("newsgraph-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NEWSGRAPH_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    NewsGraph::CliTool tool(out, err);
    return tool.run(QCoreApplication::arguments());
}
