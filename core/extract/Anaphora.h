#pragma once

#include "core/extract/EntityType.h"
#include "core/syntax/Conllu.h"

#include <QList>
#include <QString>

namespace NewsGraph {

class Lexicon;

// Light, explainable coreference inside one parsed sentence, for the
// relation rules: which named actor a pronoun ("it", "its", "he", "il",
// "sa") or a definite description of an organisation ("the shipowner",
// "le constructeur") stands for.
//  - A pronoun takes the closest actor of a fitting type named before it in
//    the sentence (he/she: a person; it/they: an organisation; French
//    il/elle/son/sa: either), else the last one the sentences before named.
//  - A description (a noun of org-nouns.txt with "the", "le", "this", "ce",
//    and no name, complement or participle of its own) takes the closest
//    organisation before it that is not the subject of its own clause: "SNCF
//    placed an order with the manufacturer" is not SNCF ordering from SNCF.
// Resolution runs left to right, so "its" after "the US drug manufacturer"
// finds what the description was resolved to.

// Whether a folded word is a pronoun resolveAnaphora() resolves.
bool isAnaphor(const QString &folded);

// `entityOfWord` (the entity each word names, -1 for none) with the
// pronouns and descriptions of `words` resolved. `typeOfEntity` gives each
// entity's type; `organisationBefore` and `personBefore` are the last
// organisation and person the sentences before named (-1 for none).
QList<int> resolveAnaphora(const QList<ConlluWord> &words, const QList<int> &entityOfWord,
                           const QList<EntityType> &typeOfEntity, const Lexicon &lexicon, int organisationBefore,
                           int personBefore);

} // namespace NewsGraph
