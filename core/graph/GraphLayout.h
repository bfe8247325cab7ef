#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <optional>

namespace NewsGraph {

class EntityGraph;

// Every algorithm but Radial lays out each connected component on its own
// and packs them (see computeLayout()).
enum class LayoutAlgorithm {
    ForceDirected, // Fruchterman–Reingold (Boost): exact repulsion up to 400 entities a component, then
                   // only between neighbours in space; a few thousand entities at most
    KamadaKawai,   // Kamada–Kawai (Boost): distances follow hop counts; components of up to 1,000
                   // entities (about 5 s at that size)
    Circular,      // each component on a circle, in depth-first order so that linked entities are close
    Radial,        // rings of hop distance around a focus entity, each subtree in its own sector
    Scalable,      // multilevel spring-electrical with Barnes–Hut (MultilevelLayout.h): 100,000 entities
                   // in seconds; the default
};

// "force", "kamada-kawai", "circular", "radial", "scalable": the names of
// the command line and of saved settings.
QString layoutAlgorithmName(LayoutAlgorithm algorithm);
std::optional<LayoutAlgorithm> layoutAlgorithmFromName(QStringView name); // case-insensitive
QStringList layoutAlgorithmNames();

struct LayoutOptions
{
    LayoutAlgorithm algorithm = LayoutAlgorithm::Scalable;
    // Same graph, options and seed give the same positions, bit for bit.
    quint32 seed = 1;
    // Entity id -> position to start from (saved positions). ForceDirected,
    // KamadaKawai and Scalable start from them; Scalable, when at least half
    // the entities have one, only relaxes the layout they give. A component
    // in which at least half the entities have one stays where they put it
    // (turned to fit them, for Circular) instead of being packed with the
    // others. Radial ignores them.
    QHash<qint64, QPointF> initial;
    // Entities that end exactly at their initial position; one without an
    // initial position cannot be pinned and is laid out as any other.
    QSet<qint64> pinned;
    // Radial: the entity at the centre; 0 means the one with most links.
    qint64 focus = 0;
    // Polled between iterations; returning true abandons the layout.
    std::function<bool()> cancelled;
};

// Positions of every entity of the graph in canvas units, so that nodes
// drawn 20 to 40 units wide do not overlap: an average edge is about 100
// units long, and no two entities of a component are less than 40 units
// apart (graphs too dense for that at 100 are spread until they are; two
// pinned entities may of course be closer).
//
// Connected components are laid out one by one and packed side by side on
// shelves, largest first, so that none overlaps another; the packing is
// centred on the origin. Components anchored by initial or pinned positions
// stay in their frame, and the packed ones go below them. Radial is one
// layout around its focus, at the origin unless the focus is pinned.
//
// Errors: a Radial focus that is not in the graph; a component too large for
// Kamada–Kawai; cancellation.
Result<QHash<qint64, QPointF>> computeLayout(const EntityGraph &graph, const LayoutOptions &options);

} // namespace NewsGraph
