#include "core/store/Transaction.h"

#include "core/store/Database.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Transaction control is run with sqlite3_exec directly: it is fixed SQL with
// nothing to bind, and Database::execute would only convert it to QString and back.
bool run(Database &database, const QByteArray &sql)
{
    return database.handle()
        && sqlite3_exec(database.handle(), sql.constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool inTransaction(Database &database)
{
    return database.handle() && sqlite3_get_autocommit(database.handle()) == 0;
}

// Savepoint names cannot be bound parameters, so they are spliced into the
// SQL; allowing only identifiers keeps that safe.
bool isIdentifier(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name.at(i);
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool digit = c >= '0' && c <= '9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

} // namespace

Transaction::Transaction(Database &database)
    : m_database(database)
{
    if (run(m_database, "BEGIN IMMEDIATE"))
        m_active = true;
    else
        m_error = m_database.error(u"cannot start a transaction"_s).message;
}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return Error{m_error.isEmpty() ? m_database.error(u"no transaction to commit"_s).message
                                       : m_error};
    if (!run(m_database, "COMMIT")) {
        const Error error = m_database.error(u"cannot commit"_s);
        // After a failed COMMIT the transaction may still be open (e.g. BUSY)
        // or already rolled back by SQLite (e.g. disk full); the destructor
        // rolls back only in the first case.
        m_active = inTransaction(m_database);
        return error;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // SQLite rolls back by itself after some errors; a ROLLBACK then would
    // only fail with "no transaction is active".
    if (inTransaction(m_database))
        run(m_database, "ROLLBACK");
}

Savepoint::Savepoint(Database &database, const char *name)
    : m_database(database)
    , m_name(name)
{
    if (!isIdentifier(m_name)) {
        m_error = m_database.error(u"invalid savepoint name “%1”"_s.arg(QString::fromUtf8(m_name)))
                      .message;
        return;
    }
    // Outside a transaction SAVEPOINT would begin a deferred one, which can
    // fail with BUSY at its first write; take the write lock up front instead,
    // as Transaction does.
    if (!inTransaction(m_database)) {
        if (!run(m_database, "BEGIN IMMEDIATE")) {
            m_error = m_database.error(u"cannot start a transaction"_s).message;
            return;
        }
        m_ownsTransaction = true;
    }
    if (!run(m_database, "SAVEPOINT \"" + m_name + '"')) {
        m_error = m_database.error(u"cannot create savepoint %1"_s.arg(QString::fromUtf8(m_name)))
                      .message;
        if (m_ownsTransaction)
            run(m_database, "ROLLBACK");
        m_ownsTransaction = false;
        return;
    }
    m_active = true;
}

Savepoint::~Savepoint()
{
    rollback();
}

Result<void> Savepoint::release()
{
    if (!m_active)
        return Error{m_error.isEmpty()
                         ? m_database.error(u"no savepoint to release"_s).message
                         : m_error};
    if (!run(m_database, "RELEASE \"" + m_name + '"'))
        return m_database.error(u"cannot release savepoint %1"_s.arg(QString::fromUtf8(m_name)));
    m_active = false;
    if (m_ownsTransaction) {
        m_ownsTransaction = false;
        if (!run(m_database, "COMMIT")) {
            const Error error = m_database.error(u"cannot commit"_s);
            if (inTransaction(m_database))
                run(m_database, "ROLLBACK");
            return error;
        }
    }
    return {};
}

void Savepoint::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (!inTransaction(m_database))
        return; // SQLite already rolled everything back after an error
    if (m_ownsTransaction) {
        m_ownsTransaction = false;
        run(m_database, "ROLLBACK");
        return;
    }
    // ROLLBACK TO undoes the work but keeps the savepoint on the stack;
    // RELEASE then removes it, leaving the enclosing transaction as it was.
    run(m_database, "ROLLBACK TO \"" + m_name + '"');
    run(m_database, "RELEASE \"" + m_name + '"');
}

} // namespace NewsGraph
