// The cost of an analyst's edit and of its undo on a project of some size
// (issue 16: a merge of two entities with 10,000 mentions each, and its
// undo, each within 200 ms on a 3,000-entity project):
//
//   bench_curation [--entities N] [--mentions M] [--repeat R]
//
// Builds the project: synthetic articles (SyntheticNews) until it has N
// entities (default 3,000), then articles that name two more organisations
// M times each (default 10,000). Then merges the two and undoes the merge,
// R times (default 5), and prints the time of each, the changeset's size,
// and what a rename and a link and their undos take. Checks that each undo
// gives back both entities with their mentions.

#include "ProcessMemory.h"
#include "SyntheticNews.h"

#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Curator.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Statement.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    const QByteArray bytes = text.toUtf8();
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

qint64 integer(Database &database, const char *sql, qint64 value = 0)
{
    Statement query(database, sql);
    if (QByteArray(sql).contains("?1"))
        query.bind(1, value);
    return query.next() ? query.int64(0) : -1;
}

// An article naming both organisations in each of its `sentences` sentences.
QString busyArticle(int index, int sentences)
{
    QStringList lines;
    for (int i = 0; i < sentences; ++i) {
        lines.append(u"On day %1 of week %2, Varnholt Shipping Inc. said that Quesnel Energy Corp. had "
                     "delivered cargo number %3."_s.arg(i + 1).arg(index + 1).arg(index * sentences + i));
    }
    return u"Shipping report %1\n\n"_s.arg(index + 1) + lines.join(u' ') + u'\n';
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = application.arguments();
    int entities = 3000;
    int mentions = 10000;
    int repeat = 5;
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        const int value = arguments.at(i + 1).toInt();
        if (arguments.at(i) == u"--entities"_s)
            entities = value;
        else if (arguments.at(i) == u"--mentions"_s)
            mentions = value;
        else if (arguments.at(i) == u"--repeat"_s)
            repeat = value;
    }
    if (entities <= 0 || mentions <= 0 || repeat <= 0) {
        std::fprintf(stderr, "usage: bench_curation [--entities N] [--mentions M] [--repeat R]\n");
        return 2;
    }

    QTemporaryDir dir;
    Result<DocumentProcessor> processor
        = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), {}, bundledModelDirectory());
    if (!dir.isValid() || !processor) {
        std::fprintf(stderr, "cannot set up: %s\n", qPrintable(processor.error()));
        return 2;
    }
    const QString path = dir.filePath(u"project.newsgraph"_s);
    Result<Database> opened = Database::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 2;
    }
    Database &database = opened.value();
    Ingester ingester(database, *processor);

    QElapsedTimer building;
    building.start();
    const Testing::SyntheticNews news;
    quint64 next = 0;
    while (integer(database, "SELECT count(*) FROM entities") < entities) {
        QStringList files;
        for (int i = 0; i < 100; ++i, ++next) {
            const Testing::SyntheticArticle article = news.article(next);
            const QString file = dir.filePath(article.fileName);
            if (!writeFile(file, article.text))
                return 2;
            files.append(file);
        }
        ingester.ingest(files);
    }
    const int perArticle = 50;
    QStringList busy;
    for (int i = 0; i * perArticle < mentions; ++i) {
        const QString file = dir.filePath(u"busy-%1.txt"_s.arg(i, 5, 10, QChar(u'0')));
        if (!writeFile(file, busyArticle(i, perArticle)))
            return 2;
        busy.append(file);
    }
    ingester.ingest(busy);
    Repository repository(database);
    const Result<QList<qint64>> varnholt = repository.entitiesNamed(u"Varnholt Shipping Inc."_s);
    const Result<QList<qint64>> quesnel = repository.entitiesNamed(u"Quesnel Energy Corp."_s);
    if (!varnholt || !quesnel || varnholt->size() != 1 || quesnel->size() != 1) {
        std::fprintf(stderr, "the busy organisations were not found as one entity each\n");
        return 2;
    }
    const qint64 first = varnholt->first();
    const qint64 second = quesnel->first();
    const qint64 firstMentions = integer(database, "SELECT mention_count FROM entities WHERE id = ?1", first);
    const qint64 secondMentions = integer(database, "SELECT mention_count FROM entities WHERE id = ?1", second);
    std::printf("project: %lld documents, %lld entities, %lld mentions, %lld relations (built in %.1f s)\n",
                integer(database, "SELECT count(*) FROM documents"), integer(database, "SELECT count(*) FROM entities"),
                integer(database, "SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL"),
                integer(database, "SELECT count(*) FROM relations"), double(building.elapsed()) / 1000.0);
    std::printf("merging entities %lld (%lld mentions) and %lld (%lld mentions)\n", first, firstMentions, second,
                secondMentions);

    Curator curator(database);
    QList<double> merges;
    QList<double> undos;
    qint64 changesetBytes = 0;
    for (int run = 0; run < repeat; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Result<EditRecord> merged = curator.merge({first, second});
        merges.append(double(timer.nsecsElapsed()) / 1e6);
        if (!merged) {
            std::fprintf(stderr, "merge: %s\n", qPrintable(merged.error()));
            return 1;
        }
        changesetBytes = integer(database, "SELECT length(changes) FROM edits WHERE id = ?1", merged->id);
        if (integer(database, "SELECT mention_count FROM entities WHERE id = ?1", first) != firstMentions + secondMentions) {
            std::fprintf(stderr, "the merged entity does not have both entities' mentions\n");
            return 1;
        }
        timer.restart();
        const Result<EditRecord> undone = curator.undo();
        undos.append(double(timer.nsecsElapsed()) / 1e6);
        if (!undone) {
            std::fprintf(stderr, "undo: %s\n", qPrintable(undone.error()));
            return 1;
        }
        if (integer(database, "SELECT mention_count FROM entities WHERE id = ?1", first) != firstMentions
            || integer(database, "SELECT mention_count FROM entities WHERE id = ?1", second) != secondMentions) {
            std::fprintf(stderr, "the undo did not give both entities their mentions back\n");
            return 1;
        }
    }
    std::printf("merge: median %.1f ms, best %.1f ms; undo: median %.1f ms, best %.1f ms (%d runs); "
                "changeset %.1f kB\n",
                median(merges), *std::min_element(merges.cbegin(), merges.cend()), median(undos),
                *std::min_element(undos.cbegin(), undos.cend()), repeat, double(changesetBytes) / 1000.0);

    QElapsedTimer timer;
    timer.start();
    if (!curator.rename(first, u"Varnholt Shipping Group"_s))
        return 1;
    const double rename = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    if (!curator.undo())
        return 1;
    const double renameUndo = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    if (!curator.link(first, u"supplies"_s, second, std::nullopt, u"Seen in the port's records"_s))
        return 1;
    const double link = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    if (!curator.undo())
        return 1;
    const double linkUndo = double(timer.nsecsElapsed()) / 1e6;
    std::printf("rename %.1f ms, its undo %.1f ms; link with a note %.1f ms, its undo %.1f ms\n", rename, renameUndo,
                link, linkUndo);
    std::printf("peak memory %.0f MB\n", Testing::processMegabytes("VmHWM:"));
    return 0;
}
