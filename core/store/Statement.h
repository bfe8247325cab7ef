#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

struct sqlite3_stmt;

namespace NewsGraph {

class Database;

// A prepared statement (RAII over sqlite3_stmt). Values are always bound as
// parameters, never spliced into SQL text. Parameter indexes start at 1, as
// in SQLite; column indexes start at 0. The statement prepared for a text
// is kept by the connection for the next Statement of that text
// (StatementCache), so running one in a loop costs no preparing.
//
//     Statement query(db, "SELECT id, title FROM documents WHERE language = ?1");
//     query.bind(1, QStringLiteral("fr"));
//     while (query.next()) { auto id = query.int64(0); ... }
//     if (!query.ok()) return query.error();
class Statement
{
public:
    Statement(Database &database, const char *sql);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    // False after a failed prepare, bind or step; error() then says why.
    bool ok() const { return m_ok; }
    Error error() const;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value); // a null QString binds SQL NULL
    Statement &bind(int index, const QByteArray &value); // blob
    Statement &bindNull(int index);

    // Steps once: true while there is a row to read. Check ok() after the loop.
    bool next();
    // Steps to completion; for statements that return no rows.
    Result<void> execute();
    // Makes the statement ready to run again (bindings are kept).
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

    qint64 lastInsertRowId() const;
    int changes() const;

private:
    void fail();

    Database *m_database = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QByteArray m_cachedAs; // the SQL text it is kept under; null: finalized, not kept
    bool m_ok = true;
    QString m_error;
};

} // namespace NewsGraph
