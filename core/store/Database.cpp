#include "core/store/Database.h"

#include "core/store/SqlFunctions.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

#include <QByteArrayView>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <utility>

#include <cerrno>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Long enough to ride out another NewsGraph process (GUI and CLI on the same
// project) committing a batch, short enough not to look hung.
constexpr int busyTimeoutMs = 5000;

// The first 16 bytes of every SQLite 3 database file.
constexpr QByteArrayView sqliteMagic("SQLite format 3\0", 16);
// Header byte 18 is the "file format write version": 2 means WAL.
constexpr qsizetype headerWriteVersionOffset = 18;

QString displayName(const QString &path)
{
    return path.isEmpty() ? u"in-memory database"_s : QDir::toNativeSeparators(path);
}

// sqlite3_open_v2() hands out a handle even when it fails; owning it at once
// means every path out of open() closes it.
struct ConnectionCloser
{
    void operator()(sqlite3 *handle) const { sqlite3_close_v2(handle); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

struct StatementFinalizer
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};

// SQLite counts every allocation it makes, for sqlite3_memory_used() and
// its heap limits, under a process-wide mutex taken twice per allocation;
// nothing here reads those counts or sets a limit. A setting of the
// library, not of a connection, so it is made once, before the first
// connection initialises SQLite (it is refused harmlessly after that, when
// another part of the process used SQLite first).
void skipMemoryStatistics()
{
    [[maybe_unused]] static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

Connection openConnection(const QByteArray &name, int flags, int *rc)
{
    skipMemoryStatistics();
    sqlite3 *handle = nullptr;
    *rc = sqlite3_open_v2(name.constData(), &handle, flags, nullptr);
    return Connection(handle);
}

QString sqliteMessage(sqlite3 *handle, int rc)
{
    return QString::fromUtf8(handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc));
}

struct IntegerQuery
{
    std::optional<int> value;
    int rc = SQLITE_OK;
    QString message;
};

// One integer from a pragma, on a bare connection (before a Database owns it).
IntegerQuery queryInteger(sqlite3 *handle, const char *sql)
{
    IntegerQuery result;
    sqlite3_stmt *raw = nullptr;
    result.rc = sqlite3_prepare_v2(handle, sql, -1, &raw, nullptr);
    const std::unique_ptr<sqlite3_stmt, StatementFinalizer> statement(raw);
    if (result.rc == SQLITE_OK) {
        result.rc = sqlite3_step(statement.get());
        if (result.rc == SQLITE_ROW) {
            result.value = sqlite3_column_int(statement.get(), 0);
            result.rc = SQLITE_OK;
        }
    }
    if (!result.value)
        result.message = sqliteMessage(handle, result.rc);
    return result;
}

// An SQLite URI for `path` with immutable=1 (see inspect()). URI file names
// must be absolute and percent-encoded.
QByteArray immutableUri(const QString &path)
{
    const QByteArray local = QFile::encodeName(QFileInfo(path).absoluteFilePath());
    QByteArray uri = "file:";
    if (!local.startsWith('/'))
        uri += '/';
    uri += local.toPercentEncoding("/");
    uri += "?immutable=1";
    return uri;
}

// Looks at an existing, non-empty file without writing anything, and says
// which schema version it has if it is a NewsGraph database.
Result<int> inspect(const QString &path, int latestVersion)
{
    const QString name = displayName(path);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"Cannot read %1: %2"_s.arg(name, file.errorString())};
    const QByteArray header = file.read(100);
    file.close();
    if (!header.startsWith(sqliteMagic))
        return Error{u"%1 is not a NewsGraph database (not an SQLite file)"_s.arg(name)};

    // A read-only connection to a WAL-mode file creates -wal and -shm files
    // beside it and, being read-only, cannot remove them when it closes. When
    // there is no -wal file, everything committed is in the main file, so
    // reading it as immutable (no locks, no side files) sees all of it. With
    // a -wal file present (another connection is live, or one crashed) the
    // side files exist already and a normal read-only connection must read
    // them too.
    const bool walFormat = header.size() > headerWriteVersionOffset
        && header.at(headerWriteVersionOffset) == 2;
    const bool walPending = QFileInfo::exists(path + u"-wal"_s);
    int rc = SQLITE_OK;
    const Connection connection = walFormat && !walPending
        ? openConnection(immutableUri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, &rc)
        : openConnection(QFile::encodeName(path), SQLITE_OPEN_READONLY, &rc);
    if (rc != SQLITE_OK)
        return Error{u"Cannot open %1: %2"_s.arg(name, sqliteMessage(connection.get(), rc))};
    // Another process may be committing (or checkpointing) right now.
    sqlite3_busy_timeout(connection.get(), busyTimeoutMs);

    const IntegerQuery applicationId = queryInteger(connection.get(), "PRAGMA application_id");
    if (!applicationId.value) {
        if ((applicationId.rc & 0xff) == SQLITE_NOTADB || (applicationId.rc & 0xff) == SQLITE_CORRUPT)
            return Error{u"%1 is not a NewsGraph database (damaged SQLite file: %2)"_s.arg(
                name, applicationId.message)};
        return Error{u"Cannot read %1: %2"_s.arg(name, applicationId.message)};
    }
    if (*applicationId.value != Database::applicationId)
        return Error{u"%1 is not a NewsGraph database (an SQLite database of another application)"_s
                         .arg(name)};

    const IntegerQuery version = queryInteger(connection.get(), "PRAGMA user_version");
    if (!version.value)
        return Error{u"Cannot read %1: %2"_s.arg(name, version.message)};
    if (*version.value > latestVersion)
        return Error{
            u"%1 was created by a newer version of NewsGraph (schema %2, this version reads up to %3)"_s
                .arg(name)
                .arg(*version.value)
                .arg(latestVersion)};
    if (*version.value < 1)
        return Error{u"%1 is a damaged NewsGraph database (it has no schema version)"_s.arg(name)};
    return *version.value;
}

Result<void> checkMigrations(const QList<Migration> &migrations)
{
    // A programming error rather than a user's, but cheap to catch before a
    // database is touched.
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        if (migrations.at(i).version != i + 1 || !migrations.at(i).sql)
            return Error{u"Invalid schema migration list: entry %1 must be version %1 and have SQL"_s
                             .arg(i + 1)};
    }
    if (migrations.isEmpty())
        return Error{u"Invalid schema migration list: it is empty"_s};
    return {};
}

// Before creating a file, say plainly why it cannot be created; SQLite would
// only say "unable to open database file".
Result<void> checkCreatable(const QString &path)
{
    const QString directory = QFileInfo(path).absolutePath();
    const QFileInfo directoryInfo(directory);
    if (!directoryInfo.exists() || !directoryInfo.isDir())
        return Error{u"Cannot create %1: the folder %2 does not exist"_s.arg(
            displayName(path), QDir::toNativeSeparators(directory))};
    if (!directoryInfo.isWritable())
        return Error{u"Cannot create %1: no permission to write in the folder %2"_s.arg(
            displayName(path), QDir::toNativeSeparators(directory))};
    return {};
}

// access(2) rather than permission bits: it knows about read-only mounts,
// ACLs and root.
bool canCreateIn(const QString &folder)
{
    return ::access(QFile::encodeName(folder).constData(), W_OK | X_OK) == 0;
}

// Whether this user can write the project: the file itself, and the folder
// that must hold the write-ahead log's side files unless they exist and
// can be written already.
bool canWrite(const QString &path)
{
    const auto writable = [](const QString &file) {
        return ::access(QFile::encodeName(file).constData(), W_OK) == 0;
    };
    if (!writable(path))
        return false;
    if (canCreateIn(QFileInfo(path).absolutePath()))
        return true;
    return writable(path + u"-wal"_s) && writable(path + u"-shm"_s);
}

// Why this user cannot write the file at `path`, in words.
QString whyNotWritable(const QString &path)
{
    if (::access(QFile::encodeName(path).constData(), W_OK) == 0)
        return u"no permission to create files in its folder"_s;
    return errno == EROFS ? u"it is on a read-only file system"_s
                          : u"no permission to write the file"_s;
}

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}

// Failures of the storage itself, after which no later write can be
// expected to work either (see Database::FailureKind).
Database::FailureKind failureKind(int code)
{
    switch (code & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return Database::FailureKind::None;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_NOMEM:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PROTOCOL:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
    case SQLITE_ABORT:
        return Database::FailureKind::Storage;
    default:
        return Database::FailureKind::Data;
    }
}

} // namespace

Database::Database(sqlite3 *handle, QString path, bool readOnly)
    : m_handle(handle)
    , m_statementCache(std::make_unique<StatementCache>())
    , m_path(std::move(path))
    , m_readOnly(readOnly)
{
}

Database::Database(Database &&other) noexcept
    : m_handle(std::exchange(other.m_handle, nullptr))
    , m_statementCache(std::move(other.m_statementCache))
    , m_path(std::move(other.m_path))
    , m_readOnly(other.m_readOnly)
    , m_readOnlyReason(std::move(other.m_readOnlyReason))
    , m_lastFailure(other.m_lastFailure)
    , m_lastFailureReason(std::move(other.m_lastFailureReason))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_handle = std::exchange(other.m_handle, nullptr);
        m_statementCache = std::move(other.m_statementCache);
        m_path = std::move(other.m_path);
        m_readOnly = other.m_readOnly;
        m_readOnlyReason = std::move(other.m_readOnlyReason);
        m_lastFailure = other.m_lastFailure;
        m_lastFailureReason = std::move(other.m_lastFailureReason);
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_statementCache)
        m_statementCache->clear();
    // close_v2: should a Statement outlive its Database, the connection is
    // closed once that statement is finalized instead of failing with BUSY.
    if (m_handle)
        sqlite3_close_v2(m_handle);
    m_handle = nullptr;
}

Result<Database> Database::open(const QString &path, OpenMode mode)
{
    return open(path, schemaMigrations(), mode);
}

Result<Database> Database::open(const QString &path, const QList<Migration> &migrations,
                                OpenMode mode)
{
    if (auto valid = checkMigrations(migrations); !valid)
        return Error{valid.error()};
    if (path.isEmpty())
        return Error{u"No database file given"_s};
    const int latest = migrations.last().version;
    const QString name = displayName(path);
    const QFileInfo info(path);
    if (info.isDir())
        return Error{u"%1 is a folder, not a NewsGraph database"_s.arg(name)};
    const bool exists = info.exists();
    const bool blank = !exists || info.size() == 0;

    QString readOnlyReason = u"it was opened read-only"_s;
    if (mode == OpenMode::WritableIfPossible) {
        mode = !blank && !canWrite(path) ? OpenMode::ReadOnly : OpenMode::ReadWrite;
        if (mode == OpenMode::ReadOnly)
            readOnlyReason = whyNotWritable(path);
    }

    if (mode == OpenMode::ReadOnly) {
        if (!exists)
            return Error{u"%1 does not exist"_s.arg(name)};
        if (blank)
            return Error{u"%1 is empty, not a NewsGraph database"_s.arg(name)};
        const Result<int> version = inspect(path, latest);
        if (!version)
            return Error{version.error()};
        if (*version < latest)
            return Error{u"%1 uses an older schema (version %2, this version uses %3): open it for "
                         "writing once to upgrade it"_s.arg(name)
                             .arg(*version)
                             .arg(latest)};
        // Not immutable, unlike inspect(): this connection lives on and must
        // see what other connections commit. Being read-only, it may leave
        // empty -wal/-shm files beside a WAL database; the next read-write
        // connection removes them. Where those files cannot be made (a
        // read-only folder or medium) and there is no -wal file, everything
        // committed is in the main file and nobody can be writing to it
        // here, so it is read as immutable: otherwise SQLite could not open
        // it at all.
        const bool sideFilesPossible = QFileInfo::exists(path + u"-wal"_s)
            || QFileInfo::exists(path + u"-shm"_s) || canCreateIn(QFileInfo(path).absolutePath());
        int rc = SQLITE_OK;
        Connection connection = sideFilesPossible
            ? openConnection(QFile::encodeName(path), SQLITE_OPEN_READONLY, &rc)
            : openConnection(immutableUri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, &rc);
        if (rc != SQLITE_OK)
            return Error{u"Cannot open %1: %2"_s.arg(name, sqliteMessage(connection.get(), rc))};
        Database database(connection.release(), path, true);
        database.m_readOnlyReason = readOnlyReason;
        if (auto configured = database.configure(); !configured)
            return Error{configured.error()};
        return database;
    }

    if (!blank) {
        // Inspected read-only first: a file that is refused is never opened for writing.
        if (const Result<int> version = inspect(path, latest); !version)
            return Error{version.error()};
    } else if (!exists) {
        if (auto creatable = checkCreatable(path); !creatable)
            return Error{creatable.error()};
    }

    int rc = SQLITE_OK;
    const int flags = SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
    Connection connection = openConnection(QFile::encodeName(path), flags, &rc);
    if (rc != SQLITE_OK) {
        const QString message = sqliteMessage(connection.get(), rc);
        connection.reset();
        if (!exists)
            removeDatabaseFiles(path);
        return Error{u"Cannot %1 %2: %3"_s.arg(exists ? u"open"_s : u"create"_s, name, message)};
    }
    // SQLite quietly falls back to read-only when the file's permissions forbid writing.
    if (sqlite3_db_readonly(connection.get(), "main") == 1)
        return Error{u"Cannot open %1 for writing: %2"_s.arg(name, whyNotWritable(path))};

    Result<Database> result = [&](Database database) -> Result<Database> {
        if (auto configured = database.configure(); !configured)
            return Error{configured.error()};
        if (auto migrated = database.migrate(migrations); !migrated)
            return Error{migrated.error()};
        return database;
    }(Database(connection.release(), path, false));
    // On failure the connection is closed by now. Do not leave a half-made
    // file behind that the next open would refuse.
    if (!result && !exists)
        removeDatabaseFiles(path);
    return result;
}

Result<Database> Database::openInMemory()
{
    int rc = SQLITE_OK;
    Connection connection =
        openConnection(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &rc);
    if (rc != SQLITE_OK)
        return Error{u"Cannot create an in-memory database: %1"_s.arg(
            sqliteMessage(connection.get(), rc))};
    Database database(connection.release(), QString(), false);
    if (auto configured = database.configure(); !configured)
        return Error{configured.error()};
    if (auto migrated = database.migrate(); !migrated)
        return Error{migrated.error()};
    return database;
}

int Database::schemaVersion() const
{
    const Result<int> version = pragmaInteger("PRAGMA user_version");
    return version ? *version : 0;
}

int Database::latestSchemaVersion()
{
    return schemaMigrations().constLast().version;
}

Result<void> Database::execute(const QString &sql)
{
    if (!m_handle)
        return Error{u"%1: the database is not open"_s.arg(displayName(m_path))};
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_exec(m_handle, utf8.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        const QString summary = sql.simplified();
        return error(u"cannot run “%1”"_s.arg(summary.size() > 60 ? summary.left(57) + u"..."_s
                                                                  : summary));
    }
    return {};
}

QString Database::lastError() const
{
    if (!m_handle)
        return u"%1: the database is not open"_s.arg(displayName(m_path));
    return u"%1: %2"_s.arg(displayName(m_path), QString::fromUtf8(sqlite3_errmsg(m_handle)));
}

Error Database::error(const QString &what) const
{
    if (!m_handle) {
        m_lastFailure = FailureKind::Storage;
        m_lastFailureReason = u"the database is not open"_s;
        return Error{u"%1: %2"_s.arg(displayName(m_path), what)};
    }
    const int code = sqlite3_errcode(m_handle);
    m_lastFailure = failureKind(code);
    QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
    // "disk I/O error" alone does not tell a full disk from a failing one;
    // the system's own reason does. Only for the codes where SQLite keeps it:
    // otherwise errno is whatever an earlier, unrelated call left there.
    const int primary = code & 0xff;
    if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) {
        if (const int systemError = sqlite3_system_errno(m_handle); systemError != 0)
            message += u" (%1)"_s.arg(qt_error_string(systemError));
    }
    m_lastFailureReason = message;
    return Error{u"%1: %2: %3"_s.arg(displayName(m_path), what, message)};
}

bool Database::inTransaction() const
{
    return m_handle && sqlite3_get_autocommit(m_handle) == 0;
}

Result<void> Database::checkIntegrity() const
{
    if (!m_handle)
        return Error{u"%1: the database is not open"_s.arg(displayName(m_path))};
    // quick_check(1): stop at the first problem, which is all the message
    // needs. It skips only the check that index entries match their rows,
    // which would make it O(N log N) instead of O(N).
    sqlite3_stmt *raw = nullptr;
    int rc = sqlite3_prepare_v2(m_handle, "PRAGMA quick_check(1)", -1, &raw, nullptr);
    const std::unique_ptr<sqlite3_stmt, StatementFinalizer> check(raw);
    QString problem;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(check.get());
        if (rc == SQLITE_ROW) {
            const auto *text = sqlite3_column_text(check.get(), 0);
            const QString result = text ? QString::fromUtf8(reinterpret_cast<const char *>(text))
                                        : QString();
            if (result == u"ok"_s)
                return {};
            problem = result.simplified();
        }
    }
    if (problem.isEmpty()) {
        // The check itself could not read the file: as telling as a finding
        // when the reason is damage, an ordinary error otherwise.
        const int primary = sqlite3_errcode(m_handle) & 0xff;
        if (primary != SQLITE_CORRUPT && primary != SQLITE_NOTADB)
            return error(u"cannot check the database"_s);
        problem = QString::fromUtf8(sqlite3_errmsg(m_handle));
    }
    m_lastFailure = FailureKind::Storage;
    return Error{u"%1 is damaged (%2); nothing was written to it. Restore it from a backup, or "
                 "start a new project and import the articles again."_s.arg(displayName(m_path),
                                                                          problem)};
}

Result<qint64> Database::size() const
{
    const Result<int> pages = pragmaInteger("PRAGMA page_count");
    if (!pages)
        return Error{pages.error()};
    const Result<int> pageSize = pragmaInteger("PRAGMA page_size");
    if (!pageSize)
        return Error{pageSize.error()};
    return qint64(*pages) * *pageSize;
}

Result<void> Database::compact()
{
    if (auto vacuumed = execute(u"VACUUM"_s); !vacuumed)
        return vacuumed;
    // The rewrite went through the WAL: back into the file, and the WAL
    // cut down (journal_size_limit would only do it at the next one).
    if (m_path.isEmpty())
        return {};
    return execute(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
}

Result<void> Database::setScratch(Scratch where)
{
    return execute(where == Scratch::InMemory ? u"PRAGMA temp_store = MEMORY"_s
                                              : u"PRAGMA temp_store = DEFAULT"_s);
}

Result<int> Database::pragmaInteger(const char *pragma) const
{
    if (!m_handle)
        return Error{u"%1: the database is not open"_s.arg(displayName(m_path))};
    const IntegerQuery result = queryInteger(m_handle, pragma);
    if (!result.value)
        return Error{u"%1: cannot read %2: %3"_s.arg(displayName(m_path),
                                                     QString::fromUtf8(pragma), result.message)};
    return *result.value;
}

Result<void> Database::configure()
{
    sqlite3_busy_timeout(m_handle, busyTimeoutMs);

    if (!registerSqlFunctions(m_handle))
        return error(u"cannot register NewsGraph's SQL functions"_s);

    // WAL lets readers (the GUI) go on while a writer (an import) works, and
    // survives a crash mid-batch. The mode is stored in the file, so a
    // read-only connection keeps what the file has; memory databases have no
    // file to journal.
    if (!m_path.isEmpty() && !m_readOnly) {
        Statement journal(*this, "PRAGMA journal_mode = WAL");
        const QString mode = journal.next() ? journal.text(0) : QString();
        if (!journal.ok())
            return journal.error();
        if (mode.compare(u"wal"_s, Qt::CaseInsensitive) != 0)
            return Error{u"%1: cannot use write-ahead logging (journal mode stays “%2”); is the "
                         "file on a network drive?"_s.arg(displayName(m_path), mode)};
    }

    // Off by default in SQLite; the schema's ON DELETE CASCADE relies on it.
    if (auto result = execute(u"PRAGMA foreign_keys = ON"_s); !result)
        return result;
    const Result<int> foreignKeys = pragmaInteger("PRAGMA foreign_keys");
    if (!foreignKeys)
        return Error{foreignKeys.error()};
    if (*foreignKeys != 1)
        return Error{u"%1: cannot enable foreign keys"_s.arg(displayName(m_path))};

    // In WAL mode NORMAL is still safe against corruption and only risks the
    // last commits on power loss, for far fewer fsyncs during an import.
    if (!m_readOnly) {
        if (auto result = execute(u"PRAGMA synchronous = NORMAL"_s); !result)
            return result;
        // An ingest stores its run in one transaction; past SQLite's default
        // 2 MB of cache its changed pages spill into the WAL and are read
        // back from there (a 49 MB article: 23 s of system time, 7 s with
        // 64 MiB). The cache takes memory only as pages are used.
        if (auto result = execute(u"PRAGMA cache_size = -65536"_s); !result)
            return result;
        // A part of an ingest grows the WAL to tens of megabytes before its
        // commit; SQLite keeps the file at its largest unless told to cut it
        // back once a checkpoint has copied it into the database, which
        // otherwise left a project half again as big on disk as its data.
        if (auto result = execute(u"PRAGMA journal_size_limit = 4194304"_s); !result)
            return result;
    }
    return {};
}

Result<void> Database::migrate()
{
    return migrate(schemaMigrations());
}

Result<void> Database::migrate(const QList<Migration> &migrations)
{
    if (auto valid = checkMigrations(migrations); !valid)
        return valid;
    const int latest = migrations.constLast().version;
    const Result<int> current = pragmaInteger("PRAGMA user_version");
    if (!current)
        return Error{current.error()};
    if (*current > latest)
        return Error{
            u"%1 was created by a newer version of NewsGraph (schema %2, this version reads up to %3)"_s
                .arg(displayName(m_path))
                .arg(*current)
                .arg(latest)};

    for (const Migration &migration : migrations) {
        if (migration.version <= *current)
            continue;
        // Outside the transaction: the pragma does nothing inside one.
        if (migration.remakesTables) {
            if (auto off = execute(u"PRAGMA foreign_keys = OFF"_s); !off)
                return off;
        }
        const auto foreignKeysBackOn = qScopeGuard([this, &migration] {
            if (migration.remakesTables)
                sqlite3_exec(m_handle, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
        });
        // Each step is atomic together with its version number, so an
        // interrupted upgrade resumes from the last completed step.
        Transaction transaction(*this);
        if (!transaction.isActive())
            return transaction.error();

        if (migration.version == 1) {
            // Creating: the file must really be blank (it was empty or absent
            // a moment ago) before it is claimed as a NewsGraph database.
            Statement objects(*this, "SELECT count(*) FROM sqlite_schema");
            const int count = objects.next() ? objects.integer(0) : -1;
            if (!objects.ok())
                return objects.error();
            if (count != 0)
                return Error{u"%1 is not a NewsGraph database (it already holds other tables)"_s.arg(
                    displayName(m_path))};
            // PRAGMA values cannot be bound parameters; this one is our constant.
            if (auto result = execute(u"PRAGMA application_id = %1"_s.arg(applicationId)); !result)
                return result;
        }
        if (sqlite3_exec(m_handle, migration.sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            return error(u"cannot upgrade the schema to version %1"_s.arg(migration.version));
        if (migration.fill) {
            if (auto filled = migration.fill(*this); !filled)
                return Error{u"cannot upgrade the schema to version %1: %2"_s.arg(migration.version)
                                 .arg(filled.error())};
        }
        if (migration.remakesTables) {
            Statement broken(*this, "SELECT count(*) FROM pragma_foreign_key_check");
            const int count = broken.next() ? broken.integer(0) : -1;
            if (!broken.ok())
                return broken.error();
            if (count != 0)
                return Error{u"%1: cannot upgrade the schema to version %2: %3 rows would refer to rows that "
                             "are not there"_s.arg(displayName(m_path)).arg(migration.version).arg(count)};
        }
        // Again a pragma, so the number is formatted in; it comes from our migration list.
        if (auto result = execute(u"PRAGMA user_version = %1"_s.arg(migration.version)); !result)
            return result;
        if (auto committed = transaction.commit(); !committed)
            return committed;
    }
    compactAfterUpgrade(*current, latest);
    return {};
}

void Database::compactAfterUpgrade(int fromVersion, int toVersion)
{
    // An upgrade that remade tables (versions 17-20 did, halving what some
    // tables take) leaves their old pages free in the file: compacted once,
    // so that an old project gets as small as a new one. A new file has
    // nothing to give back. Optional: the upgrade is done and committed, so
    // a project another program is writing to is only left bigger.
    if (fromVersion == 0 || fromVersion == toVersion)
        return;
    const Result<int> free = pragmaInteger("PRAGMA freelist_count");
    const Result<int> pages = pragmaInteger("PRAGMA page_count");
    if (!free || !pages || *free * 4 < *pages)
        return;
    if (const Result<void> compacted = compact(); !compacted)
        qWarning().noquote() << u"Upgraded, but not compacted: %1"_s.arg(compacted.error());
}

} // namespace NewsGraph
