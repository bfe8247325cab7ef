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
//   document_slice(id, content_hash, start, end)
//                       the same range of the text of document `id`, read
//                       from the documents table only when the last one it
//                       read had another id or content hash. For queries
//                       that read many sentences of one long document:
//                       handed documents.text, sentence_text() makes SQLite
//                       read the whole packed text for every row (the
//                       evidence of one actor of a 49 MB article did not
//                       come within a minute). Not for the schema's views
//                       and triggers (SQLITE_DIRECTONLY).
//
// Returns false (and leaves sqlite3_errmsg() set) when SQLite refuses.
bool registerSqlFunctions(sqlite3 *connection);

} // namespace NewsGraph

// SQL for the words [start, end) of document d (a row of documents), which
// sentences, mentions and quotes keep no copy of (migrations 10, 14, 16). A
// long document's text is read once for all its rows (document_slice());
// handed d.text (sentence_text()), SQLite reads the whole text for every
// row, which for a news-sized text is quicker than looking it up again.
#define NEWSGRAPH_TEXT_SLICE(start, end)                                                             \
    "CASE WHEN d.text_length > 65536 THEN document_slice(d.id, d.content_hash, " start ", " end ") " \
    "ELSE sentence_text(d.text, " start ", " end ") END"
