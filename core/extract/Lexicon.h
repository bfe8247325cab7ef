#pragma once

#include "core/common/Result.h"
#include "core/extract/EntityType.h"

#include <QHash>

#include <array>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// A name the lexicon knows: general knowledge of the world (countries,
// cities, well-known organisations, products and recurring events), never a
// list of some corpus's answers.
struct KnownName
{
    QString name;        // canonical name ("United States")
    EntityType type = EntityType::Organization;
    QString subtype;     // "country", "city", "region", "union", "company", "agency", ...
    QStringList aliases; // other names it goes by ("U.S.", "USA", "États-Unis")
};

// Case- and accent-insensitive key for names and words: NFKD with combining
// marks dropped, lower case, ’ and ‘ as ', periods dropped ("U.S." -> "us"),
// runs of whitespace as one space, trimmed.
QString foldName(QStringView text);
// The same; a string that is its own key (a word in lower-case ASCII, as
// most words and lemmas are) comes back shared, not copied.
QString foldName(const QString &text);

// General knowledge that entity extraction draws on, loaded from the data
// files of resources/lexicon/ (see the README there for their formats) and
// extendable by a user lexicon file next to a project database. Lookups are
// folded (see foldName), so "NVIDIA", "Nvidia" and "nvidia" are the same key.
class Lexicon
{
public:
    // Word and phrase lists, one file each (file name in brackets).
    enum class Category {
        GivenName,        // first names of people (given-names.txt)
        StopCapital,      // capitalised words that are not names: "READ", "AI", "Monday" (stop-capitals.txt)
        FunctionWord,     // determiners, pronouns, prepositions... (stopwords-*.txt)
        PersonTitle,      // "CEO", "chief executive", "president", "PDG", "Mr" (person-titles.txt)
        OrgSuffix,        // words that end organisation names: "Inc", "Group", "SA" (org-suffixes.txt)
        OrgNoun,          // nouns that name organisations: "company", "chipmaker", "société" (org-nouns.txt)
        ProductNoun,      // "platform", "chips", "model", "plateforme" (product-nouns.txt)
        EventNoun,        // "summit", "conference", "week", "salon" (event-nouns.txt)
        SpeechVerb,       // "said", "told", "a déclaré" (speech-verbs.txt)
        PlacePreposition, // "in", "near", "à", "en" (place-prepositions.txt)
        Determiner,       // "the", "a", "this", "le", "une", "cette" (determiners.txt)
        NamingVerb,       // words that introduce a name: "dubbed", "called", "baptisé" (naming-verbs.txt)
        GenericOrgNoun,   // organisation nouns said of any company: "company", "group", "société" (generic-org-nouns.txt)
        InstitutionNoun,  // organisation nouns that are no company's: "union", "court", "gouvernement" (institution-nouns.txt)
        MemberNoun,       // who and what belongs to an organisation: "shareholders", "subsidiary", "salariés" (member-nouns.txt)
        HoldingNoun,      // what one holds of a company: "stake", "shares", "participation" (holding-nouns.txt)
        LegalForm,        // legal forms of companies, also OrgSuffix: "Inc", "Co", "GmbH" (legal-forms.txt)
        SportsWord,       // words of sports reports: "striker", "league", "entraîneur" (sports-words.txt)
        SportsResult,     // verbs and prepositions of results between teams: "beat", "drew with", "a battu" (sports-results.txt)
        PlaceNoun,        // nouns of places: "town", "island", "commune", "gare" (place-nouns.txt)
        SpeakerNoun,      // who speaks, opening a sentence: "Police", "Officials", "Witnesses" (speaker-nouns.txt)
        SecurityNoun,     // what a listed company's name goes with: "shares", "stock", "action" (security-nouns.txt)
        MarketMove,       // how a price moves: "rose", "fell", "edged up", "a reculé" (market-moves.txt)
        PortfolioTitle,   // titles whose complement is a portfolio: "minister" (of Health), "ministre" (de la Santé) (portfolio-titles.txt)
    };
    static constexpr int categoryCount = int(Category::PortfolioTitle) + 1;

    Lexicon() = default;

    // Reads every data file of `directory` (":/lexicon" for the bundled data).
    static Result<Lexicon> fromDirectory(const QString &directory);

    // Adds the entries of a user lexicon file (format in resources/lexicon/README.md):
    //   TYPE<TAB>name[<TAB>alias|alias...]      TYPE = PERSON, ORG, PLACE, PRODUCT, EVENT
    //   category<TAB>word                       category = given-name, stop-capital, person-title, ...
    // Errors name the file and the line; a file with an error adds nothing.
    // User names win over the data of fromDirectory(): a user entry whose
    // name is a known name updates that name's type and adds its aliases,
    // and a user name or alias that is a known alias of another name takes
    // that alias over.
    Result<void> extendFromFile(const QString &path);

    bool contains(Category category, QStringView wordOrPhrase) const;
    // The longest entry of a category, in words (for phrase matching); 0
    // when the category is empty.
    int longestEntry(Category category) const;

    // The known name whose name or alias folds to the same key, if any.
    // An acronym that folds to a function word or a given name ("WHO",
    // "UN", "CES", "TIM") matches only when written without lower-case
    // letters, so "Who" and "Tim" find nothing. The pointer stays valid
    // until the lexicon is next extended.
    const KnownName *findName(QStringView surface) const;
    int longestName() const { return m_longestName; } // in words

    // "French" -> "France", "française" -> "France"; empty when not a demonym.
    QString placeOfDemonym(QStringView word) const;

    qsizetype knownNameCount() const { return m_names.size(); }
    // Every known name, in the order the files give them.
    const QList<KnownName> &knownNames() const { return m_names; }
    // The folded entries of a category, sorted.
    QStringList entries(Category category) const;

    // The same lookups for keys the caller has already folded with
    // foldName(): extraction folds each word once and looks it up many times.
    bool containsKey(Category category, const QString &key) const;
    // `hasLowerCase`: the surface the key came from has a lower-case letter
    // (acronym-only keys such as "WHO" then do not match, see findName).
    const KnownName *findKey(const QString &key, bool hasLowerCase) const;
    QString placeOfDemonymKey(const QString &key) const { return m_demonyms.value(key); }
    // Can an entry of the category, or a known name, begin with this folded
    // word? Lets a caller skip building phrases that cannot match.
    bool startsEntry(Category category, const QString &foldedWord) const;
    bool startsName(const QString &foldedWord) const;
    // Can a demonym of several words ("west indian") begin with this folded word?
    bool startsLongDemonym(const QString &foldedWord) const { return m_longDemonymStarts.contains(foldedWord); }
    // Is this folded phrase a known name or the beginning of one? When it is
    // not, no longer phrase that goes on from it can be one.
    bool beginsName(const QString &key) const { return m_namePrefixes.contains(key); }
    // The word a folded key begins with: its leading run of letters and digits.
    static QStringView firstWordOf(QStringView key);

    // Every category at once, for code that asks about each word of a text:
    // bit (1 << int(category)) is set when the folded word is an entry of
    // the category (memberships) or begins one (startedCategories).
    quint32 memberships(const QString &foldedWord) const { return m_memberships.value(foldedWord); }
    quint32 startedCategories(const QString &foldedWord) const;
    static constexpr quint32 bit(Category category) { return 1u << int(category); }

private:
    void addName(KnownName name);
    void addEntry(Category category, const QString &entry);
    void addUserName(KnownName name);
    void registerKey(const QString &surface, qsizetype index, bool takeOver);
    void updateIndexes();

    QList<KnownName> m_names;
    QHash<QString, qsizetype> m_nameIndex; // folded name or alias -> m_names index
    QHash<QString, QString> m_demonyms;    // folded demonym -> place name
    QSet<QString> m_longDemonymStarts;     // first words of the demonyms of several words
    // Indexed by Category: these are looked up for every word of every text.
    std::array<QSet<QString>, categoryCount> m_entries; // folded
    std::array<int, categoryCount> m_longestEntry{};
    int m_longestName = 1;
    QSet<QString> m_keysWrittenInLowerCase; // some surface of the key has a lower-case letter
    QSet<QString> m_capitalsOnlyKeys;       // acronyms matched only in capitals (see findName)
    std::array<QSet<QString>, categoryCount> m_entryStarts; // first words of each category's entries
    QSet<QString> m_nameStarts;             // first words of known names and aliases
    QSet<QString> m_namePrefixes;           // every leading part of every name key, itself included
    QHash<QString, quint32> m_memberships;  // one-word entries -> their categories
    QHash<QString, quint32> m_starts;       // first words of entries -> their categories
    qsizetype m_dataNameCount = 0;          // names from fromDirectory(), before user names
};

// For QHash<Lexicon::Category, ...>.
inline size_t qHash(Lexicon::Category category, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(category), seed);
}

} // namespace NewsGraph
