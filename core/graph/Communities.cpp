#include "core/graph/Communities.h"

#include <igraph.h>

#include <QHash>

#include <algorithm>
#include <mutex>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// igraph keeps its random number generator and error handler as process-wide
// defaults. Every call into igraph goes through this lock, which installs a
// generator seeded for the call and an error handler that returns instead of
// aborting, and restores both afterwards.
class IgraphSession
{
public:
    explicit IgraphSession(quint32 seed)
        : m_lock(mutex())
    {
        m_previousHandler = igraph_set_error_handler(igraph_error_handler_ignore);
        igraph_rng_init(&m_rng, &igraph_rngtype_pcg32);
        igraph_rng_seed(&m_rng, seed);
        m_previousRng = igraph_rng_default();
        igraph_rng_set_default(&m_rng);
    }
    ~IgraphSession()
    {
        igraph_rng_set_default(m_previousRng);
        igraph_rng_destroy(&m_rng);
        igraph_set_error_handler(m_previousHandler);
    }
    IgraphSession(const IgraphSession &) = delete;
    IgraphSession &operator=(const IgraphSession &) = delete;

private:
    static std::mutex &mutex()
    {
        static std::mutex instance;
        return instance;
    }

    std::lock_guard<std::mutex> m_lock;
    igraph_error_handler_t *m_previousHandler = nullptr;
    igraph_rng_t m_rng;
    igraph_rng_t *m_previousRng = nullptr;
};

// RAII owners for the igraph values used here.
struct IntVector
{
    igraph_vector_int_t v;
    explicit IntVector(igraph_integer_t size) { igraph_vector_int_init(&v, size); }
    ~IntVector() { igraph_vector_int_destroy(&v); }
    IntVector(const IntVector &) = delete;
    IntVector &operator=(const IntVector &) = delete;
};

struct RealVector
{
    igraph_vector_t v;
    explicit RealVector(igraph_integer_t size) { igraph_vector_init(&v, size); }
    ~RealVector() { igraph_vector_destroy(&v); }
    RealVector(const RealVector &) = delete;
    RealVector &operator=(const RealVector &) = delete;
};

struct IgraphGraph
{
    igraph_t g;
    bool created = false;
    ~IgraphGraph()
    {
        if (created)
            igraph_destroy(&g);
    }
};

Error igraphError(const char *what, igraph_error_t code)
{
    return Error{u"Community detection failed (%1: %2)"_s.arg(QLatin1StringView(what),
                                                               QLatin1StringView(igraph_strerror(code)))};
}

// Renumbers so that community 0 is the largest; see Communities::membership.
QList<int> canonicalMembership(const igraph_vector_int_t &raw)
{
    const igraph_integer_t n = igraph_vector_int_size(&raw);
    QHash<igraph_integer_t, int> sizes;
    QHash<igraph_integer_t, igraph_integer_t> firstNode;
    for (igraph_integer_t i = 0; i < n; ++i) {
        const igraph_integer_t c = VECTOR(raw)[i];
        ++sizes[c];
        if (!firstNode.contains(c))
            firstNode.insert(c, i);
    }
    std::vector<igraph_integer_t> order;
    order.reserve(std::size_t(sizes.size()));
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it)
        order.push_back(it.key());
    std::sort(order.begin(), order.end(), [&](igraph_integer_t a, igraph_integer_t b) {
        if (sizes.value(a) != sizes.value(b))
            return sizes.value(a) > sizes.value(b);
        return firstNode.value(a) < firstNode.value(b);
    });
    QHash<igraph_integer_t, int> number;
    for (std::size_t i = 0; i < order.size(); ++i)
        number.insert(order[i], int(i));
    QList<int> membership(n);
    for (igraph_integer_t i = 0; i < n; ++i)
        membership[i] = number.value(VECTOR(raw)[i]);
    return membership;
}

} // namespace

Result<Communities> detectCommunities(const EntityGraph &graph, quint32 seed)
{
    const qsizetype n = graph.nodeCount();
    Communities result;
    if (n == 0)
        return result;
    const QList<GraphEdge> &edges = graph.edges();

    IgraphSession session(seed);
    IntVector edgeList(2 * edges.size());
    RealVector weights(edges.size());
    RealVector strength(n); // weighted degree: Leiden's node weights for modularity
    double totalWeight = 0.0;
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const igraph_integer_t a = graph.indexOf(edges.at(i).source);
        const igraph_integer_t b = graph.indexOf(edges.at(i).target);
        const double weight = std::max(1, edges.at(i).evidenceCount);
        VECTOR(edgeList.v)[2 * i] = a;
        VECTOR(edgeList.v)[2 * i + 1] = b;
        VECTOR(weights.v)[i] = weight;
        VECTOR(strength.v)[a] += weight;
        VECTOR(strength.v)[b] += weight;
        totalWeight += weight;
    }

    IgraphGraph g;
    if (const igraph_error_t code = igraph_create(&g.g, &edgeList.v, n, IGRAPH_UNDIRECTED); code != IGRAPH_SUCCESS)
        return igraphError("igraph_create", code);
    g.created = true;

    IntVector membership(n);
    if (edges.isEmpty()) {
        // Every node alone; Leiden's resolution 1/(2m) is undefined here.
        std::iota(VECTOR(membership.v), VECTOR(membership.v) + n, igraph_integer_t(0));
    } else {
        // Modularity as Leiden's objective: node weights are strengths and the
        // resolution 1 / (2m), as igraph's documentation prescribes. A
        // negative iteration count runs until the partition is stable.
        igraph_integer_t clusters = 0;
        igraph_real_t quality = 0.0;
        const igraph_error_t code =
            igraph_community_leiden(&g.g, &weights.v, &strength.v, 1.0 / (2.0 * totalWeight), 0.01,
                                    false, -1, &membership.v, &clusters, &quality);
        if (code != IGRAPH_SUCCESS)
            return igraphError("igraph_community_leiden", code);
    }

    result.membership = canonicalMembership(membership.v);
    result.count = int(*std::max_element(result.membership.cbegin(), result.membership.cend()) + 1);
    if (!edges.isEmpty()) {
        igraph_real_t modularity = 0.0;
        if (const igraph_error_t code =
                igraph_modularity(&g.g, &membership.v, &weights.v, 1.0, false, &modularity);
            code != IGRAPH_SUCCESS)
            return igraphError("igraph_modularity", code);
        result.modularity = modularity;
    }
    return result;
}

} // namespace NewsGraph
