#include "core/syntax/WordForms.h"

#include <algorithm>

namespace NewsGraph {

QString normalisedWord(const QString &word)
{
    // The kinds are literals, which need no copy.
    const QStringView kind = wordKind(word);
    return kind.isNull() ? word.toLower() : QString::fromRawData(kind.data(), kind.size());
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

QString wordShape(const QString &word)
{
    QString shape;
    QChar last;
    for (const QChar c : word) {
        const QChar kind = c.isUpper() ? u'X' : c.isLower() ? u'x' : c.isDigit() ? u'd' : c;
        if (kind != last)
            shape += kind;
        last = kind;
    }
    return shape;
}

} // namespace NewsGraph
