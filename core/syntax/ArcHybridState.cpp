#include "core/syntax/ArcHybridState.h"

#include <algorithm>

namespace NewsGraph {

ArcHybridState::ArcHybridState(int wordCount)
    : m_wordCount(wordCount)
    , m_stack{0}
    , m_heads(std::size_t(wordCount) + 1, -1)
    , m_labels(std::size_t(wordCount) + 1, -1)
    , m_leftmost(std::size_t(wordCount) + 1, {-1, -1})
    , m_rightmost(std::size_t(wordCount) + 1, {-1, -1})
    , m_leftCount(std::size_t(wordCount) + 1, 0)
    , m_rightCount(std::size_t(wordCount) + 1, 0)
    , m_leftLabels(std::size_t(wordCount) + 1, 0)
    , m_rightLabels(std::size_t(wordCount) + 1, 0)
{
    m_stack.reserve(std::size_t(wordCount) + 1);
}

bool ArcHybridState::isLegal(Move move) const
{
    const bool bufferEmpty = m_bufferFront > m_wordCount;
    switch (move) {
    case Shift:
        return !bufferEmpty;
    case Left:
        return !bufferEmpty && m_stack.size() > 1;
    case Right:
        // Onto the root only as the last move: one root word.
        return m_stack.size() > 2 || (m_stack.size() == 2 && bufferEmpty);
    }
    return false;
}

std::array<int, 2> ArcHybridState::arcOf(Move move) const
{
    switch (move) {
    case Shift:
        break;
    case Left:
        return {m_bufferFront, stack(0)};
    case Right:
        return {stack(1), stack(0)};
    }
    return {-1, -1};
}

void ArcHybridState::apply(Move move, int label)
{
    if (move == Shift) {
        m_stack.push_back(m_bufferFront++);
        return;
    }
    const auto [head, dependent] = arcOf(move);
    m_stack.pop_back();
    const std::size_t h = std::size_t(head);
    m_heads[std::size_t(dependent)] = head;
    m_labels[std::size_t(dependent)] = label;
    const quint64 labelBit = label < 0 ? 0 : quint64(1) << std::min(label, 63);
    if (dependent < head) {
        // Left dependents arrive from the nearest outwards, but keep the
        // order checks so the state holds for any order.
        auto &outer = m_leftmost[h];
        if (outer[0] < 0 || dependent < outer[0])
            outer = {dependent, outer[0]};
        else if (outer[1] < 0 || dependent < outer[1])
            outer[1] = dependent;
        ++m_leftCount[h];
        m_leftLabels[h] |= labelBit;
    } else {
        auto &outer = m_rightmost[h];
        if (outer[0] < 0 || dependent > outer[0])
            outer = {dependent, outer[0]};
        else if (outer[1] < 0 || dependent > outer[1])
            outer[1] = dependent;
        ++m_rightCount[h];
        m_rightLabels[h] |= labelBit;
    }
}

int ArcHybridState::cost(Move move, const std::vector<int> &goldHeads) const
{
    const auto gold = [&](int word) { return goldHeads[std::size_t(word)]; };
    const auto inBuffer = [&](int word, int from) { return word >= from && word <= m_wordCount; };
    // Gold dependents of `word` still in the buffer (from `from` on): they
    // can only get their head from the stack's top, which `word` leaves.
    const auto dependentsInBuffer = [&](int word, int from) {
        int count = 0;
        for (int d = from; d <= m_wordCount; ++d)
            count += gold(d) == word;
        return count;
    };
    switch (move) {
    case Shift: {
        const int b = m_bufferFront;
        int cost = 0;
        // b's dependents on the stack cannot get it as head once it is
        // pushed above them; nor can a head beneath s0.
        for (std::size_t i = 0; i < m_stack.size(); ++i) {
            const int s = m_stack[i];
            if (s != 0 && gold(s) == b)
                ++cost;
            if (i + 1 < m_stack.size() && gold(b) == s)
                ++cost;
        }
        return cost;
    }
    case Left: {
        const int s0 = stack(0);
        const int s0Head = gold(s0);
        const bool headLost = s0Head != m_bufferFront && (s0Head == stack(1) || inBuffer(s0Head, m_bufferFront + 1));
        return int(headLost) + dependentsInBuffer(s0, m_bufferFront);
    }
    case Right: {
        const int s0 = stack(0);
        return int(inBuffer(gold(s0), m_bufferFront)) + dependentsInBuffer(s0, m_bufferFront);
    }
    }
    return 0;
}

} // namespace NewsGraph
