#pragma once

#include "core/common/Result.h"
#include "core/extract/Tokenizer.h"
#include "core/syntax/SyntaxModel.h"
#include "core/text/Document.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace NewsGraph {

// One sentence of a document as the syntax layer sees it.
struct SentenceSyntax
{
    QList<Token> tokens;    // as the tokenizer cut the sentence; offsets into the document text
    ConlluSentence words;   // the treebank words: form, lemma, upos, head, deprel
    QList<int> tokenOfWord; // words.words[i] comes from tokens[tokenOfWord[i]]
};

class Lexicon;

// Whether a mention is a name, whose capitalised tokens analyse() tags
// PROPN, rather than a description the extractor tied to an entity ("the
// company", "le constructeur"): one that opens with a determiner is not.
bool isNameMention(const QString &surface, const Lexicon &lexicon);

// The syntax stage: the trained model of each language (see
// resources/models/README.md), and the sentences of a document cut into
// the treebanks' words, tagged, lemmatised and parsed with the model of the
// document's language. Pure and thread-safe once built; copies share the
// models.
class SyntaxAnalyzer
{
public:
    SyntaxAnalyzer() = default;

    // Reads "<language>.model" from `directory` (":/models" for the models
    // built into programs that link newsgraph_models) for each of
    // `languages`. A missing or damaged file is an error naming it.
    static Result<SyntaxAnalyzer> fromDirectory(const QString &directory,
                                                const QStringList &languages = bundledLanguages());

    // The languages resources/models has a model for.
    static QStringList bundledLanguages() { return {QStringLiteral("en"), QStringLiteral("fr")}; }

    // An analyzer with one model, for every language (`newsgraph-cli parse
    // --model`).
    static SyntaxAnalyzer withModel(SyntaxModel model);

    // The model for `language`; nullptr when there is none.
    const SyntaxModel *model(const QString &language) const;

    // `sentence` of `text` analysed with the model of `language`; its words
    // stay empty when there is no model for the language. `names` are the
    // spans (start, end offsets in `text`) of names found in the sentence:
    // their capitalised tokens are tagged PROPN (see analyseTokens()).
    SentenceSyntax analyse(const QString &text, const Sentence &sentence, const QString &language,
                           const QList<std::pair<int, int>> &names = {}) const;
    // The same for a sentence already cut into `tokens` (tokenize()), so a
    // caller that has them does not cut it again.
    SentenceSyntax analyse(const QString &text, QList<Token> tokens, const QString &language,
                           const QList<std::pair<int, int>> &names = {}) const;

    // The universal part of speech of the first of `tokens` (of its first
    // word where the treebanks split it: "don't"), the others read as its
    // context, from the tagger of the model of `language` alone, without
    // tagging the rest or parsing: what candidate finding asks of a
    // capitalised word opening a sentence ("Fighting continued" is a noun,
    // "Barrick rose" a proper noun). Empty without a model.
    QString firstPartOfSpeech(const QString &text, TokenSpan tokens, const QString &language) const;

private:
    QHash<QString, std::shared_ptr<const SyntaxModel>> m_models;
    std::shared_ptr<const SyntaxModel> m_anyLanguage;
};

} // namespace NewsGraph
