#pragma once

#include <QString>
#include <QStringView>

namespace NewsGraph {

// A word as the tagger's and parser's context features see it (after
// Honnibal 2013): lower case, with numbers and hyphenated words reduced to
// their kind ("!YEAR", "!DIGITS", "!HYPHEN"), which carries over to the
// numbers and compounds training never saw.
QString normalisedWord(const QString &word);

// text.toLower(), the same string, found for text in Latin-1 (most words
// of English and French) with a look at each character instead of
// QString::toLower()'s search of the Unicode tables, which took 4% of the
// instructions of analysing a text's sentences. The text itself (shared) when nothing changes, as
// toLower() gives it.
QString lowerCase(const QString &text);

// The kind of word normalisedWord() reduces `word` to ("!HYPHEN", "!YEAR",
// "!DIGITS"), or a null view when it gives the word itself in lower case:
// for a caller that keeps the lower case already.
QStringView wordKind(QStringView word);

// The word's shape: "Brivalto" -> "Xx", "GB200" -> "Xd", "18,000" -> "d,d",
// "e-mail" -> "x-x" (runs of one kind of character written once).
QString wordShape(const QString &word);
// Appends the shape of `word` to `out`, which has room for it (as many
// characters as the word has): for a caller that keeps the shapes of a
// sentence's words in one string.
void appendWordShape(QStringView word, QString &out);

} // namespace NewsGraph
