#pragma once

#include "core/common/Result.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// A set of words or phrases read from a plain-text data file under
// resources/lexicon/: one entry per line, '#' starts a comment, blank lines
// are ignored, surrounding whitespace is trimmed. Lookups are exact, or
// case-insensitive through containsFolded().
class WordList
{
public:
    WordList() = default;
    explicit WordList(const QStringList &entries);

    static Result<WordList> fromFile(const QString &path);

    // The entries of a data file's text (the format above), in file order;
    // for files such as abbreviations-*.txt that add [section] lines.
    static QStringList parseEntries(QStringView text);
    static Result<QStringList> readEntries(const QString &path);

    // A QString is looked up as it is; a view is copied into one first
    // (QSet cannot look up a view), a copy per call that shows in profiles.
    bool contains(const QString &word) const { return m_entries.contains(word); }
    bool contains(QStringView word) const;
    bool containsFolded(QStringView word) const; // case-insensitive
    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    QStringList entries() const; // sorted

    void insert(const QString &entry);
    void unite(const WordList &other);

private:
    QSet<QString> m_entries;
    QSet<QString> m_folded;
};

} // namespace NewsGraph
