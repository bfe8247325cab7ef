#pragma once

#include "app/gui/BackgroundJob.h"
#include "core/common/Result.h"
#include "core/graph/CommunityOverview.h"
#include "core/graph/EntityGraph.h"
#include "core/graph/GraphFilter.h"
#include "core/graph/GraphLayout.h"
#include "core/graph/GraphMetrics.h"
#include "core/render/GraphPicture.h"
#include "core/store/Curator.h"
#include "core/store/Database.h"
#include "core/store/GraphData.h"
#include "core/store/Records.h"
#include "core/store/Repository.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QSet>

#include <functional>
#include <optional>

namespace NewsGraph {

// What the explorer shows of one project database, owned in one place so that
// every view (canvas, entity table, details, path finder, exports) sees the
// same graph: the Database, what the store holds (GraphData, documents), the
// GraphFilter and the EntityGraph it gives, its GraphMetrics, the layout
// (positions and pinned entities, kept in the database), a neighbourhood
// focus, the GraphStyle and the GraphPicture built from all of these.
//
// Filter, focus and style changes rebuild what depends on them and say so
// with graphChanged() / pictureChanged(). Entities without a position are
// laid out (computeLayout, the positioned ones kept where they are). For
// graphs larger than backgroundThreshold(), layouts and the costly metrics
// (communities, PageRank, betweenness) run on worker threads so that the
// window stays responsive: the linear-time metrics are there at once, the
// others arrive with metricsChanged(); a result the graph has changed under
// is dropped, and a whole-graph layout overtaken by a filter change starts
// again on the new graph. Positions are saved through
// Repository::updatePositions after every layout and every drag.
class GraphSession : public QObject
{
    Q_OBJECT

public:
    explicit GraphSession(QObject *parent = nullptr);
    ~GraphSession() override;

    // Takes the database over and reads its graph, documents and saved
    // layout. On failure the session is left closed.
    Result<void> open(Database database, const QString &displayName);
    void close();
    bool isOpen() const { return m_database.has_value(); }
    QString displayName() const { return m_displayName; }
    // Null when closed. The importer writes through it; call reload() after.
    Database *database() { return m_database ? &*m_database : nullptr; }
    // A project this user cannot write (see Database::OpenMode::
    // WritableIfPossible) is explored all the same: layouts and drags are
    // kept for the session only, and edits (hiding) are refused.
    bool isReadOnly() const { return m_database && m_database->isReadOnly(); }
    QString readOnlyReason() const { return m_database ? m_database->readOnlyReason() : QString(); }
    // Read queries for the views (the GUI runs no SQL of its own). Only
    // valid while open.
    Repository repository();
    // Reads everything again (after an import), keeping filter, focus and style.
    Result<void> reload();

    // --- what the store holds, whatever the filter (co-occurrences only
    // once a filter has asked for them)
    const GraphData &data() const { return m_data; }
    const GraphNode *node(qint64 entityId) const;
    const QList<DocumentRecord> &documents() const { return m_documents; }
    const DocumentRecord *document(qint64 documentId) const;

    // --- the graph under the filter
    const GraphFilter &filter() const { return m_filter; }
    void setFilter(const GraphFilter &filter);
    const EntityGraph &graph() const { return m_graph; }
    const GraphMetrics &metrics() const { return m_metrics; }
    // True while communities, PageRank and betweenness are being computed
    // (their values are zero meanwhile; on a graph drawn as its overview,
    // betweenness only, once the communities have come).
    bool areMetricsPending() const { return m_metricsJob.isRunning(); }
    void waitForMetrics()
    {
        while (m_metricsJob.isRunning()) // a first pass starts the second
            m_metricsJob.wait();
    }
    // Null when the entity is not in graph() (an overview node is not).
    const NodeMetrics *metricsOf(qint64 entityId) const;

    // --- neighbourhood focus: the canvas and the entity table show the
    // entities within `hops` of the focus, plus the neighbours of every
    // entity expanded since.
    qint64 focus() const { return m_focus; }
    void focusOn(qint64 entityId, int hops = 1);
    void clearFocus();
    // Expands a displayed entity (its neighbours join) or collapses it (they
    // leave, unless something else brought them); false when nothing changed
    // (no focus, the focus itself, or an entity not displayed).
    bool toggleExpanded(qint64 entityId);
    bool isExpanded(qint64 entityId) const { return m_expanded.contains(entityId); }
    bool isDisplayed(qint64 entityId) const;
    // graph().nodes() positions of the displayed entities, in that order.
    const QList<qsizetype> &displayedNodes() const { return m_displayedNodes; }
    // Of the displayed entities (in the overview, of the whole graph).
    int displayedEdgeCount() const
    {
        return overviewApplies() ? int(m_graph.edgeCount()) : int(m_picture.edges.size());
    }

    // --- overview: when no neighbourhood is shown, a graph of more than
    // overviewThreshold() entities is drawn as its communities, each one
    // labelled node (CommunityOverview), once they are found (nothing is
    // drawn meanwhile); opening one shows its members, as a neighbourhood
    // is shown. Entity-level views (table, search, details) are unchanged:
    // every entity of the graph counts as displayed in the overview.
    bool showsOverview() const { return overviewApplies() && m_overviewReady; }
    // True as well while the communities are still being found.
    bool overviewApplies() const;
    const CommunityOverview &overview() const { return m_overview; }
    bool isOverviewWanted() const { return m_overviewWanted; }
    void setOverviewWanted(bool wanted);
    int overviewThreshold() const { return m_overviewThreshold; }
    void setOverviewThreshold(int entities);
    // Shows the members of a community drawn in the overview; false when
    // it is not one.
    bool openCommunity(int community);
    int openedCommunity() const { return m_openedCommunity; } // -1: none
    // A neighbourhood or a community is shown rather than the whole graph.
    bool isNarrowed() const { return m_focus != 0 || m_openedCommunity >= 0; }

    // --- drawing
    const GraphStyle &style() const { return m_style; }
    void setStyle(const GraphStyle &style);
    // The displayed entities that have a position, with their edges.
    const GraphPicture &picture() const { return m_picture; }

    // --- layout
    const QHash<qint64, QPointF> &positions() const { return m_positions; }
    bool isPinned(qint64 entityId) const { return m_pinned.contains(entityId); }
    // A drag ended there: the entity is pinned at that position and saved.
    void moveEntity(qint64 entityId, QPointF position);
    void setPinned(qint64 entityId, bool pinned);
    LayoutAlgorithm layoutAlgorithm() const { return m_algorithm; }
    // The algorithm later layouts (of entities without a position) use too.
    void setLayoutAlgorithm(LayoutAlgorithm algorithm) { m_algorithm = algorithm; }
    // A new layout of the whole graph; pinned entities stay where they are.
    // `focus` is the centre of a Radial layout (0: the most linked entity).
    void relayout(LayoutAlgorithm algorithm, qint64 focus = 0);
    bool isLayoutRunning() const { return m_layoutJob.isRunning(); }
    void waitForLayout() { m_layoutJob.wait(); }
    // Graphs with more entities than this are laid out and measured on
    // worker threads; smaller ones take milliseconds and are done at once.
    int backgroundThreshold() const { return m_backgroundThreshold; }
    void setBackgroundThreshold(int entities) { m_backgroundThreshold = entities; }

    // --- the analyst's edits (Curator): each is logged in the project and
    // can be undone. Refused on a read-only project.
    // Runs `edit` on the store and reads the graph again; editsChanged() says so.
    Result<EditRecord> applyEdit(const std::function<Result<EditRecord>(Curator &)> &edit);
    // Undoes a logged edit (the latest when 0).
    Result<EditRecord> undoEdit(qint64 editId = 0);
    // Makes an undone edit again (Curator::redo()).
    Result<EditRecord> redoEdit(const EditRecord &undone);
    // The project's edit log, oldest first.
    Result<QList<EditRecord>> edits();
    // While an import writes through this session's connection, edits are
    // refused with `why` (empty: allowed again).
    void setEditsBlocked(const QString &why) { m_editsBlocked = why; }
    // Hides an entity (kept in the store; new mentions still join it) or
    // shows it again: an edit, after which only the graph is rebuilt.
    Result<EditRecord> setEntityHidden(qint64 entityId, bool hidden);

Q_SIGNALS:
    // A database was opened, reloaded or closed: documents and data changed.
    void databaseChanged();
    // graph(), metrics() and the displayed entities were rebuilt.
    void graphChanged();
    // The metrics computed in the background arrived (see areMetricsPending()).
    void metricsChanged();
    // A background metrics computation started, or ended (`running` false).
    void metricsRunning(bool running);
    // picture() changed (graph, positions or style).
    void pictureChanged();
    void layoutStarted(int entities);
    // `message` names the problem when the layout failed.
    void layoutFinished(bool ok, const QString &message);
    // A write to the database failed; the message names the file.
    void errorOccurred(const QString &message);
    // An edit was made or undone (the log changed).
    void editsChanged();

private:
    struct LayoutOutcome
    {
        QHash<qint64, QPointF> positions;
        QString error;
    };

    Result<void> readStore();
    // Why an edit cannot be made now, or an empty string.
    QString editRefusal() const;
    void rebuildGraph();
    // `secondPass`: betweenness, after a first pass without it (see the .cpp).
    void startMetrics(bool secondPass = false);
    void updateDisplayed();
    void rebuildPicture();
    void placeMissing();
    void startLayout(const LayoutOptions &options, bool whole);
    void applyLayout(const LayoutOutcome &outcome, bool whole);
    void cancelWork();
    void savePositions(const QList<qint64> &entities);
    void rebuildOverview();

    std::optional<Database> m_database;
    QString m_displayName;
    QString m_editsBlocked; // why edits are refused now; empty: they are not
    GraphData m_data;
    bool m_dataHasCooccurrence = false; // read only once a filter shows them
    QHash<qint64, qsizetype> m_nodeIndex; // entity id -> m_data.nodes position
    QList<DocumentRecord> m_documents;

    GraphFilter m_filter;
    EntityGraph m_graph;
    GraphMetrics m_metrics;

    qint64 m_focus = 0;
    int m_focusHops = 1;
    QSet<qint64> m_expanded;
    QSet<qint64> m_displayed; // when focused
    QList<qsizetype> m_displayedNodes;

    GraphStyle m_style;
    GraphPicture m_picture;

    bool m_overviewWanted = true;
    int m_overviewThreshold = 2000;
    bool m_overviewReady = false; // m_overview is of the current graph and metrics
    CommunityOverview m_overview;
    GraphPicture m_overviewPicture;
    int m_openedCommunity = -1;

    QHash<qint64, QPointF> m_positions;
    QSet<qint64> m_pinned;
    LayoutAlgorithm m_algorithm = LayoutAlgorithm::Scalable;
    int m_backgroundThreshold = 400;
    // The radial centre of a whole-graph layout still running: a filter
    // change starts it again rather than dropping it.
    std::optional<qint64> m_wholeLayoutFocus;
    BackgroundJob<LayoutOutcome> m_layoutJob;
    BackgroundJob<Result<GraphMetrics>> m_metricsJob;
};

} // namespace NewsGraph
