#include "core/text/SentenceSplitter.h"

#include <QDir>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// --- character classes -------------------------------------------------------

bool isLineBreak(QChar c)
{
    const char16_t u = c.unicode();
    return u == u'\n' || u == u'\r' || u == 0x0085 || u == 0x2028 || u == 0x2029;
}

bool isInlineSpace(QChar c)
{
    return c.isSpace() && !isLineBreak(c);
}

// Characters that close a quotation or a parenthesis and stay with the
// sentence they follow: “…done.” ‘…done.’ « … fini. » (…done.)
bool isClosing(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case u')':
    case u']':
    case u'}':
    case 0x2019: // ’
    case 0x201D: // ”
    case 0x00BB: // »
    case 0x203A: // ›
        return true;
    default:
        return false;
    }
}

bool isOpening(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case u'(':
    case u'[':
    case u'{':
    case 0x2018: // ‘
    case 0x201C: // “
    case 0x201E: // „
    case 0x00AB: // «
    case 0x2039: // ‹
        return true;
    default:
        return false;
    }
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

bool isEllipsis(QChar c)
{
    return c == QChar(0x2026);
}

// Punctuation after which a line may end a sentence (for line analysis).
bool isTerminal(QChar c)
{
    switch (c.unicode()) {
    case u'.':
    case u'?':
    case u'!':
    case 0x2026: // …
    case 0x203C: // ‼
    case 0x2047: // ⁇
    case 0x2048: // ⁈
    case 0x2049: // ⁉
        return true;
    default:
        return false;
    }
}

bool isAbbreviationChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c == u'.' || c == u'-' || c == u'&';
}

// --- line structure ------------------------------------------------------------

struct Line
{
    qsizetype start = 0;  // first character
    qsizetype end = 0;    // one past the last character before the line break
    qsizetype next = 0;   // start of the following line
    qsizetype length = 0; // without surrounding whitespace
    bool blank = false;
};

// Reads the lines of a text one after the other. Lines are read again
// rather than kept: a text of short lines has millions of them.
class LineReader
{
public:
    explicit LineReader(const QString &text)
        : m_text(text)
    {
    }

    // The next line (the last one may be empty), or false after the last.
    bool next(Line &line)
    {
        const qsizetype size = m_text.size();
        if (m_start > size)
            return false;
        const QChar *data = m_text.constData();
        const qsizetype start = m_start;
        qsizetype end = start;
        while (end < size && !isLineBreak(data[end]))
            ++end;
        qsizetype next = end;
        if (next < size) {
            next += (data[next] == u'\r' && next + 1 < size && data[next + 1] == u'\n') ? 2 : 1;
        }
        qsizetype first = start;
        while (first < end && data[first].isSpace())
            ++first;
        qsizetype last = end;
        while (last > first && data[last - 1].isSpace())
            --last;
        line = {start, end, next, last - first, first == last};
        m_start = end >= size ? size + 1 : next;
        return true;
    }

private:
    const QString &m_text;
    qsizetype m_start = 0;
};

// Calls `f(line, nextLine)` for every two consecutive lines that are not blank.
template<typename F>
void forEachPairOfLines(const QString &text, F f)
{
    LineReader reader(text);
    Line previous;
    Line line;
    bool first = true;
    while (reader.next(line)) {
        if (!first && !previous.blank && !line.blank)
            f(previous, line);
        previous = line;
        first = false;
    }
}

QStringView trimmedLine(const QString &text, const Line &line)
{
    return QStringView(text).sliced(line.start, line.end - line.start).trimmed();
}

bool endsWithTerminal(QStringView line)
{
    qsizetype i = line.size() - 1;
    while (i >= 0 && isClosing(line[i]))
        --i;
    return i >= 0 && (isTerminal(line[i]) || line[i] == u':');
}

bool startsWithBullet(QStringView line)
{
    if (line.isEmpty())
        return false;
    const QChar first = line[0];
    if ((first == u'-' || first == u'*' || first == u'+' || first == QChar(0x2022) || first == QChar(0x2013)
         || first == QChar(0x2014))
        && line.size() > 1 && line[1].isSpace())
        return true;
    qsizetype i = 0;
    while (i < line.size() && i < 3 && line[i].isDigit())
        ++i;
    return i > 0 && i + 1 < line.size() && (line[i] == u'.' || line[i] == u')') && line[i + 1].isSpace();
}

qsizetype firstWordLength(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && !line[i].isSpace())
        ++i;
    return i;
}

// Finds the single line breaks that are only wrapping inside a paragraph.
// A text is hard-wrapped when most lines that continue a paragraph have
// about the same length (a fixed column, 60–100 characters); there a line
// break is soft when the next line's first word would not have fitted on the
// line (the classic test for reflowing text), or when the line has no final
// punctuation and the next one goes on in lowercase. Outside hard-wrapped
// text every line break is meant: one line per paragraph, headlines, lists.
QList<qsizetype> softLineBreaks(const QString &text)
{
    QList<qsizetype> soft;
    // Lengths of the lines that continue a paragraph. Texts are indexed by
    // int (Sentence), so a length fits in one.
    QList<int> interior;
    forEachPairOfLines(text, [&](const Line &line, const Line &) { interior.append(int(line.length)); });
    if (interior.isEmpty())
        return soft;

    bool wrapped = false;
    qsizetype width = 0;
    if (interior.size() >= 2) {
        // Wrapping falls mid-sentence far more often than not; lines that
        // mostly end with final punctuation are one sentence or paragraph each.
        qsizetype endingWithTerminal = 0;
        forEachPairOfLines(text, [&](const Line &line, const Line &) {
            if (endsWithTerminal(trimmedLine(text, line)))
                ++endingWithTerminal;
        });
        // The median, in place: the loop below does not depend on the order.
        std::nth_element(interior.begin(), interior.begin() + interior.size() / 2, interior.end());
        const qsizetype median = interior[interior.size() / 2];
        qsizetype similar = 0;
        for (const qsizetype length : std::as_const(interior)) {
            if (length * 10 >= median * 7 && length * 10 <= median * 13) {
                ++similar;
                width = std::max(width, length);
            }
        }
        wrapped = median >= 30 && median <= 120 && similar * 10 >= interior.size() * 6
            && endingWithTerminal * 2 <= interior.size();
    }

    const bool measured = interior.size() >= 2;
    forEachPairOfLines(text, [&](const Line &line, const Line &nextLine) {
        const QStringView current = trimmedLine(text, line);
        const QStringView following = trimmedLine(text, nextLine);
        if (startsWithBullet(following))
            return;
        const bool continuesLowercase = following[0].isLower() && !endsWithTerminal(current);
        bool isSoft = false;
        if (wrapped) {
            const bool longLine = line.length * 2 >= width;
            const bool wordWouldNotFit = line.length + 1 + firstWordLength(following) > width;
            isSoft = longLine && (wordWouldNotFit || continuesLowercase);
        } else if (!measured) {
            // One line break is too little to measure a wrap width: accept a
            // wrapping-sized line that stops mid-sentence.
            isSoft = continuesLowercase && line.length >= 40 && line.length <= 100;
        }
        if (isSoft)
            soft.append(line.end);
    });
    return soft;
}

// --- words around a boundary ------------------------------------------------------

// The abbreviation candidate that ends at the period at `dot`: "U.S" in
// "the U.S.", "J.-C" in "av. J.-C.", empty for "(TSMC)." or "2025.".
qsizetype abbreviationStart(const QString &work, qsizetype dot)
{
    qsizetype start = dot;
    while (start > 0 && isAbbreviationChar(work[start - 1]))
        --start;
    while (start < dot && (work[start] == u'.' || work[start] == u'-'))
        ++start;
    return start;
}

// One capital letter, or several separated by periods or hyphens: "J",
// "J.D", "J.-P".
bool isInitials(QStringView token)
{
    if (token.isEmpty())
        return false;
    qsizetype i = 0;
    while (true) {
        if (i >= token.size() || !token[i].isUpper())
            return false;
        ++i;
        if (i == token.size())
            return true;
        if (token[i] == u'.')
            ++i;
        if (i < token.size() && token[i] == u'-')
            ++i;
        if (i == token.size() || token[i - 1].isUpper())
            return false;
    }
}

struct NextWord
{
    QStringView word;   // letters, with a trailing elision apostrophe ("L’")
    QChar first;        // first character after opening punctuation
};

NextWord nextWordAt(const QString &work, qsizetype pos)
{
    const qsizetype size = work.size();
    while (pos < size && (isOpening(work[pos]) || isInlineSpace(work[pos])))
        ++pos;
    NextWord next;
    if (pos >= size)
        return next;
    next.first = work[pos];
    qsizetype end = pos;
    while (end < size && (work[end].isLetter() || work[end].isMark()))
        ++end;
    if (end > pos && end + 1 < size && isApostrophe(work[end]) && work[end + 1].isLetter())
        ++end;
    next.word = QStringView(work).sliced(pos, end - pos);
    return next;
}

} // namespace

// --- SentenceSplitter ----------------------------------------------------------------

SentenceSplitter::SentenceSplitter(Abbreviations abbreviations)
    : m_abbreviations(std::move(abbreviations))
{
}

Result<SentenceSplitter> SentenceSplitter::fromDirectory(const QString &directory)
{
    const QDir dir(directory);
    const QStringList abbreviationFiles = dir.entryList({u"abbreviations-*.txt"_s}, QDir::Files, QDir::Name);
    const QStringList stopwordFiles = dir.entryList({u"stopwords-*.txt"_s}, QDir::Files, QDir::Name);
    if (abbreviationFiles.isEmpty() && stopwordFiles.isEmpty())
        return Error{u"No abbreviation or stop-word lists found in “%1”."_s.arg(directory)};

    Abbreviations abbreviations;
    for (const QString &file : abbreviationFiles) {
        const QString path = dir.filePath(file);
        Result<QStringList> entries = WordList::readEntries(path);
        if (!entries)
            return Error{entries.error()};
        WordList *section = nullptr;
        for (const QString &entry : std::as_const(*entries)) {
            if (entry.startsWith(u'[') && entry.endsWith(u']')) {
                const QString name = entry.mid(1, entry.size() - 2).trimmed().toLower();
                if (name == u"never-final"_s)
                    section = &abbreviations.neverFinal;
                else if (name == u"maybe-final"_s)
                    section = &abbreviations.maybeFinal;
                else if (name == u"before-number"_s)
                    section = &abbreviations.beforeNumber;
                else
                    return Error{u"%1: unknown section “%2” (expected [never-final], [maybe-final] or [before-number])."_s.arg(path, entry)};
                continue;
            }
            if (!section)
                return Error{u"%1: “%2” comes before any [section] line."_s.arg(path, entry)};
            section->insert(entry);
        }
    }
    for (const QString &file : stopwordFiles) {
        Result<WordList> words = WordList::fromFile(dir.filePath(file));
        if (!words)
            return Error{words.error()};
        abbreviations.sentenceStarters.unite(*words);
    }
    return SentenceSplitter(std::move(abbreviations));
}

namespace {

// The decision at one candidate boundary. Candidates come from UAX #29 (plus
// ellipses followed by a capital, which UAX #29 ignores); each is checked
// against what UAX #29 cannot know: abbreviations, initials, line structure,
// quotes after the final punctuation, lowercase continuations.
class BoundaryJudge
{
public:
    BoundaryJudge(const QString &work, const SentenceSplitter::Abbreviations &abbreviations)
        : m_work(work)
        , m_abbreviations(abbreviations)
    {
    }

    // Returns where the sentence ends (>= candidate), or -1 for no boundary.
    qsizetype judge(qsizetype candidate)
    {
        // UAX #29 puts a candidate after every paragraph separator, and each
        // candidate is judged by the text on both sides of the whitespace
        // around it: inside one run of whitespace (a million blank lines)
        // every candidate gets the same verdict. Judged once per run, so a
        // run costs its length once, not once per candidate.
        if (m_run.valid && candidate > m_run.last + 1 && candidate <= m_run.next)
            return m_run.boundary == Run::atCandidate ? candidate : m_run.boundary;
        const qsizetype boundary = judgeOnce(candidate);
        if (m_lastChecked + 1 < candidate) {
            m_run = {true, m_lastChecked, m_nextChecked,
                     boundary == candidate ? Run::atCandidate : boundary};
        }
        return boundary;
    }

private:
    struct Run
    {
        static constexpr qsizetype atCandidate = -2;
        bool valid = false;
        qsizetype last = 0;     // the last non-space character before the run, or -1
        qsizetype next = 0;     // the first non-space character after it (or the end of the text)
        qsizetype boundary = 0; // the verdict: -1, atCandidate, or a position after the run
    };

    qsizetype judgeOnce(qsizetype candidate)
    {
        const qsizetype size = m_work.size();
        qsizetype last = candidate - 1; // last character of the sentence so far
        while (last >= 0 && m_work[last].isSpace())
            --last;
        m_lastChecked = last;
        m_nextChecked = skipSpaces(candidate);
        if (last < 0)
            return candidate;
        // Inside a run of non-space characters ("J.-C.", "e.g.Foo") only
        // final punctuation can end a sentence.
        if (last + 1 == candidate && !isTerminal(m_work[last]) && !isClosing(m_work[last]))
            return -1;
        qsizetype boundary = candidate;
        qsizetype next = m_nextChecked;
        if (next >= size || hasLineBreak(last + 1, next))
            return boundary;

        // « Viens ! » dit-il. / “Stop. ” — UAX #29 puts closing quotes that
        // follow a space into the next sentence; they belong to this one.
        if (next > last + 1 && isClosing(m_work[next])) {
            qsizetype end = next;
            while (end < size && isClosing(m_work[end]))
                ++end;
            if (end >= size || m_work[end].isSpace() || isTerminal(m_work[end])) {
                last = end - 1;
                boundary = end;
                next = skipSpaces(end);
                if (next >= size || hasLineBreak(boundary, next))
                    return boundary;
            }
        }

        if (isTrailingAnnotation(next))
            return -1;

        qsizetype terminal = last;
        while (terminal >= 0 && isClosing(m_work[terminal]))
            --terminal;
        if (terminal < 0)
            return boundary;
        const QChar punctuation = m_work[terminal];
        const NextWord following = nextWordAt(m_work, next);
        // "“Who are they?” he asked", "a country… like the land", "etc. and":
        // a sentence does not go on in lowercase after its end.
        const bool lowercaseFollows = following.first.isLower();

        const bool ellipsis = isEllipsis(punctuation)
            || (punctuation == u'.' && terminal >= 2 && m_work[terminal - 1] == u'.' && m_work[terminal - 2] == u'.');
        if (ellipsis || punctuation != u'.')
            return lowercaseFollows ? -1 : boundary;
        if (lowercaseFollows)
            return -1;
        return periodEndsSentence(terminal, following) ? boundary : -1;
    }

    qsizetype skipSpaces(qsizetype pos) const
    {
        while (pos < m_work.size() && m_work[pos].isSpace())
            ++pos;
        return pos;
    }

    // "…version of ChatGPT? (January 27, 2025)", "He resigned. (Reuters)":
    // a bracketed note without sentence punctuation that closes the line is
    // a citation of the sentence before it, not a sentence of its own.
    bool isTrailingAnnotation(qsizetype open) const
    {
        const QChar opening = m_work[open];
        if (opening != u'(' && opening != u'[')
            return false;
        const QChar closing = opening == u'(' ? u')' : u']';
        const qsizetype size = m_work.size();
        qsizetype close = open + 1;
        while (close < size && m_work[close] != closing) {
            const QChar c = m_work[close];
            if (isLineBreak(c) || c == opening || c == u'?' || c == u'!' || isEllipsis(c))
                return false;
            if (c == u'.' && close + 1 < size && (m_work[close + 1].isSpace() || m_work[close + 1] == closing))
                return false; // "(They rose later.)" is a sentence
            ++close;
        }
        if (close >= size)
            return false;
        qsizetype after = close + 1;
        while (after < size && (isTerminal(m_work[after]) || isClosing(m_work[after])))
            ++after;
        while (after < size && isInlineSpace(m_work[after]))
            ++after;
        return after >= size || isLineBreak(m_work[after]);
    }

    bool hasLineBreak(qsizetype from, qsizetype to) const
    {
        for (qsizetype i = from; i < to; ++i) {
            if (isLineBreak(m_work[i]))
                return true;
        }
        return false;
    }

    bool isSentenceStarter(QStringView word) const
    {
        if (word.isEmpty() || !word[0].isUpper())
            return false;
        // "IT", "US": an acronym, not a capitalised function word.
        if (word.size() > 1 && word[1].isUpper())
            return false;
        if (isApostrophe(word.back())) {
            QString elided = word.toString();
            elided.back() = u'\'';
            return m_abbreviations.sentenceStarters.containsFolded(elided);
        }
        return m_abbreviations.sentenceStarters.containsFolded(word);
    }

    // "1. First item": a number and a period at the start of a line.
    bool isListNumber(qsizetype start, QStringView token) const
    {
        if (token.size() > 3 || !std::all_of(token.begin(), token.end(), [](QChar c) { return c.isDigit(); }))
            return false;
        qsizetype before = start - 1;
        while (before >= 0 && isInlineSpace(m_work[before]))
            --before;
        return before < 0 || isLineBreak(m_work[before]);
    }

    bool periodEndsSentence(qsizetype dot, const NextWord &following) const
    {
        const qsizetype start = abbreviationStart(m_work, dot);
        if (start == dot)
            return true; // "2025.", "(TSMC).": an ordinary sentence end
        const QStringView token = QStringView(m_work).sliced(start, dot - start);
        if (isListNumber(start, token))
            return false;

        // Two-word abbreviations ("av. J.-C.", "et al.", "p. ex.").
        if (start >= 2 && isInlineSpace(m_work[start - 1])) {
            const qsizetype previousEnd = start - 1;
            qsizetype previousStart = previousEnd;
            while (previousStart > 0 && isAbbreviationChar(m_work[previousStart - 1]))
                --previousStart;
            if (previousStart < previousEnd) {
                const QString phrase = QStringView(m_work).sliced(previousStart, previousEnd - previousStart).toString()
                    + u' ' + token.toString();
                if (const auto verdict = lookUp(phrase, following))
                    return *verdict;
            }
        }
        if (const auto verdict = lookUp(token.toString(), following))
            return *verdict;
        if (isInitials(token))
            return false;
        return true;
    }

    std::optional<bool> lookUp(const QString &abbreviation, const NextWord &following) const
    {
        if (m_abbreviations.maybeFinal.contains(abbreviation))
            return isSentenceStarter(following.word);
        if (m_abbreviations.neverFinal.contains(abbreviation))
            return false;
        if (m_abbreviations.beforeNumber.contains(abbreviation) && following.first.isDigit())
            return false;
        return std::nullopt;
    }

    const QString &m_work;
    const SentenceSplitter::Abbreviations &m_abbreviations;
    Run m_run; // the last run of whitespace judged
    qsizetype m_lastChecked = 0; // what judgeOnce() found around its candidate
    qsizetype m_nextChecked = 0;
};

void appendTrimmed(const QString &text, qsizetype start, qsizetype end, QList<Sentence> &sentences)
{
    while (start < end && text[start].isSpace())
        ++start;
    while (end > start && text[end - 1].isSpace())
        --end;
    if (start < end)
        sentences.append({int(start), int(end)});
}

// Cuts an overlong range at spaces so that no piece exceeds `limit`.
void appendCapped(const QString &text, qsizetype start, qsizetype end, qsizetype limit, QList<Sentence> &sentences)
{
    while (start < end && text[start].isSpace())
        ++start;
    while (end - start > limit) {
        qsizetype cut = start + limit;
        qsizetype space = cut;
        while (space > start + limit / 2 && !text[space].isSpace())
            --space;
        if (text[space].isSpace()) {
            cut = space;
        } else if (text[cut - 1].isHighSurrogate()) {
            --cut; // never split a surrogate pair
        }
        appendTrimmed(text, start, cut, sentences);
        start = cut;
        while (start < end && text[start].isSpace())
            ++start;
    }
    appendTrimmed(text, start, end, sentences);
}

} // namespace

QList<Sentence> SentenceSplitter::split(const QString &text) const
{
    QList<Sentence> sentences;
    const qsizetype size = text.size();
    if (size == 0)
        return sentences;

    // The working copy has the same length as `text`, so positions in it are
    // positions in `text`; soft line breaks become spaces so that UAX #29
    // does not end a sentence at each of them.
    QString work = text;
    const QList<qsizetype> soft = softLineBreaks(text);
    if (!soft.isEmpty()) {
        QChar *data = work.data();
        for (const qsizetype at : soft) {
            for (qsizetype i = at; i < size && isLineBreak(data[i]); ++i) {
                data[i] = u' ';
                if (text[i] != u'\r')
                    break;
            }
        }
    }

    // UAX #29 does not treat "…" as final punctuation; an ellipsis followed
    // by a capital usually ends a sentence ("Il hésite… Puis il part.").
    QList<qsizetype> ellipses; // ascending
    for (qsizetype i = work.indexOf(QChar(0x2026)); i >= 0; i = work.indexOf(QChar(0x2026), i + 1)) {
        qsizetype j = i + 1;
        while (j < size && isClosing(work[j]))
            ++j;
        if (j >= size || !isInlineSpace(work[j]))
            continue;
        while (j < size && isInlineSpace(work[j]))
            ++j;
        if (j < size && (work[j].isUpper() || (isOpening(work[j]) && j + 1 < size && work[j + 1].isUpper())))
            ellipses.append(j);
    }

    // The candidates of UAX #29 and the ellipses, in order, each once; taken
    // as they come rather than collected (a text of short lines has one for
    // every line).
    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, work);
    qsizetype fromFinder = finder.toNextBoundary();
    qsizetype ellipsis = 0;
    qsizetype previous = -1;
    BoundaryJudge judge(work, m_abbreviations);
    qsizetype start = 0;
    while (true) {
        const bool finderHasMore = fromFinder > 0 && fromFinder < size;
        const bool ellipsesLeft = ellipsis < ellipses.size();
        if (!finderHasMore && !ellipsesLeft)
            break;
        qsizetype candidate = 0;
        if (finderHasMore && (!ellipsesLeft || fromFinder <= ellipses[ellipsis])) {
            candidate = fromFinder;
            fromFinder = finder.toNextBoundary();
        } else {
            candidate = ellipses[ellipsis++];
        }
        if (candidate == previous)
            continue;
        previous = candidate;
        if (candidate <= start)
            continue;
        const qsizetype boundary = judge.judge(candidate);
        if (boundary < 0 || boundary <= start || boundary >= size)
            continue;
        appendCapped(text, start, boundary, maxSentenceLength, sentences);
        start = boundary;
    }
    appendCapped(text, start, size, maxSentenceLength, sentences);
    return sentences;
}

} // namespace NewsGraph
