#include "app/gui/ArticleImporter.h"

#include "core/pipeline/DocumentProcessor.h"
#include "core/store/Database.h"

#include <QtConcurrent/QtConcurrentRun>

namespace NewsGraph {

ArticleImporter::ArticleImporter(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<IngestReport>::finished, this, [this] {
        m_running = false;
        Q_EMIT finished(m_watcher.result());
    });
}

ArticleImporter::~ArticleImporter()
{
    cancel();
    m_watcher.waitForFinished();
}

bool ArticleImporter::start(Database &database, const DocumentProcessor &processor, const QStringList &paths)
{
    if (m_running)
        return false;
    m_running = true;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    // The progress callback runs on the worker; emitting from there queues
    // the signal to the receivers' thread.
    m_watcher.setFuture(QtConcurrent::run([this, &database, &processor, paths, cancel] {
        Ingester ingester(database, processor);
        return ingester.ingest(
            paths, [this](int done, int total, const QString &path) { Q_EMIT progress(done, total, path); },
            cancel.get());
    }));
    return true;
}

void ArticleImporter::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ArticleImporter::wait()
{
    m_watcher.waitForFinished();
}

} // namespace NewsGraph
