#include "core/store/RowIdMap.h"

#include <QDate>
#include <QTest>

using namespace NewsGraph;

class TestRowIdMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersAsAHashWould_data()
    {
        QTest::addColumn<qint64>("largestId");
        QTest::addColumn<qsizetype>("rows");
        QTest::addColumn<QList<qint64>>("ids");
        // Row ids as a table read whole has them, and the shapes a vector
        // indexed by id cannot hold: ids far beyond the rows (a table most
        // of whose rows were deleted), ids beyond what expect() was told,
        // negative ids, and a map never told anything.
        QTest::newRow("dense") << qint64(6) << qsizetype(6) << QList<qint64>{1, 2, 3, 4, 5, 6};
        QTest::newRow("with gaps") << qint64(40) << qsizetype(5) << QList<qint64>{3, 9, 17, 38, 40};
        QTest::newRow("sparse")
            << qint64(9'000'000'000) << qsizetype(3) << QList<qint64>{7, 123'456'789, 9'000'000'000};
        QTest::newRow("beyond the largest told") << qint64(4) << qsizetype(4) << QList<qint64>{1, 4, 5, 100'000};
        QTest::newRow("negative") << qint64(3) << qsizetype(3) << QList<qint64>{-5, 0, 3};
        QTest::newRow("never told") << qint64(-1) << qsizetype(0) << QList<qint64>{2, 1, 8};
    }

    void answersAsAHashWould()
    {
        QFETCH(qint64, largestId);
        QFETCH(qsizetype, rows);
        QFETCH(QList<qint64>, ids);

        RowIdMap<QDate> map;
        if (largestId >= 0)
            map.expect(largestId, rows);
        QHash<qint64, QDate> reference;
        for (const qint64 id : ids) {
            const QDate date = QDate(2000, 1, 1).addDays(id % 10'000);
            map.insert(id, date);
            reference.insert(id, date);
        }
        // A value replaced is replaced.
        map.insert(ids.first(), QDate(1999, 12, 31));
        reference.insert(ids.first(), QDate(1999, 12, 31));

        for (const qint64 id : ids) {
            QVERIFY(map.contains(id));
            QCOMPARE(map.value(id), reference.value(id));
            QCOMPARE(*map.find(id), reference.value(id));
        }
        for (const qint64 absent : {qint64(-1), qint64(0), qint64(5), qint64(39), qint64(1'000'000)}) {
            if (reference.contains(absent))
                continue;
            QVERIFY(!map.contains(absent));
            QVERIFY(map.find(absent) == nullptr);
            QCOMPARE(map.value(absent, QDate(1970, 1, 1)), QDate(1970, 1, 1));
        }
    }

    void expectStartsAfresh()
    {
        RowIdMap<int> map;
        map.insert(3, 30);
        map.expect(10, 10);
        QVERIFY(!map.contains(3));
        map.insert(3, 31);
        QCOMPARE(map.value(3), 31);
    }
};

QTEST_APPLESS_MAIN(TestRowIdMap)
#include "tst_rowidmap.moc"
