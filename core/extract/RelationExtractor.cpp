#include "core/extract/RelationExtractor.h"

#include "core/extract/Anaphora.h"
#include "core/extract/Tokenizer.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

// QT_LOGGING_RULES="newsgraph.relations.debug=true": each parsed sentence
// as the tree rules see it, and what they found.
Q_LOGGING_CATEGORY(lcRelations, "newsgraph.relations", QtWarningMsg)

namespace NewsGraph {

namespace {

using Element = RelationExtractor::Element;
using Rule = RelationExtractor::Rule;
using Category = Lexicon::Category;

// Word classes a pattern may name as <class>.
const QHash<QString, Category> &wordClasses()
{
    static const QHash<QString, Category> classes{
        {u"orgnoun"_s, Category::OrgNoun},       {u"productnoun"_s, Category::ProductNoun},
        {u"eventnoun"_s, Category::EventNoun},   {u"title"_s, Category::PersonTitle},
        {u"speech"_s, Category::SpeechVerb},     {u"det"_s, Category::Determiner},
        {u"naming"_s, Category::NamingVerb},     {u"suffix"_s, Category::OrgSuffix},
        {u"prep"_s, Category::PlacePreposition},
    };
    return classes;
}

// How many modifiers a slot skips before its entity ("the UK financial
// services regulator").
constexpr int maxModifiers = 4;

// Words that join the members of a list: "X, Y and Z", "X et Y".
bool isListJoiner(QStringView folded)
{
    return folded == u"," || folded == u"and" || folded == u"et" || folded == u"or" || folded == u"ou" || folded == u"&";
}

// Prepositions a list may repeat before each member: "d'EDF et d'Alstom".
bool isRepeatedPreposition(QStringView folded)
{
    static constexpr std::array words{u"of", u"to", u"with", u"de", u"d'", u"du", u"des", u"a", u"au", u"aux", u"avec"};
    return std::find(words.cbegin(), words.cend(), folded) != words.cend();
}

// Quotation marks that open and close reported speech. A lone ’ or ' is a
// closing single quote (apostrophes inside words belong to their word).
bool isOpeningQuote(QChar c)
{
    return c == u'“' || c == u'«' || c == u'"' || c == u'„' || c == u'‘';
}

bool isClosingQuote(QChar c)
{
    return c == u'”' || c == u'»' || c == u'"' || c == u'’' || c == u'\'';
}

// Folded words as the tokenizer cuts them: French elisions are words of
// their own ("l'entreprise" -> "l'", "entreprise"), and so is a hyphen
// ("co-founder" -> "co", "-", "founder").
QStringList foldedWords(const QString &phrase)
{
    QStringList words;
    const auto appendHyphenated = [&words](const QString &word) {
        const QStringList parts = word.split(u'-');
        if (parts.size() < 2 || parts.contains(QString())) {
            words.append(word); // "-", "-based": a hyphen at an edge stays as written
            return;
        }
        for (qsizetype p = 0; p < parts.size(); ++p) {
            if (p > 0)
                words.append(u"-"_s);
            words.append(parts[p]);
        }
    };
    for (const QString &word : foldName(phrase).split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype apostrophe = word.indexOf(u'\'');
        if (apostrophe > 0 && apostrophe + 1 < word.size() && apostrophe <= 6) {
            words.append(word.left(apostrophe + 1));
            appendHyphenated(word.mid(apostrophe + 1));
        } else {
            appendHyphenated(word);
        }
    }
    return words;
}

// --- pattern syntax ------------------------------------------------------
//
//   {S} {O}            an entity (subject, object); {S:PERSON}, {O:ORG|PRODUCT}
//   {S+} {O+}          a list of entities: "X, Y and Z"
//   word               a literal word, compared folded
//   (a|b c|d)          one of several word sequences
//   <class>            a word of a lexicon list: orgnoun, productnoun,
//                      eventnoun, title, speech, det, naming, suffix, prep
//   *N                 up to N words (no entity among them)
//   **N                up to N words or entities
//   ( and )            standing alone: the brackets themselves
//   X?                 makes any element optional
//
// A slot may be preceded by a few modifiers ("the U.S. chipmaker Nvidia"),
// which it skips. A rule with a list slot and no other slot relates the list
// members pairwise ("a deal between X, Y and Z").

Result<QList<Element>> parsePattern(const QString &pattern)
{
    QList<Element> elements;
    qsizetype i = 0;
    while (i < pattern.size()) {
        if (pattern.at(i).isSpace()) {
            ++i;
            continue;
        }
        Element element;
        const QChar c = pattern.at(i);
        qsizetype end = i;
        if (c == u'{') {
            end = pattern.indexOf(u'}', i);
            if (end < 0)
                return Error{u"unclosed { in the pattern"_s};
            QString slot = pattern.mid(i + 1, end - i - 1);
            element.kind = Element::Kind::Slot;
            if (!slot.startsWith(u'S') && !slot.startsWith(u'O'))
                return Error{u"a slot is {S...} or {O...}, not {%1}"_s.arg(slot)};
            element.subject = slot.startsWith(u'S');
            slot.remove(0, 1);
            if (slot.startsWith(u'+')) {
                element.list = true;
                slot.remove(0, 1);
            }
            if (slot.startsWith(u':')) {
                for (const QString &name : slot.mid(1).split(u'|', Qt::SkipEmptyParts)) {
                    const std::optional<EntityType> type = entityTypeFromName(name);
                    if (!type)
                        return Error{u"unknown entity type %1"_s.arg(name)};
                    element.types.append(*type);
                }
            } else if (!slot.isEmpty()) {
                return Error{u"unexpected '%1' in a slot"_s.arg(slot)};
            }
            ++end;
        } else if (c == u'(' && i + 1 < pattern.size() && !pattern.at(i + 1).isSpace()) {
            end = pattern.indexOf(u')', i);
            if (end < 0)
                return Error{u"unclosed ( in the pattern"_s};
            if (pattern.mid(i + 1, end - i - 1).contains(u'('))
                return Error{u"groups cannot be nested: write two rules"_s};
            element.kind = Element::Kind::Words;
            for (const QString &alternative : pattern.mid(i + 1, end - i - 1).split(u'|', Qt::SkipEmptyParts))
                element.alternatives.append(foldedWords(alternative));
            ++end;
        } else if (c == u'<') {
            end = pattern.indexOf(u'>', i);
            if (end < 0)
                return Error{u"unclosed < in the pattern"_s};
            const QString name = pattern.mid(i + 1, end - i - 1);
            if (!wordClasses().contains(name))
                return Error{u"unknown word class <%1>"_s.arg(name)};
            element.kind = Element::Kind::WordClass;
            element.category = wordClasses().value(name);
            ++end;
        } else if (c == u'*') {
            element.kind = Element::Kind::Gap;
            end = i + 1;
            if (end < pattern.size() && pattern.at(end) == u'*') {
                element.types = {EntityType::Person, EntityType::Organization, EntityType::Place,
                                 EntityType::Product, EntityType::Event}; // may skip entities
                ++end;
            }
            const qsizetype digits = end;
            while (end < pattern.size() && pattern.at(end).isDigit())
                ++end;
            element.maxGap = end > digits ? pattern.mid(digits, end - digits).toInt() : 3;
        } else {
            while (end < pattern.size() && !pattern.at(end).isSpace() && pattern.at(end) != u'?')
                ++end;
            element.kind = Element::Kind::Words;
            const QString literal = pattern.mid(i, end - i);
            const QStringList words = foldedWords(literal);
            // A period folds to nothing, in the pattern as in the tokens.
            element.alternatives.append(words.isEmpty() ? QStringList{foldName(literal)} : words);
        }
        if (end < pattern.size() && pattern.at(end) == u'?') {
            element.optional = true;
            ++end;
        }
        // Matching tries the alternatives a word can start, not all of them.
        for (qsizetype a = 0; a < element.alternatives.size(); ++a) {
            if (!element.alternatives[a].isEmpty())
                element.alternativesByFirstWord[element.alternatives[a].constFirst()].append(a);
        }
        elements.append(element);
        i = end;
    }
    const bool hasSubject = std::any_of(elements.cbegin(), elements.cend(), [](const Element &e) {
        return e.kind == Element::Kind::Slot && e.subject;
    });
    if (!hasSubject)
        return Error{u"a pattern needs a subject slot {S...}"_s};
    return elements;
}

// --- matching ------------------------------------------------------------

// A sentence as the patterns see it: each entity mention is one unit, every
// other token one unit of its own.
struct Unit
{
    int entity = -1; // index into the document's entities; -1 for a word
    EntityType type = EntityType::Organization;
    // Words and punctuation, folded: the token's own string (no copy), or
    // empty for an entity.
    const QString *foldedText = nullptr;
    int start = 0;
    int end = 0;
    bool capitalized = false;
    const QString &folded() const
    {
        static const QString none;
        return foldedText ? *foldedText : none;
    }
    bool demonym = false; // a nationality word standing for its country ("French")
    bool resolved = false; // a pronoun or description standing for `entity` ("it", "the company")
    bool word = false;    // a word token, not punctuation
    bool quote = false;   // a quotation mark: patterns read through it ("a “global partnership” with")
    bool clauseBreak = false; // a comma that opens a new clause (", as ...")
    quint32 starts = 0;   // lexicon categories with an entry beginning with this word
    // Looked up once per sentence rather than at every match attempt:
    bool joiner = false;     // joins list members: ",", "and", "et"
    bool possessive = false; // "'s"
    bool modifier = false;   // a word that may stand before a name in its noun phrase
};

// Fills in the per-unit flags the matcher reads. Whether a word is a
// modifier matters only a few words before an entity, so only there is it
// looked up.
void classifyUnits(QList<Unit> &units, const Lexicon &lexicon)
{
    int nextEntity = int(units.size()) + maxModifiers + 1;
    for (int u = int(units.size()) - 1; u >= 0; --u) {
        Unit &unit = units[u];
        if (unit.entity >= 0)
            nextEntity = u;
        if (unit.entity >= 0 && !unit.demonym)
            continue;
        unit.joiner = isListJoiner(unit.folded());
        unit.possessive = unit.folded() == u"'s";
        if (nextEntity - u > maxModifiers + 1)
            continue;
        // Articles, adjectives and capitalised words ("AI"), not
        // prepositions or verbs of speech.
        const quint32 member = lexicon.memberships(unit.folded());
        if (unit.folded().isEmpty() || !unit.folded().front().isLetterOrNumber() || unit.joiner)
            unit.modifier = false;
        else if (unit.capitalized)
            unit.modifier = true;
        else if (member & Lexicon::bit(Category::FunctionWord))
            unit.modifier = member & Lexicon::bit(Category::Determiner);
        else
            unit.modifier = !(member & Lexicon::bit(Category::SpeechVerb));
    }
}

// An entity a slot took: the entity's index (as -1 - index for a list
// member with modifiers of its own) and the unit it stands at.
struct Filler
{
    int entity = 0;
    int unit = 0;
};

struct Match
{
    // Inline storage: a match attempt should not allocate.
    QVarLengthArray<Filler, 8> subjects;
    QVarLengthArray<Filler, 8> objects;
    int first = 0; // units covered
    int last = 0;
};

class Matcher
{
public:
    Matcher(const Lexicon &lexicon, const QList<Unit> &units)
        : m_lexicon(lexicon)
        , m_units(units)
    {
    }

    // Can a match of a pattern whose first element is `first` start at unit
    // u? A slot starts at its own entity (the modifiers before it change
    // nothing), words and classes where they are.
    bool canStartAt(const Element &first, int u) const
    {
        if (first.optional)
            return true;
        switch (first.kind) {
        case Element::Kind::Slot:
            return allowed(first, m_units[u]);
        case Element::Kind::Words:
            return wordsAt(first, u) > 0;
        case Element::Kind::WordClass:
            return classAt(first, u) > 0;
        case Element::Kind::Gap:
            return true;
        }
        return true;
    }

    // The first match of `elements` starting at unit `start`.
    bool matchAt(const QList<Element> &elements, int start, Match *match) const
    {
        Match current;
        current.first = start;
        if (!matchFrom(elements, 0, start, current, match))
            return false;
        match->first = start;
        return true;
    }

private:
    bool isWord(int u) const { return u < m_units.size() && m_units[u].entity < 0; }

    bool allowed(const Element &slot, const Unit &unit) const
    {
        if (unit.entity < 0 || !(slot.types.isEmpty() || slot.types.contains(unit.type)))
            return false;
        // "French" stands for France where only a place can stand, not as a
        // party to a deal ("a deal between French defense group Thales ...").
        return !unit.demonym || (slot.types.size() == 1 && slot.types.constFirst() == EntityType::Place);
    }

    // How many units from `u` spell one of the element's word sequences (0 if none).
    int wordsAt(const Element &element, int u) const
    {
        if (!isWord(u))
            return 0;
        const auto starting = element.alternativesByFirstWord.constFind(m_units[u].folded());
        if (starting == element.alternativesByFirstWord.cend())
            return 0;
        for (const qsizetype a : *starting) {
            const QStringList &words = element.alternatives[a];
            int k = 1;
            while (k < words.size() && isWord(u + k) && m_units[u + k].folded() == words[k])
                ++k;
            if (k == words.size())
                return k;
        }
        return 0;
    }

    int classAt(const Element &element, int u) const
    {
        if (!isWord(u) || !(m_units[u].starts & Lexicon::bit(element.category)))
            return 0;
        const int longest = std::max(1, m_lexicon.longestEntry(element.category));
        QString phrase;
        int found = 0;
        for (int k = 0; k < longest && isWord(u + k); ++k) {
            if (!phrase.isEmpty())
                phrase += u' ';
            phrase += m_units[u + k].folded();
            if (m_lexicon.containsKey(element.category, phrase))
                found = k + 1;
        }
        return found;
    }

    // Modifiers a slot may skip before its entity: articles, adjectives,
    // nationality and place words ("the U.S. chipmaker", "French AI startup").
    bool isModifier(const Element &slot, int u) const
    {
        const Unit &unit = m_units[u];
        if (unit.entity >= 0)
            return unit.demonym || (unit.type == EntityType::Place && !slot.types.contains(EntityType::Place));
        return unit.modifier;
    }

    // The entity of a slot at `u`, after a few modifiers; -1 if none.
    // "Taiwan’s Foxconn" fills an organisation slot with Foxconn.
    // `ownModifiers` tells whether the entity had modifiers of its own: a
    // list member that has ("Nvidia and French AI startup Mistral") does not
    // share the place the list began with.
    int slotEntityAt(const Element &slot, int u, int *next, bool *ownModifiers = nullptr) const
    {
        int possessor = -1;
        bool place = false; // modifiers seen
        for (int skip = 0; skip <= maxModifiers && u + skip < m_units.size(); ++skip) {
            const Unit &unit = m_units[u + skip];
            const bool possessive = u + skip + 1 < m_units.size() && m_units[u + skip + 1].possessive;
            if (allowed(slot, unit) && !possessive) {
                *next = u + skip + 1;
                if (ownModifiers)
                    *ownModifiers = place;
                return u + skip;
            }
            if (possessive && unit.entity >= 0) {
                if (allowed(slot, unit) && possessor < 0)
                    possessor = u + skip;
                place = place || unit.type == EntityType::Place;
                ++skip; // the possessive itself
                continue;
            }
            if (!isModifier(slot, u + skip))
                break;
            // A member with words of its own before it is a noun phrase of
            // its own ("... Mistral AI and AI chip giant Nvidia").
            place = true;
        }
        // "Jensen Huang’s vision": no one possessed, the possessor it is.
        if (possessor >= 0) {
            *next = possessor + 1;
            if (ownModifiers)
                *ownModifiers = false;
            return possessor;
        }
        return -1;
    }

    bool matchFrom(const QList<Element> &elements, int e, int u, Match &current, Match *result,
                   bool optionalTaken = false) const
    {
        if (e == elements.size()) {
            *result = current;
            result->last = u - 1;
            return true;
        }
        const Element &element = elements[e];
        if (u < m_units.size() && m_units[u].quote && e > 0)
            return matchFrom(elements, e, u + 1, current, result, optionalTaken);
        if (element.optional && !optionalTaken) {
            // With the element if it is there, else without.
            if (matchFrom(elements, e, u, current, result, true))
                return true;
            return matchFrom(elements, e + 1, u, current, result);
        }
        switch (element.kind) {
        case Element::Kind::Words: {
            const int length = wordsAt(element, u);
            return length > 0 && matchFrom(elements, e + 1, u + length, current, result);
        }
        case Element::Kind::WordClass: {
            const int length = classAt(element, u);
            return length > 0 && matchFrom(elements, e + 1, u + length, current, result);
        }
        case Element::Kind::Gap: {
            const bool skipsEntities = !element.types.isEmpty();
            for (int k = 0; k <= element.maxGap && u + k <= m_units.size(); ++k) {
                if (k > 0 && !skipsEntities && !isWord(u + k - 1))
                    break;
                if (k > 0 && m_units[u + k - 1].clauseBreak)
                    break; // what follows belongs to another clause
                if (matchFrom(elements, e + 1, u + k, current, result))
                    return true;
            }
            return false;
        }
        case Element::Kind::Slot: {
            int next = u;
            const int first = slotEntityAt(element, u, &next);
            if (first < 0)
                return false;
            QVarLengthArray<Filler, 8> &filled = element.subject ? current.subjects : current.objects;
            const qsizetype before = filled.size();
            // A list takes as many members as it can, giving them back one by
            // one if the rest of the pattern needs them.
            struct Member
            {
                Filler filler;
                int next;
            };
            QVarLengthArray<Member, 8> members;
            members.append({{m_units[first].entity, first}, next});
            while (element.list) {
                int after = members.back().next;
                int joiners = 0;
                while (joiners < 2 && isWord(after) && m_units[after].joiner) {
                    ++after;
                    ++joiners;
                }
                // "d'EDF et d'Alstom", "with X and with Y": the preposition
                // said again before the next member.
                if (joiners > 0 && isWord(after) && isRepeatedPreposition(m_units[after].folded()))
                    ++after;
                int memberNext = after;
                bool ownModifiers = false;
                const int member = joiners > 0 ? slotEntityAt(element, after, &memberNext, &ownModifiers) : -1;
                if (member < 0)
                    break;
                // "the U.S. chipmaker Nvidia and French AI startup Mistral":
                // the U.S. is Nvidia's place, not Mistral's.
                members.append({{ownModifiers ? -1 - m_units[member].entity : m_units[member].entity, member}, memberNext});
            }
            for (qsizetype count = members.size(); count >= 1; --count) {
                filled.resize(before);
                for (qsizetype m = 0; m < count; ++m)
                    filled.append(members[m].filler);
                if (matchFrom(elements, e + 1, members[count - 1].next, current, result))
                    return true;
            }
            filled.resize(before);
            return false;
        }
        }
        return false;
    }

    const Lexicon &m_lexicon;
    const QList<Unit> &m_units;
};

// Does one of the phrases occur among units [first, last]?
bool containsPhrase(const QList<Unit> &units, int first, int last, const QList<QStringList> &phrases)
{
    for (const QStringList &words : phrases) {
        for (int u = std::max(0, first); u + words.size() - 1 <= last && u + words.size() - 1 < units.size(); ++u) {
            int k = 0;
            while (k < words.size() && units[u + k].entity < 0 && units[u + k].folded() == words[k])
                ++k;
            if (k == words.size())
                return true;
        }
    }
    return false;
}

// Collects relations, one per (subject, predicate, object), with the
// sentences that state them.
class RelationSet
{
public:
    // A small number standing for the predicate, so adding a relation
    // hashes no string.
    int predicateId(const QString &predicate)
    {
        const int id = int(m_predicates.indexOf(predicate));
        if (id >= 0)
            return id;
        m_predicates.append(predicate);
        m_symmetric.append(isSymmetricPredicate(predicate));
        m_keepsOrigins.append(predicate != QStringView(cooccurrencePredicate));
        m_index.append(QHash<quint64, qsizetype>());
        return int(m_predicates.size()) - 1;
    }

    void add(int subject, const QString &predicate, int object, double confidence, const QString &rule, int sentence,
             const QString &path = {})
    {
        add(subject, predicateId(predicate), object, confidence, rule, sentence, path);
    }

    void add(int subject, int predicate, int object, double confidence, const QString &rule, int sentence,
             const QString &path = {})
    {
        if (subject == object || subject < 0 || object < 0)
            return;
        if (m_symmetric[predicate] && subject > object)
            std::swap(subject, object);
        const quint64 key = (quint64(quint32(subject)) << 32) | quint32(object);
        QHash<quint64, qsizetype> &index = m_index[predicate];
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.insert(key, m_relations.size());
            m_relations.append(ExtractedRelation{subject, m_predicates[predicate], object, confidence, rule, {}, {}});
        }
        ExtractedRelation &relation = m_relations[*it];
        relation.confidence = std::max(relation.confidence, confidence);
        if (relation.sentences.isEmpty() || relation.sentences.constLast() != sentence) {
            relation.sentences.append(sentence); // sentences come in order
            if (m_keepsOrigins[predicate])
                relation.origins.append(StatementOrigin{rule, confidence, path});
        } else if (m_keepsOrigins[predicate] && confidence > relation.origins.constLast().confidence) {
            // Two rules read the same sentence: the surer one explains it.
            relation.origins.last() = StatementOrigin{rule, confidence, path};
        }
    }

    // Whoever a statement of sentence `sentence` puts in one of two places,
    // the first inside the second, is in the other one too ("Boeing's
    // factory in Everett, Washington"; "Nashville, Tennessee-based X").
    void spreadOverContainingPlace(int predicate, int inner, int outer, int sentence, const QString &rule,
                                   const QString &path)
    {
        struct Spread
        {
            int subject, place;
            double confidence;
        };
        QVarLengthArray<Spread, 4> spread;
        for (const qsizetype at : std::as_const(m_index[predicate])) {
            const ExtractedRelation &relation = m_relations[at];
            if (relation.sentences.isEmpty() || relation.sentences.constLast() != sentence)
                continue;
            if (relation.object == inner && relation.subject != outer)
                spread.append({relation.subject, outer, relation.confidence});
            else if (relation.object == outer && relation.subject != inner)
                spread.append({relation.subject, inner, relation.confidence});
        }
        for (const Spread &s : spread)
            add(s.subject, predicate, s.place, s.confidence, rule, sentence, path);
    }

    QList<ExtractedRelation> take() { return std::move(m_relations); }

private:
    QList<ExtractedRelation> m_relations;
    QList<QHash<quint64, qsizetype>> m_index; // by predicate id: (subject, object) -> m_relations
    QStringList m_predicates; // by id; a handful
    QList<bool> m_symmetric;
    QList<bool> m_keepsOrigins; // by id: all but co-occurrence
};

// "Everett, Washington", "Yeu-Noirmoutier (Vendée)", "Toronto, au Canada":
// a place named right after another, set off by a comma or in brackets, is
// the one that contains it, unless the two are members of a list ("Paris,
// Bordeaux, New York et Berlin") or the first is larger than the second, as
// far as the lexicon knows them ("the largest port in Germany, X"). The
// (inner, outer) units.
QList<std::pair<int, int>> placeChains(const QList<Unit> &units, const QList<ExtractedEntity> &entities,
                                       const Lexicon &lexicon)
{
    // How large a known place is: city 1, region 2, country 3, a continent
    // or union 4; 0 when the lexicon does not know it.
    const auto size = [&](int unit) {
        const KnownName *known = lexicon.findName(entities[units[unit].entity].name);
        if (!known || known->type != EntityType::Place)
            return 0;
        static const QStringList bySize = {u"city"_s, u"region"_s, u"country"_s};
        const qsizetype at = bySize.indexOf(known->subtype);
        return at >= 0 ? int(at) + 1 : 4;
    };
    const auto place = [&](int u) {
        return u >= 0 && u < units.size() && units[u].entity >= 0 && units[u].type == EntityType::Place
            && !units[u].demonym && !units[u].resolved;
    };
    const auto word = [&](int u) -> QStringView {
        return u >= 0 && u < units.size() && units[u].entity < 0 ? QStringView(units[u].folded()) : QStringView();
    };
    QList<std::pair<int, int>> chains;
    for (int u = 0; u < units.size(); ++u) {
        if (!place(u) || (isListJoiner(word(u - 1)) && place(u - 2)))
            continue;
        int outer = -1;
        if (word(u + 1) == u"(" && place(u + 2) && word(u + 3) == u")") {
            outer = u + 2;
        } else if (word(u + 1) == u",") {
            int v = u + 2;
            if (!word(v).isEmpty() && lexicon.containsKey(Category::PlacePreposition, word(v).toString()))
                ++v; // "Toronto, au Canada"
            if (place(v) && !(isListJoiner(word(v + 1)) && place(v + 2)))
                outer = v;
        }
        if (outer < 0 || units[outer].entity == units[u].entity)
            continue;
        const int innerSize = size(u), outerSize = size(outer);
        if (innerSize >= 3 || (innerSize > 0 && outerSize > 0 && innerSize >= outerSize))
            continue; // a country is inside nothing a comma names
        chains.append({u, outer});
    }
    return chains;
}

// "Eiffage Génie Civil", "Soufflet Alimentaire": an organisation named as
// another one of the text plus words of its own is part of it, unless the
// words only say what kind of company it is ("Samsung Electronics", "Kelpwise
// Group", which are the company itself) or name another one ("GDF Suez").
// The evidence is the first sentence naming both, else the first naming the
// part.
void addParentsByName(const QList<ExtractedEntity> &entities, const Lexicon &lexicon, RelationSet &found)
{
    QHash<QString, int> organisationByName;
    for (int e = 0; e < entities.size(); ++e) {
        if (entities[e].type == EntityType::Organization)
            organisationByName.insert(foldName(entities[e].name), e);
    }
    for (int part = 0; part < entities.size(); ++part) {
        const ExtractedEntity &entity = entities[part];
        if (entity.type != EntityType::Organization || entity.mentions.isEmpty())
            continue;
        const QStringList words = foldName(entity.name).split(u' ', Qt::SkipEmptyParts);
        for (qsizetype length = words.size() - 1; length >= 1; --length) {
            const int parent = organisationByName.value(words.first(length).join(u' '), -1);
            if (parent < 0 || parent == part)
                continue;
            const bool ownWords = std::any_of(words.cbegin() + length, words.cend(), [&](const QString &word) {
                return !lexicon.containsKey(Category::OrgSuffix, word);
            });
            // "GDF Suez", "Fiat Chrysler": two companies' names joined.
            const KnownName *rest = lexicon.findName(words.sliced(length).join(u' '));
            if (!ownWords || rest)
                break;
            int sentence = entity.mentions.constFirst().sentence;
            for (const EntityMention &mention : entity.mentions) {
                const bool both = std::any_of(entities[parent].mentions.cbegin(), entities[parent].mentions.cend(),
                                              [&](const EntityMention &m) { return m.sentence == mention.sentence; });
                if (both) {
                    sentence = mention.sentence;
                    break;
                }
            }
            found.add(part, u"part_of"_s, parent, 0.7, u"name.parent"_s, sentence,
                      u"“%1” is “%2” and more"_s.arg(entity.name, entities[parent].name));
            break;
        }
    }
}

// Typed relations first, co-occurrences after, each in the order found. In
// place: a long article has a million co-occurrences, which
// std::stable_partition would move into a buffer as large as the list.
void typedRelationsFirst(QList<ExtractedRelation> &relations)
{
    const auto typed = [](const ExtractedRelation &r) { return r.predicate != QStringView(cooccurrencePredicate); };
    QList<qsizetype> order; // position -> the relation that goes there
    order.reserve(relations.size());
    for (qsizetype r = 0; r < relations.size(); ++r) {
        if (typed(relations[r]))
            order.append(r);
    }
    for (qsizetype r = 0; r < relations.size(); ++r) {
        if (!typed(relations[r]))
            order.append(r);
    }
    // Follow each cycle of the permutation once; a position done points to itself.
    for (qsizetype start = 0; start < order.size(); ++start) {
        if (order[start] == start)
            continue;
        ExtractedRelation held = std::move(relations[start]);
        qsizetype at = start;
        while (order[at] != start) {
            const qsizetype from = order[at];
            relations[at] = std::move(relations[from]);
            order[at] = at;
            at = from;
        }
        relations[at] = std::move(held);
        order[at] = at;
    }
}

// Replaces the pronoun phrase at unit `at` ("it", "the company") by the
// entity it stands for.
void resolvePronoun(QList<Unit> &units, int at, const QList<QStringList> &pronouns, int antecedent,
                    const QList<ExtractedEntity> &entities)
{
    if (antecedent < 0 || at >= units.size())
        return;
    for (const QStringList &words : pronouns) {
        if (at + words.size() > units.size())
            continue;
        int k = 0;
        while (k < words.size() && units[at + k].entity < 0 && units[at + k].folded() == words[k])
            ++k;
        if (k != words.size())
            continue;
        // "La société Ostrande SAS": the noun introduces the name after it.
        if (at + k < units.size() && units[at + k].entity >= 0)
            return;
        Unit resolved{antecedent, entities[antecedent].type, nullptr, units[at].start,
                      units[at + k - 1].end, false, false};
        resolved.resolved = true;
        units.remove(at, k);
        units.insert(at, resolved);
        return;
    }
}

// "Le P-DG de Bricomax a mis l'accent sur ...", "The chief executive of
// Zorvex said ...": a sentence opening on the title an organisation gave
// someone, with no name beside it, is about the person the sentences before
// named. The description becomes that person, followed by the title as an
// apposition ("Paulin Ferrandou, P-DG de Bricomax"), so that the patterns
// that read titles relate the two.
void resolveTitleDescription(QList<Unit> &units, const QString &text, int antecedent,
                             const QList<ExtractedEntity> &entities, const Lexicon &lexicon)
{
    using Category = Lexicon::Category;
    if (antecedent < 0 || units.size() < 4 || units[0].entity >= 0
        || !lexicon.containsKey(Category::Determiner, units[0].folded()))
        return;
    static const QString comma = u","_s;
    const int longestTitle = std::min<int>(int(units.size()) - 3, lexicon.longestEntry(Category::PersonTitle) * 2);
    for (int last = longestTitle; last >= 1; --last) {
        bool words = true;
        for (int u = 1; u <= last && words; ++u)
            words = units[u].entity < 0 && (units[u].word || units[u].folded() == u"-"_s);
        if (!words || !units[last].word)
            continue;
        const QString title = foldName(QStringView(text).mid(units[1].start, units[last].end - units[1].start));
        if (!lexicon.containsKey(Category::PersonTitle, title))
            continue;
        const QString &of = units[last + 1].folded();
        if (of != u"of"_s && of != u"de"_s && of != u"d'"_s && of != u"du"_s && of != u"at"_s && of != u"chez"_s)
            return;
        const Unit &organisation = units[last + 2];
        if (organisation.entity < 0 || organisation.type != EntityType::Organization)
            return;
        // "Le PDG de Bricomax, Paulin Ferrandou, ..." names its person.
        for (int u = last + 3; u < std::min<int>(int(units.size()), last + 6); ++u) {
            if (units[u].entity >= 0 && units[u].type == EntityType::Person)
                return;
        }
        Unit person{antecedent, entities[antecedent].type, nullptr, units[0].start, units[last].end, false, false};
        person.resolved = true;
        Unit apposition{-1, EntityType::Organization, &comma, units[1].start, units[1].start, false, false};
        units[0] = person;
        units.insert(1, apposition);
        return;
    }
}

// A mention of the text between `start` and `end` in sentence `sentence`.
EntityMention mentionAt(const QString &text, int sentence, int start, int end)
{
    return EntityMention{sentence, start, end, text.mid(start, end - start)};
}

// The words a resolved pronoun or description spans: the word itself and,
// for a noun, the determiners and modifiers next to it that belong to it
// ("the French energy giant", "le constructeur ferroviaire").
std::pair<qsizetype, qsizetype> referenceSpan(const QList<ConlluWord> &words, qsizetype head)
{
    const auto belongs = [&](qsizetype w) {
        if (w < 0 || w >= words.size() || words[w].head != head + 1)
            return false;
        const QString &relation = words[w].deprel;
        return relation == u"det"_s || relation == u"amod"_s || relation == u"compound"_s
            || relation == u"nummod"_s || relation == u"flat"_s;
    };
    qsizetype first = head, last = head;
    if (words[head].upos == u"NOUN"_s) {
        while (belongs(first - 1))
            --first;
        while (belongs(last + 1))
            ++last;
    }
    return {first, last};
}

} // namespace

Result<RelationExtractor> RelationExtractor::fromDirectory(const QString &directory, const Lexicon &lexicon)
{
    const QString path = QDir(directory).filePath(u"relation-patterns.tsv"_s);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{u"Cannot read the relation patterns %1: %2"_s.arg(path, file.errorString())};
    RelationExtractor extractor;
    extractor.m_lexicon = &lexicon;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u'\t', Qt::SkipEmptyParts);
        if (fields.size() == 2 && extractor.wordLists().contains(fields[0])) {
            Phrases &phrases = *extractor.wordLists().value(fields[0]);
            for (const QString &phrase : fields[1].split(u'|', Qt::SkipEmptyParts))
                phrases.append(foldedWords(phrase));
            continue;
        }
        if (fields.size() != 4)
            return Error{u"%1:%2: expected id<TAB>predicate<TAB>confidence<TAB>pattern"_s.arg(path).arg(lineNumber)};
        bool ok = false;
        const double confidence = fields[2].toDouble(&ok);
        if (!ok || confidence <= 0 || confidence > 1)
            return Error{u"%1:%2: confidence must be a number in (0, 1]"_s.arg(path).arg(lineNumber)};
        Result<QList<Element>> elements = parsePattern(fields[3]);
        if (!elements)
            return Error{u"%1:%2: %3"_s.arg(path).arg(lineNumber).arg(elements.error())};
        Rule rule{fields[0], fields[1], confidence, std::move(elements).value(), {}, {}, {}};
        // The anchor is the most telling required word element: one without
        // function words or punctuation ("partnership" rather than "with").
        const auto telling = [&](const Element &element) {
            return std::none_of(element.alternatives.cbegin(), element.alternatives.cend(), [&](const QStringList &words) {
                return lexicon.containsKey(Lexicon::Category::FunctionWord, words.constFirst())
                    || !words.constFirst().front().isLetterOrNumber();
            });
        };
        const Element *anchor = nullptr;
        for (const Element &element : std::as_const(rule.elements)) {
            if (element.optional)
                continue;
            if (element.kind == Element::Kind::Words && (!anchor || (!telling(*anchor) && telling(element))))
                anchor = &element;
            if (element.kind == Element::Kind::WordClass)
                rule.anchorClasses |= Lexicon::bit(element.category);
            if (element.kind == Element::Kind::Slot && !element.types.isEmpty()) {
                quint8 types = 0;
                for (EntityType type : element.types)
                    types |= quint8(1u << int(type));
                rule.slotTypes.append(types);
            }
        }
        if (anchor) {
            for (const QStringList &words : anchor->alternatives) {
                rule.anchors.append(words.constFirst());
                extractor.m_anchorIndex[words.constFirst()].append(int(extractor.m_rules.size()));
            }
        }
        extractor.m_rules.append(std::move(rule));
    }
    Result<DependencyRules> treeRules = DependencyRules::fromFile(QDir(directory).filePath(u"relation-rules.tsv"_s), lexicon);
    if (!treeRules)
        return Error{treeRules.error()};
    extractor.m_treeRules = std::move(treeRules).value();
    return extractor;
}

QList<ExtractedRelation> RelationExtractor::extract(const QString &text, const QList<Sentence> &sentences,
                                                    const QList<ExtractedEntity> &entities, const QString &language) const
{
    return extract(text, sentences, entities, language, nullptr);
}

QList<ExtractedRelation> RelationExtractor::extract(const QString &text, const QList<Sentence> &sentences,
                                                    const QList<ExtractedEntity> &entities, const QString &language,
                                                    QList<ResolvedMention> *references) const
{
    SentenceTokenizer tokenizer(text);
    return extract(text, sentences, entities, language, [&](int s) { return tokenizer.tokens(sentences[s]); },
                   references);
}

QList<ExtractedRelation> RelationExtractor::extract(const QString &text, const QList<Sentence> &sentences,
                                                    const SentenceTokens &tokens,
                                                    const QList<ExtractedEntity> &entities, const QString &language) const
{
    return extract(text, sentences, entities, language, [&](int s) { return tokens[s]; }, nullptr);
}

QList<ExtractedRelation> RelationExtractor::extract(const QString &text, const QList<Sentence> &sentences,
                                                    const SentenceTokens &tokens,
                                                    const QList<ExtractedEntity> &entities, const QString &language,
                                                    QList<ResolvedMention> *references) const
{
    return extract(text, sentences, entities, language, [&](int s) { return tokens[s]; }, references);
}

QList<ExtractedRelation> RelationExtractor::extract(const QString &text, const QList<Sentence> &sentences,
                                                    const QList<ExtractedEntity> &entities, const QString &language,
                                                    const std::function<TokenSpan(int)> &sentenceTokens,
                                                    QList<ResolvedMention> *references) const
{
    if (!m_lexicon || entities.isEmpty())
        return {};
    const Lexicon &lexicon = *m_lexicon;

    // Mentions by sentence, and places by folded name for nationality words.
    QList<QList<std::pair<int, const EntityMention *>>> mentionsBySentence(sentences.size());
    QHash<QString, int> placeByName;
    for (int e = 0; e < entities.size(); ++e) {
        for (const EntityMention &mention : entities[e].mentions) {
            if (mention.sentence >= 0 && mention.sentence < sentences.size())
                mentionsBySentence[mention.sentence].append({e, &mention});
        }
        if (entities[e].type == EntityType::Place) {
            placeByName.insert(foldName(entities[e].name), e);
            for (const QString &alias : entities[e].aliases)
                placeByName.insert(foldName(alias), e);
        }
    }

    // The tree rules, when there is a model for the language.
    const SyntaxModel *treeModel = m_treeRules.rules().isEmpty() ? nullptr : m_syntax.model(language);
    QList<EntityType> typeOfEntity;
    typeOfEntity.reserve(entities.size());
    for (const ExtractedEntity &entity : entities)
        typeOfEntity.append(entity.type);

    RelationSet found;
    const int cooccurrence = found.predicateId(QString::fromUtf16(cooccurrencePredicate));
    const QString cooccurrenceRuleId = QString::fromUtf16(cooccurrenceRule);
    const int located = found.predicateId(u"located_in"_s);
    const int headquartered = found.predicateId(u"headquartered_in"_s);
    int lastOrganisation = -1; // antecedents for "it", "the company", "he"
    int lastPerson = -1;
    int speaker = -1;         // who is talking, for quotations that run on
    Descriptions descriptions; // "the airline" -> the organisations the text called so
    bool quoteOpen = false;   // a quotation continues into the next sentence
    QList<int> quoteAwaitingSpeaker; // actors of an open quotation whose speaker is not named yet
    for (int s = 0; s < sentences.size(); ++s) {
        // A quotation never runs on into a new paragraph.
        if (s > 0 && QStringView(text).mid(sentences[s - 1].end, sentences[s].start - sentences[s - 1].end).contains(u'\n')) {
            quoteOpen = false;
            speaker = -1;
            quoteAwaitingSpeaker.clear();
        }
        QList<std::pair<int, const EntityMention *>> &mentions = mentionsBySentence[s];
        std::sort(mentions.begin(), mentions.end(),
                  [](const auto &a, const auto &b) { return a.second->start < b.second->start; });

        // Units: mentions collapse into one unit each.
        const TokenSpan tokens = sentenceTokens(s);
        QList<Unit> units;
        units.reserve(tokens.size());
        qsizetype m = 0;
        for (qsizetype t = 0; t < tokens.size(); ++t) {
            const Token &token = tokens[t];
            while (m < mentions.size() && mentions[m].second->end <= token.start)
                ++m;
            if (m < mentions.size() && token.start >= mentions[m].second->start && token.end <= mentions[m].second->end) {
                const int entity = mentions[m].first;
                if (units.isEmpty() || units.constLast().entity != entity || units.constLast().end < mentions[m].second->start)
                    units.append(Unit{entity, entities[entity].type, nullptr, mentions[m].second->start,
                                      mentions[m].second->end, true});
                continue;
            }
            Unit unit{-1, EntityType::Organization, token.foldedText, token.start, token.end, token.capitalized};
            unit.word = token.isWord();
            unit.quote = !unit.word && token.end - token.start == 1
                && (isOpeningQuote(text.at(token.start)) || isClosingQuote(text.at(token.start)));
            units.append(unit);
        }
        // "French", "américain": the place a nationality word stands for,
        // when the document names that place. Patterns read them only next
        // to an actor, so only there are they looked up.
        for (int u = 0; u < units.size(); ++u) {
            if (!units[u].word)
                continue;
            bool nearActor = false;
            for (int v = std::max(0, u - maxModifiers - 1); v <= std::min<int>(units.size() - 1, u + maxModifiers + 1) && !nearActor; ++v)
                nearActor = units[v].entity >= 0 && !units[v].demonym;
            if (!nearActor)
                continue;
            const QString place = lexicon.placeOfDemonymKey(units[u].folded());
            if (place.isEmpty())
                continue;
            units[u].demonym = true;
            if (const int e = placeByName.value(foldName(place), -1); e >= 0) {
                units[u].entity = e;
                units[u].type = EntityType::Place;
            }
        }

        // "It is also working with ...", "In Germany, the company is ...":
        // a pronoun opening a clause stands for the organisation or person
        // the previous sentences were about.
        if (!quoteOpen && !units.isEmpty() && !isOpeningQuote(text.at(units.constFirst().start))) {
            int clause = 0;
            for (int u = 0; u < std::min<int>(units.size(), 6); ++u) {
                if (units[u].entity < 0 && units[u].folded() == u","_s) {
                    clause = u + 1;
                    break;
                }
            }
            resolvePronoun(units, 0, m_organisationPronouns, lastOrganisation, entities);
            if (clause > 0)
                resolvePronoun(units, clause, m_organisationPronouns, lastOrganisation, entities);
            resolvePronoun(units, 0, m_personPronouns, lastPerson, entities);
            resolveTitleDescription(units, text, lastPerson, entities, lexicon);
        }
        const int organisationBefore = lastOrganisation, personBefore = lastPerson;
        for (const auto &[entity, mention] : std::as_const(mentions)) {
            Q_UNUSED(mention)
            if (entities[entity].type == EntityType::Organization) {
                lastOrganisation = entity;
                break;
            }
        }
        for (const auto &[entity, mention] : std::as_const(mentions)) {
            Q_UNUSED(mention)
            if (entities[entity].type == EntityType::Person) {
                lastPerson = entity;
                break;
            }
        }

        // "the French president", an epithet the text gave a person: the
        // person leads the country of the nationality word.
        for (const Unit &unit : std::as_const(units)) {
            if (unit.entity < 0 || unit.type != EntityType::Person)
                continue;
            const QStringView surface = QStringView(text).mid(unit.start, unit.end - unit.start);
            if (!surface.contains(u' '))
                continue; // a title and a nationality take two words at least
            const QStringList words = foldedWords(surface.toString());
            int place = -1;
            for (const QString &word : words) {
                const QString country = lexicon.placeOfDemonymKey(word);
                if (!country.isEmpty())
                    place = placeByName.value(foldName(country), -1);
            }
            // A title of one or more words: "president", "premier ministre".
            const bool leader = std::any_of(m_leaderTitles.cbegin(), m_leaderTitles.cend(), [&](const QStringList &title) {
                for (qsizetype at = 0; at + title.size() <= words.size(); ++at) {
                    if (std::equal(title.cbegin(), title.cend(), words.cbegin() + at))
                        return true;
                }
                return false;
            });
            if (leader && place >= 0)
                found.add(unit.entity, u"leader_of"_s, place, 0.8, u"leader.epithet"_s, s);
        }

        // ", as regulators in Brussels ...": a comma before a clause opener
        // ends what a gap in a pattern may span.
        for (int u = 0; u + 1 < units.size(); ++u) {
            if (units[u].entity < 0 && units[u].folded() == u","_s) {
                for (const QStringList &opener : m_clauseOpeners) {
                    if (units[u + 1].entity < 0 && units[u + 1].folded() == opener.constFirst())
                        units[u].clauseBreak = true;
                }
            }
        }

        // Patterns, where there are two actors to relate.
        quint8 types = 0; // entity types present, as bits
        QVarLengthArray<int, 16> actors;
        for (const Unit &unit : std::as_const(units)) {
            if (unit.entity >= 0) {
                types |= quint8(1u << int(unit.type));
                if (!actors.contains(unit.entity))
                    actors.append(unit.entity);
            }
        }
        const bool relatable = actors.size() >= 2;
        if (relatable)
            classifyUnits(units, lexicon);
        const Matcher matcher(lexicon, units);
        QVarLengthArray<bool, 128> anchored(m_rules.size(), false);
        for (const Unit &unit : relatable ? units : QList<Unit>()) {
            if (unit.entity >= 0)
                continue;
            const auto rules = m_anchorIndex.constFind(unit.folded());
            if (rules != m_anchorIndex.cend()) {
                for (int r : *rules)
                    anchored[r] = true;
            }
        }
        // The word classes present, with one lookup per word; only for
        // sentences that have two actors.
        quint32 classesPresent = 0;
        if (relatable) {
            for (Unit &unit : units) {
                if (unit.entity < 0 && unit.word) {
                    unit.starts = lexicon.startedCategories(unit.folded());
                    classesPresent |= unit.starts;
                }
            }
        }
        const auto applies = [&](int r) {
            const Rule &rule = m_rules[r];
            return (rule.anchors.isEmpty() || anchored[r]) && (classesPresent & rule.anchorClasses) == rule.anchorClasses
                && std::all_of(rule.slotTypes.cbegin(), rule.slotTypes.cend(), [&](quint8 allowed) { return (types & allowed) != 0; });
        };
        for (int r = 0; r < (relatable ? int(m_rules.size()) : 0); ++r) {
            if (!applies(r))
                continue;
            const Rule &rule = m_rules[r];
            const int predicate = found.predicateId(rule.predicate);
            bool hasObject = false;
            for (const Element &element : rule.elements)
                hasObject = hasObject || (element.kind == Element::Kind::Slot && !element.subject);
            // Every match, tightest first: "X, Y and Kyutai, founded by
            // Niel" binds Niel to Kyutai, not to X.
            QList<Match> matches;
            for (int start = 0; start < units.size(); ++start) {
                Match match;
                if (matcher.canStartAt(rule.elements.constFirst(), start) && matcher.matchAt(rule.elements, start, &match))
                    matches.append(match);
            }
            std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) {
                return a.last - a.first < b.last - b.first;
            });
            // The words a match spans, quoted, for the explanation.
            const auto matched = [&](const Match &match) {
                const int from = units[match.first].start, to = units[match.last].end;
                return u"“%1”"_s.arg(QStringView(text).mid(from, to - from));
            };
            // A subject or object already bound by a tighter match of this
            // rule is not bound again further away, unless the wider match
            // only lengthens the tighter one's list: "GDF Suez et Areva ont
            // gagné au détriment d'EDF" after "Areva ... au détriment d'EDF".
            QVarLengthArray<std::pair<int, int>, 8> boundPairs; // (subject unit, object unit); a handful at most
            const auto extendsBinding = [&](const Match &match, int unit, bool isSubject) {
                bool bound = false;
                for (const auto &[subject, object] : std::as_const(boundPairs)) {
                    if ((isSubject ? subject : object) != unit)
                        continue;
                    bound = true;
                    const int partner = isSubject ? object : subject;
                    const auto &others = isSubject ? match.objects : match.subjects;
                    if (std::any_of(others.cbegin(), others.cend(), [&](const Filler &f) { return f.unit == partner; }))
                        return true;
                }
                return !bound;
            };
            for (const Match &match : std::as_const(matches)) {
                if (containsPhrase(units, match.first - 3, match.last, m_negations))
                    continue; // "did not partner with"
                const double confidence = rule.confidence
                    * (containsPhrase(units, match.first - 3, match.last, m_hedges) ? 0.6 : 1.0);
                // List members with modifiers of their own (encoded as -1 -
                // entity) take no relation to the list's place.
                const auto decode = [](int member) { return member < 0 ? -1 - member : member; };
                const auto related = [&](const Filler &member, const Filler &other) {
                    return member.entity >= 0 || entities[decode(other.entity)].type != EntityType::Place;
                };
                if (hasObject) {
                    for (const Filler &subject : match.subjects) {
                        for (const Filler &object : match.objects) {
                            if (!extendsBinding(match, subject.unit, true) || !extendsBinding(match, object.unit, false))
                                continue;
                            if (related(subject, object) && related(object, subject))
                                found.add(decode(subject.entity), predicate, decode(object.entity), confidence, rule.id, s,
                                          matched(match));
                        }
                    }
                } else {
                    for (qsizetype a = 0; a < match.subjects.size(); ++a) {
                        for (qsizetype b = a + 1; b < match.subjects.size(); ++b)
                            found.add(decode(match.subjects[a].entity), predicate,
                                      decode(match.subjects[b].entity), confidence, rule.id, s, matched(match));
                    }
                }
                for (const Filler &subject : match.subjects) {
                    for (const Filler &object : match.objects)
                        boundPairs.append({subject.unit, object.unit});
                    if (match.objects.isEmpty())
                        boundPairs.append({subject.unit, -1});
                }
            }
        }

        // The pronouns and descriptions read as actors, by where they start.
        QMap<int, ResolvedMention> resolvedHere;
        for (const Unit &unit : std::as_const(units)) {
            if (unit.resolved && references)
                resolvedHere.insert(unit.start, ResolvedMention{unit.entity, mentionAt(text, s, unit.start, unit.end)});
        }

        // Rules over the dependency tree, where there are two actors, or
        // one and a pronoun or description that may stand for another.
        bool parse = treeModel && !actors.isEmpty() && actors.size() >= 2;
        for (qsizetype u = 0; u < units.size() && treeModel && !actors.isEmpty() && !parse; ++u) {
            parse = units[u].entity < 0 && units[u].word
                && (isAnaphor(units[u].folded()) || lexicon.containsKey(Category::OrgNoun, units[u].folded()));
        }
        if (parse) {
            QList<std::pair<int, int>> names;
            for (const auto &[entity, mention] : std::as_const(mentions)) {
                if (isNameMention(mention->surface, lexicon))
                    names.append({mention->start, mention->end});
            }
            const SentenceSyntax syntax = m_syntax.analyse(text, QList<Token>(tokens.begin(), tokens.end()), language, names);
            const QList<ConlluWord> &words = syntax.words.words;
            // Each word's entity: the unit its token is in (names, pronouns
            // the patterns resolved, nationality words).
            QList<int> entityOfWord(words.size(), -1);
            for (qsizetype w = 0; w < words.size(); ++w) {
                const int token = syntax.tokenOfWord.value(w, -1);
                if (token < 0 || token >= syntax.tokens.size())
                    continue;
                const int start = syntax.tokens[token].start;
                for (const Unit &unit : std::as_const(units)) {
                    if (unit.entity >= 0 && start >= unit.start && start < unit.end) {
                        entityOfWord[w] = unit.entity;
                        break;
                    }
                }
            }
            collectDescriptions(words, entityOfWord, lexicon, descriptions);
            const QList<int> anaphora = resolveAnaphora(words, entityOfWord, typeOfEntity, lexicon,
                                                        organisationBefore, personBefore, descriptions);
            // "du groupe": a token that is a preposition and an article
            // starts the mention at the next one.
            const auto sharesToken = [&](qsizetype word) {
                return word > 0 && syntax.tokenOfWord.value(word) == syntax.tokenOfWord.value(word - 1);
            };
            for (qsizetype w = 0; w < words.size() && references; ++w) {
                if (anaphora[w] < 0 || entityOfWord[w] >= 0)
                    continue;
                auto [first, last] = referenceSpan(words, w);
                while (first < w && sharesToken(first))
                    ++first;
                if (sharesToken(first))
                    continue;
                const int firstToken = syntax.tokenOfWord.value(first, -1);
                const int lastToken = syntax.tokenOfWord.value(last, -1);
                if (firstToken < 0 || lastToken < firstToken || lastToken >= syntax.tokens.size())
                    continue;
                const int start = syntax.tokens[firstToken].start;
                resolvedHere.insert(start, ResolvedMention{anaphora[w],
                                                           mentionAt(text, s, start, syntax.tokens[lastToken].end)});
            }
            if (lcRelations().isDebugEnabled()) {
                QString tree;
                for (qsizetype w = 0; w < words.size(); ++w) {
                    tree += u"%1 %2/%3 %4<-%5"_s.arg(w + 1).arg(words[w].form, words[w].upos).arg(words[w].head).arg(words[w].deprel);
                    if (anaphora[w] >= 0)
                        tree += u" [%1]"_s.arg(entities[anaphora[w]].name);
                    tree += u"; "_s;
                }
                qCDebug(lcRelations).noquote() << "sentence" << s << tree;
            }
            for (const DependencyRules::Statement &statement : m_treeRules.apply(syntax.words, anaphora, typeOfEntity)) {
                const DependencyRules::Rule &rule = m_treeRules.rules()[statement.rule];
                const QString path = DependencyRules::explain(statement, entities[statement.subject].name,
                                                              words.value(statement.trigger).form,
                                                              entities[statement.object].name);
                qCDebug(lcRelations).noquote() << "  " << rule.predicate << "by" << rule.id << ":" << path;
                found.add(statement.subject, rule.predicate, statement.object, statement.confidence, rule.id, s, path);
            }
        }

        // A place inside another: the smaller in the larger, and whoever is
        // in one of them in the other.
        if (relatable && (types & (1u << int(EntityType::Place)))) {
            for (const auto &[inner, outer] : placeChains(units, entities, lexicon)) {
                const QString path = u"“%1”"_s.arg(QStringView(text).mid(units[inner].start, units[outer].end - units[inner].start));
                found.add(units[inner].entity, located, units[outer].entity, 0.7, u"place.chain"_s, s, path);
                for (const int predicate : {located, headquartered})
                    found.spreadOverContainingPlace(predicate, units[inner].entity, units[outer].entity, s,
                                                    u"place.chain"_s, path);
            }
        }

        if (references) {
            for (const ResolvedMention &reference : std::as_const(resolvedHere))
                references->append(reference);
        }

        // Quotations: the speaker says_about the actors the quotation names.
        QList<bool> quoted(units.size(), false);
        bool open = quoteOpen;
        int opening = -1;
        bool startsWithQuote = false;
        for (int u = 0; u < units.size(); ++u) {
            const Unit &unit = units[u];
            if (unit.entity < 0 && unit.end - unit.start == 1) {
                const QChar c = text.at(unit.start);
                startsWithQuote = startsWithQuote || (u == 0 && isOpeningQuote(c));
                const bool straight = c == u'"';
                if (!open && isOpeningQuote(c)) {
                    open = true;
                    opening = u;
                    continue;
                }
                if (open && (isClosingQuote(c) || (straight && u != opening))) {
                    open = false;
                    continue;
                }
            }
            quoted[u] = open;
        }
        int sentenceSpeaker = -1;
        int viewFrom = -1; // "Pour X, ...": what the sentence says after the comma is X's view
        const bool personNamed = types & (1u << int(EntityType::Person));
        for (int u = 0; u < units.size() && sentenceSpeaker < 0 && personNamed; ++u) {
            if (quoted[u] || units[u].entity < 0 || units[u].type != EntityType::Person)
                continue;
            // "Huang said", "said Huang", "Macron told CNBC", "a déclaré M. X"
            for (int v : {u - 1, u + 1, u + 2, u - 2}) {
                if (v >= 0 && v < units.size() && !quoted[v] && units[v].entity < 0
                    && lexicon.containsKey(Category::SpeechVerb, units[v].folded())) {
                    sentenceSpeaker = units[u].entity;
                    break;
                }
            }
            // « ... », André Fages. The name alone after the quotation.
            if (u >= 2 && units[u - 1].entity < 0 && units[u - 1].folded() == u","_s && units[u - 2].quote
                && (u + 1 == units.size() || !units[u + 1].word))
                sentenceSpeaker = units[u].entity;
            // "Pour André Fages, il faut ...": the view of the person named.
            if (u == 1 && units[0].entity < 0 && units[0].folded() == u"pour"_s && u + 1 < units.size()
                && units[u + 1].folded() == u","_s) {
                sentenceSpeaker = units[u].entity;
                viewFrom = u + 1;
            }
        }
        const bool hasQuote = std::find(quoted.cbegin(), quoted.cend(), true) != quoted.cend();
        // A quotation without attribution continues the last speaker's
        // ("“I was at the president’s office,” Huang said. “I told ...").
        const int talker = sentenceSpeaker >= 0 ? sentenceSpeaker : ((quoteOpen || startsWithQuote) ? speaker : -1);
        if (sentenceSpeaker >= 0)
            speaker = sentenceSpeaker;
        else if (!quoteOpen && !hasQuote)
            speaker = -1;
        // The actors a quotation in this sentence talks about: not a place
        // something is in ("production in France"), but a place the
        // quotation talks about ("India and China are watching").
        QList<int> quotedActors;
        for (int u = 0; u < units.size() && hasQuote; ++u) {
            if (!quoted[u] || units[u].entity < 0 || units[u].demonym)
                continue;
            if (units[u].type == EntityType::Place && u > 0 && units[u - 1].entity < 0
                && lexicon.containsKey(Category::PlacePreposition, units[u - 1].folded()))
                continue;
            quotedActors.append(units[u].entity);
        }
        const bool attributed = talker >= 0 && hasQuote;
        if (attributed) {
            for (int actor : std::as_const(quotedActors))
                found.add(talker, u"says_about"_s, actor, 0.7, u"quote.attributed"_s, s);
            // « S1. S2 », insiste X: the sentences the quotation ran over
            // before its attribution are X's too; the attribution sentence is
            // the evidence, as it is the one that says who spoke.
            for (int actor : std::as_const(quoteAwaitingSpeaker)) {
                if (actor != talker)
                    found.add(talker, u"says_about"_s, actor, 0.65, u"quote.paragraph"_s, s);
            }
        } else if (sentenceSpeaker >= 0) {
            // Reported speech: "Macron also touted a deal between Thales and
            // Radiall"; whoever is told ("told CNBC") is not talked about.
            int verb = viewFrom;
            for (int u = 0; u < units.size() && verb < 0; ++u) {
                if (units[u].entity < 0 && lexicon.containsKey(Category::SpeechVerb, units[u].folded()))
                    verb = u;
            }
            for (int u = verb + 1; verb >= 0 && u < units.size(); ++u) {
                if (units[u].entity < 0 || (units[u].type == EntityType::Place && viewFrom < 0) || units[u].entity == sentenceSpeaker)
                    continue;
                if (u == verb + 1 && (units[verb].folded() == u"told"_s || units[verb].folded() == u"tells"_s))
                    continue;
                found.add(sentenceSpeaker, u"says_about"_s, units[u].entity, 0.5, u"speech.reported"_s, s);
            }
        }
        // An open quotation nobody was named for yet waits for its speaker.
        if (!attributed && hasQuote && open)
            quoteAwaitingSpeaker.append(quotedActors);
        else
            quoteAwaitingSpeaker.clear();
        quoteOpen = open;

        // Co-occurrence: every pair of actors named in the sentence.
        if (m_listsCooccurrences) {
            QList<int> named;
            for (const auto &[entity, mention] : std::as_const(mentions)) {
                if (!named.contains(entity))
                    named.append(entity);
            }
            for (qsizetype a = 0; a < named.size(); ++a) {
                for (qsizetype b = a + 1; b < named.size(); ++b)
                    found.add(named[a], cooccurrence, named[b], cooccurrenceConfidence,
                              cooccurrenceRuleId, s);
            }
        }
    }

    addParentsByName(entities, lexicon, found);

    // A specific role says more than works_for for the same pair.
    QList<ExtractedRelation> relations = found.take();
    QSet<std::pair<int, int>> roles;
    for (const ExtractedRelation &r : std::as_const(relations)) {
        if (r.predicate == u"ceo_of"_s || r.predicate == u"founder_of"_s || r.predicate == u"leader_of"_s)
            roles.insert({r.subject, r.object});
    }
    relations.removeIf([&](const ExtractedRelation &r) {
        return r.predicate == u"works_for"_s && roles.contains({r.subject, r.object});
    });
    typedRelationsFirst(relations);
    return relations;
}

} // namespace NewsGraph
