#include "core/graph/EdgeStatements.h"

#include "core/extract/Extraction.h"
#include "core/store/Repository.h"

#include <QSet>

namespace NewsGraph {

QList<EdgeStatement> statementsFrom(const GraphEdge &edge, qint64 from)
{
    QList<EdgeStatement> statements;
    for (const GraphEdgeEvidence &entry : edge.evidence) {
        const qint64 subject = entry.reversed ? edge.target : edge.source;
        const StatementDirection direction = isSymmetricPredicate(entry.predicate) ? StatementDirection::Undirected
                                             : subject == from ? StatementDirection::Forward
                                                               : StatementDirection::Backward;
        const EdgeStatement statement{entry.predicate, direction};
        if (!statements.contains(statement))
            statements.append(statement);
    }
    return statements;
}

Result<QList<EvidenceRecord>> keptEvidence(const Repository &repository, const GraphEdge &edge)
{
    QSet<qint64> kept;
    for (const GraphEdgeEvidence &entry : edge.evidence) {
        for (const qint64 sentence : entry.sentenceIds)
            kept.insert(sentence);
    }
    return repository.sentencesWithIds(kept);
}

} // namespace NewsGraph
