#pragma once

#include "core/text/Document.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <memory>

namespace NewsGraph {

// A word or punctuation mark of a sentence, with its offsets in the
// document text and the shape features name finding looks at.
struct Token
{
    enum class Kind : quint8 {
        Word,        // letters and digits: "Nvidia", "GB200", "U.S.", "J.", "l’"
        Number,      // digits only, with inner separators: "2025", "18,000", "1.5"
        Possessive,  // "'s" / "’s" split from the word before it
        Punctuation, // everything else, one character each
    };

    // A long article has millions of tokens: the shape flags take a bit
    // each and the folded text is shared (24 bytes a token in all).
    int start = 0;
    int end = 0;
    Kind kind = Kind::Punctuation;
    bool spaceBefore : 1 = false; // whitespace separates it from the previous token
    bool capitalized : 1 = false; // first letter is upper case ("Nvidia", "NVIDIA", "U.S.")
    bool allCaps : 1 = false;     // at least two letters, none lower case ("TSMC", "U.S.")
    bool mixedCase : 1 = false;   // lower-case first letter, upper case later ("iPhone", "eBay")
    bool hasDigit : 1 = false;
    bool elision : 1 = false;     // French elided article or pronoun: "l’", "d'", "qu’"
    // foldName() of the text when tokenizeSentences() filled it in (one
    // string for every token of the same word), else null.
    const QString *foldedText = nullptr;

    const QString &folded() const
    {
        static const QString none;
        return foldedText ? *foldedText : none;
    }
    QStringView text(const QString &source) const { return QStringView(source).mid(start, end - start); }
    bool isWord() const { return kind == Kind::Word; }
    bool is(const QString &source, QChar c) const { return end - start == 1 && source.at(start) == c; }
};

// Splits [start, end) of `text` into tokens. Keeps together what a name
// needs kept together (initials and dotted acronyms "J.D.", "U.S."; "AT&T";
// "O'Brien"), splits what it needs split (possessive "’s", French elisions
// "l’Europe", hyphens become their own token so "Nvidia-provider" can lose
// its common-noun half).
QList<Token> tokenize(const QString &text, int start, int end);

// The tokens of one sentence: a view into a list that outlives it.
class TokenSpan
{
public:
    TokenSpan() = default;
    TokenSpan(const Token *first, qsizetype size)
        : m_first(first)
        , m_size(size)
    {
    }
    TokenSpan(const QList<Token> &tokens) // NOLINT: a list is a span of itself
        : m_first(tokens.constData())
        , m_size(tokens.size())
    {
    }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    const Token &operator[](qsizetype i) const { return m_first[i]; }
    const Token &at(qsizetype i) const { return m_first[i]; }
    const Token *begin() const { return m_first; }
    const Token *end() const { return m_first + m_size; }

private:
    const Token *m_first = nullptr;
    qsizetype m_size = 0;
};

class FoldedWords;

// The tokens of every sentence with their folded text filled in: the first
// step of entity extraction, done once per document. Held in one list,
// sentence after sentence, which a long article's millions of tokens need
// (and which goes back to the system whole once the tokens are done with).
// Owns the folded words the tokens point to; copies share them.
class SentenceTokens
{
public:
    SentenceTokens() = default;

    qsizetype size() const { return m_starts.isEmpty() ? 0 : m_starts.size() - 1; }
    bool isEmpty() const { return size() == 0; }
    TokenSpan operator[](qsizetype sentence) const
    {
        return {m_tokens.constData() + m_starts[sentence], m_starts[sentence + 1] - m_starts[sentence]};
    }
    TokenSpan at(qsizetype sentence) const { return (*this)[sentence]; }

private:
    friend SentenceTokens tokenizeSentences(const QString &text, const QList<Sentence> &sentences);

    QList<Token> m_tokens;     // every sentence's, one after the other
    QList<qsizetype> m_starts; // where each sentence's tokens begin, then the end of the last
    std::shared_ptr<const FoldedWords> m_words;
};

SentenceTokens tokenizeSentences(const QString &text, const QList<Sentence> &sentences);

// The tokens of a document's sentences one sentence at a time, folded text
// filled in, for a pass that reads one sentence at once (relation
// extraction): it then needs no more than that sentence's tokens.
class SentenceTokenizer
{
public:
    explicit SentenceTokenizer(const QString &text);
    ~SentenceTokenizer();

    // Valid until the next call.
    TokenSpan tokens(const Sentence &sentence);

private:
    const QString &m_text;
    QList<Token> m_tokens;
    std::unique_ptr<FoldedWords> m_words;
};

} // namespace NewsGraph
