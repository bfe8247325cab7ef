#pragma once

#include "core/common/Result.h"
#include "core/extract/EntityType.h"
#include "core/store/Records.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace NewsGraph {

class GraphSession;

// Where an entity is named in an evidence sentence, relative to the sentence.
struct EvidenceHighlight
{
    int start = 0;
    int end = 0;
    qint64 entityId = 0;
    EntityType type = EntityType::Organization;
};

// One evidence sentence as the explorer shows it: the sentence, where it is
// in its document (offsets of the stored text), the document's title, file
// and date, and where the entities it is evidence about are named in it.
struct EvidenceItem
{
    qint64 documentId = 0;
    qint64 sentenceId = 0;
    int start = 0;
    int end = 0;
    QString sentence;
    QString title;
    QString fileName;
    QDate date;
    QList<EvidenceHighlight> highlights;
    // For the evidence of a link: how the sentence states each relation,
    // one line each ("invests_in by acquire.verb (0.85): Visa <-agent-
    // acquire -patient-> Plaid"), as newsgraph-cli explain prints it.
    QStringList explanations;
};

// Reads evidence sentences through the session's Repository and marks the
// entities in them. An entity is marked where the store recorded a mention of
// it in that sentence (so an epithet such as "the president" counts as it
// was resolved); failing that, where one of its names or aliases occurs as a
// word. Mentions are read once per document per loader.
class EvidenceLoader
{
public:
    explicit EvidenceLoader(GraphSession &session);

    // The sentences that mention the entity.
    Result<QList<EvidenceItem>> forEntity(qint64 entityId);
    // The sentences stating the relations between `a` and `b` that the
    // current filter keeps (those of the graph's edge), both marked; empty
    // when the graph has no such edge.
    Result<QList<EvidenceItem>> forEdge(qint64 a, qint64 b);
    // `records` with `entities` marked in each.
    Result<QList<EvidenceItem>> items(const QList<EvidenceRecord> &records, const QList<qint64> &entities);

private:
    Result<void> mark(EvidenceItem &item, qint64 entityId);

    GraphSession &m_session;
    QHash<qint64, QList<MentionRecord>> m_mentions; // by document
};

} // namespace NewsGraph
