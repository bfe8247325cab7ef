#include "core/extract/Anaphora.h"

#include "core/extract/DependencyRules.h"
#include "core/extract/Lexicon.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Pronouns, by the kind of antecedent they take.
enum class Anaphor { None, Person, Organisation, Either };

Anaphor anaphorKind(const QString &folded)
{
    static const QHash<QString, Anaphor> pronouns{
        {u"he"_s, Anaphor::Person}, {u"him"_s, Anaphor::Person}, {u"his"_s, Anaphor::Person},
        {u"she"_s, Anaphor::Person}, {u"her"_s, Anaphor::Person},
        {u"it"_s, Anaphor::Organisation}, {u"its"_s, Anaphor::Organisation}, {u"they"_s, Anaphor::Organisation},
        {u"them"_s, Anaphor::Organisation}, {u"their"_s, Anaphor::Organisation},
        {u"il"_s, Anaphor::Either}, {u"elle"_s, Anaphor::Either}, {u"ils"_s, Anaphor::Either},
        {u"elles"_s, Anaphor::Either}, {u"lui"_s, Anaphor::Either}, {u"son"_s, Anaphor::Either},
        {u"sa"_s, Anaphor::Either}, {u"ses"_s, Anaphor::Either}, {u"leur"_s, Anaphor::Either},
        {u"leurs"_s, Anaphor::Either}};
    return pronouns.value(folded, Anaphor::None);
}

bool fits(Anaphor kind, EntityType type)
{
    switch (kind) {
    case Anaphor::Person: return type == EntityType::Person;
    case Anaphor::Organisation: return type == EntityType::Organization;
    case Anaphor::Either: return type == EntityType::Person || type == EntityType::Organization;
    case Anaphor::None: break;
    }
    return false;
}

// The entity the subject of the clause around word `w` names, -1 for none:
// the first nsubj met climbing from `w`, through a relative pronoun to the
// noun it describes, and from a noun to the name in apposition with it.
int clauseSubject(const QList<ConlluWord> &words, const QList<int> &entityOfWord, qsizetype w)
{
    for (qsizetype node = words[w].head - 1, hop = 0; node >= 0 && hop < 4; node = words[node].head - 1, ++hop) {
        for (qsizetype c = 0; c < words.size(); ++c) {
            if (words[c].head != node + 1 || words[c].deprel != u"nsubj"_s)
                continue;
            if (c == w)
                return -1; // the description is the subject itself
            const qsizetype named = relativeAntecedent(words, int(c));
            if (named < 0)
                return -1;
            if (entityOfWord[named] >= 0)
                return entityOfWord[named];
            // "la société Ostrande": the name the subject noun has.
            for (qsizetype n = 0; n < words.size(); ++n) {
                if (words[n].head == named + 1 && entityOfWord[n] >= 0
                    && (words[n].deprel == u"appos"_s || words[n].deprel.startsWith(u"flat"_s)))
                    return entityOfWord[n];
            }
            return -1;
        }
    }
    return -1;
}

// Whether word `w` is a definite description of an organisation standing
// alone: "the shipowner", "le constructeur ferroviaire, qui ...".
bool isDefiniteDescription(const QList<ConlluWord> &words, const QList<int> &entityOfWord, qsizetype w,
                           const Lexicon &lexicon)
{
    const ConlluWord &word = words[w];
    if (word.upos != u"NOUN"_s || word.deprel == u"appos"_s || !lexicon.containsKey(Lexicon::Category::OrgNoun, foldName(word.lemma)))
        return false;
    // "the companies", "les constructeurs": several, not one to resolve to.
    const QString form = foldName(word.form);
    if ((form.endsWith(u's') || form.endsWith(u'x')) && form != foldName(word.lemma))
        return false;
    bool definite = false;
    for (qsizetype c = 0; c < words.size(); ++c) {
        if (words[c].head != w + 1)
            continue;
        const QString &relation = words[c].deprel;
        if (relation == u"det"_s) {
            const QString determiner = foldName(words[c].lemma);
            definite = definite || determiner == u"the"_s || determiner == u"le"_s || determiner == u"this"_s
                || determiner == u"ce"_s;
        } else if (entityOfWord[c] >= 0 || relation == u"acl"_s || relation.startsWith(u"nmod"_s) || relation == u"appos"_s) {
            return false; // it has a name, a complement or a participle of its own
        }
    }
    return definite;
}

} // namespace

bool isAnaphor(const QString &folded)
{
    return anaphorKind(folded) != Anaphor::None;
}

void collectDescriptions(const QList<ConlluWord> &words, const QList<int> &entityOfWord, const Lexicon &lexicon,
                         Descriptions &descriptions)
{
    const auto describe = [&](const QString &noun, int entity) {
        QList<int> &described = descriptions[noun];
        if (entity >= 0 && !described.contains(entity))
            described.append(entity);
    };
    for (qsizetype w = 0; w < words.size(); ++w) {
        if (words[w].upos != u"NOUN"_s || entityOfWord.value(w, -1) >= 0)
            continue;
        const QString noun = foldName(words[w].lemma);
        if (!lexicon.containsKey(Lexicon::Category::OrgNoun, noun))
            continue;
        // "Lionsgate, the Hollywood studio": the noun in apposition with a name.
        if (words[w].deprel == u"appos"_s && words[w].head > 0)
            describe(noun, entityOfWord.value(words[w].head - 1, -1));
        // "the airline Aerolux", "le constructeur Alstom": a name below the noun.
        for (qsizetype c = 0; c < words.size(); ++c) {
            const QString &relation = words[c].deprel;
            if (words[c].head == w + 1 && c > w
                && (relation == u"appos"_s || relation.startsWith(u"flat"_s) || relation.startsWith(u"compound"_s)))
                describe(noun, entityOfWord.value(c, -1));
        }
    }
}

QList<int> resolveAnaphora(const QList<ConlluWord> &words, const QList<int> &entityOfWord,
                           const QList<EntityType> &typeOfEntity, const Lexicon &lexicon, int organisationBefore,
                           int personBefore, const Descriptions &descriptions)
{
    QList<int> resolved = entityOfWord;
    const auto antecedent = [&](qsizetype w, Anaphor kind, int excluded) {
        for (qsizetype v = w - 1; v >= 0; --v) {
            if (resolved[v] >= 0 && resolved[v] != excluded && fits(kind, typeOfEntity.value(resolved[v])))
                return resolved[v];
        }
        if (kind == Anaphor::Person)
            return personBefore;
        return organisationBefore >= 0 ? organisationBefore : (kind == Anaphor::Either ? personBefore : -1);
    };
    for (qsizetype w = 0; w < words.size(); ++w) {
        if (entityOfWord.value(w, -1) >= 0)
            continue;
        const ConlluWord &word = words[w];
        if (word.upos == u"PRON"_s || word.upos == u"DET"_s) {
            const Anaphor kind = anaphorKind(foldName(word.form));
            if (kind == Anaphor::None)
                continue;
            // "The shipowner agreed to buy Tellmark to grow its fleet": the
            // possessive of a verb's object is the subject's of its clause,
            // when that fits ("advisers to Merck on its offer" stays Merck).
            const bool ofObject = word.deprel == u"nmod:poss"_s && word.head > 0
                && words[word.head - 1].deprel == u"obj"_s;
            const int subject = ofObject ? clauseSubject(words, resolved, w) : -1;
            resolved[w] = subject >= 0 && fits(kind, typeOfEntity.value(subject)) ? subject : antecedent(w, kind, -1);
            // "Zorvex has been fined by the EU after an investigation found
            // it had ...": a pronoun that is a subject takes the closest
            // subject or object before it in the sentence, where one fits,
            // over a closer name in a prepositional phrase (salience by
            // grammatical role, as in Lappin and Leass 1994).
            if (!ofObject && word.deprel.startsWith(u"nsubj"_s)) {
                for (qsizetype v = w - 1; v >= 0; --v) {
                    const QString &role = words[v].deprel;
                    if (resolved[v] >= 0 && entityOfWord.value(v, -1) >= 0
                        && (role.startsWith(u"nsubj"_s) || role == u"obj"_s || role == u"iobj"_s)
                        && fits(kind, typeOfEntity.value(resolved[v]))) {
                        resolved[w] = resolved[v];
                        break;
                    }
                }
            }
        } else if (isDefiniteDescription(words, entityOfWord, w, lexicon)) {
            const int subject = clauseSubject(words, entityOfWord, w);
            const QString noun = foldName(word.lemma);
            // Every company is "the company": only a specific noun says which.
            QList<int> described = lexicon.containsKey(Lexicon::Category::GenericOrgNoun, noun)
                ? QList<int>() : descriptions.value(noun);
            described.removeAll(subject);
            if (described.size() == 1)
                resolved[w] = described.constFirst();
            else if (described.isEmpty() && !lexicon.containsKey(Lexicon::Category::InstitutionNoun, noun))
                resolved[w] = antecedent(w, Anaphor::Organisation, subject);
            // "The union", "the court" are not the company named last: only
            // an organisation the text called so.
            // Two organisations were called so: which one is meant is not
            // for a rule to guess.
        }
    }
    return resolved;
}

} // namespace NewsGraph
