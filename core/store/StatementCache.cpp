#include "core/store/StatementCache.h"

#include <sqlite3.h>

namespace NewsGraph {

sqlite3_stmt *StatementCache::take(const QByteArray &sql)
{
    return m_statements.take(sql);
}

void StatementCache::give(const QByteArray &sql, sqlite3_stmt *statement)
{
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (m_statements.size() >= capacity || m_statements.contains(sql)) {
        sqlite3_finalize(statement);
        return;
    }
    m_statements.insert(sql, statement);
}

void StatementCache::clear()
{
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_finalize(statement);
    m_statements.clear();
}

} // namespace NewsGraph
