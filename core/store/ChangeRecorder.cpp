// The session extension is compiled into Debian's SQLite; its declarations
// are behind these two macros.
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include "core/store/ChangeRecorder.h"

#include "core/store/Database.h"
#include "core/store/Statement.h"

#include <QScopeGuard>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// The index of `column` in `table`, or -1.
int columnIndex(Database &database, const QByteArray &table, const QByteArray &column)
{
    Statement query(database, "SELECT cid FROM pragma_table_info(?1) WHERE name = ?2");
    query.bind(1, QString::fromUtf8(table)).bind(2, QString::fromUtf8(column));
    return query.next() ? query.integer(0) : -1;
}

bool sameValue(sqlite3_value *a, sqlite3_value *b)
{
    if (!a || !b)
        return a == b;
    const int type = sqlite3_value_type(a);
    if (type != sqlite3_value_type(b))
        return false;
    switch (type) {
    case SQLITE_NULL:
        return true;
    case SQLITE_INTEGER:
        return sqlite3_value_int64(a) == sqlite3_value_int64(b);
    case SQLITE_FLOAT:
        return sqlite3_value_double(a) == sqlite3_value_double(b);
    default: {
        const int size = sqlite3_value_bytes(a);
        return size == sqlite3_value_bytes(b)
            && std::memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b), std::size_t(size)) == 0;
    }
    }
}

QString valueText(sqlite3_value *value)
{
    if (!value)
        return u"nothing"_s;
    switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
        return u"NULL"_s;
    case SQLITE_INTEGER:
        return QString::number(sqlite3_value_int64(value));
    case SQLITE_FLOAT:
        return QString::number(sqlite3_value_double(value));
    case SQLITE_TEXT:
        return u"“%1”"_s.arg(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(value)),
                                                sqlite3_value_bytes(value)));
    default:
        return u"%1 bytes"_s.arg(sqlite3_value_bytes(value));
    }
}

struct RevertContext
{
    Database *database = nullptr;
    QList<DerivedColumn> derived;
    QHash<QByteArray, int> derivedIndex; // table -> column index, -1 for none
    QString conflict; // the first one, worded
};

// The row's key in the change, for the message: "row 12" or "row (3, 1)".
QString rowKey(sqlite3_changeset_iter *change, int columns, int operation)
{
    unsigned char *primaryKey = nullptr;
    int count = 0;
    sqlite3changeset_pk(change, &primaryKey, &count);
    QStringList parts;
    for (int i = 0; i < columns && i < count; ++i) {
        if (!primaryKey[i])
            continue;
        sqlite3_value *value = nullptr;
        if (operation == SQLITE_INSERT)
            sqlite3changeset_new(change, i, &value);
        else
            sqlite3changeset_old(change, i, &value);
        parts.append(valueText(value));
    }
    return parts.size() == 1 ? u"row %1"_s.arg(parts.first()) : u"row (%1)"_s.arg(parts.join(u", "_s));
}

int onConflict(void *context, int kind, sqlite3_changeset_iter *change)
{
    auto *revert = static_cast<RevertContext *>(context);
    const char *table = nullptr;
    int columns = 0;
    int operation = 0;
    int indirect = 0;
    sqlite3changeset_op(change, &table, &columns, &operation, &indirect);
    const QByteArray tableName(table);

    if (kind == SQLITE_CHANGESET_DATA) {
        // Which columns the change expects other than they are.
        auto derived = revert->derivedIndex.constFind(tableName);
        if (derived == revert->derivedIndex.constEnd()) {
            int index = -1;
            for (const DerivedColumn &column : std::as_const(revert->derived)) {
                if (column.table == tableName)
                    index = columnIndex(*revert->database, column.table, column.column);
            }
            derived = revert->derivedIndex.insert(tableName, index);
        }
        QStringList differing;
        for (int i = 0; i < columns; ++i) {
            sqlite3_value *expected = nullptr;
            sqlite3_value *current = nullptr;
            if (sqlite3changeset_old(change, i, &expected) != SQLITE_OK || !expected)
                continue; // a column the change leaves alone
            sqlite3changeset_conflict(change, i, &current);
            if (i != *derived && !sameValue(expected, current))
                differing.append(u"column %1 is %2, not %3"_s.arg(i).arg(valueText(current), valueText(expected)));
        }
        if (differing.isEmpty())
            return SQLITE_CHANGESET_REPLACE;
        if (revert->conflict.isEmpty())
            revert->conflict = u"%1 %2 has changed since (%3)"_s.arg(QString::fromUtf8(tableName),
                                                                     rowKey(change, columns, operation),
                                                                     differing.join(u"; "_s));
        return SQLITE_CHANGESET_ABORT;
    }
    if (revert->conflict.isEmpty()) {
        const QString what = QString::fromUtf8(tableName) + u' ' + rowKey(change, columns, operation);
        switch (kind) {
        case SQLITE_CHANGESET_NOTFOUND:
            revert->conflict = u"%1 is no longer there"_s.arg(what);
            break;
        case SQLITE_CHANGESET_CONFLICT:
            revert->conflict = u"%1 is there again"_s.arg(what);
            break;
        default:
            revert->conflict = u"%1 cannot be put back: %2"_s.arg(what, revert->database->lastError());
            break;
        }
    }
    return SQLITE_CHANGESET_ABORT;
}

} // namespace

Result<ChangeRecorder> ChangeRecorder::start(Database &database, const QList<QByteArray> &tables)
{
    sqlite3_session *session = nullptr;
    if (sqlite3session_create(database.handle(), "main", &session) != SQLITE_OK)
        return database.error(u"cannot record the changes of an edit"_s);
    ChangeRecorder recorder(database, session);
    for (const QByteArray &table : tables) {
        if (sqlite3session_attach(session, table.constData()) != SQLITE_OK)
            return database.error(u"cannot record the changes of table %1"_s.arg(QString::fromUtf8(table)));
    }
    return recorder;
}

ChangeRecorder::ChangeRecorder(Database &database, sqlite3_session *session)
    : m_database(&database)
    , m_session(session)
{
}

ChangeRecorder::ChangeRecorder(ChangeRecorder &&other) noexcept
    : m_database(other.m_database)
    , m_session(std::exchange(other.m_session, nullptr))
{
}

ChangeRecorder::~ChangeRecorder()
{
    if (m_session)
        sqlite3session_delete(m_session);
}

Result<QByteArray> ChangeRecorder::changeset() const
{
    int size = 0;
    void *bytes = nullptr;
    if (sqlite3session_changeset(m_session, &size, &bytes) != SQLITE_OK)
        return m_database->error(u"cannot read the changes of an edit"_s);
    const auto release = qScopeGuard([bytes] { sqlite3_free(bytes); });
    return QByteArray(static_cast<const char *>(bytes), size);
}

Result<void> revertChangeset(Database &database, const QByteArray &changeset,
                             const QList<DerivedColumn> &derived)
{
    if (changeset.isEmpty())
        return {};
    RevertContext context;
    context.database = &database;
    context.derived = derived;
    // The inverse is applied, not the changeset read backwards: sqlite3changeset_apply_v2's
    // INVERT flag does both at once. NOSAVEPOINT: the caller's transaction is the unit.
    const int rc = sqlite3changeset_apply_v2(database.handle(), int(changeset.size()),
                                             const_cast<char *>(changeset.constData()), nullptr,
                                             &onConflict, &context, nullptr, nullptr,
                                             SQLITE_CHANGESETAPPLY_INVERT);
    if (rc == SQLITE_OK)
        return {};
    if (!context.conflict.isEmpty())
        return Error{context.conflict};
    return database.error(u"cannot undo the changes of an edit"_s);
}

Result<QSet<qint64>> changesetValues(Database &database, const QByteArray &changeset,
                                     const QByteArray &table, const QByteArray &column)
{
    QSet<qint64> values;
    if (changeset.isEmpty())
        return values;
    const int index = columnIndex(database, table, column);
    if (index < 0)
        return Error{u"%1 has no column %2"_s.arg(QString::fromUtf8(table), QString::fromUtf8(column))};
    sqlite3_changeset_iter *change = nullptr;
    if (sqlite3changeset_start(&change, int(changeset.size()), const_cast<char *>(changeset.constData()))
        != SQLITE_OK)
        return Error{u"an edit's changes are damaged"_s};
    const auto finish = qScopeGuard([change] { sqlite3changeset_finalize(change); });
    while (sqlite3changeset_next(change) == SQLITE_ROW) {
        const char *name = nullptr;
        int columns = 0;
        int operation = 0;
        int indirect = 0;
        sqlite3changeset_op(change, &name, &columns, &operation, &indirect);
        if (table != name || index >= columns)
            continue;
        for (const bool before : {true, false}) {
            sqlite3_value *value = nullptr;
            if (before && operation != SQLITE_INSERT)
                sqlite3changeset_old(change, index, &value);
            if (!before && operation != SQLITE_DELETE)
                sqlite3changeset_new(change, index, &value);
            if (value && sqlite3_value_type(value) == SQLITE_INTEGER)
                values.insert(sqlite3_value_int64(value));
        }
    }
    return values;
}

} // namespace NewsGraph
