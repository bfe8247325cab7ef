#pragma once

#include "core/extract/EntityType.h"

#include <QDate>
#include <QSet>
#include <QString>

namespace NewsGraph {

// What part of the stored graph to show and analyse. The defaults give every
// typed relation of every visible entity: co-occurrence edges are many and
// weak, and hidden entities were hidden on purpose, so both are opt-in.
struct GraphFilter
{
    QSet<EntityType> types;      // empty: every type
    QSet<QString> predicates;    // empty: every typed predicate (mentioned_with is includeCooccurrence's)
    int minimumEvidence = 1;     // sentences, counted after the filters below
    QSet<qint64> documents;      // empty: every document
    QDate from;                  // invalid: no lower bound; when valid, undated documents do not pass
    QDate to;                    // invalid: no upper bound; likewise
    bool includeCooccurrence = false;
    bool includeHidden = false;
    // Entities left without any edge by the filters above. Kept by default,
    // so that counts and lookups see every entity; a picture is often
    // clearer without them.
    bool includeUnlinked = true;
};

} // namespace NewsGraph
