#include "core/store/Curator.h"

#include "core/extract/EntityType.h"
#include "core/extract/Extraction.h"
#include "core/extract/Lexicon.h"
#include "core/store/ChangeRecorder.h"
#include "core/store/Database.h"
#include "core/store/NameIds.h"
#include "core/store/Repository.h"
#include "core/store/SqlFunctions.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// The tables an edit changes, which its changeset covers. The edit log
// itself is written after the changeset is taken; the full-text index of
// notes follows notes through its triggers, during an edit as during its
// undo.
const QList<QByteArray> &curatedTables()
{
    static const QList<QByteArray> tables = {"entities",      "aliases",       "mentions",
                                             "merge_keys",    "name_claims",   "relations",
                                             "relation_evidence", "rejected_relations", "notes",
                                             "node_positions", "predicates"};
    return tables;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString quoted(const QString &text)
{
    return u"“%1”"_s.arg(text);
}

struct EntityRow
{
    qint64 id = 0;
    QString name;
    QString type;
    QStringList aliases; // in the order they were stored
};

Result<EntityRow> readEntity(Database &database, qint64 id)
{
    Statement query(database, "SELECT name, type FROM entities WHERE id = ?1");
    query.bind(1, id);
    if (!query.next()) {
        if (!query.ok())
            return query.error();
        return Error{u"There is no entity %1 in this project."_s.arg(id)};
    }
    EntityRow row{id, query.text(0), query.text(1), {}};
    Statement aliases(database, "SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY id");
    aliases.bind(1, id);
    while (aliases.next())
        row.aliases.append(aliases.text(0));
    if (!aliases.ok())
        return aliases.error();
    return row;
}

QJsonObject entityJson(const EntityRow &entity, bool withAliases = false)
{
    // The id too, for messages about an entity an edit deleted ("entity
    // 12 was merged into ..."); names and types are what identify it.
    QJsonObject json{{u"name"_s, entity.name}, {u"type"_s, entity.type}, {u"id"_s, entity.id}};
    if (withAliases)
        json.insert(u"aliases"_s, QJsonArray::fromStringList(entity.aliases));
    return json;
}

Result<void> run(Database &database, const char *sql, std::initializer_list<qint64> values)
{
    Statement statement(database, sql);
    int index = 1;
    for (const qint64 value : values)
        statement.bind(index++, value);
    return statement.execute();
}

Result<QString> checkedName(const QString &name, const char *what)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return Error{u"The %1 is empty."_s.arg(QString::fromLatin1(what))};
    return trimmed;
}

Result<QString> checkedType(const QString &type)
{
    const QString upper = type.trimmed().toUpper();
    if (!entityTypeFromName(upper))
        return Error{u"“%1” is not an entity type; the types are PERSON, ORG, PLACE, PRODUCT and EVENT."_s.arg(type)};
    return upper;
}

// Claims `names` of each of `types` for the entity (see name_claims).
Result<void> claimNames(Database &database, qint64 entityId, const QStringList &names, const QSet<QString> &types)
{
    Statement claim(database, "INSERT OR REPLACE INTO name_claims (key, entity_id) VALUES (?1, ?2)");
    for (const QString &type : types) {
        for (const QString &name : names) {
            if (foldName(name).isEmpty())
                continue;
            claim.bind(1, nameClaimKey(type, name)).bind(2, entityId);
            if (auto claimed = claim.execute(); !claimed)
                return claimed;
        }
    }
    return {};
}

Result<void> refileKeys(Database &database, qint64 entityId)
{
    Statement query(database, "SELECT name, type FROM entities WHERE id = ?1");
    query.bind(1, entityId);
    if (!query.next())
        return query.ok() ? Result<void>() : Result<void>(query.error());
    const QString name = query.text(0);
    const std::optional<EntityType> type = entityTypeFromName(query.text(1));
    query.reset();
    if (!type) // a type this version does not know takes no part in matching
        return run(database, "DELETE FROM merge_keys WHERE entity_id = ?1", {entityId});
    return refileMergeKeys(database, entityId, *type, name);
}

struct RelationRow
{
    qint64 id = 0;
    qint64 subject = 0;
    qint64 predicateId = 0;
    QString predicate;
    qint64 object = 0;
    qint64 confidence = 0;
    std::optional<qint64> ruleId;
    qint64 origin = 0;
};

constexpr const char relationColumns[] =
    "SELECT r.id, r.subject_id, r.predicate_id, p.name, r.object_id, r.confidence, r.rule_id, r.origin "
    "FROM relations r JOIN predicates p ON p.id = r.predicate_id ";

RelationRow relationAt(const Statement &query)
{
    RelationRow row;
    row.id = query.int64(0);
    row.subject = query.int64(1);
    row.predicateId = query.int64(2);
    row.predicate = query.text(3);
    row.object = query.int64(4);
    row.confidence = query.int64(5);
    if (!query.isNull(6))
        row.ruleId = query.int64(6);
    row.origin = query.int64(7);
    return row;
}

Result<RelationRow> readRelation(Database &database, qint64 id)
{
    Statement query(database, (QByteArray(relationColumns) + "WHERE r.id = ?1").constData());
    query.bind(1, id);
    if (!query.next()) {
        if (!query.ok())
            return query.error();
        return Error{u"There is no relation %1 in this project."_s.arg(id)};
    }
    return relationAt(query);
}

Result<QList<RelationRow>> relationsOfEntity(Database &database, qint64 entityId)
{
    Statement query(database, (QByteArray(relationColumns)
                               + "WHERE r.subject_id = ?1 UNION ALL " + relationColumns
                               + "WHERE r.object_id = ?1 AND r.subject_id <> ?1 ORDER BY 1")
                                  .constData());
    query.bind(1, entityId);
    QList<RelationRow> rows;
    while (query.next())
        rows.append(relationAt(query));
    if (!query.ok())
        return query.error();
    return rows;
}

// An end of a relation as its edit's detail names it: name and type.
QJsonObject endJson(Database &database, qint64 id)
{
    Statement query(database, "SELECT name, type FROM entities WHERE id = ?1");
    query.bind(1, id);
    if (!query.next())
        return QJsonObject{{u"name"_s, QString::number(id)}, {u"type"_s, QString()}};
    return QJsonObject{{u"name"_s, query.text(0)}, {u"type"_s, query.text(1)}};
}

QJsonObject relationJson(Database &database, const RelationRow &relation)
{
    return QJsonObject{
        {u"subject"_s, endJson(database, relation.subject)},
        {u"predicate"_s, relation.predicate},
        {u"object"_s, endJson(database, relation.object)},
        {u"origin"_s, relation.origin ? u"manual"_s : u"extracted"_s},
    };
}

// “Subject” predicate “Object”, from relationJson().
QString relationText(const QJsonObject &relation)
{
    const auto name = [&relation](const QString &end) {
        return quoted(relation.value(end).toObject().value(u"name"_s).toString());
    };
    return u"%1 %2 %3"_s.arg(name(u"subject"_s), relation.value(u"predicate"_s).toString(), name(u"object"_s));
}

// Whether a sentence still states the relation.
Result<bool> isStated(Database &database, qint64 relationId)
{
    Statement query(database, "SELECT EXISTS (SELECT 1 FROM relation_evidence WHERE relation_id = ?1)");
    query.bind(1, relationId);
    const bool stated = query.next() && query.int64(0) != 0;
    if (!query.ok())
        return query.error();
    return stated;
}

// The relation (subject, predicate, object), another than `except`, if there is one.
Result<qint64> findRelation(Database &database, qint64 subject, qint64 predicateId, qint64 object, qint64 except)
{
    Statement query(database, "SELECT id FROM relations WHERE subject_id = ?1 AND predicate_id = ?2 "
                              "AND object_id = ?3 AND id <> ?4");
    query.bind(1, subject).bind(2, predicateId).bind(3, object).bind(4, except);
    const qint64 id = query.next() ? query.int64(0) : 0;
    if (!query.ok())
        return query.error();
    return id;
}

// Deletes a relation with its statements and notes.
Result<void> deleteRelation(Database &database, qint64 relationId)
{
    for (const char *sql : {"DELETE FROM notes WHERE relation_id = ?1",
                            "DELETE FROM relation_evidence WHERE relation_id = ?1",
                            "DELETE FROM relations WHERE id = ?1"}) {
        if (auto done = run(database, sql, {relationId}); !done)
            return done;
    }
    return {};
}

// Moves the statements and notes of relation `from` to relation `to` (the
// same fact, now that their ends are the same), which takes the higher
// confidence and the analyst's origin, and deletes `from`. A sentence both
// state stays `to`'s.
Result<void> foldRelationInto(Database &database, const RelationRow &from, qint64 to)
{
    Statement copy(database, "INSERT OR IGNORE INTO relation_evidence (relation_id, sentence_id, confidence, "
                             "rule_id, path, quote_start, quote_end, link_id, link_from_object) "
                             "SELECT ?2, sentence_id, confidence, rule_id, path, quote_start, quote_end, link_id, "
                             "link_from_object FROM relation_evidence WHERE relation_id = ?1");
    copy.bind(1, from.id).bind(2, to);
    if (auto copied = copy.execute(); !copied)
        return copied;
    if (auto moved = run(database, "UPDATE notes SET relation_id = ?2 WHERE relation_id = ?1", {from.id, to}); !moved)
        return moved;
    if (auto raised = run(database,
                          "UPDATE relations SET confidence = max(confidence, ?2), origin = max(origin, ?3) "
                          "WHERE id = ?1 AND (confidence < ?2 OR origin < ?3)",
                          {to, from.confidence, from.origin});
        !raised)
        return raised;
    return deleteRelation(database, from.id);
}

// Makes `relation` one between `subject` and `object` (the lower id first
// for a symmetric predicate): moved, folded into the relation it now is,
// or, if it would relate an entity to itself, deleted. Returns 1 when it
// was deleted.
Result<int> reattachRelation(Database &database, const RelationRow &relation, qint64 subject, qint64 object)
{
    if (subject == object) {
        if (auto deleted = deleteRelation(database, relation.id); !deleted)
            return Error{deleted.error()};
        return 1;
    }
    if (isSymmetricPredicate(relation.predicate) && subject > object)
        std::swap(subject, object);
    if (subject == relation.subject && object == relation.object)
        return 0;
    const Result<qint64> existing = findRelation(database, subject, relation.predicateId, object, relation.id);
    if (!existing)
        return Error{existing.error()};
    if (*existing > 0) {
        if (auto folded = foldRelationInto(database, relation, *existing); !folded)
            return Error{folded.error()};
        return 0;
    }
    if (auto moved = run(database, "UPDATE relations SET subject_id = ?2, object_id = ?3 WHERE id = ?1",
                         {relation.id, subject, object});
        !moved)
        return Error{moved.error()};
    return 0;
}

// Moves the rejections of `from` to `to` (after a merge).
Result<void> moveRejections(Database &database, qint64 from, qint64 to)
{
    Statement query(database, "SELECT r.subject_id, r.predicate_id, p.name, r.object_id FROM rejected_relations r "
                              "JOIN predicates p ON p.id = r.predicate_id WHERE r.subject_id = ?1 OR r.object_id = ?1");
    query.bind(1, from);
    struct Rejection
    {
        qint64 subject, predicateId;
        QString predicate;
        qint64 object;
    };
    QList<Rejection> rejections;
    while (query.next())
        rejections.append({query.int64(0), query.int64(1), query.text(2), query.int64(3)});
    if (!query.ok())
        return query.error();
    for (const Rejection &rejection : std::as_const(rejections)) {
        if (auto removed = run(database, "DELETE FROM rejected_relations WHERE subject_id = ?1 AND predicate_id = ?2 "
                                         "AND object_id = ?3",
                               {rejection.subject, rejection.predicateId, rejection.object});
            !removed)
            return removed;
        qint64 subject = rejection.subject == from ? to : rejection.subject;
        qint64 object = rejection.object == from ? to : rejection.object;
        if (subject == object)
            continue;
        if (isSymmetricPredicate(rejection.predicate) && subject > object)
            std::swap(subject, object);
        if (auto kept = run(database, "INSERT OR IGNORE INTO rejected_relations (subject_id, predicate_id, object_id) "
                                      "VALUES (?1, ?2, ?3)",
                            {subject, rejection.predicateId, object});
            !kept)
            return kept;
    }
    return {};
}

// Rejects a relation: kept out of later extractions, deleted with its statements and notes.
Result<void> rejectRelationRow(Database &database, const RelationRow &relation)
{
    if (auto kept = run(database, "INSERT OR IGNORE INTO rejected_relations (subject_id, predicate_id, object_id) "
                                  "VALUES (?1, ?2, ?3)",
                        {relation.subject, relation.predicateId, relation.object});
        !kept)
        return kept;
    return deleteRelation(database, relation.id);
}

// Keeps `text` (trimmed, not empty) as a note on the row `id` of the
// column `target` ("entity_id" or "relation_id") names; returns it.
Result<QString> insertNote(Database &database, const char *target, qint64 id, const QString &text)
{
    const QString note = text.trimmed();
    if (note.isEmpty())
        return Error{u"The note is empty."_s};
    const QByteArray sql = QByteArray("INSERT INTO notes (") + target + ", text, made_at) VALUES (?1, ?2, ?3)";
    Statement insert(database, sql.constData());
    insert.bind(1, id).bind(2, note).bind(3, now());
    if (auto inserted = insert.execute(); !inserted)
        return Error{inserted.error()};
    return note;
}

QList<NoteRecord> readNotes(Statement &query)
{
    QList<NoteRecord> notes;
    while (query.next()) {
        notes.append(NoteRecord{query.int64(0), query.isNull(1) ? 0 : query.int64(1),
                                query.isNull(2) ? 0 : query.int64(2), query.text(3), query.text(4)});
    }
    return notes;
}

EditRecord editAt(const Statement &query)
{
    return EditRecord{query.int64(0), query.text(1), query.text(2), query.text(3),
                      QJsonDocument::fromJson(query.text(4).toUtf8()).object()};
}

// What an edit's body did, for its log row.
struct EditOutcome
{
    QString summary;
    QJsonObject detail;
};

} // namespace

Curator::Curator(Database &database)
    : m_database(database)
{
}

namespace {

// Runs `body` in a transaction under a ChangeRecorder and logs it as an edit
// of `kind`: all of it or nothing.
// `request` is what the edit was asked to do (the ids and texts it was
// given), kept in the detail so that Curator::redo() can ask again.
template<typename Body>
Result<EditRecord> recordEdit(Database &database, const QString &kind, const QJsonObject &request, Body body)
{
    if (database.isReadOnly())
        return Error{u"%1 is open read-only (%2); edits cannot be saved."_s.arg(database.path(),
                                                                                database.readOnlyReason())};
    Transaction transaction(database);
    if (!transaction.isActive())
        return transaction.error();
    Result<ChangeRecorder> recorder = ChangeRecorder::start(database, curatedTables());
    if (!recorder)
        return Error{recorder.error()};
    Result<EditOutcome> outcome = body();
    if (!outcome)
        return Error{outcome.error()};
    const Result<QByteArray> changes = recorder->changeset();
    if (!changes)
        return Error{changes.error()};
    if (changes->isEmpty())
        return Error{u"Nothing to change: %1."_s.arg(outcome->summary)};

    EditRecord record{0, kind, now(), outcome->summary, outcome->detail};
    record.detail.insert(u"request"_s, request);
    Statement log(database, "INSERT INTO edits (kind, made_at, summary, detail, changes) VALUES (?1, ?2, ?3, ?4, ?5)");
    log.bind(1, record.kind)
        .bind(2, record.madeAt)
        .bind(3, record.summary)
        .bind(4, QString::fromUtf8(QJsonDocument(record.detail).toJson(QJsonDocument::Compact)))
        .bind(5, *changes);
    if (auto logged = log.execute(); !logged)
        return Error{logged.error()};
    record.id = log.lastInsertRowId();
    if (auto committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return record;
}

} // namespace

Result<EditRecord> Curator::merge(const QList<qint64> &entityIds, const QString &name, const QString &type)
{
    QList<qint64> ids;
    for (const qint64 id : entityIds) {
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.size() < 2)
        return Error{u"A merge takes two entities or more."_s};
    QJsonArray requested;
    for (const qint64 id : std::as_const(ids))
        requested.append(id);
    const QJsonObject request{{u"entities"_s, requested}, {u"name"_s, name}, {u"type"_s, type}};
    return recordEdit(m_database, u"merge"_s, request, [&]() -> Result<EditOutcome> {
        QList<EntityRow> rows;
        for (const qint64 id : std::as_const(ids)) {
            Result<EntityRow> row = readEntity(m_database, id);
            if (!row)
                return Error{row.error()};
            rows.append(*row);
        }
        const EntityRow &kept = rows.first();
        const Result<QString> newName = name.isEmpty() ? Result<QString>(kept.name) : checkedName(name, "name");
        if (!newName)
            return Error{newName.error()};
        const Result<QString> newType = type.isEmpty() ? Result<QString>(kept.type) : checkedType(type);
        if (!newType)
            return Error{newType.error()};

        // Its names are claimed under every type the merged were read as.
        QSet<QString> types{*newType, kept.type};
        int droppedLinks = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const qint64 from = rows.at(i).id;
            const qint64 to = kept.id;
            types.insert(rows.at(i).type);
            // Its position goes (the kept one's stays), its names come
            // along but for those the kept one has.
            for (const char *sql : {
                     "UPDATE notes SET entity_id = ?2 WHERE entity_id = ?1",
                     "UPDATE aliases SET entity_id = ?2 WHERE entity_id = ?1 "
                     "AND alias NOT IN (SELECT alias FROM aliases WHERE entity_id = ?2)",
                     "UPDATE mentions SET entity_id = ?2 WHERE entity_id = ?1",
                     "UPDATE name_claims SET entity_id = ?2 WHERE entity_id = ?1",
                 }) {
                if (auto done = run(m_database, sql, {from, to}); !done)
                    return Error{done.error()};
            }
            for (const char *sql : {"DELETE FROM node_positions WHERE entity_id = ?1",
                                    "DELETE FROM aliases WHERE entity_id = ?1",
                                    "DELETE FROM merge_keys WHERE entity_id = ?1"}) {
                if (auto done = run(m_database, sql, {from}); !done)
                    return Error{done.error()};
            }
            if (auto moved = moveRejections(m_database, from, to); !moved)
                return Error{moved.error()};
            const Result<QList<RelationRow>> relations = relationsOfEntity(m_database, from);
            if (!relations)
                return Error{relations.error()};
            for (const RelationRow &relation : *relations) {
                const Result<int> dropped = reattachRelation(m_database, relation,
                                                             relation.subject == from ? to : relation.subject,
                                                             relation.object == from ? to : relation.object);
                if (!dropped)
                    return Error{dropped.error()};
                droppedLinks += *dropped;
            }
            if (auto deleted = run(m_database, "DELETE FROM entities WHERE id = ?1", {from}); !deleted)
                return Error{deleted.error()};
        }

        Statement update(m_database, "UPDATE entities SET name = ?2, type = ?3, curated = ?4 WHERE id = ?1");
        update.bind(1, kept.id).bind(2, *newName).bind(3, *newType).bind(4, curatedName | curatedType);
        if (auto updated = update.execute(); !updated)
            return Error{updated.error()};
        Statement alias(m_database, "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)");
        alias.bind(1, kept.id).bind(2, *newName);
        if (auto added = alias.execute(); !added)
            return Error{added.error()};
        const Result<EntityRow> merged = readEntity(m_database, kept.id);
        if (!merged)
            return Error{merged.error()};
        if (auto claimed = claimNames(m_database, kept.id, merged->aliases, types); !claimed)
            return Error{claimed.error()};
        if (auto refiled = refileKeys(m_database, kept.id); !refiled)
            return Error{refiled.error()};

        QJsonArray entities;
        QStringList names;
        for (const EntityRow &row : std::as_const(rows)) {
            entities.append(entityJson(row, true));
            if (row.id != kept.id)
                names.append(quoted(row.name));
        }
        return EditOutcome{
            u"Merged %1 into %2"_s.arg(names.join(u", "_s), quoted(*newName)),
            QJsonObject{{u"entities"_s, entities},
                        {u"into"_s, entityJson(*merged)},
                        {u"dropped_links"_s, droppedLinks}},
        };
    });
}

Result<EditRecord> Curator::split(qint64 entityId, const QStringList &aliases, const QString &name,
                                  const QString &type)
{
    const QJsonObject request{{u"entity"_s, entityId}, {u"aliases"_s, QJsonArray::fromStringList(aliases)},
                              {u"name"_s, name}, {u"type"_s, type}};
    return recordEdit(m_database, u"split"_s, request, [&]() -> Result<EditOutcome> {
        const Result<EntityRow> entity = readEntity(m_database, entityId);
        if (!entity)
            return Error{entity.error()};
        const Result<QString> newName = checkedName(name, "new entity's name");
        if (!newName)
            return Error{newName.error()};
        const Result<QString> newType = type.isEmpty() ? Result<QString>(entity->type) : checkedType(type);
        if (!newType)
            return Error{newType.error()};

        // The aliases given, as stored (folded comparison).
        QSet<QString> folded;
        for (const QString &alias : aliases)
            folded.insert(foldName(alias));
        folded.remove(QString());
        if (folded.isEmpty())
            return Error{u"Name the aliases of %1 that go to the new entity."_s.arg(quoted(entity->name))};
        QStringList moving;
        QStringList staying;
        for (const QString &alias : entity->aliases)
            (folded.contains(foldName(alias)) ? moving : staying).append(alias);
        for (const QString &alias : aliases) {
            const bool found = std::any_of(moving.cbegin(), moving.cend(), [&](const QString &stored) {
                return foldName(stored) == foldName(alias);
            });
            if (!found)
                return Error{u"%1 is not a name of %2 (its names: %3)."_s.arg(quoted(alias), quoted(entity->name),
                                                                              entity->aliases.join(u", "_s))};
        }
        if (staying.isEmpty())
            return Error{u"%1 would keep no name; rename it instead."_s.arg(quoted(entity->name))};
        if (moving.contains(entity->name))
            return Error{u"%1 is the entity's own name: rename it to one of the names it keeps first."_s.arg(
                quoted(entity->name))};

        Statement insert(m_database, "INSERT INTO entities (name, type, curated) VALUES (?1, ?2, ?3)");
        insert.bind(1, *newName).bind(2, *newType).bind(3, curatedName | curatedType);
        if (auto inserted = insert.execute(); !inserted)
            return Error{inserted.error()};
        const qint64 created = insert.lastInsertRowId();

        Statement moveAlias(m_database, "UPDATE aliases SET entity_id = ?2 WHERE entity_id = ?1 AND alias = ?3");
        for (const QString &alias : std::as_const(moving)) {
            moveAlias.bind(1, entityId).bind(2, created).bind(3, alias);
            if (auto moved = moveAlias.execute(); !moved)
                return Error{moved.error()};
        }
        Statement nameAlias(m_database, "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)");
        nameAlias.bind(1, created).bind(2, *newName);
        if (auto added = nameAlias.execute(); !added)
            return Error{added.error()};

        // The mentions by those names; then which sentences still name the
        // entity and which now name the new one only.
        Statement mentions(m_database,
                           "SELECT m.sentence_id, m.ordinal, " NEWSGRAPH_TEXT_SLICE("m.start", "m.\"end\"") " "
                           "FROM mentions m JOIN sentences s ON s.id = m.sentence_id "
                           "JOIN documents d ON d.id = s.document_id "
                           "WHERE m.entity_id = ?1 AND m.resolved = 0");
        mentions.bind(1, entityId);
        QList<std::pair<qint64, int>> moved;
        QSet<qint64> movedSentences;
        QSet<qint64> keptSentences;
        while (mentions.next()) {
            if (folded.contains(foldName(mentions.text(2)))) {
                moved.append({mentions.int64(0), mentions.integer(1)});
                movedSentences.insert(mentions.int64(0));
            } else {
                keptSentences.insert(mentions.int64(0));
            }
        }
        if (!mentions.ok())
            return Error{mentions.error()};
        Statement moveMention(m_database, "UPDATE mentions SET entity_id = ?3 WHERE sentence_id = ?1 AND ordinal = ?2");
        for (const auto &[sentence, ordinal] : std::as_const(moved)) {
            moveMention.bind(1, sentence).bind(2, qint64(ordinal)).bind(3, created);
            if (auto done = moveMention.execute(); !done)
                return Error{done.error()};
        }

        // Statements made in sentences that now name the new entity and not
        // the old one are the new one's.
        const Result<QList<RelationRow>> relations = relationsOfEntity(m_database, entityId);
        if (!relations)
            return Error{relations.error()};
        int movedStatements = 0;
        for (const RelationRow &relation : *relations) {
            Statement evidence(m_database, "SELECT sentence_id FROM relation_evidence WHERE relation_id = ?1");
            evidence.bind(1, relation.id);
            QList<qint64> sentences;
            while (evidence.next()) {
                const qint64 sentence = evidence.int64(0);
                if (movedSentences.contains(sentence) && !keptSentences.contains(sentence))
                    sentences.append(sentence);
            }
            if (!evidence.ok())
                return Error{evidence.error()};
            if (sentences.isEmpty())
                continue;
            qint64 subject = relation.subject == entityId ? created : relation.subject;
            qint64 object = relation.object == entityId ? created : relation.object;
            if (isSymmetricPredicate(relation.predicate) && subject > object)
                std::swap(subject, object);
            Result<qint64> target = findRelation(m_database, subject, relation.predicateId, object, relation.id);
            if (!target)
                return Error{target.error()};
            if (*target == 0) {
                Statement create(m_database, "INSERT INTO relations (subject_id, predicate_id, object_id, confidence, "
                                             "rule_id, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
                create.bind(1, subject).bind(2, relation.predicateId).bind(3, object).bind(4, relation.confidence);
                if (relation.ruleId)
                    create.bind(5, *relation.ruleId);
                else
                    create.bindNull(5);
                create.bind(6, relation.origin);
                if (auto created = create.execute(); !created)
                    return Error{created.error()};
                target = create.lastInsertRowId();
            }
            Statement move(m_database, "UPDATE relation_evidence SET relation_id = ?3 "
                                       "WHERE relation_id = ?1 AND sentence_id = ?2");
            for (const qint64 sentence : std::as_const(sentences)) {
                move.bind(1, relation.id).bind(2, sentence).bind(3, *target);
                if (auto done = move.execute(); !done)
                    return Error{done.error()};
                ++movedStatements;
            }
            // An extracted relation none of whose statements is left is the new entity's only.
            const Result<bool> stated = isStated(m_database, relation.id);
            if (!stated)
                return Error{stated.error()};
            if (!*stated && relation.origin == 0) {
                if (auto notes = run(m_database, "UPDATE notes SET relation_id = ?2 WHERE relation_id = ?1",
                                     {relation.id, *target});
                    !notes)
                    return Error{notes.error()};
                if (auto deleted = deleteRelation(m_database, relation.id); !deleted)
                    return Error{deleted.error()};
            }
        }

        if (auto claimed = claimNames(m_database, created, moving + QStringList{*newName},
                                      QSet<QString>{entity->type, *newType});
            !claimed)
            return Error{claimed.error()};
        for (const qint64 id : {entityId, created}) {
            if (auto refiled = refileKeys(m_database, id); !refiled)
                return Error{refiled.error()};
        }
        const EntityRow createdRow{created, *newName, *newType, moving};
        return EditOutcome{
            u"Split %1 off %2"_s.arg(quoted(*newName), quoted(entity->name)),
            QJsonObject{{u"entity"_s, entityJson(*entity)},
                        {u"new_entity"_s, entityJson(createdRow, true)},
                        {u"mentions"_s, qint64(moved.size())},
                        {u"statements"_s, movedStatements}},
        };
    });
}

Result<EditRecord> Curator::rename(qint64 entityId, const QString &name)
{
    return recordEdit(m_database, u"rename"_s, {{u"entity"_s, entityId}, {u"name"_s, name}},
                      [&]() -> Result<EditOutcome> {
        const Result<EntityRow> entity = readEntity(m_database, entityId);
        if (!entity)
            return Error{entity.error()};
        const Result<QString> newName = checkedName(name, "name");
        if (!newName)
            return Error{newName.error()};
        if (*newName == entity->name)
            return Error{u"%1 is already its name."_s.arg(quoted(*newName))};
        Statement update(m_database, "UPDATE entities SET name = ?2, curated = curated | ?3 WHERE id = ?1");
        update.bind(1, entityId).bind(2, *newName).bind(3, curatedName);
        if (auto updated = update.execute(); !updated)
            return Error{updated.error()};
        Statement alias(m_database, "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)");
        alias.bind(1, entityId).bind(2, *newName);
        if (auto added = alias.execute(); !added)
            return Error{added.error()};
        // The names it went by still lead to it (a person is matched by name).
        if (auto claimed = claimNames(m_database, entityId, entity->aliases + QStringList{*newName},
                                      QSet<QString>{entity->type});
            !claimed)
            return Error{claimed.error()};
        if (auto refiled = refileKeys(m_database, entityId); !refiled)
            return Error{refiled.error()};
        return EditOutcome{u"Renamed %1 to %2"_s.arg(quoted(entity->name), quoted(*newName)),
                           QJsonObject{{u"entity"_s, entityJson(*entity)}, {u"name"_s, *newName}}};
    });
}

Result<EditRecord> Curator::retype(qint64 entityId, const QString &type)
{
    return recordEdit(m_database, u"retype"_s, {{u"entity"_s, entityId}, {u"type"_s, type}},
                      [&]() -> Result<EditOutcome> {
        const Result<EntityRow> entity = readEntity(m_database, entityId);
        if (!entity)
            return Error{entity.error()};
        const Result<QString> newType = checkedType(type);
        if (!newType)
            return Error{newType.error()};
        if (*newType == entity->type)
            return Error{u"%1 is already of type %2."_s.arg(quoted(entity->name), *newType)};
        Statement update(m_database, "UPDATE entities SET type = ?2, curated = curated | ?3 WHERE id = ?1");
        update.bind(1, entityId).bind(2, *newType).bind(3, curatedType);
        if (auto updated = update.execute(); !updated)
            return Error{updated.error()};
        // Extraction may go on reading it as the old type: those names lead here.
        if (auto claimed = claimNames(m_database, entityId, entity->aliases, QSet<QString>{entity->type, *newType});
            !claimed)
            return Error{claimed.error()};
        if (auto refiled = refileKeys(m_database, entityId); !refiled)
            return Error{refiled.error()};
        return EditOutcome{u"Changed the type of %1 from %2 to %3"_s.arg(quoted(entity->name), entity->type, *newType),
                           QJsonObject{{u"entity"_s, entityJson(*entity)}, {u"type"_s, *newType}}};
    });
}

Result<EditRecord> Curator::addAlias(qint64 entityId, const QString &alias)
{
    return recordEdit(m_database, u"add_alias"_s, {{u"entity"_s, entityId}, {u"alias"_s, alias}},
                      [&]() -> Result<EditOutcome> {
        const Result<EntityRow> entity = readEntity(m_database, entityId);
        if (!entity)
            return Error{entity.error()};
        const Result<QString> newAlias = checkedName(alias, "alias");
        if (!newAlias)
            return Error{newAlias.error()};
        if (entity->aliases.contains(*newAlias))
            return Error{u"%1 is already a name of %2."_s.arg(quoted(*newAlias), quoted(entity->name))};
        Statement insert(m_database, "INSERT INTO aliases (entity_id, alias) VALUES (?1, ?2)");
        insert.bind(1, entityId).bind(2, *newAlias);
        if (auto inserted = insert.execute(); !inserted)
            return Error{inserted.error()};
        if (auto claimed = claimNames(m_database, entityId, {*newAlias}, QSet<QString>{entity->type}); !claimed)
            return Error{claimed.error()};
        if (auto refiled = refileKeys(m_database, entityId); !refiled)
            return Error{refiled.error()};
        return EditOutcome{u"Added the name %1 to %2"_s.arg(quoted(*newAlias), quoted(entity->name)),
                           QJsonObject{{u"entity"_s, entityJson(*entity)}, {u"alias"_s, *newAlias}}};
    });
}

Result<EditRecord> Curator::removeAlias(qint64 entityId, const QString &alias)
{
    return recordEdit(m_database, u"remove_alias"_s, {{u"entity"_s, entityId}, {u"alias"_s, alias}},
                      [&]() -> Result<EditOutcome> {
        const Result<EntityRow> entity = readEntity(m_database, entityId);
        if (!entity)
            return Error{entity.error()};
        if (!entity->aliases.contains(alias))
            return Error{u"%1 is not a name of %2 (its names: %3)."_s.arg(quoted(alias), quoted(entity->name),
                                                                          entity->aliases.join(u", "_s))};
        if (alias == entity->name)
            return Error{u"%1 is the entity's name; rename it first."_s.arg(quoted(alias))};
        Statement remove(m_database, "DELETE FROM aliases WHERE entity_id = ?1 AND alias = ?2");
        remove.bind(1, entityId).bind(2, alias);
        if (auto removed = remove.execute(); !removed)
            return Error{removed.error()};
        Statement unclaim(m_database, "DELETE FROM name_claims WHERE key = ?1 AND entity_id = ?2");
        unclaim.bind(1, nameClaimKey(entity->type, alias)).bind(2, entityId);
        if (auto removed = unclaim.execute(); !removed)
            return Error{removed.error()};
        if (auto refiled = refileKeys(m_database, entityId); !refiled)
            return Error{refiled.error()};
        return EditOutcome{u"Removed the name %1 from %2"_s.arg(quoted(alias), quoted(entity->name)),
                           QJsonObject{{u"entity"_s, entityJson(*entity)}, {u"alias"_s, alias}}};
    });
}

Result<EditRecord> Curator::setHidden(qint64 entityId, bool hidden)
{
    return recordEdit(m_database, hidden ? u"hide"_s : u"show"_s, {{u"entity"_s, entityId}},
                      [&]() -> Result<EditOutcome> {
        const Result<EntityRow> entity = readEntity(m_database, entityId);
        if (!entity)
            return Error{entity.error()};
        if (auto done = run(m_database, "UPDATE entities SET hidden = ?2 WHERE id = ?1", {entityId, hidden ? 1 : 0});
            !done)
            return Error{done.error()};
        return EditOutcome{(hidden ? u"Hid %1"_s : u"Showed %1"_s).arg(quoted(entity->name)),
                           QJsonObject{{u"entity"_s, entityJson(*entity)}}};
    });
}

Result<EditRecord> Curator::rejectRelation(qint64 relationId)
{
    return recordEdit(m_database, u"reject_relation"_s, {{u"relation"_s, relationId}},
                      [&]() -> Result<EditOutcome> {
        const Result<RelationRow> relation = readRelation(m_database, relationId);
        if (!relation)
            return Error{relation.error()};
        const QJsonObject detail = relationJson(m_database, *relation);
        if (auto rejected = rejectRelationRow(m_database, *relation); !rejected)
            return Error{rejected.error()};
        return EditOutcome{u"Deleted the link %1"_s.arg(relationText(detail)), detail};
    });
}

Result<EditRecord> Curator::rejectStatement(qint64 relationId, qint64 sentenceId)
{
    return recordEdit(m_database, u"reject_statement"_s, {{u"relation"_s, relationId}, {u"sentence"_s, sentenceId}},
                      [&]() -> Result<EditOutcome> {
        const Result<RelationRow> relation = readRelation(m_database, relationId);
        if (!relation)
            return Error{relation.error()};
        QJsonObject detail = relationJson(m_database, *relation);
        const QString text = relationText(detail);
        Statement sentence(m_database, "SELECT d.file_name, s.idx, " NEWSGRAPH_TEXT_SLICE("s.start", "s.\"end\"") " "
                                       "FROM relation_evidence ev JOIN sentences s ON s.id = ev.sentence_id "
                                       "JOIN documents d ON d.id = s.document_id "
                                       "WHERE ev.relation_id = ?1 AND ev.sentence_id = ?2");
        sentence.bind(1, relationId).bind(2, sentenceId);
        if (!sentence.next()) {
            if (!sentence.ok())
                return Error{sentence.error()};
            return Error{u"Sentence %1 does not state the link %2."_s.arg(sentenceId).arg(text)};
        }
        detail.insert(u"document"_s, sentence.text(0));
        detail.insert(u"sentence_index"_s, sentence.int64(1));
        detail.insert(u"sentence"_s, sentence.text(2));
        sentence.reset();
        if (auto removed = run(m_database, "DELETE FROM relation_evidence WHERE relation_id = ?1 AND sentence_id = ?2",
                               {relationId, sentenceId});
            !removed)
            return Error{removed.error()};
        const Result<bool> stated = isStated(m_database, relationId);
        if (!stated)
            return Error{stated.error()};
        const bool last = !*stated && relation->origin == 0;
        if (last) {
            if (auto rejected = rejectRelationRow(m_database, *relation); !rejected)
                return Error{rejected.error()};
        }
        detail.insert(u"relation_rejected"_s, last);
        return EditOutcome{u"Deleted a statement of %1%2"_s.arg(text, last ? u" (its last: the link went too)"_s
                                                                          : QString()),
                           detail};
    });
}

Result<EditRecord> Curator::link(qint64 subjectId, const QString &predicate, qint64 objectId,
                                 std::optional<qint64> sentenceId, const QString &note)
{
    const Result<QStringList> known = vocabulary();
    if (!known)
        return Error{known.error()};
    if (!known->contains(predicate))
        return Error{u"“%1” is not a predicate of the vocabulary (%2)."_s.arg(predicate, known->join(u", "_s))};
    const QJsonObject request{{u"subject"_s, subjectId}, {u"predicate"_s, predicate}, {u"object"_s, objectId},
                              {u"sentence"_s, sentenceId ? QJsonValue(*sentenceId) : QJsonValue()}, {u"note"_s, note}};
    return recordEdit(m_database, u"link"_s, request, [&]() -> Result<EditOutcome> {
        const Result<EntityRow> subject = readEntity(m_database, subjectId);
        if (!subject)
            return Error{subject.error()};
        const Result<EntityRow> object = readEntity(m_database, objectId);
        if (!object)
            return Error{object.error()};
        if (subjectId == objectId)
            return Error{u"A link joins two entities; %1 is given twice."_s.arg(quoted(subject->name))};
        NameIds predicates(m_database, "SELECT id FROM predicates WHERE name = ?1",
                           "INSERT INTO predicates (name) VALUES (?1)");
        const Result<std::optional<qint64>> predicateId = predicates.idOf(predicate);
        if (!predicateId)
            return Error{predicateId.error()};
        const qint64 predicateRow = **predicateId;
        qint64 first = subjectId;
        qint64 second = objectId;
        if (isSymmetricPredicate(predicate) && first > second)
            std::swap(first, second);
        const Result<qint64> existing = findRelation(m_database, first, predicateRow, second, 0);
        if (!existing)
            return Error{existing.error()};
        if (*existing > 0)
            return Error{u"%1 %2 %3 is already a link (relation %4)."_s.arg(quoted(subject->name), predicate,
                                                                            quoted(object->name))
                             .arg(*existing)};
        // The analyst asserts it now, whatever was rejected before.
        if (auto unrejected = run(m_database, "DELETE FROM rejected_relations WHERE subject_id = ?1 "
                                              "AND predicate_id = ?2 AND object_id = ?3",
                                  {first, predicateRow, second});
            !unrejected)
            return Error{unrejected.error()};
        Statement insert(m_database, "INSERT INTO relations (subject_id, predicate_id, object_id, confidence, origin) "
                                     "VALUES (?1, ?2, ?3, 1000, 1)");
        insert.bind(1, first).bind(2, predicateRow).bind(3, second);
        if (auto inserted = insert.execute(); !inserted)
            return Error{inserted.error()};
        const qint64 relationId = insert.lastInsertRowId();
        QJsonObject detail{{u"subject"_s, entityJson(*subject)},
                           {u"predicate"_s, predicate},
                           {u"object"_s, entityJson(*object)}};
        if (sentenceId) {
            Statement sentence(m_database, "SELECT d.file_name, s.idx, " NEWSGRAPH_TEXT_SLICE("s.start", "s.\"end\"") " "
                                           "FROM sentences s JOIN documents d ON d.id = s.document_id WHERE s.id = ?1");
            sentence.bind(1, *sentenceId);
            if (!sentence.next()) {
                if (!sentence.ok())
                    return Error{sentence.error()};
                return Error{u"There is no sentence %1 in this project."_s.arg(*sentenceId)};
            }
            detail.insert(u"document"_s, sentence.text(0));
            detail.insert(u"sentence_index"_s, sentence.int64(1));
            detail.insert(u"sentence"_s, sentence.text(2));
            sentence.reset();
            if (auto stated = run(m_database, "INSERT INTO relation_evidence (relation_id, sentence_id, confidence) "
                                              "VALUES (?1, ?2, 1000)",
                                  {relationId, *sentenceId});
                !stated)
                return Error{stated.error()};
        }
        if (!note.trimmed().isEmpty()) {
            const Result<QString> noted = insertNote(m_database, "relation_id", relationId, note);
            if (!noted)
                return Error{noted.error()};
            detail.insert(u"note"_s, *noted);
        }
        return EditOutcome{u"Linked %1 %2 %3"_s.arg(quoted(subject->name), predicate, quoted(object->name)), detail};
    });
}

Result<EditRecord> Curator::noteEntity(qint64 entityId, const QString &text)
{
    return recordEdit(m_database, u"note"_s, {{u"entity"_s, entityId}, {u"text"_s, text}},
                      [&]() -> Result<EditOutcome> {
        const Result<EntityRow> entity = readEntity(m_database, entityId);
        if (!entity)
            return Error{entity.error()};
        const Result<QString> note = insertNote(m_database, "entity_id", entityId, text);
        if (!note)
            return Error{note.error()};
        return EditOutcome{u"Noted on %1"_s.arg(quoted(entity->name)),
                           QJsonObject{{u"entity"_s, entityJson(*entity)}, {u"note"_s, *note}}};
    });
}

Result<EditRecord> Curator::noteRelation(qint64 relationId, const QString &text)
{
    return recordEdit(m_database, u"note"_s, {{u"relation"_s, relationId}, {u"text"_s, text}},
                      [&]() -> Result<EditOutcome> {
        const Result<RelationRow> relation = readRelation(m_database, relationId);
        if (!relation)
            return Error{relation.error()};
        const Result<QString> note = insertNote(m_database, "relation_id", relationId, text);
        if (!note)
            return Error{note.error()};
        QJsonObject detail = relationJson(m_database, *relation);
        detail.insert(u"note"_s, *note);
        return EditOutcome{u"Noted on the link %1"_s.arg(relationText(detail)), detail};
    });
}

Result<QList<EditRecord>> Curator::edits() const
{
    Statement query(m_database, "SELECT id, kind, made_at, summary, detail FROM edits ORDER BY id");
    QList<EditRecord> records;
    while (query.next())
        records.append(editAt(query));
    if (!query.ok())
        return query.error();
    return records;
}

Result<EditRecord> Curator::redo(const EditRecord &undone)
{
    const QJsonObject request = undone.detail.value(u"request"_s).toObject();
    const auto id = [&request](const char *key) { return request.value(QLatin1String(key)).toInteger(); };
    const auto text = [&request](const char *key) { return request.value(QLatin1String(key)).toString(); };
    const QString &kind = undone.kind;
    if (kind == u"merge") {
        QList<qint64> ids;
        for (const QJsonValue &value : request.value(u"entities"_s).toArray())
            ids.append(value.toInteger());
        return merge(ids, text("name"), text("type"));
    }
    if (kind == u"split") {
        QStringList aliases;
        for (const QJsonValue &value : request.value(u"aliases"_s).toArray())
            aliases.append(value.toString());
        return split(id("entity"), aliases, text("name"), text("type"));
    }
    if (kind == u"rename")
        return rename(id("entity"), text("name"));
    if (kind == u"retype")
        return retype(id("entity"), text("type"));
    if (kind == u"add_alias")
        return addAlias(id("entity"), text("alias"));
    if (kind == u"remove_alias")
        return removeAlias(id("entity"), text("alias"));
    if (kind == u"hide" || kind == u"show")
        return setHidden(id("entity"), kind == u"hide");
    if (kind == u"reject_relation")
        return rejectRelation(id("relation"));
    if (kind == u"reject_statement")
        return rejectStatement(id("relation"), id("sentence"));
    if (kind == u"link") {
        const QJsonValue sentence = request.value(u"sentence"_s);
        return link(id("subject"), text("predicate"), id("object"),
                    sentence.isDouble() ? std::optional<qint64>(sentence.toInteger()) : std::nullopt, text("note"));
    }
    if (kind == u"note")
        return request.contains(u"entity"_s) ? noteEntity(id("entity"), text("text"))
                                             : noteRelation(id("relation"), text("text"));
    return Error{u"Edit %1 (%2) cannot be made again: this version does not know its kind."_s.arg(undone.id).arg(
        undone.summary)};
}

Result<EditRecord> Curator::undo(qint64 editId)
{
    if (m_database.isReadOnly())
        return Error{u"%1 is open read-only (%2); edits cannot be undone."_s.arg(m_database.path(),
                                                                                 m_database.readOnlyReason())};
    if (m_database.inTransaction())
        return Error{u"An edit cannot be undone inside another transaction."_s};
    Statement find(m_database, editId > 0 ? "SELECT id, kind, made_at, summary, detail, changes FROM edits WHERE id = ?1"
                                          : "SELECT id, kind, made_at, summary, detail, changes FROM edits "
                                            "ORDER BY id DESC LIMIT 1");
    if (editId > 0)
        find.bind(1, editId);
    if (!find.next()) {
        if (!find.ok())
            return find.error();
        return Error{editId > 0 ? u"There is no edit %1 in this project's log."_s.arg(editId)
                                : u"There is no edit to undo."_s};
    }
    const EditRecord record = editAt(find);
    const QByteArray changes = find.blob(5);
    find.reset();

    // Off for the inverse: a cascade would delete rows it then puts back
    // (undoing a split deletes the new entity before its mentions go home).
    // What the inverse leaves is checked below instead.
    if (auto off = m_database.execute(u"PRAGMA foreign_keys = OFF"_s); !off)
        return Error{off.error()};
    const auto foreignKeysOn = qScopeGuard([this] {
        if (auto on = m_database.execute(u"PRAGMA foreign_keys = ON"_s); !on)
            qWarning().noquote() << on.error();
    });
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return transaction.error();
    const auto refused = [&record](const QString &why) {
        return Error{u"Edit %1 (%2) cannot be undone: %3. Undo the edits made after it first."_s.arg(record.id).arg(
            record.summary, why)};
    };
    // The trigger that keeps mention counts would move two counts for each
    // mention the inverse moves back: 100 of the 160 ms the inverse of a
    // merge of 20,000 mentions took. It is set aside while the inverse runs,
    // in this transaction, and the counts are taken again below.
    Statement trigger(m_database, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' "
                                  "AND name = 'mentions_count_update'");
    const QString triggerSql = trigger.next() ? trigger.text(0) : QString();
    if (!trigger.ok())
        return Error{trigger.error()};
    trigger.reset();
    if (!triggerSql.isEmpty()) {
        if (auto dropped = m_database.execute(u"DROP TRIGGER mentions_count_update"_s); !dropped)
            return Error{dropped.error()};
    }
    if (auto reverted = revertChangeset(m_database, changes, {{"entities", "mention_count"}}); !reverted)
        return refused(reverted.error());
    if (!triggerSql.isEmpty()) {
        if (auto restored = m_database.execute(triggerSql); !restored)
            return Error{restored.error()};
    }

    // Mention counts follow the mentions (triggers), which the inverse moved
    // back while it also put the counts back: counted again for every entity
    // it touched.
    Result<QSet<qint64>> entities = changesetValues(m_database, changes, "entities", "id");
    if (!entities)
        return Error{entities.error()};
    const Result<QSet<qint64>> mentioned = changesetValues(m_database, changes, "mentions", "entity_id");
    if (!mentioned)
        return Error{mentioned.error()};
    entities->unite(*mentioned);
    Statement recount(m_database, "UPDATE entities SET mention_count = "
                                  "(SELECT count(*) FROM mentions WHERE entity_id = ?1 AND resolved = 0) "
                                  "WHERE id = ?1");
    Statement exists(m_database, "SELECT EXISTS (SELECT 1 FROM entities WHERE id = ?1)");
    // Rows that refer to an entity or relation the inverse deleted were
    // added after the edit (a new article's mentions of a split-off entity):
    // the edit stays.
    Statement entityUsed(m_database,
                         "SELECT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1) "
                         "OR EXISTS (SELECT 1 FROM aliases WHERE entity_id = ?1) "
                         "OR EXISTS (SELECT 1 FROM relations WHERE subject_id = ?1) "
                         "OR EXISTS (SELECT 1 FROM relations WHERE object_id = ?1) "
                         "OR EXISTS (SELECT 1 FROM notes WHERE entity_id = ?1) "
                         "OR EXISTS (SELECT 1 FROM merge_keys WHERE entity_id = ?1) "
                         "OR EXISTS (SELECT 1 FROM name_claims WHERE entity_id = ?1) "
                         "OR EXISTS (SELECT 1 FROM node_positions WHERE entity_id = ?1)");
    for (const qint64 id : std::as_const(*entities)) {
        exists.bind(1, id);
        const bool there = exists.next() && exists.int64(0) != 0;
        exists.reset();
        if (there) {
            recount.bind(1, id);
            if (auto counted = recount.execute(); !counted)
                return Error{counted.error()};
            continue;
        }
        entityUsed.bind(1, id);
        const bool used = entityUsed.next() && entityUsed.int64(0) != 0;
        entityUsed.reset();
        if (!entityUsed.ok())
            return Error{entityUsed.error()};
        if (used)
            return refused(u"entity %1 has been given mentions, names or links since"_s.arg(id));
    }
    const Result<QSet<qint64>> relations = changesetValues(m_database, changes, "relations", "id");
    if (!relations)
        return Error{relations.error()};
    Statement relationGone(m_database, "SELECT NOT EXISTS (SELECT 1 FROM relations WHERE id = ?1) AND "
                                       "(EXISTS (SELECT 1 FROM relation_evidence WHERE relation_id = ?1) "
                                       "OR EXISTS (SELECT 1 FROM notes WHERE relation_id = ?1))");
    for (const qint64 id : *relations) {
        relationGone.bind(1, id);
        const bool orphaned = relationGone.next() && relationGone.int64(0) != 0;
        relationGone.reset();
        if (!relationGone.ok())
            return Error{relationGone.error()};
        if (orphaned)
            return refused(u"relation %1 has been stated again since"_s.arg(id));
    }

    if (auto removed = run(m_database, "DELETE FROM edits WHERE id = ?1", {record.id}); !removed)
        return Error{removed.error()};
    if (auto committed = transaction.commit(); !committed)
        return Error{committed.error()};
    return record;
}

Result<QList<NoteRecord>> Curator::notes() const
{
    return notesWhere("id > ?1", 0); // every id is positive
}

Result<QList<NoteRecord>> Curator::entityNotes(qint64 entityId) const
{
    return notesWhere("entity_id = ?1", entityId);
}

Result<QList<NoteRecord>> Curator::relationNotes(qint64 relationId) const
{
    return notesWhere("relation_id = ?1", relationId);
}

Result<QList<NoteRecord>> Curator::notesWhere(const char *condition, qint64 id) const
{
    const QByteArray sql = QByteArray("SELECT id, entity_id, relation_id, text, made_at FROM notes WHERE ") + condition
        + " ORDER BY id";
    Statement query(m_database, sql.constData());
    query.bind(1, id);
    QList<NoteRecord> notes = readNotes(query);
    if (!query.ok())
        return query.error();
    return notes;
}

Result<QList<NoteRecord>> Curator::searchNotes(const QString &query, int limit) const
{
    const Result<QString> expression = toFtsQuery(query);
    if (!expression)
        return Error{expression.error()};
    if (expression->isEmpty())
        return QList<NoteRecord>();
    Statement search(m_database, "SELECT n.id, n.entity_id, n.relation_id, n.text, n.made_at FROM notes_fts "
                                 "JOIN notes n ON n.id = notes_fts.rowid WHERE notes_fts MATCH ?1 "
                                 "ORDER BY bm25(notes_fts), n.id LIMIT ?2");
    search.bind(1, *expression).bind(2, limit);
    QList<NoteRecord> notes = readNotes(search);
    if (!search.ok())
        return search.error();
    return notes;
}

Result<QString> Curator::whereabouts(const QString &name) const
{
    const QString folded = foldName(name);
    Statement query(m_database, "SELECT id, kind, detail FROM edits WHERE kind IN ('merge', 'split', 'rename') "
                                "ORDER BY id DESC");
    while (query.next()) {
        const QJsonObject detail = QJsonDocument::fromJson(query.text(2).toUtf8()).object();
        const QString kind = query.text(1);
        const auto named = [&folded, &name](const QJsonObject &entity) {
            if (foldName(entity.value(u"name"_s).toString()) == folded
                || QString::number(entity.value(u"id"_s).toInteger()) == name.trimmed())
                return true;
            const QJsonArray aliases = entity.value(u"aliases"_s).toArray();
            return std::any_of(aliases.begin(), aliases.end(),
                               [&folded](const QJsonValue &alias) { return foldName(alias.toString()) == folded; });
        };
        if (kind == u"merge") {
            const QJsonArray entities = detail.value(u"entities"_s).toArray();
            const bool merged = std::any_of(entities.begin() + 1, entities.end(),
                                            [&named](const QJsonValue &entity) { return named(entity.toObject()); });
            if (merged)
                return u"%1 was merged into %2 (edit %3)"_s.arg(
                    quoted(name), quoted(detail.value(u"into"_s).toObject().value(u"name"_s).toString()))
                    .arg(query.int64(0));
        } else if (kind == u"split" && named(detail.value(u"new_entity"_s).toObject())) {
            return u"%1 was split off %2 as %3 (edit %4)"_s.arg(
                       quoted(name), quoted(detail.value(u"entity"_s).toObject().value(u"name"_s).toString()),
                       quoted(detail.value(u"new_entity"_s).toObject().value(u"name"_s).toString()))
                .arg(query.int64(0));
        } else if (kind == u"rename" && named(detail.value(u"entity"_s).toObject())) {
            return u"%1 was renamed %2 (edit %3)"_s.arg(quoted(name), quoted(detail.value(u"name"_s).toString()))
                .arg(query.int64(0));
        }
    }
    if (!query.ok())
        return query.error();
    return QString();
}

Result<QStringList> Curator::vocabulary() const
{
    QSet<QString> predicates;
    // The predicates of the bundled relation rules and patterns: their
    // second column, where a line has one that is a predicate's name.
    static const QRegularExpression predicateName(u"^[a-z]+(_[a-z]+)*$"_s);
    for (const QString &path : {u":/lexicon/relation-rules.tsv"_s, u":/lexicon/relation-patterns.tsv"_s}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            if (line.startsWith(u'#'))
                continue;
            const QStringList fields = line.split(u'\t');
            if (fields.size() >= 4 && predicateName.match(fields.at(1).trimmed()).hasMatch())
                predicates.insert(fields.at(1).trimmed());
        }
    }
    Statement stored(m_database, "SELECT name FROM predicates");
    while (stored.next())
        predicates.insert(stored.text(0));
    if (!stored.ok())
        return stored.error();
    predicates.remove(QString::fromUtf16(cooccurrencePredicate));
    QStringList sorted(predicates.cbegin(), predicates.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

} // namespace NewsGraph
