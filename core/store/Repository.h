#pragma once

#include "core/common/Result.h"
#include "core/store/Records.h"
#include "core/text/Document.h"

#include <QList>
#include <optional>

namespace NewsGraph {

class Database;

// The queries NewsGraph runs against a project database. Every value goes
// through bound parameters. Writers do not open transactions of their own
// beyond a savepoint per document: the caller (Ingester) decides what one
// unit of work is.
class Repository
{
public:
    explicit Repository(Database &database);

    // --- writing
    Result<bool> containsContent(const QString &contentHash) const;
    // Stores the document and all its sentences, or nothing (savepoint).
    Result<qint64> insertDocument(const Document &document, const QList<Sentence> &sentences);

    // --- reading
    Result<QList<DocumentRecord>> documents() const;
    Result<std::optional<DocumentRecord>> document(qint64 id) const;
    Result<QString> documentText(qint64 id) const;
    Result<QList<SentenceRecord>> sentences(qint64 documentId) const;
    // Full-text search over sentences (FTS5). `query` is what a person types:
    // words are matched as words (all of them), "quoted phrases" as phrases,
    // and a trailing * as a prefix; it is never passed as raw FTS5 syntax.
    Result<QList<SearchHit>> search(const QString &query, int limit = 100) const;
    Result<QList<EntityRecord>> entities() const;
    Result<QList<RelationRecord>> relations() const;
    Result<StoreStatistics> statistics() const;

private:
    Database &m_database;
};

} // namespace NewsGraph
