#include "core/syntax/ArcHybridState.h"

#include <QTest>

#include <random>

using namespace NewsGraph;

namespace {

// Whether heads (indexed by word, entry 0 the root's) form a tree over
// words 1..n with exactly one word on the root, every word reaching it.
bool isTree(const std::vector<int> &heads)
{
    const int n = int(heads.size()) - 1;
    int rootDependents = 0;
    for (int w = 1; w <= n; ++w) {
        if (heads[std::size_t(w)] < 0 || heads[std::size_t(w)] > n || heads[std::size_t(w)] == w)
            return false;
        rootDependents += heads[std::size_t(w)] == 0;
        int steps = 0;
        for (int h = w; h != 0; h = heads[std::size_t(h)]) {
            if (++steps > n)
                return false; // a cycle
        }
    }
    return rootDependents == 1;
}

// No arc crosses another, and none covers the root's dependent.
bool isProjective(const std::vector<int> &heads)
{
    const int n = int(heads.size()) - 1;
    for (int a = 1; a <= n; ++a) {
        const int a1 = std::min(a, heads[std::size_t(a)]), a2 = std::max(a, heads[std::size_t(a)]);
        for (int b = 1; b <= n; ++b) {
            const int b1 = std::min(b, heads[std::size_t(b)]), b2 = std::max(b, heads[std::size_t(b)]);
            if (a1 < b1 && b1 < a2 && a2 < b2)
                return false;
        }
    }
    return true;
}

// A random projective tree over n words, grown by attaching each word in
// turn somewhere its arc crosses nothing.
std::vector<int> randomProjectiveTree(int n, std::mt19937 &random)
{
    while (true) {
        std::vector<int> heads(std::size_t(n) + 1, -1);
        const int root = 1 + int(random() % quint32(n));
        heads[std::size_t(root)] = 0;
        bool stuck = false;
        for (int w = 1; w <= n && !stuck; ++w) {
            if (w == root)
                continue;
            std::vector<int> candidates;
            for (int h = 1; h <= n; ++h) {
                if (h == w)
                    continue;
                heads[std::size_t(w)] = h;
                // Only arcs so far; words without a head yet are left out.
                std::vector<int> partial = heads;
                bool ok = true;
                for (int x = 1; x <= n && ok; ++x) {
                    if (partial[std::size_t(x)] < 0)
                        continue;
                    for (int y = 1; y <= n && ok; ++y) {
                        if (partial[std::size_t(y)] < 0)
                            continue;
                        const int x1 = std::min(x, partial[std::size_t(x)]), x2 = std::max(x, partial[std::size_t(x)]);
                        const int y1 = std::min(y, partial[std::size_t(y)]), y2 = std::max(y, partial[std::size_t(y)]);
                        ok = !(x1 < y1 && y1 < x2 && x2 < y2);
                        // The root's dependent may not be covered.
                        if (partial[std::size_t(x)] == 0 && y1 < x && x < y2)
                            ok = false;
                    }
                }
                if (ok)
                    candidates.push_back(h);
            }
            heads[std::size_t(w)] = -1;
            if (candidates.empty())
                stuck = true;
            else
                heads[std::size_t(w)] = candidates[random() % candidates.size()];
        }
        if (!stuck && isTree(heads) && isProjective(heads))
            return heads;
    }
}

int wrongHeads(const ArcHybridState &state, const std::vector<int> &gold)
{
    int wrong = 0;
    for (int w = 1; w <= state.wordCount(); ++w)
        wrong += state.head(w) != gold[std::size_t(w)];
    return wrong;
}

} // namespace

class TestArcHybridState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anyLegalMovesEndInAProjectiveTree()
    {
        std::mt19937 random(7);
        for (int trial = 0; trial < 500; ++trial) {
            const int n = 1 + int(random() % 12);
            ArcHybridState state(n);
            int moves = 0;
            while (!state.isTerminal()) {
                std::vector<ArcHybridState::Move> legal;
                for (const auto move : {ArcHybridState::Shift, ArcHybridState::Left, ArcHybridState::Right}) {
                    if (state.isLegal(move))
                        legal.push_back(move);
                }
                QVERIFY(!legal.empty());
                state.apply(legal[random() % legal.size()], 0);
                ++moves;
            }
            QCOMPARE(moves, 2 * n);
            QVERIFY(isTree(state.heads()));
            QVERIFY(isProjective(state.heads()));
        }
    }

    void zeroCostMovesRebuildTheGoldTree()
    {
        std::mt19937 random(11);
        for (int trial = 0; trial < 300; ++trial) {
            const int n = 1 + int(random() % 10);
            const std::vector<int> gold = randomProjectiveTree(n, random);
            ArcHybridState state(n);
            while (!state.isTerminal()) {
                std::vector<ArcHybridState::Move> free;
                for (const auto move : {ArcHybridState::Shift, ArcHybridState::Left, ArcHybridState::Right}) {
                    if (state.isLegal(move) && state.cost(move, gold) == 0)
                        free.push_back(move);
                }
                QVERIFY2(!free.empty(), "a projective gold tree always leaves a move of cost 0");
                state.apply(free[random() % free.size()], 0);
            }
            QCOMPARE(wrongHeads(state, gold), 0);
        }
    }

    // The dynamic oracle's promise: after any mistakes, the errors of the
    // finished tree are exactly the costs of the moves taken, when every
    // later move is of least cost.
    void costsCountTheArcsAMistakeLoses()
    {
        std::mt19937 random(13);
        for (int trial = 0; trial < 300; ++trial) {
            const int n = 2 + int(random() % 10);
            const std::vector<int> gold = randomProjectiveTree(n, random);
            ArcHybridState state(n);
            int costs = 0;
            while (!state.isTerminal()) {
                std::vector<ArcHybridState::Move> legal, cheapest;
                int least = 1 << 30;
                for (const auto move : {ArcHybridState::Shift, ArcHybridState::Left, ArcHybridState::Right}) {
                    if (!state.isLegal(move))
                        continue;
                    legal.push_back(move);
                    least = std::min(least, state.cost(move, gold));
                }
                for (const auto move : legal) {
                    if (state.cost(move, gold) == least)
                        cheapest.push_back(move);
                }
                const bool mistake = random() % 4 == 0;
                const auto move = mistake ? legal[random() % legal.size()] : cheapest[random() % cheapest.size()];
                costs += state.cost(move, gold);
                state.apply(move, 0);
            }
            QCOMPARE(wrongHeads(state, gold), costs);
        }
    }

    void tracksDependentsAsFeaturesReadThem()
    {
        // "ships were built in Bergen": built <- ships, were; built -> Bergen
        ArcHybridState state(5);
        state.apply(ArcHybridState::Shift);     // ships
        state.apply(ArcHybridState::Shift);     // were
        state.apply(ArcHybridState::Left, 1);   // were <- built
        state.apply(ArcHybridState::Left, 2);   // ships <- built
        QCOMPARE(state.leftmostChild(3), 1);
        QCOMPARE(state.leftmostChild(3, 1), 2);
        QCOMPARE(state.leftChildCount(3), 2);
        QCOMPARE(state.leftLabels(3), quint64(0b110));
        state.apply(ArcHybridState::Shift);     // built
        state.apply(ArcHybridState::Shift);     // in
        state.apply(ArcHybridState::Left, 3);   // in <- Bergen
        state.apply(ArcHybridState::Shift);     // Bergen
        QVERIFY(!state.isLegal(ArcHybridState::Shift));
        state.apply(ArcHybridState::Right, 4);  // built -> Bergen
        QCOMPARE(state.rightmostChild(3), 5);
        QVERIFY(state.isLegal(ArcHybridState::Right));
        state.apply(ArcHybridState::Right, 0);  // root -> built
        QVERIFY(state.isTerminal());
        QCOMPARE(state.heads(), (std::vector<int>{-1, 3, 3, 0, 5, 3}));
    }

    void theRootTakesOneWordAndOnlyAtTheEnd()
    {
        ArcHybridState state(2);
        state.apply(ArcHybridState::Shift);
        QVERIFY(!state.isLegal(ArcHybridState::Right)); // words are left
        QVERIFY(state.isLegal(ArcHybridState::Left));
        QVERIFY(state.isLegal(ArcHybridState::Shift));
    }
};

QTEST_GUILESS_MAIN(TestArcHybridState)
#include "tst_archybridstate.moc"
