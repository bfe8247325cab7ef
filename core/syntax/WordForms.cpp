#include "core/syntax/WordForms.h"

#include <algorithm>

namespace NewsGraph {

QString normalisedWord(const QString &word)
{
    // The kinds are literals, which need no copy.
    const QStringView kind = wordKind(word);
    return kind.isNull() ? lowerCase(word) : QString::fromRawData(kind.data(), kind.size());
}

QString lowerCase(const QString &text)
{
    // In Latin-1 (ASCII, and the accented letters of French and German),
    // lower case takes 'A' to 'Z' and 'À' to 'Þ' but '×' 32 code points
    // on and leaves the rest, whatever the locale (QString::toLower() does
    // not use one); beyond, the tables decide.
    const auto isUpper = [](char16_t c) {
        return (c >= u'A' && c <= u'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
    };
    qsizetype firstUpper = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c > 0xFF)
            return text.toLower();
        if (firstUpper < 0 && isUpper(c))
            firstUpper = i;
    }
    if (firstUpper < 0)
        return text;
    QString lower = text;
    QChar *data = lower.data(); // a copy of its own
    for (qsizetype i = firstUpper; i < lower.size(); ++i) {
        if (const char16_t c = data[i].unicode(); isUpper(c))
            data[i] = QChar(char16_t(c + 32));
    }
    return lower;
}

QStringView wordKind(QStringView word)
{
    if (word.size() > 1 && word.contains(u'-') && !word.startsWith(u'-'))
        return u"!HYPHEN";
    if (word.size() == 4 && std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.isDigit(); }))
        return u"!YEAR";
    if (!word.isEmpty() && word.front().isDigit())
        return u"!DIGITS";
    return {};
}

void appendWordShape(QStringView word, QString &out)
{
    // Written in place and cut to length, rather than grown a character at
    // a time: half the instructions.
    const qsizetype at = out.size();
    out.resize(at + word.size());
    QChar *end = out.data() + at;
    QChar last;
    for (const QChar c : word) {
        const QChar kind = c.isUpper() ? u'X' : c.isLower() ? u'x' : c.isDigit() ? u'd' : c;
        if (kind != last)
            *end++ = kind;
        last = kind;
    }
    out.truncate(end - out.constData());
}

QString wordShape(const QString &word)
{
    QString shape;
    shape.reserve(word.size());
    appendWordShape(word, shape);
    return shape.isEmpty() ? QString() : shape; // null, as an empty string grown from nothing is
}

} // namespace NewsGraph
