#include "core/text/TextAnalyzer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

class TestTextAnalyzer : public QObject
{
    Q_OBJECT

private:
    std::optional<TextAnalyzer> m_analyzer;

    AnalyzedDocument analyze(const QString &text, const QString &title = {}, const QString &language = {})
    {
        Document document;
        document.text = text;
        document.title = title;
        document.language = language;
        return m_analyzer->analyze(document);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<TextAnalyzer> analyzer = TextAnalyzer::fromDirectory(u":/lexicon"_s);
        QVERIFY2(analyzer.ok(), qPrintable(analyzer.error()));
        m_analyzer.emplace(std::move(*analyzer));
    }

    void languageAndSentences()
    {
        const AnalyzedDocument result = analyze(u"M. Macron a parlé. Il a été très clair sur l’avenir."_s);
        QCOMPARE(result.document.language, u"fr"_s);
        QCOMPARE(result.sentences, (QList<Sentence>{{0, 18}, {19, 52}}));
    }

    void callerLanguageKept()
    {
        QCOMPARE(analyze(u"The deal is done and it is big."_s, {}, u"de"_s).document.language, u"de"_s);
    }

    void titleFromFirstSentence()
    {
        const AnalyzedDocument result = analyze(u"Nvidia  backs \t Mistral. The rest follows."_s);
        QCOMPARE(result.document.title, u"Nvidia backs Mistral."_s);
    }

    void existingTitleKept()
    {
        QCOMPARE(analyze(u"Body text here."_s, u"Real title"_s).document.title, u"Real title"_s);
    }

    void longTitleCapped()
    {
        QString sentence;
        for (int i = 0; sentence.size() < 400; ++i)
            sentence += u"word%1 "_s.arg(i);
        sentence += u"end."_s;
        const QString title = analyze(sentence).document.title;
        QVERIFY(title.size() <= 200);
        QVERIFY(title.endsWith(QChar(0x2026)));
        QVERIFY(sentence.startsWith(title.chopped(1)));
        QVERIFY(!title.chopped(1).endsWith(u' '));
    }

    void emptyText()
    {
        const AnalyzedDocument result = analyze(QString());
        QCOMPARE(result.document.language, u"und"_s);
        QVERIFY(result.sentences.isEmpty());
        QCOMPARE(result.document.title, QString());
    }

    void fromDirectoryError()
    {
        const Result<TextAnalyzer> analyzer = TextAnalyzer::fromDirectory(u"/no/such/lexicon"_s);
        QVERIFY(!analyzer.ok());
        QVERIFY(analyzer.error().contains(u"/no/such/lexicon"_s));
    }
};

QTEST_GUILESS_MAIN(TestTextAnalyzer)
#include "tst_textanalyzer.moc"
