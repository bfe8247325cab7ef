#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QStringList>

namespace NewsGraph {

class DocumentProcessor;

// The sample articles compiled into the program (resources/corpus), which both
// executables open when no database is given.
QStringList bundledCorpusPaths();

// The bundled lexicon folder (":/lexicon").
QString bundledLexiconDirectory();

// The bundled syntax models (":/models"), present in programs that link
// newsgraph_models.
QString bundledModelDirectory();

// The user lexicon of a project: a file next to the database, named after it
// ("project.newsgraph" -> "project.newsgraph.lexicon.tsv"), so that it travels
// with the project. Whether it exists is up to the user; see
// DocumentProcessor::fromDirectory().
QString userLexiconFile(const QString &databasePath);

// An in-memory database holding the bundled corpus, processed by `processor`.
Result<Database> openBundledCorpus(const DocumentProcessor &processor);

} // namespace NewsGraph
