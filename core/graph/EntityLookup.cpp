#include "core/graph/EntityLookup.h"

#include "core/extract/Lexicon.h"

#include <algorithm>
#include <vector>

namespace NewsGraph {

namespace {

// Levenshtein distance, giving up (returning limit + 1) once it must exceed
// `limit`: only near misses are of interest.
int boundedEditDistance(QStringView a, QStringView b, int limit)
{
    if (std::abs(int(a.size()) - int(b.size())) > limit)
        return limit + 1;
    std::vector<int> previous(std::size_t(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (std::size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        int rowBest = current[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[std::size_t(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[std::size_t(j)] = std::min({previous[std::size_t(j)] + 1, current[std::size_t(j - 1)] + 1,
                                                substitution});
            rowBest = std::min(rowBest, current[std::size_t(j)]);
        }
        if (rowBest > limit)
            return limit + 1;
        previous.swap(current);
    }
    return previous.back();
}

// 0 for a word-prefix match ("nvid" in "nvidia corporation"), else the edit
// distance when small enough to be a typo, else -1.
int closeness(const QString &query, const QString &candidate)
{
    if (candidate.startsWith(query) || candidate.contains(u' ' + query))
        return 0;
    const int limit = query.size() < 5 ? 1 : query.size() < 10 ? 2 : 3;
    const int distance = boundedEditDistance(query, candidate, limit);
    return distance <= limit ? distance : -1;
}

} // namespace

EntityLookup lookUpEntity(const QList<GraphNode> &nodes, const QString &name)
{
    EntityLookup lookup;
    const QString query = foldName(name);
    if (query.isEmpty())
        return lookup;

    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (foldName(nodes.at(i).name) == query)
            lookup.matches.append(i);
    }
    if (!lookup.matches.isEmpty())
        return lookup;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QStringList &aliases = nodes.at(i).aliases;
        if (std::any_of(aliases.cbegin(), aliases.cend(),
                        [&](const QString &alias) { return foldName(alias) == query; }))
            lookup.matches.append(i);
    }
    if (!lookup.matches.isEmpty())
        return lookup;

    struct Candidate
    {
        qsizetype node;
        int distance;
    };
    std::vector<Candidate> candidates;
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        int best = closeness(query, foldName(nodes.at(i).name));
        for (const QString &alias : nodes.at(i).aliases) {
            const int distance = closeness(query, foldName(alias));
            if (distance >= 0 && (best < 0 || distance < best))
                best = distance;
        }
        if (best >= 0)
            candidates.push_back({i, best});
    }
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate &a, const Candidate &b) {
        if (a.distance != b.distance)
            return a.distance < b.distance;
        return nodes.at(a.node).mentions > nodes.at(b.node).mentions;
    });
    for (std::size_t i = 0; i < candidates.size() && i < 5; ++i)
        lookup.suggestions.append(candidates[i].node);
    return lookup;
}

} // namespace NewsGraph
