#include "core/extract/EntityExtractor.h"

#include "core/extract/NameSpelling.h"
#include "core/extract/Tokenizer.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace NewsGraph {

// QT_LOGGING_RULES="newsgraph.extract.debug=true" traces every candidate's
// evidence and every entity's type: the way to see why a name was typed so.
Q_LOGGING_CATEGORY(lcExtract, "newsgraph.extract", QtWarningMsg)

namespace {

using Category = Lexicon::Category;

constexpr int typeCount = 5;
using Evidence = std::array<double, typeCount>;

// The words that join the last members of a list.
bool isJoiningWord(QStringView word)
{
    return word == u"and" || word == u"et" || word == u"or" || word == u"ou";
}

// "of" as in "the coach of X", "l'entraîneur de X".
bool isOfWord(QStringView word)
{
    return word == u"of" || word == u"de" || word == u"d'" || word == u"d’" || word == u"du";
}

int slot(EntityType type)
{
    return int(type);
}

// Evidence weights. A lexicon entry is general knowledge and outweighs any
// single cue; a cue that names the kind of thing ("CEO", "Inc.", "summit")
// outweighs one that only suggests it ("in", "said").
constexpr double knownWeight = 10.0;
constexpr double strongCue = 5.0;
constexpr double goodCue = 3.0;
constexpr double weakCue = 1.5;
constexpr double defaultOrg = 0.4;
// A given name alone ("Gloria said"): more than the default, less than a
// preposition.
constexpr double givenNameAloneCue = 0.5;
// What a mention's name typer guess weighs at most (see weighLearnedTypes()).
constexpr double learnedCue = 1.0;

// No real name has a word this long; a token like that is a URL, a hash or junk.
constexpr int maxNameWordLength = 40;

// Capitalised particles that open a surname: "Le Pen", "Van Rompuy", "Da Silva".
bool isSurnameParticle(QStringView word)
{
    static constexpr QStringView particles[] = {u"Le", u"La", u"Du", u"De", u"Van", u"Von", u"Da", u"Di", u"Del", u"Dos"};
    return std::find(std::begin(particles), std::end(particles), word) != std::end(particles);
}

// Particles that join the words of a name: "Charles de Gaulle", "Ursula von
// der Leyen". English function words (of, for, on) join only names that are
// already institutional ("Department of Energy", "Summit on AI").
bool isNameParticle(QStringView word)
{
    static constexpr QStringView particles[] = {u"de", u"du", u"des", u"von", u"van", u"der", u"den",
                                                u"di", u"da", u"del", u"dos", u"das", u"bin", u"ibn",
                                                u"al", u"la", u"le", u"y"};
    return std::find(std::begin(particles), std::end(particles), word) != std::end(particles);
}

bool isInstitutionalJoiner(QStringView word)
{
    return word == u"of" || word == u"for" || word == u"on";
}

// "jet" for "Jet.com", "booking" for "Booking.com": the name, folded, that
// a company with a web address for a name goes by. Empty for any other word.
QString domainStem(QStringView word)
{
    const qsizetype dot = word.indexOf(u'.');
    if (dot <= 0 || dot + 2 >= word.size())
        return {};
    for (qsizetype i = dot + 1; i < word.size(); ++i) {
        if (!word[i].isLetter())
            return {};
    }
    return foldName(word.left(dot));
}

bool isYear(QStringView text)
{
    if (text.size() != 4)
        return false;
    const int year = text.toInt();
    return year >= 1900 && year <= 2100;
}

bool isOpeningPunctuation(QChar c)
{
    return QStringView(u"\"'“‘«([{—–-").contains(c);
}

// Groups filed under the deletion variants of a word (see deletionVariants()),
// as hashes in one sorted list: a long article has tens of thousands of full
// names, and a string for every variant of each would take more memory than
// the names. A hash that two variants share by chance only adds a candidate,
// which the caller checks anyway.
class VariantIndex
{
public:
    // `salt` files the word under something more (a first name, a word count).
    void add(quint64 salt, QStringView word, int group)
    {
        for (qsizetype skip = -1; skip < word.size(); ++skip)
            m_entries.push_back({variantHash(salt, word, skip), group});
    }
    void reserve(qsizetype entries) { m_entries.reserve(size_t(entries)); }
    // Call once everything is added, before find().
    void sort() { std::sort(m_entries.begin(), m_entries.end()); }

    // Appends the groups filed under a variant of `word`, in no order and
    // perhaps more than once.
    void find(quint64 salt, QStringView word, QList<int> &groups) const
    {
        for (qsizetype skip = -1; skip < word.size(); ++skip) {
            const quint64 hash = variantHash(salt, word, skip);
            auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), std::pair<quint64, int>{hash, INT_MIN});
            for (; it != m_entries.cend() && it->first == hash; ++it)
                groups.append(it->second);
        }
    }

private:
    // FNV-1a of the word without its unit at `skip` (none for -1).
    static quint64 variantHash(quint64 salt, QStringView word, qsizetype skip)
    {
        quint64 hash = 14695981039346656037ull ^ salt;
        for (qsizetype i = 0; i < word.size(); ++i) {
            if (i != skip) {
                hash ^= word[i].unicode();
                hash *= 1099511628211ull;
            }
        }
        return hash;
    }

    std::vector<std::pair<quint64, int>> m_entries;
};

struct Mention
{
    int sentence = 0;
    int first = 0; // token index in the sentence
    int last = 0;  // inclusive
    int start = 0;
    int end = 0;
    // A long article has over a million mentions: the surface is the text
    // between start and end and the words are those of the tokens, read
    // when needed; the key is shared with every mention of the same name.
    QString key; // folded surface, year suffix dropped
    // The folded words of the name, particles included: the word tokens
    // from firstWord to lastWord (see DocumentPass::words()).
    int wordCount = 0;
    int firstWord = -1;
    int lastWord = -1;
    const KnownName *known = nullptr;
    Evidence evidence{};
    bool epithet = false; // "the French president", tied to a person by the text
    bool team = false; // a city's name standing for its club in a sports report ("Lyon beat Lille")
    int group = -1;
    int coordinatedWith = -1; // next mention in a list ("X, Y and Z")
};

struct Group
{
    QList<int> mentions;
    Evidence evidence{};
    const KnownName *known = nullptr;
    bool team = false; // see Mention::team

    EntityType type() const
    {
        if (known)
            return team && known->type == EntityType::Place ? EntityType::Organization : known->type;
        const auto best = std::max_element(evidence.cbegin(), evidence.cend());
        return *best > 0 ? EntityType(best - evidence.cbegin()) : EntityType::Organization;
    }
    double strength() const { return *std::max_element(evidence.cbegin(), evidence.cend()); }
};

} // namespace
} // namespace NewsGraph

// Moved in memory as they are: a long article's million mentions then grow
// their list in place rather than through a copy.
Q_DECLARE_TYPEINFO(NewsGraph::Mention, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(NewsGraph::Group, Q_RELOCATABLE_TYPE);

namespace NewsGraph {
namespace {

// One document's worth of extraction state.
class DocumentPass
{
public:
    DocumentPass(const Lexicon &lexicon, const NameTyper *nameTyper, const SyntaxAnalyzer &syntax,
                 const QString &language, const QString &text, const QList<Sentence> &sentences,
                 const SentenceTokens &tokens)
        : m_lexicon(lexicon)
        , m_nameTyper(nameTyper)
        , m_syntax(syntax)
        , m_language(language)
        , m_text(text)
        , m_sentences(sentences)
        , m_tokens(tokens)
    {
    }

    QList<ExtractedEntity> run()
    {
        noteCapitalizedWords();
        for (int s = 0; s < m_tokens.size(); ++s)
            findCandidates(s);
        findNamesInShoutedRuns();
        noteOrganisationWords();
        for (int m = 0; m < m_mentions.size(); ++m)
            collectEvidence(m);
        propagateAlongLists();
        weighLearnedTypes();
        groupMentions();
        findEpithets();
        if (lcExtract().isDebugEnabled())
            trace();
        return entities();
    }

private:
    // --- tokens ---------------------------------------------------------

    QStringView text(const Token &token) const { return token.text(m_text); }

    // The folded words of a mention's name; firstWord() and lastWord() only
    // for a mention with words.
    QStringList words(const Mention &mention) const
    {
        QStringList result;
        const TokenSpan tokens = m_tokens[mention.sentence];
        for (int i = mention.firstWord; mention.wordCount > 0 && i <= mention.lastWord; ++i) {
            if (tokens[i].isWord())
                result.append(folded(tokens[i]));
        }
        return result;
    }
    const QString &firstWord(const Mention &mention) const { return folded(m_tokens[mention.sentence][mention.firstWord]); }
    QStringView firstWordText(const Mention &mention) const { return text(m_tokens[mention.sentence][mention.firstWord]); }
    const QString &lastWord(const Mention &mention) const { return folded(m_tokens[mention.sentence][mention.lastWord]); }

    // The one copy of this string in the document pass, for keys that
    // thousands of mentions have in common.
    QString shared(const QString &key) { return *m_sharedKeys.insert(key); }
    const QString &folded(const Token &token) const { return token.folded(); }

    bool in(Category category, const Token &token) const
    {
        return token.isWord() && m_lexicon.containsKey(category, token.folded());
    }

    // foldName() of tokens[first..last], built from the folded tokens.
    static QString phraseKey(TokenSpan tokens, int first, int last)
    {
        QString key;
        for (int i = first; i <= last; ++i) {
            const Token &token = tokens[i];
            if (token.folded().isEmpty())
                continue;
            if (token.spaceBefore && !key.isEmpty())
                key += u' ';
            key += token.folded();
        }
        return key;
    }

    static bool hasLowerCase(TokenSpan tokens, int first, int last)
    {
        for (int i = first; i <= last; ++i) {
            if (tokens[i].isWord() && !tokens[i].allCaps && !(tokens[i].capitalized && tokens[i].end - tokens[i].start == 1))
                return true;
        }
        return false;
    }

    // Does the document write this (folded) word in lower case somewhere?
    // The words are read when first asked about, which most documents
    // never are, as sorted hashes: cheaper to gather than a set of
    // strings, and a hash two words share by chance only keeps a name out.
    bool writtenInLowerCase(const QString &folded)
    {
        if (!m_lowerCaseWordsRead) {
            for (qsizetype s = 0; s < m_tokens.size(); ++s) {
                for (const Token &token : m_tokens[s]) {
                    if (token.isWord() && !token.capitalized && !token.mixedCase && !token.hasDigit)
                        m_lowerCaseWords.push_back(qHash(token.folded()));
                }
            }
            std::sort(m_lowerCaseWords.begin(), m_lowerCaseWords.end());
            m_lowerCaseWords.erase(std::unique(m_lowerCaseWords.begin(), m_lowerCaseWords.end()), m_lowerCaseWords.end());
            m_lowerCaseWordsRead = true;
        }
        return std::binary_search(m_lowerCaseWords.cbegin(), m_lowerCaseWords.cend(), qHash(folded));
    }

    // Words capitalised where capitals say something: not first in a
    // clause, and not all in capitals ("RESULTS" in a headline does not
    // make "Results of English league matches" a name).
    void noteCapitalizedWords()
    {
        for (qsizetype s = 0; s < m_tokens.size(); ++s) {
            const TokenSpan tokens = m_tokens[s];
            for (int i = 0; i < tokens.size(); ++i) {
                if (tokens[i].isWord() && tokens[i].capitalized && !tokens[i].allCaps && !isClauseInitial(tokens, i))
                    m_capitalizedElsewhere.insert(folded(tokens[i]));
            }
        }
    }

    // Is token i the first word of its sentence, after any opening quotes
    // or brackets? Looks back only as far as the word before it, so that
    // asking for every word of a sentence stays linear in its length.
    static bool isFirstWord(TokenSpan tokens, int i)
    {
        const auto isWordOrNumber = [](const Token &token) {
            return token.isWord() || token.kind == Token::Kind::Number;
        };
        if (!isWordOrNumber(tokens[i]))
            return false;
        for (int j = i - 1; j >= 0; --j) {
            if (isWordOrNumber(tokens[j]))
                return false;
        }
        return true;
    }

    // Capitalised because of where they stand: the first word of a sentence,
    // of a quotation, or of a clause after a colon ("READ: ...").
    bool isClauseInitial(TokenSpan tokens, int i) const
    {
        if (isFirstWord(tokens, i))
            return true;
        int j = i - 1;
        bool quoted = false;
        while (j >= 0 && tokens[j].kind == Token::Kind::Punctuation && isOpeningPunctuation(m_text.at(tokens[j].start))) {
            quoted = quoted || !tokens[j].is(m_text, u'(');
            --j;
        }
        if (quoted || (j >= 0 && (tokens[j].is(m_text, u':') || tokens[j].is(m_text, u'•'))))
            return true;
        // "BURN BARRELS OUT Union volunteers rolled out...": the words after
        // a crosshead in capitals open a clause.
        return i >= 2 && !tokens[i].allCaps && isShoutedRun(tokens, i - 2, i - 1);
    }

    // Two or more words in capitals, one of them long enough to be no
    // acronym: a crosshead or a headline fragment ("BURN BARRELS"), not a
    // name, whatever the case of the text around it.
    bool isShoutedRun(TokenSpan tokens, int first, int last) const
    {
        if (last <= first)
            return false;
        bool longWord = false;
        for (int i = first; i <= last; ++i) {
            const Token &token = tokens[i];
            if (!token.isWord() || !token.allCaps || token.hasDigit)
                return false;
            longWord = longWord || token.end - token.start >= 5;
        }
        return longWord;
    }

    // "(TSX: CMMC)", "(TSX, NYSE: HBM)", "(TSX:NGT,NYSE:NEM)": stock
    // exchanges and ticker symbols in brackets, which name no one the text
    // is about but say that the name before them is a listed company.
    // Returns the closing bracket's token, or -1.
    int tickerBracketEnd(TokenSpan tokens, int open) const
    {
        if (open < 0 || open >= tokens.size() || !tokens[open].is(m_text, u'('))
            return -1;
        bool colon = false;
        for (int close = open + 1; close < tokens.size() && close - open <= 16; ++close) {
            const Token &token = tokens[close];
            if (token.is(m_text, u')'))
                return colon ? close : -1;
            if (token.is(m_text, u':'))
                colon = true;
            else if (!token.is(m_text, u',') && !token.is(m_text, u'.') && !(token.isWord() && token.allCaps))
                return -1;
        }
        return -1;
    }

    // Marks the tokens of ticker brackets in `skip`, but for the stock
    // exchanges the lexicon knows ("(TSX, NYSE: HBM)"): they are
    // organisations the article names.
    void markTickerBrackets(TokenSpan tokens, QList<bool> &skip) const
    {
        for (int open = 0; open < tokens.size(); ++open) {
            const int close = tickerBracketEnd(tokens, open);
            if (close < 0)
                continue;
            for (int i = open; i <= close; ++i) {
                // Not a ticker: what follows a colon ("(TSX:KLP,ASX:KLW)").
                const KnownName *known = nullptr;
                if (tokens[i].isWord() && !tokens[i - 1].is(m_text, u':') && knownNameAt(tokens, i, &known) == i
                    && known->type == EntityType::Organization)
                    continue;
                skip[i] = true;
            }
            open = close;
        }
    }

    // Letters and digits with no lower case: GB200, H100, A380.
    // Amounts written as one word: "8.6B", "Sfr16.6bn", "5G" is no amount
    // but no name either. A number with a decimal point and a scale after
    // it, or a word that opens on a digit and ends on a letter.
    bool isAmountLike(const Token &token) const
    {
        if (!token.isWord() || !token.hasDigit)
            return false;
        const QStringView word = text(token);
        if (!word.back().isLetter())
            return false;
        if (word.front().isDigit())
            return true;
        for (qsizetype i = 1; i + 1 < word.size(); ++i) {
            if ((word[i] == u'.' || word[i] == u',') && word[i - 1].isDigit() && word[i + 1].isDigit())
                return true;
        }
        return false;
    }

    bool isModelCode(const Token &token) const
    {
        if (!token.isWord() || !token.hasDigit || isAmountLike(token))
            return false;
        bool upper = false;
        for (QChar c : text(token)) {
            if (c.isLower())
                return false;
            upper = upper || c.isUpper();
        }
        return upper;
    }

    // "in Le Bourget", "à La Défense": a capitalised article in mid-sentence
    // belongs to the name after it.
    bool isNameArticle(TokenSpan tokens, int i) const
    {
        const Token &token = tokens[i];
        return token.isWord() && token.capitalized && !token.allCaps && in(Category::Determiner, token)
            && !isClauseInitial(tokens, i) && i + 1 < tokens.size() && tokens[i + 1].spaceBefore
            && isNameWord(tokens[i + 1], false);
    }

    // A capital letter and a full stop: "D.", "K.".
    bool isInitial(const Token &token) const
    {
        const QStringView word = text(token);
        return token.isWord() && word.size() == 2 && word[1] == u'.' && word[0].isUpper();
    }

    bool isDemonym(const Token &token) const
    {
        return token.isWord() && !m_lexicon.placeOfDemonymKey(token.folded()).isEmpty();
    }

    // Could this word be part of a name, by its shape and what it is?
    bool isNameWord(const Token &token, bool continuing) const
    {
        if (!token.isWord() || token.elision || token.end - token.start > maxNameWordLength || isAmountLike(token))
            return false;
        const bool shaped = token.capitalized || token.mixedCase || isModelCode(token);
        if (!shaped)
            return false;
        // "K. Parsons": an initial, not the "K" of "$5K".
        if (in(Category::PersonTitle, token) || (in(Category::StopCapital, token) && !isInitial(token))
            || in(Category::FunctionWord, token))
            return continuing && in(Category::OrgSuffix, token);
        if (isDemonym(token))
            return continuing;
        return true;
    }

    // --- candidates -----------------------------------------------------

    // The longest known name starting at token i, as the index of its last token.
    int knownNameAt(TokenSpan tokens, int i, const KnownName **known) const
    {
        if (!tokens[i].isWord() || !m_lexicon.startsName(tokens[i].folded()))
            return -1;
        // Every phrase starting at i that a known name begins with, then the
        // longest known one.
        const int longest = std::min<int>(m_lexicon.longestName() * 2, tokens.size() - i);
        QStringList keys;
        keys.reserve(longest);
        QString key;
        for (int length = 1; length <= longest; ++length) {
            const Token &token = tokens[i + length - 1];
            if (!token.folded().isEmpty()) {
                if (token.spaceBefore && !key.isEmpty())
                    key += u' ';
                key += token.folded();
            }
            if (!m_lexicon.beginsName(key))
                break;
            keys.append(key);
        }
        for (int length = int(keys.size()); length >= 1; --length) {
            if (!tokens[i + length - 1].isWord())
                continue;
            if (const KnownName *name = m_lexicon.findKey(keys[length - 1], hasLowerCase(tokens, i, i + length - 1))) {
                *known = name;
                return i + length - 1;
            }
        }
        return -1;
    }

    // Headlines and banners in capitals ("BREAKING NEWS FROM THE SUMMIT")
    // say nothing through their capitals: there only known names count.
    static bool isShouting(TokenSpan tokens)
    {
        int words = 0, caps = 0;
        for (const Token &token : tokens) {
            if (token.isWord() && token.end - token.start > 1) {
                ++words;
                caps += token.allCaps;
            }
        }
        return words >= 4 && caps * 10 >= words * 6;
    }

    // "Office chérifien des phosphates (OCP)": an acronym in brackets names
    // the words before it whose initials it spells, lower-case words
    // included and particles skipped. Returns the first token of the
    // expansion, or -1.
    int acronymExpansion(TokenSpan tokens, int open) const
    {
        if (open + 2 >= tokens.size() || !tokens[open].is(m_text, u'(') || !tokens[open + 2].is(m_text, u')'))
            return -1;
        const Token &acronym = tokens[open + 1];
        if (!acronym.allCaps || acronym.hasDigit)
            return -1;
        const QString letters = acronymLetters(acronym);
        if (letters.size() < 2 || letters.size() > 8)
            return -1;
        QString initials; // read backwards
        for (int i = open - 1; i >= 0 && open - i <= letters.size() * 2 + 2; --i) {
            const Token &token = tokens[i];
            if (!token.isWord() && !token.is(m_text, u'-'))
                return -1;
            if (!countsForInitials(token))
                continue;
            initials.prepend(token.folded().front());
            if (initials.size() == letters.size())
                return initials == letters && token.capitalized ? i : -1;
        }
        return -1;
    }

    void findCandidates(int s)
    {
        const TokenSpan tokens = m_tokens[s];
        QHash<int, int> expansions; // first token -> last token of an acronym's expansion
        for (int open = 1; open + 2 < tokens.size(); ++open) {
            const int first = acronymExpansion(tokens, open);
            if (first >= 0 && !tokens[open - 1].capitalized)
                expansions.insert(first, open - 1);
        }
        // Tokens no name starts at (reused from sentence to sentence: most
        // sentences have none).
        QList<bool> &skip = m_skip;
        skip.fill(false, tokens.size());
        markTickerBrackets(tokens, skip);
        // Every token of a run in capitals (of the whole sentence when it
        // shouts) is skipped below: the loop over the runs reads them.
        // The city of a dateline is a name even where the lexicon does not
        // know it ("VAL DORENZ, Switzerland 1996-12-07").
        if (const int cityLast = datelineCityEnd(tokens); cityLast >= 0) {
            const KnownName *known = nullptr;
            const bool exact = knownNameAt(tokens, 0, &known) == cityLast;
            addCandidate(s, 0, cityLast, exact ? known : nullptr, KeepWhole::Yes);
            std::fill(skip.begin(), skip.begin() + cityLast + 1, true);
        }
        const QList<std::pair<int, int>> shoutedRuns = shoutedRunsOf(tokens);
        int i = 0;
        for (const auto &[runFirst, runLast] : shoutedRuns) {
            m_shoutedRuns.append({s, runFirst, runLast});
            // In capitals, only what the lexicon knows is a name here; what
            // the rest of the document names is found later
            // (findNamesInShoutedRuns).
            for (int k = runFirst; k <= runLast; ++k) {
                const KnownName *known = nullptr;
                const int last = skip[k] || !tokens[k].isWord() ? -1 : knownNameAt(tokens, k, &known);
                if (last >= k && last <= runLast) {
                    addCandidate(s, k, last, known);
                    for (; k < last; ++k)
                        skip[k] = true;
                }
                skip[k] = true;
            }
        }
        while (i < tokens.size()) {
            const Token &token = tokens[i];
            if (skip[i] || !token.isWord() || !(token.capitalized || token.mixedCase || token.hasDigit)
                || token.end - token.start > maxNameWordLength) {
                ++i;
                continue;
            }
            if (const int titleEnd = quotedTitleEnd(tokens, i - 1); titleEnd >= i) {
                // "the Netflix series “Orange Is the New Black”": a title in
                // quotation marks next to a product noun is one name.
                addCandidate(s, i, titleEnd, nullptr, KeepWhole::Yes);
                i = titleEnd + 1;
                continue;
            }
            if (startsTitle(tokens, i)) {
                ++i; // "Vice President ...": a title, not a name
                continue;
            }
            if (const int titleLast = titleThrough(tokens, i); titleLast >= i) {
                i = portfolioGoesOn(tokens, titleLast) + 1; // "la ministre des Armées Florence Parly"
                continue;
            }
            if (const int portfolioLast = portfolioFrom(tokens, i); portfolioLast >= i) {
                i = portfolioLast + 1; // "the Minister of Health, Jane Halton"
                continue;
            }
            if (const int expansionLast = expansions.value(i, -1); expansionLast >= 0) {
                addCandidate(s, i, expansionLast, nullptr);
                i = expansionLast + 1;
                continue;
            }
            const KnownName *known = nullptr;
            int last = knownNameAt(tokens, i, &known);
            // "The West Indies": a known name that carries its article ("the
            // West") gives way to a longer one after the article.
            if (last > i && in(Category::Determiner, token)) {
                const KnownName *longer = nullptr;
                if (knownNameAt(tokens, i + 1, &longer) > last) {
                    ++i;
                    continue;
                }
            }
            // "West Indian all-rounder", "the South African rand": a
            // demonym of several words is no name (unless a name goes on
            // from it: "South African Breweries").
            if (last < i + 1) {
                const int demonymLast = demonymFrom(tokens, i);
                if (demonymLast > i && !(demonymLast + 1 < tokens.size() && isNameWord(tokens[demonymLast + 1], true))) {
                    i = demonymLast + 1;
                    continue;
                }
            }
            if (last < 0 && i > 0 && in(Category::Determiner, tokens[i - 1])) {
                // "the West", "the Netherlands": names that carry their article.
                const int withArticle = knownNameAt(tokens, i - 1, &known);
                if (withArticle >= i) {
                    addCandidate(s, i - 1, withArticle, known);
                    i = withArticle + 1;
                    continue;
                }
                known = nullptr;
            }
            if (last < 0 && i > 0) {
                // "au Locle", "du Havre", "aux Sables-d'Olonne": French
                // contracts the article of "Le Locle" with its preposition.
                const QStringView contracted = text(tokens[i - 1]);
                const QString article = contracted == u"au" || contracted == u"du" ? u"le "_s
                    : contracted == u"aux" || contracted == u"des"                ? u"les "_s
                                                                                   : QString();
                if (!article.isEmpty()) {
                    const int nameLast = extendName(tokens, i);
                    if (const KnownName *withArticle = m_lexicon.findKey(article + phraseKey(tokens, i, nameLast), true)) {
                        addCandidate(s, i, nameLast, withArticle);
                        i = nameLast + 1;
                        continue;
                    }
                }
            }
            if (last < 0) {
                if (isNameArticle(tokens, i) && knownNameAt(tokens, i + 1, &known) < 0) {
                    const int nameLast = extendName(tokens, i + 1);
                    addCandidate(s, i, nameLast, nullptr);
                    i = nameLast + 1;
                    continue;
                }
                known = nullptr;
                if (startsSuffixedName(tokens, i)) {
                    // "GMT Capital", "UTC Holdings": a capitalised word that
                    // alone is no name opens one that ends in a company suffix.
                    last = extendName(tokens, i);
                    addCandidate(s, i, last, nullptr);
                    i = last + 1;
                    continue;
                }
                // "Oh-Hyun Kwon": a word that alone is no name ("Oh") opens
                // one when a hyphen ties it to the next.
                const bool hyphenated = token.capitalized && !token.allCaps && i + 2 < tokens.size()
                    && tokens[i + 1].is(m_text, u'-') && !tokens[i + 1].spaceBefore && !tokens[i + 2].spaceBefore
                    && tokens[i + 2].capitalized && isNameWord(tokens[i + 2], false);
                if (!hyphenated && !isNameWord(token, false)) {
                    if (const int nameLast = demonymLedName(tokens, i); nameLast > i) {
                        addCandidate(s, i, nameLast, nullptr);
                        i = nameLast + 1;
                        continue;
                    }
                    ++i;
                    continue;
                }
                last = extendName(tokens, i);
                // "BURN BARRELS", "STRIKE VOTE LOOMS Union members ...": a
                // crosshead, unknown to the lexicon; the word after it
                // opens a clause.
                int shoutedLast = i;
                while (shoutedLast < last && tokens[shoutedLast + 1].allCaps)
                    ++shoutedLast;
                if (isShoutedRun(tokens, i, shoutedLast)) {
                    i = shoutedLast + 1;
                    continue;
                }
                // "R & D": a phrase of stop capitals.
                if (last > i && m_lexicon.containsKey(Category::StopCapital, phraseKey(tokens, i, last))) {
                    i = last + 1;
                    continue;
                }
                // "Series C", "Class B": a single letter alone names no one.
                if (last == i && text(token).size() == 1) {
                    ++i;
                    continue;
                }
                // "Electronics giant Samsung": a sector word alone names no one.
                if (last == i && !token.allCaps && in(Category::OrgSuffix, token) && !in(Category::LegalForm, token)) {
                    ++i;
                    continue;
                }
                // "Eiffage Génie civil SAS": a lower-case word inside a
                // name of two words or more that ends in a legal form.
                if (last > i && last + 2 < tokens.size() && tokens[last + 1].isWord() && !tokens[last + 1].capitalized
                    && !tokens[last + 1].hasDigit && !in(Category::FunctionWord, tokens[last + 1])
                    && tokens[last + 2].allCaps && text(tokens[last + 2]).size() <= 4
                    && in(Category::OrgSuffix, tokens[last + 2]))
                    last += 2;
            } else if (last == i && (known->type == EntityType::Organization || known->type == EntityType::Place)
                       && last + 1 < tokens.size()
                       && ((isNameWord(tokens[last + 1], true) && !startsKnownName(tokens, last + 1)
                            && !startsTitle(tokens, last + 1))
                           || (known->type == EntityType::Place && last + 2 < tokens.size()
                               && tokens[last + 1].is(m_text, u'-') && !tokens[last + 1].spaceBefore
                               && !tokens[last + 2].spaceBefore && isNameWord(tokens[last + 2], true)
                               && !startsKnownName(tokens, last + 2)))) {
                // An organisation or place followed by more name words makes
                // a longer name ("Microsoft Azure", "London Tech Week"; a
                // place a hyphenated one: "Paris-SG", not "Nvidia-Mistral"),
                // unless what follows is known by itself.
                const int extended = extendName(tokens, i);
                if (extended > last) {
                    last = extended;
                    known = nullptr;
                }
            } else if (last > i && (known->type == EntityType::Organization || known->type == EntityType::Place)
                       && last + 1 < tokens.size() && isNameWord(tokens[last + 1], true)
                       && !startsKnownName(tokens, last + 1) && !startsTitle(tokens, last + 1)) {
                // "Wal-Mart Stores Inc.", "New York Mercantile Exchange": a
                // known name of several words goes on into a company's full
                // name ending in a suffix.
                const int extended = extendName(tokens, last + 1);
                if (in(Category::OrgSuffix, tokens[extended])) {
                    last = extended;
                    known = nullptr;
                }
            }
            // A longer name stands whatever its first word is, unless that
            // word opens a known name ("Photo Instagram": an ordinary
            // first word is not part of the known name after it) or is an
            // English participle capitalised nowhere else ("Adding Copper
            // Mountain ...", "Following Tarvolin's results"). Asked in this
            // order, the tagger reads only the words that decide something.
            if (!known && isClauseInitial(tokens, i)
                && (last == i || startsKnownName(tokens, i + 1) || isOpeningParticiple(tokens[i]))
                && !acceptInitialWord(tokens, i)) {
                ++i;
                continue;
            }
            addCandidate(s, i, last, known);
            i = last + 1;
        }
    }

    bool isOpeningParticiple(const Token &token) const
    {
        const QStringView word = text(token);
        return word.size() >= 6 && word.endsWith(u"ing") && !token.allCaps && !in(Category::GivenName, token)
            && !m_capitalizedElsewhere.contains(token.folded());
    }

    // "Vice President J.D. Vance": a capitalised title ends the name before it.
    bool startsTitle(TokenSpan tokens, int i) const
    {
        if (i >= tokens.size() || !tokens[i].isWord() || !m_lexicon.startsEntry(Category::PersonTitle, tokens[i].folded()))
            return false;
        for (int length = m_lexicon.longestEntry(Category::PersonTitle); length >= 2; --length) {
            const QString phrase = phraseAfter(tokens, i, length);
            if (!phrase.isEmpty() && m_lexicon.containsKey(Category::PersonTitle, phrase))
                return true;
        }
        return false;
    }

    static bool isQuotationMark(QStringView mark)
    {
        return mark == u"\"" || mark == u"“" || mark == u"”" || mark == u"«" || mark == u"»";
    }

    // The title in quotation marks that opens at token `open` ("the series
    // “Orange Is the New Black”", "its \"Hunger Games\" films"): a quoted
    // run of capitalised words, with the short lower-case words titles
    // have, next to a product noun (film, series, brand). Returns the
    // title's last token (a comma before the closing mark left out), or -1.
    int quotedTitleEnd(TokenSpan tokens, int open) const
    {
        if (open < 1 || open + 1 >= tokens.size() || !isQuotationMark(text(tokens[open])) || !tokens[open + 1].capitalized)
            return -1;
        constexpr int longestTitle = 10;
        int close = -1;
        for (int j = open + 1; j < tokens.size() && j <= open + longestTitle + 1; ++j) {
            const Token &token = tokens[j];
            if (isQuotationMark(text(token))) {
                close = j;
                break;
            }
            const bool titleWord = token.isWord()
                && (token.capitalized || token.hasDigit || (text(token).size() <= 4 && in(Category::FunctionWord, token)));
            const bool innerMark = token.is(m_text, u'-') || token.is(m_text, u':') || token.is(m_text, u'&')
                || (token.is(m_text, u',') && j + 1 < tokens.size() && isQuotationMark(text(tokens[j + 1])));
            if (!titleWord && !innerMark)
                return -1;
        }
        if (close < 0)
            return -1;
        int last = close - 1;
        while (last > open && !tokens[last].isWord())
            --last;
        if (last <= open)
            return -1;
        const bool nounBefore = tokens[open - 1].isWord() && in(Category::ProductNoun, tokens[open - 1]);
        const bool nounAfter = close + 1 < tokens.size() && tokens[close + 1].isWord() && in(Category::ProductNoun, tokens[close + 1]);
        return nounBefore || nounAfter ? last : -1;
    }

    // "la ministre des Armées Florence Parly", "Secretary of State Warren
    // Christopher", "le secrétaire d'Etat au Numérique": a title phrase
    // that began before token i and takes it in, followed by a name or
    // ending the capitalised words. Returns the title's last token, or -1.
    int titleThrough(TokenSpan tokens, int i) const
    {
        // In tokens: an elided article is one more ("de l'économie").
        const int longest = m_lexicon.longestEntry(Category::PersonTitle) + 2;
        for (int start = i - 1; start >= 0 && start >= i - longest; --start) {
            if (!tokens[start].isWord() || !m_lexicon.startsEntry(Category::PersonTitle, tokens[start].folded()))
                continue;
            for (int length = longest; length >= 2; --length) {
                const int last = start + length - 1;
                if (last < i || last >= tokens.size())
                    continue;
                const QString phrase = phraseAfter(tokens, start, length);
                // Not "le président du Conseil de Quimvel": the title's
                // last word opens an organisation's name.
                if (!phrase.isEmpty() && m_lexicon.containsKey(Category::PersonTitle, phrase)
                    && ((last + 1 < tokens.size() && isNameWord(tokens[last + 1], false)) || extendName(tokens, i) <= last))
                    return last;
            }
        }
        return -1;
    }

    // "the Minister of Health, Jane Halton", "le ministre de l'Agriculture
    // Stéphane Travert", "Commissioner for Trade and Industry": the
    // capitalised words after a portfolio title (portfolio-titles.txt) and
    // "of", "de l'", "au" ... name its portfolio, not an organisation,
    // unless they are a known name or end in an organisation's word.
    // Returns its last token, or -1.
    int portfolioFrom(TokenSpan tokens, int i) const
    {
        int j = i - 1;
        while (j >= 0 && i - j <= 3 && isPortfolioJoiner(tokens[j]))
            --j;
        if (j == i - 1 || j < 0 || !endsPhraseBefore(tokens, j + 1, Category::PortfolioTitle))
            return -1;
        if (startsKnownName(tokens, i))
            return -1;
        const int run = extendName(tokens, i);
        const int last = portfolioEnd(tokens, i, run);
        if (in(Category::OrgSuffix, tokens[last]) || isInstitutionalWord(tokens[last]))
            return -1;
        return last == run ? portfolioGoesOn(tokens, last) : last;
    }

    // "Trade and Industry", "l'Economie et des Finances Jean Arthuis": the
    // portfolio or title ending at `last` goes on after "and" to another
    // portfolio, which ends before a given name or the last two words.
    // Returns its last token, or `last`.
    int portfolioGoesOn(TokenSpan tokens, int last) const
    {
        if (last + 2 >= tokens.size() || !tokens[last + 1].isWord() || !isJoiningWord(text(tokens[last + 1])))
            return last;
        int next = last + 2;
        while (next < tokens.size() && next - last <= 4 && isPortfolioJoiner(tokens[next]))
            ++next;
        // Not "la ministre des Armées et Florence Parly".
        if (next >= tokens.size() || !tokens[next].capitalized || !isNameWord(tokens[next], false)
            || startsKnownName(tokens, next) || in(Category::GivenName, tokens[next]))
            return last;
        return portfolioEnd(tokens, next, extendName(tokens, next));
    }

    bool isPortfolioJoiner(const Token &token) const
    {
        static constexpr QStringView joiners[] = {u"of", u"for", u"the", u"de", u"du", u"des", u"d'", u"d’",
                                                  u"la", u"l'", u"l’", u"au", u"aux", u"à"};
        return token.isWord() && !token.capitalized
            && std::find(std::begin(joiners), std::end(joiners), text(token)) != std::end(joiners);
    }

    // The end of a portfolio among the capitalised words first..last
    // (extendName()): before a given name, or before the last two words of
    // three or more ("Agriculture Paulin Ferrandou", "Homeland Security Jeh
    // Johnson").
    int portfolioEnd(TokenSpan tokens, int first, int last) const
    {
        for (int k = first + 1; k <= last; ++k) {
            if (tokens[k].capitalized && !tokens[k].allCaps && in(Category::GivenName, tokens[k]))
                return k - 1;
        }
        const bool words = std::all_of(tokens.begin() + first, tokens.begin() + last + 1,
                                       [](const Token &token) { return token.isWord(); });
        return words && last - first >= 2 ? last - 2 : last;
    }

    // "the Palestinian Authority", "the French Tennis Federation", "the
    // German Bight": a demonym opens the name of an organisation or place
    // that ends in an organisation's or a place's word. Returns its last
    // token, or -1.
    int demonymLedName(TokenSpan tokens, int i) const
    {
        if (!tokens[i].capitalized || !isDemonym(tokens[i]) || i + 1 >= tokens.size()
            || !isNameWord(tokens[i + 1], true) || startsTitle(tokens, i + 1) || in(Category::PersonTitle, tokens[i + 1]))
            return -1;
        // Not "the French AI start-up": the last word is a word, no acronym.
        const int last = extendName(tokens, i + 1);
        return (isInstitutionalWord(tokens[last]) || in(Category::PlaceNoun, tokens[last])) && !tokens[last].allCaps ? last : -1;
    }

    // The last token of a demonym of two or three words from token i
    // ("West Indian", "Sri Lankans"), or -1.
    int demonymFrom(TokenSpan tokens, int i) const
    {
        if (!tokens[i].isWord() || !m_lexicon.startsLongDemonym(tokens[i].folded()))
            return -1;
        int last = -1;
        for (int end = i + 1; end < tokens.size() && end <= i + 2 && tokens[end].isWord(); ++end) {
            if (!m_lexicon.placeOfDemonymKey(phraseKey(tokens, i, end)).isEmpty())
                last = end;
        }
        return last;
    }

    bool startsSuffixedName(TokenSpan tokens, int i) const
    {
        const Token &token = tokens[i];
        if (!token.isWord() || !token.allCaps || !in(Category::StopCapital, token) || in(Category::FunctionWord, token)
            || in(Category::PersonTitle, token) || i + 1 >= tokens.size() || !isNameWord(tokens[i + 1], true))
            return false;
        const int last = extendName(tokens, i);
        return last > i && in(Category::OrgSuffix, tokens[last]);
    }

    bool startsKnownName(TokenSpan tokens, int i) const
    {
        const KnownName *known = nullptr;
        return knownNameAt(tokens, i, &known) >= 0;
    }

    bool startsKnownName(TokenSpan tokens, int i, EntityType type) const
    {
        const KnownName *known = nullptr;
        return knownNameAt(tokens, i, &known) >= 0 && known->type == type;
    }

    // The universal part of speech the tagger gives the word that opens a
    // clause at token i, read as the first word of a sentence (after a
    // colon or a quotation mark too: "Cryptopolitan Academy: Want to ..."
    // is no name); empty without a syntax model for the document's
    // language. The tagger's features read two words either side and the
    // tags before, so the three words from i on decide.
    QString clauseInitialPartOfSpeech(TokenSpan tokens, int i) const
    {
        const TokenSpan clause(tokens.begin() + i, std::min<qsizetype>(3, tokens.size() - i));
        return m_syntax.firstPartOfSpeech(m_text, clause, m_language);
    }

    // From token i: a small number then a capitalised word (a result:
    // "0 Wexham United 3"), or four numbers or more (a standings row).
    bool resultsOrStandingsFrom(TokenSpan tokens, int i) const
    {
        int numbers = 0;
        while (i + numbers < tokens.size() && tokens[i + numbers].kind == Token::Kind::Number)
            ++numbers;
        if (numbers >= 4)
            return true;
        return numbers == 1 && text(tokens[i]).size() <= 3 && i + 1 < tokens.size() && tokens[i + 1].capitalized
            && isNameWord(tokens[i + 1], false);
    }

    // A capitalised first word is a name only with support: the lexicon,
    // the same word capitalised mid-sentence elsewhere, a name's shape, or
    // the tagger reading it as a proper noun in its sentence.
    bool acceptInitialWord(TokenSpan tokens, int i)
    {
        const Token &token = tokens[i];
        if (token.allCaps || token.mixedCase || token.hasDigit)
            return true;
        if (in(Category::SpeakerNoun, token))
            return false; // "Police said", "Officials told"
        if (in(Category::SportsWord, token) && !m_capitalizedElsewhere.contains(token.folded()))
            return false; // "Tennis: Pete Varnell (U.S.) beat ...", "Striker"
        if (m_capitalizedElsewhere.contains(token.folded()) || in(Category::GivenName, token))
            return true;
        // A word alone is a heading ("Background", "Reaction.").
        const int next = i + 1;
        if (std::none_of(tokens.begin() + next, tokens.end(),
                         [](const Token &t) { return t.isWord() || t.kind == Token::Kind::Number; }))
            return false;
        // "les fonds historiques : Daphni, Aglaé Ventures, ...": the first
        // member of a list of names after a colon.
        if (i > 0 && tokens[i - 1].is(m_text, u':') && tokens[next].is(m_text, u',') && next + 1 < tokens.size()
            && isNameWord(tokens[next + 1], false) && !isClauseInitial(tokens, next + 1))
            return true;
        // "Castlebury 0 Wexham United 3", "Castlebury 5 0 2 3 3 9 2": a
        // results or standings line of a sports report opens on a team.
        if (tokens[next].kind == Token::Kind::Number && isSportsReport() && resultsOrStandingsFrom(tokens, next))
            return true;
        // "Quellmore beat Dunmore 40-3": who beats or draws in a sports
        // report is a team or a player.
        if (startsPhrase(tokens, next, Category::SportsResult) && isSportsReport())
            return true;
        // What only a name is followed by: a possessive ("Zorvex's"), a
        // title ("Zorvex CEO ...") or an age ("Brenvold, 24, scored").
        if (tokens[next].kind == Token::Kind::Possessive || (tokens[next].is(m_text, u',') && statesAge(tokens, next + 1, true))
            || (tokens[next].isWord() && in(Category::PersonTitle, tokens[next]) && !in(Category::FunctionWord, tokens[next]))
            || startsTitle(tokens, next))
            return true;
        // "Fighting continued near the border" against "Barrick rose 3%":
        // the tagger weighs the word's form and the words around it as
        // the cues above cannot (on English-EWT's test set it tells a
        // sentence-initial proper noun from any other capitalised first
        // word right 97% of the time). It takes words it never saw for
        // proper nouns more readily than it should ("Homeopathy is",
        // "Cyclones gather"): one the document also writes in lower case
        // is a common word. A verb of speech after the word ("Zorvex
        // said") counts only where the tagger cannot tell, for
        // "continued", "added" or "noted" are said of things too.
        const QString tag = clauseInitialPartOfSpeech(tokens, i);
        if (!tag.isEmpty() && tag != u"X" && tag != u"SYM")
            return tag == u"PROPN" && !writtenInLowerCase(token.folded());
        return startsPhrase(tokens, next, Category::SpeechVerb);
    }

    int extendName(TokenSpan tokens, int first) const
    {
        int last = first;
        // Not "Customers of Kelpwise Energy": a common noun of organisations
        // opening a sentence opens no institution's name.
        bool institutional = isInstitutionalWord(tokens[first])
            && !(isClauseInitial(tokens, first) && !in(Category::OrgSuffix, tokens[first])
                 && !in(Category::InstitutionNoun, tokens[first]) && !in(Category::EventNoun, tokens[first]));
        bool ofComplement = false; // "Association of ...": an institution's complement has begun
        int i = first + 1;
        while (i < tokens.size()) {
            const Token &token = tokens[i];
            if (isNameWord(token, true) && !startsTitle(tokens, i)) {
                last = i;
                institutional = institutional || isInstitutionalWord(token);
                ++i;
                continue;
            }
            // "Bruno Le Maire": after a given name, a capitalised particle
            // opens the surname even when the word after it is also a title.
            if (i + 1 < tokens.size() && last == first && token.isWord() && token.capitalized
                && in(Category::GivenName, tokens[first]) && isSurnameParticle(text(token))
                && tokens[i + 1].isWord() && tokens[i + 1].capitalized && !tokens[i + 1].allCaps
                && in(Category::PersonTitle, tokens[i + 1]) && !in(Category::FunctionWord, tokens[i + 1])) {
                last = i + 1;
                i += 2;
                continue;
            }
            // "Boulogne-sur-Mer", "Saint-Germain-en-Laye", "Quenvaro-lès-Bains":
            // a lower-case word tied by hyphens on both sides inside a
            // French place name.
            if (i + 3 < tokens.size() && token.is(m_text, u'-') && !token.spaceBefore && tokens[i + 1].isWord()
                && !tokens[i + 1].spaceBefore && !tokens[i + 1].capitalized && isHyphenatedPlaceWord(text(tokens[i + 1]))
                && tokens[i + 2].is(m_text, u'-') && !tokens[i + 2].spaceBefore && !tokens[i + 3].spaceBefore
                && isNameWord(tokens[i + 3], true)) {
                last = i + 3;
                i += 4;
                continue;
            }
            // "Abdallah Salem el-Badri", "Bashar al-Assad": the Arabic
            // article tied by a hyphen to the surname.
            if (i + 2 < tokens.size() && token.isWord() && (text(token) == u"al" || text(token) == u"el")
                && tokens[i + 1].is(m_text, u'-') && !tokens[i + 1].spaceBefore && !tokens[i + 2].spaceBefore
                && isNameWord(tokens[i + 2], true)) {
                last = i + 2;
                i += 3;
                continue;
            }
            // Joiners need a name word right after them.
            if (i + 1 < tokens.size() && isNameWord(tokens[i + 1], true)) {
                const QStringView word = text(token);
                const bool hyphen = token.is(m_text, u'-') && !token.spaceBefore && !tokens[i + 1].spaceBefore;
                const bool ampersand = token.is(m_text, u'&');
                // "Dominique D’Hinnin", "Pierre D'Arcy": a capitalised
                // elided "D’" inside a name is part of the surname.
                const bool elidedParticle = token.elision && token.capitalized && token.spaceBefore
                    && !tokens[i + 1].spaceBefore;
                // "le site de Lorient de Naval Group": a particle does not
                // join a known organisation to the name before it (the
                // place is the organisation's, not part of its name); nor
                // a known place to a company's ("l'usine Brivalto de
                // Quimperlé"), unlike a person's ("Pierre de Montreuil") or
                // an institution's ("Banque de France").
                const bool particle = token.isWord() && !token.capitalized && isNameParticle(word)
                    && !startsKnownName(tokens, i + 1, EntityType::Organization)
                    && (institutional || in(Category::GivenName, tokens[first])
                        || !startsKnownName(tokens, i + 1, EntityType::Place));
                const bool joiner = token.isWord() && institutional && isInstitutionalJoiner(word);
                // "Marine Le Pen", "Quentin Le Brouster": a capitalised
                // particle after a given name opens the surname.
                const bool surnameParticle = token.isWord() && token.capitalized && last == first
                    && in(Category::GivenName, tokens[first]) && isSurnameParticle(word);
                if (hyphen || ampersand || particle || joiner || surnameParticle || elidedParticle) {
                    last = i + 1;
                    institutional = institutional || isInstitutionalWord(tokens[i + 1]);
                    ofComplement = ofComplement || joiner;
                    i += 2;
                    continue;
                }
            }
            // "International Association of Machinists and Aerospace
            // Workers", "Department of Health and Human Services": an
            // institution's complement goes on through "and" into a plural
            // or another institutional word, never into a known name or a
            // person's ("the Ministry of Defence and Quarnell Freight").
            if (ofComplement && token.isWord() && text(token) == u"and" && i + 1 < tokens.size()
                && isNameWord(tokens[i + 1], true) && !startsKnownName(tokens, i + 1) && !in(Category::GivenName, tokens[i + 1])) {
                int tailLast = i + 1;
                while (tailLast + 1 < tokens.size() && isNameWord(tokens[tailLast + 1], true) && !startsTitle(tokens, tailLast + 1))
                    ++tailLast;
                const Token &tail = tokens[tailLast];
                if (!tail.allCaps && (text(tail).endsWith(u's') || isInstitutionalWord(tail))) {
                    last = tailLast;
                    i = tailLast + 1;
                    continue;
                }
            }
            break;
        }
        // Names do not end on a particle or joiner; they may end on "Co." etc.
        return last;
    }

    static bool isHyphenatedPlaceWord(QStringView word)
    {
        return word == u"sur" || word == u"sous" || word == u"en" || word == u"lès" || word == u"lez" || word == u"le"
            || word == u"la" || word == u"les" || word == u"de" || word == u"du" || word == u"des" || word == u"aux"
            || word == u"au" || word == u"et";
    }

    // Is this (folded) word an organisation's name on its own, by the lexicon
    // or by the document ("Mistral" beside "Mistral AI")?
    bool isOrganisationWord(const QString &word) const
    {
        if (const KnownName *known = m_lexicon.findKey(word, true))
            return known->type == EntityType::Organization;
        return m_organisationWords.contains(word);
    }

    bool isInstitutionalWord(const Token &token) const
    {
        return in(Category::OrgSuffix, token) || in(Category::EventNoun, token) || in(Category::OrgNoun, token);
    }

    // A title in quotation marks stays one name even where known names
    // make it up ("Orange Fields of the West").
    enum class KeepWhole { No, Yes };

    void addCandidate(int s, int first, int last, const KnownName *known, KeepWhole keepWhole = KeepWhole::No)
    {
        const TokenSpan tokens = m_tokens[s];
        Mention mention;
        mention.sentence = s;
        mention.first = first;
        mention.last = last;
        mention.known = known;
        mention.start = tokens[first].start;
        mention.end = tokens[last].end;
        // "Co." and "Inc." keep their period.
        if (last + 1 < tokens.size() && tokens[last + 1].is(m_text, u'.') && !tokens[last + 1].spaceBefore
            && in(Category::OrgSuffix, tokens[last]) && last + 2 < tokens.size()) {
            mention.end = tokens[last + 1].end;
        }
        int keyEnd = mention.end;
        // "Viva Tech 2025 conference": the edition year belongs to the surface, not the name.
        int after = last + 1;
        if (!known && after < tokens.size() && tokens[after].kind == Token::Kind::Number && isYear(text(tokens[after]))
            && (spanHas(tokens, first, last, Category::EventNoun)
                || (after + 1 < tokens.size() && in(Category::EventNoun, tokens[after + 1])))) {
            mention.end = tokens[after].end;
            mention.last = after;
            ++after;
        }
        // "During London Tech week": a lower-case event noun right after a
        // name with no article before it is part of the name (but not after
        // an edition year: "Glimmerfest 2024 conference").
        if (!known && mention.last == last && after < tokens.size() && !tokens[after].capitalized && in(Category::EventNoun, tokens[after])
            && !(first > 0 && in(Category::Determiner, tokens[first - 1]))) {
            mention.end = tokens[after].end;
            mention.last = after;
            keyEnd = mention.end;
        }
        int keyLast = mention.last;
        while (keyLast > first && tokens[keyLast].end > keyEnd)
            --keyLast;
        mention.key = shared(phraseKey(tokens, first, std::min(keyLast, int(tokens.size()) - 1)));
        for (int i = first; i <= std::min(last, int(tokens.size()) - 1); ++i) {
            if (tokens[i].isWord() && tokens[i].start < keyEnd) {
                if (mention.wordCount++ == 0)
                    mention.firstWord = i;
                mention.lastWord = i;
            }
        }
        if (mention.key.isEmpty())
            return;

        // A compound the text strings together ("Instagram VivaTech",
        // "Nvidia Blackwell") is two names when both halves are known.
        if (!known && keepWhole == KeepWhole::No && splitKnownHalves(s, first, last))
            return;
        m_mentions.append(mention);
    }

    bool splitKnownHalves(int s, int first, int last)
    {
        const TokenSpan tokens = m_tokens[s];
        if (splitAtHyphens(s, first, last))
            return true;
        QList<std::pair<int, int>> parts;
        int knownParts = 0;
        int i = first;
        int unknownStart = -1;
        while (i <= last) {
            const KnownName *known = nullptr;
            const int end = tokens[i].isWord() ? knownNameAt(tokens, i, &known) : -1;
            if (end >= 0 && end <= last) {
                if (unknownStart >= 0)
                    parts.append({unknownStart, i - 1});
                unknownStart = -1;
                parts.append({i, end});
                ++knownParts;
                i = end + 1;
            } else {
                if (unknownStart < 0)
                    unknownStart = i;
                ++i;
            }
        }
        if (unknownStart >= 0)
            parts.append({unknownStart, last});
        if (knownParts < 2)
            return false;
        for (const auto &[partFirst, partLast] : parts) {
            int a = partFirst, b = partLast;
            while (a <= b && !isNameWord(tokens[a], false))
                ++a;
            while (b >= a && !tokens[b].isWord())
                --b;
            if (a > b)
                continue;
            const KnownName *known = nullptr;
            const int end = knownNameAt(tokens, a, &known);
            addCandidate(s, a, b, end == b ? known : nullptr);
        }
        return true;
    }

    // "GDF Suez-Areva": where two known names are joined by a hyphen, the
    // hyphen is the seam, not the space inside "GDF Suez" (whose "Suez"
    // alone is known). Splits only when a hyphen-separated part is known
    // whole and another part holds a known name too.
    bool splitAtHyphens(int s, int first, int last)
    {
        const TokenSpan tokens = m_tokens[s];
        QList<std::pair<int, int>> parts;
        int partFirst = first;
        for (int i = first + 1; i < last; ++i) {
            if (tokens[i].is(m_text, u'-') && !tokens[i].spaceBefore && !tokens[i + 1].spaceBefore) {
                parts.append({partFirst, i - 1});
                partFirst = i + 1;
            }
        }
        if (parts.isEmpty())
            return false;
        parts.append({partFirst, last});
        int wholeKnown = 0, holdingKnown = 0;
        for (const auto &[a, b] : parts) {
            const KnownName *known = nullptr;
            if (knownNameAt(tokens, a, &known) == b)
                ++wholeKnown;
            else {
                for (int i = a; i <= b; ++i) {
                    if (tokens[i].isWord() && knownNameAt(tokens, i, &known) >= 0 && knownNameAt(tokens, i, &known) <= b) {
                        ++holdingKnown;
                        break;
                    }
                }
            }
        }
        if (wholeKnown == 0 || wholeKnown + holdingKnown < 2)
            return false;
        for (const auto &[a, b] : parts) {
            const KnownName *known = nullptr;
            const int end = knownNameAt(tokens, a, &known);
            addCandidate(s, a, b, end == b ? known : nullptr);
        }
        return true;
    }

    bool spanHas(TokenSpan tokens, int first, int last, Category category) const
    {
        for (int i = first; i <= last; ++i) {
            if (in(category, tokens[i]))
                return true;
        }
        return false;
    }

    // --- typing ---------------------------------------------------------

    // "National League for Democracy", "Bank of Ireland", "Ministry of
    // Defence": an organisation word right before "of", "for" or "on"
    // inside a name.
    bool institutionBeforeJoiner(TokenSpan tokens, int first, int last) const
    {
        for (int i = first + 1; i < last; ++i) {
            if (tokens[i].isWord() && !tokens[i].capitalized && isInstitutionalJoiner(text(tokens[i]))
                && tokens[i - 1].capitalized && in(Category::OrgSuffix, tokens[i - 1]))
                return true;
        }
        return false;
    }

    // Does an event noun make the name tokens[first..last] an event's? A
    // word that sports reports use for competitions and that also ends
    // organisations' names ("League", "Championnat") does only in a sports
    // report: "Champions League" there, "Arab League" and "National League
    // for Democracy" elsewhere.
    bool namesEvent(TokenSpan tokens, int first, int last) const
    {
        for (int i = first; i <= last; ++i) {
            if (in(Category::EventNoun, tokens[i])
                && (!in(Category::SportsWord, tokens[i]) || !in(Category::OrgSuffix, tokens[i]) || isSportsReport()))
                return true;
        }
        return false;
    }

    // Single words that name an organisation in this document: those that
    // stand alone as a name and also begin a longer name ending in an
    // organisation suffix ("Mistral" and "Mistral AI").
    void noteOrganisationWords()
    {
        for (const Mention &mention : std::as_const(m_mentions)) {
            if (mention.wordCount >= 2 && m_lexicon.containsKey(Category::OrgSuffix, lastWord(mention)))
                m_organisationWords.insert(firstWord(mention));
            else if (const QString name = surface(mention); name.contains(u' '))
                m_lastNameWords.insert(foldName(QStringView(name).sliced(name.lastIndexOf(u' ') + 1)));
        }
    }

    // The words before token i, skipping nothing: up to `count` of them.
    QString phraseBefore(TokenSpan tokens, int i, int count) const
    {
        if (i - count < 0)
            return {};
        for (int k = i - count; k < i; ++k) {
            if (!tokens[k].isWord())
                return {};
        }
        return phraseKey(tokens, i - count, i - 1);
    }

    // The words from token i on, `count` of them, folded; empty if not all words.
    QString phraseAfter(TokenSpan tokens, int i, int count) const
    {
        if (i < 0 || i + count > tokens.size())
            return {};
        for (int k = i; k < i + count; ++k) {
            // Words, and hyphens inside a word ("P-DG", "vice-président").
            const bool innerHyphen = k > i && k + 1 < i + count && tokens[k].is(m_text, u'-') && !tokens[k].spaceBefore
                && !tokens[k + 1].spaceBefore;
            if (!tokens[k].isWord() && !innerHyphen)
                return {};
        }
        return phraseKey(tokens, i, i + count - 1);
    }

    // Does a phrase of `category` start at token i ("said", "a déclaré")?
    bool startsPhrase(TokenSpan tokens, int i, Category category) const
    {
        return phraseLengthAt(tokens, i, category) > 0;
    }

    // The tokens of the longest phrase of `category` starting at token i;
    // 0 for none.
    int phraseLengthAt(TokenSpan tokens, int i, Category category) const
    {
        if (i >= tokens.size() || !tokens[i].isWord() || tokens[i].capitalized
            || !m_lexicon.startsEntry(category, tokens[i].folded()))
            return 0;
        for (int length = m_lexicon.longestEntry(category); length >= 1; --length) {
            const QString phrase = phraseAfter(tokens, i, length);
            if (!phrase.isEmpty() && m_lexicon.containsKey(category, phrase))
                return length;
        }
        return 0;
    }

    // A percentage within the first few tokens from i: "3 percent", "as
    // much as 4.5%", "de 2,5 %", "by 12 per cent". The first number
    // decides ("rose 3 places to 12%" is no percentage rise).
    bool percentageSoonAfter(TokenSpan tokens, int i) const
    {
        for (int k = i; k < std::min<int>(tokens.size() - 1, i + 4); ++k) {
            if (tokens[k].kind != Token::Kind::Number)
                continue;
            const Token &unit = tokens[k + 1];
            const QStringView word = text(unit);
            if (unit.is(m_text, u'%') || word == u"percent" || word == u"pct")
                return true;
            const QString two = phraseAfter(tokens, k + 1, 2);
            return two == u"per cent" || two == u"pour cent";
        }
        return false;
    }

    // "Norilsk shares", "Barrick rose 3 percent", "Norilsk's shares fell
    // 4.5%", "Vorlanne recule de 4 %": a name whose shares trade or whose
    // price moves by a percentage is a listed company's. `next` is the
    // token after the name.
    bool tradesOnTheMarket(TokenSpan tokens, int next) const
    {
        const int possessive = next < tokens.size() && tokens[next].kind == Token::Kind::Possessive ? 1 : 0;
        const int security = phraseLengthAt(tokens, next + possessive, Category::SecurityNoun);
        if (security > 0 && possessive == 0)
            return true; // "Arnault's shares" may be a person's
        if (security > 0)
            next += possessive + security;
        const int move = phraseLengthAt(tokens, next, Category::MarketMove);
        return move > 0 && percentageSoonAfter(tokens, next + move);
    }

    // Agency news opens on a dateline: the city in capitals, maybe the
    // country or region, then the date or the agency ("MARNEVILLE,
    // Valdoria 1996-12-06", "JOHANNESBURG 1996-08-22", "PARIS, Dec 6
    // (AFP) -", "LONDON (Reuters) -"). Both names there are places,
    // whatever a club or company of the same name. Only a city in
    // capitals counts: a headline ("SOCCER - JAPAN GET LUCKY WIN") has no
    // date or agency after its words.
    bool inDateline(TokenSpan tokens, int first, int last) const
    {
        // Tokens 0..end are words in capitals (and the hyphens of "AL-AIN").
        const auto shoutedFromStart = [&](int end) {
            if (end < 0 || !tokens[0].isWord())
                return false;
            for (int k = 0; k <= end; ++k) {
                if (tokens[k].isWord() ? !tokens[k].allCaps : !tokens[k].is(m_text, u'-'))
                    return false;
            }
            return true;
        };
        if (first == 0) {
            if (!shoutedFromStart(last))
                return false;
            if (datelineEndAt(tokens, last + 1))
                return true;
            // "PARIS, Dec 6 (AFP)", "AL-AIN, United Arab Emirates 1996-12-06"
            if (last + 1 < tokens.size() && tokens[last + 1].is(m_text, u',')) {
                if (datelineEndAt(tokens, last + 2))
                    return true;
                int end = last + 2;
                while (end < tokens.size() && tokens[end].isWord() && tokens[end].capitalized)
                    ++end;
                return end > last + 2 && datelineEndAt(tokens, end);
            }
            return false;
        }
        return first >= 2 && tokens[first - 1].is(m_text, u',') && shoutedFromStart(first - 2)
            && datelineEndAt(tokens, last + 1);
    }

    // The last token of the city a sentence opens on when it opens on a
    // dateline, else -1.
    int datelineCityEnd(TokenSpan tokens) const
    {
        int last = -1;
        for (int k = 0; k < tokens.size(); ++k) {
            if (tokens[k].isWord() && tokens[k].allCaps && !tokens[k].hasDigit)
                last = k;
            else if (!(tokens[k].is(m_text, u'-') && last == k - 1 && !tokens[k].spaceBefore))
                break;
        }
        return last >= 0 && inDateline(tokens, 0, last) ? last : -1;
    }

    // What ends a dateline at token k: a date ("1996-12-06", "Dec 6",
    // "6 December": months are stop capitals) or the agency in brackets
    // ("(Reuters)").
    bool datelineEndAt(TokenSpan tokens, int k) const
    {
        if (k >= tokens.size())
            return false;
        const Token &token = tokens[k];
        const auto month = [&](int j) {
            return j < tokens.size() && tokens[j].isWord() && tokens[j].capitalized && in(Category::StopCapital, tokens[j]);
        };
        const auto day = [&](int j) {
            return j < tokens.size() && tokens[j].kind == Token::Kind::Number && text(tokens[j]).size() <= 2;
        };
        if (token.kind == Token::Kind::Number && text(token).size() == 4 && k + 1 < tokens.size()
            && tokens[k + 1].is(m_text, u'-') && !tokens[k + 1].spaceBefore)
            return true;
        if ((month(k) && (day(k + 1) || (k + 2 < tokens.size() && tokens[k + 1].is(m_text, u'.') && day(k + 2))))
            || (day(k) && month(k + 1)))
            return true;
        if (token.is(m_text, u'(') && k + 2 < tokens.size() && tokens[k + 2].is(m_text, u')')) {
            const KnownName *agency = nullptr;
            return knownNameAt(tokens, k + 1, &agency) == k + 1 && agency->type == EntityType::Organization;
        }
        return false;
    }

    // Does a phrase of `category` end right before token i ("start-up",
    // "defense group")?
    bool endsPhraseBefore(TokenSpan tokens, int i, Category category) const
    {
        const int longest = m_lexicon.longestEntry(category) * 2 + 1; // words and hyphens
        for (int length = 1; length <= longest && i - length >= 0; ++length) {
            if (!tokens[i - length].isWord() && !tokens[i - length].is(m_text, u'-'))
                break;
            // Only a word an entry starts with can begin the phrase: no key
            // is built for the others.
            if (m_lexicon.startsEntry(category, tokens[i - length].folded())
                && m_lexicon.containsKey(category, phraseKey(tokens, i - length, i - 1)))
                return true;
        }
        return false;
    }

    // A person title ending right before token i ("CEO", "chief executive",
    // "Vice President", "Mr.", "Son PDG, Paulin ...", "l'attaquant
    // brésilien Sonny Anderson"), as the index of its first token, or -1.
    int titleBefore(TokenSpan tokens, int i) const
    {
        int j = i;
        if (j > 0 && (tokens[j - 1].is(m_text, u'.') || tokens[j - 1].is(m_text, u',')))
            --j; // "Mr." / "M." / "PDG, Paulin"
        else if (j > 1 && !tokens[j - 1].capitalized && isDemonym(tokens[j - 1]))
            --j; // French puts the nationality after the title
        for (int length = m_lexicon.longestEntry(Category::PersonTitle); length >= 1; --length) {
            if (j - length < 0 || !m_lexicon.startsEntry(Category::PersonTitle, tokens[j - length].folded()))
                continue;
            const QString phrase = phraseBefore(tokens, j, length);
            if (!phrase.isEmpty() && m_lexicon.containsKey(Category::PersonTitle, phrase))
                return j - length;
        }
        return -1;
    }

    // "L'entraîneur de Lyon, Paulin Ferrandou, a salué", "the chief
    // executive of Kelpwise, Maren Oddvik, said": a name set off by commas
    // after a title and the organisation it is of. Not a member of a list
    // ("the owners of Kelpwise, Tarvolin Freight, Brivalto and ...").
    bool titledOrganisationBefore(int index, TokenSpan tokens) const
    {
        const Mention &m = m_mentions[index];
        if (index == 0 || m.first < 1 || !tokens[m.first - 1].is(m_text, u','))
            return false;
        const Mention &before = m_mentions[index - 1];
        if (before.sentence != m.sentence || before.last != m.first - 2 || before.first < 2)
            return false;
        if (!isOfWord(text(tokens[before.first - 1])) || titleBefore(tokens, before.first - 1) < 0)
            return false;
        const int next = m.last + 1;
        if (next >= tokens.size())
            return false;
        const int word = tokens[next].is(m_text, u',') ? next + 1 : next;
        return word < tokens.size() && tokens[word].isWord() && !tokens[word].capitalized
            && !isJoiningWord(text(tokens[word]));
    }

    // The type the first English pronoun after a verb of speech gives its
    // speaker (he, his → person; its, it → organisation), looking past
    // adverbs and dates ("said on Monday its ..."), not past another name;
    // PLACE for none. `it` may be no one's ("said it was a good year"):
    // *maybeExpletive says so.
    EntityType speakerPronounType(TokenSpan tokens, int from, bool *maybeExpletive) const
    {
        for (int i = from; i < tokens.size() && i < from + 6; ++i) {
            const Token &token = tokens[i];
            if (token.kind == Token::Kind::Punctuation && !token.is(m_text, u','))
                break;
            if (!token.isWord())
                continue;
            if (token.capitalized && !in(Category::StopCapital, token))
                break;
            const QStringView word = text(token);
            if (word == u"he" || word == u"she" || word == u"his" || word == u"her")
                return EntityType::Person;
            if (word == u"it" || word == u"its") {
                *maybeExpletive = word == u"it";
                return EntityType::Organization;
            }
        }
        return EntityType::Place;
    }

    // A results line: a rank before the name ("2.", "25") or a number
    // right after the bracket that follows it ("(U.S.) 1:48.02").
    bool resultsLineAround(const Mention &m, TokenSpan tokens) const
    {
        int before = m.first - 1;
        if (before >= 0 && tokens[before].is(m_text, u'.'))
            --before;
        if (before >= 0 && tokens[before].kind == Token::Kind::Number && (before == 0 || tokens[before - 1].kind == Token::Kind::Punctuation))
            return true;
        for (int i = m.last + 1; i < tokens.size() && i <= m.last + 8; ++i) {
            if (tokens[i].is(m_text, u')'))
                return i + 1 < tokens.size() && tokens[i + 1].kind == Token::Kind::Number;
        }
        return false;
    }

    // --- text in capitals ---------------------------------------------------

    // Headlines, crossheads and tables in capitals ("SOCCER - LYON BEAT
    // LILLE IN CUP CLASH"): capitals say nothing there, so a run of three
    // words in capitals or more, two of them of four letters or more, is
    // read apart (the whole sentence when it shouts). Returns the runs as
    // first and last token.
    QList<std::pair<int, int>> shoutedRunsOf(TokenSpan tokens) const
    {
        QList<std::pair<int, int>> runs;
        if (isShouting(tokens)) {
            if (!tokens.isEmpty())
                runs.append({0, int(tokens.size()) - 1});
            return runs;
        }
        int first = -1;
        int last = -1;
        int words = 0;
        int longWords = 0;
        const auto close = [&] {
            if (words >= 3 && longWords >= 2)
                runs.append({first, last});
            first = last = -1;
            words = longWords = 0;
        };
        for (int i = 0; i < tokens.size(); ++i) {
            const Token &token = tokens[i];
            if (token.isWord() && token.allCaps && !token.hasDigit) {
                if (first < 0)
                    first = i;
                last = i;
                ++words;
                longWords += token.end - token.start >= 4;
            } else if (!(token.kind == Token::Kind::Punctuation && !token.is(m_text, u'(') && !token.is(m_text, u')'))) {
                close();
            }
        }
        close();
        return runs;
    }

    // The names of a run in capitals: the longest stretches that the rest
    // of the document names ("REAL MADRID" after "Real Madrid"), compared
    // folded. Keeps m_mentions in text order.
    void findNamesInShoutedRuns()
    {
        if (m_shoutedRuns.isEmpty())
            return;
        QSet<QString> named;
        int longest = 0;
        for (const Mention &mention : std::as_const(m_mentions)) {
            if (mention.known == nullptr && !mention.key.isEmpty()) {
                named.insert(mention.key);
                longest = std::max(longest, mention.last - mention.first + 1);
            }
        }
        if (named.isEmpty())
            return;
        // The tokens the lexicon's names already cover, as sentence << 32 | token.
        QSet<quint64> covered;
        for (const Mention &mention : std::as_const(m_mentions)) {
            for (int i = mention.first; i <= mention.last; ++i)
                covered.insert(quint64(mention.sentence) << 32 | quint32(i));
        }
        const qsizetype before = m_mentions.size();
        for (const ShoutedRun &run : std::as_const(m_shoutedRuns)) {
            const TokenSpan tokens = m_tokens[run.sentence];
            for (int i = run.first; i <= run.last; ++i) {
                if (!tokens[i].isWord() || covered.contains(quint64(run.sentence) << 32 | quint32(i)))
                    continue;
                for (int last = std::min(run.last, i + longest - 1); last >= i; --last) {
                    if (tokens[last].isWord() && named.contains(phraseKey(tokens, i, last))) {
                        addCandidate(run.sentence, i, last, nullptr, KeepWhole::Yes);
                        i = last;
                        break;
                    }
                }
            }
        }
        if (m_mentions.size() > before) {
            std::stable_sort(m_mentions.begin(), m_mentions.end(), [](const Mention &a, const Mention &b) {
                return a.sentence != b.sentence ? a.sentence < b.sentence : a.first < b.first;
            });
        }
    }

    // --- sports -----------------------------------------------------------

    // "2-1", "3-0": a score, one token or three.
    bool isScore(TokenSpan tokens, int i) const
    {
        const auto small = [this](const Token &token) {
            return token.kind == Token::Kind::Number && text(token).size() <= 2;
        };
        if (tokens[i].kind == Token::Kind::Number) {
            const QStringView word = text(tokens[i]);
            const qsizetype dash = word.indexOf(u'-');
            if (dash > 0 && dash <= 2 && word.size() - dash - 1 >= 1 && word.size() - dash - 1 <= 2)
                return true;
        }
        // Not the month and day of a date ("1996-08-30").
        const auto joinedDash = [&](int k) {
            return k >= 0 && k < tokens.size() && tokens[k].is(m_text, u'-') && !tokens[k].spaceBefore;
        };
        return i + 2 < tokens.size() && small(tokens[i]) && joinedDash(i + 1) && !tokens[i + 2].spaceBefore
            && small(tokens[i + 2]) && !(joinedDash(i - 1) && !tokens[i].spaceBefore)
            && !(joinedDash(i + 3) && i + 4 < tokens.size() && !tokens[i + 4].spaceBefore);
    }

    // A sports report: three sports words (sports-words.txt), or a score
    // and one. Only there does a city's name stand for its club. Read once,
    // and only when a city's name first sits next to a result or a role.
    bool isSportsReport() const
    {
        if (m_sportsReport)
            return *m_sportsReport;
        int words = 0;
        int scores = 0;
        m_sportsReport = false;
        for (int s = 0; s < m_tokens.size(); ++s) {
            const TokenSpan tokens = m_tokens[s];
            for (int i = 0; i < tokens.size(); ++i) {
                if (tokens[i].isWord() && in(Category::SportsWord, tokens[i]))
                    ++words;
                else if (isScore(tokens, i))
                    ++scores;
            }
            if (words >= 3 || (scores >= 1 && words >= 1) || scores >= 2) {
                m_sportsReport = true;
                break;
            }
        }
        return *m_sportsReport;
    }

    // "Lyon beat Lille 2-1", "drew with Leeds", "Liverpool's manager",
    // "Liverpool striker X", "l'entraîneur de Lyon", "Barcelona 2 Valencia
    // 1": in a sports report, a result or a team role next to a city's name
    // makes it the club's (never a country's: national teams keep the
    // country's name and type, as the CoNLL conventions do).
    bool namesTeam(const Mention &m, TokenSpan tokens) const
    {
        if (!m.known || m.known->type != EntityType::Place || !(m.known->subtype == u"city" || m.known->subtype.isEmpty()))
            return false;
        return nextToResultOrRole(m, tokens) && isSportsReport();
    }

    bool nextToResultOrRole(const Mention &m, TokenSpan tokens) const
    {
        const int next = m.last + 1;
        if (next < tokens.size()) {
            if (startsPhrase(tokens, next, Category::SportsResult) || startsPhrase(tokens, next, Category::SportsWord))
                return true;
            if (tokens[next].kind == Token::Kind::Possessive && startsPhrase(tokens, next + 1, Category::SportsWord))
                return true;
            if (tokens[next].kind == Token::Kind::Number && text(tokens[next]).size() <= 2 && next + 1 < tokens.size()
                && tokens[next + 1].capitalized)
                return true;
        }
        if (m.first > 0 && endsPhraseBefore(tokens, m.first, Category::SportsResult))
            return true;
        // "Liverpool 3 Middlesbrough 3": the second team of a results line.
        if (m.first >= 2 && tokens[m.first - 1].kind == Token::Kind::Number && text(tokens[m.first - 1]).size() <= 2
            && tokens[m.first - 2].isWord() && tokens[m.first - 2].capitalized)
            return true;
        // "drew 0-0 with Leeds", "a fait match nul 1-1 avec Lille"
        if (m.first >= 3 && (text(tokens[m.first - 1]) == u"with" || text(tokens[m.first - 1]) == u"avec")) {
            // One token ("0-0") or three ("0 - 0").
            const int score = isScore(tokens, m.first - 2) ? m.first - 2 : m.first - 4;
            if (score >= 1 && (score == m.first - 2 || isScore(tokens, score))
                && endsPhraseBefore(tokens, score, Category::SportsResult))
                return true;
        }
        if (m.first >= 2 && tokens[m.first - 1].isWord() && isOfWord(text(tokens[m.first - 1]))
            && endsPhraseBefore(tokens, m.first - 1, Category::SportsWord))
            return true;
        return false;
    }

    void collectEvidence(int index)
    {
        Mention &m = m_mentions[index];
        const TokenSpan tokens = m_tokens[m.sentence];
        Evidence &e = m.evidence;
        const int count = m.last - m.first + 1;
        const Token &firstToken = tokens[m.first];
        const bool acronym = count == 1 && firstToken.allCaps;

        if (m.known)
            e[slot(m.known->type)] += knownWeight;
        m.team = namesTeam(m, tokens);
        // A name that says something: an acronym is an organisation's
        // ("IAM said"), a full name a person's ("Kevin Blair said"). A lone
        // word is either ("Hapag-Lloyd said", "Huang said"): a person's
        // surname joins the full name the article gave first, so the verb
        // alone types nothing, unless a longer name ends with it.
        const auto speaks = [&] {
            const QString name = surface(m);
            if (acronym)
                e[slot(EntityType::Organization)] += goodCue;
            else if (name.contains(u' ') || m_lastNameWords.contains(foldName(name))) // "Hapag-Lloyd" is one word
                e[slot(EntityType::Person)] += goodCue;
        };

        // Inside the name.
        const Token &lastWord = tokens[m.last].kind == Token::Kind::Number && m.last > m.first ? tokens[m.last - 1] : tokens[m.last];
        // "Carolina Power & Light", "Procter & Gamble": names joined by an
        // ampersand are a firm's.
        const bool ampersand = count >= 3 && std::any_of(tokens.begin() + m.first + 1, tokens.begin() + m.last,
                                                         [this](const Token &token) { return token.is(m_text, u'&'); });
        if (count >= 2 && in(Category::OrgSuffix, lastWord))
            e[slot(EntityType::Organization)] += strongCue;
        else if (ampersand)
            e[slot(EntityType::Organization)] += strongCue;
        else if (count >= 3 && institutionBeforeJoiner(tokens, m.first, m.last))
            e[slot(EntityType::Organization)] += strongCue; // "National League for Democracy", "Bank of Ireland"
        if (namesEvent(tokens, m.first, m.last))
            e[slot(EntityType::Event)] += strongCue + 1;
        if (inDateline(tokens, m.first, m.last))
            e[slot(EntityType::Place)] += strongCue;
        // "Brivalto Island", "Marvel County", "Mexico City"
        if (count >= 2 && lastWord.capitalized && in(Category::PlaceNoun, lastWord) && !in(Category::OrgSuffix, lastWord))
            e[slot(EntityType::Place)] += strongCue;
        // A given name and a surname: "Barry-Callebaut", one hyphenated
        // word, is no given name and surname.
        if (count >= 2 && firstToken.capitalized && !firstToken.allCaps && !ampersand
            && in(Category::GivenName, firstToken) && !in(Category::OrgSuffix, lastWord)
            && std::any_of(tokens.begin() + m.first + 1, tokens.begin() + m.last + 1,
                           [](const Token &token) { return token.spaceBefore; }))
            e[slot(EntityType::Person)] += strongCue - 1;
        // "Gloria developed eczema": a given name alone is most often a
        // person called by it (brands, places and words among given names
        // are left out of the list); weighed below a preposition ("in
        // Everett"), and not after an article ("la Marine nationale").
        if (count == 1 && !m.known && firstToken.capitalized && !firstToken.allCaps && in(Category::GivenName, firstToken)
            && !(m.first > 0 && in(Category::Determiner, tokens[m.first - 1])))
            e[slot(EntityType::Person)] += givenNameAloneCue;
        if (count >= 2 && firstToken.isWord() && firstToken.end - firstToken.start >= 2
            && m_text.at(firstToken.end - 1) == u'.' && !firstToken.allCaps)
            e[slot(EntityType::Person)] += goodCue; // "J. Smith"
        if (count >= 2 && text(firstToken).size() == 4 && firstToken.allCaps && m_text.at(firstToken.start + 1) == u'.')
            e[slot(EntityType::Person)] += goodCue; // "J.D. Vance"
        if (count == 1 && isModelCode(firstToken))
            e[slot(EntityType::Product)] += goodCue; // model codes: GB200, H100
        if (count == 1 && firstToken.mixedCase)
            e[slot(EntityType::Product)] += weakCue; // iPhone
        // "Mistral Compute", "Microsoft Azure": an organisation's name and a
        // further name word make something the organisation offers.
        if (!m.known && count >= 2 && !in(Category::OrgSuffix, lastWord) && !spanHas(tokens, m.first, m.last, Category::EventNoun)
            && m.wordCount >= 2 && isOrganisationWord(firstWord(m)))
            e[slot(EntityType::Product)] += weakCue;

        // Before the name.
        if (ageBefore(tokens, m.first))
            e[slot(EntityType::Person)] += goodCue; // "the 21-year-old Chanderpaul"
        if (const int title = titleBefore(tokens, m.first); title >= 0) {
            e[slot(EntityType::Person)] += strongCue;
            rememberEpithet(index, title);
        } else if (count >= 2 && titledOrganisationBefore(index, tokens)) {
            e[slot(EntityType::Person)] += strongCue - 1;
        }
        if (m.first > 0) {
            const Token &previous = tokens[m.first - 1];
            if (previous.isWord() && !previous.capitalized && endsPhraseBefore(tokens, m.first, Category::OrgNoun))
                e[slot(EntityType::Organization)] += goodCue + 1; // "chipmaker Nvidia", "start-up Mistral"
            else if (previous.isWord() && !previous.capitalized && m.first >= 2
                     && isDemonym(previous)
                     && endsPhraseBefore(tokens, m.first - 1, Category::OrgNoun))
                e[slot(EntityType::Organization)] += goodCue + 1; // "le groupe zurichois Barry-Callebaut"
            else if (previous.isWord() && !previous.capitalized && in(Category::ProductNoun, previous))
                e[slot(EntityType::Product)] += goodCue; // "la marque Evian", "la puce H100", "the app Venmo"
            else if (previous.isWord() && !previous.capitalized && in(Category::PlaceNoun, previous))
                e[slot(EntityType::Place)] += goodCue; // "la gare Quenvaro-Centre", "the island Brivalto"
            // "the town of Quellmore", "la commune de Saint-Quivel"
            if (m.first >= 2 && previous.isWord() && tokens[m.first - 2].isWord() && !tokens[m.first - 2].capitalized
                && in(Category::PlaceNoun, tokens[m.first - 2])) {
                const QStringView of = text(previous);
                if (of == u"of" || of == u"de" || of == u"d'" || of == u"d’")
                    e[slot(EntityType::Place)] += goodCue + 1;
            }
            // "the series “Casual”", "its “Hunger Games” films": quotation
            // marks and the noun outweigh what the title's own words
            // suggest ("Games", "Group").
            if (quotedTitleEnd(tokens, m.first - 1) == m.last)
                e[slot(EntityType::Product)] += strongCue + 2;
            // Folding makes French "à" the English article "a": only the accented one is a preposition.
            if (previous.isWord() && in(Category::PlacePreposition, previous) && text(previous) != u"a" && text(previous) != u"A")
                e[slot(EntityType::Place)] += weakCue;
            if (previous.isWord() && !previous.capitalized && in(Category::SpeechVerb, previous))
                speaks(); // "said Huang", not "Adding Copper Mountain"
            // "a platform dubbed Tideline", "what it calls a Supercharged Sandbox"
            const int naming = previous.isWord() && in(Category::Determiner, previous) ? m.first - 2 : m.first - 1;
            if (naming >= 0 && tokens[naming].isWord() && !tokens[naming].capitalized && in(Category::NamingVerb, tokens[naming]))
                e[slot(EntityType::Product)] += goodCue;
            // "les dirigeants d'Eiffage", "the shareholders of Kelpwise":
            // what staff, owners and units belong to is an organisation.
            if (m.first >= 2 && previous.isWord() && tokens[m.first - 2].isWord()
                && in(Category::MemberNoun, tokens[m.first - 2])) {
                const QStringView of = text(previous);
                if (of == u"of" || of == u"at" || of == u"de" || of == u"d'" || of == u"d’" || of == u"chez")
                    e[slot(EntityType::Organization)] += goodCue + 1;
            }
            // "a 30% stake in Kelpwise Terminal", "une participation dans
            // Bricomax": what one holds shares of is an organisation.
            if (m.first >= 2 && previous.isWord() && tokens[m.first - 2].isWord()
                && in(Category::HoldingNoun, tokens[m.first - 2])) {
                const QStringView of = text(previous);
                if (of == u"in" || of == u"of" || of == u"dans" || of == u"de" || of == u"d'" || of == u"d’")
                    e[slot(EntityType::Organization)] += goodCue + 1;
            }
            // "à Tarbes (Hautes-Pyrénées)": a name in brackets right after
            // a name with the marks of a place is the region it lies in.
            if (previous.is(m_text, u'(') && index > 0) {
                const Mention &before = m_mentions[index - 1];
                // Not the acronym of that name: "Container Terminal Quimvel (CTQ)".
                if (before.sentence == m.sentence && before.last == m.first - 2
                    && before.evidence[slot(EntityType::Place)] > 0 && !(acronym && spellsInitials(before, firstToken)))
                    e[slot(EntityType::Place)] += goodCue + 1;
            }
            // "Georgia-based Synovus", "Calif.-based Sonos": what is based
            // somewhere is an organisation.
            if (previous.isWord() && text(previous) == u"based" && m.first >= 2 && tokens[m.first - 2].is(m_text, u'-'))
                e[slot(EntityType::Organization)] += goodCue + 1;
            const QString based = phraseBefore(tokens, m.first, 2);
            if (based.endsWith(u" in"_s) || based.endsWith(u" à"_s)) {
                if (based.startsWith(u"based"_s) || based.startsWith(u"headquartered"_s) || based.startsWith(u"basé"_s)
                    || based.startsWith(u"basée"_s) || based.startsWith(u"located"_s))
                    e[slot(EntityType::Place)] += goodCue;
            }
        }

        // After the name.
        const int next = m.last + 1;
        if (next < tokens.size()) {
            const Token &after = tokens[next];
            const int verb = after.is(m_text, u',') ? next + 1 : next;
            if (startsPhrase(tokens, verb, Category::SpeechVerb)) {
                speaks(); // "Huang said"
                // "Tarvolin Freight said its profit fell", "Ravi Quell said
                // he was tired": the first pronoun of the remark is mostly
                // the speaker's.
                bool expletive = false; // "it": also "said it was a good year"
                if (const EntityType speaker = speakerPronounType(tokens, verb + 1, &expletive); speaker != EntityType::Place)
                    e[slot(speaker)] += expletive ? weakCue : goodCue;
            }
            // "Neiafu is a small port town", "Kelpwise is a start-up",
            // "Quenvaro est une commune": what the name is said to be.
            if (const int head = predicateNounAfter(tokens, next); head >= 0) {
                if (endsPhraseBefore(tokens, head + 1, Category::PlaceNoun))
                    e[slot(EntityType::Place)] += goodCue;
                else if (endsPhraseBefore(tokens, head + 1, Category::OrgNoun))
                    e[slot(EntityType::Organization)] += goodCue;
            }
            // "Marvin Quell, who ...": English keeps "who" for people
            // ("which" and "that" for companies), though not sports
            // reporters for teams ("Castlebury, who beat Wexham 2-1").
            if (after.is(m_text, u',') && next + 1 < tokens.size() && tokens[next + 1].isWord()
                && (text(tokens[next + 1]) == u"who" || text(tokens[next + 1]) == u"whose")
                && !(startsPhrase(tokens, next + 2, Category::SportsResult) && isSportsReport()))
                e[slot(EntityType::Person)] += goodCue;
            // "the Trump administration", "the second Obama administration":
            // a government named after the person who heads it.
            if (after.isWord() && text(after) == u"administration" && m.first > 0
                && (in(Category::Determiner, tokens[m.first - 1])
                    || (m.first > 1 && tokens[m.first - 1].isWord() && !tokens[m.first - 1].capitalized
                        && in(Category::Determiner, tokens[m.first - 2]))))
                e[slot(EntityType::Person)] += goodCue;
            if (after.isWord() && !after.capitalized && in(Category::ProductNoun, after))
                e[slot(EntityType::Product)] += weakCue; // "Blackwell chips"
            if (after.isWord() && !after.capitalized && in(Category::OrgNoun, after))
                e[slot(EntityType::Organization)] += weakCue;
            if (tradesOnTheMarket(tokens, next))
                e[slot(EntityType::Organization)] += goodCue;
            if (after.isWord() && !after.capitalized && in(Category::EventNoun, after))
                e[slot(EntityType::Event)] += strongCue; // "the VivaTech conference"
            if (after.is(m_text, u'-') && next + 1 < tokens.size() && text(tokens[next + 1]) == u"based")
                e[slot(EntityType::Place)] += goodCue;
            // "Santa Barbara, Calif.", "Everett, Washington State": a name
            // followed by the region or country it is in is a place.
            if (after.is(m_text, u',') && next + 1 < tokens.size()) {
                const KnownName *known = nullptr;
                const int end = knownNameAt(tokens, next + 1, &known);
                // Not "Kelpwise, Norway's ..." nor a list "X, France and Spain".
                const bool goesOn = end + 1 < tokens.size()
                    && (tokens[end + 1].kind == Token::Kind::Possessive || tokens[end + 1].is(m_text, u',')
                        || isJoiningWord(text(tokens[end + 1])));
                if (end >= 0 && known->type == EntityType::Place && !goesOn
                    && (known->subtype == u"region" || known->subtype == u"country"))
                    e[slot(EntityType::Place)] += goodCue;
            }
            // "Yeu-Noirmoutier (Vendée)": a region in brackets after a name
            // says where that place lies.
            if (after.is(m_text, u'(') && next + 1 < tokens.size()) {
                const KnownName *known = nullptr;
                const int end = knownNameAt(tokens, next + 1, &known);
                if (end >= 0 && end + 1 < tokens.size() && tokens[end + 1].is(m_text, u')')
                    && known->type == EntityType::Place && known->subtype == u"region")
                    e[slot(EntityType::Place)] += goodCue;
            }
            if (after.is(m_text, u',') || after.is(m_text, u'(')) {
                appositive(m, tokens, next + 1, after.is(m_text, u'('));
            }
        }

        if (m.known == nullptr)
            e[slot(EntityType::Organization)] += defaultOrg; // business news names organisations most
    }

    // "is a small port town in ...", "est une commune du ...": after a
    // copula at token i and an article, the last of the lower-case words
    // before a function word or punctuation (the noun the name is said to
    // be), as a token index; -1 if the words are not so.
    int predicateNounAfter(TokenSpan tokens, int i) const
    {
        if (i + 2 >= tokens.size() || !tokens[i].isWord())
            return -1;
        const QStringView copula = text(tokens[i]);
        if (copula != u"is" && copula != u"was" && copula != u"est" && copula != u"était")
            return -1;
        if (!in(Category::Determiner, tokens[i + 1]))
            return -1;
        int head = -1;
        bool hyphenated = false; // "start-up": the word after a hyphen inside a word
        for (int k = i + 2; k < std::min<int>(tokens.size(), i + 7); ++k) {
            const Token &token = tokens[k];
            if (token.is(m_text, u'-') && !token.spaceBefore && head == k - 1 && k + 1 < tokens.size()
                && !tokens[k + 1].spaceBefore) {
                hyphenated = true;
                continue;
            }
            if (!token.isWord() || token.capitalized || (!hyphenated && in(Category::FunctionWord, token)))
                break;
            head = k;
            hyphenated = false;
        }
        return head;
    }

    // An age from token i on: "21-year-old", "21 years old", "21 ans"; or,
    // with `bare`, a number alone before a comma or a closing bracket, as
    // in "Brandvik, 24, scored" and "Maren Oddvik (31)".
    bool statesAge(TokenSpan tokens, int i, bool bare) const
    {
        if (i + 1 >= tokens.size() || tokens[i].kind != Token::Kind::Number || tokens[i].end - tokens[i].start > 3)
            return false;
        const int years = text(tokens[i]).toInt();
        if (years < 1 || years > 119)
            return false;
        const QString words = phraseAfter(tokens, i + 1, 1);
        if (words == u"ans" || words == u"an")
            return true;
        const QString twoWords = phraseAfter(tokens, i + 1, 2);
        if (twoWords == u"years old" || twoWords == u"year old")
            return true;
        // "21-year-old": the tokenizer cuts at the hyphens.
        if (i + 4 < tokens.size() && tokens[i + 1].is(m_text, u'-') && text(tokens[i + 2]) == u"year"
            && tokens[i + 3].is(m_text, u'-') && text(tokens[i + 4]) == u"old")
            return true;
        return bare && (tokens[i + 1].is(m_text, u',') || tokens[i + 1].is(m_text, u')'));
    }

    // "the 21-year-old Chanderpaul": an age right before token i.
    bool ageBefore(TokenSpan tokens, int i) const
    {
        return i >= 5 && text(tokens[i - 1]) == u"old" && statesAge(tokens, i - 5, false);
    }

    // What follows "Name," or "Name (": an age or a title makes a person
    // ("Jensen Huang, PDG de Nvidia"), a described noun an organisation or
    // product ("Mistral Compute, a new Cloud platform").
    void appositive(Mention &m, TokenSpan tokens, int from, bool bracket)
    {
        Evidence &e = m.evidence;
        // "Brandvik, 24, scored", "Chanderpaul, the 21-year-old
        // left-hander", "Paulin Ferrandou, âgé de 52 ans": people have ages.
        for (int i = from; i < std::min<int>(tokens.size(), from + 3); ++i) {
            if (statesAge(tokens, i, i == from)) {
                e[slot(EntityType::Person)] += goodCue;
                return;
            }
            if (tokens[i].kind == Token::Kind::Punctuation)
                break;
        }
        // A description opens with an article or a title ("Kelpwise, a
        // start-up", "Huang, PDG de Nvidia"); anything else is the sentence
        // going on ("Mistral Compute, which aims to rival ...").
        if (!bracket && (from >= tokens.size() || !(in(Category::Determiner, tokens[from]) || in(Category::PersonTitle, tokens[from])
                                                    || startsPhrase(tokens, from, Category::PersonTitle))))
            return; // "managing director" is a title of two words
        if (bracket && tickerBracketEnd(tokens, from - 1) >= 0) {
            e[slot(EntityType::Organization)] += goodCue; // "Kelpwise (NYSE: KLP)": a listed company
            return;
        }
        const int limit = std::min<int>(tokens.size(), from + 7);
        for (int i = from; i < limit; ++i) {
            const Token &token = tokens[i];
            if (token.kind == Token::Kind::Punctuation && !token.is(m_text, u'&') && !token.is(m_text, u'-'))
                break;
            if (!token.isWord())
                continue;
            if (in(Category::PersonTitle, token) || startsPhrase(tokens, i, Category::PersonTitle)) {
                // "... of the National League for Democracy, opposition
                // leader Aung San Suu Kyi said": a title right before a
                // name is that name's.
                const int titleEnd = i + std::max(1, phraseLengthAt(tokens, i, Category::PersonTitle));
                if (!(titleEnd < tokens.size() && tokens[titleEnd].capitalized && isNameWord(tokens[titleEnd], false)))
                    e[slot(EntityType::Person)] += strongCue - 1;
                return;
            }
            if (bracket && token.capitalized) {
                // "Jensen Huang (NVIDIA)": a full name with its organisation
                // in brackets, unlike "Conduct Authority (FCA)" where the
                // brackets spell the name.
                const KnownName *known = nullptr;
                const bool knownOrg = knownNameAt(tokens, i, &known) >= 0 && known->type == EntityType::Organization;
                const bool place = known && known->type == EntityType::Place;
                const int words = m.last - m.first + 1;
                // "2. Hilary Quell (U.S.) 1:48.02", "Maren Oddvik (Norway) 12":
                // a results line names a competitor and her country.
                if (place && known->subtype == u"country" && words >= 2 && words <= 4
                    && !in(Category::OrgSuffix, tokens[m.last]) && resultsLineAround(m, tokens)) {
                    e[slot(EntityType::Person)] += goodCue + 1;
                    return;
                }
                if (!place && words >= 2 && words <= 3 && !spellsInitials(m, token) && !in(Category::OrgSuffix, tokens[m.last]))
                    e[slot(EntityType::Person)] += knownOrg ? goodCue : weakCue + 0.5;
                return;
            }
            // Nouns such as "platform" describe both; as a description of a
            // name they mostly mean what a company offers.
            if (in(Category::ProductNoun, token)) {
                // "a drug manufacturer", "a software company": the noun
                // after a product noun is the head.
                if (i + 1 < tokens.size() && tokens[i + 1].isWord() && !tokens[i + 1].capitalized
                    && in(Category::OrgNoun, tokens[i + 1])) {
                    e[slot(EntityType::Organization)] += goodCue;
                    return;
                }
                e[slot(EntityType::Product)] += goodCue;
                return;
            }
            if (!token.capitalized && in(Category::OrgNoun, token)) {
                e[slot(EntityType::Organization)] += goodCue;
                return;
            }
            if (!token.capitalized && in(Category::PlaceNoun, token)) {
                e[slot(EntityType::Place)] += goodCue; // "Neiafu, a port town on the island"
                return;
            }
            if (in(Category::EventNoun, token)) {
                e[slot(EntityType::Event)] += goodCue;
                return;
            }
            // The description's head comes before its complement: "a unit
            // of ...", "l'acquisition de Soufflet marque ..." (a verb).
            const QStringView word = text(token);
            if (!bracket && (word == u"of" || word == u"de" || word == u"d'" || word == u"d’" || word == u"du" || word == u"des"))
                return;
        }
    }

    // Words that count for an acronym: not particles, joiners or articles.
    bool countsForInitials(const Token &token) const
    {
        return token.isWord() && !token.elision && !isNameParticle(token.folded())
            && !isInstitutionalJoiner(token.folded()) && !isJoiningWord(token.folded()) && !in(Category::Determiner, token);
    }

    // The initials of a mention's words that count for an acronym, folded.
    QString initialsOf(const Mention &m) const { return initialsOf(m_tokens[m.sentence], m.first, m.last); }
    QString initialsOf(TokenSpan tokens, int first, int last) const
    {
        QString initials;
        for (int i = first; i <= last; ++i) {
            if (countsForInitials(tokens[i]))
                initials.append(tokens[i].folded().front());
        }
        return initials;
    }

    // The letters an acronym spells, folded: "U.N." -> "un".
    QString acronymLetters(const Token &acronym) const
    {
        return text(acronym).toString().remove(u'.').toCaseFolded();
    }

    bool spellsInitials(const Mention &m, const Token &acronym) const
    {
        if (!acronym.allCaps)
            return false;
        const QString initials = initialsOf(m);
        const QString letters = acronymLetters(acronym);
        return initials == letters || (initials.size() > letters.size() && initials.startsWith(letters));
    }

    // "X, Y and Z" share their kind: a list's unknown members take the kind
    // its known members agree on.
    void propagateAlongLists()
    {
        // A list ends with a word ("X, Y and Z"); names joined by commas
        // alone are an appositive ("le président de Bricomax, Jean
        // Ferrandou,").
        QSet<int> joinedByWord; // mentions whose link to the next is "and", "et", ...
        for (int a = 0; a + 1 < m_mentions.size(); ++a) {
            const Mention &left = m_mentions[a];
            const Mention &right = m_mentions[a + 1];
            if (left.sentence != right.sentence || right.first != left.last + 2)
                continue;
            const TokenSpan tokens = m_tokens[left.sentence];
            const Token &between = tokens[left.last + 1];
            const QStringView word = text(between);
            // "Laura Oddvik, Kelpwise's chief ..." is an appositive, not a list.
            const bool possessed = right.last + 1 < tokens.size() && tokens[right.last + 1].kind == Token::Kind::Possessive;
            const bool joiningWord = isJoiningWord(word);
            if ((between.is(m_text, u',') && !possessed) || joiningWord)
                m_mentions[a].coordinatedWith = a + 1;
            if (joiningWord)
                joinedByWord.insert(a);
        }
        // Walk each chain, pooling its evidence.
        QSet<int> visited;
        for (int a = 0; a < m_mentions.size(); ++a) {
            if (visited.contains(a))
                continue;
            QList<int> chain;
            for (int m = a; m >= 0 && !visited.contains(m); m = m_mentions[m].coordinatedWith) {
                visited.insert(m);
                chain.append(m);
            }
            if (chain.size() < 2 || std::none_of(chain.cbegin(), chain.cend(), [&](int m) { return joinedByWord.contains(m); }))
                continue;
            Evidence pooled{};
            for (int m : chain) {
                const Evidence &e = m_mentions[m].evidence;
                const auto best = std::max_element(e.cbegin(), e.cend());
                if (*best >= goodCue)
                    pooled[best - e.cbegin()] += 1.0;
            }
            for (int m : chain) {
                Evidence &e = m_mentions[m].evidence;
                if (*std::max_element(e.cbegin(), e.cend()) < goodCue) {
                    for (int t = 0; t < typeCount; ++t)
                        e[t] += pooled[t] * weakCue;
                }
            }
        }
    }

    // --- alias resolution -----------------------------------------------

    int makeGroup(int mention)
    {
        m_groups.append(Group{});
        const int g = m_groups.size() - 1;
        join(g, mention);
        return g;
    }

    void join(int g, int mention)
    {
        m_mentions[mention].group = g;
        m_groups[g].mentions.append(mention);
        m_groups[g].team = m_groups[g].team || m_mentions[mention].team;
        for (int t = 0; t < typeCount; ++t)
            m_groups[g].evidence[t] += m_mentions[mention].evidence[t];
        if (!m_groups[g].known)
            m_groups[g].known = m_mentions[mention].known;
    }

    void merge(int into, int from)
    {
        if (into == from || m_groups[from].mentions.isEmpty())
            return;
        const QList<int> moved = m_groups[from].mentions;
        m_groups[from] = Group{};
        for (int mention : moved)
            join(into, mention);
    }

    QString representativeWords(int g, int *wordCount) const
    {
        // The longest name among the group's mentions.
        QString best;
        int words = 0;
        for (int m : m_groups[g].mentions) {
            const Mention &mention = m_mentions[m];
            if (mention.epithet)
                continue;
            if (mention.wordCount > words) {
                words = mention.wordCount;
                best = mention.key;
            }
        }
        *wordCount = words;
        return best;
    }

    // A name the lexicon does not know and no cue of the text types well
    // ("Eduard Hanslick", "Moravia"): the name typer's guess from the
    // name's shape and the words around it, its calibrated shares as
    // evidence below a weak cue, so that it decides only where the text
    // says little. Summed over the name's mentions as the text's cues are;
    // listed once per name in the debug log. A mention the text gives a
    // product's or an event's cue is left alone: the typer knows no such
    // class to weigh against it.
    void weighLearnedTypes()
    {
        if (!m_nameTyper || m_nameTyper->isEmpty())
            return;
        struct Guess
        {
            int firstMention = -1;
            int count = 0;
            std::array<float, NameTyper::ClassCount> shares{};
        };
        QHash<QString, Guess> guesses;
        QHash<QString, NameTyper::NameScores> nameScores;
        for (int m = 0; m < m_mentions.size(); ++m) {
            const Mention &mention = m_mentions[m];
            if (mention.known || mention.epithet || mention.team || mention.wordCount == 0
                || mention.evidence[slot(EntityType::Product)] > 0 || mention.evidence[slot(EntityType::Event)] > 0
                || *std::max_element(mention.evidence.cbegin(), mention.evidence.cend()) >= goodCue)
                continue;
            // The name's own words score the same at every mention written
            // alike: once per surface.
            const TokenSpan tokens = m_tokens[mention.sentence];
            const QString written = surface(mention);
            auto scored = nameScores.constFind(written);
            if (scored == nameScores.cend()) {
                QStringList words;
                for (int i = mention.first; i <= mention.last; ++i)
                    words.append(text(tokens[i]).toString());
                scored = nameScores.insert(written, m_nameTyper->scoreName(words));
            }
            const auto contextWord = [&](int i) {
                return i >= 0 && i < tokens.size() ? NameTyper::contextWord(text(tokens[i]).toString()) : QString();
            };
            const NameTyper::Context context{contextWord(mention.first - 2), contextWord(mention.first - 1),
                                             contextWord(mention.last + 1), contextWord(mention.last + 2)};
            const std::array<float, NameTyper::ClassCount> shares = m_nameTyper->probabilities(*scored, context);
            Guess &guess = guesses[mention.key];
            if (guess.firstMention < 0)
                guess.firstMention = m;
            ++guess.count;
            for (int c = 0; c < NameTyper::ClassCount; ++c)
                guess.shares[c] += shares[c];
        }
        for (const Guess &guess : std::as_const(guesses)) {
            Evidence &evidence = m_mentions[guess.firstMention].evidence;
            evidence[slot(EntityType::Person)] += learnedCue * guess.shares[NameTyper::Person];
            evidence[slot(EntityType::Organization)] += learnedCue * guess.shares[NameTyper::Organization];
            evidence[slot(EntityType::Place)] += learnedCue * guess.shares[NameTyper::Place];
            qCDebug(lcExtract).noquote() << "name typer:" << surface(m_mentions[guess.firstMention]) << "in"
                                         << guess.count << "mentions, on average person"
                                         << guess.shares[NameTyper::Person] / guess.count << "org"
                                         << guess.shares[NameTyper::Organization] / guess.count << "place"
                                         << guess.shares[NameTyper::Place] / guess.count << "other"
                                         << guess.shares[NameTyper::Other] / guess.count;
        }
    }

    void groupMentions()
    {
        QHash<QString, int> byKey;
        QHash<const KnownName *, int> byKnown;
        for (int m = 0; m < m_mentions.size(); ++m) {
            const Mention &mention = m_mentions[m];
            int g = -1;
            if (mention.known)
                g = byKnown.value(mention.known, -1);
            if (g < 0)
                g = byKey.value(mention.key, -1);
            if (g < 0)
                g = makeGroup(m);
            else
                join(g, m);
            byKey.insert(mention.key, g);
            if (mention.known)
                byKnown.insert(mention.known, g);
        }
        linkAcronyms(byKey);
        linkUnintroducedAcronyms();
        linkShortForms();
        linkRunTogetherNames();
        linkTrailingNames();
    }

    // "Suu Kyi" for "Aung San Suu Kyi", "Hug de Larauze" for "Thibaud Hug
    // de Larauze": a name of two words or more, a person's or one with no
    // evidence of its own, that ends the name of exactly one person is that
    // person.
    void linkTrailingNames()
    {
        // The groups that could be short forms, by their longest name.
        QHash<QString, int> shortForms;
        for (int g = 0; g < m_groups.size(); ++g) {
            const Group &group = m_groups[g];
            if (group.mentions.isEmpty() || group.known || (group.type() != EntityType::Person && group.strength() >= goodCue))
                continue;
            const Mention &longest = longestMention(g);
            if (longest.wordCount >= 2)
                shortForms.insert(longest.key, g);
        }
        if (shortForms.isEmpty())
            return;
        // Short form's group -> the one person whose name it ends, or -1 for
        // two; ordered, so the merges happen in the same order every run.
        std::map<int, int> target;
        for (int g = 0; g < m_groups.size(); ++g) {
            if (m_groups[g].mentions.isEmpty() || m_groups[g].type() != EntityType::Person)
                continue;
            const QString &key = longestMention(g).key;
            // Every tail of two words or more, shorter than the name.
            int words = 1;
            for (qsizetype space = key.lastIndexOf(u' '); space > 0; space = key.lastIndexOf(u' ', space - 1)) {
                if (++words < 3)
                    continue;
                const int shortForm = shortForms.value(key.mid(space + 1), -1);
                if (shortForm >= 0 && shortForm != g) {
                    const auto [found, inserted] = target.try_emplace(shortForm, g);
                    if (!inserted && found->second != g)
                        found->second = -1;
                }
            }
        }
        for (const auto &[shortForm, person] : target) {
            if (person >= 0 && !m_groups[person].mentions.isEmpty())
                merge(person, shortForm);
        }
    }

    // "BackMarket", "NileDutch": a capital inside a word after a lower-case letter.
    static bool isCamelCase(QStringView word)
    {
        for (qsizetype i = 1; i < word.size(); ++i) {
            if (word[i].isUpper() && word[i - 1].isLower())
                return true;
        }
        return false;
    }

    // "BackMarket" for "Back Market", "(NileDutch)" for "Nile Dutch
    // Investments B.V.": a word in camel case that runs the first two words
    // or more of another name together is that name.
    void linkRunTogetherNames()
    {
        QList<int> runTogether; // one-word mentions in camel case
        for (int m = 0; m < m_mentions.size(); ++m) {
            const Mention &mention = m_mentions[m];
            if (mention.wordCount == 1 && !mention.known && isCamelCase(text(m_tokens[mention.sentence][mention.first])))
                runTogether.append(m);
        }
        if (runTogether.isEmpty())
            return;
        QHash<QString, int> prefixes; // words run together -> group
        for (const Mention &mention : std::as_const(m_mentions)) {
            if (mention.wordCount < 2 || mention.group < 0)
                continue;
            const QStringList words = mention.key.split(u' ', Qt::SkipEmptyParts);
            QString joined = words.value(0);
            for (int k = 1; k < words.size(); ++k) {
                joined += words[k];
                prefixes.insert(joined, mention.group);
            }
        }
        if (prefixes.isEmpty())
            return;
        for (int m : std::as_const(runTogether)) {
            const Mention &mention = m_mentions[m];
            const int g = prefixes.value(mention.key, -1);
            if (g >= 0 && g != mention.group && !m_groups[g].mentions.isEmpty())
                merge(g, mention.group);
        }
    }

    // "Financial Conduct Authority (FCA)": an acronym in brackets right after
    // a name whose initials it spells is that name.
    void linkAcronyms(const QHash<QString, int> &byKey)
    {
        for (int m = 0; m < m_mentions.size(); ++m) {
            const Mention &mention = m_mentions[m];
            const TokenSpan tokens = m_tokens[mention.sentence];
            int open = mention.last + 1;
            // "the Aerospace Workers' (IAM) members": past a possessive.
            if (open < tokens.size() && (tokens[open].kind == Token::Kind::Possessive || tokens[open].is(m_text, u'\'')
                                         || tokens[open].is(m_text, u'’')))
                ++open;
            if (open + 2 >= tokens.size() || !tokens[open].is(m_text, u'(') || !tokens[open + 2].is(m_text, u')'))
                continue;
            const Token &acronym = tokens[open + 1];
            if (!spellsInitials(mention, acronym))
                continue;
            const int g = byKey.value(acronym.folded(), -1);
            if (g >= 0)
                merge(mention.group, g);
        }
    }

    // "The NLD won ..." after "the National League for Democracy": an
    // acronym the lexicon does not know, never introduced in brackets, is
    // the one organisation or unknown name of the document whose initials
    // it spells. Two such names, and it stays apart.
    void linkUnintroducedAcronyms()
    {
        QHash<QString, int> byInitials; // initials -> group; -1 where two groups spell them
        for (const Mention &mention : std::as_const(m_mentions)) {
            if (mention.wordCount < 2 || mention.known || mention.group < 0)
                continue;
            const Group &group = m_groups[mention.group];
            if (group.known || (group.type() != EntityType::Organization && group.strength() >= goodCue))
                continue;
            const auto file = [&](const QString &initials) {
                if (initials.size() < 3)
                    return;
                const auto found = byInitials.constFind(initials);
                if (found == byInitials.cend())
                    byInitials.insert(initials, mention.group);
                else if (*found != mention.group)
                    byInitials[initials] = -1;
            };
            file(initialsOf(mention));
            // "the United States International Trade Commission ... the
            // ITC": the acronym may leave out the country the name opens on.
            const TokenSpan tokens = m_tokens[mention.sentence];
            const KnownName *place = nullptr;
            const int placeLast = knownNameAt(tokens, mention.first, &place);
            if (placeLast >= mention.first && placeLast < mention.last && place->type == EntityType::Place)
                file(initialsOf(tokens, placeLast + 1, mention.last));
        }
        if (byInitials.isEmpty())
            return;
        for (int m = 0; m < m_mentions.size(); ++m) {
            const Mention &mention = m_mentions[m];
            const Token &token = m_tokens[mention.sentence][mention.first];
            if (mention.known || mention.first != mention.last || !token.allCaps || m_groups[mention.group].known)
                continue;
            const int g = byInitials.value(acronymLetters(token), -1);
            if (g >= 0 && g != mention.group && !m_groups[g].mentions.isEmpty())
                merge(g, mention.group);
        }
    }

    // Do the longest names of `groups` share their first and their last
    // word, differing only in the words between ("Antonín Dvořák",
    // "Antonín Leopold Dvořák")?
    bool oneNameWithMiddleNames(const QList<int> &groups, const QList<const Mention *> &longest) const
    {
        const Mention &first = *longest[groups.constFirst()];
        return std::all_of(groups.cbegin(), groups.cend(), [&](int g) {
            const Mention &other = *longest[g];
            return other.wordCount >= 2 && firstWord(other) == firstWord(first) && lastWord(other) == lastWord(first);
        });
    }

    // "D. Quell" -> "Darnell Quell" (scorecards, results lists): initials
    // before a surname stand for the one person of the document with that
    // surname whose given name they begin. `longest` and `byLastWord` as
    // linkShortForms() built them.
    void linkInitials(const QList<const Mention *> &longest, const VariantIndex &byLastWord)
    {
        const auto isInitial = [this](const Token &token) { return this->isInitial(token); };
        for (int g = 0; g < longest.size(); ++g) {
            if (m_groups[g].mentions.isEmpty() || m_groups[g].known || !longest[g] || longest[g]->wordCount < 2)
                continue;
            const Mention &name = *longest[g];
            const TokenSpan tokens = m_tokens[name.sentence];
            if (!std::all_of(tokens.begin() + name.firstWord, tokens.begin() + name.lastWord, isInitial))
                continue;
            const QChar initial = folded(tokens[name.firstWord]).front();
            QList<int> candidates;
            byLastWord.find(0, lastWord(name), candidates);
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
            int target = -1;
            int matches = 0;
            for (int other : std::as_const(candidates)) {
                if (other == g || m_groups[other].mentions.isEmpty() || m_groups[other].type() != EntityType::Person)
                    continue;
                if (other >= longest.size() || !longest[other])
                    continue;
                const Mention &full = *longest[other];
                const Token &given = m_tokens[full.sentence][full.firstWord];
                if (lastWord(full) == lastWord(name) && !isInitial(given) && folded(given).size() >= 2
                    && folded(given).front() == initial) {
                    target = other;
                    ++matches;
                }
            }
            if (matches == 1)
                merge(target, g);
        }
    }

    // "Huang" -> "Jensen Huang", "Mench" -> "Arthur Mensch", "Mistral" ->
    // "Mistral AI", then "Arthur Mench" -> "Arthur Mensch". Each short form
    // looks up the full names it may shorten in an index (by first word, and
    // by last word within one edit) instead of comparing itself with every
    // group: a long article has tens of thousands of each.
    void linkShortForms()
    {
        const int groupCount = m_groups.size();
        // The longest mention of each group. Merging a one-word group into a
        // longer one leaves the longer one's longest mention as it was, so
        // this holds through the first pass.
        QList<const Mention *> longest(groupCount, nullptr);
        VariantIndex byLastWord; // last word of a full name, and its deletion variants -> groups
        QHash<QString, QList<int>> byFirstWord; // first word of a full name -> groups
        qsizetype variants = 0;
        for (int g = 0; g < groupCount; ++g) {
            if (m_groups[g].mentions.isEmpty())
                continue;
            longest[g] = &longestMention(g);
            if (longest[g]->wordCount >= 2)
                variants += lastWord(*longest[g]).size() + 1;
        }
        byLastWord.reserve(variants);
        for (int g = 0; g < groupCount; ++g) {
            if (!longest[g] || longest[g]->wordCount < 2)
                continue;
            byLastWord.add(0, lastWord(*longest[g]), g);
            byFirstWord[firstWord(*longest[g])].append(g);
            if (const QString stem = domainStem(firstWordText(*longest[g])); !stem.isEmpty())
                byFirstWord[stem].append(g);
        }
        byLastWord.sort();
        // Before the surnames alone, which would find "D. Quell" and
        // "Darnell Quell" two people.
        linkInitials(longest, byLastWord);

        // Type the groups once so the rules below can ask what a name is.
        for (int g = 0; g < groupCount; ++g) {
            if (m_groups[g].mentions.isEmpty())
                continue;
            int words = 0;
            const QString name = representativeWords(g, &words);
            if (words != 1)
                continue;
            const EntityType type = m_groups[g].type();
            if (m_groups[g].known && m_groups[g].known->type != EntityType::Organization && m_groups[g].known->type != EntityType::Person)
                continue; // "Taiwan" is not short for "Taiwan Semiconductor"
            // Every group that could match, in group order as the rules below expect.
            QList<int> candidates = byFirstWord.value(name);
            byLastWord.find(0, name, candidates);
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
            int target = -1;
            int matches = 0;
            int personMatches = 0;
            QList<int> surnameTargets; // the full names "Dvořák" may shorten
            QList<int> suffixed; // "Boeing Co" and "Boeing Company" for "Boeing"
            for (int other : std::as_const(candidates)) {
                if (other == g || m_groups[other].mentions.isEmpty())
                    continue;
                const Mention &longestOther = *longest[other];
                const EntityType otherType = m_groups[other].type();
                // "Huang" -> "Jensen Huang"; "Mench" -> "Arthur Mensch"; and
                // "Okonkwo said" -> "Idris Okonkwo" when only the surname had
                // a cue (the full name's type was a default).
                const bool personish = otherType == EntityType::Person
                    || (type == EntityType::Person && m_groups[g].strength() >= goodCue && m_groups[other].strength() < weakCue
                        && !m_groups[other].known);
                if (personish && type != EntityType::Place && !m_groups[g].known
                    && likelySameName(name, lastWord(longestOther))) {
                    target = other;
                    ++matches;
                    personMatches += otherType == EntityType::Person;
                    surnameTargets.append(other);
                    continue;
                }
                // "Neil's leadership" -> "Neil Ashe": a given name alone
                // stands for the one person of the document who bears it.
                if (otherType == EntityType::Person && type != EntityType::Place && !m_groups[g].known
                    && longestOther.wordCount >= 2 && firstWord(longestOther) == name
                    && m_lexicon.containsKey(Category::GivenName, name)) {
                    target = other;
                    ++matches;
                    ++personMatches;
                    continue;
                }
                // "Mistral" -> "Mistral AI", "Jet" -> "Jet.com Inc.": the rest
                // of the long form only qualifies it.
                if (otherType == EntityType::Organization
                    && (firstWord(longestOther) == name || domainStem(firstWordText(longestOther)) == name)) {
                    const QStringList otherWords = this->words(longestOther);
                    bool suffixesOnly = true;
                    for (int w = 1; w < otherWords.size(); ++w)
                        suffixesOnly = suffixesOnly && m_lexicon.containsKey(Category::OrgSuffix, otherWords[w]);
                    if (suffixesOnly)
                        suffixed.append(other);
                }
            }
            if (matches == 1 && suffixed.isEmpty()) {
                merge(target, g);
            } else if (matches >= 2 && suffixed.isEmpty() && surnameTargets.size() == matches
                       && oneNameWithMiddleNames(surnameTargets, longest)) {
                // "Antonín Dvořák", "Antonín Leopold Dvořák" and "Dvořák":
                // the full names differ only by middle names.
                const int into = surnameTargets.constFirst();
                for (qsizetype k = 1; k < surnameTargets.size(); ++k)
                    merge(into, surnameTargets[k]);
                merge(into, g);
            } else if (matches >= 2 && personMatches == matches) {
                // "Jespersen" after "Otto Jespersen" and "Jens Otto Harry
                // Jespersen": whose it is stays open, but it is a person's.
                m_groups[g].evidence[slot(EntityType::Person)] += goodCue;
            } else if (matches == 0 && !suffixed.isEmpty()) {
                // The suffixed forms differ only by their legal form or
                // sector word: all of them are the one company.
                const int into = suffixed.constFirst();
                merge(into, g);
                for (qsizetype k = 1; k < suffixed.size(); ++k)
                    merge(into, suffixed[k]);
            }
        }

        // "Boeing", "Boeing Co" and "the Boeing Company": organisations whose
        // names differ only by legal forms at the end are one.
        QHash<QString, QList<int>> byLegalCore;
        bool legalForms = false; // none: nothing to merge, and nothing to index
        for (int g = 0; g < groupCount && !legalForms; ++g)
            legalForms = !m_groups[g].mentions.isEmpty() && legalFormTail(longestMention(g)) > 0;
        for (int g = 0; g < groupCount && legalForms; ++g) {
            if (m_groups[g].mentions.isEmpty() || m_groups[g].type() != EntityType::Organization)
                continue;
            QStringList core = words(longestMention(g));
            while (core.size() > 1 && m_lexicon.containsKey(Category::LegalForm, core.constLast()))
                core.removeLast();
            byLegalCore[core.join(u' ')].append(g);
        }
        for (const QList<int> &sameCore : std::as_const(byLegalCore)) {
            for (qsizetype k = 1; k < sameCore.size(); ++k)
                merge(sameCore[0], sameCore[k]);
        }

        // "Kelpwise Materials" and "Kelpwise Materials Group": names of two
        // words or more that differ only by company suffixes at the end are
        // one organisation, when no third name shares their core.
        QHash<QString, QList<int>> byCore;
        for (int g = 0; g < groupCount; ++g) {
            if (m_groups[g].mentions.isEmpty() || m_groups[g].type() != EntityType::Organization)
                continue;
            QStringList core = words(longestMention(g));
            while (core.size() > 2 && m_lexicon.containsKey(Category::OrgSuffix, core.constLast()))
                core.removeLast();
            if (core.size() >= 2)
                byCore[core.join(u' ')].append(g);
        }
        for (const QList<int> &sameCore : std::as_const(byCore)) {
            if (sameCore.size() == 2 && !m_groups[sameCore[0]].mentions.isEmpty() && !m_groups[sameCore[1]].mentions.isEmpty())
                merge(sameCore[0], sameCore[1]);
        }

        // "Arthur Mench" and "Arthur Mensch": same given name, surname one
        // letter apart. A group is examined here, as the one merged into or
        // the one merged, only before it changes, so the index built first
        // stays true.
        VariantIndex people; // word count, first word and a deletion variant of the last -> groups
        const auto salt = [this](const Mention &name) { return quint64(qHash(firstWord(name))) * 31 + quint64(name.wordCount); };
        for (int g = 0; g < groupCount; ++g) {
            if (m_groups[g].mentions.isEmpty() || m_groups[g].type() != EntityType::Person)
                continue;
            const Mention &name = longestMention(g);
            if (name.wordCount >= 2)
                people.add(salt(name), lastWord(name), g);
        }
        people.sort();
        for (int a = 0; a < groupCount; ++a) {
            if (m_groups[a].mentions.isEmpty() || m_groups[a].type() != EntityType::Person)
                continue;
            const Mention &first = longestMention(a);
            if (first.wordCount < 2)
                continue;
            QList<int> candidates;
            people.find(salt(first), lastWord(first), candidates);
            candidates.removeIf([a](int b) { return b <= a; });
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
            for (int b : std::as_const(candidates)) {
                if (m_groups[b].mentions.isEmpty() || m_groups[b].type() != EntityType::Person)
                    continue;
                const Mention &second = longestMention(b);
                if (first.wordCount == second.wordCount && firstWord(first) == firstWord(second)
                    && likelySameName(lastWord(first), lastWord(second)))
                    merge(a, b);
            }
        }
    }

    const Mention &longestMention(int g) const
    {
        const Mention *best = nullptr;
        for (int m : m_groups[g].mentions) {
            const Mention &mention = m_mentions[m];
            if (!mention.epithet && (!best || mention.wordCount > best->wordCount))
                best = &mention;
        }
        return best ? *best : m_mentions[m_groups[g].mentions.constFirst()];
    }

    // --- epithets -------------------------------------------------------

    // "French president Emmanuel Macron" ties "president" (and "French
    // president") to him for the rest of the document.
    void rememberEpithet(int mention, int titleFirst)
    {
        const Mention &m = m_mentions[mention];
        const TokenSpan tokens = m_tokens[m.sentence];
        // Abbreviated honorifics ("Mr.", "M.", "Mme") say nothing of a role.
        const Token &titleLast = tokens[m.first - 1].is(m_text, u'.') ? tokens[m.first - 2] : tokens[m.first - 1];
        if (&titleLast != &tokens[m.first - 1] || m_text.at(titleLast.end - 1) == u'.')
            return;
        QString title;
        for (int i = titleFirst; i < m.first; ++i) {
            if (tokens[i].isWord())
                title += (title.isEmpty() ? QString() : u" "_s) + folded(tokens[i]);
        }
        if (!title.isEmpty())
            m_epithetOwners.append({title, mention});
    }

    void findEpithets()
    {
        if (m_epithetOwners.isEmpty())
            return;
        indexEpithetOwners();
        // Which tokens lie inside a name, by their position among all the
        // document's tokens.
        QList<qsizetype> firstToken(m_tokens.size() + 1, 0);
        for (qsizetype s = 0; s < m_tokens.size(); ++s)
            firstToken[s + 1] = firstToken[s] + m_tokens[s].size();
        std::vector<bool> covered(size_t(firstToken.constLast()), false);
        for (const Mention &mention : std::as_const(m_mentions)) {
            for (int t = mention.first; t <= mention.last; ++t)
                covered[size_t(firstToken[mention.sentence] + t)] = true;
        }
        for (int s = 0; s < m_tokens.size(); ++s) {
            const TokenSpan tokens = m_tokens[s];
            const auto isCovered = [&](int t) { return covered[size_t(firstToken[s] + t)]; };
            for (int i = 0; i < tokens.size(); ++i) {
                if (!tokens[i].isWord() || !in(Category::PersonTitle, tokens[i]))
                    continue;
                // A title right before a name is a title, not an epithet.
                if (i + 1 < tokens.size() && (isCovered(i + 1) || (tokens[i + 1].is(m_text, u'.') && i + 2 < tokens.size() && isCovered(i + 2))))
                    continue;
                // Nor is the first word of a longer title ("chief executive Pieter Elbers").
                if (i + 1 < tokens.size() && tokens[i + 1].isWord() && in(Category::PersonTitle, tokens[i + 1]))
                    continue;
                // Nor one whose complement runs into a name ("le ministre de
                // l'Economie et des Finances Jean Arthuis", "the minister
                // of Fisheries, Jane Okafor").
                int k = i + 1;
                while (k < tokens.size() && k - i <= 8 && !isCovered(k)
                       && (isPortfolioJoiner(tokens[k]) || (tokens[k].isWord() && isJoiningWord(text(tokens[k])))
                           || (k > i + 1 && tokens[k].isWord() && tokens[k].capitalized)))
                    ++k;
                if (k > i + 1 && k + 1 < tokens.size() && tokens[k].is(m_text, u',') && isCovered(k + 1))
                    ++k;
                if (k > i + 1 && k < tokens.size() && isCovered(k))
                    continue;
                const QString title = folded(tokens[i]);
                const int owner = epithetOwner(title, tokens[i].start);
                if (owner < 0)
                    continue;
                int first = i;
                // An epithet is a noun phrase with its article or an
                // honorific: "the French president", "Mr. President".
                if (first > 0 && isDemonym(tokens[first - 1]))
                    --first;
                if (first > 0 && tokens[first - 1].isWord() && in(Category::Determiner, tokens[first - 1]) && !tokens[first - 1].elision)
                    --first;
                else if (first > 1 && tokens[first - 1].is(m_text, u'.') && in(Category::PersonTitle, tokens[first - 2]))
                    first -= 2;
                else
                    continue;
                Mention epithet;
                epithet.sentence = s;
                epithet.first = first;
                epithet.last = i;
                epithet.start = tokens[first].start;
                epithet.end = tokens[i].end;
                epithet.key = shared(phraseKey(tokens, first, i));
                epithet.epithet = true;
                m_mentions.append(epithet);
                join(m_mentions[owner].group, m_mentions.size() - 1);
            }
        }
    }

    // The people given each title, for epithetOwner(): under the title
    // phrase itself ("vice president") and under each of its endings after a
    // space ("president"), ordered by where they stand in the text. Groups
    // keep their type while epithets join them (an epithet carries no
    // evidence), so only people need indexing.
    void indexEpithetOwners()
    {
        QHash<QString, QList<std::pair<int, int>>> exact, partial; // title -> (position, index in m_epithetOwners)
        for (int k = 0; k < m_epithetOwners.size(); ++k) {
            const auto &[title, mention] = m_epithetOwners[k];
            const Mention &m = m_mentions[mention];
            if (m_groups[m.group].type() != EntityType::Person)
                continue;
            exact[title].append({m.start, k});
            for (qsizetype space = title.indexOf(u' '); space >= 0; space = title.indexOf(u' ', space + 1))
                partial[title.mid(space + 1)].append({m.start, k});
        }
        const auto build = [this](QHash<QString, QList<std::pair<int, int>>> &byTitle, QHash<QString, TitleOwners> &index) {
            for (auto it = byTitle.begin(); it != byTitle.end(); ++it) {
                QList<std::pair<int, int>> &owners = it.value();
                std::stable_sort(owners.begin(), owners.end(),
                                 [](const auto &a, const auto &b) { return a.first < b.first; });
                TitleOwners &entry = index[it.key()];
                int latest = -1;
                for (const auto &[position, k] : std::as_const(owners)) {
                    latest = std::max(latest, k);
                    entry.positions.append(position);
                    entry.latest.append(m_epithetOwners[latest].second);
                }
            }
        };
        build(exact, m_exactTitleOwners);
        build(partial, m_partialTitleOwners);
    }

    // The person most recently given this title before `position`; an exact
    // title ("president") wins over a longer one ("vice president").
    // "Most recently" is in the order the titles were met, as a scan of
    // m_epithetOwners would find it, in logarithmic time.
    int epithetOwner(const QString &title, int position) const
    {
        const auto lookUp = [&](const QHash<QString, TitleOwners> &index) {
            const auto found = index.constFind(title);
            if (found == index.cend())
                return -1;
            const auto after = std::upper_bound(found->positions.cbegin(), found->positions.cend(), position);
            return after == found->positions.cbegin() ? -1 : found->latest[after - found->positions.cbegin() - 1];
        };
        const int exact = lookUp(m_exactTitleOwners);
        return exact >= 0 ? exact : lookUp(m_partialTitleOwners);
    }

    // --- output ---------------------------------------------------------

    QString surface(const Mention &mention) const { return m_text.mid(mention.start, mention.end - mention.start); }

    void trace() const
    {
        static const char *names[] = {"PERSON", "ORG", "PLACE", "PRODUCT", "EVENT"};
        for (const Mention &m : m_mentions) {
            QString evidence;
            for (int t = 0; t < typeCount; ++t) {
                if (m.evidence[t] != 0)
                    evidence += u"%1=%2 "_s.arg(QLatin1StringView(names[t])).arg(m.evidence[t]);
            }
            qCDebug(lcExtract).noquote() << "mention" << surface(m) << "group" << m.group << (m.known ? "known" : "")
                                         << (m.epithet ? "epithet" : "") << evidence;
        }
        for (int g = 0; g < m_groups.size(); ++g) {
            if (!m_groups[g].mentions.isEmpty())
                qCDebug(lcExtract).noquote() << "group" << g << canonicalName(m_groups[g]) << names[slot(m_groups[g].type())];
        }
    }

    QList<ExtractedEntity> entities() const
    {
        QList<ExtractedEntity> result;
        for (const Group &group : m_groups) {
            if (group.mentions.isEmpty())
                continue;
            ExtractedEntity entity;
            entity.type = group.type();
            entity.name = canonicalName(group);
            QList<int> order = group.mentions;
            std::sort(order.begin(), order.end(), [this](int a, int b) { return m_mentions[a].start < m_mentions[b].start; });
            entity.mentions.reserve(order.size());
            // An actor named a hundred thousand times has a handful of
            // aliases: its mentions share their strings.
            QSet<QString> aliases;
            for (int m : order) {
                const Mention &mention = m_mentions[m];
                auto alias = aliases.constFind(surface(mention));
                if (alias == aliases.cend()) {
                    alias = aliases.insert(surface(mention));
                    entity.aliases.append(*alias);
                }
                entity.mentions.append({mention.sentence, mention.start, mention.end, *alias});
            }
            if (!entity.aliases.contains(entity.name))
                entity.aliases.prepend(entity.name);
            result.append(entity);
        }
        std::sort(result.begin(), result.end(), [](const ExtractedEntity &a, const ExtractedEntity &b) {
            return a.mentions.constFirst().start < b.mentions.constFirst().start;
        });
        return result;
    }

    QString canonicalName(const Group &group) const
    {
        if (group.known)
            return group.known->name;
        // The fullest name, written as the text writes it most often; an
        // organisation's without its legal form ("Boeing" for "Boeing Co").
        const bool organisation = group.type() == EntityType::Organization;
        // Each mention's words without a legal form, -1 for an epithet.
        QVarLengthArray<int, 16> nameWords(group.mentions.size());
        QVarLengthArray<int, 16> legalForms(group.mentions.size());
        int bestWords = 0;
        for (qsizetype k = 0; k < group.mentions.size(); ++k) {
            const Mention &mention = m_mentions[group.mentions[k]];
            legalForms[k] = organisation && !mention.epithet ? legalFormTail(mention) : 0;
            nameWords[k] = mention.epithet ? -1 : mention.wordCount - legalForms[k];
            bestWords = std::max(bestWords, nameWords[k]);
        }
        // "Tarvolin Freight" over the headline's "TARVOLIN FREIGHT".
        const auto inCapitals = [this](const Mention &mention) {
            const TokenSpan tokens = m_tokens[mention.sentence];
            return std::all_of(tokens.begin() + mention.first, tokens.begin() + mention.last + 1,
                               [](const Token &token) { return !token.isWord() || token.allCaps; });
        };
        bool written = false;
        for (qsizetype k = 0; k < group.mentions.size() && !written; ++k) {
            if (nameWords[k] == bestWords)
                written = !inCapitals(m_mentions[group.mentions[k]]);
        }
        QString best;
        int bestCount = 0;
        QHash<QString, int> counts;
        for (qsizetype k = 0; k < group.mentions.size(); ++k) {
            const Mention &mention = m_mentions[group.mentions[k]];
            if (nameWords[k] != bestWords || (written && inCapitals(mention)))
                continue;
            const QString name = legalForms[k] > 0 ? nameWithoutLegalForm(mention) : nameWithoutEdition(mention);
            const int count = group.mentions.size() == 1 ? 1 : ++counts[name];
            if (count > bestCount) {
                best = name;
                bestCount = count;
            }
        }
        return best.isEmpty() ? surface(m_mentions[group.mentions.constFirst()]) : best;
    }

    // How many legal forms end the name ("Inc.", "Co", "S.A."), a first word
    // never counted: "Wal-Mart Stores Inc." has one.
    int legalFormTail(const Mention &mention) const
    {
        const TokenSpan tokens = m_tokens[mention.sentence];
        int count = 0;
        for (int i = mention.last; i > mention.firstWord; --i) {
            if (tokens[i].kind == Token::Kind::Punctuation)
                continue;
            if (!in(Category::LegalForm, tokens[i]))
                break;
            ++count;
        }
        return count;
    }

    QString nameWithoutLegalForm(const Mention &mention) const
    {
        const TokenSpan tokens = m_tokens[mention.sentence];
        int last = mention.last;
        while (last > mention.firstWord
               && (tokens[last].kind == Token::Kind::Punctuation || in(Category::LegalForm, tokens[last])))
            --last;
        return m_text.mid(mention.start, tokens[last].end - mention.start);
    }

    QString nameWithoutEdition(const Mention &mention) const
    {
        const TokenSpan tokens = m_tokens[mention.sentence];
        int last = mention.last;
        while (last > mention.first && tokens[last].kind == Token::Kind::Number)
            --last;
        if (last == mention.last)
            return surface(mention);
        // Keep a lower-case event noun that followed the year ("... 2025 conference" is not absorbed).
        return m_text.mid(mention.start, tokens[last].end - mention.start);
    }

    const Lexicon &m_lexicon;
    const NameTyper *m_nameTyper;
    const SyntaxAnalyzer &m_syntax;
    const QString &m_language;
    const QString &m_text;
    const QList<Sentence> &m_sentences;
    const SentenceTokens &m_tokens;
    QSet<QString> m_capitalizedElsewhere;
    mutable std::optional<bool> m_sportsReport; // see isSportsReport()
    QList<bool> m_skip; // see findCandidates()
    struct ShoutedRun
    {
        int sentence;
        int first;
        int last;
    };
    QList<ShoutedRun> m_shoutedRuns; // see shoutedRunsOf()
    QSet<QString> m_organisationWords;
    std::vector<size_t> m_lowerCaseWords; // see writtenInLowerCase()
    bool m_lowerCaseWordsRead = false;
    QSet<QString> m_lastNameWords; // last words of names of two words or more that are not organisations' ("blair")
    QSet<QString> m_sharedKeys; // see shared()
    QList<Mention> m_mentions;
    QList<Group> m_groups;
    QList<std::pair<QString, int>> m_epithetOwners; // title phrase -> mention index, in the order met
    struct TitleOwners
    {
        QList<int> positions; // where the people given the title stand, ascending
        QList<int> latest;    // latest[i]: of those at positions[0..i], the one whose title was met last
    };
    QHash<QString, TitleOwners> m_exactTitleOwners;   // by title phrase
    QHash<QString, TitleOwners> m_partialTitleOwners; // by each ending of a title phrase after a space
};

} // namespace

EntityExtractor::EntityExtractor(const Lexicon &lexicon)
    : m_lexicon(lexicon)
{
}

QList<ExtractedEntity> EntityExtractor::extract(const QString &text, const QList<Sentence> &sentences,
                                                const QString &language) const
{
    return extract(text, sentences, tokenizeSentences(text, sentences), language);
}

QList<ExtractedEntity> EntityExtractor::extract(const QString &text, const QList<Sentence> &sentences,
                                                const SentenceTokens &tokens, const QString &language) const
{
    // The lexicon holds both languages' cues and names are written alike;
    // the name typer knows the words around names in its language only.
    const NameTyper *typer = m_nameTyper && m_nameTyper->language() == language ? m_nameTyper : nullptr;
    return DocumentPass(m_lexicon, typer, m_syntax, language, text, sentences, tokens).run();
}

} // namespace NewsGraph
