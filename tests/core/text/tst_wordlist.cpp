#include "core/text/WordList.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace NewsGraph;

class TestWordList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseEntries()
    {
        const QString text = u"# a comment\n\n  the  \nl'\nÉtat # trailing comment\n\t\n[section]\nU.S\n"_s;
        QCOMPARE(WordList::parseEntries(text), (QStringList{u"the"_s, u"l'"_s, u"État"_s, u"[section]"_s, u"U.S"_s}));
    }

    void lookups()
    {
        const WordList list({u"the"_s, u"État"_s, u"U.S"_s});
        QCOMPARE(list.size(), 3);
        QVERIFY(list.contains(u"the"));
        QVERIFY(!list.contains(u"The"));
        QVERIFY(list.containsFolded(u"The"));
        QVERIFY(list.containsFolded(u"THE"));
        QVERIFY(list.containsFolded(u"état"));
        QVERIFY(list.contains(u"U.S"));
        QVERIFY(!list.contains(u"U.K"));
        QCOMPARE(list.entries(), (QStringList{u"U.S"_s, u"the"_s, u"État"_s}));
    }

    void insertAndUnite()
    {
        WordList a({u"le"_s});
        a.insert(u"la"_s);
        a.insert(QString()); // ignored
        WordList b({u"les"_s, u"le"_s});
        a.unite(b);
        QCOMPARE(a.entries(), (QStringList{u"la"_s, u"le"_s, u"les"_s}));
        QVERIFY(a.containsFolded(u"LES"));
        QVERIFY(WordList().isEmpty());
    }

    void fromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"words.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# words\r\nun\r\nune\r\n\r\nd\xe2\x80\x99\r\n");
        file.close();
        const Result<WordList> list = WordList::fromFile(path);
        QVERIFY2(list.ok(), qPrintable(list.error()));
        QCOMPARE(list->entries(), (QStringList{u"d’"_s, u"un"_s, u"une"_s}));

        const Result<WordList> missing = WordList::fromFile(dir.filePath(u"missing.txt"_s));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(u"missing.txt"_s));
    }

    void bundledListsLoad()
    {
        for (const QString &name : {u"stopwords-en.txt"_s, u"stopwords-fr.txt"_s}) {
            const Result<WordList> list = WordList::fromFile(u":/lexicon/"_s + name);
            QVERIFY2(list.ok(), qPrintable(list.error()));
            QVERIFY2(list->size() >= 150, qPrintable(name));
            for (const QString &entry : list->entries())
                QCOMPARE(entry, entry.toLower());
        }
    }
};

QTEST_GUILESS_MAIN(TestWordList)
#include "tst_wordlist.moc"
