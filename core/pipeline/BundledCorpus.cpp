#include "core/pipeline/BundledCorpus.h"

#include "core/pipeline/Ingester.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace NewsGraph {

QStringList bundledCorpusPaths()
{
    const QDir corpus(u":/corpus"_s);
    QStringList nameFilters;
    for (const QString &suffix : DocumentLoader::supportedSuffixes())
        nameFilters.append(u"*."_s + suffix);
    QStringList paths;
    for (const QString &name : corpus.entryList(nameFilters, QDir::Files, QDir::Name))
        paths.append(corpus.filePath(name));
    return paths;
}

QString bundledLexiconDirectory()
{
    return u":/lexicon"_s;
}

QString bundledModelDirectory()
{
    return u":/models"_s;
}

QString userLexiconFile(const QString &databasePath)
{
    return databasePath.isEmpty() ? QString() : databasePath + u".lexicon.tsv"_s;
}

Result<Database> openBundledCorpus(const DocumentProcessor &processor)
{
    Result<Database> database = Database::openInMemory();
    if (!database)
        return database;
    Ingester ingester(database.value(), processor);
    const IngestReport report = ingester.ingest(bundledCorpusPaths());
    if (!report.fatalError.isEmpty())
        return Error{report.fatalError};
    if (!report.errors.isEmpty())
        return Error{u"The bundled sample corpus could not be read: "_s + report.errors.first().message};
    return database;
}

} // namespace NewsGraph
