#include "GuiTestSupport.h"

#include "app/gui/EntitySelection.h"
#include "app/gui/EntityTableModel.h"
#include "app/gui/GraphSession.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QtTest>

using namespace NewsGraph;
using namespace NewsGraph::Test;

class TestEntityTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTheEntitiesWithTheirNames()
    {
        GraphSession session;
        EntityTableModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(openSample(session));
        QCOMPARE(model.rowCount(), int(session.graph().nodeCount()));
        QCOMPARE(model.columnCount(), int(EntityTableModel::ColumnCount));

        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        const int row = model.rowOfEntity(huang);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, EntityTableModel::NameColumn).data().toString(), QStringLiteral("Jensen Huang"));
        QCOMPARE(model.index(row, EntityTableModel::TypeColumn).data().toString(), QStringLiteral("Person"));
        QCOMPARE(model.index(row, EntityTableModel::NameColumn).data(EntityTableModel::EntityIdRole).toLongLong(), huang);
        const QStringList aliases = model.index(row, 0).data(EntityTableModel::AliasesRole).toStringList();
        QVERIFY2(aliases.contains(QStringLiteral("Huang")), qPrintable(aliases.join(QStringLiteral(", "))));
        QVERIFY(model.index(row, EntityTableModel::MentionsColumn).data().toInt() >= 10);
        QVERIFY(model.index(row, EntityTableModel::DegreeColumn).data().toInt() >= 1);
        QVERIFY(model.index(row, EntityTableModel::CommunityColumn).data().toInt() >= 1);
        QVERIFY(!model.index(row, 0).data(Qt::DecorationRole).isNull());
        QVERIFY(model.index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Huang")));

        // The filter field matches names and aliases, ignoring case and accents.
        const qint64 tsmc = entityCalled(session, QStringLiteral("TSMC"));
        QVERIFY(tsmc != 0);
        QVERIFY(model.rowMatches(model.rowOfEntity(tsmc), QStringLiteral("tsmc")));
        QVERIFY(model.rowMatches(row, QStringLiteral("HUANG")));
        QVERIFY(!model.rowMatches(row, QStringLiteral("Macron")));
        QVERIFY(model.names().contains(QStringLiteral("TSMC")));
    }

    void sortsAndKeepsTheSelection()
    {
        GraphSession session;
        EntityTableModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        EntitySelection selection(&model);
        QVERIFY(openSample(session));
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        selection.selectEntity(huang);
        QCOMPARE(selection.selectedEntities(), QSet<qint64>{huang});

        model.sort(EntityTableModel::MentionsColumn, Qt::DescendingOrder);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.index(row - 1, EntityTableModel::MentionsColumn).data().toInt()
                    >= model.index(row, EntityTableModel::MentionsColumn).data().toInt());
        QCOMPARE(selection.selectedEntities(), QSet<qint64>{huang});
        QCOMPARE(selection.currentEntity(), huang);

        model.sort(EntityTableModel::NameColumn, Qt::AscendingOrder);
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        collator.setNumericMode(true);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(collator.compare(model.index(row - 1, 0).data().toString(), model.index(row, 0).data().toString())
                    <= 0);
        // The selected row moved with its entity.
        QCOMPARE(model.entityId(selection.selectionModel()->selectedRows().first().row()), huang);
    }

    void metricsArriveInPlace()
    {
        GraphSession session;
        session.setBackgroundThreshold(0); // metrics computed on a worker thread
        EntityTableModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        EntitySelection selection(&model);
        QVERIFY(openSample(session));
        QVERIFY(session.areMetricsPending());
        model.sort(EntityTableModel::CommunityColumn, Qt::AscendingOrder);
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        selection.selectEntity(huang);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        session.waitForMetrics();
        // No reset (the table keeps its scroll position): values change in
        // place, the rows are sorted again, the selection follows its entity.
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 1);
        const int row = model.rowOfEntity(huang);
        QCOMPARE(model.index(row, EntityTableModel::CommunityColumn).data().toInt(),
                 session.metricsOf(huang)->community + 1);
        QVERIFY(model.index(row, EntityTableModel::CommunityColumn).data().toInt() >= 1);
        for (int r = 1; r < model.rowCount(); ++r) {
            QVERIFY(model.index(r - 1, EntityTableModel::CommunityColumn).data().toInt()
                    <= model.index(r, EntityTableModel::CommunityColumn).data().toInt());
        }
        QCOMPARE(selection.selectedEntities(), QSet<qint64>{huang});
        QCOMPARE(selection.selectionModel()->currentIndex().row(), row);
    }

    void selectionSurvivesFilterChanges()
    {
        GraphSession session;
        EntityTableModel model(&session);
        EntitySelection selection(&model);
        QSignalSpy changed(&selection, &EntitySelection::changed);
        QVERIFY(openSample(session));
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        const qint64 france = entityNamed(session, QStringLiteral("France"));
        selection.selectEntities({huang, france}, huang);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(selection.selectedEntities(), (QSet<qint64>{huang, france}));
        QCOMPARE(selection.currentEntity(), huang);

        // Places go: France leaves the selection, Huang stays.
        GraphFilter filter;
        filter.types = {EntityType::Person, EntityType::Organization};
        session.setFilter(filter);
        QCOMPARE(model.rowOfEntity(france), -1);
        QCOMPARE(selection.selectedEntities(), QSet<qint64>{huang});
        QCOMPARE(changed.count(), 2);

        // A filter that keeps both changes nothing anyone would see.
        filter.minimumEvidence = 1;
        session.setFilter(filter);
        QCOMPARE(selection.selectedEntities(), QSet<qint64>{huang});
        QCOMPARE(changed.count(), 2);

        selection.clear();
        QVERIFY(selection.selectedEntities().isEmpty());
        QCOMPARE(selection.currentEntity(), 0);
        QCOMPARE(changed.count(), 3);
    }

    void showsOnlyTheFocusedNeighbourhood()
    {
        GraphSession session;
        EntityTableModel model(&session);
        QVERIFY(openSample(session));
        const int all = model.rowCount();
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        session.focusOn(huang);
        QVERIFY(model.rowCount() < all);
        QCOMPARE(model.rowCount(), int(session.displayedNodes().size()));
        QVERIFY(model.rowOfEntity(huang) >= 0);
        session.clearFocus();
        QCOMPARE(model.rowCount(), all);
    }
};

QTEST_MAIN(TestEntityTableModel)
#include "tst_entitytablemodel.moc"
