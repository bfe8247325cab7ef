#include "core/syntax/PosTagger.h"
#include "tests/support/SlashTaggedSentences.h"

#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// Sentences of our own, as "word/TAG" pairs.
const QStringList taggedSentences = {
    u"Brivalto/PROPN sold/VERB its/PRON rail/NOUN unit/NOUN to/ADP Kelpwise/PROPN ./PUNCT"_s,
    u"The/DET board/NOUN approved/VERB the/DET sale/NOUN on/ADP Monday/PROPN ./PUNCT"_s,
    u"Kelpwise/PROPN will/AUX pay/VERB 40/NUM million/NUM euros/NOUN ./PUNCT"_s,
    u"Analysts/NOUN said/VERB the/DET price/NOUN was/AUX high/ADJ ./PUNCT"_s,
    u"She/PRON quickly/ADV signed/VERB the/DET new/ADJ contract/NOUN ./PUNCT"_s,
    u"Zorvex/PROPN and/CCONJ Kelpwise/PROPN build/VERB ships/NOUN in/ADP Bergen/PROPN ./PUNCT"_s,
    u"The/DET ships/NOUN are/AUX very/ADV large/ADJ ./PUNCT"_s,
    u"Workers/NOUN build/VERB the/DET hulls/NOUN slowly/ADV ./PUNCT"_s,
    u"It/PRON was/AUX a/DET good/ADJ year/NOUN for/ADP Zorvex/PROPN ./PUNCT"_s,
    u"They/PRON sold/VERB 12/NUM ships/NOUN in/ADP 2025/NUM ./PUNCT"_s,
    u"Ships/NOUN from/ADP Oslo/PROPN reached/VERB Tromsø/PROPN ./PUNCT"_s,
    u"The/DET deal/NOUN with/ADP Vantablu/PROPN closed/VERB early/ADV ./PUNCT"_s,
    u"Investors/NOUN met/VERB Idris/PROPN Okonkwo/PROPN in/ADP Lagos/PROPN ./PUNCT"_s,
};

QList<ConlluSentence> treebank()
{
    return slashTaggedSentences(taggedSentences);
}

QStringList formsOf(const ConlluSentence &sentence)
{
    QStringList forms;
    for (const ConlluWord &word : sentence.words)
        forms.append(word.form);
    return forms;
}

QStringList tagsOf(const ConlluSentence &sentence)
{
    QStringList tags;
    for (const ConlluWord &word : sentence.words)
        tags.append(word.upos);
    return tags;
}

} // namespace

class TestPosTagger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void learnsItsTrainingSentences()
    {
        const QList<ConlluSentence> sentences = treebank();
        const PosTagger tagger = PosTagger::train(sentences);
        QVERIFY(!tagger.isEmpty());
        QCOMPARE(tagger.tags(), (QStringList{u"ADJ"_s, u"ADP"_s, u"ADV"_s, u"AUX"_s, u"CCONJ"_s,
                                             u"DET"_s, u"NOUN"_s, u"NUM"_s, u"PRON"_s, u"PROPN"_s,
                                             u"PUNCT"_s, u"VERB"_s}));
        for (const ConlluSentence &sentence : sentences)
            QCOMPARE(tagger.tag(formsOf(sentence)), tagsOf(sentence));
        QCOMPARE(taggingAccuracy(tagger, sentences), 1.0);
    }

    void generalisesFromContext()
    {
        const PosTagger tagger = PosTagger::train(treebank());
        // An unseen name where names go.
        const QStringList tags = tagger.tag({u"Brivalto"_s, u"sold"_s, u"its"_s, u"rail"_s,
                                             u"unit"_s, u"to"_s, u"Harwick"_s, u"."_s});
        QCOMPARE(tags, (QStringList{u"PROPN"_s, u"VERB"_s, u"PRON"_s, u"NOUN"_s, u"NOUN"_s,
                                    u"ADP"_s, u"PROPN"_s, u"PUNCT"_s}));
    }

    void tagsTheFirstWordAlone()
    {
        const PosTagger tagger = PosTagger::train(treebank());
        for (const ConlluSentence &sentence : treebank())
            QCOMPARE(tagger.firstTag(formsOf(sentence)), tagsOf(sentence).constFirst());
        QCOMPARE(tagger.firstTag({u"Brivalto"_s, u"sold"_s, u"its"_s}), u"PROPN"_s);
        QVERIFY(tagger.firstTag({}).isEmpty());
        QVERIFY(PosTagger().firstTag({u"Brivalto"_s}).isEmpty());
    }

    void trainingIsDeterministic()
    {
        PosTagger::TrainingOptions options;
        options.iterations = 4;
        options.seed = 7;
        const PosTagger first = PosTagger::train(treebank(), options);
        const PosTagger second = PosTagger::train(treebank(), options);
        QCOMPARE(first.featureCount(), second.featureCount());
        const QStringList probe{u"Vantablu"_s, u"will"_s, u"build"_s, u"large"_s, u"hulls"_s};
        QCOMPARE(first.tag(probe), second.tag(probe));
        QCOMPARE(first.weightsChecksum(), second.weightsChecksum());
        options.seed = 8;
        QVERIFY(PosTagger::train(treebank(), options).weightsChecksum() != first.weightsChecksum());
    }

    void untaggedInputGivesAnEmptyTagger()
    {
        ConlluSentence raw;
        ConlluWord hello;
        hello.form = u"Hello"_s;
        raw.words.append(hello);
        const PosTagger tagger = PosTagger::train({raw});
        QVERIFY(tagger.isEmpty());
        QVERIFY(tagger.tag({u"Hello"_s}).isEmpty());
        QCOMPARE(taggingAccuracy(tagger, {raw}), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestPosTagger)
#include "tst_postagger.moc"
