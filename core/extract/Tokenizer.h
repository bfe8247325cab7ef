#pragma once

#include "core/text/Document.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace NewsGraph {

// A word or punctuation mark of a sentence, with its offsets in the
// document text and the shape features name finding looks at.
struct Token
{
    enum class Kind : quint8 {
        Word,        // letters and digits: "Nvidia", "GB200", "U.S.", "J.", "l’"
        Number,      // digits only, with inner separators: "2025", "18,000", "1.5"
        Possessive,  // "'s" / "’s" split from the word before it
        Punctuation, // everything else, one character each
    };

    Kind kind = Kind::Punctuation;
    int start = 0;
    int end = 0;
    bool spaceBefore = false; // whitespace separates it from the previous token
    bool capitalized = false; // first letter is upper case ("Nvidia", "NVIDIA", "U.S.")
    bool allCaps = false;     // at least two letters, none lower case ("TSMC", "U.S.")
    bool mixedCase = false;   // lower-case first letter, upper case later ("iPhone", "eBay")
    bool hasDigit = false;
    bool elision = false;     // French elided article or pronoun: "l’", "d'", "qu’"
    QString folded;           // foldName() of the text, when a caller fills it in

    QStringView text(const QString &source) const { return QStringView(source).mid(start, end - start); }
    bool isWord() const { return kind == Kind::Word; }
    bool is(const QString &source, QChar c) const { return end - start == 1 && source.at(start) == c; }
};

// Splits [start, end) of `text` into tokens. Keeps together what a name
// needs kept together (initials and dotted acronyms "J.D.", "U.S."; "AT&T";
// "O'Brien"), splits what it needs split (possessive "’s", French elisions
// "l’Europe", hyphens become their own token so "Nvidia-provider" can lose
// its common-noun half).
QList<Token> tokenize(const QString &text, int start, int end);

// The tokens of every sentence with `folded` filled in: the first step of
// entity and relation extraction alike, done once per document.
using SentenceTokens = QList<QList<Token>>;
SentenceTokens tokenizeSentences(const QString &text, const QList<Sentence> &sentences);

} // namespace NewsGraph
