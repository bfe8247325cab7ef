#include "core/extract/NameSpelling.h"

#include <QList>

#include <algorithm>

namespace NewsGraph {

int editDistance(QStringView a, QStringView b)
{
    QList<int> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

bool likelySameName(QStringView a, QStringView b)
{
    if (a == b)
        return true;
    return std::min(a.size(), b.size()) >= 5 && editDistance(a, b) <= 1;
}

QStringList deletionVariants(const QString &word)
{
    QStringList variants{word};
    variants.reserve(word.size() + 1);
    for (qsizetype i = 0; i < word.size(); ++i)
        variants.append(QString(word).remove(i, 1));
    return variants;
}

} // namespace NewsGraph
