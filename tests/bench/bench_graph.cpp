// Entity graph throughput on one core: building the graph from GraphData,
// filtering it, its metrics, and the scalable layout, on synthetic graphs of
// 1k, 10k and 100k entities (or the sizes given as arguments), then the same
// layout by Graphviz sfdp for comparison when it is installed: its time, and
// how readable both layouts are (see printQuality()).
//
// The graphs are grown by preferential attachment inside communities (each
// new entity links to five earlier ones, mostly in its own community), so
// they have the hubs and clusters of a news graph; every edge carries one
// to three evidence entries with documents, dates and predicates so that
// the filters have work to do. Deterministic: the same sizes give the same
// graphs.

#include "core/graph/EntityGraph.h"
#include "core/graph/GraphFilter.h"
#include "core/graph/GraphLayout.h"
#include "core/graph/GraphMetrics.h"
#include "core/store/GraphData.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <unordered_set>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

constexpr int edgesPerEntity = 5;

GraphData syntheticGraph(int n)
{
    std::mt19937 random(20250611u + quint32(n));
    auto uniform = [&](int bound) { return int(random() % quint32(bound)); };

    const QStringList predicates{u"partner_of"_s, u"deal_with"_s,  u"competes_with"_s, u"supplies"_s,
                                 u"invests_in"_s, u"works_for"_s,  u"located_in"_s,    u"customer_of"_s};
    const EntityType types[] = {EntityType::Organization, EntityType::Organization, EntityType::Person,
                                EntityType::Person,       EntityType::Place,        EntityType::Product,
                                EntityType::Event};
    GraphData data;
    data.nodes.reserve(n);
    std::vector<int> community(static_cast<std::size_t>(n));
    std::vector<std::vector<int>> communityEnds; // endpoints of edges in each community, for degree-proportional picks
    std::vector<int> allEnds;
    std::vector<std::pair<int, int>> edges;
    std::unordered_set<quint64> seen;
    for (int v = 0; v < n; ++v) {
        GraphNode node;
        node.entityId = v + 1;
        node.name = u"Entity %1"_s.arg(v + 1);
        node.type = types[uniform(int(std::size(types)))];
        node.mentions = 1 + uniform(20);
        data.nodes.append(node);

        // A new community now and then (a new story), else one of the
        // existing ones, any of them alike.
        int c;
        if (communityEnds.empty() || uniform(100) < 4) {
            c = int(communityEnds.size());
            communityEnds.emplace_back();
        } else {
            c = uniform(int(communityEnds.size()));
        }
        community[std::size_t(v)] = c;
        const int wanted = std::min(v, edgesPerEntity);
        for (int tries = 0, added = 0; added < wanted && tries < 50; ++tries) {
            const std::vector<int> &local = communityEnds[std::size_t(c)];
            int w;
            // Mostly inside the community, by degree; otherwise to the
            // graph's hubs, or anywhere.
            if (uniform(100) < 85 && !local.empty())
                w = local[std::size_t(uniform(int(local.size())))];
            else if (!allEnds.empty() && uniform(100) < 70)
                w = allEnds[std::size_t(uniform(int(allEnds.size())))];
            else
                w = uniform(v);
            const quint64 key = quint64(std::min(v, w)) << 32 | quint64(std::max(v, w));
            if (w == v || !seen.insert(key).second)
                continue;
            edges.emplace_back(w, v);
            for (const int end : {v, w}) {
                allEnds.push_back(end);
                communityEnds[std::size_t(community[std::size_t(end)])].push_back(end);
            }
            ++added;
        }
        if (wanted > 0 && communityEnds[std::size_t(c)].empty())
            communityEnds[std::size_t(c)].push_back(v);
    }

    const int documents = std::max(10, n / 2);
    const QDate firstDay(2020, 1, 1);
    data.edges.reserve(qsizetype(edges.size()));
    for (const auto &[a, b] : edges) {
        GraphEdge edge;
        edge.source = a + 1;
        edge.target = b + 1;
        edge.confidence = 0.5 + 0.1 * uniform(5);
        QSet<qint64> sentences;
        const int entries = 1 + uniform(3);
        for (int e = 0; e < entries; ++e) {
            GraphEdgeEvidence evidence;
            evidence.documentId = 1 + uniform(documents);
            evidence.documentDate = firstDay.addDays(evidence.documentId % 1500);
            evidence.predicate = predicates[uniform(int(predicates.size()))];
            evidence.reversed = uniform(4) == 0;
            const int count = 1 + uniform(2);
            for (int s = 0; s < count; ++s) {
                const qint64 sentence = evidence.documentId * 1000 + uniform(40);
                if (!evidence.sentenceIds.contains(sentence))
                    evidence.sentenceIds.append(sentence);
            }
            std::sort(evidence.sentenceIds.begin(), evidence.sentenceIds.end());
            for (const qint64 sentence : std::as_const(evidence.sentenceIds))
                sentences.insert(sentence);
            if (!edge.predicates.contains(evidence.predicate))
                edge.predicates.append(evidence.predicate);
            edge.evidence.append(evidence);
        }
        edge.predicates.sort();
        edge.evidenceCount = int(sentences.size());
        data.edges.append(edge);
    }
    return data;
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double peakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

// How readable a layout is, in figures: its mean edge length (ours: the
// canvas unit, 100, or more where the graph is too dense to draw its nodes
// apart at that scale), how far apart random pairs are against it, and the
// share of entities with another closer than 20 units (they would overlap
// when drawn 20 units wide).
struct Quality
{
    double meanEdge = 0;
    double randomPair = 0;
    double crowded = 0; // fraction
};

double meanEdgeLength(const EntityGraph &graph, const std::vector<QPointF> &p)
{
    double sum = 0;
    for (const GraphEdge &edge : graph.edges()) {
        const QPointF d = p[std::size_t(graph.indexOf(edge.source))] - p[std::size_t(graph.indexOf(edge.target))];
        sum += std::hypot(d.x(), d.y());
    }
    return graph.edgeCount() > 0 ? sum / double(graph.edgeCount()) : 0.0;
}

Quality measure(const EntityGraph &graph, const std::vector<QPointF> &p)
{
    Quality quality;
    quality.meanEdge = meanEdgeLength(graph, p);
    std::mt19937 random(7);
    const int samples = 20000;
    for (int s = 0; s < samples; ++s) {
        const QPointF d = p[random() % p.size()] - p[random() % p.size()];
        quality.randomPair += std::hypot(d.x(), d.y()) / samples;
    }
    // Close pairs through a grid of 20-unit cells.
    constexpr double close = 20.0;
    std::vector<std::pair<std::pair<qint64, qint64>, std::size_t>> cells(p.size());
    for (std::size_t i = 0; i < p.size(); ++i)
        cells[i] = {{qint64(std::floor(p[i].x() / close)), qint64(std::floor(p[i].y() / close))}, i};
    std::sort(cells.begin(), cells.end());
    std::vector<bool> crowded(p.size(), false);
    for (const auto &[key, i] : cells) {
        for (qint64 dx = -1; dx <= 1; ++dx) {
            for (qint64 dy = -1; dy <= 1; ++dy) {
                const std::pair<qint64, qint64> around{key.first + dx, key.second + dy};
                for (auto it = std::lower_bound(cells.begin(), cells.end(), std::make_pair(around, std::size_t(0)));
                     it != cells.end() && it->first == around; ++it) {
                    const QPointF d = p[i] - p[it->second];
                    if (it->second != i && std::hypot(d.x(), d.y()) < close)
                        crowded[i] = true;
                }
            }
        }
    }
    quality.crowded = double(std::count(crowded.begin(), crowded.end(), true)) / double(std::max<std::size_t>(p.size(), 1));
    return quality;
}

std::vector<QPointF> byIndex(const EntityGraph &graph, const QHash<qint64, QPointF> &positions)
{
    std::vector<QPointF> p(std::size_t(graph.nodeCount()));
    for (qsizetype i = 0; i < graph.nodeCount(); ++i)
        p[std::size_t(i)] = positions.value(graph.nodes().at(i).entityId);
    return p;
}

void printQuality(const char *label, const Quality &quality)
{
    std::printf("    %-20s mean edge %.0f, random pair x%.1f of it, within 20 units of another: %.2f%%\n", label,
                quality.meanEdge, quality.meanEdge > 0 ? quality.randomPair / quality.meanEdge : 0.0,
                100.0 * quality.crowded);
}

// Node positions from Graphviz's -Tplain output ("node NAME X Y ..."), in
// inches; our node names are the positions in nodes().
std::vector<QPointF> readPlain(const QString &path, qsizetype nodeCount)
{
    std::vector<QPointF> p(static_cast<std::size_t>(nodeCount));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().split(' ');
        if (fields.size() >= 4 && fields[0] == "node") {
            const qsizetype index = fields[1].toLongLong();
            if (index >= 0 && index < nodeCount)
                p[std::size_t(index)] = QPointF(fields[2].toDouble(), fields[3].toDouble());
        }
    }
    return p;
}

bool writeDot(const EntityGraph &graph, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray text = "graph G {\n";
    text.reserve(graph.edgeCount() * 16 + graph.nodeCount() * 8);
    for (qsizetype i = 0; i < graph.nodeCount(); ++i)
        text += QByteArray::number(i) + ";\n";
    for (const GraphEdge &edge : graph.edges())
        text += QByteArray::number(graph.indexOf(edge.source)) + " -- " + QByteArray::number(graph.indexOf(edge.target))
                + ";\n";
    text += "}\n";
    return file.write(text) == text.size();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i) {
        bool ok = false;
        const int size = QString::fromLocal8Bit(argv[i]).toInt(&ok);
        if (!ok || size < 2) {
            std::fprintf(stderr, "usage: bench_graph [ENTITIES...]   (default: 1000 10000 100000)\n");
            return 2;
        }
        sizes.append(size);
    }
    if (sizes.isEmpty())
        sizes = {1000, 10000, 100000};

    const QString sfdp = QStandardPaths::findExecutable(u"sfdp"_s);
    QTemporaryDir scratch;
    std::printf("bench_graph: synthetic entity graphs (preferential attachment in communities, %d links per new "
                "entity), one thread\n",
                edgesPerEntity);

    GraphFilter everything;
    everything.includeCooccurrence = true;
    everything.includeHidden = true;
    GraphFilter narrowed;
    narrowed.types = {EntityType::Person, EntityType::Organization, EntityType::Product};
    narrowed.minimumEvidence = 2;
    narrowed.from = QDate(2021, 1, 1);
    narrowed.to = QDate(2023, 12, 31);
    narrowed.predicates = {u"partner_of"_s, u"deal_with"_s, u"invests_in"_s, u"supplies"_s, u"works_for"_s};

    for (const int n : std::as_const(sizes)) {
        QElapsedTimer timer;
        timer.start();
        const GraphData data = syntheticGraph(n);
        const double generateMs = milliseconds(timer);
        std::printf("\n%d entities, %lld edges (generated in %.0f ms)\n", n, qlonglong(data.edges.size()), generateMs);

        timer.start();
        const EntityGraph graph = EntityGraph::build(data, everything);
        std::printf("    build (unfiltered)   %9.1f ms\n", milliseconds(timer));

        timer.start();
        const EntityGraph filtered = EntityGraph::build(data, narrowed);
        std::printf("    build (filtered)     %9.1f ms  -> %lld entities, %lld edges (3 types, >= 2 sentences, "
                    "2021-2023, 5 predicates)\n",
                    milliseconds(timer), qlonglong(filtered.nodeCount()), qlonglong(filtered.edgeCount()));

        timer.start();
        const QList<int> degrees = graph.degrees();
        const QList<double> rank = graph.pageRank();
        const QList<int> components = graph.components();
        const int componentCount = components.isEmpty() ? 0 : *std::max_element(components.begin(), components.end()) + 1;
        std::printf("    degree+PageRank+components %3.1f ms  (%d components, top degree %d)\n", milliseconds(timer),
                    componentCount, degrees.isEmpty() ? 0 : *std::max_element(degrees.begin(), degrees.end()));

        if (n <= 20000) {
            timer.start();
            const QList<double> betweenness = graph.betweenness();
            std::printf("    betweenness (exact)  %9.1f ms\n", milliseconds(timer));
        } else {
            std::printf("    betweenness (exact)  skipped: Brandes is O(nodes x edges), hours at this size\n");
        }
        {
            // What the explorer and newsgraph-cli do by default.
            const MetricsOptions defaults;
            BetweennessOptions sample;
            sample.pivots = betweennessPivots(graph, defaults);
            timer.start();
            const QList<double> estimate = graph.betweenness(sample);
            std::printf("    betweenness (default budget: %lld of %d sources) %9.1f ms\n", qlonglong(sample.pivots), n,
                        milliseconds(timer));
            timer.start();
            const Result<GraphMetrics> all = computeMetrics(graph, defaults);
            std::printf("    computeMetrics (default budget) %9.1f ms  (%d communities)\n", milliseconds(timer),
                        all ? all->communities : -1);
        }

        LayoutOptions options;
        options.algorithm = LayoutAlgorithm::Scalable;
        timer.start();
        const Result<QHash<qint64, QPointF>> filteredLayout = computeLayout(filtered, options);
        const double filteredLayoutMs = milliseconds(timer);
        timer.start();
        const Result<QHash<qint64, QPointF>> layout = computeLayout(graph, options);
        const double layoutMs = milliseconds(timer);
        if (!layout || !filteredLayout) {
            std::printf("    scalable layout      failed: %s\n", qPrintable(layout.error() + filteredLayout.error()));
            continue;
        }
        const QList<int> filteredComponents = filtered.components();
        std::printf("    scalable layout      %9.1f ms  (filtered graph: %.1f ms, %d components)\n", layoutMs,
                    filteredLayoutMs,
                    filteredComponents.isEmpty()
                        ? 0
                        : *std::max_element(filteredComponents.begin(), filteredComponents.end()) + 1);
        const Quality ours = measure(graph, byIndex(graph, *layout));
        printQuality("layout quality", ours);
        std::printf("    peak memory so far   %9.1f MB (ru_maxrss)\n", peakMegabytes());

        if (sfdp.isEmpty()) {
            std::printf("    sfdp                 not installed (apt-get install graphviz); comparison skipped\n");
            continue;
        }
        const QString dotPath = scratch.filePath(u"graph-%1.dot"_s.arg(n));
        const QString plainPath = scratch.filePath(u"graph-%1.txt"_s.arg(n));
        if (!writeDot(graph, dotPath)) {
            std::printf("    sfdp                 cannot write %s\n", qPrintable(dotPath));
            continue;
        }
        // Layout only, as ours: no overlap removal, positions written as
        // plain text.
        const QStringList arguments{u"-Goverlap=true"_s, u"-Tplain"_s, u"-o"_s, plainPath, dotPath};
        QProcess process;
        timer.start();
        process.start(sfdp, arguments);
        const bool finished = process.waitForStarted() && process.waitForFinished(30 * 60 * 1000);
        const double sfdpMs = milliseconds(timer);
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            std::printf("    sfdp                 failed or timed out after %.0f ms: %s\n", sfdpMs,
                        process.readAllStandardError().trimmed().constData());
            continue;
        }
        std::printf("    sfdp layout          %9.1f ms  (%s) -> ours / sfdp = %.2f\n", sfdpMs,
                    qPrintable(arguments.mid(0, 2).join(u' ')), layoutMs / sfdpMs);
        // Its layout at our mean edge length, to compare like with like.
        std::vector<QPointF> theirs = readPlain(plainPath, graph.nodeCount());
        const double theirMeanEdge = theirs.empty() ? 0.0 : meanEdgeLength(graph, theirs);
        if (theirMeanEdge > 0) {
            for (QPointF &p : theirs)
                p *= ours.meanEdge / theirMeanEdge;
            printQuality("sfdp layout quality", measure(graph, theirs));
        }
    }
    return 0;
}
