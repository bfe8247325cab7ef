// The progress line of newsgraph-cli's long runs: what it says at each
// stage of a run, and how it redraws itself on a terminal.

#include "app/cli/ProgressLine.h"

#include <QTest>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

class TestProgressLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durationsReadAsPeopleSayThem_data()
    {
        QTest::addColumn<qint64>("milliseconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("instant") << qint64(120) << u"< 1 s"_s;
        QTest::newRow("seconds") << qint64(41'600) << u"42 s"_s;
        QTest::newRow("minutes") << qint64(185'000) << u"3 min 05 s"_s;
        QTest::newRow("hours") << qint64(3'720'000) << u"1 h 02 min"_s;
    }
    void durationsReadAsPeopleSayThem()
    {
        QFETCH(qint64, milliseconds);
        QFETCH(QString, text);
        QCOMPARE(readableDuration(milliseconds), text);
    }

    void textAtEachStage()
    {
        // Too early for a rate: the count, the share and the file.
        QCOMPARE(progressText(1, 2000, 100, u"a.txt"_s), u"   1/2000 files   0%  a.txt"_s);
        // 120 files in 10 s: 12 a second, 1,880 to go in 157 s.
        QCOMPARE(progressText(120, 2000, 10'000, u"b.txt"_s), u" 120/2000 files   6%  12 files/s  ETA 2 min 37 s  b.txt"_s);
        QCOMPARE(progressText(3, 10, 1'000, u"c.txt"_s), u" 3/10 files  30%  3.0 files/s  ETA 2 s  c.txt"_s);
        // Every file read: what is left is storing.
        QCOMPARE(progressText(10, 10, 2'000, u"d.txt"_s), u"10/10 files 100%  5.0 files/s  storing"_s);
        // A long file name is cut to the width.
        const QString cut = progressText(3, 10, 100, QString(200, u'x'), 60);
        QCOMPARE(cut.size(), 60);
        QVERIFY(cut.endsWith(u'…'));
        // Nonsense in, sense out.
        QCOMPARE(progressText(5, 0, 0, QString()), u"1/1 files 100%  storing"_s);
    }

    void redrawsInPlaceAndEndsTheLine()
    {
        QString written;
        QTextStream stream(&written);
        ProgressLine line(stream);
        line.update(1, 3, u"a-long-file-name.txt"_s);
        line.update(2, 3, u"b.txt"_s); // within the redraw interval: skipped
        line.update(3, 3, u"c.txt"_s); // the last is always drawn
        line.finish();
        const QStringList draws = written.split(u'\r', Qt::SkipEmptyParts);
        QCOMPARE(draws.size(), 2);
        QVERIFY2(draws.at(0).startsWith(u"1/3 files"_s), qPrintable(written));
        // The shorter last line blanks what the longer first one left.
        QVERIFY2(draws.at(1).startsWith(u"3/3 files 100%"_s), qPrintable(written));
        QCOMPARE(draws.at(1).size(), draws.at(0).size() + 1); // padded, then the newline
        QVERIFY(written.endsWith(u'\n'));
        // Nothing drawn, nothing to end.
        QString none;
        QTextStream quiet(&none);
        ProgressLine unused(quiet);
        unused.finish();
        QVERIFY(none.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProgressLine)
#include "tst_progressline.moc"
