#pragma once

#include "core/common/Result.h"

#include <QByteArray>

namespace NewsGraph {

class Database;

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction
// unless commit() succeeded. Taking the write lock up front means a writer
// never fails halfway because another connection wrote first.
class Transaction
{
public:
    explicit Transaction(Database &database);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    bool isActive() const { return m_active; }
    Error error() const { return Error{m_error}; } // why BEGIN failed
    Result<void> commit();
    void rollback();

private:
    Database &m_database;
    bool m_active = false;
    QString m_error;
};

// RAII savepoint: nests inside a Transaction (or starts one when none is
// open). Released by release(), rolled back to on destruction otherwise, so
// a failure halfway through a document undoes that document only.
class Savepoint
{
public:
    Savepoint(Database &database, const char *name);
    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;
    ~Savepoint();

    bool isActive() const { return m_active; }
    Error error() const { return Error{m_error}; }
    Result<void> release();
    void rollback();

private:
    Database &m_database;
    QByteArray m_name;
    bool m_active = false;
    bool m_ownsTransaction = false; // began the transaction itself (none was open)
    QString m_error;
};

} // namespace NewsGraph
