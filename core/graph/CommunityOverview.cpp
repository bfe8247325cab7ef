#include "core/graph/CommunityOverview.h"

#include <QLocale>

#include <algorithm>
#include <map>
#include <set>

using namespace Qt::StringLiterals;

namespace NewsGraph {

CommunityOverview buildCommunityOverview(const EntityGraph &graph, const GraphMetrics &metrics,
                                         const CommunityOverviewOptions &options)
{
    CommunityOverview overview;
    const QList<GraphNode> &nodes = graph.nodes();
    if (metrics.nodes.size() != nodes.size())
        return overview;

    // Members of each community, the most central first.
    QHash<int, QList<qsizetype>> members;
    for (qsizetype i = 0; i < nodes.size(); ++i)
        members[metrics.nodes.at(i).community].append(i);
    const auto moreCentral = [&](qsizetype a, qsizetype b) {
        const double pa = metrics.nodes.at(a).pageRank, pb = metrics.nodes.at(b).pageRank;
        if (pa != pb)
            return pa > pb;
        if (nodes.at(a).mentions != nodes.at(b).mentions)
            return nodes.at(a).mentions > nodes.at(b).mentions;
        return nodes.at(a).entityId < nodes.at(b).entityId;
    };
    QList<int> communities = members.keys();
    // The largest first; the community number (Leiden's, by size) on a tie.
    std::sort(communities.begin(), communities.end(), [&](int a, int b) {
        return members.value(a).size() != members.value(b).size() ? members.value(a).size() > members.value(b).size()
                                                                   : a < b;
    });

    QHash<int, qsizetype> drawnAt; // community -> position in data.nodes
    const QLocale locale;
    for (int community : std::as_const(communities)) {
        QList<qsizetype> &own = members[community];
        if (own.size() < options.minimumMembers || drawnAt.size() >= options.maximumCommunities) {
            ++overview.omittedCommunities;
            overview.omittedEntities += int(own.size());
            continue;
        }
        std::sort(own.begin(), own.end(), moreCentral);
        GraphNode node;
        node.entityId = overviewNodeId(community);
        QStringList names;
        std::map<EntityType, int> types; // ordered: a tie goes the same way every time
        double pageRank = 0.0;
        for (qsizetype i : std::as_const(own)) {
            if (names.size() < options.namesPerCommunity)
                names.append(nodes.at(i).name);
            ++types[nodes.at(i).type];
            pageRank += metrics.nodes.at(i).pageRank;
        }
        const qsizetype more = own.size() - names.size();
        node.name = names.join(u", "_s) + (more > 0 ? u" +%1"_s.arg(locale.toString(qint64(more))) : QString());
        node.type = std::max_element(types.cbegin(), types.cend(), [](const auto &a, const auto &b) {
                        return a.second < b.second;
                    })->first;
        node.mentions = int(own.size());
        drawnAt.insert(community, overview.data.nodes.size());
        overview.data.nodes.append(node);
        NodeMetrics measured;
        measured.community = community;
        measured.pageRank = pageRank;
        overview.metrics.nodes.append(measured);
        overview.members.insert(community, own);
    }
    overview.metrics.communities = int(overview.data.nodes.size());

    // Links between drawn communities, counted by pair.
    std::map<std::pair<qsizetype, qsizetype>, int> links;
    for (const GraphEdge &edge : graph.edges()) {
        const int a = metrics.nodes.at(graph.indexOf(edge.source)).community;
        const int b = metrics.nodes.at(graph.indexOf(edge.target)).community;
        const auto x = drawnAt.constFind(a), y = drawnAt.constFind(b);
        if (a == b || x == drawnAt.cend() || y == drawnAt.cend())
            continue;
        ++links[{std::min(*x, *y), std::max(*x, *y)}];
    }
    // Each community keeps its strongest links (the first pair on a tie).
    QHash<qsizetype, QList<std::pair<int, std::pair<qsizetype, qsizetype>>>> byCommunity;
    for (const auto &[pair, count] : links) {
        byCommunity[pair.first].append({count, pair});
        byCommunity[pair.second].append({count, pair});
    }
    std::set<std::pair<qsizetype, qsizetype>> kept;
    for (auto it = byCommunity.begin(); it != byCommunity.end(); ++it) {
        auto &candidates = it.value();
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        for (qsizetype k = 0; k < candidates.size() && k < options.linksPerCommunity; ++k)
            kept.insert(candidates.at(k).second);
    }
    for (const auto &[pair, count] : links) {
        if (!kept.count(pair))
            continue;
        GraphEdge edge;
        edge.source = overview.data.nodes.at(pair.first).entityId;
        edge.target = overview.data.nodes.at(pair.second).entityId;
        edge.predicates = {u"linked"_s};
        edge.evidenceCount = count;
        edge.confidence = 1.0;
        // One "statement" per member link, both ways (so the edge is drawn
        // undirected and the graph filter counts `count` of them).
        GraphEdgeEvidence forward;
        forward.predicate = u"linked"_s;
        for (int k = 1; k <= count; ++k)
            forward.sentenceIds.append(k);
        GraphEdgeEvidence backward = forward;
        backward.reversed = true;
        edge.evidence = {forward, backward};
        overview.data.edges.append(edge);
    }
    return overview;
}

} // namespace NewsGraph
