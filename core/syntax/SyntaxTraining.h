#pragma once

#include "core/syntax/SyntaxModel.h"

#include <QList>
#include <QString>

#include <functional>

namespace NewsGraph {

struct SyntaxTrainingOptions
{
    QString language;    // "en", "fr"
    QString attribution; // the treebanks and their licences, kept in the model
    FineTags fineTags; // the features the tags hold besides UPOS (none: plain UPOS)
    PosTagger::TrainingOptions tagger;
    DependencyParser::TrainingOptions parser;
    // The parser learns from tags a tagger predicted, not from the gold
    // ones, so that it learns to live with the tagger's mistakes: the
    // training set is cut into this many folds and each fold is tagged by
    // a tagger trained on the others (jackknifing, as in Collins & Koo
    // 2005 and the CoNLL shared-task systems). Below 2: gold tags.
    int jackknifeFolds = 4;
    // Features whose averaged weights all stay within these of zero are
    // dropped (LinearModel::prune): most features are seen a few times and
    // decide nothing. Chosen on en_ewt-ud-dev (see the closing note of
    // issue 12): size shrinks fourfold for a loss under 0.3 points.
    float taggerPruneThreshold = 0.5f;
    float parserPruneThreshold = 1.5f;
};

// Reports a step of training as it starts ("tagger", "jackknife 2/4", ...).
using SyntaxTrainingProgress = std::function<void(const QString &step)>;

// Trains a model on `sentences` (words with form, lemma, upos, head and
// deprel). The same sentences and options give the same model bytes.
SyntaxModel trainSyntaxModel(const QList<ConlluSentence> &sentences, const SyntaxTrainingOptions &options,
                             const SyntaxTrainingProgress &progress = {});

// What `model` gets right on `gold` with gold tokenisation, as the CoNLL
// 2018 shared task counts it: every word, punctuation included; UPOS and
// lemma compared exactly; a relation by its universal part (before ":").
struct SyntaxScores
{
    qint64 words = 0;
    qint64 rightTags = 0;
    qint64 rightLemmas = 0;
    AttachmentScores attachment;

    static double share(qint64 part, qint64 whole) { return whole == 0 ? 0.0 : double(part) / double(whole); }
    double upos() const { return share(rightTags, words); }
    double lemmas() const { return share(rightLemmas, words); }
    double uas() const { return attachment.uas(); }
    double las() const { return attachment.las(); }
};

SyntaxScores evaluateSyntaxModel(const SyntaxModel &model, const QList<ConlluSentence> &gold);

} // namespace NewsGraph
