#pragma once

#include "core/common/Result.h"
#include "core/store/Records.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace NewsGraph {

class Database;

// The analyst's edits of a project's graph (issue 16): merge, split,
// rename, retype, aliases, hide and show, reject a relation or one of its
// statements, add a relation, notes. The graph the store holds is
// extraction with the edits made on it; each edit is done in one
// transaction and logged in `edits` with
// - what it did in stable terms (names, types, predicates, texts; EditRecord::detail),
// - the rows it changed, as an SQLite session changeset (ChangeRecorder),
//   which undo() inverts: an edit undone at once leaves every table as it
//   was before, row for row (the test compares them), and an edit undone
//   after later ones or after new articles were read is undone where those
//   did not change the same rows, or refused with what stands in the way.
// Edits hold for what extraction adds later: a merged or split entity's
// names are claimed for it (name_claims, consulted first by
// Repository::matchKnownEntities()), a name or type the analyst set is not
// renamed by extraction (entities.curated), a rejected relation is not
// stored again (rejected_relations).
//
// The log is the project's: undo works after reopening. redo() makes an
// undone edit again from what it was asked (EditRecord::detail's
// "request"), for the explorer's QUndoStack.
//
// Entities are given by id (Repository::entitiesNamed() finds them by
// name); an id that is not there, an empty name, a type this version does
// not know are errors that change nothing.
class Curator
{
public:
    explicit Curator(Database &database);

    // Merges `entityIds` (two or more, the first the one that stays) into
    // one entity called `name` of type `type` (empty: the first one's).
    // Mentions, aliases, relations and their statements, notes and
    // rejections move to it; relations between two of them go (they would
    // relate the entity to itself); two relations that become the same are
    // one, with the statements of both.
    Result<EditRecord> merge(const QList<qint64> &entityIds, const QString &name = QString(),
                             const QString &type = QString());
    // Moves the names `aliases` of an entity, with the mentions that use
    // them and the statements of its relations made in sentences where only
    // those name it, to a new entity `name` (type: `type`, empty for the
    // entity's own). The entity must keep at least one name.
    Result<EditRecord> split(qint64 entityId, const QStringList &aliases, const QString &name,
                             const QString &type = QString());
    Result<EditRecord> rename(qint64 entityId, const QString &name);
    Result<EditRecord> retype(qint64 entityId, const QString &type);
    Result<EditRecord> addAlias(qint64 entityId, const QString &alias);
    // Not its name, which rename() changes.
    Result<EditRecord> removeAlias(qint64 entityId, const QString &alias);
    Result<EditRecord> setHidden(qint64 entityId, bool hidden);
    // Deletes an extracted or added relation and its statements, and keeps
    // extraction from storing it again.
    Result<EditRecord> rejectRelation(qint64 relationId);
    // Deletes one statement of a relation (its sentence stays); the last
    // one of an extracted relation rejects the relation.
    Result<EditRecord> rejectStatement(qint64 relationId, qint64 sentenceId);
    // Adds a relation the analyst asserts: `predicate` one of the
    // vocabulary's (symmetric ones stored lower id first, as extraction
    // does), optionally stated by a sentence of a document, optionally with
    // a note. An existing relation of the three is an error.
    Result<EditRecord> link(qint64 subjectId, const QString &predicate, qint64 objectId,
                            std::optional<qint64> sentenceId = std::nullopt,
                            const QString &note = QString());
    Result<EditRecord> noteEntity(qint64 entityId, const QString &text);
    Result<EditRecord> noteRelation(qint64 relationId, const QString &text);

    // The edit log, oldest first.
    Result<QList<EditRecord>> edits() const;
    // Undoes edit `editId` (the latest when 0) and deletes it from the log;
    // returns it as it was.
    Result<EditRecord> undo(qint64 editId = 0);
    // Makes an undone edit again, as it was asked (the ids it was given are
    // those undo put back): the redo of an undo stack. Returns the new edit.
    Result<EditRecord> redo(const EditRecord &undone);

    // Every note, oldest first.
    Result<QList<NoteRecord>> notes() const;
    // Notes of an entity or of a relation, oldest first.
    Result<QList<NoteRecord>> entityNotes(qint64 entityId) const;
    Result<QList<NoteRecord>> relationNotes(qint64 relationId) const;
    // Notes whose words match `query` (as Repository::search() reads it).
    Result<QList<NoteRecord>> searchNotes(const QString &query, int limit = 100) const;

    // Where a name (or an entity id) that no entity has any more went:
    // "“Bob Smith” was merged into “Robert Smith” (edit 3)"; empty when no
    // edit moved it.
    Result<QString> whereabouts(const QString &name) const;

    // The predicates a manual relation may have: those of the relation
    // rules (resources/lexicon) and those the project has stored.
    Result<QStringList> vocabulary() const;

private:
    // The notes whose row meets `condition` (SQL with ?1 bound to `id`).
    Result<QList<NoteRecord>> notesWhere(const char *condition, qint64 id) const;

    Database &m_database;
};

} // namespace NewsGraph
