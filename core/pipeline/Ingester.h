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
    QString path; // as people read it: bytes that are not UTF-8 escaped (displayFileName())
    QString message;
};

struct IngestReport
{
    int added = 0;
    int duplicates = 0;  // same content already stored (or twice in this run)
    int unreadable = 0;  // skipped: missing, binary, too large, empty, unsupported
    int failed = 0;      // readable, but the store refused it (rolled back on its own)
    // What was stored, in the same order: the documents' ids and the files
    // they were read from (as displayFileName() writes them).
    QList<qint64> addedDocumentIds;
    QStringList addedPaths;
    QList<IngestMessage> warnings; // stored, but with a remark (e.g. encoding fallback)
    QList<IngestMessage> errors;   // skipped, with the reason
    bool cancelled = false;        // the run was cancelled; its unstored part rolled back
    QString fatalError;            // the store failed; the run's unstored part rolled back
    // How many transactions stored the run: 1 unless it was larger than one
    // part (see Ingester), 0 when nothing was stored.
    int parts = 0;
    // The project's file was rewritten without its free space at the end
    // (see Ingester).
    bool compacted = false;

    bool committed() const { return !cancelled && fatalError.isEmpty(); }
    // A cancelled or failed run of several parts whose earlier parts were
    // stored before it stopped: addedPaths says which files.
    bool partlyStored() const { return !committed() && added > 0; }
    int skipped() const { return unreadable + failed; }
};

// Runs files -> text -> extraction -> store for a batch of paths.
//
// Each document is stored whole (text, sentences, entities, aliases,
// mentions, attributes) or not at all; unreadable inputs, and documents the
// store refuses on their own account, are skipped and reported, they do not
// stop the others.
//
// Reading and extraction take no lock: they run on all cores while other
// programs (the explorer saving a layout) can still write. The results are
// stored in short transactions (parts, below), where a document's entities
// are merged with the ones already known (Repository::matchKnownEntities()),
// including those stored before it in the run. The write lock is thus held
// for the storing only, never for the extraction.
//
// What waits to be stored is held in memory, and the write lock is held
// while it is stored. So a run is stored in parts, each all or nothing: a
// part ends once it holds partCharacters of text (1 Mi UTF-16 code units,
// about 1 MB of Latin text, by default) or partDocuments documents (250),
// which keeps each transaction under a second or two (another writer waits
// up to 5 s for the lock). The last parts of a longer run halve in size,
// so that little is left to store once extraction ends; a run of less than
// a part is one part. Cancelled or failed (disk full, an I/O error), a
// run leaves the parts stored before, nothing of the rest, and the report
// says which files they hold (IngestReport::partlyStored(), addedPaths).
//
// Before writing into an existing project the database is checked
// (Database::checkIntegrity()), so that nothing is added to a damaged file:
// always up to 64 MB, beyond that when the run's files weigh a twentieth of
// the database or more (the check reads the whole file; see
// shouldCheckIntegrity() in Ingester.cpp).
//
// A run that at least doubled the project's file compacts it at the end
// (Database::compact()), so that a project mostly written in one go is as
// small as its contents.
//
// Files are read on this thread and extracted on the pool in batches
// started up to a part ahead, so that the pool goes on extracting while a
// part is stored.
class Ingester
{
public:
    using Progress = std::function<void(int done, int total, const QString &path)>;

    Ingester(Database &database, const DocumentProcessor &processor,
             LoaderOptions loaderOptions = {});

    // Progress counts files as their reading and extraction ends (each
    // skipped or duplicate one too); storing comes after the last one.
    IngestReport ingest(const QStringList &paths, const Progress &progress = {},
                        const std::atomic_bool *cancel = nullptr);

    static constexpr qint64 defaultPartCharacters = 1024LL * 1024;
    static constexpr int defaultPartDocuments = 250;
    void setPartCharacters(qint64 characters) { m_partCharacters = characters; }
    void setPartDocuments(int documents) { m_partDocuments = documents; }

private:
    struct Extracted;
    // Stores `part` in one transaction; false when the run must stop
    // (cancelled, or the store failed), with the report saying why.
    bool store(const QList<Extracted> &part, IngestReport &report,
               const std::atomic_bool *cancel);
    // Compacts the project once a run has stored it, when the run at least
    // doubled its file.
    void compactIfGrown(qint64 sizeBefore, IngestReport &report);

    Database &m_database;
    const DocumentProcessor &m_processor;
    DocumentLoader m_loader;
    qint64 m_partCharacters = defaultPartCharacters;
    int m_partDocuments = defaultPartDocuments;
};

} // namespace NewsGraph
