#pragma once

#include "core/syntax/Conllu.h"

#include <QList>
#include <QString>
#include <QStringView>

// The entity layer some treebanks carry in the MISC column, as GUM writes
// it (Zeldes, "The GUM Corpus: Creating Multilayer Resources in the
// Classroom", LREC 2017): "Entity=(12-person-new-...-Ada_Wren" opens a
// mention of entity 12, "12)" closes it, "(13-place-...)" is a mention of
// one word. The name typer learns from it and bench_entity_mentions scores
// against it.

namespace NewsGraph {

// The value of `key` in a MISC field ("SpaceAfter=No|Entity=..."); empty if
// it is not there.
QString conlluMiscValue(QStringView misc, QStringView key);

// One entity mention over words [first, last] (0-based) of a sentence, with
// its type as the treebank names it ("person", "organization", "place",
// "abstract", ...).
struct ConlluEntityMention
{
    int first = 0;
    int last = 0;
    QString type;
};

// Every entity mention of `sentence`, nested ones included, in the order
// they close.
QList<ConlluEntityMention> conlluEntityMentions(const ConlluSentence &sentence);

// Whether words [first, last] of `sentence` are a proper name: capitalised
// words, with function words (adpositions, determiners, particles), numbers
// and punctuation only between them ("University of Chicago"), one of them
// at least a proper noun (GUM tags "United" in "United States" VERB), the
// first and last written with a capital (not a pronunciation in IPA).
bool isConlluProperName(const ConlluSentence &sentence, int first, int last);

} // namespace NewsGraph
