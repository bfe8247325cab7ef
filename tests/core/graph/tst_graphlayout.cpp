#include "core/graph/EntityGraph.h"
#include "core/graph/GraphLayout.h"

#include <QRectF>
#include <QTest>

#include <cmath>
#include <random>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 firstId = 101; // entity ids are not node positions

qint64 idOf(int node)
{
    return firstId + node;
}

// Nodes 0..n-1 become entities 101..; each edge one partner_of statement in
// one sentence, which the default filter keeps.
EntityGraph makeGraph(int nodeCount, const QList<QPair<int, int>> &edges)
{
    GraphData data;
    for (int i = 0; i < nodeCount; ++i) {
        GraphNode node;
        node.entityId = idOf(i);
        node.name = u"Entity %1"_s.arg(i);
        node.type = i % 2 ? EntityType::Person : EntityType::Organization;
        node.mentions = 1;
        node.documentIds = {1};
        data.nodes.append(node);
    }
    qint64 sentence = 1;
    for (const auto &[a, b] : edges) {
        GraphEdge edge;
        edge.source = idOf(a);
        edge.target = idOf(b);
        edge.predicates = {u"partner_of"_s};
        edge.evidenceCount = 1;
        edge.confidence = 0.9;
        GraphEdgeEvidence evidence;
        evidence.documentId = 1;
        evidence.documentDate = QDate(2025, 6, 11);
        evidence.predicate = u"partner_of"_s;
        evidence.sentenceIds = {sentence++};
        edge.evidence = {evidence};
        data.edges.append(edge);
    }
    return EntityGraph::build(data, GraphFilter());
}

// Two dense groups of eight joined by one link: a graph with an obvious
// good drawing.
QList<QPair<int, int>> twoCommunities()
{
    QList<QPair<int, int>> edges;
    for (int group = 0; group < 2; ++group) {
        for (int i = 0; i < 8; ++i) {
            for (int j = i + 1; j < 8; ++j) {
                if ((i + j) % 3 != 0)
                    edges.append({group * 8 + i, group * 8 + j});
            }
        }
    }
    edges.append({0, 8});
    return edges;
}

// Components: a cycle of 10 (0-9), a star of 6 (10-15), a triangle
// (16-18), a pair (19-20) and two isolated entities (21, 22).
EntityGraph disconnectedGraph()
{
    QList<QPair<int, int>> edges;
    for (int i = 0; i < 10; ++i)
        edges.append({i, (i + 1) % 10});
    for (int i = 11; i < 16; ++i)
        edges.append({10, i});
    edges.append({16, 17});
    edges.append({17, 18});
    edges.append({18, 16});
    edges.append({19, 20});
    return makeGraph(23, edges);
}

const QList<QList<int>> disconnectedComponents{
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {10, 11, 12, 13, 14, 15}, {16, 17, 18}, {19, 20}, {21}, {22}};

// A sparse random graph, connected through a spanning path.
EntityGraph randomGraph(int n, int extraEdges, quint32 seed)
{
    std::mt19937 random(seed);
    QList<QPair<int, int>> edges;
    for (int i = 1; i < n; ++i)
        edges.append({int(random() % quint32(i)), i});
    for (int e = 0; e < extraEdges; ++e) {
        const int a = int(random() % quint32(n)), b = int(random() % quint32(n));
        if (a != b)
            edges.append({a, b});
    }
    return makeGraph(n, edges);
}

QRectF boundingBox(const QList<QPointF> &points)
{
    double left = points.front().x(), right = left, top = points.front().y(), bottom = top;
    for (const QPointF &p : points) {
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

bool isFinite(const QPointF &p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

double distance(const QPointF &a, const QPointF &b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

QHash<qint64, QPointF> layoutOf(const EntityGraph &graph, const LayoutOptions &options)
{
    const Result<QHash<qint64, QPointF>> result = computeLayout(graph, options);
    if (!result) {
        qWarning("%s", qPrintable(result.error()));
        return {};
    }
    return result.value();
}

LayoutOptions optionsFor(LayoutAlgorithm algorithm, quint32 seed = 1)
{
    LayoutOptions options;
    options.algorithm = algorithm;
    options.seed = seed;
    return options;
}

double meanEdgeLength(const EntityGraph &graph, const QHash<qint64, QPointF> &positions)
{
    double sum = 0;
    for (const GraphEdge &edge : graph.edges())
        sum += distance(positions.value(edge.source), positions.value(edge.target));
    return sum / double(graph.edgeCount());
}

void addAlgorithmRows(const QList<LayoutAlgorithm> &algorithms)
{
    QTest::addColumn<int>("algorithm");
    for (const LayoutAlgorithm algorithm : algorithms)
        QTest::newRow(qPrintable(layoutAlgorithmName(algorithm))) << int(algorithm);
}

const QList<LayoutAlgorithm> allAlgorithms{LayoutAlgorithm::ForceDirected, LayoutAlgorithm::KamadaKawai,
                                           LayoutAlgorithm::Circular, LayoutAlgorithm::Radial,
                                           LayoutAlgorithm::Scalable};
const QList<LayoutAlgorithm> forceAlgorithms{LayoutAlgorithm::ForceDirected, LayoutAlgorithm::KamadaKawai,
                                             LayoutAlgorithm::Scalable};

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        QCOMPARE(layoutAlgorithmNames(),
                 (QStringList{u"force"_s, u"kamada-kawai"_s, u"circular"_s, u"radial"_s, u"scalable"_s}));
        for (const LayoutAlgorithm algorithm : allAlgorithms)
            QCOMPARE(layoutAlgorithmFromName(layoutAlgorithmName(algorithm)), algorithm);
        QCOMPARE(layoutAlgorithmFromName(u"Kamada-Kawai"), LayoutAlgorithm::KamadaKawai);
        QCOMPARE(layoutAlgorithmFromName(u"SCALABLE"), LayoutAlgorithm::Scalable);
        QVERIFY(!layoutAlgorithmFromName(u"spring"));
        QVERIFY(!layoutAlgorithmFromName(u""));
        QCOMPARE(LayoutOptions().algorithm, LayoutAlgorithm::Scalable);
    }

    void everyNodeFinite_data() { addAlgorithmRows(allAlgorithms); }
    void everyNodeFinite()
    {
        QFETCH(int, algorithm);
        const EntityGraph graph = disconnectedGraph();
        const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm)));
        QCOMPARE(positions.size(), graph.nodeCount());
        for (const GraphNode &node : graph.nodes()) {
            QVERIFY(positions.contains(node.entityId));
            QVERIFY2(isFinite(positions.value(node.entityId)), qPrintable(node.name));
        }
        // Drawn 20 units wide, no two entities overlap.
        for (auto a = positions.cbegin(); a != positions.cend(); ++a) {
            for (auto b = std::next(a); b != positions.cend(); ++b)
                QVERIFY2(distance(*a, *b) > 20.0, qPrintable(u"%1 and %2"_s.arg(a.key()).arg(b.key())));
        }
    }

    void deterministic_data() { addAlgorithmRows(allAlgorithms); }
    void deterministic()
    {
        QFETCH(int, algorithm);
        const EntityGraph graph = disconnectedGraph();
        const LayoutOptions options = optionsFor(LayoutAlgorithm(algorithm), 42);
        const QHash<qint64, QPointF> first = layoutOf(graph, options);
        QCOMPARE(first.size(), graph.nodeCount());
        QCOMPARE(layoutOf(graph, options), first);
        const EntityGraph other = randomGraph(60, 40, 3);
        QCOMPARE(layoutOf(other, options), layoutOf(other, options));
    }

    void seedMatters_data() { addAlgorithmRows({LayoutAlgorithm::ForceDirected, LayoutAlgorithm::Scalable}); }
    void seedMatters()
    {
        QFETCH(int, algorithm);
        const EntityGraph graph = randomGraph(40, 20, 5);
        const QHash<qint64, QPointF> one = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm), 1));
        const QHash<qint64, QPointF> two = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm), 2));
        QCOMPARE(one.size(), graph.nodeCount());
        QCOMPARE(two.size(), graph.nodeCount());
        QVERIFY(one != two);
    }

    void pinnedStay_data() { addAlgorithmRows(allAlgorithms); }
    void pinnedStay()
    {
        QFETCH(int, algorithm);
        const EntityGraph graph = disconnectedGraph();
        LayoutOptions options = optionsFor(LayoutAlgorithm(algorithm));
        // Two entities of the cycle, one of the star; one more with an
        // initial position but not pinned.
        options.initial = {{idOf(0), QPointF(1000.5, -200.25)},
                           {idOf(5), QPointF(1300, 100)},
                           {idOf(10), QPointF(-500, 700)},
                           {idOf(16), QPointF(42, 42)}};
        options.pinned = {idOf(0), idOf(5), idOf(10), idOf(999)}; // 999: not in the graph, ignored
        const QHash<qint64, QPointF> positions = layoutOf(graph, options);
        QCOMPARE(positions.size(), graph.nodeCount());
        QCOMPARE(positions.value(idOf(0)), QPointF(1000.5, -200.25));
        QCOMPARE(positions.value(idOf(5)), QPointF(1300, 100));
        QCOMPARE(positions.value(idOf(10)), QPointF(-500, 700));
        for (const QPointF &p : positions)
            QVERIFY(isFinite(p));
        // The others made room for them.
        for (auto a = positions.cbegin(); a != positions.cend(); ++a) {
            for (auto b = std::next(a); b != positions.cend(); ++b) {
                if (!options.pinned.contains(a.key()) || !options.pinned.contains(b.key()))
                    QVERIFY2(distance(*a, *b) >= 40 * (1 - 1e-9),
                             qPrintable(u"%1 and %2: %3"_s.arg(a.key()).arg(b.key()).arg(distance(*a, *b))));
            }
        }
    }

    void pinnedInConnectedGraph_data() { addAlgorithmRows(forceAlgorithms); }
    void pinnedInConnectedGraph()
    {
        // The others settle around the pinned ones: the rest of the layout
        // stays within reach of them rather than somewhere else.
        QFETCH(int, algorithm);
        const EntityGraph graph = makeGraph(16, twoCommunities());
        LayoutOptions options = optionsFor(LayoutAlgorithm(algorithm));
        options.initial = {{idOf(0), QPointF(0, 0)}, {idOf(8), QPointF(600, 0)}};
        options.pinned = {idOf(0), idOf(8)};
        const QHash<qint64, QPointF> positions = layoutOf(graph, options);
        QCOMPARE(positions.value(idOf(0)), QPointF(0, 0));
        QCOMPARE(positions.value(idOf(8)), QPointF(600, 0));
        // Each community gathers around its pinned member.
        for (int i = 1; i < 8; ++i) {
            QVERIFY2(distance(positions.value(idOf(i)), QPointF(0, 0))
                         < distance(positions.value(idOf(i)), QPointF(600, 0)),
                     qPrintable(u"entity %1"_s.arg(i)));
            QVERIFY2(distance(positions.value(idOf(8 + i)), QPointF(600, 0))
                         < distance(positions.value(idOf(8 + i)), QPointF(0, 0)),
                     qPrintable(u"entity %1"_s.arg(8 + i)));
        }
    }

    void rerunFromOwnOutput_data() { addAlgorithmRows({LayoutAlgorithm::ForceDirected, LayoutAlgorithm::Scalable}); }
    void rerunFromOwnOutput()
    {
        // How the canvas lays out again after an edit: from the saved
        // positions, which should barely move, unlike a fresh layout.
        QFETCH(int, algorithm);
        const EntityGraph graph = randomGraph(200, 150, 11);
        LayoutOptions options = optionsFor(LayoutAlgorithm(algorithm), 3);
        const QHash<qint64, QPointF> first = layoutOf(graph, options);
        QCOMPARE(first.size(), graph.nodeCount());
        const QHash<qint64, QPointF> fresh = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm), 4));
        options.initial = first;
        options.seed = 4;
        const QHash<qint64, QPointF> second = layoutOf(graph, options);
        double moved = 0, movedFresh = 0;
        for (auto it = first.cbegin(); it != first.cend(); ++it) {
            moved += distance(*it, second.value(it.key()));
            movedFresh += distance(*it, fresh.value(it.key()));
        }
        moved /= double(first.size());
        movedFresh /= double(first.size());
        const double edge = meanEdgeLength(graph, first);
        QVERIFY2(moved < 0.4 * edge && moved * 5 < movedFresh,
                 qPrintable(u"moved %1 on average (a fresh layout %2, mean edge %3)"_s.arg(moved).arg(movedFresh).arg(edge)));
    }

    void newEntityJoinsItsNeighbours()
    {
        // One entity without a saved position among many with: it is put
        // with its neighbours, and the others keep their place.
        const EntityGraph graph = randomGraph(100, 60, 8);
        const qint64 newcomer = idOf(99);
        LayoutOptions options = optionsFor(LayoutAlgorithm::Scalable);
        QHash<qint64, QPointF> saved = layoutOf(graph, options);
        saved.remove(newcomer);
        options.initial = saved;
        const QHash<qint64, QPointF> positions = layoutOf(graph, options);
        QVERIFY(isFinite(positions.value(newcomer)));
        double nearest = std::numeric_limits<double>::max();
        for (const GraphEdge &edge : graph.edges()) {
            if (edge.source == newcomer || edge.target == newcomer) {
                const qint64 other = edge.source == newcomer ? edge.target : edge.source;
                nearest = std::min(nearest, distance(positions.value(newcomer), positions.value(other)));
            }
        }
        QVERIFY2(nearest < 300.0, qPrintable(u"nearest neighbour %1 away"_s.arg(nearest)));
        double moved = 0;
        for (auto it = saved.cbegin(); it != saved.cend(); ++it)
            moved += distance(*it, positions.value(it.key())) / double(saved.size());
        const double edge = meanEdgeLength(graph, positions);
        QVERIFY2(moved < 0.4 * edge, qPrintable(u"the others moved %1 on average, mean edge %2"_s.arg(moved).arg(edge)));
    }

    void componentsApart_data() { addAlgorithmRows({LayoutAlgorithm::ForceDirected, LayoutAlgorithm::KamadaKawai,
                                                    LayoutAlgorithm::Circular, LayoutAlgorithm::Scalable}); }
    void componentsApart()
    {
        QFETCH(int, algorithm);
        const EntityGraph graph = disconnectedGraph();
        const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm)));
        QList<QRectF> boxes;
        for (const QList<int> &component : disconnectedComponents) {
            QList<QPointF> points;
            for (const int node : component)
                points.append(positions.value(idOf(node)));
            // Room for the nodes themselves.
            boxes.append(boundingBox(points).adjusted(-20, -20, 20, 20));
        }
        for (qsizetype a = 0; a < boxes.size(); ++a) {
            for (qsizetype b = a + 1; b < boxes.size(); ++b)
                QVERIFY2(!boxes[a].intersects(boxes[b]), qPrintable(u"components %1 and %2"_s.arg(a).arg(b)));
        }
        // Packed near the origin rather than scattered.
        QRectF all = boxes.front();
        for (const QRectF &box : std::as_const(boxes))
            all = all.united(box); // none is empty, padded
        QVERIFY2(std::abs(all.center().x()) < 30 && std::abs(all.center().y()) < 30,
                 qPrintable(u"centre %1, %2"_s.arg(all.center().x()).arg(all.center().y())));
    }

    void manyIsolatedEntities_data() { addAlgorithmRows(allAlgorithms); }
    void manyIsolatedEntities()
    {
        // A filtered graph is often mostly lone entities: they are packed
        // in a compact block, apart, without a quadratic cost.
        QFETCH(int, algorithm);
        constexpr int lone = 2000;
        const EntityGraph graph = makeGraph(lone + 3, {{lone, lone + 1}, {lone + 1, lone + 2}, {lone + 2, lone}});
        const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm)));
        QCOMPARE(positions.size(), lone + 3);
        const QRectF box = boundingBox(positions.values());
        if (LayoutAlgorithm(algorithm) != LayoutAlgorithm::Radial) {
            // Shelves of about equal width and height.
            QVERIFY2(box.width() < 3 * box.height() && box.height() < 3 * box.width(),
                     qPrintable(u"%1 x %2"_s.arg(box.width()).arg(box.height())));
        }
        // Apart: sorted by x, only near neighbours in that order can be close.
        QList<QPointF> points = positions.values();
        std::sort(points.begin(), points.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
        for (qsizetype a = 0; a < points.size(); ++a) {
            for (qsizetype b = a + 1; b < points.size() && points[b].x() - points[a].x() < 40; ++b)
                QVERIFY2(distance(points[a], points[b]) >= 40 * (1 - 1e-9), qPrintable(QString::number(a)));
        }
    }

    void neighboursCloser_data() { addAlgorithmRows(forceAlgorithms); }
    void neighboursCloser()
    {
        QFETCH(int, algorithm);
        for (const EntityGraph &graph : {makeGraph(16, twoCommunities()), randomGraph(150, 100, 21)}) {
            const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm)));
            QCOMPARE(positions.size(), graph.nodeCount());
            const double neighbours = meanEdgeLength(graph, positions);
            double others = 0;
            qint64 pairs = 0;
            for (const GraphNode &a : graph.nodes()) {
                for (const GraphNode &b : graph.nodes()) {
                    if (a.entityId < b.entityId) {
                        others += distance(positions.value(a.entityId), positions.value(b.entityId));
                        ++pairs;
                    }
                }
            }
            others /= double(pairs);
            QVERIFY2(neighbours * 1.5 < others, qPrintable(u"edges %1, all pairs %2"_s.arg(neighbours).arg(others)));
            // Canvas units: an average edge is about 100 long, longer where
            // the graph is too dense to draw its nodes apart otherwise.
            QVERIFY2(neighbours > 90 && neighbours < 200, qPrintable(u"mean edge %1"_s.arg(neighbours)));
            // ... and no two nodes are closer than 40.
            for (const GraphNode &a : graph.nodes()) {
                for (const GraphNode &b : graph.nodes()) {
                    if (a.entityId < b.entityId) {
                        const double d = distance(positions.value(a.entityId), positions.value(b.entityId));
                        QVERIFY2(d >= 40 * (1 - 1e-9), qPrintable(u"%1 and %2: %3"_s.arg(a.name, b.name).arg(d)));
                    }
                }
            }
        }
    }

    void communitiesSeparate_data() { addAlgorithmRows(forceAlgorithms); }
    void communitiesSeparate()
    {
        // The two groups are drawn apart: each node is nearer its own
        // group's centre than the other's.
        QFETCH(int, algorithm);
        const EntityGraph graph = makeGraph(16, twoCommunities());
        const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm)));
        QPointF centres[2];
        for (int i = 0; i < 16; ++i)
            centres[i / 8] += positions.value(idOf(i)) / 8.0;
        for (int i = 0; i < 16; ++i) {
            const QPointF p = positions.value(idOf(i));
            QVERIFY2(distance(p, centres[i / 8]) < distance(p, centres[1 - i / 8]), qPrintable(u"entity %1"_s.arg(i)));
        }
    }

    void radialRings()
    {
        // A tree: 0 - {1, 2, 3}; 1 - {4, 5}; 2 - {6}; 4 - {7, 8}; and two
        // entities out of reach (9 - 10).
        const EntityGraph graph =
            makeGraph(11, {{0, 1}, {0, 2}, {0, 3}, {1, 4}, {1, 5}, {2, 6}, {4, 7}, {4, 8}, {9, 10}});
        LayoutOptions options = optionsFor(LayoutAlgorithm::Radial);
        options.focus = idOf(1);
        const QHash<qint64, QPointF> positions = layoutOf(graph, options);
        QCOMPARE(positions.size(), 11);
        QCOMPARE(positions.value(idOf(1)), QPointF(0, 0));
        // Hops from 1: 0, 4, 5 at 1; 2, 3, 7, 8 at 2; 6 at 3; 9, 10 unreachable.
        const QList<QList<int>> rings{{1}, {0, 4, 5}, {2, 3, 7, 8}, {6}, {9, 10}};
        double previousOuter = -1;
        for (const QList<int> &ring : rings) {
            double inner = std::numeric_limits<double>::max(), outer = 0;
            for (const int node : ring) {
                const double r = distance(positions.value(idOf(node)), QPointF(0, 0));
                inner = std::min(inner, r);
                outer = std::max(outer, r);
            }
            QVERIFY2(inner > previousOuter, qPrintable(u"ring of %1"_s.arg(ring.front())));
            QVERIFY(outer - inner < 1e-6); // one circle per hop count
            previousOuter = outer;
        }
        // The subtree of 4 keeps to its sector: 7 and 8 are nearer 4 than 3.
        for (const int leaf : {7, 8})
            QVERIFY(distance(positions.value(idOf(leaf)), positions.value(idOf(4)))
                    < distance(positions.value(idOf(leaf)), positions.value(idOf(3))));
    }

    void radialDefaultFocus()
    {
        // Without a focus, the entity with most links is the centre.
        const EntityGraph graph = makeGraph(6, {{0, 1}, {2, 1}, {3, 1}, {4, 1}, {4, 5}});
        const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm::Radial));
        QCOMPARE(positions.value(idOf(1)), QPointF(0, 0));
        QVERIFY(distance(positions.value(idOf(5)), QPointF()) > distance(positions.value(idOf(4)), QPointF()));
    }

    void radialUnknownFocus()
    {
        const EntityGraph graph = makeGraph(3, {{0, 1}, {1, 2}});
        LayoutOptions options = optionsFor(LayoutAlgorithm::Radial);
        options.focus = 7777;
        const Result<QHash<qint64, QPointF>> result = computeLayout(graph, options);
        QVERIFY(!result.ok());
        QVERIFY(result.error().contains(u"7777"_s));
        // Other algorithms ignore the focus.
        options.algorithm = LayoutAlgorithm::Circular;
        QVERIFY(computeLayout(graph, options).ok());
    }

    void emptyGraph_data() { addAlgorithmRows(allAlgorithms); }
    void emptyGraph()
    {
        QFETCH(int, algorithm);
        const Result<QHash<qint64, QPointF>> result = computeLayout(EntityGraph(), optionsFor(LayoutAlgorithm(algorithm)));
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QVERIFY(result->isEmpty());
    }

    void singleNode_data() { addAlgorithmRows(allAlgorithms); }
    void singleNode()
    {
        QFETCH(int, algorithm);
        const EntityGraph graph = makeGraph(1, {});
        const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm)));
        QCOMPARE(positions.size(), 1);
        QCOMPARE(positions.value(idOf(0)), QPointF(0, 0));

        LayoutOptions options = optionsFor(LayoutAlgorithm(algorithm));
        options.initial = {{idOf(0), QPointF(5, 6)}};
        options.pinned = {idOf(0)};
        QCOMPARE(layoutOf(graph, options).value(idOf(0)), QPointF(5, 6));
    }

    void twoNodes_data() { addAlgorithmRows(allAlgorithms); }
    void twoNodes()
    {
        QFETCH(int, algorithm);
        const EntityGraph graph = makeGraph(2, {{0, 1}});
        const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm(algorithm)));
        QCOMPARE(positions.size(), 2);
        const double length = distance(positions.value(idOf(0)), positions.value(idOf(1)));
        QVERIFY2(length > 50 && length < 150, qPrintable(QString::number(length)));
    }

    void cancelled_data() { addAlgorithmRows(forceAlgorithms); }
    void cancelled()
    {
        QFETCH(int, algorithm);
        LayoutOptions options = optionsFor(LayoutAlgorithm(algorithm));
        options.cancelled = [] { return true; };
        const Result<QHash<qint64, QPointF>> result = computeLayout(randomGraph(50, 30, 2), options);
        QVERIFY(!result.ok());
        QVERIFY(result.error().contains(u"cancelled"_s));
    }

    void kamadaKawaiLimit()
    {
        // Too large for Boost's O(n²) solver: a clear error, not minutes.
        const EntityGraph graph = randomGraph(1200, 0, 1);
        const Result<QHash<qint64, QPointF>> result = computeLayout(graph, optionsFor(LayoutAlgorithm::KamadaKawai));
        QVERIFY(!result.ok());
        QVERIFY(result.error().contains(u"1200"_s));
        QVERIFY(computeLayout(graph, optionsFor(LayoutAlgorithm::Scalable)).ok());
    }

    void scalableUnfoldsGrid()
    {
        // A 50 x 60 grid needs several levels of coarsening, and a folded or
        // collapsed drawing of it is easy to tell from an open one: open,
        // random pairs are about 40 edges apart, and no two nodes overlap.
        constexpr int columns = 50, rows = 60;
        QList<QPair<int, int>> edges;
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) {
                if (c + 1 < columns)
                    edges.append({r * columns + c, r * columns + c + 1});
                if (r + 1 < rows)
                    edges.append({r * columns + c, (r + 1) * columns + c});
            }
        }
        const EntityGraph graph = makeGraph(rows * columns, edges);
        const QHash<qint64, QPointF> positions = layoutOf(graph, optionsFor(LayoutAlgorithm::Scalable));
        QCOMPARE(positions.size(), rows * columns);
        const double edgeMean = meanEdgeLength(graph, positions);
        QVERIFY2(std::abs(edgeMean - 100) < 5, qPrintable(QString::number(edgeMean)));
        double others = 0;
        std::mt19937 random(1);
        for (int s = 0; s < 5000; ++s)
            others += distance(positions.value(idOf(int(random() % (rows * columns)))),
                               positions.value(idOf(int(random() % (rows * columns)))));
        others /= 5000;
        QVERIFY2(others > 25 * edgeMean, qPrintable(u"edges %1, random pairs %2"_s.arg(edgeMean).arg(others)));
        double closest = std::numeric_limits<double>::max();
        const QList<QPointF> points = positions.values();
        for (qsizetype a = 0; a < points.size(); ++a) {
            for (qsizetype b = a + 1; b < points.size(); ++b)
                closest = std::min(closest, distance(points[a], points[b]));
        }
        QVERIFY2(closest > 30, qPrintable(u"closest pair %1"_s.arg(closest)));
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
