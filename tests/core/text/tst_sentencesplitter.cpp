#include "core/text/SentenceSplitter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

namespace {

QStringList sentenceTexts(const QString &text, const QList<Sentence> &sentences)
{
    QStringList texts;
    for (const Sentence &sentence : sentences)
        texts.append(text.mid(sentence.start, sentence.length()));
    return texts;
}

// What every split must satisfy, whatever the text: sentences in order, not
// overlapping, non-empty, without surrounding whitespace, and together
// holding every non-whitespace character.
void verifyInvariants(const QString &text, const QList<Sentence> &sentences)
{
    int previousEnd = 0;
    for (const Sentence &sentence : sentences) {
        QVERIFY2(sentence.start >= previousEnd, qPrintable(u"sentence at %1 overlaps or is out of order"_s.arg(sentence.start)));
        QVERIFY(sentence.length() > 0);
        QVERIFY(sentence.end <= text.size());
        QVERIFY(!text[sentence.start].isSpace());
        QVERIFY(!text[sentence.end - 1].isSpace());
        for (int i = previousEnd; i < sentence.start; ++i)
            QVERIFY2(text[i].isSpace(), qPrintable(u"character %1 (%2) is in no sentence"_s.arg(i).arg(text[i])));
        previousEnd = sentence.end;
    }
    for (int i = previousEnd; i < text.size(); ++i)
        QVERIFY2(text[i].isSpace(), qPrintable(u"character %1 (%2) is in no sentence"_s.arg(i).arg(text[i])));
}

} // namespace

class TestSentenceSplitter : public QObject
{
    Q_OBJECT

private:
    SentenceSplitter m_splitter;

    void addCases();

private Q_SLOTS:
    void initTestCase()
    {
        Result<SentenceSplitter> splitter = SentenceSplitter::fromDirectory(u":/lexicon"_s);
        QVERIFY2(splitter.ok(), qPrintable(splitter.error()));
        m_splitter = std::move(*splitter);
        QVERIFY(m_splitter.abbreviations().neverFinal.contains(u"Mr"));
        QVERIFY(m_splitter.abbreviations().neverFinal.contains(u"Mme"));
        QVERIFY(m_splitter.abbreviations().maybeFinal.contains(u"U.S"));
        QVERIFY(m_splitter.abbreviations().maybeFinal.contains(u"av. J.-C"));
        QVERIFY(m_splitter.abbreviations().beforeNumber.contains(u"No"));
        QVERIFY(m_splitter.abbreviations().sentenceStarters.containsFolded(u"The"));
        QVERIFY(m_splitter.abbreviations().sentenceStarters.containsFolded(u"Il"));
    }

    void split_data() { addCases(); }

    void split()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const QList<Sentence> sentences = m_splitter.split(text);
        QCOMPARE(sentenceTexts(text, sentences), expected);
        verifyInvariants(text, sentences);
    }

    void offsetsAreUtf16Positions()
    {
        const QString text = u"  🟣 Emoji first.\u00a0Then “quotes”. "_s;
        const QList<Sentence> sentences = m_splitter.split(text);
        QCOMPARE(sentences, (QList<Sentence>{{2, 17}, {18, 32}}));
    }

    void veryLongToken()
    {
        const QString token(12000, u'X');
        const QString text = u"Start. "_s + token + u" end."_s;
        const QList<Sentence> sentences = m_splitter.split(text);
        verifyInvariants(text, sentences);
        QCOMPARE(sentences.first(), (Sentence{0, 6}));
        for (const Sentence &sentence : sentences)
            QVERIFY(sentence.length() <= SentenceSplitter::maxSentenceLength);
        QCOMPARE(sentences.size(), 4); // "Start.", 5000 X, 5000 X, "2000 X end."
    }

    void veryLongSentenceIsCutAtSpaces()
    {
        QString text;
        while (text.size() < 12000)
            text += u"word "_s;
        text += u"end."_s;
        const QList<Sentence> sentences = m_splitter.split(text);
        verifyInvariants(text, sentences);
        QCOMPARE(sentences.size(), 3);
        for (const Sentence &sentence : sentences) {
            QVERIFY(sentence.length() <= SentenceSplitter::maxSentenceLength);
            QVERIFY(sentence.end == text.size() || text[sentence.end].isSpace()); // never inside a word
        }
    }

    void surrogatePairsAreNotCut()
    {
        QString text;
        while (text.size() < 11000)
            text += u"🟣"_s;
        const QList<Sentence> sentences = m_splitter.split(text);
        verifyInvariants(text, sentences);
        for (const Sentence &sentence : sentences)
            QVERIFY(!text[sentence.start].isLowSurrogate());
    }

    void sampleArticles_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(NEWSGRAPH_SOURCE_DIR "/resources/corpus"));
        const QStringList files = dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 5);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }

    void sampleArticles()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QList<Sentence> sentences = m_splitter.split(text);
        QVERIFY(sentences.size() >= 10);
        verifyInvariants(text, sentences);
        // Each sentence is found at its own offsets, in order.
        qsizetype from = 0;
        for (const QString &sentence : sentenceTexts(text, sentences)) {
            const qsizetype at = text.indexOf(sentence, from);
            QVERIFY(at >= 0);
            from = at + sentence.size();
        }
    }

    void sampleArticleSentences_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("sentence");

        QTest::newRow("U.S. inside a sentence") << u"000_5c35d6a8fc930d2a.txt"_s
            << u"French president Emmanuel Macron expressed support for the partnership between the U.S. chipmaker Nvidia and French AI startup Mistral during a high-profile panel at the Viva Tech 2025 conference."_s;
        QTest::newRow("Mr. President") << u"000_5c35d6a8fc930d2a.txt"_s
            << u"“I told Mr. President that Arthur Mensch needs the support of the largest companies in France."_s;
        QTest::newRow("Co. (TSMC).") << u"000_5c35d6a8fc930d2a.txt"_s
            << u"Very few companies currently have the ability to manufacture this on a large-scale chief among them are Samsung, and Nvidia-provider Taiwan Semiconductor Manufacturing Co. (TSMC)."_s;
        QTest::newRow("headline line with a dated note") << u"000_5c35d6a8fc930d2a.txt"_s
            << u"READ: China disrupts AI market with DeepSeek: A better, cheaper version of ChatGPT? (January 27, 2025)"_s;
        QTest::newRow("ellipsis before lowercase") << u"000_5c35d6a8fc930d2a.txt"_s
            << u"The data of your country belongs to your country… like the land belongs to your country."_s;
        QTest::newRow("U.S. Vice President J.D. Vance") << u"002_cab1a3ddbb1d7a4b.txt"_s
            << u"\"European leaders just don't want to be talked to like that,\" he suggested, referring to comments made by U.S. Vice President J.D. Vance in February, who believes that America will dominate AI development and will remain in this role in the near future."_s;
        QTest::newRow("headline without punctuation") << u"003_61c3c699a1ef2dfe.txt"_s
            << u"Mistral compute, an ia European infrastructure"_s;
        QTest::newRow("French thousands with a space") << u"004_fb915d71e20cdf0d.txt"_s
            << u"« Mistral Compute » reposera sur 18 000 superpuces Nvidia de dernière génération du géant américain, Grace Blackwell, capables d’entraîner et de faire fonctionner des modèles d’IA très avancés."_s;
        QTest::newRow("French short line") << u"004_fb915d71e20cdf0d.txt"_s << u"Crédit photo : Instagram VivaTech"_s;
    }

    void sampleArticleSentences()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, sentence);
        QFile file(QStringLiteral(NEWSGRAPH_SOURCE_DIR "/resources/corpus/") + fileName);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QStringList sentences = sentenceTexts(text, m_splitter.split(text));
        QVERIFY2(sentences.contains(sentence), qPrintable(sentence));
    }

    void defaultConstructedSplitterStillSplits()
    {
        // Without data files only UAX #29 and the line rules apply.
        const SentenceSplitter plain;
        const QString text = u"One sentence. Another one!\nA headline\n\nA paragraph."_s;
        QCOMPARE(sentenceTexts(text, plain.split(text)),
                 (QStringList{u"One sentence."_s, u"Another one!"_s, u"A headline"_s, u"A paragraph."_s}));
    }

    void longRunsOfWhitespace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        // Each candidate boundary inside a run of whitespace is judged by the
        // text around the run: the run decides once for all of them.
        const QString blank(20000, u'\n');
        const QString spaces(3000, u' ');
        QTest::newRow("blank lines after a sentence")
            << u"Kelvar Dramon said so."_s + blank + u"Dramon left."_s
            << QStringList{u"Kelvar Dramon said so."_s, u"Dramon left."_s};
        QTest::newRow("blank lines around a headline")
            << blank + u"Prices fell"_s + blank + u"in March, Dramon said."_s + blank
            << QStringList{u"Prices fell"_s, u"in March, Dramon said."_s};
        QTest::newRow("spaces after an abbreviation") << u"Mr."_s + spaces + u"Dramon left."_s
                                                      << QStringList{u"Mr."_s + spaces + u"Dramon left."_s};
        QTest::newRow("spaces before lower case") << u"It rose 5 per cent."_s + spaces + u"and then fell."_s
                                                  << QStringList{u"It rose 5 per cent."_s + spaces + u"and then fell."_s};
        QTest::newRow("closing quote between runs")
            << u"“Stop."_s + spaces + u"”"_s + blank + u"Next one."_s
            << QStringList{u"“Stop."_s + spaces + u"”"_s, u"Next one."_s};
        QTest::newRow("runs of both") << u"One."_s + spaces + blank + spaces + u"Two."_s + blank + spaces + u"Three."_s
                                      << QStringList{u"One."_s, u"Two."_s, u"Three."_s};
    }

    void longRunsOfWhitespace()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const QList<Sentence> sentences = m_splitter.split(text);
        verifyInvariants(text, sentences);
        QCOMPARE(sentenceTexts(text, sentences), expected);
    }

    void fromDirectoryErrors()
    {
        const Result<SentenceSplitter> missing = SentenceSplitter::fromDirectory(u"/nonexistent/lexicon"_s);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(u"/nonexistent/lexicon"_s));
    }

    void throughput()
    {
        // 10 MB of news text must split at several MB/s; this guards against
        // accidental quadratic behaviour with a generous bound.
        QString corpus;
        const QDir dir(QStringLiteral(NEWSGRAPH_SOURCE_DIR "/resources/corpus"));
        for (const QString &name : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            corpus += QString::fromUtf8(file.readAll()) + u"\n\n"_s;
        }
        QString text;
        while (text.size() < 4 * 1024 * 1024)
            text += corpus;
        QElapsedTimer timer;
        timer.start();
        const QList<Sentence> sentences = m_splitter.split(text);
        const qint64 ms = timer.elapsed();
        qInfo("%lld characters, %lld sentences in %lld ms", qint64(text.size()), qint64(sentences.size()), ms);
        QVERIFY(sentences.size() > 10000);
        QVERIFY2(ms < 8000, "sentence splitting is far too slow");
    }
};

void TestSentenceSplitter::addCases()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    auto add = [](const char *name, const QString &text, const QStringList &expected) {
        QTest::newRow(name) << text << expected;
    };

    // Degenerate input
    add("empty", QString(), {});
    add("whitespace only", u"  \n\t\u00a0 \n\n  "_s, {});
    add("no final punctuation", u"No final punctuation here"_s, {u"No final punctuation here"_s});
    add("surrounding whitespace trimmed", u"  \n One. Two.  \n"_s, {u"One."_s, u"Two."_s});
    add("plain sentences", u"The deal was signed. It covers chips! Is it big? Yes."_s,
        {u"The deal was signed."_s, u"It covers chips!"_s, u"Is it big?"_s, u"Yes."_s});

    // English abbreviations and initials
    add("Mr. and Dr.", u"Mr. Smith met Dr. Jones. They talked."_s, {u"Mr. Smith met Dr. Jones."_s, u"They talked."_s});
    add("Mrs. Ms. Prof.", u"Mrs. Lee, Ms. Park and Prof. Kim spoke. The end."_s,
        {u"Mrs. Lee, Ms. Park and Prof. Kim spoke."_s, u"The end."_s});
    add("Sen. Gov. Gen.", u"Sen. Warren and Gov. Newsom met Gen. Milley. Nothing changed."_s,
        {u"Sen. Warren and Gov. Newsom met Gen. Milley."_s, u"Nothing changed."_s});
    add("St. as a saint", u"He lives in St. Louis. It is big."_s, {u"He lives in St. Louis."_s, u"It is big."_s});
    add("U.S. before a noun", u"U.S. Vice President J.D. Vance said so. Others disagreed."_s,
        {u"U.S. Vice President J.D. Vance said so."_s, u"Others disagreed."_s});
    add("U.S. at the end of a sentence", u"The chips were made in the U.S. The company is French."_s,
        {u"The chips were made in the U.S."_s, u"The company is French."_s});
    add("U.S. before a name", u"Its rival in the U.S. Nvidia grew."_s, {u"Its rival in the U.S. Nvidia grew."_s});
    add("U.K. before lowercase", u"The U.K. government agreed."_s, {u"The U.K. government agreed."_s});
    add("U.K. then It", u"She moved to the U.K. It rained."_s, {u"She moved to the U.K."_s, u"It rained."_s});
    add("Inc. inside", u"Apple Inc. and Microsoft Corp. signed a deal."_s, {u"Apple Inc. and Microsoft Corp. signed a deal."_s});
    add("Inc. at the end", u"She works for Acme Inc. The firm makes chips."_s,
        {u"She works for Acme Inc."_s, u"The firm makes chips."_s});
    add("Co. before a bracket", u"Taiwan Semiconductor Manufacturing Co. (TSMC) makes chips. Macron agreed."_s,
        {u"Taiwan Semiconductor Manufacturing Co. (TSMC) makes chips."_s, u"Macron agreed."_s});
    add("Jr. at the end", u"The speech was by Martin Luther King Jr. He spoke well."_s,
        {u"The speech was by Martin Luther King Jr."_s, u"He spoke well."_s});
    add("etc. then This", u"Chips, clouds, models etc. This matters."_s, {u"Chips, clouds, models etc."_s, u"This matters."_s});
    add("a.m. then The", u"It started at 9 a.m. The crowd was large."_s, {u"It started at 9 a.m."_s, u"The crowd was large."_s});
    add("a.m. then a day", u"It started at 9 a.m. Monday in Paris."_s, {u"It started at 9 a.m. Monday in Paris."_s});
    add("et al.", u"Smith et al. The study was large."_s, {u"Smith et al."_s, u"The study was large."_s});
    add("No. 5", u"He lives at No. 10 Downing Street. It is small."_s,
        {u"He lives at No. 10 Downing Street."_s, u"It is small."_s});
    add("No. as an answer", u"The answer was No. The vote failed."_s, {u"The answer was No."_s, u"The vote failed."_s});
    add("Nov. 12", u"It opened on Nov. 12 in Paris. Crowds came."_s, {u"It opened on Nov. 12 in Paris."_s, u"Crowds came."_s});
    add("single initial", u"The novel by George R. Martin sold well. It is long."_s,
        {u"The novel by George R. Martin sold well."_s, u"It is long."_s});
    add("initials with spaces", u"J. R. R. Tolkien wrote it. Fans agree."_s, {u"J. R. R. Tolkien wrote it."_s, u"Fans agree."_s});
    add("e.g. and i.e.", u"Some chips, e.g. GPUs, are fast. Others, i.e. CPUs, are not."_s,
        {u"Some chips, e.g. GPUs, are fast."_s, u"Others, i.e. CPUs, are not."_s});
    add("vs.", u"It was Nvidia vs. AMD. Nvidia won."_s, {u"It was Nvidia vs. AMD."_s, u"Nvidia won."_s});
    add("year at the end", u"It was founded in 2023. The founders are French."_s,
        {u"It was founded in 2023."_s, u"The founders are French."_s});
    add("abbreviation with a possessive", u"Apple Inc.'s profits rose. Good."_s, {u"Apple Inc.'s profits rose."_s, u"Good."_s});
    add("abbreviation before a hyphen", u"The U.S.-China talks began. China agreed."_s,
        {u"The U.S.-China talks began."_s, u"China agreed."_s});
    add("initials of two people", u"A. Smith and B. Jones met. Then they left."_s,
        {u"A. Smith and B. Jones met."_s, u"Then they left."_s});
    add("p. in brackets", u"He left (see p. 5). Then he came back."_s, {u"He left (see p. 5)."_s, u"Then he came back."_s});
    add("several spaces", u"Hello.   World."_s, {u"Hello."_s, u"World."_s});
    add("?! together", u"Really?! Yes."_s, {u"Really?!"_s, u"Yes."_s});
    add("dateline", u"Washington (AP) — The president spoke. Reporters listened."_s,
        {u"Washington (AP) — The president spoke."_s, u"Reporters listened."_s});
    add("domain name", u"Visit www.example.com today. It is free."_s, {u"Visit www.example.com today."_s, u"It is free."_s});

    // Numbers
    add("decimals", u"Prices rose 1.5 percent to $125.6 billion. Nvidia sold 18,000 chips."_s,
        {u"Prices rose 1.5 percent to $125.6 billion."_s, u"Nvidia sold 18,000 chips."_s});
    add("version numbers", u"Version 2.0.1 is out. It fixes bugs."_s, {u"Version 2.0.1 is out."_s, u"It fixes bugs."_s});
    add("European thousands", u"Il y a 18.000 puces et 18\u00a0000 serveurs. C'est beaucoup."_s,
        {u"Il y a 18.000 puces et 18\u00a0000 serveurs."_s, u"C'est beaucoup."_s});

    // Ellipses
    add("three dots before lowercase", u"He waited... and waited. Then he left."_s,
        {u"He waited... and waited."_s, u"Then he left."_s});
    add("three dots before a capital", u"It was over... The end came."_s, {u"It was over..."_s, u"The end came."_s});
    add("ellipsis before lowercase", u"The data belongs to your country… like the land. You know it."_s,
        {u"The data belongs to your country… like the land."_s, u"You know it."_s});
    add("ellipsis in quotes", u"“Wait…” He left."_s, {u"“Wait…”"_s, u"He left."_s});
    add("ellipsis before a capital", u"He hesitated… Then he left."_s, {u"He hesitated…"_s, u"Then he left."_s});

    // Quotes and brackets
    add("closing double quote", u"“It is done.” The minister left."_s, {u"“It is done.”"_s, u"The minister left."_s});
    add("question in quotes then lowercase", u"“Who are they?” he asked. Nobody knew."_s,
        {u"“Who are they?” he asked."_s, u"Nobody knew."_s});
    add("nested single quotes", u"He said, ‘Who are they? Let me call them.’ And he called them."_s,
        {u"He said, ‘Who are they?"_s, u"Let me call them.’"_s, u"And he called them."_s});
    add("straight quotes", u"\"We agree.\" The CEO smiled. \"Good,\" she said."_s,
        {u"\"We agree.\""_s, u"The CEO smiled."_s, u"\"Good,\" she said."_s});
    add("closing bracket", u"(This was expected.) The shares rose."_s, {u"(This was expected.)"_s, u"The shares rose."_s});
    add("exclamation then lowercase", u"“Stop!” shouted the guard. He ran."_s, {u"“Stop!” shouted the guard."_s, u"He ran."_s});
    add("dated note after a question", u"READ: Is it better? (January 27, 2025)\nNext story here."_s,
        {u"READ: Is it better? (January 27, 2025)"_s, u"Next story here."_s});
    add("source note after a sentence", u"Shares fell. (Reuters)"_s, {u"Shares fell. (Reuters)"_s});
    add("bracketed sentence is its own", u"Shares fell. (They rose later.)"_s, {u"Shares fell."_s, u"(They rose later.)"_s});

    // French
    add("M. and Mme", u"M. Macron a reçu Mme Dupont. Il était content."_s,
        {u"M. Macron a reçu Mme Dupont."_s, u"Il était content."_s});
    add("Mme. and Mlle.", u"Mme. Durand et Mlle. Petit sont là. Elles parlent."_s,
        {u"Mme. Durand et Mlle. Petit sont là."_s, u"Elles parlent."_s});
    add("Me and Pr", u"Me. Martin et Pr. Leroy ont signé. La séance est levée."_s,
        {u"Me. Martin et Pr. Leroy ont signé."_s, u"La séance est levée."_s});
    add("MM.", u"MM. Dupont et Durand sont arrivés. Ils ont parlé."_s,
        {u"MM. Dupont et Durand sont arrivés."_s, u"Ils ont parlé."_s});
    add("NBSP before question mark", u"Pourquoi\u00a0? Parce que c'est ainsi."_s, {u"Pourquoi\u00a0?"_s, u"Parce que c'est ainsi."_s});
    add("NNBSP before exclamation mark", u"Quelle surprise\u202f! Il est parti."_s, {u"Quelle surprise\u202f!"_s, u"Il est parti."_s});
    add("NBSP before colon and semicolon", u"Il a dit\u00a0: oui\u00a0; elle a dit\u00a0: non. Fin."_s,
        {u"Il a dit\u00a0: oui\u00a0; elle a dit\u00a0: non."_s, u"Fin."_s});
    add("guillemets with incise", u"« Viens\u00a0! » dit-il. Elle est venue."_s, {u"« Viens\u00a0! » dit-il."_s, u"Elle est venue."_s});
    add("guillemets closing a sentence", u"Il a dit\u00a0: « C'est fini. » Puis il est parti."_s,
        {u"Il a dit\u00a0: « C'est fini. »"_s, u"Puis il est parti."_s});
    add("guillemets with plain spaces", u"« Nous y sommes. » La salle applaudit."_s, {u"« Nous y sommes. »"_s, u"La salle applaudit."_s});
    add("av. J.-C. then Il", u"César est mort en 44 av. J.-C. Il avait 55 ans."_s,
        {u"César est mort en 44 av. J.-C."_s, u"Il avait 55 ans."_s});
    add("av. J.-C. then a name", u"Né en 100 av. J.-C. César devint consul."_s, {u"Né en 100 av. J.-C. César devint consul."_s});
    add("etc. then Le", u"Des puces, des serveurs, etc. Le marché est vaste."_s,
        {u"Des puces, des serveurs, etc."_s, u"Le marché est vaste."_s});
    add("etc. then elided starter", u"Des puces, etc. L’Europe investit."_s, {u"Des puces, etc."_s, u"L’Europe investit."_s});
    add("p. ex.", u"Des géants, p. ex. Google, dominent. C'est ainsi."_s,
        {u"Des géants, p. ex. Google, dominent."_s, u"C'est ainsi."_s});
    add("p.ex.", u"Des géants, p.ex. Google, dominent."_s, {u"Des géants, p.ex. Google, dominent."_s});
    add("French ellipsis", u"Il hésite… Puis il part. Il hésite… puis il revient."_s,
        {u"Il hésite…"_s, u"Puis il part."_s, u"Il hésite… puis il revient."_s});
    add("Cie.", u"Il travaille chez Dupont et Cie. La société est ancienne."_s,
        {u"Il travaille chez Dupont et Cie."_s, u"La société est ancienne."_s});
    add("U.E.", u"C'est l'U.E. qui décide, pas l'U.E. Elle suit."_s, {u"C'est l'U.E. qui décide, pas l'U.E."_s, u"Elle suit."_s});
    add("guillemets after a question", u"Qu’en pensez-vous ? « Rien », répond-il."_s,
        {u"Qu’en pensez-vous ?"_s, u"« Rien », répond-il."_s});
    add("n° and p.", u"Voir l'article n° 5, p. 12 du rapport. C'est clair."_s,
        {u"Voir l'article n° 5, p. 12 du rapport."_s, u"C'est clair."_s});

    // Line structure
    add("headline without punctuation", u"Nvidia backs Mistral\nThe deal was signed on Monday."_s,
        {u"Nvidia backs Mistral"_s, u"The deal was signed on Monday."_s});
    add("blank line ends a sentence", u"First paragraph without an end\n\nSecond paragraph."_s,
        {u"First paragraph without an end"_s, u"Second paragraph."_s});
    add("blank line after an abbreviation", u"He met Mr.\n\nSmith came later."_s, {u"He met Mr."_s, u"Smith came later."_s});
    add("one line per paragraph", u"Line one ends here.\nLine two starts here.\nline three is lowercase."_s,
        {u"Line one ends here."_s, u"Line two starts here."_s, u"line three is lowercase."_s});
    add("lines of different lengths are not wrapping",
        u"Mistral compute, an ia European infrastructure\nEmmanuel Macron is also aware of this. For some time now, he has openly displayed his intention to position France in this race.\nA strategic turning point\nAdmittedly, the equipment is provided by an American company."_s,
        {u"Mistral compute, an ia European infrastructure"_s, u"Emmanuel Macron is also aware of this."_s,
         u"For some time now, he has openly displayed his intention to position France in this race."_s,
         u"A strategic turning point"_s, u"Admittedly, the equipment is provided by an American company."_s});
    add("single wrapped line continuing in lowercase",
        u"The president said that the company would build\nnew data centres in France."_s,
        {u"The president said that the company would build\nnew data centres in France."_s});
    add("hard-wrapped paragraphs",
        u"Mistral compute\n\n"
        u"The French startup Mistral has established itself as the champion of\n"
        u"generative artificial intelligence in France, and even in Europe. It\n"
        u"recently announced a partnership with Nvidia to build a sovereign AI\n"
        u"cloud platform. The deal was signed by Arthur Mensch and Jensen Huang\n"
        u"at VivaTech in Paris.\n"
        u"A short line\n\n"
        u"Mr. Macron said the U.S. giant would supply 18,000 chips to Mistral\n"
        u"AI, which is based in Paris.\n"_s,
        {u"Mistral compute"_s,
         u"The French startup Mistral has established itself as the champion of\ngenerative artificial intelligence in France, and even in Europe."_s,
         u"It\nrecently announced a partnership with Nvidia to build a sovereign AI\ncloud platform."_s,
         u"The deal was signed by Arthur Mensch and Jensen Huang\nat VivaTech in Paris."_s,
         u"A short line"_s,
         u"Mr. Macron said the U.S. giant would supply 18,000 chips to Mistral\nAI, which is based in Paris."_s});
    add("list items", u"Key points:\n- Nvidia supplies chips\n- Mistral runs the cloud\n\nThat is all."_s,
        {u"Key points:"_s, u"- Nvidia supplies chips"_s, u"- Mistral runs the cloud"_s, u"That is all."_s});
    add("numbered list", u"Steps:\n1. Build the cloud.\n2. Sell it.\n10. Profit"_s,
        {u"Steps:"_s, u"1. Build the cloud."_s, u"2. Sell it."_s, u"10. Profit"_s});
    add("many blank lines", u"Title\n\n\n\nBody"_s, {u"Title"_s, u"Body"_s});
    add("paragraph separator", u"One\u2029Two"_s, {u"One"_s, u"Two"_s});
    add("CRLF line ends", u"Headline here\r\nThe text follows.\r\n\r\nNext paragraph."_s,
        {u"Headline here"_s, u"The text follows."_s, u"Next paragraph."_s});
}

QTEST_GUILESS_MAIN(TestSentenceSplitter)
#include "tst_sentencesplitter.moc"
