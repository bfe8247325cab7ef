#pragma once

#include "core/extract/EntityType.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// What extraction found in one document. Plain values: offsets are UTF-16
// positions in Document::text, `sentence` is the 0-based index into the
// document's sentence list.

// One place in the text that refers to an entity: a name ("Jensen Huang",
// "Huang", "NVIDIA") or an epithet the text ties to it ("the French
// president").
struct EntityMention
{
    int sentence = 0;
    int start = 0;
    int end = 0;
    QString surface; // the text between start and end, as written

    friend bool operator==(const EntityMention &, const EntityMention &) = default;
};

} // namespace NewsGraph

// Plain values, moved in memory as they are: the lists of a long article (a
// million mentions and co-occurrences) then grow in place, without a copy.
Q_DECLARE_TYPEINFO(NewsGraph::EntityMention, Q_RELOCATABLE_TYPE);

namespace NewsGraph {

// One actor of a document, its surface forms resolved into one.
struct ExtractedEntity
{
    QString name;        // canonical: a person's fullest name, an organisation's usual full name
    EntityType type = EntityType::Organization;
    QStringList aliases; // every distinct surface form, the name included
    QList<EntityMention> mentions; // in text order
    // Pronouns and descriptions the relation extractor read as this entity
    // ("it", "the airline", "le constructeur"), in text order: stored as
    // resolved mentions, never as names (no aliases, counts or co-occurrence).
    QList<EntityMention> references;
};

// A pronoun or description that stands for one of a document's entities
// (`entity` indexes DocumentExtraction::entities).
struct ResolvedMention
{
    int entity = 0;
    EntityMention mention;

    friend bool operator==(const ResolvedMention &, const ResolvedMention &) = default;
};

// An amount or a date: "$100 billion", "18,000 GPUs", "11 juin 2025".
struct AttributeMention
{
    AttributeType type = AttributeType::Date;
    int sentence = 0;
    int start = 0;
    int end = 0;
    QString surface;
    // Normalised value: DATE as ISO 8601 with the precision the text gives
    // ("2025-06-11", "2025-06", "2025"; "--06-11" when the year is not
    // given); MONEY as "<number> <ISO 4217 code>" ("100000000000 USD");
    // QUANTITY as "<number> <unit>" ("18000 GPU", "40 megawatt").
    QString value;

    friend bool operator==(const AttributeMention &, const AttributeMention &) = default;
};

// How one sentence states a relation: the rule that read it there, with
// what confidence, and what it matched — for a tree rule the path from the
// trigger to each side ("Visa <-agent- acquire -patient-> Plaid"), for a
// word pattern the words it spanned.
struct StatementOrigin
{
    QString rule;
    double confidence = 0.0;
    QString path;

    friend bool operator==(const StatementOrigin &, const StatementOrigin &) = default;
};

} // namespace NewsGraph

Q_DECLARE_TYPEINFO(NewsGraph::StatementOrigin, Q_RELOCATABLE_TYPE);

namespace NewsGraph {

// A typed relation between two entities of the same document, with the
// sentences that state it. `subject` and `object` index
// DocumentExtraction::entities. Symmetric predicates (partner_of, deal_with,
// competes_with, mentioned_with) have subject < object.
struct ExtractedRelation
{
    int subject = 0;
    QString predicate; // partner_of, ceo_of, ..., or mentioned_with for co-occurrence
    int object = 0;
    double confidence = 0.0; // the best of its evidence
    QString rule;            // id of the rule that found it first (see relation-patterns.tsv)
    QList<int> sentences;    // evidence: sentence indexes, ascending, each once
    // How each of `sentences` states it (same order); empty for
    // co-occurrences, which a long article has by the hundred thousand.
    QList<StatementOrigin> origins;

    friend bool operator==(const ExtractedRelation &, const ExtractedRelation &) = default;
};

// The predicate of sentence co-occurrence: a weak edge kept apart from typed
// relations (the GUI shows or hides it; scoring ignores it). Two entities
// co-occur in every sentence that names both; the store reads that from
// the mentions, with this rule and confidence.
inline constexpr char16_t cooccurrencePredicate[] = u"mentioned_with";
inline constexpr char16_t cooccurrenceRule[] = u"cooccurrence";
inline constexpr double cooccurrenceConfidence = 0.2;

bool isSymmetricPredicate(QStringView predicate);

} // namespace NewsGraph

// Plain values, moved in memory as they are (see EntityMention).
Q_DECLARE_TYPEINFO(NewsGraph::ExtractedEntity, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(NewsGraph::AttributeMention, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(NewsGraph::ResolvedMention, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(NewsGraph::ExtractedRelation, Q_RELOCATABLE_TYPE);

namespace NewsGraph {

struct DocumentExtraction
{
    QList<ExtractedEntity> entities;
    QList<AttributeMention> attributes; // in text order
    QList<ExtractedRelation> relations;  // typed relations, then co-occurrences
};

} // namespace NewsGraph
