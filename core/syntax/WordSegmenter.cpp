#include "core/syntax/WordSegmenter.h"

#include "core/syntax/WordForms.h"

#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// A context must have been seen this often to override the default.
constexpr int minimumContextCount = 2;

struct Counts
{
    int split = 0;
    int whole = 0;
    void add(bool wasSplit) { ++(wasSplit ? split : whole); }
    bool splits() const { return split > whole; }
};

QString contextKey(const QString &previous, const QString &surface)
{
    return WordSegmenter::key(previous) + u'\t' + WordSegmenter::key(surface);
}

// Calls `visit(surface, previous surface, words or empty)` for every
// surface token of `sentence`: a multiword token with its words, or a word
// no range covers with an empty list.
template<typename Visit>
void forEachSurface(const ConlluSentence &sentence, Visit visit)
{
    QString previous;
    qsizetype nextRange = 0;
    for (qsizetype w = 0; w < sentence.words.size();) {
        const int id = int(w) + 1;
        while (nextRange < sentence.multiwords.size() && sentence.multiwords.at(nextRange).first < id)
            ++nextRange;
        if (nextRange < sentence.multiwords.size() && sentence.multiwords.at(nextRange).first == id) {
            const ConlluMultiword &range = sentence.multiwords.at(nextRange);
            QStringList words;
            for (int i = range.first; i <= range.last && i <= sentence.words.size(); ++i)
                words.append(sentence.words.at(i - 1).form.toLower());
            visit(range.form, previous, words);
            previous = range.form;
            w = std::max<qsizetype>(range.last, w + 1); // always forward, whatever the range says
            continue;
        }
        visit(sentence.words.at(w).form, previous, QStringList());
        previous = sentence.words.at(w).form;
        ++w;
    }
}

} // namespace

QString WordSegmenter::key(const QString &surface)
{
    QString lower = lowerCase(surface);
    lower.replace(QChar(0x2019), u'\'');
    return lower;
}

WordSegmenter WordSegmenter::train(const QList<ConlluSentence> &sentences)
{
    // Which surfaces were ever split, into what.
    QHash<QString, QMap<QStringList, int>> splits;
    for (const ConlluSentence &sentence : sentences) {
        forEachSurface(sentence, [&](const QString &surface, const QString &, const QStringList &words) {
            if (!words.isEmpty())
                ++splits[key(surface)][words];
        });
    }
    // How often each of them was split, overall and after each word.
    QHash<QString, Counts> overall;
    QHash<QString, Counts> inContext;
    for (const ConlluSentence &sentence : sentences) {
        forEachSurface(sentence, [&](const QString &surface, const QString &previous, const QStringList &words) {
            const QString k = key(surface);
            if (!splits.contains(k))
                return;
            overall[k].add(!words.isEmpty());
            inContext[contextKey(previous, surface)].add(!words.isEmpty());
        });
    }

    WordSegmenter segmenter;
    // Hyphens: words with one inside against hyphens that stand alone
    // between two words with no space on either side. Abbreviations:
    // words written with their full stop ("Mr.", "Inc.", "av.").
    int hyphenatedWords = 0;
    int hyphensBetweenWords = 0;
    QHash<QString, int> dotted;
    for (const ConlluSentence &sentence : sentences) {
        for (qsizetype w = 0; w < sentence.words.size(); ++w) {
            const ConlluWord &word = sentence.words.at(w);
            if (word.form.size() > 1 && word.form.startsWith(u'-') && word.form.at(1).isLetter()) {
                segmenter.m_hyphenSuffixes.insert(key(word.form));
            } else if (word.form.size() > 2 && word.form.indexOf(u'-') > 0 && !word.form.endsWith(u'-')) {
                ++hyphenatedWords;
            } else if (word.form == u"-"_s && w > 0 && w + 1 < sentence.words.size()
                       && sentence.words.at(w - 1).misc.contains(u"SpaceAfter=No"_s)
                       && word.misc.contains(u"SpaceAfter=No"_s)) {
                ++hyphensBetweenWords;
            }
            if (word.form.size() > 1 && word.form.endsWith(u'.') && word.form.front().isLetter())
                ++dotted[key(word.form)];
        }
    }
    segmenter.m_joinsHyphens = hyphenatedWords > hyphensBetweenWords;
    if (!segmenter.m_joinsHyphens)
        segmenter.m_hyphenSuffixes.clear();
    // Abbreviations seen at least twice.
    for (auto it = dotted.cbegin(); it != dotted.cend(); ++it) {
        if (*it >= 2)
            segmenter.m_abbreviations.insert(it.key());
    }
    for (auto it = splits.cbegin(); it != splits.cend(); ++it) {
        Surface surface;
        int best = 0;
        for (auto split = it->cbegin(); split != it->cend(); ++split) { // QMap: ties go to the first
            if (split.value() > best) {
                best = split.value();
                surface.words = split.key();
            }
        }
        surface.splitByDefault = overall.value(it.key()).splits();
        segmenter.m_surfaces.insert(it.key(), surface);
    }
    for (auto it = inContext.cbegin(); it != inContext.cend(); ++it) {
        if (it->split + it->whole < minimumContextCount)
            continue;
        const QString surface = it.key().mid(it.key().indexOf(u'\t') + 1);
        if (it->splits() != segmenter.m_surfaces.value(surface).splitByDefault)
            segmenter.m_contexts.insert(it.key(), it->splits());
    }
    return segmenter;
}

QStringList WordSegmenter::split(const QString &surface, const QString &previous) const
{
    const Surface *found = splitOf(surface, previous);
    return found ? wordsOf(*found, surface) : QStringList{surface};
}

const WordSegmenter::Surface *WordSegmenter::splitOf(const QString &surface, const QString &previous) const
{
    const auto found = m_surfaces.constFind(key(surface));
    if (found == m_surfaces.cend() || !m_contexts.value(contextKey(previous, surface), found->splitByDefault))
        return nullptr;
    return &*found;
}

QStringList WordSegmenter::wordsOf(const Surface &split, const QString &surface)
{
    if (split.words.join(QString()) == key(surface)) {
        QStringList pieces;
        qsizetype at = 0;
        for (const QString &word : split.words) {
            pieces.append(surface.mid(at, word.size()));
            at += word.size();
        }
        return pieces;
    }
    QStringList words = split.words;
    if (!surface.isEmpty() && surface.front().isUpper() && !words.isEmpty() && !words.front().isEmpty())
        words.front()[0] = words.front().front().toUpper();
    return words;
}

ConlluSentence WordSegmenter::segment(const QList<SurfaceToken> &tokens, QList<int> *tokenOfWord) const
{
    ConlluSentence sentence;
    sentence.words.reserve(tokens.size());
    if (tokenOfWord) {
        tokenOfWord->clear();
        tokenOfWord->reserve(tokens.size());
    }
    const auto attached = [&](qsizetype t) { return t < tokens.size() && !tokens.at(t).spaceBefore; };
    const auto isWordLike = [&](qsizetype t) {
        return t < tokens.size() && !tokens.at(t).text.isEmpty() && tokens.at(t).text.front().isLetterOrNumber();
    };
    const auto addWord = [&](const QString &form, int token, bool spaceAfter) {
        ConlluWord word;
        // As the treebanks write them: "l'", "'s", whatever the text's
        // apostrophe; tokenOfWord leads back to the text.
        word.form = form;
        word.form.replace(QChar(0x2019), u'\'');
        word.misc = spaceAfter ? u"_"_s : u"SpaceAfter=No"_s;
        sentence.words.append(word);
        if (tokenOfWord)
            tokenOfWord->append(token);
    };
    // How many tokens from t spell a word that starts with a hyphen
    // ("-" "il", "-" "t" "-" "il"), the longest the treebanks have; 0 if none.
    const auto hyphenSuffixLength = [&](qsizetype t) -> qsizetype {
        if (!m_joinsHyphens || t >= tokens.size() || tokens.at(t).text != u"-"_s || t == 0 || !attached(t))
            return 0;
        QString spelled = u"-"_s;
        qsizetype longest = 0;
        for (qsizetype end = t + 1; end < tokens.size() && end <= t + 3 && attached(end); ++end) {
            spelled += tokens.at(end).text;
            if (m_hyphenSuffixes.contains(key(spelled)))
                longest = end - t + 1;
        }
        return longest;
    };
    QString previous;
    for (qsizetype t = 0; t < tokens.size();) {
        const int first = int(t);
        QString surface = tokens.at(t).text;
        ++t;
        if (const qsizetype suffix = hyphenSuffixLength(first); suffix > 0) {
            // "-il", "-t-il": a clitic after a verb, one word.
            for (qsizetype end = first + 1; end < first + suffix; ++end)
                surface += tokens.at(end).text;
            t = first + suffix;
        } else if (m_joinsHyphens && isWordLike(first)) {
            // "Jean" "-" "Claude" is one word where the treebanks say so.
            while (t + 1 < tokens.size() && tokens.at(t).text == u"-"_s && attached(t) && attached(t + 1)
                   && isWordLike(t + 1) && hyphenSuffixLength(t) == 0) {
                surface += u'-' + tokens.at(t + 1).text;
                t += 2;
            }
        }
        // "Mr" "." is "Mr.", as the treebanks write the abbreviations they have.
        if (isWordLike(first) && t < tokens.size() && tokens.at(t).text == u"."_s && attached(t)
            && m_abbreviations.contains(key(surface + u'.'))) {
            surface += u'.';
            ++t;
        }
        const bool spaceAfter = !attached(t);
        // Most surfaces are one word: no list of words for them.
        const Surface *learnt = splitOf(surface, previous);
        const QStringList words = learnt ? wordsOf(*learnt, surface) : QStringList();
        if (words.size() > 1) {
            const int id = int(sentence.words.size()) + 1;
            sentence.multiwords.append(
                ConlluMultiword{id, id + int(words.size()) - 1, surface, spaceAfter ? u"_"_s : u"SpaceAfter=No"_s});
            for (const QString &word : words)
                addWord(word, first, true);
            sentence.words.last().misc = u"_"_s;
        } else {
            addWord(surface, first, spaceAfter);
        }
        previous = surface;
    }
    return sentence;
}

void WordSegmenter::write(QDataStream &out) const
{
    QStringList keys = m_surfaces.keys();
    keys.sort();
    out << quint32(keys.size());
    for (const QString &k : std::as_const(keys)) {
        const Surface &surface = m_surfaces[k];
        out << k << surface.words << surface.splitByDefault;
    }
    keys = m_contexts.keys();
    keys.sort();
    out << quint32(keys.size());
    for (const QString &k : std::as_const(keys))
        out << k << m_contexts.value(k);
    QStringList suffixes = m_hyphenSuffixes.values();
    suffixes.sort();
    QStringList abbreviations = m_abbreviations.values();
    abbreviations.sort();
    out << m_joinsHyphens << suffixes << abbreviations;
}

Result<WordSegmenter> WordSegmenter::read(QDataStream &in)
{
    WordSegmenter segmenter;
    quint32 count = 0;
    in >> count;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString k;
        Surface surface;
        in >> k >> surface.words >> surface.splitByDefault;
        if (in.status() != QDataStream::Ok)
            break;
        if (surface.words.size() < 2)
            return Error{u"the multiword token \"%1\" splits into fewer than two words"_s.arg(k)};
        segmenter.m_surfaces.insert(k, surface);
    }
    in >> count;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString k;
        bool splits = false;
        in >> k >> splits;
        segmenter.m_contexts.insert(k, splits);
    }
    QStringList suffixes;
    QStringList abbreviations;
    in >> segmenter.m_joinsHyphens >> suffixes >> abbreviations;
    segmenter.m_hyphenSuffixes = QSet<QString>(suffixes.cbegin(), suffixes.cend());
    segmenter.m_abbreviations = QSet<QString>(abbreviations.cbegin(), abbreviations.cend());
    if (in.status() != QDataStream::Ok)
        return Error{in.status() == QDataStream::ReadPastEnd ? u"the multiword tokens are cut short"_s
                                                             : u"the multiword tokens are not valid"_s};
    return segmenter;
}

} // namespace NewsGraph
