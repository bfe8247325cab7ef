#pragma once

#include "core/common/Result.h"
#include "core/store/GraphData.h"
#include "core/extract/EntityExtractor.h"
#include "core/extract/Extraction.h"
#include "core/store/Records.h"
#include "core/text/Document.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <optional>

namespace NewsGraph {

class Database;

// What storing one document with its extraction wrote.
struct StoredDocument
{
    qint64 id = 0;
    // For each DocumentExtraction::entities entry, the entity it was stored
    // as (an existing one it was merged into, or a new one).
    QList<qint64> entityIds;
};

// A search as a person types it, as an FTS5 query: words matched as words
// (all of them), "quoted phrases" as phrases, a trailing * as a prefix;
// never raw FTS5 syntax. An error for a search too long to run.
Result<QString> toFtsQuery(const QString &input);
// How merge_keys and name_claims store a key: its 64-bit FNV-1a hash.
qint64 storedMergeKey(const QString &key);
// The bits of entities.curated: what of an entity the analyst set
// (Curator), which extraction then leaves as it is.
inline constexpr qint64 curatedName = 1;
inline constexpr qint64 curatedType = 2;

// The key under which the analyst's edits claim a name of a type for an
// entity (name_claims, see Curator): storedMergeKey() of the type and the
// folded name (foldName()).
qint64 nameClaimKey(const QString &type, const QString &name);
// Files the merge keys of a stored entity again from its name, type and
// every alias it has (after its name or aliases changed).
Result<void> refileMergeKeys(Database &database, qint64 entityId, EntityType type, const QString &name);

// The queries NewsGraph runs against a project database. Every value goes
// through bound parameters. Writers do not open transactions of their own
// beyond a savepoint per document: the caller (Ingester) decides what one
// unit of work is.
class Repository
{
public:
    explicit Repository(Database &database);

    // --- writing
    Result<bool> containsContent(const QString &contentHash) const;
    // Stores the document and all its sentences, or nothing (savepoint).
    Result<qint64> insertDocument(const Document &document, const QList<Sentence> &sentences);
    // The same together with what extraction found in it, all in one
    // savepoint: a bad mention or relation leaves neither the document nor
    // any of its entities, aliases, mentions, attributes or relations behind. `knownIds` is
    // matchKnownEntities() for extraction.entities (see insertExtraction()).
    //
    // The sentences go into the full-text index with the document, or, with
    // SearchIndexing::Later, when indexSentences() is called for it: FTS5
    // writes what it was given as a new segment of the index at every
    // statement, so a run that indexes the documents of a transaction
    // together leaves it a few segments to merge rather than one per
    // document (half its indexing time).
    enum class SearchIndexing { WithDocument, Later };
    Result<StoredDocument> insertDocument(const Document &document,
                                          const QList<Sentence> &sentences,
                                          const DocumentExtraction &extraction,
                                          const QList<qint64> &knownIds,
                                          SearchIndexing indexing = SearchIndexing::WithDocument);
    // Adds the sentences of documents stored with SearchIndexing::Later to
    // the full-text index, in one statement (several for texts of tens of
    // megabytes), each document's text unpacked once. Each document once:
    // indexed twice, over two calls, its sentences would be twice in the
    // index.
    Result<void> indexSentences(const QList<qint64> &documentIds);
    // Stores the extraction of a document already stored, whole or not at
    // all (savepoint). For each extracted entity, knownIds[i] is the id of the
    // stored entity it is the same actor as, or 0 for a new one: new ones
    // are inserted (name, type), known ones keep their name and type and
    // gain the new aliases. Every EntityMention becomes a mentions row of its
    // entity, every AttributeMention one without an entity but with its
    // type and normalised value. Sentence indexes refer to the document's
    // sentences, offsets to its text.
    //
    // Each ExtractedRelation joins the stored ids of its two entities, the
    // lower id first for a symmetric predicate: the same (subject, predicate,
    // object) found again, in this document or another, is the same row, which
    // keeps its first rule and takes the higher confidence. Each of its
    // sentences becomes one evidence row (once per sentence). An entity or
    // sentence index out of range, or a relation of an entity with itself,
    // refuses the whole extraction; a relation whose two entities were
    // merged into the same stored one is dropped, as it no longer relates
    // anything.
    //
    // Returns the entity id of each extracted entity.
    Result<QList<qint64>> insertExtraction(qint64 documentId, const DocumentExtraction &extraction,
                                           const QList<qint64> &knownIds);

    // --- reading
    Result<QList<DocumentRecord>> documents() const;
    Result<std::optional<DocumentRecord>> document(qint64 id) const;
    Result<QString> documentText(qint64 id) const;
    Result<QList<SentenceRecord>> sentences(qint64 documentId) const;
    // Full-text search over sentences (FTS5). `query` is what a person types:
    // words are matched as words (all of them), "quoted phrases" as phrases,
    // and a trailing * as a prefix; it is never passed as raw FTS5 syntax.
    Result<QList<SearchHit>> search(const QString &query, int limit = 100) const;
    // Entities with every surface form they go by (aliases and the text of
    // their mentions), their mention count and the files they appear in.
    Result<QList<EntityRecord>> entities() const;
    // Every stored entity as the cross-document merger sees it, hidden ones
    // included (so that new mentions join them rather than recreating them).
    Result<QList<KnownEntity>> knownEntities() const;
    // For each entity of a new document, the stored entity that is the same
    // actor, or 0 for a new one: KnownEntityIndex::match() over every stored
    // entity, the same answer, but read through the keys the store keeps
    // (merge_keys), so that it costs the entities that share a key with the
    // document's, not the size of the project. Entities stored earlier in the
    // same transaction count.
    Result<QList<qint64>> matchKnownEntities(const QList<ExtractedEntity> &entities) const;
    // Files every stored entity's merge keys: migrations 8's and 11's fill.
    static Result<void> fileAllMergeKeys(Database &database);
    // Compresses every document text still stored plain: migration 9's fill.
    static Result<void> packAllTexts(Database &database);
    // The entity mentions of a document, in text order (attributes are
    // attributes()): with their offsets and entity, so that a viewer can
    // tint each one by type and tell which entity a click on it means.
    Result<QList<MentionRecord>> mentions(qint64 documentId) const;
    // The sentences that mention an entity, by document then sentence, each
    // once: what the entity's evidence panel lists.
    Result<QList<EvidenceRecord>> sentencesMentioning(qint64 entityId) const;
    // The amounts and dates of a document, in text order.
    Result<QList<AttributeRecord>> attributes(qint64 documentId) const;
    // Relations with their evidence (by document, then sentence), ordered by
    // subject, predicate and object names. Typed relations only, unless
    // `includeCooccurrence`: mentioned_with edges are many and weak, and
    // only views that ask for them show them. Co-occurrences are not stored
    // but read from the mentions: one per two entities named in a sentence,
    // the lower id as subject, with id 0.
    Result<QList<RelationRecord>> relations(bool includeCooccurrence = false) const;
    // The typed relations between two entities, either way round, each
    // sentence with how it states the relation (rule, confidence, path):
    // what `newsgraph-cli explain` prints.
    Result<QList<RelationRecord>> relationsBetween(qint64 first, qint64 second) const;
    // The relations of one entity, as relations() gives them (its
    // co-occurrences too if `includeCooccurrence`), read through the
    // store's indexes: what `newsgraph-cli relations --entity` prints,
    // without reading the rest of the project.
    Result<QList<RelationRecord>> relationsOf(qint64 entityId, bool includeCooccurrence = false) const;
    // The entities called `name`: by id when it is a number, else by a name
    // or alias written the same (through the alias index), else the same
    // but for case. Ids in ascending order; empty when none is.
    Result<QList<qint64>> entitiesNamed(const QString &name) const;
    // Counts; `relations` and `evidence` are of typed relations, co-occurrence
    // edges are counted apart.
    Result<StoreStatistics> statistics() const;
    // Everything core/graph builds a graph from, co-occurrences and hidden
    // entities included (the GraphFilter decides what is shown): one node per
    // entity of a known type, one edge per unordered pair of entities with
    // any relation. An edge's source and target are the subject and object
    // of its first typed relation (of the pair by id if it has only a
    // co-occurrence); its evidence count is of distinct sentences. Without
    // `withCooccurrence`, co-occurrences are left out (they are read from
    // every mention of the project, most of the time this takes).
    Result<GraphData> graphData(bool withCooccurrence = true) const;
    // The part of graphData() that a query about a few entities needs,
    // read through the store's indexes: the nodes of `entityIds` with every
    // edge they have, each as graphData() gives it (all its evidence), and
    // the nodes at the other ends of those edges. Edges between two of those
    // other nodes are left out. `reading` says what may be left out for
    // speed (LocalReading).
    struct LocalReading
    {
        // False: co-occurrence (mentioned_with) edges and evidence are left
        // out, as a filter without them would drop them.
        bool cooccurrence = true;
        // True: nodes as graphNodes(ids, true) gives them.
        bool briefNodes = false;
        // False: evidence entries of typed relations say no document (0),
        // which spares reading each sentence's row; for filters that select
        // neither documents nor dates. Sentence ids and counts are the same.
        bool evidenceDocuments = true;
        // True: only the edges between two of the entities, and only their
        // nodes (a path already found, read for its links).
        bool within = false;
    };
    Result<GraphData> graphDataAround(const QSet<qint64> &entityIds, const LocalReading &reading) const;
    Result<GraphData> graphDataAround(const QSet<qint64> &entityIds) const
    {
        return graphDataAround(entityIds, LocalReading{});
    }
    // The nodes of `entityIds` as graphData() gives them (those of a type
    // this version knows), in id order, without their edges. `brief`: only
    // what names and filters them (name, type, hidden, mentions, the aliases
    // the store keeps; no documents), without reading a busy entity's
    // thousands of mentions.
    Result<QList<GraphNode>> graphNodes(const QSet<qint64> &entityIds, bool brief = false) const;
    // For a search over links alone: each pair (entity of `entityIds`,
    // entity linked to it) joined by a typed relation with a predicate of
    // `predicates` (empty: any) that has a statement or that the analyst
    // added (which the graph shows without one), in either direction;
    // read from the relations' indexes, nothing else of them.
    Result<QList<std::pair<qint64, qint64>>> relationNeighbours(const QSet<qint64> &entityIds,
                                                                 const QSet<QString> &predicates) const;
    // Those of `entityIds` a graph filtered to `types` (empty: every type
    // this version knows) shows, as EntityGraph::build() keeps nodes, each
    // with its named mentions (which its links tend to number).
    Result<QHash<qint64, int>> shownEntities(const QSet<qint64> &entityIds, const QSet<EntityType> &types,
                                             bool includeHidden) const;
    // Every evidence sentence of any relation between `a` and `b`, either
    // direction, by document then sentence, each sentence once. Typed
    // relations only, unless `includeCooccurrence`.
    Result<QList<EvidenceRecord>> evidenceBetween(qint64 a, qint64 b,
                                                  bool includeCooccurrence = false) const;
    // The sentences with these ids, by document then sentence: the evidence
    // of an edge whose sentences a graph already names (GraphEdgeEvidence),
    // read without going through a busy entity's mentions.
    Result<QList<EvidenceRecord>> sentencesWithIds(const QSet<qint64> &sentenceIds) const;


    // The saved layout: entity id -> position.
    Result<QHash<qint64, NodePosition>> positions() const;
    // Replaces the saved layout with `positions`, in one transaction: a
    // failure keeps the previous layout whole. Ids of entities that no
    // longer exist are skipped.
    Result<void> savePositions(const QHash<qint64, NodePosition> &positions);
    // Adds or moves some nodes and keeps the others (a drag on the canvas).
    Result<void> updatePositions(const QHash<qint64, NodePosition> &positions);

private:
    Database &m_database;
};

} // namespace NewsGraph
