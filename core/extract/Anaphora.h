#pragma once

#include "core/extract/EntityType.h"
#include "core/syntax/Conllu.h"

#include <QHash>
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
//  - A description whose noun the document has already used for named
//    organisations ("Skyvance, the airline"; "the airline Aerolux") stands
//    for that one organisation, and for none when it was used for two:
//    "the airline" is then ambiguous and stays unresolved. Nouns said of any
//    company ("the company", "le groupe": generic-org-nouns.txt) take the
//    closest organisation instead; nouns of bodies that are no company
//    ("the union", "le gouvernement": institution-nouns.txt) only one the
//    text called so.
//  - A plural description ("the companies") stands for no one actor.
// Resolution runs left to right, so "its" after "the US drug manufacturer"
// finds what the description was resolved to.

// Whether a folded word is a pronoun resolveAnaphora() resolves.
bool isAnaphor(const QString &folded);

// The organisations a document has described with each organisation noun
// (folded lemma -> entities, each once): "the start-up Plaid", "Lionsgate,
// the Hollywood studio", "le constructeur Alstom".
using Descriptions = QHash<QString, QList<int>>;

// Adds the descriptions `words` make of the entities they name.
void collectDescriptions(const QList<ConlluWord> &words, const QList<int> &entityOfWord, const Lexicon &lexicon,
                         Descriptions &descriptions);

// `entityOfWord` (the entity each word names, -1 for none) with the
// pronouns and descriptions of `words` resolved. `typeOfEntity` gives each
// entity's type; `organisationBefore` and `personBefore` are the last
// organisation and person the sentences before named (-1 for none);
// `descriptions` what the document has said each organisation is.
QList<int> resolveAnaphora(const QList<ConlluWord> &words, const QList<int> &entityOfWord,
                           const QList<EntityType> &typeOfEntity, const Lexicon &lexicon, int organisationBefore,
                           int personBefore, const Descriptions &descriptions = {});

} // namespace NewsGraph
