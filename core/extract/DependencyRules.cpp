#include "core/extract/DependencyRules.h"

#include "core/extract/Lexicon.h"

#include <QFile>
#include <QVarLengthArray>

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// The base of a relation: "nsubj" for "nsubj:pass".
QStringView baseRelation(const QString &deprel)
{
    const qsizetype colon = deprel.indexOf(u':');
    return colon < 0 ? QStringView(deprel) : QStringView(deprel).left(colon);
}

bool relationMatches(const QString &deprel, const QString &wanted)
{
    // A wanted relation with a subtype matches only that subtype; one
    // without matches the base and every subtype but the possessive, which
    // the rules name when they mean it. French possessives are determiners
    // ("sa filiale"): they stand for an actor only where the caller resolved
    // them to one.
    if (wanted == u"nmod:poss"_s)
        return deprel == wanted || deprel == u"det"_s || deprel == u"det:poss"_s;
    if (wanted.contains(u':'))
        return deprel == wanted;
    return baseRelation(deprel) == wanted && deprel != u"nmod:poss"_s;
}

Result<QList<EntityType>> parseTypes(const QString &text)
{
    QList<EntityType> types;
    for (const QString &name : text.split(u',', Qt::SkipEmptyParts)) {
        const std::optional<EntityType> type = entityTypeFromName(name.trimmed());
        if (!type)
            return Error{u"unknown entity type \"%1\""_s.arg(name)};
        types.append(*type);
    }
    return types;
}

// "agent|poss|prep[by,par]:ORG,PERSON", or "-" for pairwise.
Result<DependencyRules::Slot> parseSlot(const QString &text)
{
    DependencyRules::Slot slot;
    if (text == u"-"_s) {
        slot.pairwise = true;
        return slot;
    }
    const qsizetype colon = text.lastIndexOf(u':');
    // A colon inside a relation ("nmod:poss") is followed by lower case;
    // the types are upper case.
    QString paths = text;
    if (colon > 0 && colon + 1 < text.size() && text.at(colon + 1).isUpper()) {
        Result<QList<EntityType>> types = parseTypes(text.mid(colon + 1));
        if (!types)
            return Error{types.error()};
        slot.types = std::move(types).value();
        paths = text.left(colon);
    }
    for (const QString &pathText : paths.split(u'|', Qt::SkipEmptyParts)) {
        slot.pathTexts.append(pathText);
        DependencyRules::Path path;
        for (QString stepText : pathText.split(u'>', Qt::SkipEmptyParts)) {
            DependencyRules::Step step;
            if (stepText.startsWith(u'^')) {
                step.up = true;
                stepText.remove(0, 1);
            }
            if (const qsizetype bracket = stepText.indexOf(u'['); bracket >= 0) {
                if (!stepText.endsWith(u']'))
                    return Error{u"unclosed [ in \"%1\""_s.arg(pathText)};
                for (const QString &word : stepText.mid(bracket + 1, stepText.size() - bracket - 2).split(u',', Qt::SkipEmptyParts))
                    step.caseWords.append(foldName(word));
                stepText.truncate(bracket);
            }
            for (const QString &relation : stepText.split(u',', Qt::SkipEmptyParts))
                step.relations.append(relation == u"prep"_s ? QStringList{u"nmod"_s, u"obl"_s} : QStringList{relation});
            if (step.relations.isEmpty() && !step.up)
                return Error{u"empty step in \"%1\""_s.arg(pathText)};
            path.append(step);
        }
        slot.paths.append(path);
    }
    if (slot.paths.isEmpty())
        return Error{u"a slot needs a path"_s};
    return slot;
}

// Whether a step's relations are `relation` alone; compared in place, as a
// QStringList to compare with would be an allocation for each path tried.
bool isOnly(const QStringList &relations, QStringView relation)
{
    return relations.size() == 1 && relations.constFirst() == relation;
}

// The words of a sentence with their dependents, for walking the tree.
class Tree
{
public:
    explicit Tree(const ConlluSentence &sentence)
        : m_words(sentence.words)
    {
        repairTitleBeforeName();
        m_lemmas.reserve(m_words.size());
        for (const ConlluWord &word : std::as_const(m_words))
            m_lemmas.append(foldName(word.lemma.isEmpty() ? word.form : word.lemma));
        // Each word's dependents in one array, in sentence order, a word's
        // from m_firstChild[w] to m_firstChild[w + 1]: one allocation for
        // the sentence instead of one per head.
        const std::size_t count = std::size_t(m_words.size());
        m_firstChild.assign(count + 1, 0);
        for (std::size_t w = 0; w < count; ++w) {
            if (const int head = this->head(int(w)); head >= 0 && head < int(count))
                ++m_firstChild[std::size_t(head) + 1];
        }
        for (std::size_t w = 0; w < count; ++w)
            m_firstChild[w + 1] += m_firstChild[w];
        m_children.resize(m_firstChild[count]);
        std::vector<int> filled(m_firstChild.cbegin(), m_firstChild.cend() - 1);
        for (std::size_t w = 0; w < count; ++w) {
            if (const int head = this->head(int(w)); head >= 0 && head < int(count))
                m_children[std::size_t(filled[std::size_t(head)]++)] = int(w);
        }
    }

    int size() const { return int(m_words.size()); }
    const ConlluWord &word(int w) const { return m_words[w]; }
    int head(int w) const { return m_words[w].head - 1; }
    std::span<const int> children(int w) const
    {
        return std::span<const int>(m_children).subspan(std::size_t(m_firstChild[std::size_t(w)]),
                                                         std::size_t(m_firstChild[std::size_t(w) + 1] - m_firstChild[std::size_t(w)]));
    }
    const QString &lemma(int w) const { return m_lemmas[w]; } // folded

    bool hasChild(int w, const QString &relation) const
    {
        const std::span<const int> dependents = children(w);
        return std::any_of(dependents.begin(), dependents.end(),
                           [&](int c) { return relationMatches(m_words[c].deprel, relation); });
    }

    // The case marker of a nominal: "in" for "in Germany", "de" for "de
    // Soufflet", "'s" for "Hudbay's"; empty for none.
    QString caseWord(int w) const
    {
        for (int c : children(w)) {
            if (m_words[c].deprel == u"case"_s)
                return lemma(c);
        }
        // "by Orvane Logistics Inc.": the parser may hang the marker on the
        // name's first word and the name on its last.
        for (int c : children(w)) {
            const QStringView relation = baseRelation(m_words[c].deprel);
            if (c >= w || (relation != u"compound" && relation != u"flat"))
                continue;
            for (int g : children(c)) {
                if (m_words[g].deprel == u"case"_s)
                    return lemma(g);
            }
        }
        return {};
    }

    bool isPassive(int w) const
    {
        return hasChild(w, u"nsubj:pass"_s) || hasChild(w, u"aux:pass"_s) || hasChild(w, u"obl:agent"_s);
    }

private:
    // "Synovus CEO Kevin Blair will serve", "Electronics giant Samsung has
    // unveiled": the greedy parser often makes the noun before a name a
    // second subject (or object) of the verb instead of a compound of the
    // name. A noun followed, within three words, by a name in the same
    // role of the same head is taken as that name's compound.
    void repairTitleBeforeName()
    {
        for (int w = 0; w < m_words.size(); ++w) {
            if (m_words[w].upos != u"NOUN"_s)
                continue;
            for (int v = w + 1; v < std::min<int>(int(m_words.size()), w + 4); ++v) {
                if (m_words[v].head != m_words[w].head || m_words[v].deprel != m_words[w].deprel)
                    continue;
                if (m_words[v].upos == u"PROPN"_s) {
                    m_words[w].head = v + 1;
                    m_words[w].deprel = u"compound"_s;
                }
                break;
            }
        }
    }

    QList<ConlluWord> m_words; // a copy: repairs change heads
    QStringList m_lemmas;      // folded, looked up many times
    std::vector<int> m_firstChild; // where each word's dependents start in m_children
    std::vector<int> m_children;
};

} // namespace

QString DependencyRules::explain(const Statement &statement, const QString &subject, const QString &trigger,
                                 const QString &object)
{
    return u"%1 <-%2- %3 -%4-> %5"_s.arg(subject, statement.subjectPath, trigger, statement.objectPath, object);
}

bool isRelativeClause(const QString &deprel)
{
    return deprel.endsWith(u":relcl"_s);
}

int relativeAntecedent(const QList<ConlluWord> &words, int w)
{
    static const QSet<QString> relatives{u"which"_s, u"that"_s, u"who"_s, u"whom"_s, u"qui"_s,
                                         u"que"_s, u"lequel"_s, u"laquelle"_s, u"lesquels"_s, u"lesquelles"_s};
    if (w < 0 || w >= words.size() || words[w].upos != u"PRON"_s
        || !relatives.contains(foldName(words[w].lemma.isEmpty() ? words[w].form : words[w].lemma)))
        return w;
    const auto head = [&](int v) { return v >= 0 && v < words.size() ? words[v].head - 1 : -1; };
    int clause = head(w);
    while (clause >= 0 && !isRelativeClause(words[clause].deprel) && baseRelation(words[clause].deprel) == u"xcomp")
        clause = head(clause);
    if (clause < 0 || !isRelativeClause(words[clause].deprel))
        return w;
    const int described = head(clause);
    if (described < 0)
        return w;
    const QString &upos = words[described].upos;
    if (upos == u"NOUN"_s || upos == u"PROPN"_s || upos == u"PRON"_s)
        return described;
    // Hung on a verb (a slip, or "advcl:relcl"): the noun just before the
    // pronoun, as in "sold it to Bayer, which bought ...".
    for (int v = w - 1; v >= std::max(0, w - 3); --v) {
        if (words[v].upos == u"NOUN"_s || words[v].upos == u"PROPN"_s)
            return v;
    }
    return described;
}

Result<DependencyRules> DependencyRules::fromFile(const QString &path, const Lexicon &lexicon)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{u"Cannot read the relation rules %1: %2"_s.arg(path, file.errorString())};
    DependencyRules rules;
    rules.m_lexicon = &lexicon;
    QHash<QString, QStringList> lists; // "@acquire" -> its words
    const QHash<QString, QSet<QString> *> settings{{u"negation"_s, &rules.m_negations},
                                                  {u"modal"_s, &rules.m_modals},
                                                  {u"holding"_s, &rules.m_holdingNouns},
                                                  {u"example"_s, &rules.m_exampleMarkers},
                                                  {u"demoting"_s, &rules.m_demotingWords}};
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u'\t', Qt::SkipEmptyParts);
        const auto error = [&](const QString &message) {
            return Error{u"%1:%2: %3"_s.arg(path).arg(lineNumber).arg(message)};
        };
        if (fields.size() == 2 && (fields[0].startsWith(u'@') || settings.contains(fields[0]))) {
            QStringList words;
            for (const QString &word : fields[1].split(u'|', Qt::SkipEmptyParts))
                words.append(foldName(word));
            if (fields[0].startsWith(u'@'))
                lists[fields[0]] += words;
            else
                *settings.value(fields[0]) += QSet<QString>(words.cbegin(), words.cend());
            continue;
        }
        if (fields.size() != 6)
            return error(u"expected id<TAB>predicate<TAB>confidence<TAB>trigger<TAB>subject<TAB>object"_s);
        Rule rule;
        rule.id = fields[0];
        rule.predicate = fields[1];
        bool ok = false;
        rule.confidence = fields[2].toDouble(&ok);
        if (!ok || rule.confidence <= 0 || rule.confidence > 1)
            return error(u"confidence must be a number in (0, 1]"_s);
        const qsizetype slash = fields[3].lastIndexOf(u'/');
        if (slash <= 0)
            return error(u"a trigger is LEMMAS/POS, e.g. acquire|buy/VERB"_s);
        for (const QString &entry : fields[3].left(slash).split(u'|', Qt::SkipEmptyParts)) {
            QStringList words;
            if (entry == u"*"_s) {
                rule.anyLemma = true;
                continue;
            }
            if (entry == u"<orgnoun>"_s || entry == u"<productnoun>"_s) {
                rule.lexiconClasses.append(int(entry == u"<orgnoun>"_s ? Lexicon::Category::OrgNoun : Lexicon::Category::ProductNoun));
                rule.anyLemma = true;
                continue;
            }
            if (entry.startsWith(u'@')) {
                if (!lists.contains(entry))
                    return error(u"unknown word list %1 (lists must come before the rules that use them)"_s.arg(entry));
                words = lists.value(entry);
            } else {
                words.append(foldName(entry));
            }
            for (const QString &phrase : std::as_const(words)) {
                // Each word of a phrase may be its head in the tree; the
                // others must then hang below it.
                const QStringList parts = phrase.split(u' ', Qt::SkipEmptyParts);
                for (qsizetype p = 0; p < parts.size(); ++p) {
                    QStringList others = parts;
                    others.removeAt(p);
                    rule.triggers[parts[p]].append(others);
                }
            }
        }
        rule.partsOfSpeech = fields[3].mid(slash + 1).split(u',', Qt::SkipEmptyParts);
        if ((rule.triggers.isEmpty() && !rule.anyLemma) || rule.partsOfSpeech.isEmpty())
            return error(u"a trigger needs lemmas and parts of speech"_s);
        Result<Slot> subject = parseSlot(fields[4]);
        if (!subject)
            return error(subject.error());
        Result<Slot> object = parseSlot(fields[5]);
        if (!object)
            return error(object.error());
        if (subject->pairwise)
            return error(u"only the object may be \"-\" (pairwise)"_s);
        rule.subject = std::move(subject).value();
        rule.object = std::move(object).value();
        if (rule.anyLemma)
            rules.m_anyLemma.append(int(rules.m_rules.size()));
        for (auto trigger = rule.triggers.cbegin(); trigger != rule.triggers.cend(); ++trigger)
            rules.m_byLemma[trigger.key()].append(int(rules.m_rules.size()));
        rules.m_rules.append(std::move(rule));
    }
    return rules;
}

QList<DependencyRules::Statement> DependencyRules::apply(const ConlluSentence &sentence, const QList<int> &entityOfWord,
                                                         const QList<EntityType> &typeOfEntity) const
{
    QList<Statement> statements;
    const Tree tree(sentence);
    const auto entityOf = [&](int w) { return entityOfWord.value(w, -1); };

    // "chief executive A and vice chairman B": a title is not shared with
    // a conjunct that has a title of its own.
    bool titleTrigger = false;
    const auto hasOwnTitle = [&](int w) {
        if (m_lexicon->containsKey(Lexicon::Category::PersonTitle, tree.lemma(w)))
            return true; // "A and vice chairman B": the conjunct is the title
        const std::span<const int> children = tree.children(w);
        return std::any_of(children.begin(), children.end(), [&](int c) {
            const QStringView relation = baseRelation(tree.word(c).deprel);
            return c < w && (relation == u"compound" || relation == u"amod" || relation == u"nmod")
                && m_lexicon->containsKey(Lexicon::Category::PersonTitle, tree.lemma(c));
        });
    };

    // The actors a word stands for: its own entity, or for a common noun
    // the names it is in apposition with ("the start-up Plaid"), what a
    // holding noun holds ("a 30% stake in CTW") and the examples of a
    // plural ("investors such as A and B"); each spread over conjuncts.
    std::function<void(int, QList<int> &, int)> actorsOf = [&](int w, QList<int> &actors, int depth) {
        if (depth > 4)
            return;
        if (const int e = entityOf(w); e >= 0) {
            if (!actors.contains(e))
                actors.append(e);
        } else {
            QList<int> named; // appositions and flat names first, compounds if none
            QList<int> compounds;
            for (int c : tree.children(w)) {
                const QString &relation = tree.word(c).deprel;
                // "le groupe Vantrel": a name right after the noun, with no
                // case marker, names it whatever the relation.
                // A "case" word that is no function word is a tagging slip
                // ("le groupe zurichois Barry-Callebaut").
                const QString marker = tree.caseWord(c);
                const bool bareNominal = baseRelation(relation) == u"nmod" && c > w
                    && (marker.isEmpty() || !m_lexicon->containsKey(Lexicon::Category::FunctionWord, marker));
                if ((relation == u"appos"_s || baseRelation(relation) == u"flat"_s || bareNominal) && entityOf(c) >= 0)
                    named.append(c);
                else if (baseRelation(relation) == u"compound"_s && entityOf(c) >= 0)
                    compounds.append(c);
            }
            const QString &lemma = tree.lemma(w);
            const bool namingNoun = m_holdingNouns.contains(lemma) || m_lexicon->containsKey(Lexicon::Category::OrgNoun, lemma)
                || m_lexicon->containsKey(Lexicon::Category::ProductNoun, lemma);
            if (named.isEmpty() && namingNoun)
                named = compounds;
            for (int c : std::as_const(named))
                actorsOf(c, actors, depth + 1);
            // "Plaid, a firm backed by ...": the firm is Plaid. "X is a
            // port located in Y": the port is X.
            if (tree.word(w).deprel == u"appos"_s && tree.head(w) >= 0 && entityOf(tree.head(w)) >= 0)
                actorsOf(tree.head(w), actors, depth + 1);
            if (tree.hasChild(w, u"cop"_s)) {
                for (int c : tree.children(w)) {
                    if (baseRelation(tree.word(c).deprel) == u"nsubj")
                        actorsOf(c, actors, depth + 1);
                }
            }
            const bool holding = m_holdingNouns.contains(lemma) || tree.word(w).upos == u"NUM"_s;
            for (int c : tree.children(w)) {
                const QStringView relation = baseRelation(tree.word(c).deprel);
                if (relation != u"nmod" && relation != u"obl")
                    continue;
                const QString marker = tree.caseWord(c);
                if ((holding && (marker == u"of"_s || marker == u"in"_s || marker == u"into"_s || marker == u"de"_s
                                 || marker == u"dans"_s))
                    || m_exampleMarkers.contains(marker))
                    actorsOf(c, actors, depth + 1);
            }
        }
        for (int c : tree.children(w)) {
            if (tree.word(c).deprel == u"conj"_s && !(titleTrigger && hasOwnTitle(c)))
                actorsOf(c, actors, depth + 1);
        }
    };

    // Where a relative pronoun stands, the noun the clause describes.
    const auto antecedentOfRelative = [&](int w) { return relativeAntecedent(sentence.words, w); };

    // The subject of a verb, or of the verb that governs it: "Visa agreed
    // to acquire", "plans to acquire", "bought X and sold Y".
    const auto agentsOf = [&](int trigger, bool passive, QList<int> &words) {
        if (passive) {
            for (int c : tree.children(trigger)) {
                const QString &relation = tree.word(c).deprel;
                const QString marker = tree.caseWord(c);
                // Whatever the relation the parser gave it ("obj" happens):
                // a dependent marked "by" of a passive verb is its agent.
                if (relation == u"obl:agent"_s || marker == u"by"_s || marker == u"par"_s)
                    words.append(c);
            }
            return;
        }
        int node = trigger;
        for (int hop = 0; hop < 5 && node >= 0; ++hop) {
            for (int c : tree.children(node)) {
                if (tree.word(c).deprel == u"nsubj"_s)
                    words.append(antecedentOfRelative(c));
            }
            if (!words.isEmpty())
                return;
            const QStringView relation = baseRelation(tree.word(node).deprel);
            const bool noun = tree.word(node).upos == u"NOUN"_s;
            // "obtained EUR 440 million of funding from ...": a noun under
            // an amount climbs to the verb of the amount.
            const int head = tree.head(node);
            const bool underAmount = head >= 0
                && (tree.word(head).upos == u"NUM"_s || tree.hasChild(head, u"nummod"_s));
            const bool climbs = relation == u"xcomp" || relation == u"conj" || relation == u"advcl" || relation == u"acl"
                || relation == u"ccomp" || (noun && (relation == u"obj" || relation == u"parataxis"))
                || (noun && relation == u"nmod" && underAmount)
                || (tree.word(node).upos == u"NUM"_s && relation == u"obj");
            if (!climbs || isRelativeClause(tree.word(node).deprel))
                return;
            node = tree.head(node);
        }
    };

    const auto follow = [&](int trigger, const Path &path, bool passive, QList<int> &ends) {
        QList<int> current{trigger};
        for (const Step &step : path) {
            QList<int> next;
            for (int w : std::as_const(current)) {
                if (step.up) {
                    const bool fits = step.relations.isEmpty()
                        || std::any_of(step.relations.cbegin(), step.relations.cend(),
                                       [&](const QString &r) { return relationMatches(tree.word(w).deprel, r); });
                    if (fits && tree.head(w) >= 0)
                        next.append(tree.head(w));
                    continue;
                }
                for (const QString &relation : step.relations) {
                    if (relation == u"self"_s) {
                        next.append(w);
                        continue;
                    }
                    if (relation == u"*"_s) {
                        // The word and everything below it, but the
                        // trigger's own words when the path went up ("...,
                        // said X, chairman of Y": Y is not in the remark).
                        QList<int> stack{w};
                        while (!stack.isEmpty()) {
                            const int d = stack.takeLast();
                            if (d == trigger && w != trigger)
                                continue;
                            next.append(d);
                            for (const int c : tree.children(d))
                                stack.append(c);
                        }
                        continue;
                    }
                    if (relation == u"agent"_s) {
                        agentsOf(w, w == trigger && passive, next);
                        continue;
                    }
                    if (relation == u"patient"_s) {
                        for (int c : tree.children(w)) {
                            const QString &deprel = tree.word(c).deprel;
                            if ((passive && w == trigger) ? deprel == u"nsubj:pass"_s : deprel == u"obj"_s)
                                next.append(antecedentOfRelative(c));
                        }
                        // "Plaid, acquired by Visa": a participle describing its
                        // patient; "Launched by X, Plaid ...": the subject of
                        // the clause it opens.
                        if (next.isEmpty() && passive && tree.word(w).deprel == u"acl"_s && tree.head(w) >= 0)
                            next.append(tree.head(w));
                        if (next.isEmpty() && passive && baseRelation(tree.word(w).deprel) == u"advcl" && tree.head(w) >= 0) {
                            for (int c : tree.children(tree.head(w))) {
                                if (baseRelation(tree.word(c).deprel) == u"nsubj")
                                    next.append(c);
                            }
                        }
                        continue;
                    }
                    for (int c : tree.children(w)) {
                        // "auprès du constructeur", "près de Lyon": French
                        // treebanks hang the noun from the adverb (obl:arg),
                        // which then acts as the case marker.
                        if (!step.caseWords.isEmpty() && tree.word(c).upos == u"ADV"_s && step.caseWords.contains(tree.lemma(c))) {
                            for (int g : tree.children(c)) {
                                if (tree.word(g).deprel == u"obl:arg"_s)
                                    next.append(g);
                            }
                            continue;
                        }
                        if (!relationMatches(tree.word(c).deprel, relation))
                            continue;
                        if (!step.caseWords.isEmpty() && !step.caseWords.contains(tree.caseWord(c)))
                            continue;
                        next.append(relation == u"nsubj"_s ? antecedentOfRelative(c) : c);
                    }
                }
            }
            current = next;
        }
        ends += current;
    };

    // The actors a slot reaches from `trigger`, and (in `used`) the text of
    // the path that reached them.
    const auto fillSlot = [&](int trigger, const Slot &slot, bool passive, QString *used) {
        QList<int> actors;
        for (qsizetype p = 0; p < slot.paths.size(); ++p) {
            const Path &path = slot.paths[p];
            QList<int> ends;
            follow(trigger, path, passive, ends);
            const bool subtree = !path.isEmpty() && isOnly(path.constLast().relations, u"*");
            // The trigger itself, when it is a name, is that name alone: in
            // "Saint-Quivel (Vendée) et Le Tréport", the apposition is the
            // first conjunct's, not the second's.
            const bool itself = path.size() == 1 && isOnly(path.constFirst().relations, u"self");
            for (int w : std::as_const(ends)) {
                // What a remark talks about takes the places it names as
                // actors ("India and China are watching"), not those where
                // something is ("a plant in Peru").
                // Nor those that only qualify a noun ("U.S. hyperscalers").
                if (subtree && typeOfEntity.value(entityOf(w)) == EntityType::Place
                    && (m_lexicon->containsKey(Lexicon::Category::PlacePreposition, tree.caseWord(w))
                        || ((baseRelation(tree.word(w).deprel) == u"compound" || tree.word(w).deprel == u"amod"_s)
                            && entityOf(tree.head(w)) != entityOf(w))))
                    continue;
                // A subtree holds every word already: its actors are the
                // words that stand for one, without spreading further.
                if (itself && entityOf(w) >= 0) {
                    if (!actors.contains(entityOf(w)))
                        actors.append(entityOf(w));
                } else if (!subtree) {
                    actorsOf(w, actors, 0);
                }
                else if (const int e = entityOf(w); e >= 0 && !actors.contains(e))
                    actors.append(e);
            }
            actors.removeIf([&](int e) {
                return !slot.types.isEmpty() && !slot.types.contains(typeOfEntity.value(e, EntityType::Organization));
            });
            if (!actors.isEmpty()) {
                *used = slot.pathTexts.value(p);
                break;
            }
        }
        return actors;
    };

    // Whether `other` is below `w`, at most two arcs down.
    const auto below = [&](int w, const QString &other) {
        for (int c : tree.children(w)) {
            if (tree.lemma(c) == other)
                return true;
            for (int g : tree.children(c)) {
                if (tree.lemma(g) == other)
                    return true;
            }
        }
        return false;
    };

    for (int w = 0; w < tree.size(); ++w) {
        const QString &lemma = tree.lemma(w);
        const auto byLemma = m_byLemma.constFind(lemma);
        if (byLemma == m_byLemma.cend() && m_anyLemma.isEmpty())
            continue;
        QVarLengthArray<int, 32> candidates;
        if (byLemma != m_byLemma.cend())
            candidates.append(byLemma->constData(), byLemma->size());
        candidates.append(m_anyLemma.constData(), m_anyLemma.size());
        // A negated trigger states nothing ("did not buy", "n'a pas
        // racheté"), nor does a negated verb it depends on ("did not agree
        // to buy", "did not complete its takeover of"); a modal one ("could
        // buy") is a possibility.
        bool negated = false, modal = false;
        for (int node = w, hop = 0; node >= 0 && hop < 3; ++hop) {
            for (int c : tree.children(node)) {
                const QStringView relation = baseRelation(tree.word(c).deprel);
                if ((relation == u"advmod" || relation == u"neg" || relation == u"det") && m_negations.contains(tree.lemma(c)))
                    negated = true;
                if (relation == u"aux" && m_modals.contains(tree.lemma(c)))
                    modal = true;
            }
            const QStringView relation = baseRelation(tree.word(node).deprel);
            const bool objectNoun = node == w && tree.word(w).upos == u"NOUN"_s && relation == u"obj";
            if (relation != u"xcomp" && !objectNoun)
                break;
            node = tree.head(node);
        }
        if (negated)
            continue;
        std::optional<bool> passive; // asked once a rule's trigger fits
        for (int r : std::as_const(candidates)) {
            const Rule &rule = m_rules[r];
            if (!rule.partsOfSpeech.contains(tree.word(w).upos))
                continue;
            if (!rule.lexiconClasses.isEmpty()
                && std::none_of(rule.lexiconClasses.cbegin(), rule.lexiconClasses.cend(), [&](int category) {
                       return m_lexicon->containsKey(Lexicon::Category(category), lemma);
                   }))
                continue;
            if (!rule.anyLemma) {
                const QList<QStringList> &entries = *rule.triggers.constFind(lemma);
                // Every other word of the phrase below the trigger, and no
                // demoting word the phrase does not have ("vice president"
                // is not "president").
                const bool present = std::any_of(entries.cbegin(), entries.cend(), [&](const QStringList &others) {
                    return std::all_of(others.cbegin(), others.cend(), [&](const QString &other) { return below(w, other); })
                        && std::ranges::none_of(tree.children(w), [&](int c) {
                               const QString modifier = tree.lemma(c);
                               return m_demotingWords.contains(modifier) && !others.contains(modifier);
                           });
                });
                if (!present)
                    continue;
            }
            QString subjectPath, objectPath;
            titleTrigger = m_lexicon->containsKey(Lexicon::Category::PersonTitle, lemma);
            if (!passive)
                passive = tree.isPassive(w);
            const QList<int> subjects = fillSlot(w, rule.subject, *passive, &subjectPath);
            if (subjects.isEmpty())
                continue;
            const double confidence = rule.confidence * (modal ? 0.6 : 1.0);
            if (rule.object.pairwise) {
                for (qsizetype a = 0; a < subjects.size(); ++a) {
                    for (qsizetype b = a + 1; b < subjects.size(); ++b)
                        statements.append(Statement{subjects[a], subjects[b], r, confidence, w, subjectPath, subjectPath});
                }
                continue;
            }
            const QList<int> objects = fillSlot(w, rule.object, *passive, &objectPath);
            const bool remark = std::any_of(rule.object.paths.cbegin(), rule.object.paths.cend(), [](const Path &path) {
                return !path.isEmpty() && isOnly(path.constLast().relations, u"*");
            });
            for (int subject : subjects) {
                // An organisation named in its own remark ("Lionsgate said
                // it would buy Starz") is announcing its own news, which the
                // deal's own predicate covers.
                if (remark && typeOfEntity.value(subject) == EntityType::Organization && objects.contains(subject))
                    continue;
                for (int object : objects) {
                    if (subject != object)
                        statements.append(Statement{subject, object, r, confidence, w, subjectPath, objectPath});
                }
            }
        }
    }
    return statements;
}

} // namespace NewsGraph
