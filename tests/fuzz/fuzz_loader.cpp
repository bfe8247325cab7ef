// Fuzz target: article files as bytes through the loader (decoding, HTML to
// text with libxml2, Markdown, metadata headers). The first byte picks the
// format, so one corpus reaches all of them.

#include "FuzzSupport.h"

#include "core/text/DocumentLoader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    NewsGraph::Fuzzing::ensureApplication();
    if (size == 0)
        return 0;
    static const char *const names[] = {"article.html", "article.txt", "article.md"};
    const char *name = names[data[0] % 3];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    static const NewsGraph::DocumentLoader loader;
    const NewsGraph::Result<NewsGraph::Document> document = loader.loadBytes(bytes, QString::fromLatin1(name));
    if (document) {
        // What the rest of the pipeline relies on.
        if (document->text.isEmpty() || document->contentHash.size() != 64)
            __builtin_trap();
    } else if (document.error().isEmpty()) {
        __builtin_trap(); // a refusal must say why
    }
    return 0;
}
