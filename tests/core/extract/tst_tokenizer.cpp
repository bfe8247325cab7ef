#include "core/extract/Tokenizer.h"

#include <QtTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

class TestTokenizer : public QObject
{
    Q_OBJECT

private:
    static QStringList words(const QString &text)
    {
        QStringList result;
        for (const Token &token : tokenize(text, 0, int(text.size())))
            result.append(token.text(text).toString());
        return result;
    }

private Q_SLOTS:
    void splitting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("plain") << u"Acme hired Jane."_s << QStringList{u"Acme"_s, u"hired"_s, u"Jane"_s, u"."_s};
        QTest::newRow("acronym with periods") << u"the U.S. market"_s << QStringList{u"the"_s, u"U.S."_s, u"market"_s};
        QTest::newRow("initials") << u"J.D. Vance and J. Smith"_s
                                  << QStringList{u"J.D."_s, u"Vance"_s, u"and"_s, u"J."_s, u"Smith"_s};
        QTest::newRow("title keeps its period apart") << u"Mr. Smith"_s << QStringList{u"Mr"_s, u"."_s, u"Smith"_s};
        QTest::newRow("possessive") << u"Nvidia’s chips and Acme's"_s
                                    << QStringList{u"Nvidia"_s, u"’s"_s, u"chips"_s, u"and"_s, u"Acme"_s, u"'s"_s};
        QTest::newRow("french elision") << u"l’Europe d'Airbus qu’il"_s
                                        << QStringList{u"l’"_s, u"Europe"_s, u"d'"_s, u"Airbus"_s, u"qu’"_s, u"il"_s};
        QTest::newRow("inner apostrophe") << u"O'Brien aujourd’hui"_s << QStringList{u"O'Brien"_s, u"aujourd’hui"_s};
        QTest::newRow("hyphen is a token") << u"Nvidia-provider"_s << QStringList{u"Nvidia"_s, u"-"_s, u"provider"_s};
        QTest::newRow("numbers") << u"18,000 GPUs cost 1.5 bn"_s
                                 << QStringList{u"18,000"_s, u"GPUs"_s, u"cost"_s, u"1.5"_s, u"bn"_s};
        QTest::newRow("ampersand") << u"AT&T and R&D"_s << QStringList{u"AT&T"_s, u"and"_s, u"R&D"_s};
        QTest::newRow("domain names") << u"Jet.com and Lemonde.fr grew. It ended.The end"_s
                                      << QStringList{u"Jet.com"_s, u"and"_s, u"Lemonde.fr"_s, u"grew"_s, u"."_s, u"It"_s,
                                                     u"ended"_s, u"."_s, u"The"_s, u"end"_s};
        QTest::newRow("model code") << u"GB200 chips"_s << QStringList{u"GB200"_s, u"chips"_s};
    }

    void splitting()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, tokens);
        QCOMPARE(words(text), tokens);
    }

    void shapes()
    {
        const QString text = u"NVIDIA iPhone Nvidia 2025 l’Europe"_s;
        const QList<Token> tokens = tokenize(text, 0, int(text.size()));
        QCOMPARE(tokens.size(), 6);
        QVERIFY(tokens[0].allCaps && tokens[0].capitalized);
        QVERIFY(tokens[1].mixedCase && !tokens[1].capitalized);
        QVERIFY(tokens[2].capitalized && !tokens[2].allCaps);
        QCOMPARE(tokens[3].kind, Token::Kind::Number);
        QVERIFY(tokens[4].elision);
        QVERIFY(!tokens[0].spaceBefore || tokens[0].start == 0);
        QVERIFY(tokens[1].spaceBefore);
    }

    void sentencesShareTheirFoldedWords()
    {
        // A long article has millions of tokens and few distinct words:
        // each word is folded and kept once, and a token takes 24 bytes.
        static_assert(sizeof(Token) <= 24);
        const QString text = u"Nvidia said Acme grew. NVIDIA and nvidia said so."_s;
        SentenceTokens copy;
        {
            const SentenceTokens tokens = tokenizeSentences(text, {{0, 22}, {23, int(text.size())}});
            QCOMPARE(tokens.size(), 2);
            QCOMPARE(tokens[0][0].folded(), u"nvidia"_s);
            QCOMPARE(tokens[1][2].folded(), u"nvidia"_s);
            QCOMPARE(&tokens[1][0].folded(), &tokens[0][0].folded());
            QCOMPARE(&tokens[1][2].folded(), &tokens[0][0].folded());
            QCOMPARE(&tokens[1][3].folded(), &tokens[0][1].folded()); // "said"
            copy = tokens;
        }
        // A copy keeps the words its tokens point to.
        QCOMPARE(copy[1][0].folded(), u"nvidia"_s);
        QCOMPARE(copy[0][2].folded(), u"acme"_s);
        // Tokens of tokenize() alone have no folded text.
        QVERIFY(tokenize(text, 0, 6).constFirst().folded().isEmpty());
    }

    void oneSentenceAtATime()
    {
        // SentenceTokenizer gives each sentence the tokens tokenizeSentences() does.
        const QString text = u"Nvidia said Acme grew. NVIDIA and nvidia said so. L’Europe suit."_s;
        const QList<Sentence> sentences{{0, 22}, {23, 49}, {50, int(text.size())}};
        const SentenceTokens all = tokenizeSentences(text, sentences);
        SentenceTokenizer tokenizer(text);
        for (qsizetype s = 0; s < sentences.size(); ++s) {
            const TokenSpan one = tokenizer.tokens(sentences[s]);
            QCOMPARE(one.size(), all[s].size());
            for (qsizetype t = 0; t < one.size(); ++t) {
                QCOMPARE(one[t].start, all[s][t].start);
                QCOMPARE(one[t].end, all[s][t].end);
                QCOMPARE(one[t].kind, all[s][t].kind);
                QCOMPARE(one[t].folded(), all[s][t].folded());
            }
        }
    }

    void rangeIsRespected()
    {
        const QString text = u"Alpha Beta Gamma"_s;
        const QList<Token> tokens = tokenize(text, 6, 10);
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens[0].text(text), u"Beta"_s);
        QCOMPARE(tokens[0].start, 6);
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
