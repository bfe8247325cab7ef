#include "core/syntax/Conllu.h"

#include <QTemporaryDir>
#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// Sentences of our own, annotated by hand in the UD style.
const QString twoSentences = uR"(# newdoc id = own-1
# sent_id = own-1-1
# text = Brivalto won't sell its rail unit.
1	Brivalto	Brivalto	PROPN	NNP	Number=Sing	4	nsubj	4:nsubj	_
2-3	won't	_	_	_	_	_	_	_	_
2	wo	will	AUX	MD	VerbForm=Fin	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	sell	sell	VERB	VB	VerbForm=Inf	0	root	0:root	_
5	its	its	PRON	PRP$	Poss=Yes	7	nmod:poss	7:nmod:poss	_
6	rail	rail	NOUN	NN	Number=Sing	7	compound	7:compound	_
7	unit	unit	NOUN	NN	Number=Sing	4	obj	4:obj	SpaceAfter=No
8	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = own-1-2
# text = Le directeur du port et la mairie signent.
1	Le	le	DET	_	Definite=Def	2	det	2:det	_
2	directeur	directeur	NOUN	_	Gender=Masc	9	nsubj	9:nsubj	_
3-4	du	_	_	_	_	_	_	_	_
3	de	de	ADP	_	_	5	case	5:case	_
4	le	le	DET	_	Definite=Def	5	det	5:det	_
5	port	port	NOUN	_	Gender=Masc	2	nmod	2:nmod:de	_
6	et	et	CCONJ	_	_	8	cc	8:cc	_
7	la	la	DET	_	Definite=Def	8	det	8:det	_
8	mairie	mairie	NOUN	_	Gender=Fem	2	conj	2:conj:et	_
8.1	signent	signer	VERB	_	_	_	_	0:root	CopyOf=9
9	signent	signer	VERB	_	Mood=Ind	0	root	0:root	SpaceAfter=No
10	.	.	PUNCT	_	_	9	punct	9:punct	_

)"_s;

} // namespace

class TestConllu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWordsTokensAndComments()
    {
        const Result<QList<ConlluSentence>> read = parseConllu(twoSentences, u"own.conllu"_s);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->size(), 2);

        const ConlluSentence &english = read->at(0);
        QCOMPARE(english.comments, (QStringList{u"newdoc id = own-1"_s, u"sent_id = own-1-1"_s,
                                                 u"text = Brivalto won't sell its rail unit."_s}));
        QCOMPARE(english.sentenceId(), u"own-1-1"_s);
        QCOMPARE(english.text(), u"Brivalto won't sell its rail unit."_s);
        QCOMPARE(english.words.size(), 8); // words, not tokens: "won't" is two
        const ConlluWord &brivalto = english.words.at(0);
        QCOMPARE(brivalto.form, u"Brivalto"_s);
        QCOMPARE(brivalto.upos, u"PROPN"_s);
        QCOMPARE(brivalto.xpos, u"NNP"_s);
        QCOMPARE(brivalto.feats, u"Number=Sing"_s);
        QCOMPARE(brivalto.head, 4);
        QCOMPARE(brivalto.deprel, u"nsubj"_s);
        QVERIFY(brivalto.misc.isEmpty()); // "_" reads as not given
        QCOMPARE(english.words.at(1).lemma, u"will"_s);
        QCOMPARE(english.words.at(3).head, 0);
        QCOMPARE(english.words.at(6).misc, u"SpaceAfter=No"_s);
        QCOMPARE(english.multiwords.size(), 1);
        QCOMPARE(english.multiwords.first(), (ConlluMultiword{2, 3, u"won't"_s, QString()}));

        const ConlluSentence &french = read->at(1);
        QCOMPARE(french.words.size(), 10);
        QCOMPARE(french.multiwords.first().form, u"du"_s);
        QCOMPARE(french.words.at(2).form, u"de"_s);
        // The empty node is kept aside; the basic tree is over words only.
        QCOMPARE(french.emptyNodeLines.size(), 1);
        QVERIFY(french.emptyNodeLines.first().startsWith(u"8.1\tsignent"_s));
        QCOMPARE(french.words.at(8).form, u"signent"_s);
        QCOMPARE(french.words.at(5).head, 8);
    }

    void writesBackWhatItRead()
    {
        const QList<ConlluSentence> read = parseConllu(twoSentences, u"own.conllu"_s).value();
        QString written;
        for (const ConlluSentence &sentence : read)
            written += toConllu(sentence);
        QCOMPARE(written, twoSentences);
        QCOMPARE(parseConllu(written, u"again"_s).value(), read);
    }

    void underscoreIsAWordToo()
    {
        // FORM and LEMMA keep "_": it is the underscore itself there.
        const auto read = parseConllu(u"1\t_\t_\tSYM\t_\t_\t0\troot\t_\t_\n"_s, u"u"_s);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->first().words.first().form, u"_"_s);
        QCOMPARE(read->first().words.first().lemma, u"_"_s);
        QCOMPARE(toConllu(read->first()), u"1\t_\t_\tSYM\t_\t_\t0\troot\t_\t_\n\n"_s);
    }

    void untaggedTextIsAllowed()
    {
        // Heads, tags and relations may all be "_": text waiting to be parsed.
        const auto read = parseConllu(u"1\tKelpwise\t_\t_\t_\t_\t_\t_\t_\t_\r\n"
                                      "2\tgrew\t_\t_\t_\t_\t_\t_\t_\t_\r\n"_s,
                                      u"raw"_s);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->first().words.size(), 2);
        QCOMPARE(read->first().words.at(1).head, -1);
        QVERIFY(read->first().words.at(1).upos.isEmpty());
    }

    void badInputIsRefusedWithItsLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString ok = u"1\tA\ta\tDET\t_\t_\t2\tdet\t_\t_\n"_s;
        QTest::newRow("columns") << ok + u"2\tB\tb\tNOUN\t_\t_\t0\troot\n"_s
                                 << u"x.conllu:2: 8 columns separated by tabs"_s;
        QTest::newRow("id order") << ok + u"3\tB\tb\tNOUN\t_\t_\t0\troot\t_\t_\n"_s
                                  << u"x.conllu:2: the word id “3” should be 2"_s;
        QTest::newRow("head past the end")
            << u"1\tA\ta\tDET\t_\t_\t3\tdet\t_\t_\n2\tB\tb\tNOUN\t_\t_\t0\troot\t_\t_\n"_s
            << u"word 1 has the head 3, which is not a word of the sentence (it has 2)"_s;
        QTest::newRow("two roots")
            << u"1\tA\ta\tDET\t_\t_\t0\tdet\t_\t_\n2\tB\tb\tNOUN\t_\t_\t0\troot\t_\t_\n\n"_s
            << u"x.conllu:3: the sentence ending here has 2 roots"_s;
        QTest::newRow("cycle")
            << u"1\tA\ta\tX\t_\t_\t2\tdep\t_\t_\n2\tB\tb\tX\t_\t_\t1\tdep\t_\t_\n3\tC\tc\tX\t_\t_\t0\troot\t_\t_\n"_s
            << u"go round in a circle through word 1"_s;
        QTest::newRow("own head") << u"1\tA\ta\tX\t_\t_\t1\tdep\t_\t_\n"_s << u"word 1 is its own head"_s;
        QTest::newRow("not a number") << u"1\tA\ta\tX\t_\t_\tone\troot\t_\t_\n"_s
                                      << u"the head “one” is not a word number"_s;
        QTest::newRow("range start") << ok + u"3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n"_s
                                     << u"the token range “3-4” should start at word 2"_s;
        QTest::newRow("range past the end")
            << u"1-2\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n1\tde\tde\tADP\t_\t_\t0\troot\t_\t_\n"_s
            << u"the token range 1-2 goes past the sentence's last word (1)"_s;
        QTest::newRow("comment inside") << ok + u"# late\n"_s << u"x.conllu:2: a comment inside a sentence"_s;
        QTest::newRow("empty node out of place") << ok + u"3.1\tB\tb\tX\t_\t_\t_\t_\t0:root\t_\n"_s
                                                 << u"the empty node id “3.1” does not follow word 1"_s;
        QTest::newRow("no words") << u"# sent_id = lonely\n\n"_s << u"x.conllu:2: a sentence without words"_s;
    }

    void badInputIsRefusedWithItsLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto read = parseConllu(text, u"x.conllu"_s);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().contains(expected), qPrintable(read.error()));
    }

    void readsFilesAndNamesThemInErrors()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"own.conllu"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(twoSentences.toUtf8());
        file.close();
        const auto read = readConlluFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->size(), 2);

        const auto missing = readConlluFile(dir.filePath(u"missing.conllu"_s));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(u"missing.conllu"_s), qPrintable(missing.error()));
    }
};

QTEST_GUILESS_MAIN(TestConllu)
#include "tst_conllu.moc"
