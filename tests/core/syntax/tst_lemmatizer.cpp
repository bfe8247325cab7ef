#include "core/syntax/Lemmatizer.h"
#include "tests/support/SlashTaggedSentences.h"

#include <QDataStream>
#include <QIODevice>
#include <QTest>

#include <functional>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// "form/UPOS/lemma" triples of our own.
QList<ConlluSentence> treebank()
{
    const QStringList sentences = {
        u"The/DET/the countries/NOUN/country signed/VERB/sign treaties/NOUN/treaty ./PUNCT/."_s,
        u"Brivalto/PROPN/Brivalto bought/VERB/buy two/NUM/two factories/NOUN/factory ./PUNCT/."_s,
        u"Workers/NOUN/worker went/VERB/go home/ADV/home early/ADV/early ./PUNCT/."_s,
        u"She/PRON/she was/AUX/be building/VERB/build ships/NOUN/ship ./PUNCT/."_s,
        u"They/PRON/they opened/VERB/open new/ADJ/new offices/NOUN/office in/ADP/in Lagos/PROPN/Lagos ./PUNCT/."_s,
        u"Prices/NOUN/price rose/VERB/rise and/CCONJ/and banks/NOUN/bank lent/VERB/lend more/ADJ/more ./PUNCT/."_s,
        u"Les/DET/le usines/NOUN/usine ont/AUX/avoir fermé/VERB/fermer ./PUNCT/."_s,
    };
    return slashTaggedSentences(sentences);
}

// A lemmatiser read from what `write` puts in a model stream.
Result<Lemmatizer> readLemmatizer(const std::function<void(QDataStream &out)> &write)
{
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        write(out);
    }
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    return Lemmatizer::read(in);
}

} // namespace

class TestLemmatizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editScripts_data()
    {
        QTest::addColumn<QString>("form");
        QTest::addColumn<QString>("lemma");
        QTest::addColumn<int>("casing");
        QTest::addColumn<int>("strip");
        QTest::addColumn<QString>("append");
        using Case = Lemmatizer::EditScript::Case;
        QTest::newRow("plural") << u"companies"_s << u"company"_s << int(Case::Keep) << 3 << u"y"_s;
        QTest::newRow("same") << u"Nvidia"_s << u"Nvidia"_s << int(Case::Keep) << 0 << QString();
        QTest::newRow("capital") << u"The"_s << u"the"_s << int(Case::LowerFirst) << 0 << QString();
        QTest::newRow("shouted") << u"SHIPS"_s << u"ship"_s << int(Case::LowerAll) << 1 << QString();
        QTest::newRow("irregular") << u"went"_s << u"go"_s << int(Case::Keep) << 4 << u"go"_s;
        QTest::newRow("french") << u"fermées"_s << u"fermer"_s << int(Case::Keep) << 3 << u"er"_s;
    }

    void editScripts()
    {
        QFETCH(QString, form);
        QFETCH(QString, lemma);
        QFETCH(int, casing);
        QFETCH(int, strip);
        QFETCH(QString, append);
        const Lemmatizer::EditScript script = Lemmatizer::scriptFor(form, lemma);
        QCOMPARE(int(script.casing), casing);
        QCOMPARE(script.strip, strip);
        QCOMPARE(script.append, append);
        QCOMPARE(Lemmatizer::apply(script, form), lemma);
    }

    void learnsItsTrainingWords()
    {
        const QList<ConlluSentence> sentences = treebank();
        const Lemmatizer lemmatizer = Lemmatizer::train(sentences);
        QVERIFY(!lemmatizer.isEmpty());
        QCOMPARE(lemmaAccuracy(lemmatizer, sentences), 1.0);
        QCOMPARE(lemmatizer.lemma(u"went"_s, u"VERB"_s), u"go"_s);
        QCOMPARE(lemmatizer.lemma(u"Lagos"_s, u"PROPN"_s), u"Lagos"_s);
    }

    void unseenWordsFollowTheirEnding()
    {
        const Lemmatizer lemmatizer = Lemmatizer::train(treebank());
        QCOMPARE(lemmatizer.lemma(u"refineries"_s, u"NOUN"_s), u"refinery"_s);  // -ies as countries
        QCOMPARE(lemmatizer.lemma(u"ports"_s, u"NOUN"_s), u"port"_s);            // -s as banks
        QCOMPARE(lemmatizer.lemma(u"Investors"_s, u"NOUN"_s), u"investor"_s);    // and its capital
        QCOMPARE(lemmatizer.lemma(u"launched"_s, u"VERB"_s), u"launch"_s);      // -ed as signed
        QCOMPARE(lemmatizer.lemma(u"Harwick"_s, u"PROPN"_s), u"Harwick"_s);      // names stay
        QCOMPARE(lemmatizer.lemma(u"cantines"_s, u"NOUN"_s), u"cantine"_s);     // -ines as usines
        // A tag never seen leaves the form as it is.
        QCOMPARE(lemmatizer.lemma(u"ouch"_s, u"INTJ"_s), u"ouch"_s);
    }

    // Model files list their entries in key order, once each; a file that
    // does not (written by hand, or by another program) reads as a table
    // would: in any order, the last of a key's entries winning.
    void readsEntriesInAnyOrder()
    {
        const Result<Lemmatizer> read = readLemmatizer([](QDataStream &out) {
            out << quint32(3) << u"went\tVERB"_s << u"walk"_s << u"bought\tVERB"_s << u"buy"_s
                << u"went\tVERB"_s << u"go"_s;
            out << quint32(3);
            out << u"NOUN\ties"_s << quint8(0) << qint32(3) << u"y"_s;
            out << u"NOUN\t"_s << quint8(0) << qint32(0) << QString();
            out << u"NOUN\ts"_s << quint8(0) << qint32(1) << QString();
        });
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->lemma(u"went"_s, u"VERB"_s), u"go"_s);
        QCOMPARE(read->lemma(u"bought"_s, u"VERB"_s), u"buy"_s);
        QCOMPARE(read->lemma(u"refineries"_s, u"NOUN"_s), u"refinery"_s);
        QCOMPARE(read->lemma(u"ports"_s, u"NOUN"_s), u"port"_s);
        QCOMPARE(read->lemma(u"fish"_s, u"NOUN"_s), u"fish"_s);
        // Written back in key order, once each.
        QByteArray again;
        {
            QDataStream out(&again, QIODevice::WriteOnly);
            out.setVersion(QDataStream::Qt_6_4);
            read->write(out);
        }
        QDataStream check(again);
        check.setVersion(QDataStream::Qt_6_4);
        quint32 count = 0;
        QString first, firstLemma, second, secondLemma;
        check >> count >> first >> firstLemma >> second >> secondLemma;
        QCOMPARE(count, 2u);
        QCOMPARE(first, u"bought\tVERB"_s);
        QCOMPARE(second, u"went\tVERB"_s);
        QCOMPARE(secondLemma, u"go"_s);
    }

    // A script longer than the form is passed over for a shorter ending's.
    void aScriptLongerThanTheFormIsSkipped()
    {
        const Result<Lemmatizer> read = readLemmatizer([](QDataStream &out) {
            out << quint32(0) << quint32(2);
            out << u"NOUN\t"_s << quint8(0) << qint32(0) << u"-x"_s;
            out << u"NOUN\tox"_s << quint8(0) << qint32(5) << u"en"_s;
        });
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->lemma(u"ox"_s, u"NOUN"_s), u"ox-x"_s);
        QCOMPARE(read->lemma(u"boxox"_s, u"NOUN"_s), u"en"_s);
    }

    void untrainedLeavesFormsAlone()
    {
        const Lemmatizer lemmatizer;
        QVERIFY(lemmatizer.isEmpty());
        QCOMPARE(lemmatizer.lemma(u"ships"_s, u"NOUN"_s), u"ships"_s);
    }
};

QTEST_GUILESS_MAIN(TestLemmatizer)
#include "tst_lemmatizer.moc"
