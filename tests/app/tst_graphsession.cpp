#include "GuiTestSupport.h"

#include "app/gui/GraphSession.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Repository.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace NewsGraph;
using namespace NewsGraph::Test;

class TestGraphSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAndLaysOutTheSampleCorpus()
    {
        GraphSession session;
        QSignalSpy graphChanged(&session, &GraphSession::graphChanged);
        QSignalSpy pictureChanged(&session, &GraphSession::pictureChanged);
        QVERIFY(openSample(session));
        QVERIFY(session.isOpen());
        QCOMPARE(session.documents().size(), 5);
        QVERIFY(session.graph().nodeCount() > 20);
        QCOMPARE(session.metrics().nodes.size(), session.graph().nodeCount());
        QVERIFY(graphChanged.count() >= 1);
        QVERIFY(pictureChanged.count() >= 1);

        // Small graphs are laid out at once, every entity drawn...
        QVERIFY(!session.isLayoutRunning());
        QCOMPARE(session.picture().nodes.size(), session.graph().nodeCount());
        QCOMPARE(session.positions().size(), session.graph().nodeCount());
        // ...and the layout is saved in the database.
        const auto saved = session.repository().positions();
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QCOMPARE(saved->size(), session.graph().nodeCount());
        for (auto it = saved->cbegin(); it != saved->cend(); ++it)
            QCOMPARE(QPointF(it->x, it->y), session.positions().value(it.key()));
    }

    void filterChangesKeepThePicture()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        const QHash<qint64, QPointF> before = session.positions();
        const qsizetype everything = session.graph().nodeCount();

        GraphFilter filter;
        filter.types = {EntityType::Person, EntityType::Organization};
        session.setFilter(filter);
        QVERIFY(session.graph().nodeCount() < everything);
        for (const PictureNode &node : session.picture().nodes) {
            QVERIFY(node.type == EntityType::Person || node.type == EntityType::Organization);
            // Entities already drawn stay where they were.
            QCOMPARE(node.position, before.value(node.entityId));
        }

        // Co-occurrences add links, not entities, and move nobody.
        filter = {};
        filter.includeCooccurrence = true;
        const qsizetype typedLinks = [&] {
            GraphSession typed;
            return openSample(typed) ? typed.graph().edgeCount() : -1;
        }();
        session.setFilter(filter);
        QVERIFY(session.graph().edgeCount() > typedLinks);
        for (const PictureNode &node : session.picture().nodes)
            QCOMPARE(node.position, before.value(node.entityId));
    }

    void dragPinsAndSaves()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        QVERIFY(huang != 0);
        QVERIFY(!session.isPinned(huang));
        session.moveEntity(huang, QPointF(1234.5, -42.0));
        QVERIFY(session.isPinned(huang));
        const qsizetype index = session.picture().indexOf(huang);
        QVERIFY(index >= 0);
        QCOMPARE(session.picture().nodes.at(index).position, QPointF(1234.5, -42.0));
        QVERIFY(session.picture().nodes.at(index).pinned);
        QCOMPARE(session.repository().positions()->value(huang), (NodePosition{1234.5, -42.0, true}));

        // A new layout keeps pinned entities where they are.
        session.relayout(LayoutAlgorithm::ForceDirected);
        session.waitForLayout();
        QCOMPARE(session.positions().value(huang), QPointF(1234.5, -42.0));
        session.setPinned(huang, false);
        QVERIFY(!session.isPinned(huang));
        QVERIFY(!session.repository().positions()->value(huang).pinned);
    }

    void relayoutInTheBackground()
    {
        GraphSession session;
        session.setBackgroundThreshold(0); // every layout on a worker thread
        QSignalSpy finished(&session, &GraphSession::layoutFinished);
        QVERIFY(openSample(session));
        // The graph is shown only once it has positions.
        QVERIFY(session.isLayoutRunning());
        QVERIFY(session.picture().nodes.isEmpty());
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.first().at(0).toBool());
        QVERIFY(!session.isLayoutRunning());
        QCOMPARE(session.picture().nodes.size(), session.graph().nodeCount());

        const QHash<qint64, QPointF> before = session.positions();
        session.relayout(LayoutAlgorithm::Circular);
        QVERIFY(session.isLayoutRunning());
        QVERIFY(finished.wait(20000));
        QVERIFY(session.positions() != before);
        QCOMPARE(session.layoutAlgorithm(), LayoutAlgorithm::Circular);

        // A new layout overtaken by a filter change is redone on the new
        // graph, not lost: every entity still shown moves off the circle.
        const QHash<qint64, QPointF> circle = session.positions();
        session.relayout(LayoutAlgorithm::ForceDirected);
        GraphFilter filter;
        filter.minimumEvidence = 2;
        session.setFilter(filter);
        QVERIFY(session.isLayoutRunning());
        session.waitForLayout();
        QVERIFY(!session.isLayoutRunning());
        QCOMPARE(session.layoutAlgorithm(), LayoutAlgorithm::ForceDirected);
        QVERIFY(session.graph().nodeCount() > 2);
        for (const GraphNode &node : session.graph().nodes())
            QVERIFY(session.positions().value(node.entityId) != circle.value(node.entityId));

        // Placing the entities a filter brings back is not a new layout: a
        // later filter change does not start one.
        session.setFilter({});
        session.waitForLayout();
        const QHash<qint64, QPointF> settled = session.positions();
        filter.minimumEvidence = 3;
        session.setFilter(filter);
        QVERIFY(!session.isLayoutRunning());
        QCOMPARE(session.positions(), settled);
    }

    void metricsInTheBackground()
    {
        GraphSession session;
        session.setBackgroundThreshold(0);
        QSignalSpy metricsChanged(&session, &GraphSession::metricsChanged);
        QSignalSpy running(&session, &GraphSession::metricsRunning);
        QVERIFY(openSample(session));
        // The linear-time metrics are there at once, the others come later.
        QVERIFY(session.areMetricsPending());
        QCOMPARE(session.metrics().nodes.size(), session.graph().nodeCount());
        const qint64 nvidia = entityNamed(session, QStringLiteral("Nvidia"));
        QVERIFY(session.metricsOf(nvidia)->degree > 0);
        QCOMPARE(session.metricsOf(nvidia)->pageRank, 0.0);
        QCOMPARE(session.metrics().betweennessSources, 0);
        QVERIFY(metricsChanged.wait(20000));
        QVERIFY(!session.areMetricsPending());
        QVERIFY(session.metricsOf(nvidia)->pageRank > 0.0);
        QCOMPARE(session.metrics().betweennessSources, session.graph().nodeCount());
        QVERIFY(session.metrics().communities > 0);
        QCOMPARE(running.first().at(0).toBool(), true);
        QCOMPARE(running.last().at(0).toBool(), false);

        // The same values as computed in the foreground.
        GraphSession foreground;
        QVERIFY(openSample(foreground));
        QVERIFY(!foreground.areMetricsPending());
        QCOMPARE(session.metricsOf(nvidia)->betweenness, foreground.metricsOf(nvidia)->betweenness);

        // A filter change drops the metrics under way and measures the new
        // graph: one metricsChanged, for the graph as it is now.
        session.waitForLayout();
        metricsChanged.clear();
        GraphFilter filter;
        filter.types = {EntityType::Organization};
        session.setFilter(filter);
        QVERIFY(session.areMetricsPending());
        filter.types = {EntityType::Organization, EntityType::Person};
        session.setFilter(filter);
        session.waitForMetrics();
        QCOMPARE(metricsChanged.count(), 1);
        QCOMPARE(session.metrics().betweennessSources, session.graph().nodeCount());
        QCoreApplication::processEvents(); // the superseded run's result, if any, is dropped
        QCOMPARE(metricsChanged.count(), 1);
    }

    void focusExpandsAndCollapses()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        const qint64 huang = entityNamed(session, QStringLiteral("Jensen Huang"));
        const qint64 nvidia = entityNamed(session, QStringLiteral("Nvidia"));
        QVERIFY(huang && nvidia);
        const qsizetype all = session.picture().nodes.size();

        session.focusOn(huang);
        QCOMPARE(session.focus(), huang);
        const qsizetype neighbourhood = session.picture().nodes.size();
        QVERIFY(neighbourhood < all);
        QVERIFY(session.isDisplayed(nvidia)); // he is Nvidia's CEO
        QCOMPARE(qsizetype(session.displayedNodes().size()), neighbourhood);
        for (const EgoMember &member : session.graph().egoNetwork(huang, 1))
            QVERIFY(session.isDisplayed(member.entityId));

        // Expanding Nvidia brings its links in; collapsing it takes them away.
        QVERIFY(session.toggleExpanded(nvidia));
        QVERIFY(session.isExpanded(nvidia));
        QVERIFY(session.picture().nodes.size() > neighbourhood);
        QVERIFY(session.toggleExpanded(nvidia));
        QCOMPARE(session.picture().nodes.size(), neighbourhood);
        QVERIFY(!session.toggleExpanded(huang)); // the focus itself

        session.clearFocus();
        QCOMPARE(session.focus(), 0);
        QCOMPARE(session.picture().nodes.size(), all);
        QVERIFY(!session.toggleExpanded(nvidia));
    }

    void bigGraphsOpenOnTheirCommunities()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        QVERIFY(!session.overviewApplies()); // a few dozen entities: all drawn
        session.setOverviewThreshold(5);
        QVERIFY(session.showsOverview());
        const CommunityOverview &overview = session.overview();
        QVERIFY(overview.data.nodes.size() >= 2);
        QCOMPARE(session.picture().nodes.size(), overview.data.nodes.size());
        int members = 0;
        for (const PictureNode &node : session.picture().nodes) {
            QVERIFY(isOverviewNode(node.entityId));
            QVERIFY(!session.node(node.entityId));
            QCOMPARE(node.members, node.mentions); // the legend counts entities, not groups
            members += node.mentions;
        }
        QCOMPARE(members + overview.omittedEntities, session.graph().nodeCount());
        // Every entity still counts as displayed (the table, the search).
        QVERIFY(session.isDisplayed(session.graph().nodes().first().entityId));
        QCOMPARE(session.displayedEdgeCount(), session.graph().edgeCount());

        // Opening a group shows its members where the layout put them.
        const int community = communityOfOverviewNode(session.picture().nodes.first().entityId);
        QVERIFY(session.openCommunity(community));
        QVERIFY(session.isNarrowed());
        QVERIFY(!session.showsOverview());
        QCOMPARE(session.picture().nodes.size(), overview.members.value(community).size());
        for (const PictureNode &node : session.picture().nodes) {
            QCOMPARE(session.metricsOf(node.entityId)->community, community);
            QCOMPARE(node.position, session.positions().value(node.entityId));
        }
        QVERIFY(!session.openCommunity(-5));
        session.clearFocus();
        QVERIFY(session.showsOverview());

        // A group dragged stays there for the session; nothing is saved.
        const qint64 group = session.picture().nodes.first().entityId;
        session.moveEntity(group, QPointF(1234, 5678));
        QCOMPARE(session.picture().nodes.at(session.picture().indexOf(group)).position, QPointF(1234, 5678));
        QVERIFY(!session.repository().positions()->contains(group));

        // The whole graph on demand, and a neighbourhood leads out of it.
        session.setOverviewWanted(false);
        QCOMPARE(session.picture().nodes.size(), session.graph().nodeCount());
        session.setOverviewWanted(true);
        QVERIFY(session.showsOverview());
        session.focusOn(session.graph().nodes().first().entityId);
        QVERIFY(!session.showsOverview());
        QVERIFY(!isOverviewNode(session.picture().nodes.first().entityId));
    }

    void hidingAnEntity()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        const qint64 france = entityNamed(session, QStringLiteral("France"));
        QVERIFY(france != 0);
        QVERIFY(session.setEntityHidden(france, true).ok());
        QVERIFY(session.graph().indexOf(france) < 0);
        QVERIFY(session.picture().indexOf(france) < 0);
        QVERIFY(session.node(france)->hidden);
        QVERIFY(session.repository().entities().value().size() > 0);

        GraphFilter filter;
        filter.includeHidden = true;
        session.setFilter(filter);
        QVERIFY(session.graph().indexOf(france) >= 0);
        QVERIFY(session.setEntityHidden(france, false).ok());
        QVERIFY(!session.node(france)->hidden);
        QVERIFY(!session.setEntityHidden(987654, true).ok());
    }

    void styleRebuildsThePicture()
    {
        GraphSession session;
        QVERIFY(openSample(session));
        QSignalSpy pictureChanged(&session, &GraphSession::pictureChanged);
        GraphStyle style;
        style.coloring = NodeColoring::ByCommunity;
        style.sizeMetric = SizeMetric::PageRank;
        session.setStyle(style);
        QCOMPARE(pictureChanged.count(), 1);
        QCOMPARE(session.picture().style.coloring, NodeColoring::ByCommunity);
        for (const PictureNode &node : session.picture().nodes)
            QCOMPARE(node.color, colorForCommunity(node.community));
    }

    void reopensWhereItWasLeft()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.newsgraph"));
        QHash<qint64, QPointF> drawn;
        {
            Result<Database> database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            Ingester ingester(database.value(), processor());
            QVERIFY(ingester.ingest(bundledCorpusPaths()).committed());
            GraphSession session;
            QVERIFY(session.open(std::move(database).value(), QStringLiteral("project")).ok());
            drawn = session.positions();
            QVERIFY(!drawn.isEmpty());
        }
        Result<Database> again = Database::open(path);
        QVERIFY2(again.ok(), qPrintable(again.error()));
        GraphSession session;
        QVERIFY(session.open(std::move(again).value(), QStringLiteral("project")).ok());
        QCOMPARE(session.positions(), drawn);
        session.close();
        QVERIFY(!session.isOpen());
        QVERIFY(session.picture().nodes.isEmpty());
    }
};

QTEST_MAIN(TestGraphSession)
#include "tst_graphsession.moc"
