#pragma once

// Shared by the fuzz targets: what each target's LLVMFuzzerTestOneInput needs
// that is costly to build (the bundled lexicon), made once per process.

#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"

#include <QCoreApplication>

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

inline const DocumentProcessor &bundledProcessor()
{
    ensureApplication();
    static const DocumentProcessor processor = [] {
        Result<DocumentProcessor> made = DocumentProcessor::fromDirectory(bundledLexiconDirectory());
        if (!made) {
            std::fprintf(stderr, "cannot read the bundled lexicon: %s\n", qPrintable(made.error()));
            std::abort();
        }
        return std::move(made).value();
    }();
    return processor;
}

} // namespace NewsGraph::Fuzzing
