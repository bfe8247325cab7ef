#pragma once

#include "core/common/Result.h"
#include "core/text/Document.h"
#include "core/text/LanguageDetector.h"
#include "core/text/SentenceSplitter.h"

#include <QList>

namespace NewsGraph {

struct AnalyzedDocument
{
    Document document;
    QList<Sentence> sentences;
};

// The text stage of ingest: detects the language, splits sentences and gives
// a document without a title its first sentence as title. A pure function of
// the document and the lexicon data, so documents can be analysed in parallel.
class TextAnalyzer
{
public:
    TextAnalyzer(LanguageDetector languageDetector, SentenceSplitter sentenceSplitter);

    // Reads the data files in `directory` (":/lexicon" for the bundled data).
    static Result<TextAnalyzer> fromDirectory(const QString &directory);

    AnalyzedDocument analyze(Document document) const;

    const LanguageDetector &languageDetector() const { return m_languageDetector; }
    const SentenceSplitter &sentenceSplitter() const { return m_sentenceSplitter; }

private:
    LanguageDetector m_languageDetector;
    SentenceSplitter m_sentenceSplitter;
};

} // namespace NewsGraph
