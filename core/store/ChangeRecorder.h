#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QSet>

struct sqlite3_session;

namespace NewsGraph {

class Database;

// Records the rows that statements of one connection insert, update and
// delete in some tables while it lives, as an SQLite changeset (the session
// extension, https://sqlite.org/sessionintro.html): what an analyst's edit
// changed, kept with the edit so that undo can invert it exactly, whatever
// the edit was. Tables must have a primary key. A changed row is recorded
// with its values before the first change and after the last, triggers'
// changes included.
class ChangeRecorder
{
public:
    static Result<ChangeRecorder> start(Database &database, const QList<QByteArray> &tables);
    ChangeRecorder(ChangeRecorder &&other) noexcept;
    ChangeRecorder &operator=(ChangeRecorder &&) = delete;
    ChangeRecorder(const ChangeRecorder &) = delete;
    ChangeRecorder &operator=(const ChangeRecorder &) = delete;
    ~ChangeRecorder();

    // The changes so far; empty when there were none.
    Result<QByteArray> changeset() const;

private:
    ChangeRecorder(Database &database, sqlite3_session *session);

    Database *m_database = nullptr;
    sqlite3_session *m_session = nullptr;
};

// A column whose value other changes (triggers, later writers) keep moving
// and that the caller computes again after reverting: a difference there is
// no reason to refuse a revert. entities.mention_count is one.
struct DerivedColumn
{
    QByteArray table;
    QByteArray column;
};

// Undoes `changeset` inside the caller's transaction: applies its inverse,
// row by row. A row changed since in a column the changeset also changed (or
// gone, or taken) is a conflict: nothing is applied, and the error names
// the table and what differs. `derived` columns are told apart (see
// DerivedColumn). Foreign keys should be off (their cascades would delete
// rows the inverse then puts back); the caller checks them after.
Result<void> revertChangeset(Database &database, const QByteArray &changeset,
                             const QList<DerivedColumn> &derived);

// The values of one column in every row a changeset touches, before and
// after (e.g. the entity ids of the mentions it moved), without duplicates.
Result<QSet<qint64>> changesetValues(Database &database, const QByteArray &changeset,
                                     const QByteArray &table, const QByteArray &column);

} // namespace NewsGraph
