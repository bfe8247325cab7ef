#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// Plain values read back from the store. Offsets are UTF-16 code units of the
// document's stored text (see Document).

struct DocumentRecord
{
    qint64 id = 0;
    QString path;
    QString fileName;
    QString title;
    QDate date;
    QString language;
    QString sourceUrl;
    QString contentHash;
    int sentenceCount = 0;
    int length = 0; // characters of stored text
    QString ingestedAt; // ISO 8601, UTC
};

struct SentenceRecord
{
    qint64 id = 0;
    qint64 documentId = 0;
    int index = 0; // 0-based position in its document
    int start = 0;
    int end = 0;
    QString text;
};

struct SearchHit
{
    SentenceRecord sentence;
    QString fileName;
    QString snippet; // sentence text with matches between [ and ]
};

struct EntityRecord
{
    qint64 id = 0;
    QString name;
    QString type;
    bool hidden = false; // hidden by the user; listed so that it can be shown again
    QStringList aliases;
    int mentionCount = 0;
    QStringList documents; // file names
};

// An amount or a date found in a document (MONEY, QUANTITY, DATE): shown
// with its sentence as evidence, never a graph node.
struct AttributeRecord
{
    qint64 documentId = 0;
    qint64 sentenceId = 0;
    int sentenceIndex = 0; // 0-based position of the sentence in its document
    QString type;          // "MONEY", "QUANTITY", "DATE"
    int start = 0;
    int end = 0;
    QString surface; // as written
    QString value;   // normalised (see AttributeMention::value)
};

// Where a document names an entity: what the document viewer tints and
// what evidence highlights.
struct MentionRecord
{
    qint64 documentId = 0;
    qint64 sentenceId = 0;
    qint64 entityId = 0;
    QString entityName;
    QString type; // the entity's type ("PERSON", "ORG", ...), as the graph draws it
    int start = 0;
    int end = 0;
    QString surface; // as written
    // A pronoun or description the extractor read as the entity ("it", "the
    // airline"), not a name of it.
    bool resolved = false;
};

struct EvidenceRecord
{
    qint64 documentId = 0;
    QString fileName;
    qint64 sentenceId = 0;
    QString sentence;
    int start = 0;
    int end = 0;
    // For the evidence of a typed relation: how this sentence states it
    // (see StatementOrigin); empty where the query does not say.
    QString rule;
    double confidence = 0.0;
    QString path;
};

// One stored relation (symmetric predicates with the lower entity id as
// subject), the best confidence any document gave it, and the sentences of
// every document that state it, by document then sentence.
struct RelationRecord
{
    qint64 id = 0; // 0 for a co-occurrence, which is read from the mentions, not stored
    QString subject;
    QString predicate; // partner_of, ceo_of, ..., or mentioned_with (co-occurrence)
    QString object;
    double confidence = 0.0;
    QString rule; // id of the rule that found it first; empty if unknown
    bool manual = false; // added by the analyst (Curator::link())
    QList<EvidenceRecord> evidence;
};

// Where the explorer drew an entity, in canvas units.
struct NodePosition
{
    double x = 0.0;
    double y = 0.0;
    bool pinned = false; // placed by hand: a new layout keeps it where it is

    friend bool operator==(const NodePosition &, const NodePosition &) = default;
};

// One of the analyst's edits (Curator), as the edit log keeps it.
struct EditRecord
{
    qint64 id = 0;
    QString kind;    // "merge", "split", "rename", "retype", "add_alias", "remove_alias",
                     // "hide", "show", "reject_relation", "reject_statement", "link", "note"
    QString madeAt;  // ISO 8601, UTC
    QString summary; // what it did, in words
    // What it did in stable terms: the names and types of the entities it
    // concerned, predicates, texts; never only row ids (see Curator).
    QJsonObject detail;
};

// A note of the analyst's on an entity or on a relation.
struct NoteRecord
{
    qint64 id = 0;
    qint64 entityId = 0;   // 0 for a relation's
    qint64 relationId = 0; // 0 for an entity's
    QString text;
    QString madeAt; // ISO 8601, UTC
};

struct StoreStatistics
{
    int documents = 0;
    int sentences = 0;
    int entities = 0;
    int aliases = 0;
    int mentions = 0;   // of entities
    int attributes = 0; // amounts and dates (mentions without an entity)
    int relations = 0;     // typed relations: co-occurrences are counted apart
    int evidence = 0;      // evidence sentences of typed relations
    int cooccurrences = 0; // mentioned_with edges
    QMap<QString, int> languages; // language code -> documents
};

} // namespace NewsGraph
