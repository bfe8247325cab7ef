#pragma once

#include "core/common/Result.h"
#include "core/extract/EntityType.h"
#include "core/syntax/Conllu.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace NewsGraph {

class Lexicon;

// Whether a dependency relation attaches a relative clause ("acl:relcl",
// "advcl:relcl").
bool isRelativeClause(const QString &deprel);

// The word a relative pronoun ("which", "qui") stands for: the noun its
// clause describes; `w` itself when it is no relative pronoun. Words are
// 0-based, heads 1-based as in CoNLL-U.
int relativeAntecedent(const QList<ConlluWord> &words, int w);

// Relation rules over dependency trees (Universal Dependencies), read from
// resources/lexicon/relation-rules.tsv: a trigger word (lemma and part of
// speech, English and French) and, for each side of the relation, the
// paths from the trigger that lead to it: "acquire" with its agent and its
// patient gives "Visa has agreed to acquire Plaid", "Plaid was acquired by
// Visa", "Visa, which bought Plaid" and "Visa said it would buy Plaid"
// alike. In the spirit of Odin (Valenzuela-Escárcega et al. 2016) and
// Stanford Semgrex (Chambers et al. 2007), kept to what news needs:
//  - the agent is the subject of an active trigger or the "by" phrase of a
//    passive one, climbing from a controlled or coordinated verb to the
//    verb whose subject it shares ("agreed to acquire", "plans to buy"),
//    and from a relative clause to the noun it describes;
//  - an argument spreads over coordination and apposition ("Bpifrance,
//    Crédit Agricole and KKR"; "the start-up Plaid") and through nouns that
//    hold a share of something ("a 30% stake in CTW", "25 per cent of X");
//  - a negated trigger states nothing, a modal one is down-weighted.
// Which entity a word stands for (a name, a resolved pronoun or
// description) is the caller's to say; the rules read only the tree.
class DependencyRules
{
public:
    DependencyRules() = default;

    // Reads the rule file at `path`; errors name the file and the line.
    // `lexicon` says which common nouns name organisations and products
    // ("the Starz pay television group"): only through those does an
    // argument reach a name in a compound ("the B.C. copper mine" is not
    // B.C.). It must outlive the rules.
    static Result<DependencyRules> fromFile(const QString &path, const Lexicon &lexicon);

    // One step from a word to another: a dependent with one of `relations`
    // (and, when `caseWords` is not empty, a case marker among them), or
    // the head when `up` (when the word hangs from it by one of
    // `relations`, or by any when there are none). The pseudo-relations
    // "agent" and "patient" read the voice of the trigger; "self" stays.
    struct Step
    {
        QStringList relations;
        QStringList caseWords;
        bool up = false;
    };
    using Path = QList<Step>;

    struct Slot
    {
        QList<Path> paths;        // tried in order; the first that reaches an actor wins
        QStringList pathTexts;    // each path as the rule file writes it, for explanations
        QList<EntityType> types;  // allowed types; empty for any
        bool pairwise = false;    // "-": the subject's members relate to each other
    };

    struct Rule
    {
        QString id;
        QString predicate;
        double confidence = 0.0;
        // Folded trigger lemmas, each with the other words of the entries it
        // is a word of: "take over" is "take" with a dependent "over",
        // "chief executive officer" is "officer" with "chief" and
        // "executive" below it. Empty for a one-word entry.
        QHash<QString, QList<QStringList>> triggers;
        bool anyLemma = false;     // "*": every word of the parts of speech
        // "<orgnoun>", "<productnoun>": every noun the lexicon lists as
        // naming organisations or products ("studio", "start-up").
        QList<int> lexiconClasses; // Lexicon::Category values
        QStringList partsOfSpeech; // UPOS the trigger may have
        Slot subject;
        Slot object;
    };

    // What a rule found: entity indexes as the caller numbered them.
    struct Statement
    {
        int subject = -1;
        int object = -1;
        int rule = -1; // index into rules()
        double confidence = 0.0;
        int trigger = -1;       // the trigger word (0-based)
        QString subjectPath;    // the paths that reached each side ("agent", "prep[by]")
        QString objectPath;     // ("-" for pairwise)
    };

    // "Visa <-agent- acquire -patient-> Plaid": a statement as one line,
    // given the names of its two sides and the trigger's word.
    static QString explain(const Statement &statement, const QString &subject, const QString &trigger,
                           const QString &object);

    // The statements of `sentence`: `entityOfWord` gives, for each word
    // (0-based), the entity it stands for or -1; `typeOfEntity` the type of
    // each entity.
    QList<Statement> apply(const ConlluSentence &sentence, const QList<int> &entityOfWord,
                           const QList<EntityType> &typeOfEntity) const;

    const QList<Rule> &rules() const { return m_rules; }

private:
    const Lexicon *m_lexicon = nullptr;
    QList<Rule> m_rules;
    QHash<QString, QList<int>> m_byLemma; // folded lemma -> rules it triggers
    QList<int> m_anyLemma;                // rules whose trigger is any word of a part of speech
    QSet<QString> m_negations;            // "not", "never", "pas", "jamais"
    QSet<QString> m_modals;               // "could", "might", "pouvoir"
    QSet<QString> m_holdingNouns;         // "stake", "per cent", "participation": reach through to what is held
    QSet<QString> m_exampleMarkers;       // "such as", "including", "dont": reach through to the examples
    QSet<QString> m_demotingWords;        // "vice", "deputy": another title than the one they modify
};

} // namespace NewsGraph
