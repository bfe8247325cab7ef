#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// One article as NewsGraph stores it. All character offsets anywhere in
// NewsGraph (sentences, mentions, evidence) are UTF-16 code-unit positions in
// `text`, i.e. what QString indexes.
struct Document
{
    QString path;        // where it was read from (file system or ":/corpus/..." resource)
    QString fileName;    // the file's name, used to cite the document
    QString text;        // plain text, metadata header lines removed
    QString title;       // HTML <title>, else the first sentence (set by TextAnalyzer)
    QDate date;          // publication date when the article gives one; invalid otherwise
    QString language;    // ISO 639-1 code ("en", "fr"), "und" when undetermined
    QString sourceUrl;   // "source: URL" header or HTML canonical link, if any
    QString contentHash; // hex SHA-256 of `text` as UTF-8: identical articles are stored once
    QStringList warnings; // non-fatal problems met while reading (e.g. encoding fallback)
};

// A sentence as a half-open range [start, end) of Document::text. The range
// excludes surrounding whitespace and includes closing quotes and brackets.
struct Sentence
{
    int start = 0;
    int end = 0;

    int length() const { return end - start; }
    friend bool operator==(const Sentence &, const Sentence &) = default;
};

} // namespace NewsGraph
