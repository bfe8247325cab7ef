#include "core/syntax/SyntaxTraining.h"

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// `sentences` with every UPOS replaced by what a tagger that never saw the
// sentence predicts: fold k (sentences k, k + folds, ...) is tagged by a
// tagger trained on the other folds.
QList<ConlluSentence> jackknifeTagged(const QList<ConlluSentence> &sentences, const SyntaxTrainingOptions &options,
                                      const SyntaxTrainingProgress &progress)
{
    const int folds = options.jackknifeFolds;
    QList<ConlluSentence> tagged = sentences;
    for (int fold = 0; fold < folds; ++fold) {
        if (progress)
            progress(u"jackknife tagger %1/%2"_s.arg(fold + 1).arg(folds));
        QList<ConlluSentence> others;
        others.reserve(sentences.size());
        for (qsizetype i = 0; i < sentences.size(); ++i) {
            if (i % folds != fold)
                others.append(sentences.at(i));
        }
        const PosTagger tagger = PosTagger::train(others, options.tagger);
        for (qsizetype i = fold; i < tagged.size(); i += folds) {
            ConlluSentence &sentence = tagged[i];
            const QStringList tags = tagger.tag(sentence.forms());
            for (qsizetype w = 0; w < sentence.words.size(); ++w)
                sentence.words[w].upos = tags.value(w);
        }
    }
    return tagged;
}

} // namespace

SyntaxModel trainSyntaxModel(const QList<ConlluSentence> &sentences, const SyntaxTrainingOptions &options,
                             const SyntaxTrainingProgress &progress)
{
    SyntaxModel model;
    model.language = options.language;
    model.attribution = options.attribution;
    model.fineTags = options.fineTags;
    model.segmenter = WordSegmenter::train(sentences);
    if (progress)
        progress(u"lemmatiser"_s);
    model.lemmatizer = Lemmatizer::train(sentences);
    // The tagger and the parser learn fine tags in the UPOS column.
    QList<ConlluSentence> fineSentences = sentences;
    if (!model.fineTags.isEmpty()) {
        for (ConlluSentence &sentence : fineSentences) {
            for (ConlluWord &word : sentence.words)
                word.upos = model.fineTags.tagOf(word);
        }
    }
    if (progress)
        progress(u"tagger"_s);
    model.tagger = PosTagger::train(fineSentences, options.tagger);
    const QList<ConlluSentence> parserSentences =
        options.jackknifeFolds >= 2 ? jackknifeTagged(fineSentences, options, progress) : fineSentences;
    if (progress)
        progress(u"parser"_s);
    model.parser = DependencyParser::train(parserSentences, options.parser);
    model.tagger.prune(options.taggerPruneThreshold);
    model.parser.prune(options.parserPruneThreshold);
    return model;
}

SyntaxScores evaluateSyntaxModel(const SyntaxModel &model, const QList<ConlluSentence> &gold)
{
    SyntaxScores scores;
    QList<ConlluSentence> parsed = gold;
    for (qsizetype s = 0; s < parsed.size(); ++s) {
        ConlluSentence &sentence = parsed[s];
        analyseSentence(model, sentence);
        const QList<ConlluWord> &reference = gold.at(s).words;
        for (qsizetype w = 0; w < reference.size(); ++w) {
            ++scores.words;
            scores.rightTags += sentence.words.at(w).upos == reference.at(w).upos;
            scores.rightLemmas += sentence.words.at(w).lemma == reference.at(w).lemma;
        }
    }
    scores.attachment = attachmentScores(parsed, gold);
    return scores;
}

} // namespace NewsGraph
