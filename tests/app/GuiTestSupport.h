#pragma once

// Helpers shared by the GUI suites: the bundled sample corpus opened in a
// session, and entities looked up by name (sample names are test data).

#include "app/gui/GraphSession.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"

#include <QString>
#include <QtTest>

namespace NewsGraph::Test {

inline const DocumentProcessor &processor()
{
    static const DocumentProcessor made = [] {
        Result<DocumentProcessor> p = DocumentProcessor::fromDirectory(bundledLexiconDirectory());
        Q_ASSERT(p.ok());
        return std::move(p).value();
    }();
    return made;
}

inline bool openSample(GraphSession &session)
{
    Result<Database> database = openBundledCorpus(processor());
    if (!database) {
        qWarning("%s", qPrintable(database.error()));
        return false;
    }
    const Result<void> opened = session.open(std::move(database).value(), QStringLiteral("Sample"));
    if (!opened)
        qWarning("%s", qPrintable(opened.error()));
    return opened.ok();
}

// The id of the entity with that name (not alias), 0 if none.
inline qint64 entityNamed(const GraphSession &session, const QString &name)
{
    for (const GraphNode &node : session.data().nodes) {
        if (node.name == name)
            return node.entityId;
    }
    return 0;
}

// The id of the entity that has `alias` among its names, 0 if none.
inline qint64 entityCalled(const GraphSession &session, const QString &alias)
{
    for (const GraphNode &node : session.data().nodes) {
        if (node.name == alias || node.aliases.contains(alias))
            return node.entityId;
    }
    return 0;
}

} // namespace NewsGraph::Test
