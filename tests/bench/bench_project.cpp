// A project of N synthetic articles (SyntheticNews: invented actors, a cast
// that grows with the stream, a third in French) built the way an analyst
// builds one, run after run, and what that costs as it grows (issue 15):
//
//   bench_project [--steps K] [--keep DIR] [--no-queries] [ARTICLES]
//
// ARTICLES (default 1000) are written to files, then ingested in K runs
// (default 10) of ARTICLES/K files each, as K calls of `newsgraph-cli ingest`
// would. After each run one more article is ingested on its own: the cost of
// adding one document to a project of that size. Then every file is ingested
// again unchanged. Printed for each run: the project's size before it, ms per
// document of the run, ms for the single document, entities, database size
// against the text's, and the peak memory of this process (VmHWM).
//
// Then the questions an analyst asks of one entity, through newsgraph-cli as a
// separate process each (start-up included, as the analyst waits for it):
// `relations --entity`, `neighbors`, `path` and `explain`, for the entity with
// the most mentions and for one named once (by id). --keep DIR leaves the articles and
// the project (DIR/project.newsgraph) for the explorer and the CLI.

#include "ProcessMemory.h"
#include "SyntheticNews.h"

#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <optional>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

double megabytes(qint64 bytes)
{
    return double(bytes) / 1e6;
}

// The database and its write-ahead log.
qint64 databaseBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size();
}

// One number or one row of text from the project, read with SQLite directly
// so that the benchmark depends on no query of the code it measures.
QString queryOne(const QString &databasePath, const char *sql)
{
    sqlite3 *handle = nullptr;
    QString value;
    if (sqlite3_open_v2(QFile::encodeName(databasePath).constData(), &handle, SQLITE_OPEN_READONLY, nullptr)
        == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) == SQLITE_OK
            && sqlite3_step(statement) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
    }
    sqlite3_close(handle);
    return value;
}

struct Timed
{
    qint64 ms = 0;
    bool ok = false;
};

Timed runCli(const QStringList &arguments)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    cli.start(QStringLiteral(NEWSGRAPH_CLI), arguments);
    const bool finished = cli.waitForStarted() && cli.waitForFinished(-1);
    Timed timed{timer.elapsed(), finished && cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0};
    if (!timed.ok)
        std::fprintf(stderr, "newsgraph-cli %s failed: %s\n", qPrintable(arguments.join(u' ')),
                     cli.readAll().left(400).constData());
    return timed;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    const QByteArray bytes = text.toUtf8();
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QStringList arguments = application.arguments().mid(1);
    int steps = 10;
    QString keep;
    bool queries = true;
    int articles = 1000;
    while (!arguments.isEmpty()) {
        const QString argument = arguments.takeFirst();
        if (argument == u"--steps"_s && !arguments.isEmpty())
            steps = std::max(1, arguments.takeFirst().toInt());
        else if (argument == u"--keep"_s && !arguments.isEmpty())
            keep = arguments.takeFirst();
        else if (argument == u"--no-queries"_s)
            queries = false;
        else if (argument.toInt() > 0)
            articles = argument.toInt();
        else {
            std::fprintf(stderr, "usage: bench_project [--steps K] [--keep DIR] [--no-queries] [ARTICLES]\n");
            return 2;
        }
    }
    steps = std::min(steps, articles);

    QTemporaryDir temporary;
    const QString root = keep.isEmpty() ? temporary.path() : QDir(keep).absolutePath();
    const QString articleDirectory = root + u"/articles"_s;
    const QString probeDirectory = root + u"/probes"_s;
    const QString databasePath = root + u"/project.newsgraph"_s;
    if (!QDir().mkpath(articleDirectory) || !QDir().mkpath(probeDirectory) || QFileInfo::exists(databasePath)) {
        std::fprintf(stderr, "%s: cannot write there, or it already holds a project\n", qPrintable(root));
        return 2;
    }

    // The stream, and one probe article per run from beyond its end.
    const Testing::SyntheticNews news;
    QStringList paths;
    qint64 textBytes = 0;
    int french = 0;
    for (int i = 0; i < articles; ++i) {
        const Testing::SyntheticArticle article = news.article(quint64(i));
        const QString path = articleDirectory + u'/' + article.fileName;
        if (!writeFile(path, article.text))
            return 2;
        paths.append(path);
        textBytes += article.text.toUtf8().size();
        french += article.french ? 1 : 0;
    }
    std::printf("articles: %d (%d French), %.1f MB of text, %d runs\n", articles, french, megabytes(textBytes),
                steps);

    Result<DocumentProcessor> processor
        = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), {}, bundledModelDirectory());
    Result<Database> database = Database::open(databasePath);
    if (!processor || !database) {
        std::fprintf(stderr, "%s\n", qPrintable(processor ? database.error() : processor.error()));
        return 2;
    }
    Ingester ingester(database.value(), processor.value());

    std::printf("%10s %10s %12s %12s %10s %10s %8s %9s\n", "documents", "added", "ms/doc", "one doc ms",
                "entities", "db MB", "db/text", "peak MB");
    qint64 storedText = 0;
    QElapsedTimer total;
    total.start();
    for (int step = 0; step < steps; ++step) {
        const int from = int(qint64(articles) * step / steps);
        const int to = int(qint64(articles) * (step + 1) / steps);
        const QString before = queryOne(databasePath, "SELECT count(*) FROM documents");
        QElapsedTimer timer;
        timer.start();
        const IngestReport report = ingester.ingest(paths.mid(from, to - from));
        const qint64 runMs = timer.elapsed();
        if (!report.committed()) {
            std::fprintf(stderr, "ingest failed: %s\n", qPrintable(report.fatalError));
            return 1;
        }
        for (int i = from; i < to; ++i)
            storedText += QFileInfo(paths.at(i)).size();

        const Testing::SyntheticArticle probe = news.article(quint64(articles + step));
        const QString probePath = probeDirectory + u'/' + probe.fileName;
        if (!writeFile(probePath, probe.text))
            return 2;
        timer.restart();
        const IngestReport single = ingester.ingest({probePath});
        const qint64 singleMs = timer.elapsed();
        if (!single.committed() || single.added != 1) {
            std::fprintf(stderr, "ingest of %s failed: %s\n", qPrintable(probePath), qPrintable(single.fatalError));
            return 1;
        }
        storedText += QFileInfo(probePath).size();
        const qint64 dbBytes = databaseBytes(databasePath);
        std::printf("%10s %10d %12.2f %12lld %10s %10.1f %8.2f %9.0f\n", qPrintable(before), report.added,
                    double(runMs) / std::max(1, report.added), singleMs,
                    qPrintable(queryOne(databasePath, "SELECT count(*) FROM entities")), megabytes(dbBytes),
                    double(dbBytes) / double(std::max<qint64>(1, storedText)), Testing::processMegabytes("VmHWM:"));
        std::fflush(stdout);
    }
    const qint64 totalMs = total.elapsed();
    std::printf("all runs: %.1f s, %.2f MB/s end to end\n", double(totalMs) / 1000.0,
                megabytes(storedText) / (double(std::max<qint64>(1, totalMs)) / 1000.0));

    QElapsedTimer timer;
    timer.start();
    const IngestReport again = ingester.ingest(paths);
    std::printf("re-ingest of %d unchanged files: %lld ms (%d duplicates)\n", articles, timer.elapsed(),
                again.duplicates);

    if (queries) {
        const QString busiest = queryOne(databasePath,
                                         "SELECT e.id FROM entities e JOIN mentions m ON m.entity_id = e.id "
                                         "GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1");
        const QString rare = queryOne(databasePath,
                                      "SELECT e.id FROM entities e JOIN mentions m ON m.entity_id = e.id "
                                      "GROUP BY e.id HAVING count(*) = 1 ORDER BY e.id DESC LIMIT 1");
        std::printf("queries (newsgraph-cli, start-up included), entity %s (the most mentions) and %s (one mention):\n",
                    qPrintable(busiest), qPrintable(rare));
        const QStringList db{u"--db"_s, databasePath};
        const QList<std::pair<QString, QStringList>> commands = {
            {u"stats"_s, QStringList{u"stats"_s} + db},
            {u"relations --entity (busiest)"_s, QStringList{u"relations"_s, u"--entity"_s, busiest} + db},
            {u"relations --entity (rare)"_s, QStringList{u"relations"_s, u"--entity"_s, rare} + db},
            {u"neighbors (busiest)"_s, QStringList{u"neighbors"_s, busiest} + db},
            {u"neighbors (rare)"_s, QStringList{u"neighbors"_s, rare} + db},
            {u"path"_s, QStringList{u"path"_s, u"--from"_s, busiest, u"--to"_s, rare} + db},
            {u"explain"_s, QStringList{u"explain"_s, u"--from"_s, busiest, u"--to"_s, rare} + db},
        };
        for (const auto &[label, command] : commands) {
            const Timed timed = runCli(command);
            std::printf("  %-32s %6lld ms%s\n", qPrintable(label), timed.ms, timed.ok ? "" : " (failed)");
        }
    }
    std::printf("peak memory of this process: %.0f MB\n", Testing::processMegabytes("VmHWM:"));
    return 0;
}
