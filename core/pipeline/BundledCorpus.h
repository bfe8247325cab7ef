#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QStringList>

namespace NewsGraph {

class TextAnalyzer;

// The sample articles compiled into the program (resources/corpus), which both
// executables open when no database is given.
QStringList bundledCorpusPaths();

// The bundled lexicon folder (":/lexicon").
QString bundledLexiconDirectory();

// An in-memory database holding the bundled corpus.
Result<Database> openBundledCorpus(const TextAnalyzer &analyzer);

} // namespace NewsGraph
