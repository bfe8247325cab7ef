#pragma once

#include <QList>

namespace NewsGraph {

// One forward step of the schema. Migration N turns a version N-1 database
// into version N; they run in order, each in its own transaction, and
// PRAGMA user_version records how far a database has come.
struct Migration
{
    int version;
    const char *sql;
};

// NewsGraph's migrations, 1..latest, in order. Database::open() applies the
// ones a file has not seen yet.
const QList<Migration> &schemaMigrations();

} // namespace NewsGraph
