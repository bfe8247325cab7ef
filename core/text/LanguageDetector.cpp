#include "core/text/LanguageDetector.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// The stop-word share settles within a few hundred words; reading the whole
// of a very long text would only cost time.
constexpr int maxWords = 5000;
// Below this many stop words a text says too little to be told apart
// ("Nvidia GPU 2025", a list of names); one word of a language is not enough.
constexpr int minHits = 2;
// Function words make up 30–50 % of English or French running text; a few
// chance matches ("in", "so") in a text of another language stay far below.
constexpr double minShare = 0.1;

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

bool isWordChar(QChar c)
{
    return c.isLetter() || c.isMark();
}

// Normalises a word for lookup into `form`: case folded, ’ as ', composed
// accents. `form` is the caller's, kept from word to word so that its buffer
// is reused.
const QString &lookupForm(QStringView word, QString &form)
{
    // Most words are ASCII: folded here, with no marks to compose.
    if (std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() < 0x80; })) {
        form.resize(word.size());
        QChar *out = form.data();
        for (const QChar c : word)
            *out++ = c >= u'A' && c <= u'Z' ? QChar(c.unicode() + (u'a' - u'A')) : c;
        return form;
    }
    form = word.toString().toCaseFolded();
    form.replace(QChar(0x2019), u'\'');
    for (const QChar c : std::as_const(form)) {
        if (c.isMark()) {
            form = form.normalized(QString::NormalizationForm_C);
            break;
        }
    }
    return form;
}

} // namespace

LanguageDetector::LanguageDetector(QHash<QString, WordList> stopwordsByLanguage)
    : m_stopwords(std::move(stopwordsByLanguage))
    , m_codes(m_stopwords.keys())
{
    std::sort(m_codes.begin(), m_codes.end()); // ties resolve the same way every time
    for (qsizetype i = 0; i < m_codes.size(); ++i) {
        for (const QString &word : m_stopwords.value(m_codes[i]).entries())
            m_languagesOfWord[word].append(i);
    }
}

Result<LanguageDetector> LanguageDetector::fromDirectory(const QString &directory)
{
    const QDir dir(directory);
    const QStringList files = dir.entryList({u"stopwords-*.txt"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Error{u"No stop-word lists (stopwords-<language>.txt) found in “%1”."_s.arg(directory)};
    QHash<QString, WordList> lists;
    for (const QString &file : files) {
        const QString code = QFileInfo(file).completeBaseName().mid(qsizetype(sizeof("stopwords-") - 1));
        if (code.isEmpty())
            continue;
        Result<WordList> list = WordList::fromFile(dir.filePath(file));
        if (!list)
            return Error{list.error()};
        lists.insert(code, std::move(*list));
    }
    return LanguageDetector(std::move(lists));
}

QStringList LanguageDetector::languages() const
{
    return m_codes;
}

QString LanguageDetector::detect(QStringView text) const
{
    const QString undetermined = u"und"_s;
    if (m_stopwords.isEmpty())
        return undetermined;

    const QStringList &codes = m_codes;
    QList<int> hits(codes.size(), 0);
    int words = 0;

    QString form;
    auto count = [&](QStringView word) {
        const auto found = m_languagesOfWord.constFind(lookupForm(word, form));
        if (found == m_languagesOfWord.cend())
            return;
        for (const qsizetype i : *found)
            ++hits[i];
    };
    auto isKnown = [&](const QString &form) { return m_languagesOfWord.contains(form); };

    const qsizetype size = text.size();
    qsizetype pos = 0;
    while (pos < size && words < maxWords) {
        if (!isWordChar(text[pos])) {
            ++pos;
            continue;
        }
        // A word is a run of letters, with apostrophes inside it ("don't",
        // "l'intelligence", "aujourd’hui").
        const qsizetype start = pos;
        while (pos < size && (isWordChar(text[pos]) || (isApostrophe(text[pos]) && pos + 1 < size && isWordChar(text[pos + 1]))))
            ++pos;
        const QStringView word = text.sliced(start, pos - start);
        ++words;

        qsizetype apostrophe = -1;
        for (qsizetype i = 0; i < word.size(); ++i) {
            if (isApostrophe(word[i])) {
                apostrophe = i;
                break;
            }
        }
        if (apostrophe < 0 || isKnown(lookupForm(word, form))) {
            count(word);
            continue;
        }
        // French elision: "l’intelligence" is the article "l'" and a noun.
        // Otherwise ("Nvidia’s", "it’s" when not listed) the part before the
        // apostrophe is the word.
        const QStringView head = word.first(apostrophe + 1);
        if (isKnown(lookupForm(head, form))) {
            count(head);
            count(word.sliced(apostrophe + 1));
            ++words;
        } else {
            count(word.first(apostrophe));
        }
    }
    if (words == 0)
        return undetermined;

    qsizetype best = -1;
    qsizetype second = -1;
    for (qsizetype i = 0; i < codes.size(); ++i) {
        if (best < 0 || hits[i] > hits[best]) {
            second = best;
            best = i;
        } else if (second < 0 || hits[i] > hits[second]) {
            second = i;
        }
    }
    if (hits[best] < minHits || hits[best] < words * minShare)
        return undetermined;
    // Words both lists share ("a", "on", "me") count for both; a tie means
    // the text gave nothing to tell the languages apart.
    if (second >= 0 && hits[second] == hits[best])
        return undetermined;
    return codes[best];
}

} // namespace NewsGraph
