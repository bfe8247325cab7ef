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
    // (missing, unreadable, not a regular file, too large, binary, empty,
    // unsupported type). `path` is a file-system path as decodeFileName()
    // gives it (so names that are not UTF-8 can be opened) or a Qt resource
    // path (":/corpus/..."). Pipes, sockets and devices are refused before
    // they are opened. Document::path and fileName are display forms
    // (displayFileName()): valid Unicode, bytes that are not UTF-8 escaped.
    Result<Document> load(const QString &path) const;

    // Same as load() for bytes already in memory; `path` gives the format
    // (by suffix) and the name used in messages.
    Result<Document> loadBytes(const QByteArray &bytes, const QString &path) const;

    static bool isSupportedFile(const QString &path);
    static QStringList supportedSuffixes(); // lower case, without the dot: "txt", "md", "html", "htm"

    // Expands folders recursively into the supported files they hold, sorted
    // by path within each folder named, and deduplicated (by absolute path)
    // across all of them; files named explicitly are kept whatever their
    // suffix or type (load() will then explain what is wrong). Paths are
    // file-system paths as decodeFileName() gives them, or Qt resource
    // paths; `files` holds them in the same form, ready for load().
    //
    // Folder scans read names as bytes, so files whose names are not UTF-8
    // are found. They skip hidden entries (names starting with a dot) and
    // files without a supported suffix, and do not follow symbolic links to
    // folders (they can loop). Everything else that cannot be taken goes to
    // `errors`, one message naming it and saying why: paths that do not
    // exist, folders that cannot be read (their files are skipped, the scan
    // goes on), and, among entries with a supported suffix, pipes, sockets,
    // devices, links to nothing and entries that cannot be examined. Files
    // that exist but cannot be read are listed: load() reports them with the
    // reason.
    struct Inputs
    {
        QStringList files;
        QStringList errors;
    };
    static Inputs collectInputs(const QStringList &paths);

private:
    Result<Document> loadResource(const QString &path) const;

    LoaderOptions m_options;
};

} // namespace NewsGraph
