#pragma once

#include "core/graph/EntityGraph.h"
#include "core/graph/GraphMetrics.h"
#include "core/store/GraphData.h"

#include <QHash>
#include <QList>

namespace NewsGraph {

// A picture of a big graph the eye can read: its communities (the Leiden
// ones of GraphMetrics) as single nodes, named after their most central
// entities and sized by their members, with one link between two
// communities that stands for all the links between their members
// ("overview first, zoom and filter, details on demand": Shneiderman, 1996).
struct CommunityOverview
{
    // One node per community drawn, the largest first: entityId is
    // overviewNodeId(community); name is that of its most central members
    // (by PageRank, then mentions) and how many more it holds; type the
    // commonest among them; mentions its member count. Undirected edges
    // between communities whose evidence count is the number of links
    // between their members: for each community its strongest few, so that
    // forty communities that all touch draw a readable skeleton rather than
    // 780 lines.
    GraphData data;
    // For the overview's nodes, in data.nodes order: community as in the
    // graph (so that colours agree with the members' own), PageRank summed.
    GraphMetrics metrics;
    // Entity graph positions of each drawn community's members, the most
    // central first.
    QHash<int, QList<qsizetype>> members;
    // What is not drawn: communities below the size threshold or past the
    // count limit (single entities among them), and their entities.
    int omittedCommunities = 0;
    int omittedEntities = 0;
};

struct CommunityOverviewOptions
{
    int maximumCommunities = 40;
    int minimumMembers = 3;
    int namesPerCommunity = 1;
    int linksPerCommunity = 3;
};

// The id of the overview node of a community: negative, so that it is never
// an entity's (entity ids are positive).
constexpr qint64 overviewNodeId(int community) { return -qint64(community) - 1; }
constexpr int communityOfOverviewNode(qint64 nodeId) { return int(-nodeId - 1); }
constexpr bool isOverviewNode(qint64 nodeId) { return nodeId < 0; }

// `metrics` must be computeMetrics()'s for `graph` (communities found).
CommunityOverview buildCommunityOverview(const EntityGraph &graph, const GraphMetrics &metrics,
                                         const CommunityOverviewOptions &options = {});

} // namespace NewsGraph
