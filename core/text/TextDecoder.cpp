#include "core/text/TextDecoder.h"

#include <array>

namespace NewsGraph {

namespace {

// Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has
// typographic characters instead of C1 controls. The five unassigned bytes map
// to the C1 control of the same value, as the WHATWG Encoding Standard does,
// so that every byte decodes to something.
constexpr std::array<char16_t, 32> windows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, // 88–8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, // 98–9F
};

bool hasUtf8Bom(const QByteArray &bytes)
{
    return bytes.startsWith("\xEF\xBB\xBF");
}

} // namespace

int utf8SequenceLength(const char *begin, const char *end)
{
    // Strict validation (RFC 3629): no overlong forms, no surrogates, nothing
    // above U+10FFFF. QString::fromUtf8 would silently substitute U+FFFD and
    // callers need to know whether to fall back instead.
    const auto *p = reinterpret_cast<const unsigned char *>(begin);
    const auto *const stop = reinterpret_cast<const unsigned char *>(end);
    if (p >= stop)
        return 0;
    const unsigned char c = *p;
    if (c < 0x80)
        return 1;
    int length = 0;
    unsigned char min = 0x80;
    unsigned char max = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0)
            min = 0xA0; // overlong
        else if (c == 0xED)
            max = 0x9F; // UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0)
            min = 0x90; // overlong
        else if (c == 0xF4)
            max = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (stop - p < length)
        return 0;
    if (p[1] < min || p[1] > max)
        return 0;
    for (int i = 2; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

bool isValidUtf8(const QByteArray &bytes)
{
    const char *p = bytes.constData();
    const char *const end = p + bytes.size();
    while (p < end) {
        // ASCII runs are the common case; skip them without the call.
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        const int length = utf8SequenceLength(p, end);
        if (length == 0)
            return false;
        p += length;
    }
    return true;
}

QString decodeWindows1252(const QByteArray &bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        *out++ = (c >= 0x80 && c <= 0x9F) ? QChar(windows1252High[c - 0x80]) : QChar(char16_t(c));
    }
    return text;
}

DecodedText decodeText(const QByteArray &bytes)
{
    if (isValidUtf8(bytes)) {
        const qsizetype skip = hasUtf8Bom(bytes) ? 3 : 0;
        return {QString::fromUtf8(bytes.constData() + skip, bytes.size() - skip), false};
    }
    return {decodeWindows1252(bytes), true};
}

QString normalizeLineBreaks(QString text)
{
    const qsizetype firstCr = text.indexOf(u'\r');
    if (firstCr < 0)
        return text;
    QChar *const data = text.data();
    const qsizetype size = text.size();
    qsizetype out = firstCr;
    for (qsizetype in = firstCr; in < size; ++in) {
        if (data[in] == u'\r') {
            data[out++] = u'\n';
            if (in + 1 < size && data[in + 1] == u'\n')
                ++in;
        } else {
            data[out++] = data[in];
        }
    }
    text.truncate(out);
    return text;
}

} // namespace NewsGraph
