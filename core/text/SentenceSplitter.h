#pragma once

#include "core/common/Result.h"
#include "core/text/Document.h"
#include "core/text/WordList.h"

#include <QList>
#include <QString>

namespace NewsGraph {

// Splits text into sentences with exact offsets. Candidate boundaries come
// from Qt's Unicode sentence boundary analysis (UAX #29, QTextBoundaryFinder);
// they are then corrected for what UAX #29 gets wrong in news text, using the
// abbreviation lists in resources/lexicon/: titles and other abbreviations
// (Mr., M., Inc., No., U.S.), initials (J.D. Vance), and line structure
// (a line break ends a headline or paragraph, but not a hard-wrapped line).
// Decimals, thousands separators, ellipses, closing quotes and French
// typography (« », non-breaking spaces before : ; ! ?) are handled too.
class SentenceSplitter
{
public:
    struct Abbreviations
    {
        WordList neverFinal;    // titles and the like, never end a sentence: "Mr", "Dr", "M", "No"
        WordList maybeFinal;    // may end a sentence: "Inc", "Co", "U.S", "etc"
        WordList sentenceStarters; // function words that begin sentences ("The", "Il"), from the stop-word lists
    };

    SentenceSplitter() = default;
    explicit SentenceSplitter(Abbreviations abbreviations);

    // Reads abbreviations-*.txt and stopwords-*.txt from `directory`
    // (":/lexicon" for the bundled data).
    static Result<SentenceSplitter> fromDirectory(const QString &directory);

    QList<Sentence> split(const QString &text) const;

private:
    Abbreviations m_abbreviations;
};

} // namespace NewsGraph
