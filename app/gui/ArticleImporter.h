#pragma once

#include "core/pipeline/Ingester.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace NewsGraph {

class Database;
class DocumentProcessor;

// Runs an import (Ingester) on a worker thread so that the window stays
// responsive, reporting progress as it goes; cancel() makes the Ingester roll
// the whole run back, leaving the database as it was. The database and the
// processor must outlive the run and nobody else may write to the database
// meanwhile (the window's progress dialog is modal for that reason).
class ArticleImporter : public QObject
{
    Q_OBJECT

public:
    explicit ArticleImporter(QObject *parent = nullptr);
    ~ArticleImporter() override; // cancels and waits

    // False (and nothing happens) when an import is already running.
    bool start(Database &database, const DocumentProcessor &processor, const QStringList &paths);
    bool isRunning() const { return m_running; }
    void cancel();
    // Blocks until the run ends; its finished() is still delivered.
    void wait();

Q_SIGNALS:
    // From the worker, delivered in the importer's thread.
    void progress(int done, int total, const QString &path);
    void finished(const NewsGraph::IngestReport &report);

private:
    QFutureWatcher<IngestReport> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

} // namespace NewsGraph
