#pragma once

#include "core/common/Result.h"
#include "core/extract/Extraction.h"
#include "core/extract/Lexicon.h"
#include "core/text/Document.h"

#include <QList>
#include <QString>

namespace NewsGraph {

// Finds typed relations between the entities of one document, English and
// French, each with the sentences that state it:
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

    // Reads relation-patterns.tsv in `directory`; errors name file and line.
    static Result<RelationExtractor> fromDirectory(const QString &directory, const Lexicon &lexicon);

    QList<ExtractedRelation> extract(const QString &text, const QList<Sentence> &sentences,
                                     const QList<ExtractedEntity> &entities) const;

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
        Lexicon::Category category = Lexicon::Category::FunctionWord; // WordClass
        int maxGap = 0;              // Gap: at most this many words
    };

    struct Rule
    {
        QString id;
        QString predicate;
        double confidence = 0.0;
        QList<Element> elements;
    };
    qsizetype ruleCount() const { return m_rules.size(); }

private:
    const Lexicon *m_lexicon = nullptr;
    QList<Rule> m_rules;
    QStringList m_negations; // folded words and phrases that negate a statement
    QStringList m_hedges;    // ... that make it hypothetical
};

} // namespace NewsGraph
