#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace NewsGraph {

// How much of a file binaryContentReason() examines (besides looking for NUL
// bytes, which it does in the whole file).
inline constexpr qsizetype binarySniffLength = 64 * 1024;

// Why `bytes` look like a binary file rather than text, worded to follow
// "it looks like a binary file, not text: ", or nothing when they look like
// text.
//
// Text in any encoding NewsGraph reads (UTF-8, and Windows-1252/Latin-1 for
// bytes that are not UTF-8) has no NUL bytes and hardly any control
// characters besides tab, line feed, vertical tab, form feed and carriage
// return (and the shifts and escapes of ISO-2022-JP); binary data (images, archives, executables, compressed or random
// bytes) has NUL bytes or, without them, about one control byte in nine. So
// the test counts, in the first binarySniffLength bytes, the C0 and C1
// control characters and DEL, and, where the bytes are not UTF-8 and so will
// be read as Windows-1252, the five bytes Windows-1252 leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D). More than 8 of them, and more than one in
// 64, mean binary: a handful of stray controls in a real article stays well
// under both, random bytes exceed the share about eightfold. The high bytes of
// other single-byte encodings (Cyrillic, Greek) are deliberately not
// counted: such text is mis-decoded, not binary.
std::optional<QString> binaryContentReason(const QByteArray &bytes);

} // namespace NewsGraph
