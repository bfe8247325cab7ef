#include "core/text/WordList.h"

#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

WordList::WordList(const QStringList &entries)
{
    for (const QString &entry : entries)
        insert(entry);
}

QStringList WordList::parseEntries(QStringView text)
{
    QStringList entries;
    for (QStringView line : text.tokenize(u'\n')) {
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line = line.left(hash);
        line = line.trimmed();
        if (!line.isEmpty())
            entries.append(line.toString());
    }
    return entries;
}

Result<QStringList> WordList::readEntries(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"Cannot read the word list “%1”: %2"_s.arg(path, file.errorString())};
    return parseEntries(QString::fromUtf8(file.readAll()));
}

Result<WordList> WordList::fromFile(const QString &path)
{
    Result<QStringList> entries = readEntries(path);
    if (!entries)
        return Error{entries.error()};
    return WordList(*entries);
}

bool WordList::contains(QStringView word) const
{
    return m_entries.contains(word.toString());
}

bool WordList::containsFolded(QStringView word) const
{
    return m_folded.contains(word.toString().toCaseFolded());
}

QStringList WordList::entries() const
{
    QStringList sorted(m_entries.cbegin(), m_entries.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

void WordList::insert(const QString &entry)
{
    if (entry.isEmpty())
        return;
    m_entries.insert(entry);
    m_folded.insert(entry.toCaseFolded());
}

void WordList::unite(const WordList &other)
{
    m_entries.unite(other.m_entries);
    m_folded.unite(other.m_folded);
}

} // namespace NewsGraph
