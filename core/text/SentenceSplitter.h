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
        WordList neverFinal;    // titles and the like, never end a sentence: "Mr", "Dr", "Mme"
        WordList maybeFinal;    // may end a sentence: "Inc", "Co", "U.S", "etc"
        WordList sentenceStarters; // function words that begin sentences ("The", "Il"), from the stop-word lists
        WordList beforeNumber;  // never end a sentence before a number, ordinary words otherwise: "No", "Vol", "Nov"
    };

    SentenceSplitter() = default;
    explicit SentenceSplitter(Abbreviations abbreviations);

    // Reads abbreviations-*.txt and stopwords-*.txt from `directory`
    // (":/lexicon" for the bundled data). The abbreviation files hold one
    // abbreviation per line without its final period, under the section
    // headers [never-final], [maybe-final] and [before-number].
    static Result<SentenceSplitter> fromDirectory(const QString &directory);

    // Sentences in text order; they do not overlap, are never empty, and
    // every non-whitespace character of `text` is in exactly one of them.
    // A "sentence" longer than maxSentenceLength (a table, a list without
    // punctuation) is cut at a space near that length.
    QList<Sentence> split(const QString &text) const;

    static constexpr int maxSentenceLength = 5000;

    const Abbreviations &abbreviations() const { return m_abbreviations; }

private:
    Abbreviations m_abbreviations;
};

} // namespace NewsGraph
