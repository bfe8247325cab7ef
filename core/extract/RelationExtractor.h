#pragma once

#include "core/common/Result.h"
#include "core/extract/DependencyRules.h"
#include "core/extract/Extraction.h"
#include "core/extract/Lexicon.h"
#include "core/extract/SyntaxAnalyzer.h"
#include "core/extract/Tokenizer.h"
#include "core/text/Document.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace NewsGraph {

// Finds typed relations between the entities of one document, English and
// French, each with the sentences that state it:
//  - rules over the dependency tree of each sentence that names two actors
//    (or one and a pronoun or description that stands for another), read
//    from resources/lexicon/relation-rules.tsv (DependencyRules), when a
//    syntax model for the document's language is set;
//  - declarative patterns over entity mentions and words, read from
//    resources/lexicon/relation-patterns.tsv (each with an id, a predicate
//    and a confidence), e.g. "{O:ORG} ceo {S:PERSON}" or "partnership
//    between {S+} and {O+}"; lists are expanded pairwise, negated statements
//    dropped and hedged ones down-weighted;
//  - quotations with attribution: the speaker says_about the actors the
//    quotation names;
//  - co-occurrence in a sentence, kept as the weak mentioned_with edge.
// A pure function of the text, the entities and the rules.
class RelationExtractor
{
public:
    RelationExtractor() = default;

    // Reads relation-patterns.tsv and relation-rules.tsv in `directory`;
    // errors name file and line.
    static Result<RelationExtractor> fromDirectory(const QString &directory, const Lexicon &lexicon);

    // The tagger and parser the tree rules read; without one (or without a
    // model for a document's language) only the word patterns run.
    void setSyntaxAnalyzer(SyntaxAnalyzer analyzer) { m_syntax = std::move(analyzer); }
    const SyntaxAnalyzer &syntaxAnalyzer() const { return m_syntax; }

    // Tokenises one sentence at a time (SentenceTokenizer), so that a long
    // article's tokens are never all held at once. `language` ("en", "fr")
    // chooses the syntax model.
    QList<ExtractedRelation> extract(const QString &text, const QList<Sentence> &sentences,
                                     const QList<ExtractedEntity> &entities, const QString &language = {}) const;
    // The same, for sentences already tokenised (tokenizeSentences()).
    QList<ExtractedRelation> extract(const QString &text, const QList<Sentence> &sentences,
                                     const SentenceTokens &tokens, const QList<ExtractedEntity> &entities,
                                     const QString &language = {}) const;
    // The same, also listing in `references` (in text order) the pronouns
    // and descriptions the relations were read through ("it", "the
    // airline"), each with the entity it was resolved to.
    QList<ExtractedRelation> extract(const QString &text, const QList<Sentence> &sentences,
                                     const QList<ExtractedEntity> &entities, const QString &language,
                                     QList<ResolvedMention> *references) const;
    // The same, for sentences already tokenised.
    QList<ExtractedRelation> extract(const QString &text, const QList<Sentence> &sentences,
                                     const SentenceTokens &tokens, const QList<ExtractedEntity> &entities,
                                     const QString &language, QList<ResolvedMention> *references) const;

    // One step of a pattern: an entity slot, literal words, a word class of
    // the lexicon, or a gap of a few words.
    struct Element
    {
        enum class Kind { Slot, Words, WordClass, Gap };
        Kind kind = Kind::Words;
        bool optional = false;
        bool subject = false;        // Slot: {S...} rather than {O...}
        bool list = false;           // Slot: {S+} takes a list "X, Y and Z"
        QList<EntityType> types;     // Slot: allowed types, empty for any
        QList<QStringList> alternatives; // Words: folded word sequences, one of which must follow
        QHash<QString, QList<qsizetype>> alternativesByFirstWord; // Words: indexes into alternatives, in order
        Lexicon::Category category = Lexicon::Category::FunctionWord; // WordClass
        int maxGap = 0;              // Gap: at most this many words
    };

    struct Rule
    {
        QString id;
        QString predicate;
        double confidence = 0.0;
        QList<Element> elements;
        // What a sentence must contain for the rule to have a chance, so
        // most rules are skipped without matching: the first words of one
        // required word element, and one entity type of each required slot.
        QStringList anchors;
        quint32 anchorClasses = 0;    // required word classes, as Lexicon::bit()s
        QList<quint8> slotTypes;      // per required slot, its entity types as bits (1 << type)
    };
    qsizetype ruleCount() const { return m_rules.size(); }

    // Whether extract() lists co-occurrences (on by default). The store
    // reads them from the mentions and has no use for them; a long article
    // with a large cast has hundreds of thousands.
    void setListsCooccurrences(bool lists) { m_listsCooccurrences = lists; }
    bool listsCooccurrences() const { return m_listsCooccurrences; }

private:
    QList<ExtractedRelation> extract(const QString &text, const QList<Sentence> &sentences,
                                     const QList<ExtractedEntity> &entities, const QString &language,
                                     const std::function<TokenSpan(int)> &sentenceTokens,
                                     QList<ResolvedMention> *references) const;

    // Phrases as folded words, the way the matcher compares them.
    using Phrases = QList<QStringList>;
    QHash<QString, Phrases *> wordLists()
    {
        return {{QStringLiteral("negation"), &m_negations}, {QStringLiteral("hedge"), &m_hedges},
                {QStringLiteral("pronoun-org"), &m_organisationPronouns},
                {QStringLiteral("pronoun-person"), &m_personPronouns},
                {QStringLiteral("leader-title"), &m_leaderTitles},
                {QStringLiteral("clause-opener"), &m_clauseOpeners}};
    }

    const Lexicon *m_lexicon = nullptr;
    QList<Rule> m_rules;
    DependencyRules m_treeRules;
    SyntaxAnalyzer m_syntax;
    bool m_listsCooccurrences = true;
    QHash<QString, QList<int>> m_anchorIndex; // anchor word -> rules it anchors
    Phrases m_negations; // words and phrases that negate a statement
    Phrases m_hedges;    // ... that make it hypothetical
    Phrases m_organisationPronouns; // "it", "the company", "le groupe": the last organisation
    Phrases m_personPronouns;       // "he", "she", "il": the last person
    Phrases m_leaderTitles;         // "president", "premier ministre": head of a country
    Phrases m_clauseOpeners;        // ", as ...", ", while ...": a gap does not run past them
};

} // namespace NewsGraph
