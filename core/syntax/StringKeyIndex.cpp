#include "core/syntax/StringKeyIndex.h"

#include <bit>

namespace NewsGraph {

StringKeyIndex::StringKeyIndex(const std::vector<quint64> &hashes)
{
    if (hashes.empty())
        return;
    // At most half full: a lookup for a key the table lacks, the common
    // case for endings, stops at an empty slot within a probe or two.
    m_slots.resize(std::bit_ceil(hashes.size() * 2));
    m_mask = m_slots.size() - 1;
    for (std::size_t entry = 0; entry < hashes.size(); ++entry) {
        std::size_t slot = std::size_t(hashes[entry]) & m_mask;
        while (m_slots[slot].entry >= 0)
            slot = (slot + 1) & m_mask;
        m_slots[slot] = {hashes[entry], qint32(entry)};
    }
}

} // namespace NewsGraph
