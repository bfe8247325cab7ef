#include "app/cli/CliTool.h"

#include "app/cli/GraphFilterOptions.h"
#include "app/cli/ProgressLine.h"

#include "core/export/GraphExporter.h"
#include "core/export/OutputFile.h"
#include "core/export/RecordJson.h"
#include "core/extract/Extraction.h"
#include "core/graph/EdgeStatements.h"
#include "core/graph/EntityLookup.h"
#include "core/graph/GraphLayout.h"
#include "core/graph/GraphMetrics.h"
#include "core/graph/LocalGraph.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/render/ImageExport.h"
#include "core/pipeline/Evaluator.h"
#include "core/pipeline/Ingester.h"
#include "core/extract/NameTyper.h"
#include "core/extract/SyntaxAnalyzer.h"
#include "core/store/Curator.h"
#include "core/store/Repository.h"
#include "core/syntax/SyntaxTraining.h"
#include "core/text/FileName.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileDevice>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <QSet>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

const QCommandLineOption dbOption(u"db"_s, u"Project database file."_s, u"FILE"_s);
const QCommandLineOption jsonOption(u"json"_s, u"Print JSON instead of text."_s);
const QCommandLineOption progressOption(u"progress"_s,
                                        u"Show how far the run is, its rate and ETA on standard error "
                                        "(the default when that is a terminal)."_s);
const QCommandLineOption noProgressOption(u"no-progress"_s, u"Show no progress line."_s);
const QCommandLineOption docOption(u"doc"_s, u"Document id (see the documents command)."_s, u"ID"_s);
const QCommandLineOption limitOption(u"limit"_s, u"At most N results (default 100)."_s, u"N"_s, u"100"_s);
const QCommandLineOption goldOption(u"gold"_s, u"Folder of reference annotations (*.json)."_s,
                                    u"DIR"_s);
const QCommandLineOption docsOption(u"docs"_s, u"Folder of the articles they annotate."_s,
                                    u"DIR"_s);
const QCommandLineOption cooccurrenceOption(
    u"cooccurrence"_s,
    u"Also list mentioned_with edges (entities named in the same sentence), with their evidence count."_s);
const QCommandLineOption entityOption(u"entity"_s,
                                      u"Only this entity's relations (name, alias or id), read without loading the "
                                      "rest of the project."_s,
                                      u"NAME"_s);
const QCommandLineOption fromEntityOption(u"from"_s, u"The entity the path starts from (name, alias or id)."_s,
                                          u"NAME"_s);
const QCommandLineOption toEntityOption(u"to"_s, u"The entity the path leads to (name, alias or id)."_s,
                                        u"NAME"_s);
const QCommandLineOption weightingOption(
    u"weighting"_s,
    u"hops: fewest intermediaries (default); evidence: prefer links stated in many sentences."_s,
    u"NAME"_s, u"hops"_s);
const QCommandLineOption hopsOption(u"hops"_s, u"How many links away (default 1)."_s, u"K"_s, u"1"_s);
const QCommandLineOption sortOption(
    u"sort"_s, u"Order by degree, weighted_degree, betweenness or pagerank (default)."_s, u"METRIC"_s,
    u"pagerank"_s);
const QCommandLineOption exactOption(u"exact"_s,
                                     u"Exact betweenness however long it takes (by default a large graph's is "
                                     u"estimated from a sample of sources)."_s);
const QCommandLineOption seedOption(u"seed"_s, u"Seed of the random choices (default 1): same seed, same result."_s,
                                    u"N"_s, u"1"_s);
const QCommandLineOption algorithmOption(u"algorithm"_s, u"Layout algorithm (default scalable)."_s, u"NAME"_s,
                                         u"scalable"_s);
const QCommandLineOption focusOption(u"focus"_s, u"Radial layout: the entity at the centre."_s, u"NAME"_s);
const QCommandLineOption freshOption(
    u"fresh"_s, u"Start from scratch instead of from the saved positions (pinned nodes still stay)."_s);
const QCommandLineOption formatOption(u"format"_s, u"graphml, gexf, csv, json, neo4j; or an image: png, svg, pdf."_s,
                                      u"FORMAT"_s);
const QCommandLineOption outOption(u"out"_s, u"Output file (graphml, gexf, json, png, svg, pdf) or folder (csv, neo4j)."_s,
                                   u"PATH"_s);
const QCommandLineOption scaleOption(u"scale"_s,
                                     u"png: pixels per layout unit (default 1; 2 for a high-density copy)."_s,
                                     u"FACTOR"_s);
const QCommandLineOption dpiOption(u"dpi"_s, u"png: resolution recorded in the file; pdf: resolution (default 96)."_s,
                                   u"N"_s);
const QCommandLineOption widthOption(u"width"_s, u"png: width in pixels; the graph is fitted in (with --height, exactly that size)."_s,
                                     u"PIXELS"_s);
const QCommandLineOption heightOption(u"height"_s, u"png: height in pixels."_s, u"PIXELS"_s);
const QCommandLineOption transparentOption(u"transparent"_s, u"png, svg: no background."_s);
const QCommandLineOption sizeByOption(u"size-by"_s,
                                      u"Images: node size by mentions (default), degree, pagerank or betweenness."_s,
                                      u"METRIC"_s, u"mentions"_s);
const QCommandLineOption colorByOption(u"color-by"_s, u"Images: node colour by type (default) or community."_s,
                                       u"NAME"_s, u"type"_s);
const QCommandLineOption legendOption(u"legend"_s, u"Images: draw the legend of shapes and colours."_s);
const QCommandLineOption languageOption(u"lang"_s, u"Language of the model: en or fr."_s, u"LANG"_s);
const QCommandLineOption trainOption(u"train"_s, u"CoNLL-U file to learn from (repeat for several)."_s, u"FILE"_s);
const QCommandLineOption devOption(u"dev"_s, u"CoNLL-U file to report the trained model's scores on."_s, u"FILE"_s);
const QCommandLineOption modelOutOption(u"out"_s, u"Model file to write."_s, u"FILE"_s);
const QCommandLineOption iterationsOption(u"iterations"_s,
                                          u"Training passes of the tagger and the parser (default 20, 15)."_s,
                                          u"N"_s);
const QCommandLineOption foldsOption(u"folds"_s,
                                     u"The parser learns from tags predicted by N taggers trained on the "
                                     u"other folds (default 4; 0: from the gold tags)."_s,
                                     u"N"_s, u"4"_s);
const QCommandLineOption noPruneOption(u"no-prune"_s,
                                       u"Keep every feature, even those whose weights decide nothing (for small "
                                       u"treebanks; the default drops them)."_s);
const QCommandLineOption tagFeaturesOption(u"tag-features"_s,
                                           u"Morphological features the tags carry besides UPOS, for all tags or "
                                           u"some: VerbForm,Number@NOUN+PRON (default none)."_s,
                                           u"SPEC"_s);
const QCommandLineOption attributionOption(u"attribution"_s,
                                           u"The treebanks and their licences, kept in the model."_s, u"TEXT"_s);
const QCommandLineOption modelOption(u"model"_s, u"Syntax model file."_s, u"FILE"_s);
const QCommandLineOption testOption(u"test"_s, u"CoNLL-U file with the reference analysis."_s, u"FILE"_s);
const QCommandLineOption sentenceOption(u"sentence"_s, u"Only sentence N of the document (see the sentences command)."_s,
                                        u"N"_s);
const QCommandLineOption nameOption(u"name"_s, u"merge: the merged entity's name (default: the first one's); "
                                                "split: the new entity's."_s,
                                    u"NAME"_s);
const QCommandLineOption typeOption(u"type"_s, u"Entity type: PERSON, ORG, PLACE, PRODUCT or EVENT."_s, u"TYPE"_s);
const QCommandLineOption aliasOption(u"alias"_s, u"A name of the entity that goes to the new one (repeat for several)."_s,
                                     u"NAME"_s);
const QCommandLineOption predicateOption(u"predicate"_s, u"The relation: partner_of, ceo_of, supplies, ..."_s,
                                         u"NAME"_s);
const QCommandLineOption linkSentenceOption(u"sentence"_s,
                                            u"With --doc: sentence N of the document (see the sentences command)."_s,
                                            u"N"_s);
const QCommandLineOption noteOption(u"note"_s, u"A note to keep with the link."_s, u"TEXT"_s);
const QCommandLineOption removeOption(u"remove"_s, u"Remove the name instead of adding it."_s);
const QCommandLineOption showOption(u"show"_s, u"Show the entity again instead of hiding it."_s);
const QCommandLineOption editOption(u"edit"_s, u"The edit to undo (default: the latest; see the edits command)."_s,
                                    u"N"_s);
const QCommandLineOption notesEntityOption(u"entity"_s, u"Only the notes of this entity (name, alias or id)."_s,
                                           u"NAME"_s);
const QCommandLineOption notesSearchOption(u"search"_s, u"Only the notes with these words."_s, u"QUERY"_s);
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
         {dbOption, jsonOption, progressOption, noProgressOption}, &CliTool::ingest},
        {u"stats"_s, QString(), u"Count documents, sentences, entities and relations."_s,
         {dbOption, jsonOption}, &CliTool::stats},
        {u"check"_s, QString(),
         u"Check that the database file is undamaged (reads all of it; ingest checks a big project only "
         u"before a big run)."_s,
         {dbOption, jsonOption}, &CliTool::check},
        {u"compact"_s, QString(),
         u"Rewrite the database file without its free space (ingest does it after a run that doubles "
         u"the file)."_s,
         {dbOption, jsonOption}, &CliTool::compact},
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
         {dbOption, entityOption, cooccurrenceOption, jsonOption}, &CliTool::relations},
        {u"metrics"_s, QString(),
         u"Rank the entities by degree, betweenness and PageRank; components and communities."_s,
         QList<QCommandLineOption>{dbOption, sortOption, limitOption, seedOption, exactOption, jsonOption}
             + graphFilterOptions(),
         &CliTool::metrics},
        {u"path"_s, QString(),
         u"How two entities are connected: each link with its predicates and source sentences."_s,
         QList<QCommandLineOption>{dbOption, fromEntityOption, toEntityOption, weightingOption, jsonOption}
             + graphFilterOptions(),
         &CliTool::path},
        {u"explain"_s, QString(),
         u"Why two entities are linked: each sentence with the rule that read it, its trigger and path, "
         u"and the confidence."_s,
         QList<QCommandLineOption>{dbOption, fromEntityOption, toEntityOption, jsonOption} + graphFilterOptions(),
         &CliTool::explain},
        {u"neighbors"_s, u"NAME"_s, u"The entities at most K links away from one entity."_s,
         QList<QCommandLineOption>{dbOption, hopsOption, jsonOption} + graphFilterOptions(), &CliTool::neighbors},
        {u"layout"_s, QString(),
         u"Lay the graph out and save the positions the explorer shows (pinned nodes stay)."_s,
         QList<QCommandLineOption>{dbOption, algorithmOption, seedOption, focusOption, freshOption, jsonOption}
             + graphFilterOptions(),
         &CliTool::layout},
        {u"export"_s, QString(),
         u"Write the graph with its metrics and positions as GraphML, GEXF, CSV, JSON or Neo4j import files, "
         u"or draw it as a PNG, SVG or PDF image."_s,
         QList<QCommandLineOption>{dbOption, formatOption, outOption, seedOption, scaleOption, dpiOption,
                                   widthOption, heightOption, transparentOption, sizeByOption, colorByOption,
                                   legendOption}
             + graphFilterOptions(),
         &CliTool::exportGraph},
        {u"eval"_s, QString(),
         u"Score extraction against reference annotations (entity and relation F1, as score.py)."_s,
         {goldOption, docsOption, jsonOption}, &CliTool::evaluate},
        {u"train-syntax"_s, QString(),
         u"Train a tagger, lemmatiser and dependency parser on Universal Dependencies treebanks."_s,
         {languageOption, trainOption, devOption, modelOutOption, iterationsOption, foldsOption, seedOption,
          noPruneOption, tagFeaturesOption, attributionOption},
         &CliTool::trainSyntax},
        {u"train-names"_s, QString(),
         u"Train the name typer (person, organisation, place or other for a name the lexicon does not know) "
         u"on treebanks with GUM's entity layer."_s,
         {languageOption, trainOption, devOption, modelOutOption, iterationsOption, seedOption, attributionOption},
         &CliTool::trainNames},
        {u"eval-syntax"_s, QString(),
         u"Score a syntax model on a treebank: UPOS, lemma, UAS and LAS with gold tokenisation."_s,
         {modelOption, testOption, jsonOption}, &CliTool::evaluateSyntax},
        {u"merge"_s, u"ENTITY ENTITY..."_s,
         u"Merge entities into the first one: mentions, names, links and notes move to it."_s,
         {dbOption, nameOption, typeOption, jsonOption}, &CliTool::merge},
        {u"split"_s, u"ENTITY"_s,
         u"Move some names of an entity, with their mentions and statements, to a new entity."_s,
         {dbOption, aliasOption, nameOption, typeOption, jsonOption}, &CliTool::split},
        {u"rename"_s, u"ENTITY NAME"_s, u"Give an entity another name; extraction keeps it."_s,
         {dbOption, jsonOption}, &CliTool::rename},
        {u"retype"_s, u"ENTITY TYPE"_s, u"Change an entity's type; extraction keeps it."_s,
         {dbOption, jsonOption}, &CliTool::retype},
        {u"alias"_s, u"ENTITY NAME"_s, u"Add a name an entity goes by (or --remove one)."_s,
         {dbOption, removeOption, jsonOption}, &CliTool::alias},
        {u"hide"_s, u"ENTITY"_s, u"Hide an entity from the graph (or --show it again)."_s,
         {dbOption, showOption, jsonOption}, &CliTool::hide},
        {u"link"_s, QString(),
         u"Add a link the articles do not state, optionally with a sentence that does and a note."_s,
         {dbOption, fromEntityOption, predicateOption, toEntityOption, docOption, linkSentenceOption, noteOption,
          jsonOption},
         &CliTool::link},
        {u"unlink"_s, QString(),
         u"Delete a link between two entities (or, with --doc and --sentence, one statement of it); "
         u"extraction does not bring it back."_s,
         {dbOption, fromEntityOption, predicateOption, toEntityOption, docOption, linkSentenceOption, jsonOption},
         &CliTool::unlink},
        {u"note"_s, u"TEXT"_s, u"Keep a note on an entity (--entity) or on a link (--from, --predicate, --to)."_s,
         {dbOption, notesEntityOption, fromEntityOption, predicateOption, toEntityOption, jsonOption},
         &CliTool::note},
        {u"notes"_s, QString(), u"List the notes, of one entity or with some words."_s,
         {dbOption, notesEntityOption, notesSearchOption, jsonOption}, &CliTool::notes},
        {u"edits"_s, QString(), u"List the edits made to the graph, oldest first."_s, {dbOption, jsonOption},
         &CliTool::edits},
        {u"undo"_s, QString(), u"Undo the latest edit (or --edit N)."_s, {dbOption, editOption, jsonOption},
         &CliTool::undo},
        {u"parse"_s, u"[TEXT...]"_s,
         u"Print the words of a text or of a stored document's sentences as CoNLL-U: lemma, part of speech, "
         u"head and relation, what the extraction rules see."_s,
         {dbOption, docOption, sentenceOption, languageOption, modelOption}, &CliTool::parse},
    };
}

void CliTool::printUsage(QTextStream &stream) const
{
    stream << "Usage: " << m_program << " COMMAND [OPTIONS]\n\n"
           << "Builds and queries NewsGraph project databases from news articles.\n"
           << "Without --db, every command but ingest and eval works on the bundled sample "
              "corpus.\n\n"
           << "Commands:\n";
    // The names in one column as wide as the longest and two spaces.
    qsizetype width = 0;
    for (const Command &command : commands())
        width = std::max(width, command.name.size());
    for (const Command &command : commands())
        stream << "  " << command.name.leftJustified(width + 2) << command.summary << '\n';
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
    // main() keeps bytes that are not UTF-8 (decodeFileName()) so that
    // ingest can read such article files; a database, lexicon or output
    // named that way would be opened under another name, so it is refused.
    for (const QCommandLineOption &option : command->options) {
        if (option.valueName().isEmpty() || !parser.isSet(option))
            continue;
        const QString value = parser.value(option);
        if (hasEscapedBytes(value))
            return usageError(u"--%1 %2: the name is not valid UTF-8; rename the file (only article files "
                              "to ingest may have such names)"_s.arg(option.names().constLast(),
                                                                    displayFileName(value)));
    }
    const int code = (this->*command->handler)(parser);
    // Output cut short (a full disk, a closed pipe) is a failure, whatever
    // the command itself thought of its work.
    if (const QString lost = outputError(); !lost.isEmpty())
        return fail(lost);
    return code;
}

QString CliTool::outputError()
{
    m_out.flush();
    QIODevice *device = m_out.device();
    auto *file = qobject_cast<QFileDevice *>(device);
    // QTextStream hands its text to the device, but a QFile opened on a
    // stdio stream keeps it in the stream's buffer until fflush(): only then
    // does a full disk show.
    if (file && !file->flush() && file->error() == QFileDevice::NoError)
        return u"cannot write the output"_s;
    if (m_out.status() == QTextStream::Ok && (!file || file->error() == QFileDevice::NoError))
        return {};
    const QString reason = file && file->error() != QFileDevice::NoError ? file->errorString()
        : device                                                          ? device->errorString()
                                                                          : QString();
    return reason.isEmpty() ? u"cannot write the output"_s
                            : u"cannot write the output: %1"_s.arg(reason);
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
            = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), userLexicon, bundledModelDirectory());
        if (!made) {
            fail(made.error());
            return nullptr;
        }
        m_processor.emplace(std::move(made).value());
    }
    return &*m_processor;
}

std::optional<Database> CliTool::openDatabase(const QCommandLineParser &parser, Access access)
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
    if (access != Access::Create && !QFileInfo::exists(path)) {
        fail(u"%1: no such database (create one with '%2 ingest --db %1 PATH...')"_s.arg(path, m_program));
        return std::nullopt;
    }
    Result<Database> database = Database::open(
        path, access == Access::Read ? Database::OpenMode::WritableIfPossible : Database::OpenMode::ReadWrite);
    if (!database) {
        fail(database.error());
        return std::nullopt;
    }
    return std::move(database).value();
}

std::optional<CliTool::GraphView> CliTool::openGraph(const QCommandLineParser &parser, Access access)
{
    const Result<GraphFilter> filter = graphFilterFrom(parser);
    if (!filter) {
        usageError(filter.error());
        return std::nullopt;
    }
    std::optional<Database> database = openDatabase(parser, access);
    if (!database)
        return std::nullopt;
    Result<GraphData> stored = Repository(*database).graphData(filter->includeCooccurrence);
    if (!stored) {
        fail(stored.error());
        return std::nullopt;
    }
    EntityGraph graph = EntityGraph::build(*stored, *filter);
    return GraphView{std::move(*database), std::move(stored).value(), std::move(graph)};
}

std::optional<quint32> CliTool::seed(const QCommandLineParser &parser)
{
    bool ok = false;
    const quint32 value = parser.value(seedOption).toUInt(&ok);
    if (!ok) {
        usageError(u"--seed expects a number (0 to 4294967295), not '%1'"_s.arg(parser.value(seedOption)));
        return std::nullopt;
    }
    return value;
}

std::optional<QString> CliTool::modelLanguage(const QCommandLineParser &parser)
{
    const QString language = parser.value(languageOption);
    if (!SyntaxAnalyzer::bundledLanguages().contains(language)) {
        usageError(u"--lang expects en or fr, not '%1'"_s.arg(language));
        return std::nullopt;
    }
    return language;
}

std::optional<int> CliTool::trainingIterations(const QCommandLineParser &parser)
{
    if (!parser.isSet(iterationsOption))
        return 0;
    bool ok = false;
    const int iterations = parser.value(iterationsOption).toInt(&ok);
    if (!ok || iterations < 1 || iterations > 1000) {
        usageError(u"--iterations expects a number from 1 to 1000, not '%1'"_s.arg(parser.value(iterationsOption)));
        return std::nullopt;
    }
    return iterations;
}

namespace {

// The nodes of two stored entities of a known type, `first`'s first.
Result<std::pair<GraphNode, GraphNode>> nodesOf(const Repository &repository, qint64 first, qint64 second)
{
    const Result<QList<GraphNode>> nodes = repository.graphNodes({first, second}, true);
    if (!nodes)
        return Error{nodes.error()};
    if (nodes->size() != 2)
        return Error{u"entities %1 and %2 are not both in the project"_s.arg(first).arg(second)};
    const bool inOrder = nodes->at(0).entityId == first;
    return std::pair{nodes->at(inOrder ? 0 : 1), nodes->at(inOrder ? 1 : 0)};
}

} // namespace

std::optional<CliTool::StoreView> CliTool::openStore(const QCommandLineParser &parser)
{
    Result<GraphFilter> filter = graphFilterFrom(parser);
    if (!filter) {
        usageError(filter.error());
        return std::nullopt;
    }
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return std::nullopt;
    return StoreView{std::move(*database), std::move(filter).value()};
}

std::optional<qint64> CliTool::entityNamed(const GraphView &view, const QString &name)
{
    return entityNamed(view.stored, view.graph, name);
}

std::optional<qint64> CliTool::entityNamed(StoreView &view, const QString &name)
{
    const Repository repository(view.database);
    const Result<QList<qint64>> ids = repository.entitiesNamed(name);
    if (!ids) {
        fail(ids.error());
        return std::nullopt;
    }
    const QSet<qint64> named(ids->cbegin(), ids->cend());
    // Those of the named the filter keeps: judged on their own, or with all
    // their edges when the filter leaves out entities without one.
    Result<GraphData> around = GraphData();
    if (!view.filter.includeUnlinked) {
        Repository::LocalReading reading;
        reading.cooccurrence = view.filter.includeCooccurrence;
        around = repository.graphDataAround(named, reading);
    } else if (Result<QList<GraphNode>> nodes = repository.graphNodes(named, true); nodes) {
        around = GraphData{std::move(nodes).value(), {}};
    } else {
        around = Error{nodes.error()};
    }
    if (!around) {
        fail(around.error());
        return std::nullopt;
    }
    const EntityGraph graph = EntityGraph::build(*around, view.filter);
    QList<GraphNode> candidates, kept;
    for (const GraphNode &node : around->nodes) {
        if (!named.contains(node.entityId))
            continue;
        candidates.append(node);
        if (graph.indexOf(node.entityId) >= 0)
            kept.append(node);
    }
    if (candidates.isEmpty()) {
        // Spelt otherwise or not at all (or of a type this version does
        // not know): the lookup over every entity says which, or what is
        // close.
        Result<GraphData> stored = repository.graphData(view.filter.includeCooccurrence);
        if (!stored) {
            fail(stored.error());
            return std::nullopt;
        }
        return entityNamed(*stored, EntityGraph::build(*stored, view.filter), name);
    }
    // Then as over the whole graph (a name before an alias; an ambiguous
    // name or one the filter leaves out said the same way), among the
    // named: the kept ones have passed the filter already.
    GraphFilter keepAll;
    keepAll.includeHidden = true;
    return entityNamed(GraphData{candidates, {}}, EntityGraph::build(GraphData{kept, {}}, keepAll), name);
}

std::optional<qint64> CliTool::entityNamed(const GraphData &stored, const EntityGraph &graph, const QString &name)
{
    const QList<GraphNode> &nodes = graph.nodes();
    const auto describe = [](const GraphNode &node) {
        return u"%1 (%2, id %3)"_s.arg(node.name, typeName(node.type)).arg(node.entityId);
    };
    bool isId = false;
    const qint64 id = name.toLongLong(&isId);
    if (isId && graph.indexOf(id) >= 0)
        return id;

    const EntityLookup lookup = lookUpEntity(nodes, name);
    if (lookup.matches.size() == 1)
        return nodes.at(lookup.matches.first()).entityId;
    if (lookup.matches.size() > 1) {
        QStringList candidates;
        for (qsizetype i : lookup.matches)
            candidates.append(describe(nodes.at(i)));
        fail(u"'%1' is ambiguous: %2; give the id instead"_s.arg(name, candidates.join(u"; "_s)));
        return std::nullopt;
    }
    // Not in the filtered graph: say so if the whole graph has it, by name,
    // alias or id.
    EntityLookup whole = lookUpEntity(stored.nodes, name);
    for (qsizetype i = 0; isId && whole.matches.isEmpty() && i < stored.nodes.size(); ++i) {
        if (stored.nodes.at(i).entityId == id)
            whole.matches.append(i);
    }
    if (!whole.matches.isEmpty()) {
        const GraphNode &node = stored.nodes.at(whole.matches.first());
        fail(u"%1 is left out by the options%2"_s.arg(
            describe(node), node.hidden ? u" (it is hidden; add --hidden)"_s : QString()));
        return std::nullopt;
    }
    QStringList close;
    for (qsizetype i : lookup.suggestions)
        close.append(nodes.at(i).name);
    fail(close.isEmpty() ? u"no entity named '%1' (see the entities command)"_s.arg(name)
                         : u"no entity named '%1'; did you mean %2?"_s.arg(name, close.join(u", "_s)));
    return std::nullopt;
}

std::optional<qint64> CliTool::storedEntityNamed(const Repository &repository, const QString &name)
{
    const Result<QList<qint64>> ids = repository.entitiesNamed(name);
    if (!ids) {
        fail(ids.error());
        return std::nullopt;
    }
    if (ids->size() == 1)
        return ids->first();
    if (ids->isEmpty()) {
        fail(u"no entity named '%1' (see the entities command)"_s.arg(name));
        return std::nullopt;
    }
    QStringList candidates;
    for (qint64 id : *ids)
        candidates.append(QString::number(id));
    fail(u"'%1' names %2 entities (ids %3); give the id instead"_s.arg(name).arg(ids->size()).arg(candidates.join(u", "_s)));
    return std::nullopt;
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
    std::optional<Database> database = openDatabase(parser, Access::Create);
    if (!database)
        return Failure;

    if (parser.isSet(progressOption) && parser.isSet(noProgressOption))
        return usageError(u"--progress and --no-progress contradict each other"_s);
    const bool showProgress = parser.isSet(progressOption) || (m_progressByDefault && !parser.isSet(noProgressOption));
    ProgressLine progressLine(m_err);
    Ingester::Progress progress;
    if (showProgress) {
        progress = [&progressLine](int done, int total, const QString &path) {
            progressLine.update(done, total, QFileInfo(path).fileName());
        };
    }
    Ingester ingester(*database, *projectProcessor);
    const IngestReport report = ingester.ingest(paths, progress);
    progressLine.finish();

    for (const IngestMessage &warning : report.warnings)
        m_err << m_program << ": warning: " << warning.message << '\n';
    for (const IngestMessage &error : report.errors)
        m_err << m_program << ": skipped: " << error.message << '\n';
    m_err.flush();
    if (!report.fatalError.isEmpty()) {
        if (!report.partlyStored())
            return fail(u"nothing was stored: "_s + report.fatalError);
        // A run larger than one part (see Ingester): say exactly what stayed.
        m_err << m_program << ": " << report.fatalError << '\n'
              << m_program << ": the run stopped; the last part was not stored, but "
              << report.added << (report.added == 1 ? " document" : " documents")
              << " of its earlier parts were:\n";
        for (const QString &stored : report.addedPaths)
            m_err << "  " << QDir::toNativeSeparators(stored) << '\n';
        m_err.flush();
        return Failure;
    }

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

int CliTool::check(const QCommandLineParser &parser)
{
    if (!parser.isSet(dbOption))
        return usageError(u"check needs --db FILE, the database to check"_s);
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    QElapsedTimer timer;
    timer.start();
    const Result<void> checked = database->checkIntegrity();
    const double seconds = double(timer.elapsed()) / 1000.0;
    if (parser.isSet(jsonOption)) {
        printJson({{u"database"_s, database->path()},
                   {u"ok"_s, checked.ok()},
                   {u"problem"_s, checked.ok() ? QJsonValue() : QJsonValue(checked.error())},
                   {u"seconds"_s, seconds}});
        return checked ? Success : Failure;
    }
    if (!checked)
        return fail(checked.error());
    m_out << database->path() << ": no damage found (" << QString::number(seconds, 'f', 2) << " s)\n";
    m_out.flush();
    return Success;
}

int CliTool::compact(const QCommandLineParser &parser)
{
    if (!parser.isSet(dbOption))
        return usageError(u"compact needs --db FILE, the database to compact"_s);
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    const Result<qint64> sizeBefore = database->size();
    if (!sizeBefore)
        return fail(sizeBefore.error());
    QElapsedTimer timer;
    timer.start();
    if (const Result<void> compacted = database->compact(); !compacted)
        return fail(compacted.error());
    const double seconds = double(timer.elapsed()) / 1000.0;
    const Result<qint64> sizeAfter = database->size();
    if (!sizeAfter)
        return fail(sizeAfter.error());
    if (parser.isSet(jsonOption)) {
        printJson({{u"database"_s, database->path()},
                   {u"bytes_before"_s, *sizeBefore},
                   {u"bytes_after"_s, *sizeAfter},
                   {u"seconds"_s, seconds}});
        return Success;
    }
    m_out << database->path() << ": " << QString::number(double(*sizeBefore) / 1e6, 'f', 1) << " MB -> "
          << QString::number(double(*sizeAfter) / 1e6, 'f', 1) << " MB (" << QString::number(seconds, 'f', 2)
          << " s)\n";
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
    const Repository repository(*database);
    Result<QList<RelationRecord>> relations = QList<RelationRecord>();
    if (parser.isSet(entityOption)) {
        const std::optional<qint64> entity = storedEntityNamed(repository, parser.value(entityOption));
        if (!entity)
            return Failure;
        relations = repository.relationsOf(*entity, withCooccurrence);
    } else {
        relations = repository.relations(withCooccurrence);
    }
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
              << (relation.manual ? " (added by the analyst)\n"
                                  : " (confidence " + QString::number(relation.confidence, 'f', 2) + ")\n");
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

namespace {

// The sentences of the CoNLL-U files `paths`, one after the other.
Result<QList<ConlluSentence>> readTreebanks(const QStringList &paths)
{
    QList<ConlluSentence> sentences;
    for (const QString &path : paths) {
        Result<QList<ConlluSentence>> read = readConlluFile(path);
        if (!read)
            return Error{read.error()};
        sentences.append(std::move(read).value());
    }
    return sentences;
}

QString percent(double share)
{
    return QString::number(100.0 * share, 'f', 2);
}

QStringList syntaxScoreLines(const SyntaxScores &scores)
{
    return {u"words %1"_s.arg(scores.words), u"UPOS  %1"_s.arg(percent(scores.upos())),
            u"lemma %1"_s.arg(percent(scores.lemmas())), u"UAS   %1"_s.arg(percent(scores.uas())),
            u"LAS   %1"_s.arg(percent(scores.las()))};
}

} // namespace

namespace {

// A trained model's bytes to `path`, whole or not at all.
Result<void> writeModelFile(const QString &path, const QByteArray &bytes)
{
    return writeAtomically(path, [&bytes](QIODevice &device) -> Result<void> {
        device.write(bytes);
        return {};
    });
}

} // namespace

int CliTool::trainSyntax(const QCommandLineParser &parser)
{
    if (!parser.isSet(languageOption) || !parser.isSet(trainOption) || !parser.isSet(modelOutOption))
        return usageError(u"train-syntax needs --lang LANG, --train FILE and --out FILE"_s);
    const std::optional<QString> language = modelLanguage(parser);
    const std::optional<quint32> trainingSeed = language ? seed(parser) : std::nullopt;
    const std::optional<int> iterations = trainingSeed ? trainingIterations(parser) : std::nullopt;
    if (!iterations)
        return Failure;
    SyntaxTrainingOptions options;
    options.language = *language;
    options.attribution = parser.value(attributionOption);
    options.tagger.seed = *trainingSeed;
    options.parser.seed = *trainingSeed;
    if (*iterations > 0) {
        options.tagger.iterations = *iterations;
        options.parser.iterations = *iterations;
    }
    bool foldsOk = false;
    options.jackknifeFolds = parser.value(foldsOption).toInt(&foldsOk);
    if (!foldsOk || options.jackknifeFolds < 0 || options.jackknifeFolds == 1 || options.jackknifeFolds > 20)
        return usageError(u"--folds expects 0 or a number from 2 to 20, not '%1'"_s.arg(parser.value(foldsOption)));

    if (parser.isSet(tagFeaturesOption)) {
        Result<FineTags> fineTags = FineTags::fromSpecification(parser.value(tagFeaturesOption));
        if (!fineTags)
            return usageError(u"--tag-features: %1"_s.arg(fineTags.error()));
        options.fineTags = std::move(fineTags).value();
    }
    if (parser.isSet(noPruneOption)) {
        options.taggerPruneThreshold = 0.0f;
        options.parserPruneThreshold = 0.0f;
    }

    const Result<QList<ConlluSentence>> training = readTreebanks(parser.values(trainOption));
    if (!training)
        return fail(training.error());
    if (training->isEmpty())
        return fail(u"the training files hold no sentences"_s);
    // Read the dev file before hours of training, not after.
    QList<ConlluSentence> dev;
    if (parser.isSet(devOption)) {
        Result<QList<ConlluSentence>> read = readTreebanks(parser.values(devOption));
        if (!read)
            return fail(read.error());
        dev = std::move(read).value();
    }

    QElapsedTimer clock;
    clock.start();
    const SyntaxModel model = trainSyntaxModel(*training, options, [&](const QString &step) {
        m_err << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s: training the " << step << '\n';
        m_err.flush();
    });
    const QByteArray bytes = serializeSyntaxModel(model);
    const QString out = parser.value(modelOutOption);
    if (const Result<void> written = writeModelFile(out, bytes); !written)
        return fail(written.error());
    m_out << "wrote " << out << ": " << bytes.size() << " bytes, " << model.tagger.featureCount()
          << " tagger and " << model.parser.featureCount() << " parser features, trained in "
          << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s\n";
    if (!dev.isEmpty()) {
        m_out << "on " << parser.values(devOption).join(u", "_s) << ":\n";
        for (const QString &line : syntaxScoreLines(evaluateSyntaxModel(model, dev)))
            m_out << "  " << line << '\n';
    }
    m_out.flush();
    return Success;
}

int CliTool::trainNames(const QCommandLineParser &parser)
{
    if (!parser.isSet(languageOption) || !parser.isSet(trainOption) || !parser.isSet(modelOutOption))
        return usageError(u"train-names needs --lang LANG, --train FILE and --out FILE"_s);
    const std::optional<QString> language = modelLanguage(parser);
    const std::optional<quint32> trainingSeed = language ? seed(parser) : std::nullopt;
    const std::optional<int> iterations = trainingSeed ? trainingIterations(parser) : std::nullopt;
    if (!iterations)
        return Failure;
    NameTyper::TrainingOptions options;
    options.seed = *trainingSeed;
    if (*iterations > 0)
        options.iterations = *iterations;
    const Result<QList<ConlluSentence>> training = readTreebanks(parser.values(trainOption));
    if (!training)
        return fail(training.error());
    QList<NameTyper::Example> examples = NameTyper::examplesFromTreebank(*training);
    if (examples.isEmpty())
        return fail(u"the training files hold no names with an entity type (GUM's Entity= annotations)"_s);
    const qsizetype treebankNames = examples.size();
    const Result<Lexicon> lexicon = Lexicon::fromDirectory(bundledLexiconDirectory());
    if (!lexicon)
        return fail(lexicon.error());
    examples += NameTyper::examplesFromLexicon(*lexicon);
    QList<NameTyper::Example> dev;
    if (parser.isSet(devOption)) {
        const Result<QList<ConlluSentence>> read = readTreebanks(parser.values(devOption));
        if (!read)
            return fail(read.error());
        dev = NameTyper::examplesFromTreebank(*read);
    }
    NameTyper typer = NameTyper::train(examples, options);
    typer.setLanguage(*language);
    typer.setAttribution(parser.value(attributionOption));
    typer.calibrate(dev);
    const QByteArray bytes = typer.serialize();
    const QString out = parser.value(modelOutOption);
    if (const Result<void> written = writeModelFile(out, bytes); !written)
        return fail(written.error());
    m_out << "wrote " << out << ": " << bytes.size() << " bytes, " << typer.featureCount() << " features from "
          << treebankNames << " names in the treebanks and " << examples.size() - treebankNames
          << " in the lexicon\n";
    if (!dev.isEmpty())
        m_out << "on " << parser.values(devOption).join(u", "_s) << ": " << dev.size() << " names, "
              << QString::number(100.0 * nameTypingAccuracy(typer, dev), 'f', 2)
              << "% typed right; scores divided by " << typer.temperature() << " (calibrated on them)\n";
    m_out.flush();
    return Success;
}

int CliTool::evaluateSyntax(const QCommandLineParser &parser)
{
    if (!parser.isSet(modelOption) || !parser.isSet(testOption))
        return usageError(u"eval-syntax needs --model FILE and --test FILE"_s);
    QElapsedTimer clock;
    clock.start();
    const Result<SyntaxModel> model = readSyntaxModelFile(parser.value(modelOption));
    if (!model)
        return fail(model.error());
    const qint64 loadMilliseconds = clock.elapsed();
    const Result<QList<ConlluSentence>> test = readConlluFile(parser.value(testOption));
    if (!test)
        return fail(test.error());
    clock.restart();
    const SyntaxScores scores = evaluateSyntaxModel(*model, *test);
    const double seconds = std::max(clock.elapsed(), qint64(1)) / 1000.0;
    if (parser.isSet(jsonOption)) {
        printJson({{u"model"_s, parser.value(modelOption)},
                   {u"test"_s, parser.value(testOption)},
                   {u"words"_s, scores.words},
                   {u"upos"_s, scores.upos()},
                   {u"lemma"_s, scores.lemmas()},
                   {u"uas"_s, scores.uas()},
                   {u"las"_s, scores.las()}});
        return Success;
    }
    m_out << parser.value(testOption) << " with " << parser.value(modelOption) << " (loaded in "
          << loadMilliseconds << " ms, " << qRound64(scores.words / seconds) << " words/s):\n";
    for (const QString &line : syntaxScoreLines(scores))
        m_out << "  " << line << '\n';
    m_out.flush();
    return Success;
}

int CliTool::parse(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty() == !parser.isSet(docOption))
        return usageError(u"parse needs a text or --doc ID (with --db FILE, or the sample corpus without)"_s);
    if (parser.isSet(languageOption) && !SyntaxAnalyzer::bundledLanguages().contains(parser.value(languageOption)))
        return usageError(u"--lang expects en or fr, not '%1'"_s.arg(parser.value(languageOption)));
    std::optional<int> onlySentence;
    if (parser.isSet(sentenceOption)) {
        bool ok = false;
        onlySentence = parser.value(sentenceOption).toInt(&ok);
        if (!ok || *onlySentence < 0)
            return usageError(u"--sentence expects a sentence number (0, 1, ...), not '%1'"_s.arg(
                parser.value(sentenceOption)));
    }

    // The text, its language, its sentences, and the names in it: what the
    // relation rules see is the tree parsed with those names tagged PROPN.
    struct Name
    {
        int start = 0;
        int end = 0;
        QString entity;
        bool properName = true; // a name, not a description ("the company")
    };
    QString text;
    QString language;
    QList<Sentence> sentences;
    QList<Name> names;
    const DocumentProcessor *textProcessor = processor();
    if (!textProcessor)
        return Failure;
    if (parser.isSet(docOption)) {
        std::optional<Database> database;
        const std::optional<DocumentRecord> document = requestedDocument(parser, database);
        if (!document)
            return Failure;
        Repository repository(*database);
        Result<QString> stored = repository.documentText(document->id);
        if (!stored)
            return fail(stored.error());
        const Result<QList<SentenceRecord>> records = repository.sentences(document->id);
        if (!records)
            return fail(records.error());
        text = std::move(stored).value();
        language = document->language;
        for (const SentenceRecord &record : records.value())
            sentences.append(Sentence{record.start, record.end});
        const Result<QList<MentionRecord>> mentions = repository.mentions(document->id);
        if (!mentions)
            return fail(mentions.error());
        for (const MentionRecord &mention : *mentions) {
            if (mention.entityId != 0 && !mention.resolved)
                names.append(Name{mention.start, mention.end, mention.entityName,
                                  isNameMention(mention.surface, textProcessor->lexicon())});
        }
    } else {
        Document document;
        document.text = words.join(u' ');
        document.language = parser.value(languageOption);
        ProcessedDocument processed = textProcessor->process(std::move(document));
        text = processed.document.text;
        language = processed.document.language;
        sentences = processed.sentences;
        for (const ExtractedEntity &entity : std::as_const(processed.extraction.entities)) {
            for (const EntityMention &mention : entity.mentions)
                names.append(Name{mention.start, mention.end, entity.name,
                                  isNameMention(mention.surface, textProcessor->lexicon())});
        }
    }
    if (parser.isSet(languageOption))
        language = parser.value(languageOption);
    if (onlySentence && *onlySentence >= sentences.size())
        return fail(u"there is no sentence %1: the text has %2 (0 to %3)"_s.arg(*onlySentence)
                        .arg(sentences.size())
                        .arg(sentences.size() - 1));

    SyntaxAnalyzer analyzer;
    if (parser.isSet(modelOption)) {
        Result<SyntaxModel> model = readSyntaxModelFile(parser.value(modelOption));
        if (!model)
            return fail(model.error());
        analyzer = SyntaxAnalyzer::withModel(std::move(model).value());
    } else {
        // The models the processor loaded: the ones extraction parses with.
        if (!textProcessor->syntaxAnalyzer().model(language))
            return fail(u"no syntax model for the language '%1'; give --lang en or fr"_s.arg(language));
        analyzer = textProcessor->syntaxAnalyzer();
    }

    for (qsizetype i = 0; i < sentences.size(); ++i) {
        if (onlySentence && i != *onlySentence)
            continue;
        const Sentence &sentence = sentences.at(i);
        QList<std::pair<int, int>> spans;
        QList<const Name *> inSentence;
        for (const Name &name : std::as_const(names)) {
            if (name.start < sentence.start || name.end > sentence.end)
                continue;
            inSentence.append(&name);
            if (name.properName)
                spans.append({name.start, name.end});
        }
        SentenceSyntax syntax = analyzer.analyse(text, sentence, language, spans);
        syntax.words.comments = {u"sent_id = %1"_s.arg(i),
                                 u"text = %1"_s.arg(QStringView(text).sliced(sentence.start, sentence.length())
                                                        .toString()
                                                        .simplified())};
        // Which words name which entity: "Visa 6; Silicon Valley 12-13".
        QStringList named;
        for (const Name *name : std::as_const(inSentence)) {
            int first = 0, last = 0;
            for (qsizetype w = 0; w < syntax.tokenOfWord.size(); ++w) {
                const int token = syntax.tokenOfWord[w];
                if (token < 0 || token >= syntax.tokens.size() || syntax.tokens[token].start < name->start
                    || syntax.tokens[token].start >= name->end)
                    continue;
                first = first == 0 ? int(w) + 1 : first;
                last = int(w) + 1;
            }
            if (first > 0)
                named.append(first == last ? u"%1 %2"_s.arg(name->entity).arg(first)
                                           : u"%1 %2-%3"_s.arg(name->entity).arg(first).arg(last));
        }
        if (!named.isEmpty())
            syntax.words.comments.append(u"entities = %1"_s.arg(named.join(u"; "_s)));
        m_out << toConllu(syntax.words);
    }
    m_out.flush();
    return Success;
}

namespace {

// How a predicate of an edge reads along a hop from `from`: "-ceo_of->" when
// `from` is its subject, "<-ceo_of-" when it is the object, "-partner_of-"
// for a symmetric predicate.
QStringList predicatesAlong(const GraphEdge &edge, qint64 from)
{
    QStringList readings;
    for (const EdgeStatement &statement : statementsFrom(edge, from)) {
        switch (statement.direction) {
        case StatementDirection::Undirected:
            readings.append(u"-%1-"_s.arg(statement.predicate));
            break;
        case StatementDirection::Forward:
            readings.append(u"-%1->"_s.arg(statement.predicate));
            break;
        case StatementDirection::Backward:
            readings.append(u"<-%1-"_s.arg(statement.predicate));
            break;
        }
    }
    readings.sort();
    return readings;
}

QJsonObject nodeJson(const GraphNode &node)
{
    return {{u"id"_s, node.entityId}, {u"name"_s, node.name}, {u"type"_s, typeName(node.type)}};
}

} // namespace

int CliTool::metrics(const QCommandLineParser &parser)
{
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit <= 0)
        return usageError(u"--limit expects a positive number, not '%1'"_s.arg(parser.value(limitOption)));
    const std::optional<quint32> seed = this->seed(parser);
    if (!seed)
        return Failure;
    const QString sortBy = parser.value(sortOption).toLower();
    const QStringList sortable{u"degree"_s, u"weighted_degree"_s, u"betweenness"_s, u"pagerank"_s};
    if (!sortable.contains(sortBy))
        return usageError(u"--sort expects one of %1, not '%2'"_s.arg(sortable.join(u", "_s), sortBy));

    std::optional<GraphView> view = openGraph(parser);
    if (!view)
        return Failure;
    const EntityGraph &graph = view->graph;
    MetricsOptions metricsOptions;
    metricsOptions.seed = *seed;
    if (parser.isSet(exactOption))
        metricsOptions.betweennessBudget = 0;
    const Result<GraphMetrics> metrics = computeMetrics(graph, metricsOptions);
    if (!metrics)
        return fail(metrics.error());
    const bool estimated = metrics->betweennessSources < graph.nodeCount();

    const auto key = [&](qsizetype i) {
        const NodeMetrics &m = metrics->nodes.at(i);
        return sortBy == u"degree"_s            ? double(m.degree)
               : sortBy == u"weighted_degree"_s ? double(m.weightedDegree)
               : sortBy == u"betweenness"_s     ? m.betweenness
                                                : m.pageRank;
    };
    QList<qsizetype> order(graph.nodeCount());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return key(a) > key(b); });
    if (order.size() > limit)
        order.resize(limit);

    if (parser.isSet(jsonOption)) {
        QJsonArray entities;
        for (qsizetype i : order) {
            const NodeMetrics &m = metrics->nodes.at(i);
            QJsonObject entity = nodeJson(graph.nodes().at(i));
            entity.insert(u"degree"_s, m.degree);
            entity.insert(u"weighted_degree"_s, m.weightedDegree);
            entity.insert(u"betweenness"_s, m.betweenness);
            entity.insert(u"pagerank"_s, m.pageRank);
            entity.insert(u"component"_s, m.component);
            entity.insert(u"community"_s, m.community);
            entities.append(entity);
        }
        printJson({{u"entities"_s, qint64(graph.nodeCount())},
                   {u"edges"_s, qint64(graph.edgeCount())},
                   {u"components"_s, metrics->components},
                   {u"communities"_s, metrics->communities},
                   {u"modularity"_s, metrics->modularity},
                   {u"betweenness_sources"_s, qint64(metrics->betweennessSources)},
                   {u"ranking"_s, entities}});
        return Success;
    }
    m_out << column(u"NAME"_s, 32) << column(u"TYPE"_s, 7) << column(u"DEGREE"_s, 6)
          << column(u"WEIGHTED"_s, 8) << column(u"BETWEENNESS"_s, 11) << column(u"PAGERANK"_s, 8)
          << column(u"COMMUNITY"_s, 9) << '\n';
    for (qsizetype i : order) {
        const NodeMetrics &m = metrics->nodes.at(i);
        const GraphNode &node = graph.nodes().at(i);
        m_out << column(node.name, 32) << column(typeName(node.type), 7)
              << column(QString::number(m.degree), 6) << column(QString::number(m.weightedDegree), 8)
              << column(QString::number(m.betweenness, 'f', 4), 11)
              << column(QString::number(m.pageRank, 'f', 4), 8) << column(QString::number(m.community), 9)
              << '\n';
    }
    m_out << graph.nodeCount() << " entities, " << graph.edgeCount() << " edges, " << metrics->components
          << " connected components, " << metrics->communities << " communities (modularity "
          << QString::number(metrics->modularity, 'f', 3) << ").\n";
    if (estimated) {
        m_out << "Betweenness estimated from " << metrics->betweennessSources << " of " << graph.nodeCount()
              << " sources (--exact for all of them).\n";
    }
    m_out.flush();
    return Success;
}

std::optional<std::pair<qint64, qint64>> CliTool::endpointsNamed(const QCommandLineParser &parser, StoreView &view)
{
    const std::optional<qint64> from = entityNamed(view, parser.value(fromEntityOption));
    if (!from)
        return std::nullopt;
    const std::optional<qint64> to = entityNamed(view, parser.value(toEntityOption));
    if (!to)
        return std::nullopt;
    if (*from == *to) {
        fail(u"--from and --to both name entity %1"_s.arg(*from));
        return std::nullopt;
    }
    return std::pair{*from, *to};
}

int CliTool::explain(const QCommandLineParser &parser)
{
    if (!parser.isSet(fromEntityOption) || !parser.isSet(toEntityOption))
        return usageError(u"explain needs --from NAME and --to NAME"_s);
    std::optional<StoreView> view = openStore(parser);
    if (!view)
        return Failure;
    const std::optional<std::pair<qint64, qint64>> ends = endpointsNamed(parser, *view);
    if (!ends)
        return Failure;
    const auto [from, to] = *ends;
    const Repository repository(view->database);
    const Result<std::pair<GraphNode, GraphNode>> nodes = nodesOf(repository, from, to);
    if (!nodes)
        return fail(nodes.error());
    const auto &[a, b] = *nodes;
    const Result<QList<RelationRecord>> relations = repository.relationsBetween(from, to);
    if (!relations)
        return fail(relations.error());
    if (parser.isSet(jsonOption)) {
        printJson({{u"from"_s, nodeJson(a)}, {u"to"_s, nodeJson(b)}, {u"relations"_s, toJsonArray(*relations)}});
        return Success;
    }
    if (relations->isEmpty()) {
        // An answer, not an error: no sentence states a relation between them.
        m_out << "No relation between " << a.name << " and " << b.name
              << " is stated (they may only be named together: see path --cooccurrence).\n";
        m_out.flush();
        return Success;
    }
    for (const RelationRecord &relation : *relations) {
        m_out << relation.subject << " -" << relation.predicate << "-> " << relation.object << " (confidence "
              << QString::number(relation.confidence, 'f', 2) << ")\n";
        for (const EvidenceRecord &statement : relation.evidence) {
            m_out << "    " << statement.fileName << " [" << statement.start << ", " << statement.end
                  << "): " << elided(statement.sentence, 100) << '\n';
            m_out << "      rule " << (statement.rule.isEmpty() ? u"(unknown)"_s : statement.rule) << ", confidence "
                  << QString::number(statement.confidence, 'f', 2);
            if (!statement.path.isEmpty())
                m_out << ": " << statement.path;
            m_out << '\n';
        }
    }
    m_out.flush();
    return Success;
}

int CliTool::path(const QCommandLineParser &parser)
{
    if (!parser.isSet(fromEntityOption) || !parser.isSet(toEntityOption))
        return usageError(u"path needs --from NAME and --to NAME"_s);
    const QString weightingName = parser.value(weightingOption).toLower();
    if (weightingName != u"hops"_s && weightingName != u"evidence"_s)
        return usageError(u"--weighting expects hops or evidence, not '%1'"_s.arg(weightingName));
    const PathWeighting weighting
        = weightingName == u"hops"_s ? PathWeighting::FewestHops : PathWeighting::StrongestEvidence;

    std::optional<StoreView> view = openStore(parser);
    if (!view)
        return Failure;
    const std::optional<std::pair<qint64, qint64>> ends = endpointsNamed(parser, *view);
    if (!ends)
        return Failure;
    const auto [from, to] = *ends;
    // The fewest links are found on the part of the graph between the two
    // (a search from both ends); the strongest evidence may run anywhere,
    // so Dijkstra's search reads the whole graph.
    Result<EntityGraph> found = EntityGraph();
    if (weighting == PathWeighting::FewestHops) {
        found = fewestHopsGraph(Repository(view->database), from, to, view->filter);
    } else if (const Result<GraphData> whole = Repository(view->database).graphData(view->filter.includeCooccurrence); whole) {
        found = EntityGraph::build(*whole, view->filter);
    } else {
        found = Error{whole.error()};
    }
    if (!found)
        return fail(found.error());
    const EntityGraph &graph = *found;
    // From the store: a search that finds no path may not have read both.
    const Result<std::pair<GraphNode, GraphNode>> endNodes = nodesOf(Repository(view->database), from, to);
    if (!endNodes)
        return fail(endNodes.error());
    const auto &[start, end] = *endNodes;

    const QList<PathHop> hops = graph.shortestPath(from, to, weighting);
    if (hops.isEmpty()) {
        // Not an error of the command: the answer is "they are not connected".
        if (parser.isSet(jsonOption)) {
            printJson({{u"from"_s, nodeJson(start)}, {u"to"_s, nodeJson(end)}, {u"connected"_s, false},
                       {u"hops"_s, QJsonArray()}});
        } else {
            m_out << start.name << " and " << end.name
                  << " are not connected in this graph (try --cooccurrence, or fewer filters).\n";
            m_out.flush();
        }
        return Success;
    }

    Repository repository(view->database);
    QJsonArray hopsJson;
    if (!parser.isSet(jsonOption))
        m_out << start.name << " to " << end.name << ": " << hops.size() << (hops.size() == 1 ? " link" : " links")
              << (weighting == PathWeighting::FewestHops ? " (fewest links)\n" : " (strongest evidence)\n");
    for (qsizetype h = 0; h < hops.size(); ++h) {
        const PathHop &hop = hops.at(h);
        const GraphEdge *edge = graph.edgeBetween(hop.from, hop.to);
        Q_ASSERT(edge);
        const GraphNode &a = graph.nodes().at(graph.indexOf(hop.from));
        const GraphNode &b = graph.nodes().at(graph.indexOf(hop.to));
        const QStringList readings = predicatesAlong(*edge, hop.from);
        const Result<QList<EvidenceRecord>> found = keptEvidence(repository, *edge);
        if (!found)
            return fail(found.error());
        const QList<EvidenceRecord> &evidence = *found;
        if (parser.isSet(jsonOption)) {
            hopsJson.append(QJsonObject{{u"from"_s, nodeJson(a)},
                                        {u"to"_s, nodeJson(b)},
                                        {u"predicates"_s, QJsonArray::fromStringList(readings)},
                                        {u"evidence_count"_s, hop.evidenceCount},
                                        {u"evidence"_s, toJsonArray(evidence)}});
            continue;
        }
        m_out << (h + 1) << ". " << a.name << ' ' << readings.join(u' ') << ' ' << b.name << " ("
              << hop.evidenceCount << (hop.evidenceCount == 1 ? " sentence)\n" : " sentences)\n");
        for (const EvidenceRecord &record : evidence)
            m_out << "     " << record.fileName << " [" << record.start << ", " << record.end
                  << "): " << elided(record.sentence, 100) << '\n';
    }
    if (parser.isSet(jsonOption))
        printJson({{u"from"_s, nodeJson(start)}, {u"to"_s, nodeJson(end)}, {u"connected"_s, true},
                   {u"weighting"_s, weightingName}, {u"hops"_s, hopsJson}});
    m_out.flush();
    return Success;
}

int CliTool::neighbors(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1)
        return usageError(u"neighbors needs one entity NAME (quote names with spaces)"_s);
    bool ok = false;
    const int hops = parser.value(hopsOption).toInt(&ok);
    if (!ok || hops < 1)
        return usageError(u"--hops expects a number of links (1 or more), not '%1'"_s.arg(parser.value(hopsOption)));
    std::optional<StoreView> view = openStore(parser);
    if (!view)
        return Failure;
    const std::optional<qint64> centre = entityNamed(*view, parser.positionalArguments().first());
    if (!centre)
        return Failure;
    const Result<EntityGraph> found = egoGraph(Repository(view->database), *centre, hops, view->filter);
    if (!found)
        return fail(found.error());
    const EntityGraph &graph = *found;
    const QList<EgoMember> members = graph.egoNetwork(*centre, hops);

    QJsonArray membersJson;
    for (const EgoMember &member : members) {
        const GraphNode &node = graph.nodes().at(graph.indexOf(member.entityId));
        // For direct neighbours, what links them to the centre.
        const GraphEdge *edge = member.distance == 1 ? graph.edgeBetween(*centre, member.entityId) : nullptr;
        const QStringList readings = edge ? predicatesAlong(*edge, *centre) : QStringList();
        if (parser.isSet(jsonOption)) {
            QJsonObject object = nodeJson(node);
            object.insert(u"distance"_s, member.distance);
            if (edge) {
                object.insert(u"predicates"_s, QJsonArray::fromStringList(readings));
                object.insert(u"evidence_count"_s, edge->evidenceCount);
            }
            membersJson.append(object);
            continue;
        }
        if (member.distance == 0) {
            m_out << node.name << " (" << typeName(node.type) << ")\n";
            continue;
        }
        m_out << QString(2 * member.distance, u' ') << member.distance << ": " << node.name << " ("
              << typeName(node.type) << ')';
        if (edge)
            m_out << ' ' << readings.join(u' ') << ", " << edge->evidenceCount
                  << (edge->evidenceCount == 1 ? " sentence" : " sentences");
        m_out << '\n';
    }
    if (parser.isSet(jsonOption)) {
        printJson({{u"entity"_s, nodeJson(graph.nodes().at(graph.indexOf(*centre)))},
                   {u"hops"_s, hops},
                   {u"neighbors"_s, membersJson}});
        return Success;
    }
    const qsizetype count = members.size() - 1;
    m_out << count << (count == 1 ? " entity" : " entities") << " within " << hops
          << (hops == 1 ? " link.\n" : " links.\n");
    m_out.flush();
    return Success;
}

int CliTool::layout(const QCommandLineParser &parser)
{
    const std::optional<LayoutAlgorithm> algorithm = layoutAlgorithmFromName(parser.value(algorithmOption));
    if (!algorithm)
        return usageError(u"--algorithm expects one of %1, not '%2'"_s.arg(layoutAlgorithmNames().join(u", "_s),
                                                                            parser.value(algorithmOption)));
    const std::optional<quint32> seed = this->seed(parser);
    if (!seed)
        return Failure;
    LayoutOptions options;
    options.algorithm = *algorithm;
    options.seed = *seed;

    std::optional<GraphView> view = openGraph(parser, Access::Write);
    if (!view)
        return Failure;
    if (parser.isSet(focusOption)) {
        const std::optional<qint64> focus = entityNamed(*view, parser.value(focusOption));
        if (!focus)
            return Failure;
        options.focus = *focus;
    }
    Repository repository(view->database);
    const Result<QHash<qint64, NodePosition>> saved = repository.positions();
    if (!saved)
        return fail(saved.error());
    for (auto it = saved->cbegin(); it != saved->cend(); ++it) {
        if (it->pinned)
            options.pinned.insert(it.key());
        if (it->pinned || !parser.isSet(freshOption))
            options.initial.insert(it.key(), QPointF(it->x, it->y));
    }

    QElapsedTimer timer;
    timer.start();
    const Result<QHash<qint64, QPointF>> positions = computeLayout(view->graph, options);
    if (!positions)
        return fail(positions.error());
    const qint64 elapsed = timer.elapsed();

    QHash<qint64, NodePosition> toSave;
    for (auto it = positions->cbegin(); it != positions->cend(); ++it)
        toSave.insert(it.key(), NodePosition{it->x(), it->y(), options.pinned.contains(it.key())});
    // Nodes outside this graph keep their saved place.
    if (const Result<void> written = repository.updatePositions(toSave); !written)
        return fail(written.error());

    if (parser.isSet(jsonOption)) {
        QJsonArray nodes;
        for (const GraphNode &node : view->graph.nodes()) {
            const QPointF point = positions->value(node.entityId);
            QJsonObject object = nodeJson(node);
            object.insert(u"x"_s, point.x());
            object.insert(u"y"_s, point.y());
            object.insert(u"pinned"_s, options.pinned.contains(node.entityId));
            nodes.append(object);
        }
        printJson({{u"algorithm"_s, layoutAlgorithmName(*algorithm)},
                   {u"seed"_s, qint64(options.seed)},
                   {u"milliseconds"_s, elapsed},
                   {u"positions"_s, nodes}});
        return Success;
    }
    m_out << "Laid out " << positions->size() << " entities with " << layoutAlgorithmName(*algorithm)
          << " (seed " << options.seed << ") in " << elapsed << " ms";
    if (!options.pinned.isEmpty())
        m_out << "; " << options.pinned.size() << " pinned entities kept their place";
    if (parser.isSet(dbOption))
        m_out << ".\nSaved in " << parser.value(dbOption) << ".\n";
    else
        m_out << ".\n(The bundled sample is in memory: give --db FILE to keep the layout.)\n";
    m_out.flush();
    return Success;
}

int CliTool::exportGraph(const QCommandLineParser &parser)
{
    if (!parser.isSet(formatOption) || !parser.isSet(outOption))
        return usageError(u"export needs --format FORMAT and --out PATH"_s);
    const QString formatName = parser.value(formatOption);
    const std::optional<ExportFormat> format = exportFormatFromName(formatName);
    const std::optional<ImageFormat> imageFormat = format ? std::nullopt : imageFormatFromName(formatName);
    if (!format && !imageFormat)
        return usageError(u"--format expects one of %1, not '%2'"_s.arg(
            (exportFormatNames() + imageFormatNames()).join(u", "_s), formatName));
    std::optional<ImageRequest> image;
    if (imageFormat) {
        image = imageRequest(parser, *imageFormat);
        if (!image)
            return Failure;
    } else {
        for (const QCommandLineOption &option : {scaleOption, dpiOption, widthOption, heightOption, transparentOption,
                                                 sizeByOption, colorByOption, legendOption}) {
            if (parser.isSet(option))
                return usageError(u"--%1 applies to the image formats (%2) only"_s.arg(
                    option.names().constFirst(), imageFormatNames().join(u", "_s)));
        }
    }
    const std::optional<quint32> seed = this->seed(parser);
    if (!seed)
        return Failure;

    std::optional<GraphView> view = openGraph(parser);
    if (!view)
        return Failure;
    const EntityGraph &graph = view->graph;
    MetricsOptions metricsOptions;
    metricsOptions.seed = *seed;
    const Result<GraphMetrics> metrics = computeMetrics(graph, metricsOptions);
    if (!metrics)
        return fail(metrics.error());

    ExportOptions options;
    options.metrics = metricTable(graph, *metrics);
    options.sizeMetric = u"pagerank"_s;
    // The saved picture; nodes it lacks are placed around it, as the
    // explorer would, so every exported node has a position.
    const Result<QHash<qint64, NodePosition>> saved = Repository(view->database).positions();
    if (!saved)
        return fail(saved.error());
    LayoutOptions layoutOptions;
    layoutOptions.seed = *seed;
    QSet<qint64> pinnedByHand;
    for (const GraphNode &node : graph.nodes()) {
        if (const auto it = saved->constFind(node.entityId); it != saved->cend()) {
            layoutOptions.initial.insert(node.entityId, QPointF(it->x, it->y));
            layoutOptions.pinned.insert(node.entityId);
            if (it->pinned)
                pinnedByHand.insert(node.entityId);
        }
    }
    if (layoutOptions.initial.size() == graph.nodeCount()) {
        options.positions = layoutOptions.initial;
    } else {
        const Result<QHash<qint64, QPointF>> positions = computeLayout(graph, layoutOptions);
        if (!positions)
            return fail(positions.error());
        options.positions = *positions;
    }

    const QString out = parser.value(outOption);
    if (image)
        return exportImageFile(*image, graph, *metrics, options.positions, pinnedByHand, out);

    const GraphData data{graph.nodes(), graph.edges()};
    if (const Result<void> written = NewsGraph::exportGraph(*format, data, options, out); !written)
        return fail(written.error());
    m_out << "Wrote " << graph.nodeCount() << " entities and " << graph.edgeCount() << " edges as "
          << exportFormatName(*format) << " to " << out << ".\n";
    m_out.flush();
    return Success;
}

std::optional<CliTool::ImageRequest> CliTool::imageRequest(const QCommandLineParser &parser, ImageFormat format)
{
    ImageRequest request;
    request.format = format;
    const bool png = format == ImageFormat::Png;
    for (const QCommandLineOption &option : {scaleOption, widthOption, heightOption}) {
        if (!png && parser.isSet(option)) {
            usageError(u"--%1 applies to png only (svg and pdf are drawn at their natural size)"_s.arg(
                option.names().constFirst()));
            return std::nullopt;
        }
    }
    if (format == ImageFormat::Pdf && parser.isSet(transparentOption)) {
        usageError(u"--transparent applies to png and svg only"_s);
        return std::nullopt;
    }
    if (parser.isSet(scaleOption)) {
        bool ok = false;
        const double scale = parser.value(scaleOption).toDouble(&ok);
        if (!ok || !(scale > 0.0) || scale > 50.0) {
            usageError(u"--scale expects a number above 0 and at most 50, not '%1'"_s.arg(parser.value(scaleOption)));
            return std::nullopt;
        }
        request.options.scale = scale;
    }
    if (parser.isSet(dpiOption)) {
        bool ok = false;
        const int dpi = parser.value(dpiOption).toInt(&ok);
        if (!ok || dpi < 36 || dpi > 2400) {
            usageError(u"--dpi expects a whole number from 36 to 2400, not '%1'"_s.arg(parser.value(dpiOption)));
            return std::nullopt;
        }
        request.options.dpi = dpi;
    }
    for (const QCommandLineOption &option : {widthOption, heightOption}) {
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        const int pixels = parser.value(option).toInt(&ok);
        if (!ok || pixels < 16 || pixels > 32767) {
            usageError(u"--%1 expects a number of pixels from 16 to 32767, not '%2'"_s.arg(option.names().constFirst(),
                                                                                          parser.value(option)));
            return std::nullopt;
        }
        (option.names() == widthOption.names() ? request.width : request.height) = pixels;
    }
    if ((request.width > 0 || request.height > 0) && parser.isSet(scaleOption)) {
        usageError(u"give either --scale or --width/--height, not both"_s);
        return std::nullopt;
    }
    request.options.transparent = parser.isSet(transparentOption);
    request.options.legend = parser.isSet(legendOption);
    const std::optional<SizeMetric> sizeMetric = sizeMetricFromName(parser.value(sizeByOption));
    if (!sizeMetric) {
        usageError(u"--size-by expects one of %1, not '%2'"_s.arg(sizeMetricNames().join(u", "_s),
                                                                   parser.value(sizeByOption)));
        return std::nullopt;
    }
    request.style.sizeMetric = *sizeMetric;
    const std::optional<NodeColoring> coloring = nodeColoringFromName(parser.value(colorByOption));
    if (!coloring) {
        usageError(u"--color-by expects type or community, not '%1'"_s.arg(parser.value(colorByOption)));
        return std::nullopt;
    }
    request.style.coloring = *coloring;
    return request;
}

int CliTool::exportImageFile(const ImageRequest &request, const EntityGraph &graph, const GraphMetrics &metrics,
                             const QHash<qint64, QPointF> &positions, const QSet<qint64> &pinned, const QString &out)
{
    const GraphPicture picture = GraphPicture::build(graph, metrics, positions, pinned, request.style);
    ImageOptions options = request.options;
    if (request.width > 0 || request.height > 0) {
        // One side given: the other follows the drawing's proportions.
        const QRectF bounds = picture.bounds();
        const double aspect = bounds.width() > 0 && bounds.height() > 0 ? bounds.height() / bounds.width() : 1.0;
        const int width = request.width > 0 ? request.width : std::max(16, int(std::lround(request.height / aspect)));
        const int height = request.height > 0 ? request.height : std::max(16, int(std::lround(request.width * aspect)));
        options.pixelSize = QSize(std::min(width, 32767), std::min(height, 32767));
    }
    if (const Result<void> written = exportImage(picture, request.format, options, out); !written)
        return fail(written.error());
    m_out << "Wrote " << graph.nodeCount() << " entities and " << graph.edgeCount() << " edges as "
          << imageFormatName(request.format) << " to " << out << ".\n";
    m_out.flush();
    return Success;
}

std::optional<Database> CliTool::openProjectToEdit(const QCommandLineParser &parser)
{
    if (!parser.isSet(dbOption)) {
        usageError(u"an edit needs the project it changes: --db FILE"_s);
        return std::nullopt;
    }
    return openDatabase(parser, Access::Write);
}

std::optional<qint64> CliTool::editedEntityNamed(Database &database, const QString &name)
{
    const Repository repository(database);
    const Result<QList<qint64>> ids = repository.entitiesNamed(name);
    if (ids && ids->isEmpty()) {
        const Result<QString> whereabouts = Curator(database).whereabouts(name);
        if (whereabouts && !whereabouts->isEmpty()) {
            fail(u"no entity is named '%1' any more: %2"_s.arg(name, *whereabouts));
            return std::nullopt;
        }
    }
    return storedEntityNamed(repository, name);
}

std::optional<qint64> CliTool::relationNamed(Database &database, const QCommandLineParser &parser)
{
    if (!parser.isSet(fromEntityOption) || !parser.isSet(toEntityOption)) {
        usageError(u"name the link with --from NAME and --to NAME (and --predicate if they have several)"_s);
        return std::nullopt;
    }
    const std::optional<qint64> from = editedEntityNamed(database, parser.value(fromEntityOption));
    if (!from)
        return std::nullopt;
    const std::optional<qint64> to = editedEntityNamed(database, parser.value(toEntityOption));
    if (!to)
        return std::nullopt;
    const Result<QList<RelationRecord>> between = Repository(database).relationsBetween(*from, *to);
    if (!between) {
        fail(between.error());
        return std::nullopt;
    }
    const QString predicate = parser.value(predicateOption);
    QList<RelationRecord> matching;
    QStringList predicates;
    for (const RelationRecord &relation : *between) {
        predicates.append(relation.predicate);
        if (predicate.isEmpty() || relation.predicate == predicate)
            matching.append(relation);
    }
    const QString ends = u"'%1' and '%2'"_s.arg(parser.value(fromEntityOption), parser.value(toEntityOption));
    if (matching.isEmpty()) {
        fail(predicate.isEmpty() ? u"%1 are not linked"_s.arg(ends)
                                 : u"%1 have no %2 link (their links: %3)"_s.arg(
                                       ends, predicate, predicates.isEmpty() ? u"none"_s : predicates.join(u", "_s)));
        return std::nullopt;
    }
    if (matching.size() > 1) {
        usageError(u"%1 have %2 links (%3); say which with --predicate"_s.arg(ends).arg(matching.size()).arg(
            predicates.join(u", "_s)));
        return std::nullopt;
    }
    return matching.first().id;
}

std::optional<qint64> CliTool::sentenceNamed(Database &database, const QCommandLineParser &parser)
{
    if (!parser.isSet(docOption) && !parser.isSet(linkSentenceOption))
        return 0;
    if (!parser.isSet(docOption) || !parser.isSet(linkSentenceOption)) {
        usageError(u"a sentence is named by --doc ID and --sentence N together"_s);
        return std::nullopt;
    }
    const std::optional<qint64> document = documentId(parser);
    if (!document)
        return std::nullopt;
    bool ok = false;
    const int index = parser.value(linkSentenceOption).toInt(&ok);
    const Result<QList<SentenceRecord>> sentences = Repository(database).sentences(*document);
    if (!sentences) {
        fail(sentences.error());
        return std::nullopt;
    }
    if (sentences->isEmpty()) {
        fail(u"there is no document %1 (see the documents command)"_s.arg(*document));
        return std::nullopt;
    }
    if (!ok || index < 0 || index >= sentences->size()) {
        usageError(u"--sentence expects a sentence of document %1, from 0 to %2, not '%3'"_s.arg(*document)
                       .arg(sentences->size() - 1)
                       .arg(parser.value(linkSentenceOption)));
        return std::nullopt;
    }
    return sentences->at(index).id;
}

int CliTool::reportEdit(const QCommandLineParser &parser, const Result<EditRecord> &edit, const char *verb)
{
    if (!edit)
        return fail(edit.error());
    if (parser.isSet(jsonOption)) {
        printJson({{QString::fromLatin1(verb), toJson(*edit)}});
        return Success;
    }
    m_out << (QByteArray(verb) == "undone" ? "Undid edit " : "Edit ") << edit->id << ": " << edit->summary
          << ".\n";
    m_out.flush();
    return Success;
}

int CliTool::merge(const QCommandLineParser &parser)
{
    const QStringList names = parser.positionalArguments();
    if (names.size() < 2)
        return usageError(u"merge takes two entities or more (names, aliases or ids); the first one stays"_s);
    std::optional<Database> database = openProjectToEdit(parser);
    if (!database)
        return Failure;
    QList<qint64> ids;
    for (const QString &name : names) {
        const std::optional<qint64> id = editedEntityNamed(*database, name);
        if (!id)
            return Failure;
        ids.append(*id);
    }
    return reportEdit(parser, Curator(*database).merge(ids, parser.value(nameOption), parser.value(typeOption)),
                      "edit");
}

int CliTool::editEntity(const QCommandLineParser &parser, qsizetype arguments, const QString &usage,
                        const std::function<Result<EditRecord>(Curator &, qint64)> &edit)
{
    if (parser.positionalArguments().size() != arguments)
        return usageError(usage);
    std::optional<Database> database = openProjectToEdit(parser);
    if (!database)
        return Failure;
    const std::optional<qint64> id = editedEntityNamed(*database, parser.positionalArguments().first());
    if (!id)
        return Failure;
    Curator curator(*database);
    return reportEdit(parser, edit(curator, *id), "edit");
}

int CliTool::split(const QCommandLineParser &parser)
{
    if (!parser.isSet(aliasOption) || !parser.isSet(nameOption))
        return usageError(u"split needs the names that go (--alias, once for each) and the new entity's --name"_s);
    return editEntity(parser, 1, u"split takes one entity (name, alias or id)"_s, [&](Curator &curator, qint64 id) {
        return curator.split(id, parser.values(aliasOption), parser.value(nameOption), parser.value(typeOption));
    });
}

int CliTool::rename(const QCommandLineParser &parser)
{
    return editEntity(parser, 2, u"rename takes an entity (name, alias or id) and its new name"_s,
                      [&](Curator &curator, qint64 id) { return curator.rename(id, parser.positionalArguments().at(1)); });
}

int CliTool::retype(const QCommandLineParser &parser)
{
    return editEntity(parser, 2,
                      u"retype takes an entity (name, alias or id) and its type: PERSON, ORG, PLACE, PRODUCT or EVENT"_s,
                      [&](Curator &curator, qint64 id) { return curator.retype(id, parser.positionalArguments().at(1)); });
}

int CliTool::alias(const QCommandLineParser &parser)
{
    return editEntity(parser, 2, u"alias takes an entity (name, alias or id) and the name to add or --remove"_s,
                      [&](Curator &curator, qint64 id) {
                          const QString name = parser.positionalArguments().at(1);
                          return parser.isSet(removeOption) ? curator.removeAlias(id, name) : curator.addAlias(id, name);
                      });
}

int CliTool::hide(const QCommandLineParser &parser)
{
    return editEntity(parser, 1, u"hide takes one entity (name, alias or id)"_s, [&](Curator &curator, qint64 id) {
        return curator.setHidden(id, !parser.isSet(showOption));
    });
}

int CliTool::link(const QCommandLineParser &parser)
{
    if (!parser.isSet(fromEntityOption) || !parser.isSet(toEntityOption) || !parser.isSet(predicateOption))
        return usageError(u"link needs --from NAME, --predicate NAME and --to NAME"_s);
    std::optional<Database> database = openProjectToEdit(parser);
    if (!database)
        return Failure;
    const std::optional<qint64> from = editedEntityNamed(*database, parser.value(fromEntityOption));
    if (!from)
        return Failure;
    const std::optional<qint64> to = editedEntityNamed(*database, parser.value(toEntityOption));
    if (!to)
        return Failure;
    const std::optional<qint64> sentence = sentenceNamed(*database, parser);
    if (!sentence)
        return Failure;
    return reportEdit(parser,
                      Curator(*database).link(*from, parser.value(predicateOption), *to,
                                              *sentence > 0 ? std::optional<qint64>(*sentence) : std::nullopt,
                                              parser.value(noteOption)),
                      "edit");
}

int CliTool::unlink(const QCommandLineParser &parser)
{
    std::optional<Database> database = openProjectToEdit(parser);
    if (!database)
        return Failure;
    const std::optional<qint64> relation = relationNamed(*database, parser);
    if (!relation)
        return Failure;
    const std::optional<qint64> sentence = sentenceNamed(*database, parser);
    if (!sentence)
        return Failure;
    Curator curator(*database);
    return reportEdit(parser,
                      *sentence > 0 ? curator.rejectStatement(*relation, *sentence) : curator.rejectRelation(*relation),
                      "edit");
}

int CliTool::note(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1)
        return usageError(u"note takes its text as one argument (in quotes)"_s);
    const bool onLink = parser.isSet(fromEntityOption) || parser.isSet(toEntityOption);
    if (onLink == parser.isSet(notesEntityOption))
        return usageError(u"a note is on an entity (--entity NAME) or on a link (--from, --to, --predicate)"_s);
    std::optional<Database> database = openProjectToEdit(parser);
    if (!database)
        return Failure;
    const QString text = parser.positionalArguments().first();
    Curator curator(*database);
    if (onLink) {
        const std::optional<qint64> relation = relationNamed(*database, parser);
        if (!relation)
            return Failure;
        return reportEdit(parser, curator.noteRelation(*relation, text), "edit");
    }
    const std::optional<qint64> entity = editedEntityNamed(*database, parser.value(notesEntityOption));
    if (!entity)
        return Failure;
    return reportEdit(parser, curator.noteEntity(*entity, text), "edit");
}

int CliTool::notes(const QCommandLineParser &parser)
{
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    const Curator curator(*database);
    Result<QList<NoteRecord>> found = QList<NoteRecord>();
    if (parser.isSet(notesEntityOption)) {
        const std::optional<qint64> entity = editedEntityNamed(*database, parser.value(notesEntityOption));
        if (!entity)
            return Failure;
        found = curator.entityNotes(*entity);
    } else if (parser.isSet(notesSearchOption)) {
        found = curator.searchNotes(parser.value(notesSearchOption));
    } else {
        found = curator.notes();
    }
    if (!found)
        return fail(found.error());
    if (parser.isSet(jsonOption)) {
        printJson({{u"notes"_s, toJsonArray(*found)}});
        return Success;
    }
    for (const NoteRecord &note : *found) {
        m_out << note.madeAt << "  " << (note.entityId > 0 ? u"entity %1"_s.arg(note.entityId)
                                                          : u"relation %1"_s.arg(note.relationId))
              << ": " << note.text << '\n';
    }
    m_out << found->size() << (found->size() == 1 ? " note.\n" : " notes.\n");
    m_out.flush();
    return Success;
}

int CliTool::edits(const QCommandLineParser &parser)
{
    std::optional<Database> database = openDatabase(parser);
    if (!database)
        return Failure;
    const Result<QList<EditRecord>> edits = Curator(*database).edits();
    if (!edits)
        return fail(edits.error());
    if (parser.isSet(jsonOption)) {
        printJson({{u"edits"_s, toJsonArray(*edits)}});
        return Success;
    }
    for (const EditRecord &edit : *edits)
        m_out << edit.id << "  " << edit.madeAt << "  " << edit.kind << "  " << edit.summary << '\n';
    m_out << edits->size() << (edits->size() == 1 ? " edit.\n" : " edits.\n");
    m_out.flush();
    return Success;
}

int CliTool::undo(const QCommandLineParser &parser)
{
    qint64 editId = 0;
    if (parser.isSet(editOption)) {
        bool ok = false;
        editId = parser.value(editOption).toLongLong(&ok);
        if (!ok || editId <= 0)
            return usageError(u"--edit expects an edit number (see the edits command), not '%1'"_s.arg(
                parser.value(editOption)));
    }
    std::optional<Database> database = openProjectToEdit(parser);
    if (!database)
        return Failure;
    return reportEdit(parser, Curator(*database).undo(editId), "undone");
}

} // namespace NewsGraph
