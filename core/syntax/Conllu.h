#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// The CoNLL-U format of Universal Dependencies treebanks
// (https://universaldependencies.org/format.html): what the syntax layer is
// trained and evaluated on, and what `newsgraph-cli parse` prints.

namespace NewsGraph {

// A syntactic word: one line with an integer id. Columns that are "_"
// (unspecified) read as empty strings, except FORM and LEMMA, where "_" is
// also the underscore character itself and is kept as written.
struct ConlluWord
{
    QString form;
    QString lemma;
    QString upos;   // universal part-of-speech tag: NOUN, VERB, PROPN, ...
    QString xpos;   // language-specific tag
    QString feats;  // Number=Sing|Person=3, as written
    int head = -1;  // index of the head word, 1-based; 0 for the root; -1 when "_"
    QString deprel; // universal dependency relation: nsubj, obj, ...
    QString deps;   // enhanced dependencies, as written
    QString misc;   // SpaceAfter=No, ..., as written

    friend bool operator==(const ConlluWord &, const ConlluWord &) = default;
};

// A surface token that stands for several words ("du" = "de le", "don't" =
// "do n't"): a line with a range id, covering words first..last (1-based).
struct ConlluMultiword
{
    int first = 0;
    int last = 0;
    QString form;
    QString misc;

    friend bool operator==(const ConlluMultiword &, const ConlluMultiword &) = default;
};

// A sentence: its comment lines, its words in order (word i has id i + 1),
// its multiword tokens, and its empty nodes (ids such as "8.1", which only
// enhanced dependencies use), kept as their lines so that writing the
// sentence back gives what was read.
struct ConlluSentence
{
    QStringList comments;             // without the leading "#" and one space
    QList<ConlluWord> words;
    QList<ConlluMultiword> multiwords; // by first word
    QStringList emptyNodeLines;        // in order, each after the word its id follows

    // The values of the "sent_id = ..." and "text = ..." comments, if any.
    QString sentenceId() const { return comment(u"sent_id"); }
    QString text() const { return comment(u"text"); }
    QString comment(QStringView key) const;

    // The FORM of every word, in order.
    QStringList forms() const;

    friend bool operator==(const ConlluSentence &, const ConlluSentence &) = default;
};

// Reads CoNLL-U text. `sourceName` names the input in error messages, which
// give its line number: "en_ewt-ud-train.conllu:1042: the head 31 is not a
// word of the sentence (it has 30)". Checked: ten columns, ids in order
// from 1, ranges over words that follow, heads within the sentence, exactly
// one root where every head is given, no cycles.
Result<QList<ConlluSentence>> parseConllu(QStringView text, const QString &sourceName);

// The same for a file (UTF-8).
Result<QList<ConlluSentence>> readConlluFile(const QString &path);

// The sentence as CoNLL-U lines, each ending in a newline, followed by the
// blank line that ends a sentence.
QString toConllu(const ConlluSentence &sentence);

} // namespace NewsGraph
