#pragma once

#include "core/common/Result.h"

#include <QList>

namespace NewsGraph {

class Database;

// One forward step of the schema. Migration N turns a version N-1 database
// into version N; they run in order, each in its own transaction, and
// PRAGMA user_version records how far a database has come. A step whose new
// rows SQL cannot compute (keys made by C++ code) fills them in `fill`,
// after its SQL and in the same transaction. A step that makes a table
// again (new table, rows copied, old one dropped, new one renamed: the
// only way SQLite changes a constraint or a column's type) runs with
// foreign keys off, or dropping the old table would delete the rows that
// refer to it; the keys are checked before it commits (the procedure of
// SQLite's "ALTER TABLE", section 7).
struct Migration
{
    int version;
    const char *sql;
    Result<void> (*fill)(Database &database) = nullptr;
    bool remakesTables = false;
};

// NewsGraph's migrations, 1..latest, in order. Database::open() applies the
// ones a file has not seen yet.
const QList<Migration> &schemaMigrations();

} // namespace NewsGraph
