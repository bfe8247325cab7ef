#include "core/extract/EntityExtractor.h"
#include "core/extract/Lexicon.h"
#include "core/extract/NameTyper.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/syntax/Conllu.h"
#include "core/text/SentenceSplitter.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <optional>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

// The name typer: what it learns, its file, what it reads from a treebank's
// entity layer, and how the entity extractor weighs it. Names and
// sentences of our own.
class TestNameTyper : public QObject
{
    Q_OBJECT

private:
    std::optional<Lexicon> m_lexicon;
    std::optional<SentenceSplitter> m_splitter;

    static NameTyper::Example example(const QString &name, const QString &before, const QString &after,
                                      NameTyper::Class type)
    {
        NameTyper::Example result;
        result.name.words = name.split(u' ');
        result.name.before = before.split(u' ', Qt::SkipEmptyParts);
        result.name.after = after.split(u' ', Qt::SkipEmptyParts);
        result.type = type;
        return result;
    }

    // People named with the words around people ("said", "Mr"), companies
    // with company words, places after "in" and "near"; each name its own.
    static QList<NameTyper::Example> trainingExamples()
    {
        QList<NameTyper::Example> examples;
        const QStringList givenNames{u"Ardel"_s, u"Brisa"_s, u"Coren"_s, u"Dalma"_s, u"Evrin"_s, u"Fenna"_s};
        const QStringList surnames{u"Mostvik"_s, u"Larrabee"_s, u"Quenning"_s, u"Torvald"_s, u"Ulvestad"_s,
                                   u"Wexhall"_s};
        const QStringList stems{u"Brav"_s, u"Corl"_s, u"Dunm"_s, u"Ferr"_s, u"Gall"_s, u"Harv"_s};
        for (int i = 0; i < givenNames.size(); ++i) {
            examples.append(example(givenNames[i] + u' ' + surnames[i], u"Mr"_s, u"said on"_s, NameTyper::Person));
            examples.append(example(stems[i] + u"ex Holdings"_s, u"shares of"_s, u"rose 3"_s, NameTyper::Organization));
            examples.append(example(stems[i] + u"ington"_s, u"lives in"_s, u", a"_s, NameTyper::Place));
            examples.append(example(stems[i] + u"ian Symphony"_s, u"wrote the"_s, u"in 1890"_s, NameTyper::Other));
        }
        return examples;
    }

    // Equal but for the order floats were added in.
    static bool near(const std::array<float, NameTyper::ClassCount> &a, const std::array<float, NameTyper::ClassCount> &b)
    {
        for (int c = 0; c < NameTyper::ClassCount; ++c) {
            if (std::abs(a[c] - b[c]) > 1e-5f)
                return false;
        }
        return true;
    }

    static double logLikelihood(const NameTyper &typer, const QList<NameTyper::Example> &examples)
    {
        double total = 0.0;
        for (const NameTyper::Example &example : examples)
            total += std::log(double(typer.probabilities(example.name)[example.type]));
        return total;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<Lexicon> lexicon = Lexicon::fromDirectory(bundledLexiconDirectory());
        QVERIFY2(lexicon, qPrintable(lexicon.ok() ? QString() : lexicon.error()));
        m_lexicon = std::move(lexicon).value();
        Result<SentenceSplitter> splitter = SentenceSplitter::fromDirectory(bundledLexiconDirectory());
        QVERIFY(splitter);
        m_splitter = std::move(splitter).value();
    }

    void typesNamesItHasNotSeenFromTheirShapeAndContext()
    {
        const NameTyper typer = NameTyper::train(trainingExamples(), {});
        QVERIFY(!typer.isEmpty());
        QCOMPARE(nameTypingAccuracy(typer, trainingExamples()), 1.0);
        // New names of each kind, in the kind's usual company.
        QCOMPARE(typer.classify(example(u"Gisla Norrback"_s, u"Mr"_s, u"said on"_s, {}).name), NameTyper::Person);
        QCOMPARE(typer.classify(example(u"Jarvex Holdings"_s, u"shares of"_s, u"rose"_s, {}).name),
                 NameTyper::Organization);
        QCOMPARE(typer.classify(example(u"Kellington"_s, u"lives in"_s, u","_s, {}).name), NameTyper::Place);
        const std::array<float, NameTyper::ClassCount> shares
            = typer.probabilities(example(u"Kellington"_s, u"lives in"_s, u","_s, {}).name);
        float total = 0.0f;
        for (const float share : shares) {
            QVERIFY(share >= 0.0f && share <= 1.0f);
            total += share;
        }
        QVERIFY(std::abs(total - 1.0f) < 1e-4f);
    }

    void scoringANameOnceForManyMentionsGivesTheSameShares()
    {
        const NameTyper typer = NameTyper::train(trainingExamples(), {});
        for (const NameTyper::Example &example : trainingExamples()) {
            const NameTyper::NameScores name = typer.scoreName(example.name.words);
            QVERIFY(near(typer.probabilities(name, NameTyper::contextOf(example.name)), typer.probabilities(example.name)));
        }
        // At a sentence's start and end, in both forms.
        const NameInContext alone{{u"Gisla"_s, u"Norrback"_s}, {}, {}, true};
        QVERIFY(near(typer.probabilities(typer.scoreName(alone.words), {}), typer.probabilities(alone)));
    }

    void anEmptyTyperHasNoOpinion()
    {
        const NameTyper typer = NameTyper::train({}, {});
        QVERIFY(typer.isEmpty());
        for (const float share : typer.probabilities(example(u"Ardel Mostvik"_s, {}, {}, {}).name))
            QCOMPARE(share, 0.25f);
    }

    void trainingIsDeterministic()
    {
        NameTyper::TrainingOptions options;
        options.seed = 7;
        QCOMPARE(NameTyper::train(trainingExamples(), options).serialize(),
                 NameTyper::train(trainingExamples(), options).serialize());
    }

    void calibrationMakesItNoLessLikely()
    {
        // Uncalibrated, a perceptron that has memorised its examples is
        // sure of everything; divided by the fitted temperature its shares
        // give held-out names at least the likelihood they had.
        NameTyper typer = NameTyper::train(trainingExamples(), {});
        QList<NameTyper::Example> heldOut{
            example(u"Hollis Vantree"_s, u"Mr"_s, u"told reporters"_s, NameTyper::Person),
            example(u"Ormex Holdings"_s, u"shares of"_s, u"fell"_s, NameTyper::Organization),
            example(u"Pellington"_s, u"near"_s, u"."_s, NameTyper::Place),
            // A person where places stand: calibration must soften the
            // typer's certainty rather than trust it.
            example(u"Sellington"_s, u"lives in"_s, u","_s, NameTyper::Person),
        };
        const double before = logLikelihood(typer, heldOut);
        typer.calibrate(heldOut);
        QVERIFY(typer.temperature() > 0.0f);
        QVERIFY2(logLikelihood(typer, heldOut) >= before - 1e-6,
                 qPrintable(u"%1 < %2"_s.arg(logLikelihood(typer, heldOut)).arg(before)));
    }

    void theFileKeepsEverything()
    {
        NameTyper typer = NameTyper::train(trainingExamples(), {});
        typer.setLanguage(u"en"_s);
        typer.setAttribution(u"Invented names, for a test."_s);
        typer.calibrate(trainingExamples());
        const QByteArray bytes = typer.serialize();
        const Result<NameTyper> read = NameTyper::parse(bytes, u"own.model"_s);
        QVERIFY2(read, qPrintable(read.ok() ? QString() : read.error()));
        QCOMPARE(read->language(), u"en"_s);
        QCOMPARE(read->attribution(), u"Invented names, for a test."_s);
        QCOMPARE(read->temperature(), typer.temperature());
        QCOMPARE(read->serialize(), bytes);
        for (const NameTyper::Example &example : trainingExamples())
            QCOMPARE(read->probabilities(example.name), typer.probabilities(example.name));

        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(u"names.model"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        const Result<NameTyper> fromFile = NameTyper::readFile(path);
        QVERIFY(fromFile);
        QCOMPARE(fromFile->serialize(), bytes);
    }

    void aDamagedFileIsRefusedWithItsName()
    {
        const QByteArray bytes = NameTyper::train(trainingExamples(), {}).serialize();
        const auto refused = [](const QByteArray &damaged, const QString &expected) {
            const Result<NameTyper> read = NameTyper::parse(damaged, u"names.model"_s);
            QVERIFY(!read);
            QVERIFY2(read.error().startsWith(u"names.model"_s) && read.error().contains(expected),
                     qPrintable(read.error()));
        };
        refused(bytes.left(bytes.size() - 10), u"cut short"_s);
        QByteArray flipped = bytes;
        flipped[flipped.size() - 5] = char(flipped.at(flipped.size() - 5) ^ 0x40);
        refused(flipped, u"checksum"_s);
        refused(QByteArray("NGSYNTAX") + bytes.mid(8), u"not a NewsGraph name typer"_s);
        refused(QByteArray(), u"not a NewsGraph name typer"_s);
        const Result<NameTyper> missing = NameTyper::readFile(u"/nonexistent/names.model"_s);
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(u"/nonexistent/names.model"_s), qPrintable(missing.error()));
    }

    void examplesComeFromTheEntityLayer()
    {
        // GUM's notation: "(3-person-..." opens a mention, "3)" closes it.
        const QString conllu = uR"(# newdoc id = own
# text = Critics said the Marvane Trio played in Lower Brisk for Ardel Mostvik.
1	Critics	critic	NOUN	NNS	_	2	nsubj	_	Entity=(1-person-new-1)
2	said	say	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	5	det	_	Entity=(2-organization-new-1
4	Marvane	Marvane	PROPN	NNP	_	5	compound	_	_
5	Trio	Trio	PROPN	NNP	_	6	nsubj	_	Entity=2)
6	played	play	VERB	VBD	_	2	ccomp	_	_
7	in	in	ADP	IN	_	9	case	_	_
8	Lower	Lower	PROPN	NNP	_	9	amod	_	Entity=(3-place-new-1
9	Brisk	Brisk	PROPN	NNP	_	6	obl	_	Entity=3)
10	for	for	ADP	IN	_	12	case	_	_
11	Ardel	Ardel	PROPN	NNP	_	12	flat	_	Entity=(4-person-new-1
12	Mostvik	Mostvik	PROPN	NNP	_	6	obl	_	Entity=4)|SpaceAfter=No
13	.	.	PUNCT	.	_	2	punct	_	_

)"_s;
        const Result<QList<ConlluSentence>> sentences = parseConllu(conllu, u"own.conllu"_s);
        QVERIFY2(sentences, qPrintable(sentences.ok() ? QString() : sentences.error()));
        const QList<NameTyper::Example> examples = NameTyper::examplesFromTreebank(*sentences);
        // "Critics" is no proper name; the article is no part of one.
        QCOMPARE(examples.size(), 3);
        QCOMPARE(examples[0].name.words, (QStringList{u"Marvane"_s, u"Trio"_s}));
        QCOMPARE(examples[0].type, NameTyper::Organization);
        QCOMPARE(examples[0].name.before, (QStringList{u"said"_s, u"the"_s}));
        QCOMPARE(examples[0].name.after, (QStringList{u"played"_s, u"in"_s}));
        QCOMPARE(examples[1].name.words, (QStringList{u"Lower"_s, u"Brisk"_s}));
        QCOMPARE(examples[1].type, NameTyper::Place);
        QCOMPARE(examples[2].name.words, (QStringList{u"Ardel"_s, u"Mostvik"_s}));
        QCOMPARE(examples[2].type, NameTyper::Person);
        QCOMPARE(examples[2].name.after, (QStringList{u"."_s}));
    }

    void theLexiconTeachesNamesWithoutContext()
    {
        const QList<NameTyper::Example> examples = NameTyper::examplesFromLexicon(*m_lexicon);
        QVERIFY(examples.size() > 1000);
        bool company = false;
        bool givenName = false;
        for (const NameTyper::Example &example : examples) {
            QVERIFY(!example.name.inText);
            QVERIFY(!example.name.words.isEmpty());
            for (const QString &word : example.name.words)
                QVERIFY(!word.isEmpty());
            // "White House", not "the White House".
            QVERIFY(example.name.words.constFirst() != u"the"_s);
            company = company || (example.type == NameTyper::Organization && example.name.words == QStringList{u"Alphabet"_s});
            givenName = givenName || (example.type == NameTyper::Person && example.name.words == QStringList{u"Eduardo"_s});
        }
        QVERIFY(company);
        QVERIFY(givenName);
    }

    void theExtractorAsksTheBundledTyperWhereTheTextSaysLittle()
    {
        const Result<NameTyper> typer = NameTyper::readFile(QDir(bundledModelDirectory()).filePath(nameTyperFileName()));
        QVERIFY2(typer, qPrintable(typer.ok() ? QString() : typer.error()));
        QCOMPARE(typer->language(), u"en"_s);
        QVERIFY(!typer->attribution().isEmpty());

        const QString english = u"The festival opened with works by Eduard Halvorsen. Visitors travelled on to "
                                u"Lower Silesia. Tickets were sold by Skarn Holdings."_s;
        const auto typeOf = [&](const QList<ExtractedEntity> &entities, const QString &name) {
            for (const ExtractedEntity &entity : entities) {
                if (entity.name == name)
                    return typeName(entity.type);
            }
            return u"missing"_s;
        };
        EntityExtractor withoutTyper(*m_lexicon);
        const QList<ExtractedEntity> before = withoutTyper.extract(english, m_splitter->split(english), u"en"_s);
        // Nothing in these sentences types the first two: organisations by default.
        QCOMPARE(typeOf(before, u"Eduard Halvorsen"_s), u"ORG"_s);
        QCOMPARE(typeOf(before, u"Lower Silesia"_s), u"ORG"_s);

        EntityExtractor extractor(*m_lexicon);
        extractor.setNameTyper(&typer.value());
        const QList<ExtractedEntity> after = extractor.extract(english, m_splitter->split(english), u"en"_s);
        QCOMPARE(typeOf(after, u"Eduard Halvorsen"_s), u"PERSON"_s);
        QCOMPARE(typeOf(after, u"Lower Silesia"_s), u"PLACE"_s);
        // A cue of the text outweighs the typer.
        QCOMPARE(typeOf(after, u"Skarn Holdings"_s), u"ORG"_s);

        // The typer knows English contexts only: a French text is typed as
        // without it.
        const QString french = u"Le festival s'est ouvert sur des œuvres de Eduard Halvorsen. Les billets ont été "
                               u"vendus par Skarn Holdings."_s;
        const QList<ExtractedEntity> frenchWith = extractor.extract(french, m_splitter->split(french), u"fr"_s);
        const QList<ExtractedEntity> frenchWithout = withoutTyper.extract(french, m_splitter->split(french), u"fr"_s);
        QCOMPARE(frenchWith.size(), frenchWithout.size());
        for (qsizetype i = 0; i < frenchWith.size(); ++i) {
            QCOMPARE(frenchWith[i].name, frenchWithout[i].name);
            QCOMPARE(frenchWith[i].type, frenchWithout[i].type);
        }
    }
};

QTEST_GUILESS_MAIN(TestNameTyper)
#include "tst_nametyper.moc"
