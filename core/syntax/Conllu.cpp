#include "core/syntax/Conllu.h"

#include "core/common/WholeFile.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr int columnCount = 10;

// "_" in a column other than FORM and LEMMA means "not given".
QString optional(QStringView field)
{
    return field == u"_" ? QString() : field.toString();
}

QString orUnderscore(const QString &field)
{
    return field.isEmpty() ? u"_"_s : field;
}

// A non-negative decimal integer, without sign or spaces; -1 otherwise.
int naturalNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 9)
        return -1;
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

// The integer part of an empty node's id ("8.1" -> 8), or -1.
int emptyNodePosition(QStringView line)
{
    const QStringView id = line.left(line.indexOf(u'\t'));
    const qsizetype dot = id.indexOf(u'.');
    if (dot <= 0 || naturalNumber(id.mid(dot + 1)) < 1)
        return -1;
    return naturalNumber(id.left(dot));
}

// Reads one file's worth of lines into sentences, checking as it goes.
class ConlluParser
{
public:
    explicit ConlluParser(const QString &sourceName)
        : m_sourceName(sourceName)
    {
    }

    Result<QList<ConlluSentence>> parse(QStringView text)
    {
        qsizetype position = 0;
        while (position <= text.size()) {
            qsizetype end = text.indexOf(u'\n', position);
            if (end < 0)
                end = text.size();
            QStringView line = text.mid(position, end - position);
            if (line.endsWith(u'\r'))
                line.chop(1);
            ++m_lineNumber;
            if (Result<void> read = readLine(line); !read)
                return Error{read.error()};
            position = end + 1;
        }
        if (Result<void> ended = endSentence(); !ended)
            return Error{ended.error()};
        return std::move(m_sentences);
    }

private:
    Error error(const QString &problem) const
    {
        return Error{u"%1:%2: %3"_s.arg(m_sourceName).arg(m_lineNumber).arg(problem)};
    }

    Result<void> readLine(QStringView line)
    {
        if (line.trimmed().isEmpty())
            return endSentence();
        m_inSentence = true;
        if (line.startsWith(u'#')) {
            if (!m_current.words.isEmpty() || !m_current.multiwords.isEmpty())
                return error(u"a comment inside a sentence; comments come before its first word"_s);
            QStringView comment = line.mid(1);
            if (comment.startsWith(u' '))
                comment = comment.mid(1);
            m_current.comments.append(comment.toString());
            return {};
        }
        const QList<QStringView> fields = line.split(u'\t');
        if (fields.size() != columnCount)
            return error(u"%1 columns separated by tabs; CoNLL-U has %2"_s.arg(fields.size())
                             .arg(columnCount));
        const QStringView id = fields.at(0);
        if (id.contains(u'.'))
            return readEmptyNode(line, id);
        if (id.contains(u'-'))
            return readMultiword(fields);
        return readWord(fields);
    }

    Result<void> readEmptyNode(QStringView line, QStringView id)
    {
        const int after = emptyNodePosition(line);
        if (after < 0 || after != m_current.words.size())
            return error(u"the empty node id “%1” does not follow word %2"_s.arg(id.toString())
                             .arg(m_current.words.size()));
        m_current.emptyNodeLines.append(line.toString());
        return {};
    }

    Result<void> readMultiword(const QList<QStringView> &fields)
    {
        const QStringView id = fields.at(0);
        const qsizetype dash = id.indexOf(u'-');
        const int first = naturalNumber(id.left(dash));
        const int last = naturalNumber(id.mid(dash + 1));
        const int next = int(m_current.words.size()) + 1;
        if (first != next || last <= first)
            return error(u"the token range “%1” should start at word %2 and cover two words or more"_s
                             .arg(id.toString())
                             .arg(next));
        if (m_multiwordEnd >= first)
            return error(u"the token range “%1” overlaps the one before"_s.arg(id.toString()));
        m_current.multiwords.append({first, last, fields.at(1).toString(), optional(fields.at(9))});
        m_multiwordEnd = last;
        return {};
    }

    Result<void> readWord(const QList<QStringView> &fields)
    {
        const QStringView id = fields.at(0);
        const int expected = int(m_current.words.size()) + 1;
        if (naturalNumber(id) != expected)
            return error(u"the word id “%1” should be %2: ids count from 1 in order"_s.arg(id.toString())
                             .arg(expected));
        ConlluWord word;
        word.form = fields.at(1).toString();
        word.lemma = fields.at(2).toString();
        word.upos = optional(fields.at(3));
        word.xpos = optional(fields.at(4));
        word.feats = optional(fields.at(5));
        if (fields.at(6) != u"_") {
            word.head = naturalNumber(fields.at(6));
            if (word.head < 0)
                return error(u"the head “%1” is not a word number"_s.arg(fields.at(6).toString()));
        }
        word.deprel = optional(fields.at(7));
        word.deps = optional(fields.at(8));
        word.misc = optional(fields.at(9));
        if (word.form.isEmpty())
            return error(u"word %1 has an empty form"_s.arg(expected));
        m_current.words.append(word);
        return {};
    }

    // A blank line, or the end of the text: the sentence read so far is
    // checked as a whole.
    Result<void> endSentence()
    {
        if (!m_inSentence)
            return {};
        m_inSentence = false;
        ConlluSentence sentence = std::exchange(m_current, ConlluSentence());
        m_multiwordEnd = 0;
        if (sentence.words.isEmpty())
            return error(u"a sentence without words"_s);
        const int size = int(sentence.words.size());
        if (!sentence.multiwords.isEmpty() && sentence.multiwords.constLast().last > size)
            return error(u"the token range %1-%2 goes past the sentence's last word (%3)"_s
                             .arg(sentence.multiwords.constLast().first)
                             .arg(sentence.multiwords.constLast().last)
                             .arg(size));
        bool headsGiven = true;
        int roots = 0;
        for (int i = 0; i < size; ++i) {
            const int head = sentence.words.at(i).head;
            if (head > size)
                return error(u"word %1 has the head %2, which is not a word of the sentence "
                             "(it has %3)"_s.arg(i + 1)
                                 .arg(head)
                                 .arg(size));
            if (head == i + 1)
                return error(u"word %1 is its own head"_s.arg(i + 1));
            headsGiven = headsGiven && head >= 0;
            roots += head == 0;
        }
        if (headsGiven) {
            if (roots != 1)
                return error(u"the sentence ending here has %1 roots (head 0); a tree has one"_s
                                 .arg(roots));
            // From every word, the heads lead to the root within `size` steps.
            for (int i = 0; i < size; ++i) {
                int at = i + 1;
                for (int steps = 0; at != 0; ++steps) {
                    if (steps > size)
                        return error(u"the heads of the sentence ending here go round in a "
                                     "circle through word %1"_s.arg(i + 1));
                    at = sentence.words.at(at - 1).head;
                }
            }
        }
        m_sentences.append(std::move(sentence));
        return {};
    }

    QString m_sourceName;
    int m_lineNumber = 0;
    bool m_inSentence = false;
    int m_multiwordEnd = 0; // last word of the latest token range
    ConlluSentence m_current;
    QList<ConlluSentence> m_sentences;
};

} // namespace

QString ConlluSentence::comment(QStringView key) const
{
    for (const QString &line : comments) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0 && QStringView(line).left(equals).trimmed() == key)
            return QStringView(line).mid(equals + 1).trimmed().toString();
    }
    return QString();
}

QStringList ConlluSentence::forms() const
{
    QStringList result;
    result.reserve(words.size());
    for (const ConlluWord &word : words)
        result.append(word.form);
    return result;
}

Result<QList<ConlluSentence>> parseConllu(QStringView text, const QString &sourceName)
{
    return ConlluParser(sourceName).parse(text);
}

Result<QList<ConlluSentence>> readConlluFile(const QString &path)
{
    const Result<QByteArray> bytes = readWholeFile(path);
    if (!bytes)
        return Error{bytes.error()};
    return parseConllu(QString::fromUtf8(*bytes), QFileInfo(path).fileName());
}

QString toConllu(const ConlluSentence &sentence)
{
    QString out;
    for (const QString &comment : sentence.comments)
        out += u"# "_s + comment + u'\n';
    qsizetype multiword = 0;
    qsizetype emptyNode = 0;
    const auto emptyNodesAfter = [&](int word) {
        while (emptyNode < sentence.emptyNodeLines.size()
               && emptyNodePosition(sentence.emptyNodeLines.at(emptyNode)) == word)
            out += sentence.emptyNodeLines.at(emptyNode++) + u'\n';
    };
    emptyNodesAfter(0);
    for (int i = 0; i < sentence.words.size(); ++i) {
        const int id = i + 1;
        if (multiword < sentence.multiwords.size() && sentence.multiwords.at(multiword).first == id) {
            const ConlluMultiword &token = sentence.multiwords.at(multiword++);
            out += u"%1-%2\t%3\t_\t_\t_\t_\t_\t_\t_\t%4\n"_s.arg(token.first)
                       .arg(token.last)
                       .arg(token.form, orUnderscore(token.misc));
        }
        const ConlluWord &word = sentence.words.at(i);
        const QStringList columns{QString::number(id),
                                  word.form,
                                  word.lemma.isEmpty() ? u"_"_s : word.lemma,
                                  orUnderscore(word.upos),
                                  orUnderscore(word.xpos),
                                  orUnderscore(word.feats),
                                  word.head < 0 ? u"_"_s : QString::number(word.head),
                                  orUnderscore(word.deprel),
                                  orUnderscore(word.deps),
                                  orUnderscore(word.misc)};
        out += columns.join(u'\t') + u'\n';
        emptyNodesAfter(id);
    }
    out += u'\n';
    return out;
}

} // namespace NewsGraph
