#pragma once

#include <QByteArray>
#include <QHash>

struct sqlite3_stmt;

namespace NewsGraph {

// Prepared statements kept for reuse on one connection, by SQL text.
// Storing a document runs a dozen statements, each prepared anew for every
// document before this cache: preparing (parsing and planning the SQL) was
// a fifth of the storing thread's time in an ingest. A Statement takes its
// prepared statement from here when one is free and gives it back, reset
// and with its bindings cleared, when it is destroyed; a second Statement
// of the same text alive at the same time prepares its own.
class StatementCache
{
public:
    StatementCache() = default;
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;
    ~StatementCache() { clear(); }

    // A free prepared statement of `sql`, now owned by the caller; null
    // when there is none.
    sqlite3_stmt *take(const QByteArray &sql);
    // Keeps `statement` (reset, bindings cleared) for the next Statement of
    // `sql`; finalizes it when one is kept already or the cache is full.
    void give(const QByteArray &sql, sqlite3_stmt *statement);
    // Finalizes every statement kept: before the connection closes.
    void clear();

private:
    // Far more than the texts an ingest or the explorer runs; a program
    // that builds SQL text by the thousand prepares the rest each time.
    static constexpr qsizetype capacity = 256;
    QHash<QByteArray, sqlite3_stmt *> m_statements;
};

} // namespace NewsGraph
