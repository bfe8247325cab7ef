#pragma once

#include "core/common/Result.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/store/Database.h"
#include "core/store/Records.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

class QCommandLineParser;
class QJsonObject;

namespace NewsGraph {

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
    int documents(const QCommandLineParser &parser);
    int sentences(const QCommandLineParser &parser);
    int text(const QCommandLineParser &parser);
    int search(const QCommandLineParser &parser);
    int entities(const QCommandLineParser &parser);
    int relations(const QCommandLineParser &parser);
    int evaluate(const QCommandLineParser &parser);

    // The document processor of this command, made on first use from the
    // bundled lexicons and, when given and present, the user lexicon file.
    const DocumentProcessor *processor(const QString &userLexicon = {});

    // The database named by --db (which must exist unless `create`), or the
    // bundled sample corpus in memory when --db is absent.
    std::optional<Database> openDatabase(const QCommandLineParser &parser, bool create = false);
    std::optional<qint64> documentId(const QCommandLineParser &parser);
    // The document named by --doc, reporting a bad id or a missing document;
    // `database` is left open for further queries.
    std::optional<DocumentRecord> requestedDocument(const QCommandLineParser &parser,
                                                    std::optional<Database> &database);
    int fail(const QString &message);
    int usageError(const QString &message);
    void printJson(const QJsonObject &object);

    QTextStream &m_out;
    QTextStream &m_err;
    std::optional<DocumentProcessor> m_processor;
    QString m_program = QStringLiteral("newsgraph-cli");
    QString m_commandName;
};

} // namespace NewsGraph
