#pragma once

// A stream of news articles about invented actors, in English and French, for
// benchmarks that need projects of any size: article `index` is the same text
// on every run. The cast grows with the stream as real news does: a few actors
// recur in many articles, new people, companies and towns keep appearing, and
// a surname or a company's short name comes back after its full name.
// Nothing here is the sample corpus or any real article.

#include <QString>

namespace NewsGraph::Testing {

// An invented word of `syllables` syllables: index n gives a distinct word for
// every n below 24^syllables, capitalised.
QString inventedWord(quint32 n, int syllables);

struct SyntheticArticle
{
    QString fileName; // "article-000042-en.txt"
    QString text;
    bool french = false;
};

class SyntheticNews
{
public:
    // One article in `frenchShare` is French (0 none, 1 all).
    explicit SyntheticNews(double frenchShare = 1.0 / 3.0);

    SyntheticArticle article(quint64 index) const;

private:
    double m_frenchShare;
};

} // namespace NewsGraph::Testing
