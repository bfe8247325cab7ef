#pragma once

#include "core/common/Result.h"
#include "core/graph/EntityGraph.h"
#include "core/graph/GraphMetrics.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/render/ImageExport.h"
#include "core/store/Database.h"
#include "core/store/Records.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

class QCommandLineParser;
class QJsonObject;

namespace NewsGraph {

class Curator;
class Repository;

// newsgraph-cli: the headless face of NewsGraph, thin over core. Each
// subcommand parses its own options, asks core for what it prints, and maps
// the outcome onto the documented exit codes.
class CliTool
{
public:
    enum ExitCode { Success = 0, Partial = 1, Failure = 2 };

    CliTool(QTextStream &out, QTextStream &err);

    // `arguments` as from QCoreApplication::arguments(): the program first.
    int run(const QStringList &arguments);

    // Whether long runs (ingest) show a progress line unless told not to
    // (--no-progress): main() turns it on when standard error is a terminal.
    void setProgressByDefault(bool on) { m_progressByDefault = on; }

private:
    struct Command
    {
        QString name;
        QString arguments; // positional synopsis, e.g. "PATH..."
        QString summary;
        QList<QCommandLineOption> options;
        int (CliTool::*handler)(const QCommandLineParser &);
    };

    QList<Command> commands() const;
    void printUsage(QTextStream &stream) const;
    void printCommandHelp(const Command &command) const;

    int ingest(const QCommandLineParser &parser);
    int stats(const QCommandLineParser &parser);
    int check(const QCommandLineParser &parser);
    int compact(const QCommandLineParser &parser);
    int documents(const QCommandLineParser &parser);
    int sentences(const QCommandLineParser &parser);
    int text(const QCommandLineParser &parser);
    int search(const QCommandLineParser &parser);
    int entities(const QCommandLineParser &parser);
    int relations(const QCommandLineParser &parser);
    int evaluate(const QCommandLineParser &parser);
    int metrics(const QCommandLineParser &parser);
    int path(const QCommandLineParser &parser);
    int explain(const QCommandLineParser &parser);
    int neighbors(const QCommandLineParser &parser);
    int layout(const QCommandLineParser &parser);
    int exportGraph(const QCommandLineParser &parser);
    int trainSyntax(const QCommandLineParser &parser);
    int trainNames(const QCommandLineParser &parser);
    int evaluateSyntax(const QCommandLineParser &parser);
    int parse(const QCommandLineParser &parser);
    int merge(const QCommandLineParser &parser);
    int split(const QCommandLineParser &parser);
    int rename(const QCommandLineParser &parser);
    int retype(const QCommandLineParser &parser);
    int alias(const QCommandLineParser &parser);
    int hide(const QCommandLineParser &parser);
    int link(const QCommandLineParser &parser);
    int unlink(const QCommandLineParser &parser);
    int note(const QCommandLineParser &parser);
    int notes(const QCommandLineParser &parser);
    int edits(const QCommandLineParser &parser);
    int undo(const QCommandLineParser &parser);

    // What `export --format png|svg|pdf` draws, from its options.
    struct ImageRequest
    {
        ImageFormat format = ImageFormat::Png;
        ImageOptions options;
        GraphStyle style;
        int width = 0;  // --width, 0 when not given
        int height = 0; // --height
    };
    std::optional<ImageRequest> imageRequest(const QCommandLineParser &parser, ImageFormat format);
    int exportImageFile(const ImageRequest &request, const EntityGraph &graph, const GraphMetrics &metrics,
                        const QHash<qint64, QPointF> &positions, const QSet<qint64> &pinned, const QString &out);

    // The document processor of this command, made on first use from the
    // bundled lexicons and, when given and present, the user lexicon file.
    const DocumentProcessor *processor(const QString &userLexicon = {});

    // What a command does with its database: reading commands work on a
    // project this user may not write (a read-only medium, another user's
    // file), writing ones need an existing project, ingest may create one.
    enum class Access { Read, Write, Create };
    // The database named by --db, or the bundled sample corpus in memory
    // when --db is absent.
    std::optional<Database> openDatabase(const QCommandLineParser &parser, Access access = Access::Read);
    std::optional<qint64> documentId(const QCommandLineParser &parser);
    // The document named by --doc, reporting a bad id or a missing document;
    // `database` is left open for further queries.
    std::optional<DocumentRecord> requestedDocument(const QCommandLineParser &parser,
                                                    std::optional<Database> &database);
    // What a graph command works on: the database, the whole stored graph
    // (co-occurrences only when the options show them: reading them is most
    // of the reading), and the part of it the filter options select.
    struct GraphView
    {
        Database database;
        GraphData stored;
        EntityGraph graph;
    };
    // Opens the database (see openDatabase) and builds the graph under the
    // filter options, reporting bad options and store errors.
    std::optional<GraphView> openGraph(const QCommandLineParser &parser, Access access = Access::Read);
    // --seed, reporting a value that is not one.
    std::optional<quint32> seed(const QCommandLineParser &parser);
    // --lang, a language with a bundled model; nullopt (after a usage
    // error) for another.
    std::optional<QString> modelLanguage(const QCommandLineParser &parser);
    // --iterations: 0 when not given (the trainer's default), nullopt
    // (after a usage error) when not a number from 1 to 1000.
    std::optional<int> trainingIterations(const QCommandLineParser &parser);
    // What a query about a few entities works on: the database and the
    // filter options; the graph is read only around those entities
    // (core/graph/LocalGraph.h).
    struct StoreView
    {
        Database database;
        GraphFilter filter;
    };
    // Opens the database (see openDatabase) and reads the filter options,
    // reporting bad options; reads no graph.
    std::optional<StoreView> openStore(const QCommandLineParser &parser);
    // The entity `name` (a name, an alias or an id) of the filtered graph
    // `graph` of `stored`; reports no match (with close names), an ambiguous
    // name or an entity the filter leaves out.
    std::optional<qint64> entityNamed(const GraphData &stored, const EntityGraph &graph, const QString &name);
    std::optional<qint64> entityNamed(const GraphView &view, const QString &name);
    // The same, found through the store's indexes (a name or alias written
    // as stored, else but for case, or an id) and checked against the
    // filter on the entities around it; only a name written otherwise
    // (accents) or none at all reads the whole graph, for its lookup and
    // close names.
    std::optional<qint64> entityNamed(StoreView &view, const QString &name);
    // The stored entity `name` (an id, a name or an alias) names, found
    // through the store's indexes without loading the graph; reports none
    // or several.
    std::optional<qint64> storedEntityNamed(const Repository &repository, const QString &name);
    // The two entities --from and --to name; nothing (the reason said) when
    // either names none or both name the same one.
    std::optional<std::pair<qint64, qint64>> endpointsNamed(const QCommandLineParser &parser, StoreView &view);
    // The project an edit changes: --db, which must exist (edits are kept
    // in it; the bundled sample is not one).
    std::optional<Database> openProjectToEdit(const QCommandLineParser &parser);
    // storedEntityNamed(), and for a name no entity has any more, where the
    // edits sent it ("merged into ...").
    std::optional<qint64> editedEntityNamed(Database &database, const QString &name);
    // The relation --predicate between --from and --to (either way round);
    // without --predicate, the only one between them.
    std::optional<qint64> relationNamed(Database &database, const QCommandLineParser &parser);
    // The id of sentence --sentence of document --doc; 0 when neither is
    // given, nullopt (reported) when they are wrong.
    std::optional<qint64> sentenceNamed(Database &database, const QCommandLineParser &parser);
    // An edit of the entity the first of `arguments` positional arguments
    // names (`usage` when there are not that many): made and reported.
    int editEntity(const QCommandLineParser &parser, qsizetype arguments, const QString &usage,
                   const std::function<Result<EditRecord>(Curator &, qint64)> &edit);
    // Prints a made or undone edit (text or --json) and maps the outcome.
    int reportEdit(const QCommandLineParser &parser, const Result<EditRecord> &edit, const char *verb);
    // Empty when everything written to the output reached it; else why not.
    QString outputError();
    int fail(const QString &message);
    int usageError(const QString &message);
    void printJson(const QJsonObject &object);

    QTextStream &m_out;
    QTextStream &m_err;
    std::optional<DocumentProcessor> m_processor;
    QString m_program = QStringLiteral("newsgraph-cli");
    QString m_commandName;
    bool m_progressByDefault = false;
};

} // namespace NewsGraph
