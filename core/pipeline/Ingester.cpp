#include "core/pipeline/Ingester.h"

#include "core/pipeline/DocumentProcessor.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Transaction.h"
#include "core/text/FileName.h"

#include <QDir>
#include <QSet>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Files are read and extracted in batches, on all cores: small enough that
// progress moves and a cancellation is noticed soon, large enough to keep
// every core busy.
qsizetype batchSize()
{
    return std::max(8, 4 * QThread::idealThreadCount());
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

struct Ingester::Extracted
{
    QString path;
    ProcessedDocument processed;
};

Ingester::Ingester(Database &database, const DocumentProcessor &processor,
                   LoaderOptions loaderOptions)
    : m_database(database)
    , m_processor(processor)
    , m_loader(loaderOptions)
{
}

IngestReport Ingester::ingest(const QStringList &paths, const Progress &progress,
                              const std::atomic_bool *cancel)
{
    IngestReport report;
    const DocumentLoader::Inputs inputs = DocumentLoader::collectInputs(paths);
    for (const QString &message : inputs.errors) {
        report.errors.append({QString(), message});
        ++report.unreadable;
    }
    if (inputs.files.isEmpty())
        return report;

    if (const Result<void> whole = m_database.checkIntegrity(); !whole) {
        report.fatalError = whole.error();
        return report;
    }

    // Reads only, and without a transaction: in WAL mode they neither wait
    // for nor block a writer. store() asks again under its write lock.
    Repository repository(m_database);
    QSet<QString> hashesOfRun;
    QList<Extracted> part;
    qint64 partCharacters = 0;
    const qsizetype total = inputs.files.size();
    int done = 0;
    const auto step = [&](const QString &path) {
        ++done;
        if (progress)
            progress(done, int(total), displayFileName(path));
    };

    for (qsizetype first = 0; first < total; first += batchSize()) {
        if (isCancelled(cancel))
            break;
        const QStringList batch = inputs.files.mid(first, batchSize());
        const QList<Result<Document>> loaded = QtConcurrent::blockingMapped(
            batch, [this](const QString &path) { return m_loader.load(path); });

        // Only new content is extracted: a file read again costs its reading.
        QList<Extracted> fresh;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const QString &path = batch.at(i);
            const Result<Document> &document = loaded.at(i);
            if (!document) {
                report.errors.append({displayFileName(path), document.error()});
                ++report.unreadable;
                step(path);
                continue;
            }
            const QString &hash = document->contentHash;
            const Result<bool> stored = hashesOfRun.contains(hash)
                ? Result<bool>(true)
                : repository.containsContent(hash);
            if (!stored) {
                report.fatalError = stored.error();
                return report;
            }
            if (stored.value()) {
                ++report.duplicates;
                step(path);
                continue;
            }
            hashesOfRun.insert(hash);
            fresh.append({path, ProcessedDocument{document.value(), {}, {}}});
        }

        QList<ProcessedDocument> processed = QtConcurrent::blockingMapped(
            fresh, [this](const Extracted &document) {
                return m_processor.process(document.processed.document);
            });
        for (qsizetype i = 0; i < fresh.size(); ++i) {
            partCharacters += processed.at(i).document.text.size();
            part.append({fresh.at(i).path, std::move(processed[i])});
            step(fresh.at(i).path);
            if ((partCharacters >= m_partCharacters || part.size() >= m_partDocuments)
                && !isCancelled(cancel)) {
                if (!store(part, report, cancel))
                    return report;
                part.clear();
                partCharacters = 0;
            }
        }
    }

    if (isCancelled(cancel)) {
        report.cancelled = true;
        return report;
    }
    store(part, report, cancel);
    return report;
}

bool Ingester::store(const QList<Extracted> &part, IngestReport &report,
                     const std::atomic_bool *cancel)
{
    if (part.isEmpty())
        return true;
    Transaction transaction(m_database);
    if (!transaction.isActive()) {
        report.fatalError = transaction.error().message;
        return false;
    }
    // Entities are matched inside the transaction (nobody else can add any
    // meanwhile), each document with every one stored before it, in this
    // run too, through the keys the store keeps: a document costs the
    // entities that share a name with its own, whatever the project's size.
    Repository repository(m_database);

    // Counted apart and added to the report only once the part is committed.
    IngestReport stored;
    for (qsizetype i = 0; i < part.size(); ++i) {
        const Extracted &extracted = part.at(i);
        if (isCancelled(cancel)) {
            report.cancelled = true;
            return false; // the transaction rolls back
        }
        const ProcessedDocument &result = extracted.processed;
        const Document &document = result.document;
        // Another program may have stored the same article since it was read.
        const Result<bool> duplicate = repository.containsContent(document.contentHash);
        if (!duplicate) {
            report.fatalError = duplicate.error();
            return false;
        }
        if (duplicate.value()) {
            ++stored.duplicates;
            continue;
        }
        const Result<QList<qint64>> knownIds = repository.matchKnownEntities(result.extraction.entities);
        if (!knownIds) {
            report.fatalError = knownIds.error();
            return false;
        }
        const Result<StoredDocument> inserted = repository.insertDocument(
            document, result.sentences, result.extraction, knownIds.value());
        if (!inserted) {
            // A document the store refused on its own account (its savepoint
            // undid it) is skipped; a failure of the storage ends the run.
            // SQLite may have rolled the whole transaction back already: going
            // on would store every later document in a transaction of its own.
            if (!m_database.inTransaction()
                || m_database.lastFailureKind() == Database::FailureKind::Storage) {
                // Worded for the person importing: the file it was at and
                // why, not the SQL statement that met the full disk.
                report.fatalError = m_database.lastFailureKind() == Database::FailureKind::Storage
                    ? u"%1: cannot store %2: %3"_s.arg(QDir::toNativeSeparators(m_database.path()),
                                                       displayFileName(extracted.path),
                                                       m_database.lastFailureReason())
                    : inserted.error();
                return false;
            }
            stored.errors.append({displayFileName(extracted.path), inserted.error()});
            ++stored.failed;
            continue;
        }
        stored.addedDocumentIds.append(inserted->id);
        stored.addedPaths.append(displayFileName(extracted.path));
        for (const QString &warning : document.warnings)
            stored.warnings.append({displayFileName(extracted.path), warning});
    }

    if (const Result<void> committed = transaction.commit(); !committed) {
        report.fatalError = committed.error();
        return false;
    }
    report.added += int(stored.addedDocumentIds.size());
    report.addedDocumentIds += stored.addedDocumentIds;
    report.addedPaths += stored.addedPaths;
    report.duplicates += stored.duplicates;
    report.failed += stored.failed;
    report.errors += stored.errors;
    report.warnings += stored.warnings;
    ++report.parts;
    return true;
}

} // namespace NewsGraph
