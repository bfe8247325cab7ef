#include "core/syntax/SyntaxModel.h"
#include "tests/support/SlashTaggedSentences.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

QList<ConlluSentence> treebank()
{
    return slashTaggedSentences({
        u"Brivalto/PROPN/Brivalto sold/VERB/sell its/PRON/its rail/NOUN/rail unit/NOUN/unit ./PUNCT/."_s,
        u"The/DET/the ships/NOUN/ship were/AUX/be built/VERB/build in/ADP/in Bergen/PROPN/Bergen ./PUNCT/."_s,
        u"Les/DET/le usines/NOUN/usine ont/AUX/avoir fermé/VERB/fermer ./PUNCT/."_s,
    });
}

// The first sentence with its tree, so that the model has a parser too.
QList<ConlluSentence> parsedTreebank()
{
    const Result<QList<ConlluSentence>> sentences = parseConllu(
        u"1\tBrivalto\tBrivalto\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
        "2\tsold\tsell\tVERB\t_\t_\t0\troot\t_\t_\n"
        "3\tits\tits\tPRON\t_\t_\t5\tnmod:poss\t_\t_\n"
        "4\trail\trail\tNOUN\t_\t_\t5\tcompound\t_\t_\n"
        "5\tunit\tunit\tNOUN\t_\t_\t2\tobj\t_\t_\n"
        "6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"_s,
        u"test"_s);
    return sentences.value();
}

SyntaxModel trainedModel()
{
    SyntaxModel model;
    model.language = u"en"_s;
    model.attribution = u"Trained on sentences written for this test."_s;
    model.tagger = PosTagger::train(treebank());
    model.lemmatizer = Lemmatizer::train(treebank());
    model.fineTags = FineTags::fromSpecification(u"VerbForm"_s).value();
    model.parser = DependencyParser::train(parsedTreebank());
    return model;
}

} // namespace

class TestSyntaxModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBackWhatItWrote()
    {
        const SyntaxModel model = trainedModel();
        const QByteArray bytes = serializeSyntaxModel(model);
        QVERIFY(bytes.startsWith("NGSYNTAX"));
        const Result<SyntaxModel> read = parseSyntaxModel(bytes, u"en.model"_s);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->language, u"en"_s);
        QCOMPARE(read->attribution, model.attribution);
        QCOMPARE(read->fineTags.specification(), u"VerbForm"_s);
        QCOMPARE(read->tagger.weightsChecksum(), model.tagger.weightsChecksum());
        QVERIFY(!read->parser.isEmpty());
        QCOMPARE(read->parser.weightsChecksum(), model.parser.weightsChecksum());
        const QStringList words{u"Brivalto"_s, u"sold"_s, u"ships"_s, u"in"_s, u"Bergen"_s};
        QCOMPARE(read->tagger.tag(words), model.tagger.tag(words));
        QCOMPARE(read->lemmatizer.lemma(u"ships"_s, u"NOUN"_s), u"ship"_s);
        QCOMPARE(read->lemmatizer.lemma(u"factories"_s, u"NOUN"_s),
                 model.lemmatizer.lemma(u"factories"_s, u"NOUN"_s));
        // Written again, the same bytes; trained again, too.
        QCOMPARE(serializeSyntaxModel(read.value()), bytes);
        QCOMPARE(serializeSyntaxModel(trainedModel()), bytes);
    }

    // The bundled models, read and written again, give their very bytes:
    // what is kept in memory for fast lookups (the lemmatiser's and the
    // tagger's tables) loses nothing and keeps the files' order.
    void bundledModelsWriteBackTheirBytes_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("fr") << u"fr"_s;
    }

    void bundledModelsWriteBackTheirBytes()
    {
        QFETCH(QString, language);
        QFile file(u":/models/%1.model"_s.arg(language));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const QByteArray bytes = file.readAll();
        const Result<SyntaxModel> model = parseSyntaxModel(bytes, file.fileName());
        QVERIFY2(model.ok(), qPrintable(model.error()));
        QVERIFY(serializeSyntaxModel(*model) == bytes);
    }

    void damagedFilesAreRefusedByName_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray good = serializeSyntaxModel(trainedModel());
        QTest::newRow("empty") << QByteArray() << u"en.model is not a NewsGraph syntax model"_s;
        QTest::newRow("text") << QByteArray("1\tBrivalto\t_\n") << u"is not a NewsGraph syntax model"_s;
        QTest::newRow("header cut") << good.left(20) << u"en.model is cut short: 20 bytes"_s;
        QTest::newRow("data cut") << good.left(good.size() - 10) << u"en.model is cut short: its model data"_s;
        QTest::newRow("data added") << good + "x" << u"en.model is damaged: its model data"_s;
        QByteArray flipped = good;
        flipped[flipped.size() - 100] = char(flipped.at(flipped.size() - 100) ^ 0x20);
        QTest::newRow("byte flipped") << flipped << u"en.model is damaged: its checksum does not match"_s;
        QByteArray newer = good;
        newer[11] = char(9); // the format version's last byte
        QByteArray older = good;
        older[11] = char(1);
        QTest::newRow("older") << older << u"en.model is a syntax model of format 1, made by an older NewsGraph"_s;
        QTest::newRow("newer") << newer << u"en.model is a syntax model of format 9, made by a newer NewsGraph"_s;
    }

    void damagedFilesAreRefusedByName()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const Result<SyntaxModel> read = parseSyntaxModel(bytes, u"en.model"_s);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().contains(expected), qPrintable(read.error()));
    }

    void readsFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fr.model"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(serializeSyntaxModel(trainedModel()));
        file.close();
        const Result<SyntaxModel> read = readSyntaxModelFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->lemmatizer.lemma(u"usines"_s, u"NOUN"_s), u"usine"_s);

        // The whole analysis of a sentence it learnt from comes back.
        ConlluSentence sentence = parsedTreebank().first();
        const ConlluSentence gold = sentence;
        for (ConlluWord &word : sentence.words)
            word = ConlluWord{word.form, {}, {}, {}, {}, -1, {}, {}, {}};
        analyseSentence(read.value(), sentence);
        for (qsizetype i = 0; i < gold.words.size(); ++i) {
            QCOMPARE(sentence.words.at(i).upos, gold.words.at(i).upos);
            QCOMPARE(sentence.words.at(i).lemma, gold.words.at(i).lemma);
            QCOMPARE(sentence.words.at(i).head, gold.words.at(i).head);
            QCOMPARE(sentence.words.at(i).deprel, gold.words.at(i).deprel);
        }

        const Result<SyntaxModel> missing = readSyntaxModelFile(dir.filePath(u"none.model"_s));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(u"none.model"_s), qPrintable(missing.error()));
    }
};

QTEST_GUILESS_MAIN(TestSyntaxModel)
#include "tst_syntaxmodel.moc"
