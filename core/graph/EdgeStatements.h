#pragma once

#include "core/common/Result.h"
#include "core/store/GraphData.h"
#include "core/store/Records.h"

#include <QList>
#include <QString>

namespace NewsGraph {

class Repository;

// How a predicate of an edge reads when the edge is walked from one of its
// ends: "A ceo_of B" is Forward from A and Backward from B; a symmetric
// predicate ("partner_of") has no direction.
enum class StatementDirection { Undirected, Forward, Backward };

struct EdgeStatement
{
    QString predicate;
    StatementDirection direction = StatementDirection::Undirected;

    friend bool operator==(const EdgeStatement &, const EdgeStatement &) = default;
};

// The distinct (predicate, direction) pairs of the edge's evidence, read from
// `from` (one of its ends), in the order of the evidence. Each front end
// words them its own way.
QList<EdgeStatement> statementsFrom(const GraphEdge &edge, qint64 from);

// The sentences behind an edge of a filtered graph: those of the evidence
// entries the filter kept, so that what is listed agrees with the edge's
// evidence count. By document, then sentence, each sentence once.
Result<QList<EvidenceRecord>> keptEvidence(const Repository &repository, const GraphEdge &edge);

} // namespace NewsGraph
