#include "core/syntax/DependencyParser.h"

#include <QBuffer>
#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// A tiny treebank of invented news sentences, in CoNLL-U.
const char16_t tinyTreebank[] = uR"(# text = Orvane bought Telmex.
1	Orvane	Orvane	PROPN	_	_	2	nsubj	_	_
2	bought	buy	VERB	_	_	0	root	_	_
3	Telmex	Telmex	PROPN	_	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	_	_	2	punct	_	_

# text = The bank was fined by the regulator.
1	The	the	DET	_	_	2	det	_	_
2	bank	bank	NOUN	_	_	4	nsubj:pass	_	_
3	was	be	AUX	_	_	4	aux:pass	_	_
4	fined	fine	VERB	_	_	0	root	_	_
5	by	by	ADP	_	_	7	case	_	_
6	the	the	DET	_	_	7	det	_	_
7	regulator	regulator	NOUN	_	_	4	obl:agent	_	SpaceAfter=No
8	.	.	PUNCT	_	_	4	punct	_	_

# text = Halden, a shipping firm, hired Ana Ruiz as chief executive.
1	Halden	Halden	PROPN	_	_	7	nsubj	_	SpaceAfter=No
2	,	,	PUNCT	_	_	5	punct	_	_
3	a	a	DET	_	_	5	det	_	_
4	shipping	shipping	NOUN	_	_	5	compound	_	_
5	firm	firm	NOUN	_	_	1	appos	_	SpaceAfter=No
6	,	,	PUNCT	_	_	5	punct	_	_
7	hired	hire	VERB	_	_	0	root	_	_
8	Ana	Ana	PROPN	_	_	7	obj	_	_
9	Ruiz	Ruiz	PROPN	_	_	8	flat	_	_
10	as	as	ADP	_	_	12	case	_	_
11	chief	chief	ADJ	_	_	12	amod	_	_
12	executive	executive	NOUN	_	_	7	obl	_	SpaceAfter=No
13	.	.	PUNCT	_	_	7	punct	_	_

# text = Les mineurs de Kiruna ont signé un accord avec Boliden.
1	Les	le	DET	_	_	2	det	_	_
2	mineurs	mineur	NOUN	_	_	6	nsubj	_	_
3	de	de	ADP	_	_	4	case	_	_
4	Kiruna	Kiruna	PROPN	_	_	2	nmod	_	_
5	ont	avoir	AUX	_	_	6	aux:tense	_	_
6	signé	signer	VERB	_	_	0	root	_	_
7	un	un	DET	_	_	8	det	_	_
8	accord	accord	NOUN	_	_	6	obj	_	_
9	avec	avec	ADP	_	_	10	case	_	_
10	Boliden	Boliden	PROPN	_	_	8	nmod	_	SpaceAfter=No
11	.	.	PUNCT	_	_	6	punct	_	_

)";

QList<ConlluSentence> treebank()
{
    Result<QList<ConlluSentence>> sentences = parseConllu(QStringView(tinyTreebank), u"tiny.conllu"_s);
    return sentences.ok() ? sentences.value() : QList<ConlluSentence>();
}

// The sentences with heads and relations cleared, for the parser to fill.
QList<ConlluSentence> withoutTrees(QList<ConlluSentence> sentences)
{
    for (ConlluSentence &sentence : sentences) {
        for (ConlluWord &word : sentence.words) {
            word.head = -1;
            word.deprel.clear();
        }
    }
    return sentences;
}

DependencyParser::TrainingOptions tinyOptions()
{
    DependencyParser::TrainingOptions options;
    options.iterations = 30;
    options.minimumWordCount = 1;
    return options;
}

} // namespace

class TestDependencyParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesBackWhatItWasTrainedOn()
    {
        const QList<ConlluSentence> gold = treebank();
        QCOMPARE(gold.size(), 4);
        const DependencyParser parser = DependencyParser::train(gold, tinyOptions());
        QVERIFY(!parser.isEmpty());
        QVERIFY(parser.labels().contains(u"nsubj:pass"_s));
        QList<ConlluSentence> parsed = withoutTrees(gold);
        for (ConlluSentence &sentence : parsed)
            parser.parse(sentence);
        QCOMPARE(parsed, gold);
        const AttachmentScores scores = attachmentScores(parsed, gold);
        QCOMPARE(scores.words, 36);
        QCOMPARE(scores.uas(), 1.0);
        QCOMPARE(scores.las(), 1.0);
    }

    void trainingIsDeterministic()
    {
        const DependencyParser a = DependencyParser::train(treebank(), tinyOptions());
        const DependencyParser b = DependencyParser::train(treebank(), tinyOptions());
        QCOMPARE(a.weightsChecksum(), b.weightsChecksum());
        DependencyParser::TrainingOptions otherSeed = tinyOptions();
        otherSeed.seed = 2;
        otherSeed.iterations = 3;
        QVERIFY(DependencyParser::train(treebank(), otherSeed).weightsChecksum() != a.weightsChecksum());
    }

    void everyParseIsATree()
    {
        const DependencyParser parser = DependencyParser::train(treebank(), tinyOptions());
        // Words and tags it never saw together.
        ConlluSentence sentence;
        for (const auto &[form, upos] : std::initializer_list<std::pair<QString, QString>>{
                 {u"Kiruna"_s, u"PROPN"_s}, {u"fined"_s, u"VERB"_s}, {u"the"_s, u"DET"_s},
                 {u"shipping"_s, u"NOUN"_s}, {u"firm"_s, u"NOUN"_s}, {u"avec"_s, u"ADP"_s},
                 {u"Zzyzx"_s, u"X"_s}, {u"."_s, u"PUNCT"_s}}) {
            ConlluWord word;
            word.form = form;
            word.upos = upos;
            sentence.words.append(word);
        }
        parser.parse(sentence);
        int roots = 0;
        for (int i = 0; i < sentence.words.size(); ++i) {
            const ConlluWord &word = sentence.words.at(i);
            QVERIFY(word.head >= 0 && word.head <= sentence.words.size() && word.head != i + 1);
            QVERIFY(!word.deprel.isEmpty());
            QCOMPARE(word.head == 0, word.deprel == u"root"_s);
            roots += word.head == 0;
            int steps = 0;
            for (int h = i + 1; h != 0; h = sentence.words.at(h - 1).head)
                QVERIFY(++steps <= sentence.words.size());
        }
        QCOMPARE(roots, 1);
    }

    void readsBackWhatItWrote()
    {
        DependencyParser parser = DependencyParser::train(treebank(), tinyOptions());
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            parser.write(out);
        }
        QDataStream in(bytes);
        Result<DependencyParser> read = DependencyParser::read(in);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->weightsChecksum(), parser.weightsChecksum());
        QList<ConlluSentence> parsed = withoutTrees(treebank());
        for (ConlluSentence &sentence : parsed)
            read->parse(sentence);
        QCOMPARE(parsed, treebank());

        QDataStream cut(bytes.left(bytes.size() / 2));
        const Result<DependencyParser> half = DependencyParser::read(cut);
        QVERIFY(!half.ok());
        QVERIFY2(half.error().contains(u"cut short"_s), qPrintable(half.error()));
    }

    void scoresCountUniversalLabels()
    {
        const QList<ConlluSentence> gold = treebank();
        QList<ConlluSentence> parsed = gold;
        parsed[1].words[1].deprel = u"nsubj"_s; // for nsubj:pass: same universal relation
        parsed[0].words[2].deprel = u"iobj"_s;  // for obj
        parsed[0].words[0].head = 3;            // for 2
        const AttachmentScores scores = attachmentScores(parsed, gold);
        QCOMPARE(scores.rightHeads, 35);
        QCOMPARE(scores.rightHeadsAndLabels, 34);
    }
};

QTEST_GUILESS_MAIN(TestDependencyParser)
#include "tst_dependencyparser.moc"
