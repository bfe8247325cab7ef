#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

namespace NewsGraph {

struct HtmlContent
{
    QString text;          // article text; block elements end with line breaks
    QString title;         // <title> (or og:title), whitespace collapsed
    QDate date;            // <time datetime>, article:published_time and similar
    QString sourceUrl;     // <link rel="canonical"> or og:url
    bool usedFallbackEncoding = false; // no charset declared and bytes not UTF-8: read as Windows-1252
    QStringList warnings;  // text that could not be read as the page has it, each naming the file
};

// Turns an HTML page into article text with libxml2's HTML parser (never
// regular expressions): scripts, styles, comments, navigation, headers,
// footers, asides and forms are dropped; when the page has an <article> (or
// <main>) element only that is kept, so a page saved from a browser yields
// the article and not its menus. Entities are decoded; block elements become
// line breaks (paragraphs are separated by a blank line).
//
// Where libxml2's HTML 4 parser and HTML5 part ways in a manner that loses
// text, the page is read as a browser reads it: HTML5 void elements libxml2
// does not know (<embed>, <source>, <wbr>, ...) get no content, end tags
// libxml2 ignores but HTML5 honours (</noscript>, </iframe>, </nav> with a
// <div> left open inside) close their element, and "<!-->" is an empty
// comment. Text that is still lost (the page's markup hides it from
// browsers too, or it nests deeper than the parser goes) is reported in
// `warnings`. Declared charsets other than UTF-8 and Windows-1252 are
// converted with iconv; bytes invalid in them become U+FFFD, with a warning.
// `fileName` only names the file in messages.
Result<HtmlContent> htmlToText(const QByteArray &html, const QString &fileName);

} // namespace NewsGraph
