#include "core/text/TextAnalyzer.h"

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Long enough for any real headline, short enough for a window title or a
// list row when the "title" is a first sentence that runs on.
constexpr qsizetype maxTitleLength = 200;

QString titleFromSentence(QStringView sentence)
{
    QString title = sentence.toString().simplified();
    if (title.size() <= maxTitleLength)
        return title;
    qsizetype cut = title.lastIndexOf(u' ', maxTitleLength - 1);
    if (cut < maxTitleLength / 2)
        cut = maxTitleLength - 1;
    if (title[cut - 1].isHighSurrogate())
        --cut;
    title.truncate(cut);
    while (!title.isEmpty() && (title.back().isSpace() || title.back().isPunct()))
        title.chop(1);
    return title + QChar(0x2026);
}

} // namespace

TextAnalyzer::TextAnalyzer(LanguageDetector languageDetector, SentenceSplitter sentenceSplitter)
    : m_languageDetector(std::move(languageDetector))
    , m_sentenceSplitter(std::move(sentenceSplitter))
{
}

Result<TextAnalyzer> TextAnalyzer::fromDirectory(const QString &directory)
{
    Result<LanguageDetector> detector = LanguageDetector::fromDirectory(directory);
    if (!detector)
        return Error{detector.error()};
    Result<SentenceSplitter> splitter = SentenceSplitter::fromDirectory(directory);
    if (!splitter)
        return Error{splitter.error()};
    return TextAnalyzer(std::move(*detector), std::move(*splitter));
}

AnalyzedDocument TextAnalyzer::analyze(Document document) const
{
    AnalyzedDocument result;
    // A language given by the caller (a user override) wins over the guess.
    if (document.language.isEmpty())
        document.language = m_languageDetector.detect(document.text);
    result.sentences = m_sentenceSplitter.split(document.text);
    if (document.title.trimmed().isEmpty() && !result.sentences.isEmpty()) {
        const Sentence &first = result.sentences.first();
        document.title = titleFromSentence(QStringView(document.text).sliced(first.start, first.length()));
    }
    result.document = std::move(document);
    return result;
}

} // namespace NewsGraph
