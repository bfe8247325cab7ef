// Ingest end to end (newsgraph-cli's path: read, extract, store) of N
// invented articles (default 2000) into a new project, and how long another
// writer (the explorer saving a layout) is kept waiting meanwhile: a probe
// thread with its own connection tries to write every 5 ms without waiting
// for the lock, and the longest run of refusals is the longest time the
// ingest held the write lock.
//
//   build/tests/bench/bench_ingest [ARTICLES]

#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"
#include "tests/support/InventedArticles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

struct LockProbe
{
    std::atomic_bool stop = false;
    qint64 longestWaitMs = 0;
    qint64 writes = 0;
    qint64 refusals = 0;

    void run(const QString &path)
    {
        sqlite3 *handle = nullptr;
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &handle, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "probe: cannot open %s\n", qPrintable(path));
            sqlite3_close(handle);
            return;
        }
        sqlite3_busy_timeout(handle, 0);
        sqlite3_exec(handle, "CREATE TABLE IF NOT EXISTS probe (x)", nullptr, nullptr, nullptr);
        QElapsedTimer sinceLastWrite;
        sinceLastWrite.start();
        while (!stop.load()) {
            const bool wrote = sqlite3_exec(handle, "BEGIN IMMEDIATE; INSERT INTO probe VALUES (1); COMMIT",
                                            nullptr, nullptr, nullptr)
                == SQLITE_OK;
            if (wrote) {
                ++writes;
                sinceLastWrite.restart();
            } else {
                ++refusals;
                sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
                longestWaitMs = std::max(longestWaitMs, sinceLastWrite.elapsed());
            }
            QThread::msleep(5);
        }
        sqlite3_close(handle);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const int articles = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 2000;

    QTemporaryDir dir;
    QStringList paths;
    qint64 bytes = 0;
    for (int i = 0; i < articles; ++i) {
        const QString path = dir.filePath(u"article-%1.txt"_s.arg(i, 6, 10, QChar(u'0')));
        QFile file(path);
        const QByteArray text = Testing::inventedArticle(i).toUtf8();
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return 2;
        bytes += text.size();
        paths.append(path);
    }
    Result<DocumentProcessor> processor
        = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), {}, bundledModelDirectory());
    const QString databasePath = dir.filePath(u"project.newsgraph"_s);
    Result<Database> database = Database::open(databasePath);
    if (!processor || !database) {
        std::fprintf(stderr, "%s\n", qPrintable(processor ? database.error() : processor.error()));
        return 2;
    }

    LockProbe probe;
    std::thread probeThread([&] { probe.run(databasePath); });
    QElapsedTimer timer;
    timer.start();
    qint64 extractedAtMs = 0;
    const IngestReport report = Ingester(database.value(), processor.value())
                                    .ingest(paths, [&](int done, int total, const QString &) {
                                        if (done == total)
                                            extractedAtMs = timer.elapsed();
                                    });
    const qint64 totalMs = timer.elapsed();
    probe.stop = true;
    probeThread.join();
    if (!report.committed()) {
        std::fprintf(stderr, "ingest failed: %s\n", qPrintable(report.fatalError));
        return 1;
    }
    std::printf("articles:                 %d (%.1f MB), %d stored\n", articles, double(bytes) / 1e6, report.added);
    std::printf("ingest:                   %lld ms (%.0f articles/s), threads: %d\n", totalMs,
                articles * 1000.0 / double(std::max<qint64>(totalMs, 1)), QThread::idealThreadCount());
    std::printf("read and extracted after: %lld ms; stored in %lld ms\n", extractedAtMs, totalMs - extractedAtMs);
    std::printf("other writer: %lld writes, %lld refused, longest wait %lld ms\n", probe.writes, probe.refusals,
                probe.longestWaitMs);
    return 0;
}
