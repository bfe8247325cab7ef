#pragma once

#include "core/common/Result.h"
#include "core/text/Document.h"

#include <QStringList>

namespace NewsGraph {

struct LoaderOptions
{
    qint64 maxFileSize = 50LL * 1024 * 1024; // larger files are skipped, not truncated
};

// Reads article files (.txt, .md, .html, .htm) into Documents: decodes bytes
// (UTF-8, falling back to Windows-1252 with a warning), turns HTML into plain
// text, and reads the metadata the file carries (date header line, "source:"
// header line, HTML <title>, <time>, article:published_time). Language,
// sentences and the title fallback are TextAnalyzer's job.
// Nothing is ever fetched from the network.
class DocumentLoader
{
public:
    explicit DocumentLoader(LoaderOptions options = {});

    // The error message names the file and says what is wrong with it
    // (missing, unreadable, too large, binary, empty, unsupported type).
    Result<Document> load(const QString &path) const;

    // Same as load() for bytes already in memory; `path` gives the format
    // (by suffix) and the name used in messages.
    Result<Document> loadBytes(const QByteArray &bytes, const QString &path) const;

    static bool isSupportedFile(const QString &path);
    static QStringList supportedSuffixes(); // lower case, without the dot: "txt", "md", "html", "htm"

    // Expands folders recursively into the supported files they hold, sorted
    // by path; files named explicitly are kept whatever their suffix (load()
    // will then explain what is wrong). Paths that do not exist go to errors.
    struct Inputs
    {
        QStringList files;
        QStringList errors;
    };
    static Inputs collectInputs(const QStringList &paths);

private:
    LoaderOptions m_options;
};

} // namespace NewsGraph
