#pragma once

// Shared by the fuzz targets: what each target's LLVMFuzzerTestOneInput needs
// that is costly to build (the bundled lexicon), made once per process.

#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace NewsGraph::Fuzzing {

// Qt resources (":/lexicon") and QtConcurrent want an application object.
inline void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "newsgraph-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication application(argc, argv);
}

// The processor the programs run: the bundled lexicon and, for targets that
// link newsgraph_models, the syntax models the relation rules parse with.
inline const DocumentProcessor &bundledProcessor()
{
    ensureApplication();
    static const DocumentProcessor processor = [] {
        const bool models = QFile::exists(bundledModelDirectory() + QStringLiteral("/en.model"));
        Result<DocumentProcessor> made = DocumentProcessor::fromDirectory(
            bundledLexiconDirectory(), {}, models ? bundledModelDirectory() : QString());
        if (!made) {
            std::fprintf(stderr, "cannot read the bundled lexicon: %s\n", qPrintable(made.error()));
            std::abort();
        }
        return std::move(made).value();
    }();
    return processor;
}

} // namespace NewsGraph::Fuzzing
