#pragma once

#include "core/common/Result.h"
#include "core/syntax/Conllu.h"
#include "core/syntax/LinearModel.h"

#include <QByteArray>
#include <QDataStream>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace NewsGraph {

class Lexicon;

// A name as it stands in a sentence: its words as written ("Eduard",
// "Hanslick") and the words around it.
struct NameInContext
{
    QStringList words;
    QStringList before; // up to two words before the name, the nearest last
    QStringList after;  // up to two words after it, the nearest first
    // False for a name from a list, with no text around it: no features of
    // the words around it, not even those of a sentence's start and end.
    bool inText = true;
};

// What kind of actor a name the lexicon does not know most likely names,
// from the name's own shape (its words, their endings, their capitals) and
// the words around it: a linear classifier trained with the averaged
// perceptron (Collins 2002) on the entity layer of GUM (Zeldes 2017), as
// NER taggers type names they have never seen from word and affix features
// (Ratinov & Roth, "Design Challenges and Misconceptions in Named Entity
// Recognition", CoNLL 2009). The entity extractor weighs its answer as
// weak evidence, below every cue of the text (titles, head nouns, verbs):
// it decides a name nothing else types, such as "Eduard Hanslick", and is
// listed with the evidence in the debug log.
//
// Deterministic: the same examples and options give the same model bytes.
class NameTyper
{
public:
    // "Other": names of works, languages, events, periods ("Stabat Mater",
    // "Esperanto"), which GUM types abstract, object, event, ...
    enum Class { Person, Organization, Place, Other, ClassCount };

    struct Example
    {
        NameInContext name;
        Class type = Other;
    };

    struct TrainingOptions
    {
        int iterations = 10;
        quint32 seed = 1;
    };

    NameTyper() = default;

    // Learns from `examples`; an empty typer when there are none.
    static NameTyper train(const QList<Example> &examples, const TrainingOptions &options);

    bool isEmpty() const { return m_model.featureCount() == 0; }
    qsizetype featureCount() const { return m_model.featureCount(); }

    // The language of the texts it learnt from ("en"): the words around a
    // name are that language's, so the extractor asks it only about
    // documents in it.
    const QString &language() const { return m_language; }
    void setLanguage(const QString &language) { m_language = language; }

    // The treebanks it learnt from and their licences, kept in the file.
    const QString &attribution() const { return m_attribution; }
    void setAttribution(const QString &attribution) { m_attribution = attribution; }

    // Sets the temperature the class scores are divided by before the
    // softmax to the one that gives `examples` (names it did not learn
    // from) the highest likelihood (temperature scaling: Guo et al., "On
    // Calibration of Modern Neural Networks", ICML 2017). A perceptron's
    // scores are no probabilities: uncalibrated, it calls "Robinhood" a
    // person at 0.99.
    void calibrate(const QList<Example> &examples);
    float temperature() const { return m_temperature; }

    // The share of its score each class has (a softmax over the class
    // scores divided by the temperature); all equal for an empty typer,
    // whose scores are all zero.
    std::array<float, ClassCount> probabilities(const NameInContext &name) const;

    // The most likely class.
    Class classify(const NameInContext &name) const;

    // The same in two steps, for a caller that meets one name many times:
    // what the name's own words score, worked out once per name, ...
    struct NameScores
    {
        std::array<float, ClassCount> scores{};
        QString shape;
        bool hasWords = false;
    };
    NameScores scoreName(const QStringList &words) const;
    // ... and the words around each mention of it, as contextWord() gives
    // them (empty at a sentence's start or end).
    struct Context
    {
        QString beforeThat;
        QString before;
        QString after;
        QString afterThat;
    };
    static QString contextWord(const QString &word);
    static Context contextOf(const NameInContext &name);
    std::array<float, ClassCount> probabilities(const NameScores &name, const Context &context) const;

    // The class of a GUM entity type ("person", "organization", "place";
    // any other type is Other).
    static Class classOfGumType(QStringView type);

    // The names of `sentences` (a treebank with GUM's entity layer) as
    // examples: every outermost entity mention that is a proper name
    // (isConlluProperName(), a leading article dropped), of class Person,
    // Organization or Place for GUM's person, organization and place and
    // Other for any other type.
    static QList<Example> examplesFromTreebank(const QList<ConlluSentence> &sentences);

    // The names of the lexicon as examples with no text around them: its
    // known people, organisations and places, products and events as
    // Other, and its given names as people. GUM's few dozen documents name
    // few companies; the lexicon's thousand teach what their names look
    // like.
    static QList<Example> examplesFromLexicon(const Lexicon &lexicon);

    // The file (see ModelFile.h), "names.model" in resources/models. A
    // damaged or foreign file is an error naming it.
    QByteArray serialize() const;
    static Result<NameTyper> parse(const QByteArray &bytes, const QString &name);
    static Result<NameTyper> readFile(const QString &path);

private:
    static std::vector<quint64> features(const NameInContext &name);

    std::array<float, ClassCount> scores(const NameInContext &name) const;

    QString m_language;
    QString m_attribution;
    float m_temperature = 1.0f;
    LinearModel m_model;
};

// The file name of the name typer in a model directory ("names.model").
inline QString nameTyperFileName()
{
    return QStringLiteral("names.model");
}

// The share of `examples` whose class `typer` gets right.
double nameTypingAccuracy(const NameTyper &typer, const QList<NameTyper::Example> &examples);

} // namespace NewsGraph
