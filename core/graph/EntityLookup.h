#pragma once

#include "core/store/GraphData.h"

#include <QList>
#include <QString>

namespace NewsGraph {

// What a name typed by the analyst ("macron", "Nvidia", "Mench") refers to.
struct EntityLookup
{
    // Positions in the searched nodes: one when the name is unambiguous,
    // several when it is the name or alias of several entities, none when
    // nothing bears it.
    QList<qsizetype> matches;
    // When nothing matches: up to five entities with a close name or alias,
    // the closest first, so the message can say "did you mean ...?".
    QList<qsizetype> suggestions;
};

// Looks `name` up among `nodes` by name first, then by alias, ignoring case
// and accents (foldName). Suggestions are names or aliases that contain the
// query as a word prefix or lie within a small edit distance of it, the
// closest first and, among equals, the most mentioned.
EntityLookup lookUpEntity(const QList<GraphNode> &nodes, const QString &name);

} // namespace NewsGraph
