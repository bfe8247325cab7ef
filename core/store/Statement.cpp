#include "core/store/Statement.h"

#include "core/store/Database.h"

#include <sqlite3.h>

#include <utility>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// The statement as it appears in an error message: enough to recognise it.
QString summary(const QString &sql)
{
    const QString text = sql.simplified();
    return text.size() > 60 ? text.left(57) + u"..."_s : text;
}

} // namespace

Statement::Statement(Database &database, const char *sql)
    : m_database(&database)
{
    if (!database.handle()) {
        m_ok = false;
        m_error = database.error(u"the database is not open"_s).message;
        return;
    }
    const QByteArray text(sql);
    m_statement = database.m_statementCache->take(text);
    if (m_statement) {
        m_cachedAs = text;
        return;
    }
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v2(database.handle(), sql, -1, &m_statement, &tail);
    if (rc != SQLITE_OK) {
        m_ok = false;
        m_error = database.error(u"cannot prepare “%1”"_s.arg(summary(QString::fromUtf8(sql))))
                      .message;
        return;
    }
    if (!m_statement) {
        // Only whitespace or comments: there is nothing to run, which is a
        // mistake in the caller rather than something to step through silently.
        m_ok = false;
        m_error = database.error(u"empty SQL statement"_s).message;
        return;
    }
    // A second statement in the string would be silently ignored by
    // sqlite3_prepare; Database::execute() is the way to run several. Preparing
    // the rest tells real SQL from trailing whitespace, semicolons or comments.
    if (tail && *tail) {
        sqlite3_stmt *extra = nullptr;
        const int extraRc = sqlite3_prepare_v2(database.handle(), tail, -1, &extra, nullptr);
        sqlite3_finalize(extra);
        if (extraRc != SQLITE_OK || extra) {
            m_ok = false;
            m_error = u"%1: more than one SQL statement in “%2”"_s.arg(
                database.path().isEmpty() ? u"in-memory database"_s : database.path(),
                summary(QString::fromUtf8(sql)));
            return;
        }
    }
    m_cachedAs = text;
}

Statement::Statement(Statement &&other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_cachedAs(std::move(other.m_cachedAs))
    , m_ok(other.m_ok)
    , m_error(std::move(other.m_error))
{
}

Statement::~Statement()
{
    // Back to the connection's cache, unless the connection is closed (a
    // Statement outliving its Database) or the text was refused.
    if (m_statement && !m_cachedAs.isNull() && m_database->handle()) {
        m_database->m_statementCache->give(m_cachedAs, m_statement);
        return;
    }
    sqlite3_finalize(m_statement); // a no-op for nullptr
}

Error Statement::error() const
{
    return Error{m_error};
}

void Statement::fail()
{
    // Only the first failure is kept: later calls on a failed statement are
    // no-ops, and the first message is the one that explains the rest.
    if (!m_ok)
        return;
    m_ok = false;
    QString what = u"SQL statement failed"_s;
    if (m_statement)
        what = u"cannot run “%1”"_s.arg(summary(QString::fromUtf8(sqlite3_sql(m_statement))));
    m_error = m_database->error(what).message;
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_ok && sqlite3_bind_int64(m_statement, index, value) != SQLITE_OK)
        fail();
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (m_ok && sqlite3_bind_double(m_statement, index, value) != SQLITE_OK)
        fail();
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (!m_ok)
        return *this;
    if (value.isNull())
        return bindNull(index);
    // QString's UTF-16 goes in as is; SQLite converts to the database's UTF-8.
    // SQLITE_TRANSIENT: SQLite copies, so `value` need not outlive the step.
    if (sqlite3_bind_text64(m_statement, index, reinterpret_cast<const char *>(value.utf16()),
                            sqlite3_uint64(value.size()) * sizeof(char16_t), SQLITE_TRANSIENT,
                            SQLITE_UTF16 /* native byte order */)
        != SQLITE_OK)
        fail();
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    if (!m_ok)
        return *this;
    if (value.isNull())
        return bindNull(index);
    // A non-null empty QByteArray stays an empty blob rather than NULL.
    if (sqlite3_bind_blob64(m_statement, index, value.constData(), sqlite3_uint64(value.size()),
                            SQLITE_TRANSIENT)
        != SQLITE_OK)
        fail();
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (m_ok && sqlite3_bind_null(m_statement, index) != SQLITE_OK)
        fail();
    return *this;
}

bool Statement::next()
{
    if (!m_ok)
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        fail();
    return false;
}

Result<void> Statement::execute()
{
    while (next()) {
    }
    if (!m_ok)
        return error();
    // Ready to run again with new bindings; also ends any read it held.
    sqlite3_reset(m_statement);
    return {};
}

void Statement::reset()
{
    if (m_statement)
        sqlite3_reset(m_statement);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QString Statement::text(int column) const
{
    // text16 before bytes16, as SQLite documents: the byte count is that of
    // the converted value.
    const void *data = sqlite3_column_text16(m_statement, column);
    if (!data)
        return QString(); // SQL NULL reads as a null QString
    const int bytes = sqlite3_column_bytes16(m_statement, column);
    return QString(reinterpret_cast<const QChar *>(data), bytes / qsizetype(sizeof(QChar)));
}

QByteArray Statement::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_statement, column);
    const int bytes = sqlite3_column_bytes(m_statement, column);
    if (!data)
        return sqlite3_column_type(m_statement, column) == SQLITE_NULL ? QByteArray()
                                                                       : QByteArray("");
    return QByteArray(static_cast<const char *>(data), bytes);
}

qint64 Statement::lastInsertRowId() const
{
    return m_database && m_database->handle() ? sqlite3_last_insert_rowid(m_database->handle())
                                              : 0;
}

int Statement::changes() const
{
    return m_database && m_database->handle() ? sqlite3_changes(m_database->handle()) : 0;
}

} // namespace NewsGraph
