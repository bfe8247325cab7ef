#include "core/store/SqlFunctions.h"

#include <sqlite3.h>

#include <cstring>

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
    const qint64 start = sqlite3_value_int64(arguments[1]);
    const qint64 end = sqlite3_value_int64(arguments[2]);
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
    if (start < 0 || end < start || end > text->size()) {
        sqlite3_result_null(context);
        return;
    }
    const QByteArray utf8 = QStringView(*text).mid(start, end - start).toUtf8();
    sqlite3_result_text64(context, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                          SQLITE_UTF8);
}

void destroyUnpackedDocument(void *data)
{
    delete static_cast<UnpackedDocument *>(data);
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
    return sqlite3_create_function_v2(connection, "sentence_text", 3, flags, cache, sentenceText,
                                      nullptr, nullptr, destroyUnpackedDocument)
        == SQLITE_OK;
}

} // namespace NewsGraph
