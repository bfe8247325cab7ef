#pragma once

#include "core/common/HugePageAllocator.h"

#include <QStringView>
#include <QtGlobal>

#include <vector>

namespace NewsGraph {

// Finds the entries of a read-only table by a 64-bit hash of their string
// key, which the caller computes as it reads the parts of a key instead of
// putting the key together first (see StringKeyHasher): the lemmatiser
// looks up "form<TAB>tag" and up to nine "tag<TAB>ending" for each word it
// reads, and building each key and hashing it in a QHash made a twentieth
// of the time of analysing a sentence.
//
// Open addressing with linear probing, the table at most half full: a slot
// is the hash and the entry's place, so that a lookup reads one cache line
// until a hash matches. Two keys may share a hash: every entry with the
// hash is offered to the caller's own comparison of the key.
class StringKeyIndex
{
public:
    // `hashes[i]` is the hash of entry i's key.
    explicit StringKeyIndex(const std::vector<quint64> &hashes = {});

    // Asks for the memory of the slot where `hash` is looked up, for a
    // caller with several lookups to make.
    void prefetch(quint64 hash) const
    {
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[std::size_t(hash) & m_mask]);
    }

    // The first entry with key hash `hash` for which isKey(entry) is true;
    // -1 for none.
    template<typename IsKey>
    qsizetype find(quint64 hash, IsKey &&isKey) const
    {
        if (m_slots.empty())
            return -1;
        for (std::size_t slot = std::size_t(hash) & m_mask;; slot = (slot + 1) & m_mask) {
            const Slot &candidate = m_slots[slot];
            if (candidate.entry < 0)
                return -1;
            if (candidate.hash == hash && isKey(qsizetype(candidate.entry)))
                return qsizetype(candidate.entry);
        }
    }

private:
    struct Slot
    {
        quint64 hash = 0;
        qint32 entry = -1; // -1: empty
    };
    HugePageVector<Slot> m_slots;
    std::size_t m_mask = 0;
};

// The finaliser of SplitMix64 (Steele et al. 2014): every bit of `z`
// reaches every bit of the result.
constexpr quint64 splitMix64Finalizer(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// FNV-1a, 64 bits, over UTF-16 code units. value() is mixed by the
// SplitMix64 finaliser so that the low bits StringKeyIndex indexes by are
// as random as the high ones; FeatureHash mixes state() its own way. Parts
// are kept apart by separate(): a code unit no text holds.
class StringKeyHasher
{
public:
    StringKeyHasher &add(QStringView part)
    {
        for (const QChar c : part)
            add(c);
        return *this;
    }
    StringKeyHasher &add(QChar c)
    {
        m_hash ^= c.unicode();
        m_hash *= 0x100000001b3ULL;
        return *this;
    }
    StringKeyHasher &separate() { return add(QChar(0xFFFF)); }

    quint64 state() const { return m_hash; }
    quint64 value() const { return splitMix64Finalizer(m_hash); }

private:
    quint64 m_hash = 0xcbf29ce484222325ULL;
};

} // namespace NewsGraph
