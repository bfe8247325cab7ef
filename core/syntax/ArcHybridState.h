#pragma once

#include <QList>

#include <array>
#include <vector>

namespace NewsGraph {

// A parser configuration of the arc-hybrid transition system (Kuhlmann,
// Gómez-Rodríguez & Satta, "Dynamic Programming Algorithms for
// Transition-Based Dependency Parsers", ACL 2011), with the dynamic oracle
// of Goldberg & Nivre ("Training Deterministic Parsers with
// Non-Deterministic Oracles", TACL 2013).
//
// Words are numbered 1..n; 0 is the artificial root, which starts at the
// bottom of the stack. The buffer is always the words from bufferFront() to
// n. Three moves:
//   Shift  pushes the buffer's first word;
//   Left   pops s0 and makes it a dependent of the buffer's first word;
//   Right  pops s0 and makes it a dependent of s1, the word beneath it.
// The root takes exactly one dependent, and only once the buffer is empty,
// so that every finished parse is a tree with one root word. Every
// sequence of legal moves ends after 2n moves in such a tree, always a
// projective one.
class ArcHybridState
{
public:
    enum Move { Shift, Left, Right };
    static constexpr int moveCount = 3;

    explicit ArcHybridState(int wordCount);

    int wordCount() const { return m_wordCount; }
    bool isTerminal() const { return m_stack.size() == 1 && m_bufferFront > m_wordCount; }
    bool isLegal(Move move) const;

    // The stack from the top: stack(0) is s0; -1 past its bottom.
    int stack(int depth) const
    {
        return depth < int(m_stack.size()) ? m_stack[m_stack.size() - 1 - std::size_t(depth)] : -1;
    }
    int stackSize() const { return int(m_stack.size()); }
    // The buffer's i-th word (0 is the first); -1 past its end.
    int buffer(int i) const { return m_bufferFront + i <= m_wordCount ? m_bufferFront + i : -1; }
    int bufferFront() const { return m_bufferFront; }

    // The arc a move would add, as (head, dependent); (-1, -1) for Shift.
    std::array<int, 2> arcOf(Move move) const;
    // Applies a legal move; `label` is the label of the arc it adds.
    void apply(Move move, int label = -1);

    int head(int word) const { return m_heads[std::size_t(word)]; }
    int label(int word) const { return m_labels[std::size_t(word)]; }
    // A word's dependents so far, as features see them: the outermost and
    // second outermost on each side (-1 if none) and how many per side.
    int leftmostChild(int word, int rank = 0) const { return m_leftmost[std::size_t(word)][std::size_t(rank)]; }
    int rightmostChild(int word, int rank = 0) const { return m_rightmost[std::size_t(word)][std::size_t(rank)]; }
    int leftChildCount(int word) const { return m_leftCount[std::size_t(word)]; }
    int rightChildCount(int word) const { return m_rightCount[std::size_t(word)]; }
    // The labels of the word's dependents so far, as a bit set (labels ≥ 63
    // share the last bit).
    quint64 leftLabels(int word) const { return m_leftLabels[std::size_t(word)]; }
    quint64 rightLabels(int word) const { return m_rightLabels[std::size_t(word)]; }

    // The heads and labels found, indexed by word (entry 0 is the root's).
    const std::vector<int> &heads() const { return m_heads; }
    const std::vector<int> &labels() const { return m_labels; }

    // The number of arcs of the gold tree `goldHeads` (indexed by word,
    // entry 0 unused) that a legal move makes unreachable; a move of cost 0
    // keeps the best tree still reachable reachable (exactly so when the
    // gold tree is projective).
    int cost(Move move, const std::vector<int> &goldHeads) const;

private:
    int m_wordCount;
    std::vector<int> m_stack;
    int m_bufferFront = 1;
    std::vector<int> m_heads;
    std::vector<int> m_labels;
    std::vector<std::array<int, 2>> m_leftmost;
    std::vector<std::array<int, 2>> m_rightmost;
    std::vector<int> m_leftCount;
    std::vector<int> m_rightCount;
    std::vector<quint64> m_leftLabels;
    std::vector<quint64> m_rightLabels;
};

} // namespace NewsGraph
