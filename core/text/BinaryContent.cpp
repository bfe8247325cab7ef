#include "core/text/BinaryContent.h"

#include "core/text/TextDecoder.h"

#include <algorithm>
#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr qsizetype minimumSuspicious = 8; // a few stray controls are fine
constexpr qsizetype suspiciousShareDivisor = 64; // more than one byte in 64 is not

// What a byte is to the test, looked up per byte: the scan runs over up to
// 64 KiB of every file read.
enum ByteClass : unsigned char { Text, Control, Escape, High };

// C0 controls and DEL are Control, except the ones text uses: tab, line
// feed, vertical tab (Word's manual line break), form feed, carriage return,
// and the shifts of the ISO 2022 encodings (ISO-2022-KR): SO and SI. ESC
// (Escape) counts unless an ISO 2022 designation follows (ISO-2022-JP mail
// and web pages); ANSI colour codes count.
constexpr std::array<ByteClass, 256> byteClasses = [] {
    std::array<ByteClass, 256> classes{};
    for (int c = 0; c < 0x20; ++c)
        classes[c] = c >= 0x09 && c <= 0x0F ? Text : Control;
    classes[0x1B] = Escape;
    classes[0x7F] = Control;
    for (int c = 0x80; c < 0x100; ++c)
        classes[c] = High;
    return classes;
}();

bool startsIso2022Designation(const unsigned char *p, const unsigned char *end)
{
    return p < end && std::string_view("$()*+-./").find(char(*p)) != std::string_view::npos;
}

// The bytes Windows-1252 does not define; TextDecoder maps them to C1
// controls.
bool isUndefinedInWindows1252(unsigned char c)
{
    return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

// Whether the bytes in [p, end) could be the start of a UTF-8 sequence that
// the cut at binarySniffLength split: a lead byte and continuation bytes only.
bool couldBeCutSequence(const unsigned char *p, const unsigned char *end)
{
    const unsigned char lead = *p;
    const qsizetype length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || end - p >= length)
        return false;
    return std::all_of(p + 1, end, [](unsigned char c) { return (c & 0xC0) == 0x80; });
}

} // namespace

std::optional<QString> binaryContentReason(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return u"it contains NUL bytes (UTF-16 text is not supported either)"_s;

    const qsizetype length = std::min(bytes.size(), binarySniffLength);
    const auto *const begin = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *const end = begin + length;
    const bool cut = length < bytes.size();
    qsizetype suspicious = 0;
    for (const unsigned char *p = begin; p < end;) {
        const unsigned char c = *p;
        const ByteClass byteClass = byteClasses[c];
        if (byteClass == Text) {
            ++p;
            continue;
        }
        if (byteClass != High) {
            suspicious += byteClass == Control || !startsIso2022Designation(p + 1, end);
            ++p;
            continue;
        }
        const int sequence = utf8SequenceLength(reinterpret_cast<const char *>(p), reinterpret_cast<const char *>(end));
        if (sequence == 0) {
            if (cut && couldBeCutSequence(p, end))
                break;
            // Not UTF-8 here: TextDecoder will read the byte as Windows-1252.
            suspicious += isUndefinedInWindows1252(c);
            ++p;
            continue;
        }
        // U+0080..U+009F, the C1 controls, are C2 80..C2 9F in UTF-8.
        suspicious += sequence == 2 && c == 0xC2 && p[1] <= 0x9F;
        p += sequence;
    }

    if (suspicious <= minimumSuspicious || suspicious * suspiciousShareDivisor <= length)
        return std::nullopt;
    return u"%1 of its first %2 bytes are control codes rather than text"_s
        .arg(suspicious)
        .arg(length);
}

} // namespace NewsGraph
