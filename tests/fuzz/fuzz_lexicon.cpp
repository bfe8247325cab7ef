// Fuzz target: a user lexicon file (TYPE<TAB>name<TAB>aliases and
// category<TAB>word lines) read on top of an empty lexicon. A file with an
// error must add nothing and say which line is wrong.

#include "FuzzSupport.h"

#include "core/extract/Lexicon.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    NewsGraph::Fuzzing::ensureApplication();
    // The lexicon reads files: one temporary file, rewritten for each input.
    static QTemporaryDir folder;
    static const QString path = folder.filePath(QStringLiteral("user.lexicon.tsv"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    NewsGraph::Lexicon lexicon;
    const NewsGraph::Result<void> extended = lexicon.extendFromFile(path);
    if (!extended) {
        if (extended.error().isEmpty() || lexicon.knownNameCount() != 0)
            __builtin_trap();
        return 0;
    }
    // Whatever was read can be looked up.
    for (qsizetype i = 0; i < lexicon.knownNameCount(); ++i)
        (void)lexicon.longestName();
    return 0;
}
