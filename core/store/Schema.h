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

const QList<Migration> &schemaMigrations();

} // namespace NewsGraph
