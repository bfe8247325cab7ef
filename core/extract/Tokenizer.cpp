#include "core/extract/Tokenizer.h"

#include "core/extract/Lexicon.h"

#include <QHash>

#include <unordered_set>

namespace NewsGraph {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing
        || c.category() == QChar::Mark_SpacingCombining;
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

// French elided words end with an apostrophe: l’, d’, j’, qu’, jusqu’...
bool isElidedPrefix(QStringView word)
{
    if (word.size() == 1)
        return QStringView(u"cdjlmnstCDJLMNST").contains(word.front());
    static constexpr QStringView longer[] = {u"qu", u"Qu", u"jusqu", u"Jusqu", u"lorsqu", u"Lorsqu",
                                             u"puisqu", u"Puisqu", u"quoiqu", u"Quoiqu"};
    for (QStringView prefix : longer) {
        if (word == prefix)
            return true;
    }
    return false;
}

void classify(Token &token, const QString &text)
{
    int letters = 0, upper = 0, lower = 0;
    bool firstLetterSeen = false, firstUpper = false, laterUpper = false;
    for (int i = token.start; i < token.end; ++i) {
        const QChar c = text.at(i);
        if (c.isDigit()) {
            token.hasDigit = true;
        } else if (c.isLetter()) {
            ++letters;
            const bool isUpper = c.isUpper() || c.isTitleCase();
            upper += isUpper;
            lower += c.isLower();
            if (!firstLetterSeen) {
                firstLetterSeen = true;
                firstUpper = isUpper;
            } else if (isUpper) {
                laterUpper = true;
            }
        }
    }
    if (letters == 0 && token.hasDigit)
        token.kind = Token::Kind::Number;
    token.capitalized = firstUpper && text.at(token.start).isLetter();
    token.allCaps = upper >= 2 && lower == 0;
    token.mixedCase = firstLetterSeen && !firstUpper && laterUpper;
}

} // namespace

QList<Token> tokenize(const QString &text, int start, int end)
{
    QList<Token> tokens;
    tokens.reserve((end - start) / 5);
    bool space = true;
    int i = start;
    while (i < end) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            space = true;
            ++i;
            continue;
        }
        Token token;
        token.start = i;
        token.spaceBefore = space;
        space = false;

        if (!isWordChar(c)) {
            token.kind = Token::Kind::Punctuation;
            token.end = i + 1;
            tokens.append(token);
            ++i;
            continue;
        }

        token.kind = Token::Kind::Word;
        int j = i;
        while (j < end) {
            while (j < end && isWordChar(text.at(j)))
                ++j;
            if (j >= end)
                break;
            const QChar next = text.at(j);
            const bool letterAfter = j + 1 < end && text.at(j + 1).isLetter();
            if (next == u'.' && text.at(j - 1).isLetter() && (j - 1 == token.start || text.at(j - 2) == u'.')) {
                // Initials and dotted acronyms: "J.", "J.D.", "U.S.", "U.K."
                if (text.at(j - 1).isUpper()) {
                    ++j;
                    if (j + 1 < end && text.at(j).isUpper() && text.at(j + 1) == u'.')
                        continue;
                    break;
                }
                break;
            }
            if (next == u'.' && j - token.start >= 2 && letterAfter) {
                // Domain names: "Jet.com", "Walmart.com", "Lemonde.fr".
                int k = j + 1;
                while (k < end && text.at(k).isLower())
                    ++k;
                if (k - j - 1 >= 2 && k - j - 1 <= 4 && (k >= end || !isWordChar(text.at(k)))) {
                    j = k;
                    continue;
                }
            }
            if ((next == u'.' || next == u',') && text.at(j - 1).isDigit() && j + 1 < end && text.at(j + 1).isDigit()) {
                ++j; // 18,000 and 1.5 stay one number
                continue;
            }
            if (next == u'&' && letterAfter && text.at(j - 1).isUpper() && text.at(j + 1).isUpper()) {
                ++j; // AT&T, R&D
                continue;
            }
            if (isApostrophe(next) && letterAfter) {
                const QStringView word = QStringView(text).mid(token.start, j - token.start);
                const bool possessive = (text.at(j + 1) == u's' || text.at(j + 1) == u'S')
                    && (j + 2 >= end || !isWordChar(text.at(j + 2)));
                if (possessive)
                    break;
                if (isElidedPrefix(word)) {
                    ++j;
                    token.elision = true;
                    break;
                }
                ++j; // O'Brien, aujourd'hui
                continue;
            }
            break;
        }
        token.end = j;
        classify(token, text);
        tokens.append(token);

        if (j + 1 < end && isApostrophe(text.at(j)) && !token.elision
            && (text.at(j + 1) == u's' || text.at(j + 1) == u'S')
            && (j + 2 >= end || !isWordChar(text.at(j + 2)))) {
            Token possessive;
            possessive.kind = Token::Kind::Possessive;
            possessive.start = j;
            possessive.end = j + 2;
            tokens.append(possessive);
            j += 2;
        }
        i = j;
    }
    return tokens;
}

// Each distinct folded word of a document once, for its tokens to point to.
// Looked up by the token's text as written: a word is folded the first time
// it is met, not at each of its thousands of occurrences.
class FoldedWords
{
public:
    // `surface` is a view into the document's text, which must outlive the
    // lookups (not the words).
    const QString *folded(QStringView surface)
    {
        if (const auto found = m_bySurface.constFind(surface); found != m_bySurface.cend())
            return *found;
        const QString *word = &*m_words.insert(foldName(surface)).first;
        m_bySurface.insert(surface, word);
        return word;
    }

    // Done with looking up: keeps only the words.
    void forgetSurfaces() { m_bySurface = {}; }

private:
    // Node-based: the tokens' pointers stay valid as it grows.
    std::unordered_set<QString> m_words;
    QHash<QStringView, const QString *> m_bySurface;
};

namespace {

// A sentence's tokens, their folded text taken from `words`.
QList<Token> foldedTokens(const QString &text, const Sentence &sentence, FoldedWords &words)
{
    QList<Token> tokens = tokenize(text, sentence.start, sentence.end);
    for (Token &token : tokens)
        token.foldedText = words.folded(token.text(text));
    return tokens;
}

} // namespace

SentenceTokens tokenizeSentences(const QString &text, const QList<Sentence> &sentences)
{
    SentenceTokens result;
    auto words = std::make_shared<FoldedWords>();
    result.m_starts.reserve(sentences.size() + 1);
    for (const Sentence &sentence : sentences) {
        result.m_starts.append(result.m_tokens.size());
        result.m_tokens.append(foldedTokens(text, sentence, *words));
    }
    // No squeeze(): that would copy the list, while the room it has to spare
    // at its end was never written and takes no memory.
    result.m_starts.append(result.m_tokens.size());
    words->forgetSurfaces();
    result.m_words = std::move(words);
    return result;
}

SentenceTokenizer::SentenceTokenizer(const QString &text)
    : m_text(text)
    , m_words(std::make_unique<FoldedWords>())
{
}

SentenceTokenizer::~SentenceTokenizer() = default;

TokenSpan SentenceTokenizer::tokens(const Sentence &sentence)
{
    m_tokens = foldedTokens(m_text, sentence, *m_words);
    return m_tokens;
}

} // namespace NewsGraph
