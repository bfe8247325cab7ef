#include "core/store/SqlFunctions.h"

#include <sqlite3.h>

#include <cstring>
#include <memory>

namespace NewsGraph {

QByteArray packText(const QString &text)
{
    return qCompress(text.toUtf8(), 6);
}

std::optional<QString> unpackText(const QByteArray &packed)
{
    const QByteArray utf8 = qUncompress(packed);
    if (utf8.isEmpty() && packed.size() > 4)
        return std::nullopt;
    return QString::fromUtf8(utf8);
}

namespace {

void utf16Length(sqlite3_context *context, int, sqlite3_value **arguments)
{
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    sqlite3_result_int64(context, sqlite3_value_bytes16(arguments[0]) / 2);
}

// The UTF-16 range [start, end) of `text` as the function's result, NULL
// when it is not inside the text.
void resultRange(sqlite3_context *context, const QString &text, qint64 start, qint64 end)
{
    if (start < 0 || end < start || end > text.size()) {
        sqlite3_result_null(context);
        return;
    }
    const QByteArray utf8 = QStringView(text).mid(start, end - start).toUtf8();
    sqlite3_result_text64(context, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                          SQLITE_UTF8);
}

// The document sentence_text() unpacked last, per connection (SQLite calls a
// connection's functions from one thread at a time).
struct UnpackedDocument
{
    QByteArray packed;
    QString text;
};

void sentenceText(sqlite3_context *context, int, sqlite3_value **arguments)
{
    auto *last = static_cast<UnpackedDocument *>(sqlite3_user_data(context));
    const int kind = sqlite3_value_type(arguments[0]);
    if (kind == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    QString plain; // a text column that was never packed
    const QString *text = &last->text;
    if (kind == SQLITE_TEXT) {
        plain = QString::fromUtf8(static_cast<const char *>(sqlite3_value_blob(arguments[0])),
                                  sqlite3_value_bytes(arguments[0]));
        text = &plain;
    } else {
        const auto *bytes = static_cast<const char *>(sqlite3_value_blob(arguments[0]));
        const int size = sqlite3_value_bytes(arguments[0]);
        if (last->packed.size() != size || (size > 0 && std::memcmp(last->packed.constData(), bytes, size) != 0)) {
            QByteArray packed(bytes, size);
            std::optional<QString> unpacked = unpackText(packed);
            if (!unpacked) {
                sqlite3_result_null(context);
                return;
            }
            last->packed = std::move(packed);
            last->text = std::move(*unpacked);
        }
    }
    resultRange(context, *text, sqlite3_value_int64(arguments[1]), sqlite3_value_int64(arguments[2]));
}

void destroyUnpackedDocument(void *data)
{
    delete static_cast<UnpackedDocument *>(data);
}

// The document document_slice() read last, per connection: its id and
// content hash (the hash of its text, so that a document deleted and
// another stored under its id is read again) and its text.
struct SlicedDocument
{
    qint64 id = -1;
    QByteArray contentHash; // empty: nothing kept
    QString text;
};

void destroySlicedDocument(void *data)
{
    delete static_cast<SlicedDocument *>(data);
}

// Reads the text of document `id` into `text`; false with the result set
// (NULL for no such document or a damaged text, an error for SQLite's).
bool readDocumentText(sqlite3_context *context, qint64 id, QString &text)
{
    sqlite3 *connection = sqlite3_context_db_handle(context);
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT text FROM documents WHERE id = ?1", -1, &raw, nullptr) != SQLITE_OK) {
        sqlite3_result_error(context, sqlite3_errmsg(connection), -1);
        return false;
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement(raw, sqlite3_finalize);
    sqlite3_bind_int64(raw, 1, id);
    const int stepped = sqlite3_step(raw);
    if (stepped != SQLITE_ROW) {
        if (stepped == SQLITE_DONE)
            sqlite3_result_null(context);
        else
            sqlite3_result_error(context, sqlite3_errmsg(connection), -1);
        return false;
    }
    const int kind = sqlite3_column_type(raw, 0);
    const auto *bytes = static_cast<const char *>(sqlite3_column_blob(raw, 0));
    const int size = sqlite3_column_bytes(raw, 0);
    if (kind == SQLITE_TEXT) { // a text column that was never packed
        text = QString::fromUtf8(bytes, size);
        return true;
    }
    std::optional<QString> unpacked = kind == SQLITE_NULL ? std::nullopt : unpackText(QByteArray(bytes, size));
    if (!unpacked) {
        sqlite3_result_null(context);
        return false;
    }
    text = std::move(*unpacked);
    return true;
}

void documentSlice(sqlite3_context *context, int, sqlite3_value **arguments)
{
    auto *last = static_cast<SlicedDocument *>(sqlite3_user_data(context));
    if (sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const qint64 id = sqlite3_value_int64(arguments[0]);
    const QByteArrayView hash(static_cast<const char *>(sqlite3_value_blob(arguments[1])),
                              sqlite3_value_bytes(arguments[1]));
    if (hash.isEmpty() || last->id != id || last->contentHash != hash) {
        last->id = -1;
        last->contentHash.clear();
        if (!readDocumentText(context, id, last->text))
            return;
        last->id = id;
        last->contentHash = hash.toByteArray();
    }
    resultRange(context, last->text, sqlite3_value_int64(arguments[2]), sqlite3_value_int64(arguments[3]));
}

} // namespace

bool registerSqlFunctions(sqlite3 *connection)
{
    constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function_v2(connection, "utf16_length", 1, flags, nullptr, utf16Length,
                                   nullptr, nullptr, nullptr)
        != SQLITE_OK)
        return false;
    // SQLite owns the cache from here (destroyUnpackedDocument), also when
    // registering fails.
    auto *cache = new UnpackedDocument;
    if (sqlite3_create_function_v2(connection, "sentence_text", 3, flags, cache, sentenceText,
                                   nullptr, nullptr, destroyUnpackedDocument)
        != SQLITE_OK)
        return false;
    // It reads the documents table: for queries only, not for the schema.
    auto *sliced = new SlicedDocument;
    return sqlite3_create_function_v2(connection, "document_slice", 4, SQLITE_UTF8 | SQLITE_DIRECTONLY, sliced,
                                      documentSlice, nullptr, nullptr, destroySlicedDocument)
        == SQLITE_OK;
}

} // namespace NewsGraph
