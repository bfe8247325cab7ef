#include "core/pipeline/Ingester.h"

#include "core/pipeline/DocumentProcessor.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Transaction.h"
#include "core/text/FileName.h"

#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QScopeGuard>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <deque>

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

// Whether to check the whole database before this run writes into it. The
// check reads every page (about 4 ms a megabyte here): nothing next to a run
// on a project of up to 64 MB, which is always checked, but a second or more
// on a project of thousands of articles, which would make adding one article
// cost as much as a hundred. A bigger project is checked before a run whose
// files weigh a twentieth of it or more (the check then costs a small share
// of the run); a smaller run relies on SQLite, which refuses every page it
// reads that is damaged, and on `newsgraph-cli check` for a check on demand.
bool shouldCheckIntegrity(const Database &database, const QStringList &files)
{
    constexpr qint64 alwaysChecked = 64LL * 1024 * 1024;
    if (database.path().isEmpty())
        return true; // in memory: small by nature
    const qint64 databaseBytes = QFileInfo(database.path()).size()
        + QFileInfo(database.path() + u"-wal"_s).size();
    if (databaseBytes <= alwaysChecked)
        return true;
    qint64 inputBytes = 0;
    for (const QString &file : files) {
        inputBytes += QFileInfo(file).size();
        if (inputBytes * 20 >= databaseBytes)
            return true;
    }
    return false;
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

    if (shouldCheckIntegrity(m_database, inputs.files)) {
        if (const Result<void> whole = m_database.checkIntegrity(); !whole) {
            report.fatalError = whole.error();
            return report;
        }
    }

    const Result<qint64> sizeBefore = m_database.size();
    if (!sizeBefore) {
        report.fatalError = sizeBefore.error();
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

    // A pipeline: the pool extracts batches while this thread reads the
    // next ones and stores the part before. Batches are started ahead, up to
    // a part's worth of documents or text, so that while a full part is
    // stored (under the write lock) the pool goes on extracting the next
    // one: with a single batch ahead it sat idle through every part's
    // storing, a third of a run on two cores. Results are taken in file
    // order, so the database is the same whatever the number of threads.
    struct Batch
    {
        QFuture<ProcessedDocument> extraction;
        QStringList paths;
        qint64 characters = 0;
    };
    std::deque<Batch> inFlight;
    qint64 charactersInFlight = 0;
    qsizetype documentsInFlight = 0;
    // No extraction outlives the run, whichever way it ends.
    const auto finishExtraction = qScopeGuard([&inFlight] {
        for (Batch &batch : inFlight)
            batch.extraction.cancel();
        for (Batch &batch : inFlight)
            batch.extraction.waitForFinished();
    });

    // Reads the next batch of files (here, not in the pool, which is
    // extracting meanwhile) and starts the extraction of those not stored
    // yet; false when the run must stop.
    qsizetype nextFile = 0;
    const auto startBatch = [&]() -> bool {
        const QStringList files = inputs.files.mid(nextFile, batchSize());
        nextFile += files.size();
        QList<Document> documents;
        Batch batch;
        for (const QString &path : files) {
            const Result<Document> document = m_loader.load(path);
            if (!document) {
                report.errors.append({displayFileName(path), document.error()});
                ++report.unreadable;
                step(path);
                continue;
            }
            // Only new content is extracted: a file read again costs its reading.
            const QString &hash = document->contentHash;
            const Result<bool> stored = hashesOfRun.contains(hash)
                ? Result<bool>(true)
                : repository.containsContent(hash);
            if (!stored) {
                report.fatalError = stored.error();
                return false;
            }
            if (stored.value()) {
                ++report.duplicates;
                step(path);
                continue;
            }
            hashesOfRun.insert(hash);
            batch.characters += document->text.size();
            documents.append(document.value());
            batch.paths.append(path);
        }
        batch.extraction = QtConcurrent::mapped(
            std::move(documents), [this](const Document &document) { return m_processor.process(document); });
        charactersInFlight += batch.characters;
        documentsInFlight += batch.paths.size();
        inFlight.push_back(std::move(batch));
        return true;
    };
    // The oldest batch into the part, the part stored once full; false
    // when the run must stop.
    const auto takeIn = [&]() -> bool {
        Batch batch = std::move(inFlight.front());
        inFlight.pop_front();
        charactersInFlight -= batch.characters;
        documentsInFlight -= batch.paths.size();
        batch.extraction.waitForFinished();
        QList<ProcessedDocument> processed = batch.extraction.results();
        for (qsizetype i = 0; i < processed.size(); ++i) {
            partCharacters += processed.at(i).document.text.size();
            part.append({batch.paths.at(i), std::move(processed[i])});
            step(batch.paths.at(i));
            const bool full = partCharacters >= m_partCharacters || part.size() >= m_partDocuments;
            // Once every file is on its way, a run that already stored a
            // part stores one as big as what is still being extracted behind
            // it, so that the storing of the last documents, which nothing
            // overlaps, is that of a few: the parts halve towards the end of
            // the run instead of leaving a whole one to store alone (0.8 s of
            // a 10 s run on two cores). A run of less than a part stays one.
            const qsizetype behind = documentsInFlight + (processed.size() - i - 1);
            const bool ending = report.parts > 0 && nextFile >= total && behind > 0
                && part.size() >= std::max(behind, batchSize());
            if ((full || ending) && !isCancelled(cancel)) {
                if (!store(part, report, cancel))
                    return false;
                part.clear();
                partCharacters = 0;
            }
        }
        return true;
    };

    while (!isCancelled(cancel)) {
        while (nextFile < total && !isCancelled(cancel)
               && (inFlight.empty()
                   || (documentsInFlight < m_partDocuments && charactersInFlight < m_partCharacters))) {
            if (!startBatch())
                return report;
        }
        if (inFlight.empty())
            break;
        if (!takeIn())
            return report;
    }

    if (isCancelled(cancel)) {
        report.cancelled = true;
        return report;
    }
    if (store(part, report, cancel))
        compactIfGrown(*sizeBefore, report);
    return report;
}

void Ingester::compactIfGrown(qint64 sizeBefore, IngestReport &report)
{
    const Result<qint64> sizeAfter = m_database.size();
    if (!sizeAfter || report.added == 0 || *sizeAfter < 2 * sizeBefore)
        return;
    // Indexes filled in random order (mentions by entity, relations by
    // their ends, merge keys) leave their pages about a quarter empty: a
    // tenth of a new project's file. Compacting when the run at least
    // doubled the file costs, over any number of runs, a constant share of
    // their writing (as a growing array's copies do), and nothing for a run
    // that adds a few articles to a big project. Optional: a project another
    // program is writing to is left as it is, and the run is stored all the
    // same.
    if (const Result<void> compacted = m_database.compact(); !compacted) {
        report.warnings.append({QString(), u"The project was stored but not compacted: %1"_s.arg(compacted.error())});
        return;
    }
    report.compacted = true;
}

bool Ingester::store(const QList<Extracted> &part, IngestReport &report,
                     const std::atomic_bool *cancel)
{
    if (part.isEmpty())
        return true;
    // Each document is stored under a savepoint, which SQLite journals page
    // by page; on disk, that journal took a tenth of a run (1.7 GB in
    // 840,000 writes for 10 MB of news). In memory it holds what one
    // document changes, a few megabytes. Back to the default after the part,
    // for compact() and for whatever else the connection does.
    if (const Result<void> inMemory = m_database.setScratch(Database::Scratch::InMemory); !inMemory) {
        report.fatalError = inMemory.error();
        return false;
    }
    const auto scratchOnDisk = qScopeGuard([this] {
        if (const Result<void> onDisk = m_database.setScratch(Database::Scratch::OnDisk); !onDisk)
            qWarning().noquote() << onDisk.error();
    });
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
        const Result<StoredDocument> inserted
            = repository.insertDocument(document, result.sentences, result.extraction, knownIds.value(),
                                        Repository::SearchIndexing::Later);
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

    if (const Result<void> indexed = repository.indexSentences(stored.addedDocumentIds); !indexed) {
        report.fatalError = indexed.error();
        return false;
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
