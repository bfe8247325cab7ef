#pragma once

#include "core/extract/EntityType.h"
#include "core/extract/Extraction.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// Cross-document alias resolution: the entities already in a project, as the
// merger sees them.
struct KnownEntity
{
    qint64 id = 0;
    QString name;
    EntityType type = EntityType::Organization;
    QStringList aliases;
};

// The entities of a project under the keys the merger finds them by, kept
// up to date one stored document at a time. An ingest merges each document
// with every one stored before it; rebuilding the keys for each document
// made the cost of a document grow with the project (and the write lock is
// held meanwhile), so the index is built once per run and then updated.
class KnownEntityIndex
{
public:
    KnownEntityIndex() = default;
    explicit KnownEntityIndex(QList<KnownEntity> known);

    const QList<KnownEntity> &known() const { return m_known; }

    // For each entity of a new document, the id of the known entity that is
    // the same actor, or 0 when it is new. Merges only on what the names
    // support: the same name or alias (case and accents aside) and the same
    // type; a person needs the full name to agree (a shared surname alone
    // never merges people from different documents), allowing one-letter
    // misspellings of a surname.
    QList<qint64> match(const QList<ExtractedEntity> &entities) const;

    // After `entities` were stored as `ids` (Repository::insertDocument()):
    // new entities join; known ones take the fuller name
    // (preferredEntityName()) and the aliases they did not have, as the
    // store keeps them (in order, each once, no empty ones).
    void add(const QList<ExtractedEntity> &entities, const QList<qint64> &ids);

private:
    void fileKeys(int position);
    void unfileKeys(int position);

    QList<KnownEntity> m_known;
    QHash<qint64, int> m_position; // entity id -> index in m_known
    // Type and folded name or alias -> positions in m_known, ascending.
    QHash<QString, QList<int>> m_byName;
    // People by word count, first word and a deletion variant of the last
    // word -> positions, ascending; with each person's folded words.
    QHash<QString, QList<int>> m_people;
    QList<QStringList> m_personWords;
};

// The keys the merger finds a known entity under, which the store keeps for
// every entity (Repository::matchKnownEntities()): a person under its word
// count, first word and the deletion variants of its last word, so that
// every spelling one edit away shares a key; any other entity under its type
// with its folded name and with each alias written as a name. Epithets ("the
// president") have none: they only hold inside their document.
QStringList mergeKeysOf(EntityType type, const QString &name, const QStringList &aliases);

// The words of a person's name as the merger compares them (folded), and
// whether two people whose names share a key (mergeKeysOf()) are the same:
// the same words, or a last word one likely misspelling away.
QStringList personNameWords(const QString &name);
bool samePersonWords(const QStringList &x, const QStringList &y);

// KnownEntityIndex(known).match(entities), for one document.
QList<qint64> matchKnownEntities(const QList<ExtractedEntity> &entities,
                                 const QList<KnownEntity> &known);

// The name a merged entity should carry: `candidate` when it is the fuller
// form of `current` ("Mistral AI" for "Mistral": the words of the shorter
// name start the longer one), otherwise `current`, so names only ever grow
// more complete and never flip between spellings.
QString preferredEntityName(const QString &current, const QString &candidate);

} // namespace NewsGraph
