#include "core/text/LanguageDetector.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

class TestLanguageDetector : public QObject
{
    Q_OBJECT

private:
    LanguageDetector m_detector;

private Q_SLOTS:
    void initTestCase()
    {
        Result<LanguageDetector> detector = LanguageDetector::fromDirectory(u":/lexicon"_s);
        QVERIFY2(detector.ok(), qPrintable(detector.error()));
        m_detector = std::move(*detector);
        QCOMPARE(m_detector.languages(), (QStringList{u"en"_s, u"fr"_s}));
    }

    void sampleArticles_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("language");

        QTest::newRow("000 English") << u"000_5c35d6a8fc930d2a.txt"_s << u"en"_s;
        QTest::newRow("001 English") << u"001_11033a9dda0c73fa.txt"_s << u"en"_s;
        QTest::newRow("002 English") << u"002_cab1a3ddbb1d7a4b.txt"_s << u"en"_s;
        QTest::newRow("003 English machine-translated from French") << u"003_61c3c699a1ef2dfe.txt"_s << u"en"_s;
        QTest::newRow("004 French") << u"004_fb915d71e20cdf0d.txt"_s << u"fr"_s;
    }

    void sampleArticles()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, language);
        QFile file(QStringLiteral(NEWSGRAPH_SOURCE_DIR "/resources/corpus/") + fileName);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(m_detector.detect(QString::fromUtf8(file.readAll())), language);
    }

    void shortTexts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("language");

        QTest::newRow("en sentence") << u"The company said it would build a new plant in France."_s << u"en"_s;
        QTest::newRow("en question") << u"Why did they choose Nvidia for this project?"_s << u"en"_s;
        QTest::newRow("en headline-like") << u"Macron wants Europe to lead in artificial intelligence"_s << u"en"_s;
        QTest::newRow("en with contractions") << u"It’s not what we’re doing, and they don’t know it."_s << u"en"_s;
        QTest::newRow("en shouting") << u"THE PRESIDENT SAID THAT THE DEAL WAS DONE"_s << u"en"_s;
        QTest::newRow("fr sentence") << u"Le président a annoncé un nouveau plan pour l'industrie."_s << u"fr"_s;
        QTest::newRow("fr elisions with ’") << u"L’objectif est d’investir dans l’intelligence artificielle qu’il défend."_s << u"fr"_s;
        QTest::newRow("fr question") << u"Pourquoi la France veut-elle produire ses propres puces ?"_s << u"fr"_s;
        QTest::newRow("fr without accents") << u"Il a dit que les donnees seront hebergees en Europe."_s << u"fr"_s;
        QTest::newRow("fr decomposed accents") << u"Elle a e\u0301te\u0301 la premie\u0300re a\u0300 le dire."_s << u"fr"_s;
    }

    void shortTexts()
    {
        QFETCH(QString, text);
        QFETCH(QString, language);
        QCOMPARE(m_detector.detect(text), language);
    }

    void undetermined_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("empty") << QString();
        QTest::newRow("whitespace") << u" \n\t "_s;
        QTest::newRow("numbers") << u"2025-06-12 18 000 1.5 $125.6 109"_s;
        QTest::newRow("symbols") << u"— … «» ★ → ✓ 🟣 #@%"_s;
        QTest::newRow("names only") << u"Nvidia Mistral Macron Huang Mensch"_s;
        QTest::newRow("one function word") << u"The Nvidia"_s;
        QTest::newRow("Cyrillic") << u"Президент Франции поддержал сотрудничество компаний."_s;
        QTest::newRow("Greek") << u"Ο πρόεδρος της Γαλλίας στήριξε τη συνεργασία."_s;
        QTest::newRow("Chinese") << u"法国总统支持这两家公司之间的合作。"_s;
        QTest::newRow("German") << u"Der französische Präsident unterstützt die Zusammenarbeit der beiden Unternehmen mit großer Begeisterung."_s;
        QTest::newRow("words shared by both lists") << u"a on me"_s;
    }

    void undetermined()
    {
        QFETCH(QString, text);
        QCOMPARE(m_detector.detect(text), u"und"_s);
    }

    void customLists()
    {
        QHash<QString, WordList> lists;
        lists.insert(u"de"_s, WordList({u"der"_s, u"die"_s, u"das"_s, u"und"_s, u"ist"_s}));
        lists.insert(u"en"_s, WordList({u"the"_s, u"and"_s, u"is"_s}));
        const LanguageDetector detector(lists);
        QCOMPARE(detector.languages(), (QStringList{u"de"_s, u"en"_s}));
        QCOMPARE(detector.detect(u"Die Firma ist groß und der Plan ist gut."), u"de"_s);
        QCOMPARE(detector.detect(u"The plan is good and the firm is big."), u"en"_s);
        QCOMPARE(LanguageDetector().detect(u"The plan is good."), u"und"_s);
    }

    void fromDirectoryErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result<LanguageDetector> none = LanguageDetector::fromDirectory(dir.path());
        QVERIFY(!none.ok());
        QVERIFY(none.error().contains(dir.path()));

        QFile file(dir.filePath(u"stopwords-it.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("il\nla\nche\ndi\ne\n");
        file.close();
        const Result<LanguageDetector> italian = LanguageDetector::fromDirectory(dir.path());
        QVERIFY2(italian.ok(), qPrintable(italian.error()));
        QCOMPARE(italian->languages(), QStringList{u"it"_s});
        QCOMPARE(italian->detect(u"Il presidente di la Francia e il capo che parla"), u"it"_s);
    }
};

QTEST_GUILESS_MAIN(TestLanguageDetector)
#include "tst_languagedetector.moc"
