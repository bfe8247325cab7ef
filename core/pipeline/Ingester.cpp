#include "core/pipeline/Ingester.h"

#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Transaction.h"

#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Reading and analysing files is independent per file and runs on all cores;
// storing is sequential. Files are taken in batches so memory stays bounded
// on large folders and cancellation is noticed quickly.
constexpr qsizetype batchSize = 64;

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

Ingester::Ingester(Database &database, const TextAnalyzer &analyzer, LoaderOptions loaderOptions)
    : m_database(database)
    , m_analyzer(analyzer)
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

    Transaction transaction(m_database);
    if (!transaction.isActive()) {
        report.fatalError = transaction.error().message;
        return report;
    }
    Repository repository(m_database);

    const auto analyze = [this](const QString &path) -> Result<AnalyzedDocument> {
        Result<Document> loaded = m_loader.load(path);
        if (!loaded)
            return Error{loaded.error()};
        return m_analyzer.analyze(std::move(loaded).value());
    };

    const qsizetype total = inputs.files.size();
    int done = 0;
    for (qsizetype first = 0; first < total && !isCancelled(cancel); first += batchSize) {
        const QStringList batch = inputs.files.mid(first, batchSize);
        const QList<Result<AnalyzedDocument>> analyzed = QtConcurrent::blockingMapped(batch, analyze);

        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (isCancelled(cancel))
                break;
            const QString &path = batch.at(i);
            const Result<AnalyzedDocument> &result = analyzed.at(i);
            ++done;
            if (progress)
                progress(done, int(total), path);

            if (!result) {
                report.errors.append({path, result.error()});
                ++report.unreadable;
                continue;
            }
            const Document &document = result->document;
            const Result<bool> known = repository.containsContent(document.contentHash);
            if (!known) {
                report.fatalError = known.error();
                return report; // the transaction rolls back
            }
            if (known.value()) {
                ++report.duplicates;
                continue;
            }
            const Result<qint64> id = repository.insertDocument(document, result->sentences);
            if (!id) {
                report.errors.append({path, id.error()});
                ++report.failed;
                continue;
            }
            report.addedDocumentIds.append(id.value());
            ++report.added;
            for (const QString &warning : document.warnings)
                report.warnings.append({path, warning});
        }
    }

    if (isCancelled(cancel)) {
        transaction.rollback();
        report.cancelled = true;
        report.added = 0;
        report.addedDocumentIds.clear();
        return report;
    }
    if (const Result<void> committed = transaction.commit(); !committed) {
        report.fatalError = committed.error();
        report.added = 0;
        report.addedDocumentIds.clear();
    }
    return report;
}

} // namespace NewsGraph
