#pragma once

#include "core/syntax/Conllu.h"
#include "core/syntax/LinearModel.h"
#include "core/syntax/StringKeyIndex.h"

#include <QDataStream>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace NewsGraph {

// Universal part-of-speech tags for a sentence's words, left to right, each
// decision seeing the two before it: a greedy averaged perceptron (Collins,
// "Discriminative Training Methods for Hidden Markov Models", EMNLP 2002)
// over word, affix, shape and context features in the manner of
// Ratnaparkhi (1996) and Honnibal ("A Good Part-of-Speech Tagger in about
// 200 Lines of Python", 2013), with a dictionary for frequent words that
// always have the same tag.
//
// Features are hashed to 64 bits; only those seen in training have weights.
// Training is deterministic: the same sentences and options give the same
// weights, whatever the machine (own shuffle over std::mt19937).
class PosTagger
{
public:
    struct TrainingOptions
    {
        int iterations = 20;
        quint32 seed = 1;
        // A word goes into the dictionary when it was seen at least this
        // often and with one tag at least this share of the time.
        int dictionaryMinimumCount = 20;
        double dictionaryMinimumShare = 0.97;
    };

    PosTagger() = default;

    // Learns from the UPOS column of `sentences`; words without a tag are
    // skipped as context-free gaps. An empty tagger if nothing is tagged.
    static PosTagger train(const QList<ConlluSentence> &sentences, const TrainingOptions &options);
    static PosTagger train(const QList<ConlluSentence> &sentences)
    {
        return train(sentences, TrainingOptions());
    }

    bool isEmpty() const { return m_tags.isEmpty(); }
    // The tag set, in the order tag ids index.
    const QStringList &tags() const { return m_tags; }
    qsizetype featureCount() const { return m_model.featureCount(); }

    // Drops weights too small to change a decision (see LinearModel::prune).
    void prune(float threshold) { m_model.prune(threshold); }

    // One tag per word (forms as the treebanks split them: "do", "n't").
    // A word whose entry in `given` is a tag of the tag set keeps that tag
    // (a name the entity extractor found is a PROPN), and the words after
    // it are tagged in that context.
    QStringList tag(const QStringList &words, const QStringList &given = {}) const;
    // The tag of the first word alone, the others read as its context:
    // tag(words).value(0) without tagging the rest. Empty for no words.
    QString firstTag(const QStringList &words) const;

    // A digest of everything learnt (tags, dictionary, features and their
    // weights), independent of hash-table order: equal for equal taggers.
    quint64 weightsChecksum() const;

    // For model files (SyntaxModel): everything learnt, in an order that
    // does not depend on hash tables, so the same tagger gives the same
    // bytes. read() says what is wrong with data it cannot take.
    void write(QDataStream &out) const;
    static Result<PosTagger> read(QDataStream &in);

private:
    // The tag ids of the first `count` words (-1: all), greedy left to
    // right; a word with an id in `given` keeps it.
    QList<int> tagIds(const QStringList &words, const QList<int> &given, qsizetype count = -1) const;

    // What training learnt of a form: the tag it always has (the
    // dictionary) and the tags it had (its ambiguity class), either or both.
    struct KnownForm
    {
        QString form;
        int tag = -1;                 // -1: not in the dictionary
        bool hasClasses = false;
        QString classes;              // "NOUN|VERB"
    };
    // Sorts the forms, the last of a form's entries winning for each of its
    // two parts, and indexes them.
    void indexForms();
    // The form's entry, or null.
    const KnownForm *knownForm(QStringView form) const;

    QStringList m_tags;
    LinearModel m_model; // one class per tag
    // In form order (the order of model files), found by a hash of the
    // form: one lookup a word for both its dictionary tag and its class.
    std::vector<KnownForm> m_forms;
    StringKeyIndex m_formIndex;
};

// The share of words whose UPOS `tagger` gets right, over the words of
// `sentences` that have one (gold tokenisation, punctuation included).
double taggingAccuracy(const PosTagger &tagger, const QList<ConlluSentence> &sentences);

} // namespace NewsGraph
