#pragma once

#include "core/text/DocumentLoader.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace NewsGraph {

class Database;
class DocumentProcessor;

struct IngestMessage
{
    QString path;
    QString message;
};

struct IngestReport
{
    int added = 0;
    int duplicates = 0;  // same content already stored (or twice in this run)
    int unreadable = 0;  // skipped: missing, binary, too large, empty, unsupported
    int failed = 0;      // readable, but the store refused it (rolled back on its own)
    QList<qint64> addedDocumentIds;
    QList<IngestMessage> warnings; // stored, but with a remark (e.g. encoding fallback)
    QList<IngestMessage> errors;   // skipped, with the reason
    bool cancelled = false;        // the run was cancelled and rolled back
    QString fatalError;            // the store failed; the run was rolled back

    bool committed() const { return !cancelled && fatalError.isEmpty(); }
    int skipped() const { return unreadable + failed; }
};

// Runs files -> text -> extraction -> store for a batch of paths, as one
// transaction: a cancelled or failed run leaves the database exactly as it
// was. Within the run each document is stored whole (text, sentences,
// entities, aliases, mentions, attributes) or not at all; unreadable inputs
// are skipped and reported, they do not stop the others.
//
// Loading and processing are independent per document and run on all cores;
// storing is sequential, and that is where a document's entities are merged
// with the ones already known (matchKnownEntities()), including those stored
// earlier in the same run.
class Ingester
{
public:
    using Progress = std::function<void(int done, int total, const QString &path)>;

    Ingester(Database &database, const DocumentProcessor &processor,
             LoaderOptions loaderOptions = {});

    IngestReport ingest(const QStringList &paths, const Progress &progress = {},
                        const std::atomic_bool *cancel = nullptr);

private:
    Database &m_database;
    const DocumentProcessor &m_processor;
    DocumentLoader m_loader;
};

} // namespace NewsGraph
