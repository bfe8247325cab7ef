#pragma once

#include "core/common/Result.h"
#include "core/store/Schema.h"
#include "core/store/StatementCache.h"

#include <QString>

#include <memory>

struct sqlite3;

namespace NewsGraph {

// Owns one connection to a NewsGraph project database (one SQLite file per
// project). Opening applies the connection settings NewsGraph relies on (WAL
// journal, foreign keys) and brings the schema up to date with forward
// migrations keyed by PRAGMA user_version. Every connection also has the SQL
// functions of SqlFunctions.h, which the schema calls.
//
// A file that is not a NewsGraph database is refused before anything is
// written to it: it is first inspected read-only (SQLite header, then
// PRAGMA application_id), so a foreign file is left byte-for-byte untouched.
class Database
{
public:
    // WritableIfPossible opens an existing project for writing when this
    // user may write it (the file, and its folder or side files for the
    // write-ahead log), and read-only otherwise, so that a project on a
    // read-only medium or shared without write permission can still be read;
    // isReadOnly() tells which it got. A file that does not exist is created.
    enum class OpenMode { ReadWrite, ReadOnly, WritableIfPossible };

    // Creates the file (and schema) when it does not exist or is empty.
    static Result<Database> open(const QString &path, OpenMode mode = OpenMode::ReadWrite);
    // The same with another list of migrations (versions 1..N, consecutive)
    // in place of schemaMigrations(); "latest" then means N. For tests of the
    // migration mechanism and for tools that upgrade step by step.
    static Result<Database> open(const QString &path, const QList<Migration> &migrations,
                                 OpenMode mode = OpenMode::ReadWrite);
    // A private database that lives as long as this object (samples, tests).
    static Result<Database> openInMemory();

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    sqlite3 *handle() const { return m_handle; }
    QString path() const { return m_path; } // empty for an in-memory database
    bool isReadOnly() const { return m_readOnly; }
    // Why a project opened WritableIfPossible came out read-only ("it is on
    // a read-only file system"); "it was opened read-only" for ReadOnly.
    QString readOnlyReason() const { return m_readOnlyReason; }

    int schemaVersion() const;
    static int latestSchemaVersion();
    static constexpr int applicationId = 0x4E475048; // "NGPH"

    // Runs one or more statements that return no rows (pragmas, DDL).
    Result<void> execute(const QString &sql);

    // The connection's last error, prefixed with the database's name.
    QString lastError() const;
    // An error for the person using the database: "<file>: <what>: <sqlite
    // message>", with the operating system's reason where SQLite has one
    // ("database or disk is full (No space left on device)"). Every failure
    // of this connection is worded here, which also records its kind.
    Error error(const QString &what) const;

    // Whether the last failure error() worded was one of the data a statement
    // wrote (a constraint, a type mismatch), after which the connection can
    // go on, or of the storage under it (disk full, an I/O error, a damaged
    // file, no memory, the file locked by another writer or read-only),
    // after which a run of writes should stop rather than carry on document
    // by document.
    enum class FailureKind { None, Data, Storage };
    FailureKind lastFailureKind() const { return m_lastFailure; }
    // The why of that failure, without the file and the statement:
    // "database or disk is full (No space left on device)".
    QString lastFailureReason() const { return m_lastFailureReason; }

    // Whether a transaction is open. SQLite ends one by itself after some
    // errors (disk full, I/O errors); a writer that meant to stay inside one
    // must check before going on, or its next statement would commit on its
    // own.
    bool inTransaction() const;

    // PRAGMA quick_check: the b-trees, records and indexes are consistent.
    // Reads the whole file, so it takes a while on big projects; ingest runs
    // it before writing into an existing project (as Ingester says when), so
    // that new data is not added to a damaged file, and `newsgraph-cli
    // check` on demand. The error names the file and the first problem
    // found.
    Result<void> checkIntegrity() const;

    // The database's size in bytes: its pages, the WAL aside.
    Result<qint64> size() const;

    // Rewrites the file without its free space (VACUUM): pages that indexes
    // filled in random order, and those deleted rows left, packed full
    // again. Takes about as long as writing the file once (0.35 s for
    // 48 MB); atomic, as any transaction. Not inside a transaction.
    Result<void> compact();

    // Where SQLite keeps what a write transaction needs only until it ends:
    // the journal of each savepoint and statement (the pages they change,
    // copied first, to undo them) and its temporary sorts. OnDisk, SQLite's
    // default, writes them to temporary files beyond 64 KiB, one write per
    // page; InMemory keeps them in memory, as much as one savepoint changes.
    // Applies to the transactions begun after; VACUUM's copy is such a
    // temporary file, so compact() wants OnDisk for a big project.
    enum class Scratch { OnDisk, InMemory };
    Result<void> setScratch(Scratch where);

private:
    friend class Statement; // takes its prepared statements from the cache

    Database(sqlite3 *handle, QString path, bool readOnly);
    void close();
    Result<void> configure();
    Result<void> migrate();
    Result<void> migrate(const QList<Migration> &migrations);
    void compactAfterUpgrade(int fromVersion, int toVersion);
    Result<int> pragmaInteger(const char *pragma) const;

    sqlite3 *m_handle = nullptr;
    // Owned apart, so that it stays where Statements found it when the
    // Database object moves.
    std::unique_ptr<StatementCache> m_statementCache;
    QString m_path;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    mutable FailureKind m_lastFailure = FailureKind::None; // set by error()
    mutable QString m_lastFailureReason;
};

} // namespace NewsGraph
