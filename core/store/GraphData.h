#pragma once

#include "core/extract/EntityType.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// The graph as the store gives it, before any Boost.Graph structure: plain
// values that core/graph builds its graph from and core/export writes out.

struct GraphNode
{
    qint64 entityId = 0;
    QString name;
    EntityType type = EntityType::Organization;
    QStringList aliases;
    int mentions = 0;
    QList<qint64> documentIds; // documents that mention it
    bool hidden = false;       // hidden by the analyst
    QStringList notes;         // the analyst's notes on it, oldest first
    bool curated = false;      // its name or type was set by the analyst (Curator)
};

struct GraphEdgeEvidence
{
    qint64 documentId = 0;
    QDate documentDate;        // invalid when the document has none
    QString predicate;
    // The predicate's subject is the edge's target: the edge is drawn once
    // per pair, but "B invests in A" must not read as "A invests in B".
    bool reversed = false;
    // The sentences of that document stating it, ascending: filters count
    // distinct sentences from these, as evidenceCount does.
    QList<qint64> sentenceIds;
    // A relation the analyst added (Curator::link()). Its assertion is an
    // entry of its own, with no document and no sentence, which filters by
    // document or date do not remove and which keeps its edge drawn
    // whatever the evidence threshold; the sentence it may cite is an
    // entry like any other, marked too.
    bool manual = false;
};

// All statements between two entities, whatever their predicates: one edge
// per unordered pair for drawing, with what each predicate says kept apart.
struct GraphEdge
{
    qint64 source = 0;         // entity ids; for a directed predicate, its subject
    qint64 target = 0;
    QStringList predicates;    // sorted, each once; "mentioned_with" for co-occurrence only
    int evidenceCount = 0;     // sentences stating any of them
    double confidence = 0.0;   // best of its relations
    bool cooccurrenceOnly = false;
    bool manual = false;       // one of its relations was added by the analyst
    QStringList notes;         // the analyst's notes on its relations, oldest first
    QList<GraphEdgeEvidence> evidence; // one per (document, predicate) stating it
};

struct GraphData
{
    QList<GraphNode> nodes;
    QList<GraphEdge> edges;
};

} // namespace NewsGraph
