#pragma once

#include <QByteArray>
#include <QString>

namespace NewsGraph {

// File names on Linux are bytes, not text. Qt decodes them as UTF-8 and turns
// every byte that is not part of a UTF-8 sequence into U+FFFD, so a file
// named "caf\xE9.txt" (Latin-1) can be neither opened nor told apart from its
// neighbours once it is a QString. These functions keep file names lossless
// with the "surrogateescape" scheme of PEP 383 (Python's os.fsdecode): each
// byte 0xXY that is not part of a well-formed UTF-8 sequence becomes the lone
// surrogate U+DCXY, which decoded UTF-8 never contains, so decoding and then
// encoding gives back the original bytes, whatever they were.

// Bytes (a name from readdir() or argv) to a QString, losslessly.
QString decodeFileName(const QByteArray &bytes);

// The inverse of decodeFileName(), for open(), stat() and opendir(). Other
// QStrings are encoded as UTF-8; a lone surrogate that is not an escaped
// byte (which no file name decodes to) becomes '?', as QString::toUtf8()
// makes it.
QByteArray encodeFileName(const QString &name);

// Whether `name` holds escaped bytes, i.e. cannot be written as UTF-8 text.
bool hasEscapedBytes(const QString &name);

// A name as people read it and as NewsGraph stores it: escaped bytes and
// control characters (which would break lines of output or XML) are written
// as "\xE9", "\x0A"; the result is valid Unicode. Names that are valid UTF-8
// without control characters are returned as they are.
QString displayFileName(const QString &name);

} // namespace NewsGraph
