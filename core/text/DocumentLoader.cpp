#include "core/text/DocumentLoader.h"

#include "core/text/BinaryContent.h"
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

QString quoted(const QString &path)
{
    return u"“%1”"_s.arg(QDir::toNativeSeparators(path));
}

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
    // Read at most one byte over the limit: a file that grows while we read
    // it (or reports no size) must not get past the check.
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
    document.path = path;
    document.fileName = QFileInfo(path).fileName();

    bool usedFallback = false;
    if (format == Format::Html) {
        Result<HtmlContent> html = htmlToText(bytes, path);
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

DocumentLoader::Inputs DocumentLoader::collectInputs(const QStringList &paths)
{
    Inputs inputs;
    QSet<QString> seen;
    auto add = [&](const QString &file) {
        const QString key = QFileInfo(file).absoluteFilePath();
        if (!seen.contains(key)) {
            seen.insert(key);
            inputs.files.append(file);
        }
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            inputs.errors.append(u"%1: no such file or folder."_s.arg(quoted(path)));
            continue;
        }
        if (!info.isDir()) {
            add(path);
            continue;
        }
        // Symbolic links to folders are not followed: they can loop.
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (isSupportedFile(file))
                found.append(file);
        }
        std::sort(found.begin(), found.end());
        for (const QString &file : std::as_const(found))
            add(file);
    }
    return inputs;
}

} // namespace NewsGraph
