#include "core/syntax/FineTags.h"

#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

ConlluWord word(const QString &upos, const QString &feats)
{
    ConlluWord result;
    result.form = u"x"_s;
    result.upos = upos;
    result.feats = feats;
    return result;
}

} // namespace

class TestFineTags : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagsCarryTheChosenFeatures()
    {
        const Result<FineTags> tags = FineTags::fromSpecification(u"VerbForm,Number@NOUN+PRON"_s);
        QVERIFY2(tags.ok(), qPrintable(tags.error()));
        QCOMPARE(tags->specification(), u"Number@NOUN+PRON,VerbForm"_s); // sorted, as FEATS are
        QCOMPARE(tags->tagOf(word(u"VERB"_s, u"Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part"_s)),
                 u"VERB|VerbForm=Part"_s);
        QCOMPARE(tags->tagOf(word(u"NOUN"_s, u"Gender=Masc|Number=Plur"_s)), u"NOUN|Number=Plur"_s);
        QCOMPARE(tags->tagOf(word(u"PRON"_s, u"Number=Sing|Person=3|VerbForm=Fin"_s)),
                 u"PRON|Number=Sing|VerbForm=Fin"_s);
        QCOMPARE(tags->tagOf(word(u"ADJ"_s, u"Number=Plur"_s)), u"ADJ"_s);
        QCOMPARE(tags->tagOf(word(u"ADP"_s, u"_"_s)), u"ADP"_s);

        const Result<FineTags> none = FineTags::fromSpecification(QString());
        QVERIFY(none.ok() && none->isEmpty());
        QCOMPARE(none->tagOf(word(u"VERB"_s, u"VerbForm=Fin"_s)), u"VERB"_s);
    }

    void aTagSplitsBackIntoUposAndFeats()
    {
        ConlluWord analysed = word(QString(), QString());
        FineTags::apply(u"PRON|Number=Sing|VerbForm=Fin"_s, analysed);
        QCOMPARE(analysed.upos, u"PRON"_s);
        QCOMPARE(analysed.feats, u"Number=Sing|VerbForm=Fin"_s);
        FineTags::apply(u"ADP"_s, analysed);
        QCOMPARE(analysed.upos, u"ADP"_s);
        QVERIFY(analysed.feats.isEmpty());
    }

    void badSpecificationsAreRefused_data()
    {
        QTest::addColumn<QString>("specification");
        QTest::newRow("no tags after @") << u"Number@"_s;
        QTest::newRow("not a name") << u"Verb Form"_s;
        QTest::newRow("value given") << u"VerbForm=Fin"_s;
    }

    void badSpecificationsAreRefused()
    {
        QFETCH(QString, specification);
        const Result<FineTags> tags = FineTags::fromSpecification(specification);
        QVERIFY(!tags.ok());
        QVERIFY2(tags.error().contains(u"is not a feature for tags"_s), qPrintable(tags.error()));
    }

    void readsBackWhatItWrote()
    {
        const FineTags tags = FineTags::fromSpecification(u"VerbForm,Number@NOUN+PRON"_s).value();
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            tags.write(out);
        }
        QDataStream in(bytes);
        const Result<FineTags> read = FineTags::read(in);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QCOMPARE(read->specification(), tags.specification());
        QDataStream cut(bytes.left(3));
        QVERIFY(!FineTags::read(cut).ok());
    }
};

QTEST_GUILESS_MAIN(TestFineTags)
#include "tst_finetags.moc"
