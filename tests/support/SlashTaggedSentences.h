#pragma once

#include "core/syntax/Conllu.h"

#include <QStringList>

namespace NewsGraph {

// Small treebanks written inline for tests: words separated by spaces, each
// "form/UPOS" or "form/UPOS/lemma" ("Brivalto/PROPN sold/VERB/sell").
inline ConlluSentence slashTaggedSentence(const QString &text)
{
    ConlluSentence sentence;
    for (const QString &item : text.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u'/');
        ConlluWord word;
        word.form = parts.value(0);
        word.upos = parts.value(1);
        word.lemma = parts.value(2);
        sentence.words.append(word);
    }
    return sentence;
}

inline QList<ConlluSentence> slashTaggedSentences(const QStringList &texts)
{
    QList<ConlluSentence> sentences;
    for (const QString &text : texts)
        sentences.append(slashTaggedSentence(text));
    return sentences;
}

} // namespace NewsGraph
