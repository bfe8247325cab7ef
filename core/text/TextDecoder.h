#pragma once

#include <QByteArray>
#include <QString>

namespace NewsGraph {

struct DecodedText
{
    QString text;
    bool usedFallback = false; // bytes were not valid UTF-8 and were read as Windows-1252
};

// Decodes article bytes: UTF-8 (a leading BOM is dropped) when the bytes are
// valid UTF-8, otherwise Windows-1252, the usual encoding of older Western
// web pages and Office exports.
DecodedText decodeText(const QByteArray &bytes);

bool isValidUtf8(const QByteArray &bytes);
// The length of the well-formed UTF-8 sequence that starts at `p` (1 for
// ASCII), or 0 when the bytes in [p, end) do not start with one. Strict, as
// isValidUtf8(): no overlong forms, no surrogates, nothing above U+10FFFF.
int utf8SequenceLength(const char *p, const char *end);
QString decodeWindows1252(const QByteArray &bytes);

// Turns CRLF and lone CR line ends into LF. Loaders do this before anything
// computes offsets, so offsets always refer to LF-only text.
QString normalizeLineBreaks(QString text);

} // namespace NewsGraph
