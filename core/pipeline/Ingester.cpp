#include "core/pipeline/Ingester.h"

#include "core/pipeline/DocumentProcessor.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Transaction.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Reading and processing files is independent per file and runs on all
// cores; storing is sequential. Files are taken in batches so memory stays
// bounded on large folders and cancellation is noticed quickly.
constexpr qsizetype batchSize = 64;

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The entities of the project as the merger sees them, kept in memory for a
// run: read once at its start and updated after each stored document, so
// that a document is merged with the ones stored before it in the same run
// without re-reading the store each time.
class EntityCatalogue
{
public:
    explicit EntityCatalogue(QList<KnownEntity> known)
        : m_known(std::move(known))
    {
        for (qsizetype i = 0; i < m_known.size(); ++i)
            m_position.insert(m_known.at(i).id, i);
    }

    const QList<KnownEntity> &known() const { return m_known; }

    // After `entities` were stored as `ids` (Repository::insertDocument()).
    void add(const QList<ExtractedEntity> &entities, const QList<qint64> &ids)
    {
        for (qsizetype i = 0; i < entities.size() && i < ids.size(); ++i) {
            const ExtractedEntity &entity = entities.at(i);
            auto it = m_position.constFind(ids.at(i));
            if (it == m_position.constEnd()) {
                it = m_position.insert(ids.at(i), m_known.size());
                m_known.append(KnownEntity{ids.at(i), entity.name, entity.type, {}});
            } else {
                QString &name = m_known[*it].name;
                name = preferredEntityName(name, entity.name);
            }
            // As the store keeps them (Repository::knownEntities() would read
            // the same): in order, each alias once, compared exactly, no
            // empty ones.
            QStringList &aliases = m_known[*it].aliases;
            for (const QString &alias : entity.aliases) {
                if (!alias.isEmpty() && !aliases.contains(alias))
                    aliases.append(alias);
            }
        }
    }

private:
    QList<KnownEntity> m_known;
    QHash<qint64, qsizetype> m_position; // entity id -> index in m_known
};

} // namespace

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

    Transaction transaction(m_database);
    if (!transaction.isActive()) {
        report.fatalError = transaction.error().message;
        return report;
    }
    Repository repository(m_database);
    // Read inside the transaction: nobody else can add entities meanwhile.
    Result<QList<KnownEntity>> known = repository.knownEntities();
    if (!known) {
        report.fatalError = known.error();
        return report;
    }
    EntityCatalogue catalogue(std::move(known).value());

    const auto process = [this](const QString &path) -> Result<ProcessedDocument> {
        Result<Document> loaded = m_loader.load(path);
        if (!loaded)
            return Error{loaded.error()};
        return m_processor.process(std::move(loaded).value());
    };

    const qsizetype total = inputs.files.size();
    int done = 0;
    for (qsizetype first = 0; first < total && !isCancelled(cancel); first += batchSize) {
        const QStringList batch = inputs.files.mid(first, batchSize);
        const QList<Result<ProcessedDocument>> processed
            = QtConcurrent::blockingMapped(batch, process);

        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (isCancelled(cancel))
                break;
            const QString &path = batch.at(i);
            const Result<ProcessedDocument> &result = processed.at(i);
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
            const QList<ExtractedEntity> &entities = result->extraction.entities;
            const QList<qint64> knownIds = matchKnownEntities(entities, catalogue.known());
            const Result<StoredDocument> stored = repository.insertDocument(
                document, result->sentences, result->extraction, knownIds);
            if (!stored) {
                report.errors.append({path, stored.error()});
                ++report.failed;
                continue;
            }
            catalogue.add(entities, stored->entityIds);
            report.addedDocumentIds.append(stored->id);
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
