#pragma once

#include <QHash>

#include <optional>
#include <vector>

namespace NewsGraph {

// A map from SQLite row ids to values, for reading a whole table's worth of
// rows keyed by id. Entity, relation and document ids are row ids, dense
// from 1 unless many rows were deleted, so once told the largest id and the
// number of rows (expect()) the map is a vector indexed by id: one load per
// lookup where a hash costs a probe and a cache miss, and a big project's
// graph is read with millions of lookups. Ids too sparse for that (or a map
// never told) fall back to a hash, with the same answers.
template<typename T>
class RowIdMap
{
public:
    // Vector-backed when the ids are at most 0..largestId and that range is
    // not much wider than `rows`; otherwise (or without the call) a hash.
    void expect(qint64 largestId, qsizetype rows)
    {
        m_dense.clear();
        m_sparse.clear();
        if (largestId >= 0 && largestId <= 4 * qint64(rows) + 4096)
            m_dense.resize(std::size_t(largestId) + 1);
    }

    // Replaces the value of an id already there.
    void insert(qint64 id, T value)
    {
        if (inDenseRange(id))
            m_dense[std::size_t(id)] = std::move(value);
        else
            m_sparse.insert(id, std::move(value));
    }

    // Null when the id has no value.
    const T *find(qint64 id) const
    {
        if (inDenseRange(id)) {
            const std::optional<T> &slot = m_dense[std::size_t(id)];
            return slot ? &*slot : nullptr;
        }
        const auto it = m_sparse.constFind(id);
        return it == m_sparse.constEnd() ? nullptr : &*it;
    }

    bool contains(qint64 id) const { return find(id) != nullptr; }

    // The id's value, or `fallback` when it has none.
    T value(qint64 id, const T &fallback = T()) const
    {
        const T *found = find(id);
        return found ? *found : fallback;
    }

private:
    bool inDenseRange(qint64 id) const { return id >= 0 && std::size_t(id) < m_dense.size(); }

    std::vector<std::optional<T>> m_dense;
    QHash<qint64, T> m_sparse;
};

} // namespace NewsGraph
