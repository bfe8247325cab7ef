#include "app/gui/GraphSession.h"

#include <algorithm>
#include <cmath>

namespace NewsGraph {

namespace {

// The part of `picture` made of the entities in `keep`, with the edges
// between them (indexes renumbered).
GraphPicture restrictedPicture(const GraphPicture &picture, const QSet<qint64> &keep)
{
    GraphPicture result;
    result.style = picture.style;
    QHash<qsizetype, qsizetype> renumbered;
    for (qsizetype i = 0; i < picture.nodes.size(); ++i) {
        if (keep.contains(picture.nodes.at(i).entityId)) {
            renumbered.insert(i, result.nodes.size());
            result.nodes.append(picture.nodes.at(i));
        }
    }
    for (const PictureEdge &edge : picture.edges) {
        const auto source = renumbered.constFind(edge.source);
        const auto target = renumbered.constFind(edge.target);
        if (source == renumbered.constEnd() || target == renumbered.constEnd())
            continue;
        PictureEdge kept = edge;
        kept.source = *source;
        kept.target = *target;
        result.edges.append(kept);
    }
    result.reindex();
    return result;
}

} // namespace

GraphSession::GraphSession(QObject *parent)
    : QObject(parent)
{
}

GraphSession::~GraphSession() = default;

Result<void> GraphSession::open(Database database, const QString &displayName)
{
    close();
    m_database.emplace(std::move(database));
    m_displayName = displayName;
    if (Result<void> read = readStore(); !read) {
        close();
        return read;
    }
    Q_EMIT databaseChanged();
    rebuildGraph();
    return {};
}

void GraphSession::close()
{
    cancelWork();
    const bool wasOpen = m_database.has_value();
    m_database.reset();
    m_displayName.clear();
    m_data = {};
    m_nodeIndex.clear();
    m_documents.clear();
    m_positions.clear();
    m_pinned.clear();
    m_focus = 0;
    m_expanded.clear();
    m_displayed.clear();
    m_openedCommunity = -1;
    m_overviewReady = false;
    if (wasOpen) {
        Q_EMIT databaseChanged();
        rebuildGraph();
    }
}

Repository GraphSession::repository()
{
    Q_ASSERT(m_database);
    return Repository(*m_database);
}

Result<void> GraphSession::reload()
{
    if (!m_database)
        return {};
    cancelWork();
    if (Result<void> read = readStore(); !read)
        return read;
    Q_EMIT databaseChanged();
    rebuildGraph();
    return {};
}

Result<void> GraphSession::readStore()
{
    Repository repository(*m_database);
    // Co-occurrences only when shown: on a big project reading them takes
    // most of the opening (see setFilter()).
    const bool withCooccurrence = m_filter.includeCooccurrence;
    Result<GraphData> data = repository.graphData(withCooccurrence);
    if (!data)
        return Error{data.error()};
    m_dataHasCooccurrence = withCooccurrence;
    Result<QList<DocumentRecord>> documents = repository.documents();
    if (!documents)
        return Error{documents.error()};
    Result<QHash<qint64, NodePosition>> positions = repository.positions();
    if (!positions)
        return Error{positions.error()};

    m_data = std::move(data).value();
    m_nodeIndex.clear();
    for (qsizetype i = 0; i < m_data.nodes.size(); ++i)
        m_nodeIndex.insert(m_data.nodes.at(i).entityId, i);
    m_documents = std::move(documents).value();
    m_positions.clear();
    m_pinned.clear();
    for (auto it = positions->cbegin(); it != positions->cend(); ++it) {
        m_positions.insert(it.key(), QPointF(it->x, it->y));
        if (it->pinned)
            m_pinned.insert(it.key());
    }
    return {};
}

const GraphNode *GraphSession::node(qint64 entityId) const
{
    const auto it = m_nodeIndex.constFind(entityId);
    return it == m_nodeIndex.constEnd() ? nullptr : &m_data.nodes.at(*it);
}

const DocumentRecord *GraphSession::document(qint64 documentId) const
{
    for (const DocumentRecord &document : m_documents) {
        if (document.id == documentId)
            return &document;
    }
    return nullptr;
}

void GraphSession::setFilter(const GraphFilter &filter)
{
    m_filter = filter;
    if (m_database && m_filter.includeCooccurrence && !m_dataHasCooccurrence) {
        // The same entities: where they are drawn stays (a read-only
        // project's layout lives only here).
        cancelWork();
        const QHash<qint64, QPointF> positions = m_positions;
        const QSet<qint64> pinned = m_pinned;
        if (Result<void> read = readStore(); !read)
            Q_EMIT errorOccurred(read.error());
        m_positions = positions;
        m_pinned = pinned;
    }
    rebuildGraph();
}

const NodeMetrics *GraphSession::metricsOf(qint64 entityId) const
{
    const qsizetype index = m_graph.indexOf(entityId);
    if (index < 0 || index >= m_metrics.nodes.size())
        return nullptr;
    return &m_metrics.nodes.at(index);
}

void GraphSession::rebuildGraph()
{
    // A whole-graph layout still running was asked for: it is redone on the
    // new graph rather than lost (only the missing entities would be placed).
    const std::optional<qint64> wholeLayout = m_wholeLayoutFocus;
    cancelWork();
    m_graph = EntityGraph::build(m_data, m_filter);
    // Communities are found anew: one opened before means nothing now.
    m_overviewReady = false;
    m_openedCommunity = -1;
    if (m_graph.nodeCount() > m_backgroundThreshold) {
        m_metrics = basicMetrics(m_graph);
        startMetrics();
    } else {
        Result<GraphMetrics> metrics = computeMetrics(m_graph);
        if (metrics) {
            m_metrics = std::move(metrics).value();
            rebuildOverview();
        } else {
            // The views still need one entry per node.
            m_metrics = basicMetrics(m_graph);
            Q_EMIT errorOccurred(metrics.error());
        }
    }
    if (m_focus != 0 && m_graph.indexOf(m_focus) < 0) {
        m_focus = 0;
        m_expanded.clear();
    }
    updateDisplayed();
    Q_EMIT graphChanged();
    if (wholeLayout)
        relayout(m_algorithm, *wholeLayout);
    else
        placeMissing();
    rebuildPicture();
}

void GraphSession::startMetrics(bool secondPass)
{
    const EntityGraph graph = m_graph; // shares the immutable graph
    // A graph drawn as its overview needs its communities first: betweenness,
    // the longest to compute, follows in a second pass (same seed, so the
    // same communities and PageRank).
    const bool split = !secondPass && graph.nodeCount() > m_overviewThreshold;
    // The second pass adds betweenness to the first one's communities and
    // PageRank, which it would only find again.
    std::optional<GraphMetrics> firstPass;
    if (secondPass)
        firstPass = m_metrics;
    m_metricsJob.start(
        [graph, withBetweenness = !split, firstPass](const std::function<bool()> &cancelled) {
            MetricsOptions options;
            options.cancelled = cancelled;
            options.betweenness = withBetweenness;
            options.firstPass = firstPass;
            return computeMetrics(graph, options);
        },
        [this, split, secondPass](Result<GraphMetrics> metrics) {
            if (!metrics) {
                Q_EMIT metricsRunning(false);
                Q_EMIT errorOccurred(metrics.error());
                return;
            }
            m_metrics = std::move(metrics).value();
            if (!secondPass)
                rebuildOverview();
            if (split)
                startMetrics(true);
            else
                Q_EMIT metricsRunning(false);
            Q_EMIT metricsChanged();
            rebuildPicture(); // sizes and community colours follow the metrics
        });
    if (!secondPass)
        Q_EMIT metricsRunning(true);
}

void GraphSession::updateDisplayed()
{
    m_displayed.clear();
    m_displayedNodes.clear();
    if (m_focus == 0 && m_openedCommunity >= 0) {
        for (qsizetype i = 0; i < m_graph.nodeCount() && i < m_metrics.nodes.size(); ++i) {
            if (m_metrics.nodes.at(i).community == m_openedCommunity) {
                m_displayed.insert(m_graph.nodes().at(i).entityId);
                m_displayedNodes.append(i);
            }
        }
        return;
    }
    if (m_focus == 0) {
        m_displayedNodes.reserve(m_graph.nodeCount());
        for (qsizetype i = 0; i < m_graph.nodeCount(); ++i)
            m_displayedNodes.append(i);
        return;
    }
    // The focus's neighbourhood, then the neighbours of each expanded entity
    // still displayed; one that no longer is (collapsed away) is forgotten,
    // so that expanding and collapsing undo each other.
    for (const EgoMember &member : m_graph.egoNetwork(m_focus, m_focusHops))
        m_displayed.insert(member.entityId);
    QSet<qint64> kept{m_focus};
    bool grew = true;
    while (grew) {
        grew = false;
        for (const qint64 entity : std::as_const(m_expanded)) {
            if (kept.contains(entity) || !m_displayed.contains(entity))
                continue;
            kept.insert(entity);
            for (const EgoMember &member : m_graph.egoNetwork(entity, 1))
                m_displayed.insert(member.entityId);
            grew = true;
        }
    }
    m_expanded = kept;
    for (qsizetype i = 0; i < m_graph.nodeCount(); ++i) {
        if (m_displayed.contains(m_graph.nodes().at(i).entityId))
            m_displayedNodes.append(i);
    }
}

bool GraphSession::isDisplayed(qint64 entityId) const
{
    // In the overview too: summed up in their communities.
    if (!isNarrowed())
        return m_graph.indexOf(entityId) >= 0;
    return m_displayed.contains(entityId);
}

bool GraphSession::overviewApplies() const
{
    return m_overviewWanted && !isNarrowed() && m_graph.nodeCount() > m_overviewThreshold;
}

void GraphSession::setOverviewWanted(bool wanted)
{
    if (wanted == m_overviewWanted)
        return;
    m_overviewWanted = wanted;
    Q_EMIT graphChanged();
    rebuildPicture();
}

void GraphSession::setOverviewThreshold(int entities)
{
    m_overviewThreshold = entities;
    rebuildOverview();
    rebuildPicture();
}

bool GraphSession::openCommunity(int community)
{
    if (!m_overviewReady || !m_overview.members.contains(community))
        return false;
    m_focus = 0;
    m_expanded.clear();
    m_openedCommunity = community;
    updateDisplayed();
    Q_EMIT graphChanged();
    rebuildPicture();
    return true;
}

void GraphSession::rebuildOverview()
{
    m_overviewReady = false;
    // Communities come with the full metrics only (basicMetrics has none).
    if (m_graph.nodeCount() <= m_overviewThreshold || m_metrics.nodes.size() != m_graph.nodeCount()
        || m_metrics.communities == 0)
        return;
    m_overview = buildCommunityOverview(m_graph, m_metrics);
    // A few dozen nodes: laid out here and now, and kept for the session.
    const EntityGraph groups = EntityGraph::build(m_overview.data, GraphFilter{});
    LayoutOptions options;
    options.algorithm = LayoutAlgorithm::ForceDirected;
    const Result<QHash<qint64, QPointF>> positions = computeLayout(groups, options);
    if (!positions) {
        Q_EMIT errorOccurred(positions.error());
        return;
    }
    // Coloured by community, as their members are when coloured so; sized
    // by members.
    GraphStyle style = m_style;
    style.coloring = NodeColoring::ByCommunity;
    style.sizeMetric = SizeMetric::Mentions;
    m_overviewPicture = GraphPicture::build(groups, m_overview.metrics, *positions, {}, style);
    // Sized by members over a wider range than entities are (area follows
    // the count), and spread so that the largest do not overlap.
    int largest = 1;
    for (const PictureNode &node : std::as_const(m_overviewPicture.nodes))
        largest = std::max(largest, node.mentions);
    for (PictureNode &node : m_overviewPicture.nodes) {
        node.members = node.mentions;
        node.radius = 12.0 + 48.0 * std::sqrt(double(node.mentions) / largest);
        node.position *= 2.5;
    }
    m_overviewReady = true;
}

void GraphSession::focusOn(qint64 entityId, int hops)
{
    if (m_graph.indexOf(entityId) < 0)
        return;
    m_openedCommunity = -1;
    m_focus = entityId;
    m_focusHops = std::max(1, hops);
    m_expanded = {entityId};
    updateDisplayed();
    Q_EMIT graphChanged();
    rebuildPicture();
}

void GraphSession::clearFocus()
{
    if (!isNarrowed())
        return;
    m_focus = 0;
    m_openedCommunity = -1;
    m_expanded.clear();
    updateDisplayed();
    Q_EMIT graphChanged();
    rebuildPicture();
}

bool GraphSession::toggleExpanded(qint64 entityId)
{
    if (m_focus == 0 || entityId == m_focus || !m_displayed.contains(entityId))
        return false;
    if (!m_expanded.remove(entityId))
        m_expanded.insert(entityId);
    updateDisplayed();
    Q_EMIT graphChanged();
    rebuildPicture();
    return true;
}

void GraphSession::setStyle(const GraphStyle &style)
{
    m_style = style;
    if (m_overviewReady) // its colours and sizes are its own; the palette is not
        rebuildOverview();
    rebuildPicture();
}

void GraphSession::rebuildPicture()
{
    if (overviewApplies()) {
        // Nothing until the communities are found: thousands of entities
        // drawn meanwhile would only be a blob.
        m_picture = m_overviewReady ? m_overviewPicture : GraphPicture();
        if (!m_overviewReady)
            m_picture.style = m_style;
        Q_EMIT pictureChanged();
        return;
    }
    const GraphPicture whole = GraphPicture::build(m_graph, m_metrics, m_positions, m_pinned, m_style);
    // Entities still waiting for a layout are left out rather than drawn in
    // a heap at the origin.
    QSet<qint64> keep;
    for (const qsizetype index : std::as_const(m_displayedNodes)) {
        const qint64 id = m_graph.nodes().at(index).entityId;
        if (m_positions.contains(id))
            keep.insert(id);
    }
    m_picture = keep.size() == whole.nodes.size() ? whole : restrictedPicture(whole, keep);
    Q_EMIT pictureChanged();
}

void GraphSession::placeMissing()
{
    LayoutOptions options;
    options.algorithm = m_algorithm == LayoutAlgorithm::Radial ? LayoutAlgorithm::Scalable : m_algorithm;
    bool missing = false;
    for (const GraphNode &node : m_graph.nodes()) {
        const auto it = m_positions.constFind(node.entityId);
        if (it == m_positions.constEnd()) {
            missing = true;
            continue;
        }
        // Whatever is drawn already stays put: a filter change must not
        // reshuffle the picture the analyst has in mind.
        options.initial.insert(node.entityId, *it);
        options.pinned.insert(node.entityId);
    }
    if (missing)
        startLayout(options, false);
}

void GraphSession::relayout(LayoutAlgorithm algorithm, qint64 focus)
{
    if (!m_database)
        return;
    m_algorithm = algorithm;
    LayoutOptions options;
    options.algorithm = algorithm;
    options.focus = m_graph.indexOf(focus) >= 0 ? focus : 0;
    // A fresh layout: only the entities placed by hand keep their place.
    for (const qint64 id : std::as_const(m_pinned)) {
        if (const auto it = m_positions.constFind(id); it != m_positions.constEnd()) {
            options.initial.insert(id, *it);
            options.pinned.insert(id);
        }
    }
    m_wholeLayoutFocus = focus;
    startLayout(options, true);
}

void GraphSession::startLayout(const LayoutOptions &options, bool whole)
{
    m_layoutJob.cancel();
    if (m_graph.nodeCount() == 0) {
        m_wholeLayoutFocus.reset();
        return;
    }
    const EntityGraph graph = m_graph; // shares the immutable graph
    const auto run = [graph, options](const std::function<bool()> &cancelled) {
        LayoutOptions withCancel = options;
        withCancel.cancelled = cancelled;
        LayoutOutcome outcome;
        Result<QHash<qint64, QPointF>> positions = computeLayout(graph, withCancel);
        if (positions)
            outcome.positions = std::move(positions).value();
        else
            outcome.error = positions.error();
        return outcome;
    };

    if (graph.nodeCount() <= m_backgroundThreshold) {
        // Small graphs take milliseconds: no thread, and the picture is
        // complete as soon as the call returns.
        Q_EMIT layoutStarted(int(graph.nodeCount()));
        applyLayout(run([] { return false; }), whole);
        return;
    }
    m_layoutJob.start(run, [this, whole](LayoutOutcome outcome) { applyLayout(outcome, whole); });
    Q_EMIT layoutStarted(int(graph.nodeCount()));
}

void GraphSession::applyLayout(const LayoutOutcome &outcome, bool whole)
{
    if (whole)
        m_wholeLayoutFocus.reset();
    if (!outcome.error.isEmpty()) {
        Q_EMIT layoutFinished(false, outcome.error);
        return;
    }
    QList<qint64> changed;
    for (auto it = outcome.positions.cbegin(); it != outcome.positions.cend(); ++it) {
        if (!whole && m_positions.contains(it.key()))
            continue;
        m_positions.insert(it.key(), it.value());
        changed.append(it.key());
    }
    savePositions(changed);
    rebuildPicture();
    Q_EMIT layoutFinished(true, QString());
}

void GraphSession::cancelWork()
{
    if (m_metricsJob.isRunning()) {
        m_metricsJob.cancel();
        Q_EMIT metricsRunning(false);
    }
    m_layoutJob.cancel();
    m_wholeLayoutFocus.reset();
}

void GraphSession::savePositions(const QList<qint64> &entities)
{
    if (!m_database || entities.isEmpty() || m_database->isReadOnly())
        return;
    QHash<qint64, NodePosition> rows;
    for (const qint64 id : entities) {
        const QPointF position = m_positions.value(id);
        rows.insert(id, NodePosition{position.x(), position.y(), m_pinned.contains(id)});
    }
    if (Result<void> saved = Repository(*m_database).updatePositions(rows); !saved)
        Q_EMIT errorOccurred(saved.error());
}

void GraphSession::moveEntity(qint64 entityId, QPointF position)
{
    if (isOverviewNode(entityId)) {
        // A community moved: kept for the session, like its layout.
        const qsizetype index = m_overviewPicture.indexOf(entityId);
        if (index >= 0) {
            m_overviewPicture.nodes[index].position = position;
            rebuildPicture();
        }
        return;
    }
    if (!node(entityId))
        return;
    m_positions.insert(entityId, position);
    m_pinned.insert(entityId);
    savePositions({entityId});
    rebuildPicture();
}

void GraphSession::setPinned(qint64 entityId, bool pinned)
{
    if (!m_positions.contains(entityId) || pinned == m_pinned.contains(entityId))
        return;
    if (pinned)
        m_pinned.insert(entityId);
    else
        m_pinned.remove(entityId);
    savePositions({entityId});
    rebuildPicture();
}

QString GraphSession::editRefusal() const
{
    if (!m_database)
        return tr("No database is open.");
    if (m_database->isReadOnly())
        return tr("%1 is read-only (%2); edits cannot be saved.").arg(m_displayName, m_database->readOnlyReason());
    return m_editsBlocked;
}

Result<EditRecord> GraphSession::applyEdit(const std::function<Result<EditRecord>(Curator &)> &edit)
{
    if (const QString refusal = editRefusal(); !refusal.isEmpty())
        return Error{refusal};
    Curator curator(*m_database);
    Result<EditRecord> made = edit(curator);
    if (!made)
        return made;
    // An edit may move mentions, names and links anywhere: everything is
    // read again, the filter, focus and layout kept.
    if (Result<void> reloaded = reload(); !reloaded)
        return Error{reloaded.error()};
    Q_EMIT editsChanged();
    return made;
}

Result<EditRecord> GraphSession::undoEdit(qint64 editId)
{
    return applyEdit([editId](Curator &curator) { return curator.undo(editId); });
}

Result<EditRecord> GraphSession::redoEdit(const EditRecord &undone)
{
    return applyEdit([&undone](Curator &curator) { return curator.redo(undone); });
}

Result<QList<EditRecord>> GraphSession::edits()
{
    if (!m_database)
        return QList<EditRecord>();
    return Curator(*m_database).edits();
}

Result<EditRecord> GraphSession::setEntityHidden(qint64 entityId, bool hidden)
{
    if (const QString refusal = editRefusal(); !refusal.isEmpty())
        return Error{refusal};
    Result<EditRecord> made = Curator(*m_database).setHidden(entityId, hidden);
    if (!made)
        return made;
    // Only the flag changed: the graph is rebuilt from what is read already.
    if (const auto it = m_nodeIndex.constFind(entityId); it != m_nodeIndex.constEnd())
        m_data.nodes[*it].hidden = hidden;
    rebuildGraph();
    Q_EMIT editsChanged();
    return made;
}

} // namespace NewsGraph
