#include "core/syntax/WordSegmenter.h"

#include <QBuffer>
#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// CoNLL-U lines from "form form ..." with "a|b=ab" for a multiword token ab
// of words a and b, and "~" before a word that follows without a space.
ConlluSentence sentence(const QString &words)
{
    ConlluSentence result;
    const QStringList parts = words.split(u' ');
    for (const QString &part : parts) {
        const bool attached = part.startsWith(u'~');
        const QString text = attached ? part.mid(1) : part;
        if (attached && !result.words.isEmpty())
            result.words.last().misc = u"SpaceAfter=No"_s;
        if (text.contains(u'=')) {
            const QStringList pieces = text.section(u'=', 0, 0).split(u'|');
            const int first = int(result.words.size()) + 1;
            result.multiwords.append({first, first + int(pieces.size()) - 1, text.section(u'=', 1), u"_"_s});
            for (const QString &piece : pieces)
                result.words.append(ConlluWord{piece, {}, {}, {}, {}, -1, {}, {}, u"_"_s});
        } else {
            result.words.append(ConlluWord{text, {}, {}, {}, {}, -1, {}, {}, u"_"_s});
        }
    }
    return result;
}

QList<SurfaceToken> tokens(const QString &text)
{
    QList<SurfaceToken> result;
    for (const QString &part : text.split(u' '))
        result.append(part.startsWith(u'~') ? SurfaceToken{part.mid(1), false} : SurfaceToken{part, true});
    return result;
}

WordSegmenter french()
{
    return WordSegmenter::train({
        sentence(u"Le prix de|le=du blé monte ."_s),
        sentence(u"Le prix de|les=des engrais baisse ."_s),
        sentence(u"Le prix de|les=des terres baisse ."_s),
        sentence(u"Ferroval a des usines à Lyon ."_s),
        sentence(u"Ferroval a des clients ."_s),
        sentence(u"Marivent a des dettes ."_s),
        sentence(u"Jean-Claude Duval dirige à|le=au Havre le port ."_s),
        sentence(u"Que ~fait ~-il ?"_s),
        sentence(u"Que ~va ~-t-il ~faire ?"_s),
    });
}

WordSegmenter english()
{
    return WordSegmenter::train({
        sentence(u"Haldor do|n't=don't sell ships ."_s),
        sentence(u"They can|not=cannot wait ."_s),
        sentence(u"a long ~- ~term deal"_s),
        sentence(u"a short ~- ~term loan"_s),
        sentence(u"its shares rose"_s),
        sentence(u"its ships sailed"_s),
        sentence(u"it|s=its over"_s),
        sentence(u"Mr. Brann left ."_s),
        sentence(u"Mr. Ortiz stayed ."_s),
    });
}

QStringList forms(const ConlluSentence &sentence)
{
    return sentence.forms();
}

} // namespace

class TestWordSegmenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsWhatTheTreebanksSplit()
    {
        const WordSegmenter fr = french();
        QCOMPARE(fr.split(u"du"_s, u"prix"_s), (QStringList{u"de"_s, u"le"_s}));
        QCOMPARE(fr.split(u"au"_s, u"vend"_s), (QStringList{u"à"_s, u"le"_s}));
        QCOMPARE(fr.split(u"Du"_s, QString()), (QStringList{u"De"_s, u"le"_s}));
        QCOMPARE(fr.split(u"usines"_s, u"des"_s), QStringList{u"usines"_s});

        const WordSegmenter en = english();
        // Pieces of the surface itself: the text's case and apostrophe.
        QCOMPARE(en.split(u"DON’T"_s, u"we"_s), (QStringList{u"DO"_s, u"N’T"_s}));
        QCOMPARE(en.split(u"Cannot"_s, QString()), (QStringList{u"Can"_s, u"not"_s}));
        // "its" was split once in three: it stays one word.
        QCOMPARE(en.split(u"its"_s, u"said"_s), QStringList{u"its"_s});
    }

    void followsThePreviousWordWhereItDecides()
    {
        const WordSegmenter fr = french();
        // "des" stayed whole three times in five, but after "prix" it split.
        QCOMPARE(fr.split(u"des"_s, u"prix"_s), (QStringList{u"de"_s, u"les"_s}));
        QCOMPARE(fr.split(u"des"_s, u"a"_s), QStringList{u"des"_s});
        QCOMPARE(fr.split(u"des"_s, u"construit"_s), QStringList{u"des"_s});
    }

    void segmentsTokensIntoWords()
    {
        QList<int> tokenOfWord;
        const ConlluSentence en = english().segment(tokens(u"Brann don't ~- ~term"_s),
                                                    &tokenOfWord);
        QCOMPARE(forms(en), (QStringList{u"Brann"_s, u"do"_s, u"n't"_s, u"-"_s, u"term"_s}));
        QCOMPARE(tokenOfWord, (QList<int>{0, 1, 1, 2, 3}));
        QCOMPARE(en.multiwords.size(), 1);
        QCOMPARE(en.multiwords.first().first, 2);
        QCOMPARE(en.multiwords.first().last, 3);
        QCOMPARE(en.multiwords.first().form, u"don't"_s);
        QCOMPARE(en.multiwords.first().misc, u"SpaceAfter=No"_s);

        // French keeps hyphenated names whole and cuts clitics off.
        const ConlluSentence fr =
            french().segment(tokens(u"Marie ~- ~Anne Roux vend du bois , que ~fait ~- ~il ?"_s), &tokenOfWord);
        QCOMPARE(forms(fr), (QStringList{u"Marie-Anne"_s, u"Roux"_s, u"vend"_s, u"de"_s, u"le"_s, u"bois"_s,
                                         u","_s, u"que"_s, u"fait"_s, u"-il"_s, u"?"_s}));
        QCOMPARE(tokenOfWord, (QList<int>{0, 3, 4, 5, 5, 6, 7, 8, 9, 10, 12}));
        QCOMPARE(fr.words.at(0).misc, u"_"_s);
        QCOMPARE(fr.words.at(8).misc, u"SpaceAfter=No"_s);

        // "-t-il" is one word, as the treebank has it, not "va-t" and "-il".
        QCOMPARE(forms(french().segment(tokens(u"que va ~- ~t ~- ~il faire"_s))),
                 (QStringList{u"que"_s, u"va"_s, u"-t-il"_s, u"faire"_s}));

        // Abbreviations the treebank writes with their full stop get it back;
        // a sentence's own full stop stays a word.
        QCOMPARE(forms(english().segment(tokens(u"Mr ~. Lund left ~."_s))),
                 (QStringList{u"Mr."_s, u"Lund"_s, u"left"_s, u"."_s}));

        // The text's apostrophe becomes the treebanks' one in the forms.
        QCOMPARE(forms(french().segment(tokens(u"l’ ~usine"_s))), (QStringList{u"l'"_s, u"usine"_s}));
    }

    void readsBackWhatItWrote()
    {
        const WordSegmenter fr = french();
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            fr.write(out);
        }
        QDataStream in(bytes);
        const Result<WordSegmenter> read = WordSegmenter::read(in);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->split(u"des"_s, u"prix"_s), (QStringList{u"de"_s, u"les"_s}));
        QCOMPARE(forms(read->segment(tokens(u"Marie ~- ~Anne"_s))), QStringList{u"Marie-Anne"_s});
        QByteArray again;
        {
            QDataStream out(&again, QIODevice::WriteOnly);
            read->write(out);
        }
        QCOMPARE(again, bytes);

        QDataStream cut(bytes.left(bytes.size() / 2));
        const Result<WordSegmenter> broken = WordSegmenter::read(cut);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().contains(u"cut short"_s), qPrintable(broken.error()));
    }
};

QTEST_GUILESS_MAIN(TestWordSegmenter)
#include "tst_wordsegmenter.moc"
