#include "app/cli/CliTool.h"

#include "core/export/RecordJson.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/Evaluator.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Repository.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

const QCommandLineOption dbOption(u"db"_s, u"Project database file."_s, u"FILE"_s);
const QCommandLineOption jsonOption(u"json"_s, u"Print JSON instead of text."_s);
const QCommandLineOption docOption(u"doc"_s, u"Document id (see the documents command)."_s, u"ID"_s);
const QCommandLineOption limitOption(u"limit"_s, u"At most N results (default 100)."_s, u"N"_s, u"100"_s);
const QCommandLineOption goldOption(u"gold"_s, u"Folder of reference annotations (*.json)."_s,
                                    u"DIR"_s);
const QCommandLineOption docsOption(u"docs"_s, u"Folder of the articles they annotate."_s,
                                    u"DIR"_s);
const QCommandLineOption cooccurrenceOption(
    u"cooccurrence"_s,
    u"Also list mentioned_with edges (entities named in the same sentence), with their evidence count."_s);
const QCommandLineOption helpOption(QStringList{u"h"_s, u"help"_s}, u"Show this help."_s);

QString elided(const QString &text, int width)
{
    const QString simple = text.simplified();
    return simple.size() <= width ? simple : simple.left(width - 1) + u'…';
}

QString column(const QString &text, int width)
{
    return text.leftJustified(width) + u"  "_s;
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : u"-"_s;
}

} // namespace

CliTool::CliTool(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{
}

QList<CliTool::Command> CliTool::commands() const
{
    return {
        {u"ingest"_s, u"PATH..."_s,
         u"Read articles (.txt, .md, .html, .htm files or folders) into a database, creating it if needed."_s,
         {dbOption, jsonOption}, &CliTool::ingest},
        {u"stats"_s, QString(), u"Count documents, sentences, entities and relations."_s,
         {dbOption, jsonOption}, &CliTool::stats},
        {u"documents"_s, QString(), u"List the documents with their date, language and size."_s,
         {dbOption, jsonOption}, &CliTool::documents},
        {u"sentences"_s, QString(), u"List the sentences of a document with their character offsets."_s,
         {dbOption, docOption, jsonOption}, &CliTool::sentences},
        {u"text"_s, QString(), u"Print the stored text of a document (offsets index this text)."_s,
         {dbOption, docOption, jsonOption}, &CliTool::text},
        {u"search"_s, u"QUERY"_s,
         u"Full-text search over sentences: words, \"quoted phrases\", prefix*."_s,
         {dbOption, limitOption, jsonOption}, &CliTool::search},
        {u"entities"_s, QString(), u"List the entities with their aliases and mentions."_s,
         {dbOption, jsonOption}, &CliTool::entities},
        {u"relations"_s, QString(), u"List the relations with their evidence sentences."_s,
         {dbOption, cooccurrenceOption, jsonOption}, &CliTool::relations},
        {u"eval"_s, QString(),
         u"Score extraction against reference annotations (entity and relation F1, as score.py)."_s,
         {goldOption, docsOption, jsonOption}, &CliTool::evaluate},
    };
}

void CliTool::printUsage(QTextStream &stream) const
{
    stream << "Usage: " << m_program << " COMMAND [OPTIONS]\n\n"
           << "Builds and queries NewsGraph project databases from news articles.\n"
           << "Without --db, every command but ingest and eval works on the bundled sample "
              "corpus.\n\n"
           << "Commands:\n";
    for (const Command &command : commands())
        stream << "  " << command.name.leftJustified(11) << command.summary << '\n';
    stream << "\nRun '" << m_program << " COMMAND --help' for the options of a command.\n"
           << "Exit status: 0 success, 1 some inputs were skipped, 2 usage or fatal error.\n";
    stream.flush();
}

void CliTool::printCommandHelp(const Command &command) const
{
    m_out << "Usage: " << m_program << ' ' << command.name << " [OPTIONS]";
    if (!command.arguments.isEmpty())
        m_out << ' ' << command.arguments;
    m_out << "\n\n" << command.summary << "\n\nOptions:\n";
    QList<QCommandLineOption> options = command.options;
    options.append(helpOption);
    for (const QCommandLineOption &option : options) {
        QStringList names;
        for (const QString &name : option.names())
            names.append(name.size() == 1 ? u"-"_s + name : u"--"_s + name);
        QString synopsis = names.join(u", "_s);
        if (!option.valueName().isEmpty())
            synopsis += u' ' + option.valueName();
        m_out << "  " << synopsis.leftJustified(16) << ' ' << option.description() << '\n';
    }
    m_out.flush();
}

int CliTool::run(const QStringList &arguments)
{
    if (!arguments.isEmpty())
        m_program = QFileInfo(arguments.first()).fileName();
    if (arguments.size() < 2) {
        printUsage(m_err);
        return Failure;
    }
    const QString name = arguments.at(1);
    if (name == u"-h"_s || name == u"--help"_s || name == u"help"_s) {
        printUsage(m_out);
        return Success;
    }
    if (name == u"--version"_s || name == u"-v"_s) {
        m_out << m_program << ' ' << NEWSGRAPH_VERSION << '\n';
        m_out.flush();
        return Success;
    }

    const QList<Command> all = commands();
    const auto command = std::find_if(all.cbegin(), all.cend(),
                                      [&](const Command &c) { return c.name == name; });
    if (command == all.cend())
        return usageError(u"unknown command '%1'"_s.arg(name));
    m_commandName = command->name;

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(command->options);
    parser.addOption(helpOption);
    QStringList commandArguments = arguments.mid(1); // the parser skips the first entry
    if (!parser.parse(commandArguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        printCommandHelp(*command);
        return Success;
    }
    if (command->arguments.isEmpty() && !parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().first()));
    return (this->*command->handler)(parser);
}

int CliTool::fail(const QString &message)
{
    m_err << m_program << ": " << message << '\n';
    m_err.flush();
    return Failure;
}

int CliTool::usageError(const QString &message)
{
    m_err << m_program << ": " << message << '\n';
    if (m_commandName.isEmpty())
        m_err << "Run '" << m_program << " --help' for the list of commands.\n";
    else
        m_err << "Run '" << m_program << ' ' << m_commandName << " --help' for its options.\n";
    m_err.flush();
    return Failure;
}

void CliTool::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

const DocumentProcessor *CliTool::processor(const QString &userLexicon)
{
    if (!m_processor) {
        Result<DocumentProcessor> made
            = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), userLexicon);
        if (!made) {
            fail(made.error());
            return nullptr;
        }
        m_processor.emplace(std::move(made).value());
    }
    return &*m_processor;
}

std::optional<Database> CliTool::openDatabase(const QCommandLineParser &parser, bool create)
{
    if (!parser.isSet(dbOption)) {
        const DocumentProcessor *bundledProcessor = processor();
        if (!bundledProcessor)
            return std::nullopt;
        Result<Database> bundled = openBundledCorpus(*bundledProcessor);
        if (!bundled) {
            fail(bundled.error());
            return std::nullopt;
        }
        return std::move(bundled).value();
    }
    const QString path = parser.value(dbOption);
    if (!create && !QFileInfo::exists(path)) {
        fail(u"%1: no such database (create one with '%2 ingest --db %1 PATH...')"_s.arg(path, m_program));
        return std::nullopt;
    }
    Result<Database> database = Database::open(path);
    if (!database) {
        fail(database.error());
        return std::nullopt;
    }
    return std::move(database).value();
}

std::optional<qint64> CliTool::documentId(const QCommandLineParser &parser)
{
    if (!parser.isSet(docOption)) {
        usageError(u"--doc ID is required"_s);
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = parser.value(docOption).toLongLong(&ok);
    if (!ok || id <= 0) {
        usageError(u"--doc expects a document id (a positive number), not '%1'"_s.arg(parser.value(docOption)));
        return std::nullopt;
    }
    return id;
}

std::optional<DocumentRecord> CliTool::requestedDocument(const QCommandLineParser &parser,
                                                        std::optional<Database> &database)
{
    const std::optional<qint64> id = documentId(parser);
    if (!id)
        return std::nullopt;
    database = openDatabase(parser);
    if (!database)
        return std::nullopt;
    Result<std::optional<DocumentRecord>> document = Repository(*database).document(*id);
    if (!document) {
        fail(document.error());
        return std::nullopt;
    }
    if (!document.value())
        fail(u"no document with id %1 (see the documents command)"_s.arg(*id));
    return std::move(document).value();
}

int CliTool::ingest(const QCommandLineParser &parser)
{
    if (!parser.isSet(dbOption))
        return usageError(u"ingest needs --db FILE, the database to add the articles to"_s);
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(u"ingest needs at least one file or folder to read"_s);

    // The project's own lexicon, if it has one, lives next to its database.
    const DocumentProcessor *projectProcessor = processor(userLexiconFile(parser.value(dbOption)));
    if (!projectProcessor)
        return Failure;
    std::optional<Database> database = openDatabase(parser, /*create=*/true);
    if (!database)
        return Failure;

    Ingester ingester(*database, *projectProcessor);
    const IngestReport report = ingester.ingest(paths);

    for (const IngestMessage &warning : report.warnings)
        m_err << m_program << ": warning: " << warning.message << '\n';
    for (const IngestMessage &error : report.errors)
        m_err << m_program << ": skipped: " << error.message << '\n';
    m_err.flush();
    if (!report.fatalError.isEmpty())
        return fail(u"nothing was stored: "_s + report.fatalError);

    if (parser.isSet(jsonOption)) {
        QJsonArray skipped;
        for (const IngestMessage &error : report.errors)
            skipped.append(QJsonObject{{u"path"_s, error.path}, {u"reason"_s, error.message}});
        QJsonArray ids;
        for (qint64 id : report.addedDocumentIds)
            ids.append(id);
        printJson({{u"added"_s, report.added},
                   {u"duplicates"_s, report.duplicates},
                   {u"unreadable"_s, report.unreadable},
                   {u"failed"_s, report.failed},
                   {u"documentIds"_s, ids},
                   {u"skipped"_s, skipped}});
    } else {
        m_out << "Added " << report.added << (report.added == 1 ? " document" : " documents")
              << "; skipped " << report.duplicates << " as duplicates, " << report.unreadable
              << " as unreadable";
        if (report.failed > 0)
            m_out << ", " << report.failed << " that could not be stored";
        m_out << ".\n";
        m_out.flush();
    }
    return report.skipped() > 0 ? Partial : Success;
}

int CliTool::stats(const QCommandLineParser &parser)
{
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    const Result<StoreStatistics> statistics = Repository(*database).statistics();
    if (!statistics)
        return fail(statistics.error());
    if (parser.isSet(jsonOption)) {
        printJson(toJson(statistics.value()));
        return Success;
    }
    const StoreStatistics &s = statistics.value();
    QStringList languages;
    for (auto it = s.languages.cbegin(); it != s.languages.cend(); ++it)
        languages.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    m_out << "Database:   " << (database->path().isEmpty() ? u"bundled sample corpus (in memory)"_s : database->path()) << '\n'
          << "Documents:  " << s.documents;
    if (!languages.isEmpty())
        m_out << " (" << languages.join(u", "_s) << ')';
    m_out << '\n'
          << "Sentences:  " << s.sentences << '\n'
          << "Entities:   " << s.entities << " (" << s.aliases << " aliases, " << s.mentions << " mentions)\n"
          << "Attributes: " << s.attributes << " (amounts, quantities and dates)\n"
          << "Relations:  " << s.relations << " (" << s.evidence << " evidence sentences), plus "
          << s.cooccurrences << " co-occurrences\n";
    m_out.flush();
    return Success;
}

int CliTool::documents(const QCommandLineParser &parser)
{
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    const Result<QList<DocumentRecord>> documents = Repository(*database).documents();
    if (!documents)
        return fail(documents.error());
    if (parser.isSet(jsonOption)) {
        printJson({{u"documents"_s, toJsonArray(documents.value())}});
        return Success;
    }
    int fileWidth = 4;
    for (const DocumentRecord &document : documents.value())
        fileWidth = std::max(fileWidth, int(document.fileName.size()));
    m_out << column(u"ID"_s, 4) << column(u"DATE"_s, 10) << column(u"LANG"_s, 4)
          << column(u"SENT"_s, 5) << column(u"FILE"_s, fileWidth) << "TITLE\n";
    for (const DocumentRecord &document : documents.value()) {
        m_out << column(QString::number(document.id), 4) << column(dateText(document.date), 10)
              << column(document.language, 4) << column(QString::number(document.sentenceCount), 5)
              << column(document.fileName, fileWidth) << elided(document.title, 70) << '\n';
    }
    m_out.flush();
    return Success;
}

int CliTool::sentences(const QCommandLineParser &parser)
{
    std::optional<Database> database;
    const std::optional<DocumentRecord> document = requestedDocument(parser, database);
    if (!document)
        return Failure;
    Repository repository(*database);
    const Result<QList<SentenceRecord>> sentences = repository.sentences(document->id);
    if (!sentences)
        return fail(sentences.error());
    if (parser.isSet(jsonOption)) {
        printJson({{u"document"_s, document->fileName},
                   {u"documentId"_s, document->id},
                   {u"sentences"_s, toJsonArray(sentences.value())}});
        return Success;
    }
    for (const SentenceRecord &sentence : sentences.value()) {
        m_out << column(u"#%1"_s.arg(sentence.index), 4)
              << column(u"[%1, %2)"_s.arg(sentence.start).arg(sentence.end), 13)
              << sentence.text.simplified() << '\n';
    }
    m_out.flush();
    return Success;
}

int CliTool::text(const QCommandLineParser &parser)
{
    std::optional<Database> database;
    const std::optional<DocumentRecord> document = requestedDocument(parser, database);
    if (!document)
        return Failure;
    Repository repository(*database);
    const Result<QString> text = repository.documentText(document->id);
    if (!text)
        return fail(text.error());
    if (parser.isSet(jsonOption)) {
        QJsonObject object = toJson(*document);
        object.insert(u"text"_s, text.value());
        printJson(object);
    } else {
        m_out << text.value() << '\n';
        m_out.flush();
    }
    return Success;
}

int CliTool::search(const QCommandLineParser &parser)
{
    const QString query = parser.positionalArguments().join(u' ');
    if (query.trimmed().isEmpty())
        return usageError(u"search needs a QUERY"_s);
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit <= 0)
        return usageError(u"--limit expects a positive number, not '%1'"_s.arg(parser.value(limitOption)));
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    const Result<QList<SearchHit>> hits = Repository(*database).search(query, limit);
    if (!hits)
        return fail(hits.error());
    if (parser.isSet(jsonOption)) {
        printJson({{u"query"_s, query}, {u"results"_s, toJsonArray(hits.value())}});
        return Success;
    }
    for (const SearchHit &hit : hits.value()) {
        m_out << hit.fileName << " #" << hit.sentence.index << " [" << hit.sentence.start << ", "
              << hit.sentence.end << "): " << hit.snippet.simplified() << '\n';
    }
    m_out << hits->size() << (hits->size() == 1 ? " sentence" : " sentences") << " found.\n";
    m_out.flush();
    return Success;
}

int CliTool::entities(const QCommandLineParser &parser)
{
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    const Result<QList<EntityRecord>> entities = Repository(*database).entities();
    if (!entities)
        return fail(entities.error());
    if (parser.isSet(jsonOption)) {
        printJson({{u"entities"_s, toJsonArray(entities.value())}});
        return Success;
    }
    for (const EntityRecord &entity : entities.value()) {
        m_out << entity.name << " (" << entity.type << "): " << entity.mentionCount << " mentions in "
              << entity.documents.size() << " documents";
        if (entity.aliases.size() > 1)
            m_out << "; aliases: " << entity.aliases.join(u", "_s);
        m_out << '\n';
    }
    m_out << entities->size() << (entities->size() == 1 ? " entity" : " entities") << ".\n";
    m_out.flush();
    return Success;
}

int CliTool::relations(const QCommandLineParser &parser)
{
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    const bool withCooccurrence = parser.isSet(cooccurrenceOption);
    const Result<QList<RelationRecord>> relations
        = Repository(*database).relations(withCooccurrence);
    if (!relations)
        return fail(relations.error());
    if (parser.isSet(jsonOption)) {
        // The same shape either way; co-occurrences are told apart by their
        // predicate, and their evidence list is their evidence count.
        printJson({{u"relations"_s, toJsonArray(relations.value())}});
        return Success;
    }
    // Typed relations with their sentences, then co-occurrences one line
    // each: they are many, and their sentences are those of the entities.
    const QString cooccurrence = QString::fromUtf16(cooccurrencePredicate);
    int typed = 0;
    for (const RelationRecord &relation : relations.value()) {
        if (relation.predicate == cooccurrence)
            continue;
        ++typed;
        m_out << relation.subject << " -" << relation.predicate << "-> " << relation.object
              << " (confidence " << QString::number(relation.confidence, 'f', 2) << ")\n";
        for (const EvidenceRecord &evidence : relation.evidence)
            m_out << "    " << evidence.fileName << " [" << evidence.start << ", " << evidence.end
                  << "): " << elided(evidence.sentence, 100) << '\n';
    }
    const int cooccurrences = int(relations->size()) - typed;
    for (const RelationRecord &relation : relations.value()) {
        if (relation.predicate != cooccurrence)
            continue;
        const qsizetype count = relation.evidence.size();
        m_out << relation.subject << " -" << relation.predicate << "- " << relation.object << " ("
              << count << (count == 1 ? " sentence" : " sentences") << ")\n";
    }
    m_out << typed << (typed == 1 ? " relation" : " relations");
    if (withCooccurrence)
        m_out << ", " << cooccurrences << (cooccurrences == 1 ? " co-occurrence" : " co-occurrences");
    m_out << ".\n";
    m_out.flush();
    return Success;
}

int CliTool::evaluate(const QCommandLineParser &parser)
{
    if (!parser.isSet(goldOption) || !parser.isSet(docsOption))
        return usageError(
            u"eval needs --gold DIR (the annotations) and --docs DIR (the articles)"_s);
    // Like the reference scorer, which ingests each article into a fresh
    // database: the bundled lexicons only, no user lexicon.
    const DocumentProcessor *bundledProcessor = processor();
    if (!bundledProcessor)
        return Failure;
    const Result<Evaluation> evaluation
        = Evaluator(*bundledProcessor).evaluate(parser.value(goldOption), parser.value(docsOption));
    if (!evaluation)
        return fail(evaluation.error());

    if (parser.isSet(jsonOption)) {
        // Standard output stays JSON; failed articles are named on standard error.
        for (const DocumentScore &score : evaluation->documents) {
            if (!score.failure.isEmpty())
                m_err << score.document << ": FAILED: " << score.failure << '\n';
        }
        m_err.flush();
        printJson(evaluationJson(evaluation.value()));
        return Success;
    }
    for (const QString &line : evaluationReport(evaluation.value()))
        m_out << line << '\n';
    m_out.flush();
    return Success;
}

} // namespace NewsGraph
