#pragma once

#include "core/text/Document.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <unordered_set>

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

// The tokens of every sentence with their folded text filled in: the first
// step of entity and relation extraction alike, done once per document.
// Owns the folded words the tokens point to; copies share them.
class SentenceTokens
{
public:
    SentenceTokens() = default;

    qsizetype size() const { return m_sentences.size(); }
    bool isEmpty() const { return m_sentences.isEmpty(); }
    const QList<Token> &operator[](qsizetype sentence) const { return m_sentences[sentence]; }
    const QList<Token> &at(qsizetype sentence) const { return m_sentences.at(sentence); }
    QList<QList<Token>>::const_iterator begin() const { return m_sentences.cbegin(); }
    QList<QList<Token>>::const_iterator end() const { return m_sentences.cend(); }

private:
    friend SentenceTokens tokenizeSentences(const QString &text, const QList<Sentence> &sentences);

    QList<QList<Token>> m_sentences;
    // Each distinct folded word once; a node-based set, so the tokens'
    // pointers stay valid as it grows.
    std::shared_ptr<const std::unordered_set<QString>> m_foldedWords;
};

SentenceTokens tokenizeSentences(const QString &text, const QList<Sentence> &sentences);

} // namespace NewsGraph
