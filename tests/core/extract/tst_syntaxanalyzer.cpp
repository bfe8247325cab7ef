#include "core/extract/SyntaxAnalyzer.h"

#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

// The bundled models on news sentences written for this test (actors made
// up, none from the sample corpus): the arcs the relation rules will stand
// on, subjects and objects above all, must come out right.
class TestSyntaxAnalyzer : public QObject
{
    Q_OBJECT

    SyntaxAnalyzer m_analyzer;

    SentenceSyntax analyse(const QString &text, const QString &language) const
    {
        return m_analyzer.analyse(text, Sentence{0, int(text.size())}, language);
    }

    // The word whose form is `form` (the first one), 1-based; 0 if none.
    static int wordId(const ConlluSentence &sentence, const QString &form)
    {
        for (qsizetype i = 0; i < sentence.words.size(); ++i) {
            if (sentence.words.at(i).form == form)
                return int(i) + 1;
        }
        return 0;
    }

    // "dependent <-relation- head", checked by form; the relation compared
    // in full ("nsubj:pass" is not "nsubj").
    static bool hasArc(const ConlluSentence &sentence, const QString &head, const QString &relation,
                       const QString &dependent)
    {
        const int d = wordId(sentence, dependent);
        if (d == 0)
            return false;
        const ConlluWord &word = sentence.words.at(d - 1);
        const int h = head.isEmpty() ? 0 : wordId(sentence, head);
        return word.head == h && word.deprel == relation;
    }

    static QByteArray describe(const ConlluSentence &sentence)
    {
        return toConllu(sentence).toUtf8();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<SyntaxAnalyzer> bundled = SyntaxAnalyzer::fromDirectory(u":/models"_s);
        QVERIFY2(bundled.ok(), qPrintable(bundled.error()));
        m_analyzer = std::move(bundled).value();
        QVERIFY(m_analyzer.model(u"en"_s));
        QVERIFY(m_analyzer.model(u"fr"_s));
        QVERIFY(!m_analyzer.model(u"de"_s));
        QVERIFY(m_analyzer.model(u"fr"_s)->attribution.contains(u"Universal Dependencies"_s));
    }

    void parsesNews_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("arcs"); // "head relation dependent"; "- root word"
        QTest::newRow("reported acquisition")
            << u"en"_s << u"Haldor Shipping said on Tuesday it would buy the ferry operator Fjordline."_s
            << QStringList{u"- root said"_s, u"said nsubj Haldor"_s, u"said ccomp buy"_s, u"buy nsubj it"_s,
                           u"buy obj operator"_s, u"Haldor flat Shipping"_s};
        QTest::newRow("passive with agent")
            << u"en"_s << u"The contract was awarded to Brenner Rail by the city council."_s
            << QStringList{u"awarded nsubj:pass contract"_s, u"awarded aux:pass was"_s,
                           u"awarded obl:agent council"_s};
        QTest::newRow("apposition with title")
            << u"en"_s << u"Marta Velasco, the chief executive of Oriel Bank, resigned on Friday."_s
            << QStringList{u"resigned nsubj Marta"_s, u"Marta appos executive"_s, u"executive nmod Bank"_s};
        QTest::newRow("contraction")
            << u"en"_s << u"Shareholders of Corvan don't expect a merger with Telmark."_s
            << QStringList{u"expect nsubj Shareholders"_s, u"expect aux do"_s, u"expect advmod n't"_s,
                           u"expect obj merger"_s};
        QTest::newRow("rachat")
            << u"fr"_s << u"Le groupe ferroviaire Alvéo a racheté le constructeur italien Ferrotec."_s
            << QStringList{u"- root racheté"_s, u"racheté nsubj groupe"_s, u"racheté obj constructeur"_s,
                           u"racheté aux:tense a"_s, u"constructeur amod italien"_s};
        QTest::newRow("passif, élision")
            << u"fr"_s << u"Selon la direction, l’usine de Brissac sera fermée en mars."_s
            << QStringList{u"fermée nsubj:pass usine"_s, u"fermée aux:pass sera"_s, u"usine det l'"_s,
                           u"usine nmod Brissac"_s};
    }

    void parsesNews()
    {
        QFETCH(QString, language);
        QFETCH(QString, text);
        QFETCH(QStringList, arcs);
        const SentenceSyntax syntax = analyse(text, language);
        for (const QString &arc : std::as_const(arcs)) {
            const QStringList parts = arc.split(u' ');
            QVERIFY2(hasArc(syntax.words, parts.at(0) == u"-"_s ? QString() : parts.at(0), parts.at(1), parts.at(2)),
                     qPrintable(arc + u"\n"_s + toConllu(syntax.words)));
        }
    }

    void mapsWordsBackToTheText()
    {
        // Sentence offsets inside a longer text; words split from one token
        // ("du" = "de le", "don't" = "do n't") lead back to it.
        const QString text = u"Titre. Le prix du blé a monté."_s;
        const Sentence sentence{7, int(text.size())};
        const SentenceSyntax syntax = m_analyzer.analyse(text, sentence, u"fr"_s);
        QCOMPARE(syntax.words.forms(),
                 (QStringList{u"Le"_s, u"prix"_s, u"de"_s, u"le"_s, u"blé"_s, u"a"_s, u"monté"_s, u"."_s}));
        QCOMPARE(syntax.tokenOfWord, (QList<int>{0, 1, 2, 2, 3, 4, 5, 6}));
        const Token &du = syntax.tokens.at(syntax.tokenOfWord.at(2));
        QCOMPARE(du.text(text), u"du"_s);
        QCOMPARE(syntax.words.multiwords.size(), 1);
        QCOMPARE(syntax.words.multiwords.first().form, u"du"_s);

        const SentenceSyntax english = analyse(u"They won’t sell Arlo’s stake."_s, u"en"_s);
        QCOMPARE(english.words.forms(),
                 (QStringList{u"They"_s, u"wo"_s, u"n't"_s, u"sell"_s, u"Arlo"_s, u"'s"_s, u"stake"_s, u"."_s}));
        QCOMPARE(english.words.words.at(5).upos, u"PART"_s);
        QVERIFY2(hasArc(english.words, u"Arlo"_s, u"case"_s, u"'s"_s), describe(english.words).constData());
    }

    void tagsTheFirstTokenWithoutParsing()
    {
        // The tag a full analysis gives the first word, the first word's
        // where a token holds several ("du" = "de le": ADP).
        const QString text = u"Titre. Le prix du blé a monté."_s;
        const QList<Token> tokens = tokenize(text, 7, int(text.size()));
        const SentenceSyntax syntax = m_analyzer.analyse(text, Sentence{7, int(text.size())}, u"fr"_s);
        QCOMPARE(m_analyzer.firstPartOfSpeech(text, tokens, u"fr"_s), syntax.words.words.at(0).upos);
        QCOMPARE(m_analyzer.firstPartOfSpeech(text, TokenSpan(tokens.data() + 2, 3), u"fr"_s), u"ADP"_s);
        // A capitalised first word: a noun, or a name the tagger never saw.
        const QString news = u"Fighting continued near the border. Quenmark opened two stores."_s;
        const QList<Token> fighting = tokenize(news, 0, 35);
        QCOMPARE(m_analyzer.firstPartOfSpeech(news, fighting, u"en"_s), u"NOUN"_s);
        const QList<Token> quenmark = tokenize(news, 36, int(news.size()));
        QCOMPARE(m_analyzer.firstPartOfSpeech(news, quenmark, u"en"_s), u"PROPN"_s);
        // No model, or no tokens: no tag.
        QVERIFY(m_analyzer.firstPartOfSpeech(news, quenmark, u"de"_s).isEmpty());
        QVERIFY(m_analyzer.firstPartOfSpeech(news, TokenSpan(), u"en"_s).isEmpty());
    }

    void leavesOtherLanguagesAlone()
    {
        const SentenceSyntax syntax = analyse(u"Die Firma kauft Aktien."_s, u"de"_s);
        QCOMPARE(syntax.tokens.size(), 5);
        QVERIFY(syntax.words.words.isEmpty());
    }

    void refusesAMissingModelByName()
    {
        const Result<SyntaxAnalyzer> missing = SyntaxAnalyzer::fromDirectory(u":/models"_s, {u"en"_s, u"xx"_s});
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(u"xx.model"_s), qPrintable(missing.error()));
        // The models are read side by side; the first asked for that
        // cannot be read is the one named.
        const Result<SyntaxAnalyzer> both = SyntaxAnalyzer::fromDirectory(u":/models"_s, {u"yy"_s, u"en"_s, u"xx"_s});
        QVERIFY(!both.ok());
        QVERIFY2(both.error().contains(u"yy.model"_s), qPrintable(both.error()));
    }
};

QTEST_GUILESS_MAIN(TestSyntaxAnalyzer)
#include "tst_syntaxanalyzer.moc"
