#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

struct sqlite3;

namespace NewsGraph {

// A document's text as stored since migration 9: UTF-8, zlib-compressed.
QByteArray packText(const QString &text);
// The text back; an empty optional when `packed` is damaged.
std::optional<QString> unpackText(const QByteArray &packed);

// The SQL functions every NewsGraph connection has, and that the schema's
// views and triggers call (so a tool that opens a project with SQLite's own
// API must register them too, or it cannot read sentence texts):
//
//   utf16_length(text)  SQL's length() counts code points, whereas
//                       NewsGraph's offsets count UTF-16 code units.
//   sentence_text(packed, start, end)
//                       the UTF-16 range [start, end) of a packed document
//                       text (documents.text), or NULL when packed is NULL
//                       or damaged. Sentences keep no copy of their words
//                       (migration 10): the search index and the evidence
//                       read them through this. The last document unpacked
//                       is kept, so the sentences of one document in a row
//                       unpack it once.
//
// Returns false (and leaves sqlite3_errmsg() set) when SQLite refuses.
bool registerSqlFunctions(sqlite3 *connection);

} // namespace NewsGraph
