#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace NewsGraph {

// How names are spelt wrong, for alias resolution inside a document
// (EntityExtractor) and across documents (KnownEntityIndex).

// Optimal string alignment distance: Levenshtein plus adjacent
// transpositions, the commonest typing slip ("Okonkow" for "Okonkwo").
int editDistance(QStringView a, QStringView b);

// Surnames that differ by one edit are likely misspellings of each other
// ("Mench" for "Mensch"); short names differ by one letter too often.
bool likelySameName(QStringView a, QStringView b);

// A word and every word one deletion away from it. Two words within one edit
// of each other (likelySameName: a substitution, an insertion or deletion, or
// two adjacent letters swapped) always share one of these, so an index under
// them finds every likely misspelling of a name without comparing all pairs
// (the deletion neighbourhood of Mor and Fraenkel, "A hash code method for
// detecting and correcting spelling errors", CACM 1982; also SymSpell).
QStringList deletionVariants(const QString &word);

} // namespace NewsGraph
