// Fuzz target: the sentence splitter on any text, checking the promises its
// header makes (in order, not overlapping, never empty, every non-space
// character in exactly one sentence, none longer than the limit).

#include "FuzzSupport.h"

#include "core/pipeline/BundledCorpus.h"
#include "core/text/SentenceSplitter.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    NewsGraph::Fuzzing::ensureApplication();
    static const NewsGraph::SentenceSplitter splitter = [] {
        auto made = NewsGraph::SentenceSplitter::fromDirectory(NewsGraph::bundledLexiconDirectory());
        if (!made)
            std::abort();
        return std::move(made).value();
    }();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<NewsGraph::Sentence> sentences = splitter.split(text);
    qsizetype covered = 0;
    for (const NewsGraph::Sentence &sentence : sentences) {
        if (sentence.start < covered || sentence.end <= sentence.start || sentence.end > text.size())
            __builtin_trap();
        for (qsizetype i = covered; i < sentence.start; ++i) {
            if (!text.at(i).isSpace())
                __builtin_trap(); // a character left out of every sentence
        }
        if (sentence.end - sentence.start > NewsGraph::SentenceSplitter::maxSentenceLength + 64)
            __builtin_trap();
        covered = sentence.end;
    }
    for (qsizetype i = covered; i < text.size(); ++i) {
        if (!text.at(i).isSpace())
            __builtin_trap();
    }
    return 0;
}
