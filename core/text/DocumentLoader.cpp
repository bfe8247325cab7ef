#include "core/text/DocumentLoader.h"

#include "core/text/BinaryContent.h"
#include "core/text/FileName.h"
#include "core/text/HtmlToText.h"
#include "core/text/IsoDate.h"
#include "core/text/TextDecoder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <memory>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

enum class Format { Unsupported, PlainText, Markdown, Html };

Format formatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"txt"_s)
        return Format::PlainText;
    if (suffix == u"md"_s || suffix == u"markdown"_s)
        return Format::Markdown;
    if (suffix == u"html"_s || suffix == u"htm"_s || suffix == u"xhtml"_s)
        return Format::Html;
    return Format::Unsupported;
}

// Every message names files by their display form: a name that is not
// UTF-8 shows its bytes escaped ("caf\xE9.txt").
QString quoted(const QString &path)
{
    return u"“%1”"_s.arg(QDir::toNativeSeparators(displayFileName(path)));
}

// Qt resources (":/corpus/...") live in the program, not in the file system.
bool isResourcePath(const QString &path)
{
    return path.startsWith(u':');
}

QString systemError(int error)
{
    return qt_error_string(error);
}

// What a file that is not a regular file is, for messages.
QString fileKind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return u"a named pipe"_s;
    if (S_ISSOCK(mode))
        return u"a socket"_s;
    if (S_ISCHR(mode))
        return u"a character device"_s;
    if (S_ISBLK(mode))
        return u"a block device"_s;
    if (S_ISDIR(mode))
        return u"a folder"_s;
    return u"not a file"_s;
}

QString notRegularMessage(const QString &path, mode_t mode)
{
    return u"%1 is not a regular file (%2) and was not read."_s.arg(quoted(path), fileKind(mode));
}

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;

    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }

private:
    int m_fd;
};

struct DirCloser
{
    void operator()(DIR *dir) const { ::closedir(dir); }
};
using DirHandle = std::unique_ptr<DIR, DirCloser>;

QString formatSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString unsupportedMessage(const QString &path)
{
    return u"%1 is not an article file NewsGraph can read (supported: %2)."_s.arg(
        quoted(path), DocumentLoader::supportedSuffixes().join(u", "_s));
}

QString tooLargeMessage(const QString &path, qint64 size, qint64 limit)
{
    return u"%1 is too large (%2, the limit is %3) and was skipped."_s.arg(quoted(path), formatSize(size), formatSize(limit));
}

bool isBlank(const QByteArray &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    });
}

bool startsWithFolded(QStringView text, qsizetype pos, QStringView word)
{
    return text.size() - pos >= word.size() && text.sliced(pos, word.size()).compare(word, Qt::CaseInsensitive) == 0;
}

qsizetype skipSpaces(QStringView text, qsizetype pos, bool acrossLines)
{
    while (pos < text.size() && text[pos].isSpace() && (acrossLines || text[pos] != u'\n'))
        ++pos;
    return pos;
}

// "date 2025-06-12" or "Date: 2025-06-12" at `pos`; returns the end of the
// date, or -1. Scraped articles carry it as a line of its own or glued to the
// first sentence on the same line.
qsizetype matchDateHeader(QStringView text, qsizetype pos, QDate &date)
{
    if (!startsWithFolded(text, pos, u"date"))
        return -1;
    qsizetype p = pos + 4;
    const qsizetype afterWord = p;
    p = skipSpaces(text, p, false);
    if (p < text.size() && text[p] == u':')
        p = skipSpaces(text, p + 1, false);
    if (p == afterWord)
        return -1; // "dated", "datestamp"
    qsizetype end = p;
    while (end < text.size() && !text[end].isSpace())
        ++end;
    const QDate parsed = parseIsoDate(text.sliced(p, end - p));
    if (!parsed.isValid())
        return -1;
    date = parsed;
    return end;
}

// A "source: URL" line giving where the article was taken from.
qsizetype matchSourceHeader(QStringView text, qsizetype pos, QString &url)
{
    if (!startsWithFolded(text, pos, u"source:"))
        return -1;
    qsizetype end = text.indexOf(u'\n', pos);
    if (end < 0)
        end = text.size();
    const QStringView value = text.sliced(pos + 7, end - pos - 7).trimmed();
    if (value.isEmpty() || value.contains(u' '))
        return -1; // "Source: the company said" is prose, not a header
    url = value.toString();
    return end;
}

// Removes the metadata header (date, source) from the start of the text and
// returns the rest.
QString takeHeader(const QString &text, Document &document)
{
    qsizetype pos = skipSpaces(text, 0, true);
    for (int fields = 0; fields < 2; ++fields) {
        qsizetype end = -1;
        if (!document.date.isValid())
            end = matchDateHeader(text, pos, document.date);
        if (end < 0 && document.sourceUrl.isEmpty())
            end = matchSourceHeader(text, pos, document.sourceUrl);
        if (end < 0)
            break;
        pos = skipSpaces(text, end, true);
    }
    return text.mid(pos);
}

// --- Markdown ---------------------------------------------------------------------

bool isFence(QStringView line)
{
    return line.startsWith(u"```") || line.startsWith(u"~~~");
}

// "---", "***", "===" (rules and setext underlines): markup only.
bool isRuleLine(QStringView line)
{
    if (line.size() < 3)
        return false;
    const QChar c = line[0];
    if (c != u'-' && c != u'*' && c != u'_' && c != u'=')
        return false;
    return std::all_of(line.begin(), line.end(), [c](QChar x) { return x == c || x == u' '; });
}

// Link and image syntax and emphasis markers removed from one line:
// "[text](url)" -> "text", "![alt](url)" -> "", "**bold**" -> "bold".
QString stripInlineMarkdown(QStringView line)
{
    QString out;
    out.reserve(line.size());
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line[i];
        const bool image = c == u'!' && i + 1 < line.size() && line[i + 1] == u'[';
        if (c == u'[' || image) {
            const qsizetype open = image ? i + 1 : i;
            const qsizetype close = line.indexOf(u']', open + 1);
            if (close > 0 && close + 1 < line.size() && line[close + 1] == u'(') {
                const qsizetype end = line.indexOf(u')', close + 2);
                if (end > 0) {
                    if (!image)
                        out += stripInlineMarkdown(line.sliced(open + 1, close - open - 1));
                    i = end + 1;
                    continue;
                }
            }
        }
        if ((c == u'*' || c == u'_') && i + 1 < line.size() && line[i + 1] == c) {
            i += 2;
            continue;
        }
        if (c == u'`') {
            ++i;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

// Markdown to plain text, line by line so that the paragraph structure (and
// with it sentence splitting) stays as the author wrote it. A leading
// "# Heading" becomes the title.
QString markdownToText(const QString &markdown, QString &title)
{
    QStringList out;
    auto appendBlank = [&out] {
        if (!out.isEmpty() && !out.last().isEmpty())
            out.append(QString());
    };
    auto appendLine = [&out, &appendBlank](const QString &line) {
        if (line.isEmpty())
            appendBlank();
        else
            out.append(line);
    };
    bool inFence = false;
    for (QStringView line : QStringView(markdown).split(u'\n')) {
        QStringView trimmed = line.trimmed();
        if (isFence(trimmed)) {
            inFence = !inFence;
            appendBlank();
            continue;
        }
        if (inFence) {
            appendLine(line.toString());
            continue;
        }
        if (isRuleLine(trimmed)) {
            appendBlank();
            continue;
        }
        qsizetype level = 0;
        while (level < trimmed.size() && level < 6 && trimmed[level] == u'#')
            ++level;
        if (level > 0 && (level == trimmed.size() || trimmed[level] == u' ')) {
            QStringView heading = trimmed.sliced(level).trimmed();
            while (heading.endsWith(u'#'))
                heading.chop(1);
            const QString text = stripInlineMarkdown(heading.trimmed());
            if (out.isEmpty() && level == 1 && title.isEmpty())
                title = text.simplified();
            // A heading is a paragraph of its own, whatever surrounds it.
            appendBlank();
            appendLine(text);
            appendBlank();
            continue;
        }
        while (trimmed.startsWith(u'>'))
            trimmed = trimmed.sliced(1).trimmed();
        appendLine(stripInlineMarkdown(trimmed));
    }
    return out.join(u'\n');
}

} // namespace

DocumentLoader::DocumentLoader(LoaderOptions options)
    : m_options(options)
{
}

QStringList DocumentLoader::supportedSuffixes()
{
    return {u"txt"_s, u"md"_s, u"markdown"_s, u"html"_s, u"htm"_s, u"xhtml"_s};
}

bool DocumentLoader::isSupportedFile(const QString &path)
{
    return formatOf(path) != Format::Unsupported;
}

Result<Document> DocumentLoader::load(const QString &path) const
{
    if (isResourcePath(path))
        return loadResource(path);

    // By the name's own bytes (see FileName.h), and looked at before it is
    // opened: opening a named pipe would wait for a writer forever.
    const QByteArray native = encodeFileName(path);
    struct stat status = {};
    if (::stat(native.constData(), &status) != 0) {
        const int error = errno;
        if (error == ENOENT)
            return Error{u"Cannot read %1: the file does not exist."_s.arg(quoted(path))};
        return Error{u"Cannot read %1: %2."_s.arg(quoted(path), systemError(error))};
    }
    if (S_ISDIR(status.st_mode))
        return Error{u"%1 is a folder, not an article file."_s.arg(quoted(path))};
    if (!S_ISREG(status.st_mode))
        return Error{notRegularMessage(path, status.st_mode)};
    if (!isSupportedFile(path))
        return Error{unsupportedMessage(path)};
    if (status.st_size > m_options.maxFileSize)
        return Error{tooLargeMessage(path, status.st_size, m_options.maxFileSize)};

    // O_NONBLOCK: should the file have been replaced by a pipe since stat(),
    // open() returns at once (and fstat() below refuses it).
    const FileDescriptor file(::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (!file.isValid() || ::fstat(file.get(), &status) != 0) {
        const int error = errno;
        return Error{u"Cannot read %1: %2."_s.arg(quoted(path), systemError(error))};
    }
    if (!S_ISREG(status.st_mode))
        return Error{notRegularMessage(path, status.st_mode)};

    // Read at most one byte over the limit: a file that grows while we read
    // it must not get past the check.
    const qint64 limit = m_options.maxFileSize + 1;
    QByteArray bytes(qsizetype(std::min<qint64>(limit, qint64(status.st_size) + 1)), Qt::Uninitialized);
    qsizetype filled = 0;
    for (;;) {
        if (filled == bytes.size()) {
            if (bytes.size() >= limit)
                break;
            bytes.resize(qsizetype(std::min<qint64>(limit, qint64(bytes.size()) * 2 + 4096)));
        }
        const ssize_t count = ::read(file.get(), bytes.data() + filled, size_t(bytes.size() - filled));
        if (count < 0) {
            const int error = errno;
            if (error == EINTR)
                continue;
            return Error{u"Cannot read %1: %2."_s.arg(quoted(path), systemError(error))};
        }
        if (count == 0)
            break;
        filled += count;
    }
    bytes.truncate(filled);
    return loadBytes(bytes, path);
}

Result<Document> DocumentLoader::loadResource(const QString &path) const
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error{u"Cannot read %1: the file does not exist."_s.arg(quoted(path))};
    if (info.isDir())
        return Error{u"%1 is a folder, not an article file."_s.arg(quoted(path))};
    if (!isSupportedFile(path))
        return Error{unsupportedMessage(path)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"Cannot read %1: %2."_s.arg(quoted(path), file.errorString())};
    const qint64 size = file.size();
    if (size > m_options.maxFileSize)
        return Error{tooLargeMessage(path, size, m_options.maxFileSize)};
    const QByteArray bytes = file.read(m_options.maxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return Error{u"Cannot read %1: %2."_s.arg(quoted(path), file.errorString())};
    return loadBytes(bytes, path);
}

Result<Document> DocumentLoader::loadBytes(const QByteArray &bytes, const QString &path) const
{
    const Format format = formatOf(path);
    if (format == Format::Unsupported)
        return Error{unsupportedMessage(path)};
    if (bytes.size() > m_options.maxFileSize)
        return Error{tooLargeMessage(path, bytes.size(), m_options.maxFileSize)};
    if (isBlank(bytes))
        return Error{u"%1 is empty."_s.arg(quoted(path))};
    if (const std::optional<QString> binary = binaryContentReason(bytes))
        return Error{u"%1 looks like a binary file, not text: %2."_s.arg(quoted(path), *binary)};

    Document document;
    // Stored and shown: valid Unicode whatever the name's bytes.
    document.path = displayFileName(path);
    document.fileName = displayFileName(QFileInfo(path).fileName());

    bool usedFallback = false;
    if (format == Format::Html) {
        Result<HtmlContent> html = htmlToText(bytes, QDir::toNativeSeparators(displayFileName(path)));
        if (!html)
            return Error{html.error()};
        document.text = html->text.trimmed();
        document.title = html->title;
        document.date = html->date;
        document.sourceUrl = html->sourceUrl;
        document.warnings += html->warnings;
        usedFallback = html->usedFallbackEncoding;
    } else {
        DecodedText decoded = decodeText(bytes);
        usedFallback = decoded.usedFallback;
        QString text = takeHeader(normalizeLineBreaks(std::move(decoded.text)), document);
        if (format == Format::Markdown)
            text = markdownToText(text, document.title);
        document.text = text.trimmed();
    }
    if (usedFallback)
        document.warnings.append(u"%1 is not valid UTF-8; it was read as Windows-1252."_s.arg(quoted(path)));
    if (document.text.isEmpty())
        return Error{u"%1 contains no text."_s.arg(quoted(path))};

    document.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(document.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    return document;
}

namespace {

// Collects the supported files below `folder` (a file-system path, as its
// bytes) into `found`; what cannot be read goes to `errors`. Iterative, so
// that deep trees cannot exhaust the stack; names are read as bytes, so that
// names that are not UTF-8 are found and can be opened again.
void scanFolder(const QByteArray &folder, QStringList &found, QStringList &errors)
{
    QList<QByteArray> pending{folder};
    while (!pending.isEmpty()) {
        const QByteArray directory = pending.takeLast();
        const DirHandle dir(::opendir(directory.constData()));
        if (!dir) {
            const int error = errno;
            errors.append(u"Cannot read the folder %1: %2; the files in it were skipped."_s.arg(
                quoted(decodeFileName(directory)), systemError(error)));
            continue;
        }
        const QByteArray prefix = directory.endsWith('/') ? directory : directory + '/';
        for (;;) {
            errno = 0;
            const dirent *entry = ::readdir(dir.get());
            if (!entry) {
                const int error = errno;
                if (error != 0)
                    errors.append(u"Cannot read the whole folder %1: %2; some of its files may have been skipped."_s.arg(
                        quoted(decodeFileName(directory)), systemError(error)));
                break;
            }
            // Hidden entries ("." and "..", ".git", "._article.txt" from
            // macOS) are not articles, as file managers and QDir agree.
            if (entry->d_name[0] == '.')
                continue;
            const QByteArray child = prefix + entry->d_name;
            mode_t mode = DTTOIF(entry->d_type);
            bool isLink = false;
            if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
                // Not every file system gives the type, and a link's type
                // says nothing of its target.
                struct stat status = {};
                int result = ::lstat(child.constData(), &status);
                if (result == 0 && S_ISLNK(status.st_mode)) {
                    isLink = true;
                    result = ::stat(child.constData(), &status);
                }
                if (result != 0) {
                    const int error = errno;
                    const QString name = decodeFileName(child);
                    if (!DocumentLoader::isSupportedFile(name))
                        continue;
                    if (isLink && error == ENOENT)
                        errors.append(u"%1 is a symbolic link to nothing (its target does not exist)."_s.arg(quoted(name)));
                    else
                        errors.append(u"Cannot read %1: %2."_s.arg(quoted(name), systemError(error)));
                    continue;
                }
                mode = status.st_mode;
            }
            if (S_ISDIR(mode)) {
                // Symbolic links to folders are not followed: they can loop.
                if (!isLink)
                    pending.append(child);
                continue;
            }
            const QString name = decodeFileName(child);
            if (!DocumentLoader::isSupportedFile(name))
                continue;
            if (S_ISREG(mode))
                found.append(name);
            else
                errors.append(notRegularMessage(name, mode));
        }
    }
}

// Folder scans of Qt resources (the bundled corpus), whose names are ours.
void scanResourceFolder(const QString &folder, QStringList &found)
{
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (DocumentLoader::isSupportedFile(file))
            found.append(file);
    }
}

// The key under which a path is deduplicated: absolute and clean, computed
// from the string alone so that names that are not UTF-8 keep their bytes.
QString dedupKey(const QString &path)
{
    if (isResourcePath(path) || path.startsWith(u'/'))
        return QDir::cleanPath(path);
    return QDir::cleanPath(QDir::currentPath() + u'/' + path);
}

} // namespace

DocumentLoader::Inputs DocumentLoader::collectInputs(const QStringList &paths)
{
    Inputs inputs;
    QSet<QString> seen;
    auto add = [&](const QString &file) {
        const QString key = dedupKey(file);
        if (!seen.contains(key)) {
            seen.insert(key);
            inputs.files.append(file);
        }
    };
    for (const QString &path : paths) {
        QStringList found;
        if (isResourcePath(path)) {
            const QFileInfo info(path);
            if (!info.exists()) {
                inputs.errors.append(u"%1: no such file or folder."_s.arg(quoted(path)));
                continue;
            }
            if (!info.isDir()) {
                add(path);
                continue;
            }
            scanResourceFolder(path, found);
        } else {
            const QByteArray native = encodeFileName(path);
            struct stat status = {};
            if (::stat(native.constData(), &status) != 0) {
                const int error = errno;
                inputs.errors.append(error == ENOENT
                                         ? u"%1: no such file or folder."_s.arg(quoted(path))
                                         : u"Cannot read %1: %2."_s.arg(quoted(path), systemError(error)));
                continue;
            }
            if (!S_ISDIR(status.st_mode)) {
                add(path); // load() explains what is wrong with it, if anything
                continue;
            }
            QStringList errors;
            scanFolder(native, found, errors);
            std::sort(errors.begin(), errors.end()); // readdir()'s order is the file system's
            inputs.errors += errors;
        }
        std::sort(found.begin(), found.end());
        for (const QString &file : std::as_const(found))
            add(file);
    }
    return inputs;
}

} // namespace NewsGraph
