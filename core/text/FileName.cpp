#include "core/text/FileName.h"

#include "core/text/TextDecoder.h"

#include <algorithm>

namespace NewsGraph {

namespace {

constexpr char16_t escapeBase = 0xDC00; // U+DC80..U+DCFF stand for the bytes 0x80..0xFF

bool isEscapedByte(QChar c)
{
    return c.unicode() >= 0xDC80 && c.unicode() <= 0xDCFF;
}

// Characters shown as their bytes: C0 and C1 controls and DEL, and the two
// Unicode line separators, any of which would split a line of output or
// make a name unprintable.
bool needsEscape(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

void appendByteEscape(QString &out, unsigned char byte)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    out += u'\\';
    out += u'x';
    out += QLatin1Char(hex[byte >> 4]);
    out += QLatin1Char(hex[byte & 0xF]);
}

} // namespace

QString decodeFileName(const QByteArray &bytes)
{
    if (isValidUtf8(bytes))
        return QString::fromUtf8(bytes);
    QString name;
    name.reserve(bytes.size());
    const char *p = bytes.constData();
    const char *const end = p + bytes.size();
    const char *run = p; // start of the current run of well-formed UTF-8
    while (p < end) {
        const int length = utf8SequenceLength(p, end);
        if (length > 0) {
            p += length;
            continue;
        }
        name += QString::fromUtf8(run, p - run);
        name += QChar(char16_t(escapeBase + static_cast<unsigned char>(*p)));
        ++p;
        run = p;
    }
    name += QString::fromUtf8(run, end - run);
    return name;
}

QByteArray encodeFileName(const QString &name)
{
    if (!hasEscapedBytes(name))
        return name.toUtf8();
    QByteArray bytes;
    bytes.reserve(name.size() * 3);
    qsizetype run = 0; // start of the current run without escaped bytes
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isEscapedByte(name.at(i)))
            continue;
        bytes += QStringView(name).sliced(run, i - run).toUtf8();
        bytes += char(name.at(i).unicode() - escapeBase);
        run = i + 1;
    }
    bytes += QStringView(name).sliced(run).toUtf8();
    return bytes;
}

bool hasEscapedBytes(const QString &name)
{
    return std::any_of(name.begin(), name.end(), isEscapedByte);
}

QString displayFileName(const QString &name)
{
    const auto plain = [](QChar c) {
        return !c.isSurrogate() && !needsEscape(c.unicode());
    };
    if (std::all_of(name.begin(), name.end(), plain))
        return name;
    QString out;
    out.reserve(name.size() + 16);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (isEscapedByte(c)) {
            appendByteEscape(out, static_cast<unsigned char>(c.unicode() - escapeBase));
        } else if (c.isHighSurrogate() && i + 1 < name.size() && name.at(i + 1).isLowSurrogate()) {
            out += c;
            out += name.at(++i);
        } else if (c.isSurrogate()) {
            out += QChar::ReplacementCharacter; // not from decodeFileName()
        } else if (needsEscape(c.unicode())) {
            for (const char byte : QString(c).toUtf8())
                appendByteEscape(out, static_cast<unsigned char>(byte));
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace NewsGraph
