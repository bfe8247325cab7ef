#pragma once

#include "core/common/Result.h"
#include "core/syntax/Conllu.h"
#include "core/syntax/LinearModel.h"

#include <QDataStream>
#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>

namespace NewsGraph {

// A labelled dependency parser for Universal Dependencies trees: greedy
// arc-hybrid transitions (ArcHybridState) chosen by an averaged perceptron
// over the rich feature set of Zhang & Nivre ("Transition-based Dependency
// Parsing with Rich Non-local Features", ACL 2011), its arc-eager s0-head
// features read from s1 and s2 as arc-hybrid has them, trained with
// Goldberg & Nivre's dynamic oracle and exploration (TACL 2013), as in
// Honnibal's "Parsing English in 500 lines of Python" (2013).
//
// A second perceptron labels each arc when it is made: the dependent is
// complete by then (arc-hybrid attaches a word only after all its own
// dependents), so its dependents' words and labels tell "obl" from "nmod",
// "nsubj:pass" from "nsubj"; the head's labels so far keep a verb from
// taking two subjects.
//
// The parser reads a sentence's forms and UPOS tags and writes heads and
// relations.
class DependencyParser
{
public:
    struct TrainingOptions
    {
        int iterations = 15;
        quint32 seed = 1;
        // From this iteration on, a wrong move the model prefers is
        // followed with this probability, so that it learns to recover
        // from its own mistakes (Goldberg & Nivre's exploration).
        int exploreFromIteration = 1;
        double exploreProbability = 0.9;
        // Words seen fewer times are unknown words in training, as unseen
        // words are when parsing.
        int minimumWordCount = 2;
    };

    DependencyParser() = default;

    // Learns from FORM, UPOS, HEAD and DEPREL; sentences without a full
    // tree are skipped. Deterministic for the same sentences and options.
    static DependencyParser train(const QList<ConlluSentence> &sentences, const TrainingOptions &options);
    static DependencyParser train(const QList<ConlluSentence> &sentences)
    {
        return train(sentences, TrainingOptions());
    }

    bool isEmpty() const { return m_labels.isEmpty(); }
    const QStringList &labels() const { return m_labels; }
    qsizetype featureCount() const { return m_moves.featureCount() + m_labeller.featureCount(); }

    // Sets every word's head and deprel from its form and upos.
    void parse(ConlluSentence &sentence) const;

    // Drops weights too small to change a decision (see LinearModel::prune).
    void prune(float threshold);

    quint64 weightsChecksum() const;
    void write(QDataStream &out) const;
    static Result<DependencyParser> read(QDataStream &in);

private:
    struct Sentence;
    struct MoveScorer;
    struct LabelScorer;

    Sentence encode(const ConlluSentence &sentence) const;

    void indexTags();
    // Lists the move weights of the features that take few values and
    // sorts the templates by the side of a state they read (see
    // MoveScorer); again whenever m_moves changes.
    void prepareMoveScorer();
    // Lists the label weights of the features that take few values (see
    // LabelScorer); again whenever m_labeller changes.
    void prepareLabelScorer();

    QStringList m_tags;               // UPOS tags known, by id - 2
    QHash<QString, int> m_tagIds;     // tag -> id (m_tags index + 2)
    QStringList m_labels;             // relations, by label id
    QHash<QString, int> m_words;      // normalised form -> word id
    LinearModel m_moves{3};           // Shift, Left, Right
    LinearModel m_labeller;           // one class per label
    std::shared_ptr<const MoveScorer> m_moveScorer; // null: score moves through m_moves alone
    std::shared_ptr<const LabelScorer> m_labelScorer; // null: label through m_labeller alone
};

// Attachment scores with gold tokenisation, as the CoNLL 2018 shared task
// defines them: every word counts, punctuation included; a label is right
// when its universal part (before ":") is.
struct AttachmentScores
{
    qint64 words = 0;
    qint64 rightHeads = 0;
    qint64 rightHeadsAndLabels = 0;
    double uas() const { return words == 0 ? 0.0 : double(rightHeads) / double(words); }
    double las() const { return words == 0 ? 0.0 : double(rightHeadsAndLabels) / double(words); }
};

// Compares the trees of `parsed` with those of `gold`, sentence by
// sentence and word by word (the same words in the same order).
AttachmentScores attachmentScores(const QList<ConlluSentence> &parsed, const QList<ConlluSentence> &gold);

} // namespace NewsGraph
