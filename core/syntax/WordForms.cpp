#include "core/syntax/WordForms.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

QString normalisedWord(const QString &word)
{
    if (word.size() > 1 && word.contains(u'-') && !word.startsWith(u'-'))
        return u"!HYPHEN"_s;
    if (word.size() == 4 && std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.isDigit(); }))
        return u"!YEAR"_s;
    if (!word.isEmpty() && word.front().isDigit())
        return u"!DIGITS"_s;
    return word.toLower();
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
