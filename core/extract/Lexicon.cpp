#include "core/extract/Lexicon.h"

#include "core/text/WordList.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

using Category = Lexicon::Category;

// The word lists of a lexicon folder, one file per category. Function words
// come from every stopwords-<language>.txt instead.
constexpr std::array wordListFiles{
    std::pair{Category::GivenName, u"given-names.txt"},
    std::pair{Category::StopCapital, u"stop-capitals.txt"},
    std::pair{Category::PersonTitle, u"person-titles.txt"},
    std::pair{Category::OrgSuffix, u"org-suffixes.txt"},
    std::pair{Category::LegalForm, u"legal-forms.txt"},
    std::pair{Category::OrgNoun, u"org-nouns.txt"},
    std::pair{Category::ProductNoun, u"product-nouns.txt"},
    std::pair{Category::EventNoun, u"event-nouns.txt"},
    std::pair{Category::SpeechVerb, u"speech-verbs.txt"},
    std::pair{Category::PlacePreposition, u"place-prepositions.txt"},
    std::pair{Category::Determiner, u"determiners.txt"},
    std::pair{Category::NamingVerb, u"naming-verbs.txt"},
    std::pair{Category::GenericOrgNoun, u"generic-org-nouns.txt"},
    std::pair{Category::InstitutionNoun, u"institution-nouns.txt"},
    std::pair{Category::MemberNoun, u"member-nouns.txt"},
    std::pair{Category::HoldingNoun, u"holding-nouns.txt"},
    std::pair{Category::SportsWord, u"sports-words.txt"},
    std::pair{Category::SportsResult, u"sports-results.txt"},
    std::pair{Category::PlaceNoun, u"place-nouns.txt"},
    std::pair{Category::SpeakerNoun, u"speaker-nouns.txt"},
    std::pair{Category::SecurityNoun, u"security-nouns.txt"},
    std::pair{Category::MarketMove, u"market-moves.txt"},
    std::pair{Category::PortfolioTitle, u"portfolio-titles.txt"},
};

// The category names of the user lexicon format.
constexpr std::array categoryNames{
    std::pair{Category::GivenName, u"given-name"},
    std::pair{Category::StopCapital, u"stop-capital"},
    std::pair{Category::FunctionWord, u"function-word"},
    std::pair{Category::PersonTitle, u"person-title"},
    std::pair{Category::OrgSuffix, u"org-suffix"},
    std::pair{Category::LegalForm, u"legal-form"},
    std::pair{Category::OrgNoun, u"org-noun"},
    std::pair{Category::ProductNoun, u"product-noun"},
    std::pair{Category::EventNoun, u"event-noun"},
    std::pair{Category::SpeechVerb, u"speech-verb"},
    std::pair{Category::PlacePreposition, u"place-preposition"},
    std::pair{Category::Determiner, u"determiner"},
    std::pair{Category::NamingVerb, u"naming-verb"},
    std::pair{Category::GenericOrgNoun, u"generic-org-noun"},
    std::pair{Category::InstitutionNoun, u"institution-noun"},
    std::pair{Category::MemberNoun, u"member-noun"},
    std::pair{Category::HoldingNoun, u"holding-noun"},
    std::pair{Category::SportsWord, u"sports-word"},
    std::pair{Category::SportsResult, u"sports-result"},
    std::pair{Category::PlaceNoun, u"place-noun"},
    std::pair{Category::SpeakerNoun, u"speaker-noun"},
    std::pair{Category::SecurityNoun, u"security-noun"},
    std::pair{Category::MarketMove, u"market-move"},
    std::pair{Category::PortfolioTitle, u"portfolio-title"},
};

// The tables of known names: name<TAB>subtype<TAB>aliases[<TAB>demonyms].
struct NameTable
{
    const char16_t *file;
    EntityType type;
    bool hasDemonyms;
};

constexpr std::array nameTables{
    NameTable{u"places.tsv", EntityType::Place, true},
    NameTable{u"organizations.tsv", EntityType::Organization, false},
    NameTable{u"products.tsv", EntityType::Product, false},
    NameTable{u"events.tsv", EntityType::Event, false},
};

std::optional<Category> categoryFromName(QStringView name)
{
    for (const auto &[category, categoryName] : categoryNames) {
        if (name.compare(QStringView(categoryName), Qt::CaseInsensitive) == 0)
            return category;
    }
    return std::nullopt;
}

QString knownCategoryNames()
{
    QStringList names;
    for (const auto &entry : categoryNames)
        names.append(QString::fromUtf16(entry.second));
    return names.join(u", "_s);
}

int wordCount(const QString &folded)
{
    return folded.isEmpty() ? 0 : int(folded.count(u' ')) + 1;
}

bool hasLowerCase(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLower(); });
}

// Subtypes are short lower-case words joined by hyphens ("news-agency"); the
// check catches fields shifted by a missing or extra TAB.
bool isValidSubtype(QStringView subtype)
{
    if (subtype.isEmpty() || subtype.front() == u'-' || subtype.back() == u'-')
        return false;
    return std::all_of(subtype.begin(), subtype.end(),
        [](QChar c) { return (c >= u'a' && c <= u'z') || c == u'-'; });
}

QStringList splitList(QStringView field)
{
    QStringList items;
    for (QStringView item : field.tokenize(u'|')) {
        item = item.trimmed();
        if (!item.isEmpty())
            items.append(item.toString());
    }
    return items;
}

// The text of a data file, or an error naming it.
Result<QString> readText(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"Cannot read the %1 “%2”: %3"_s.arg(what, path, file.errorString())};
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xfeff))) // a byte order mark some editors write
        text.remove(0, 1);
    return text;
}

// Calls `handle` with the number and content of every line that is not blank
// or a comment ('#' starts a comment; fields keep their inner TABs, the line
// is trimmed). `handle` returns an error message for a malformed line; up to
// maxErrors of them are collected, each prefixed with "path:line: ".
constexpr int maxErrors = 10;

QStringList forEachLine(
    const QString &path, QStringView text, const std::function<QString(QStringView line)> &handle)
{
    QStringList errors;
    int number = 0;
    for (QStringView line : text.tokenize(u'\n')) {
        ++number;
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line = line.left(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const QString error = handle(line);
        if (!error.isEmpty()) {
            errors.append(u"%1:%2: %3"_s.arg(path, QString::number(number), error));
            if (errors.size() == maxErrors)
                break;
        }
    }
    return errors;
}

QList<QStringView> splitFields(QStringView line)
{
    QList<QStringView> fields;
    for (QStringView field : line.tokenize(u'\t'))
        fields.append(field.trimmed());
    return fields;
}

// Whether `c` may be in a plain ASCII word: one that folds to itself in
// lower case.
bool isPlainWordCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x80 && u != u'.' && u != u' ' && u != u'\t' && u != u'\n' && u != u'\r';
}

} // namespace

QString foldName(const QString &text)
{
    const bool folded = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return isPlainWordCharacter(c) && !(c.unicode() >= u'A' && c.unicode() <= u'Z');
    });
    return folded ? text : foldName(QStringView(text));
}

QString foldName(QStringView text)
{
    // A plain ASCII word, by far the commonest case, folds to itself in
    // lower case: one pass, one allocation.
    const bool plainWord = std::all_of(text.begin(), text.end(), isPlainWordCharacter);
    if (plainWord) {
        QString folded(text.size(), Qt::Uninitialized);
        QChar *out = folded.data();
        for (QChar c : text) {
            const char16_t u = c.unicode();
            *out++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
        }
        return folded;
    }
    // Names in ASCII ("Mistral AI", "U.S. Steel"): one pass as below, with
    // neither marks to drop nor case beyond A to Z to fold, so without the
    // Unicode tables, which took three quarters of folding them.
    const bool ascii
        = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        QString folded;
        folded.reserve(text.size());
        bool pendingSpace = false;
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if (u == u'.')
                continue;
            if (u == u' ' || (u >= u'\t' && u <= u'\r')) { // QChar::isSpace() in ASCII
                pendingSpace = !folded.isEmpty();
                continue;
            }
            if (pendingSpace) {
                folded.append(u' ');
                pendingSpace = false;
            }
            folded.append(QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u));
        }
        return folded;
    }
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);

    QString folded;
    folded.reserve(decomposed.size());
    bool pendingSpace = false;
    for (QChar c : decomposed) {
        if (c == u'.' || c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace()) {
            pendingSpace = !folded.isEmpty();
            continue;
        }
        if (c == QChar(0x2019) || c == QChar(0x2018))
            c = u'\'';
        if (pendingSpace) {
            folded.append(u' ');
            pendingSpace = false;
        }
        folded.append(c);
    }
    return folded.toCaseFolded();
}

Result<Lexicon> Lexicon::fromDirectory(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return Error{u"The lexicon folder “%1” does not exist."_s.arg(directory)};

    Lexicon lexicon;

    // Every file is optional, so a smaller lexicon (a test fixture, a
    // language without some lists) loads too; the bundled one has them all.
    const QStringList stopwordFiles
        = dir.entryList({u"stopwords-*.txt"_s}, QDir::Files, QDir::Name);
    for (const QString &file : stopwordFiles) {
        Result<QStringList> entries = WordList::readEntries(dir.filePath(file));
        if (!entries)
            return Error{entries.error()};
        for (const QString &entry : std::as_const(*entries))
            lexicon.addEntry(Category::FunctionWord, entry);
    }

    for (const auto &[category, file] : wordListFiles) {
        const QString path = dir.filePath(QString::fromUtf16(file));
        if (!QFileInfo::exists(path))
            continue;
        Result<QStringList> entries = WordList::readEntries(path);
        if (!entries)
            return Error{entries.error()};
        for (const QString &entry : std::as_const(*entries))
            lexicon.addEntry(category, entry);
    }

    for (const NameTable &table : nameTables) {
        const QString path = dir.filePath(QString::fromUtf16(table.file));
        if (!QFileInfo::exists(path))
            continue;
        const Result<QString> text = readText(path, u"lexicon file"_s);
        if (!text)
            return Error{text.error()};
        const qsizetype maxFields = table.hasDemonyms ? 4 : 3;
        const QString format = table.hasDemonyms ? u"name<TAB>subtype<TAB>aliases<TAB>demonyms"_s
                                                 : u"name<TAB>subtype<TAB>aliases"_s;
        const QStringList errors = forEachLine(path, *text, [&](QStringView line) -> QString {
            const QList<QStringView> fields = splitFields(line);
            if (fields.size() < 2 || fields.size() > maxFields)
                return u"expected %1 (fields separated by TABs), found %2 field(s)."_s.arg(
                    format, QString::number(fields.size()));
            if (fields[0].isEmpty())
                return u"the name is empty."_s;
            if (!isValidSubtype(fields[1]))
                return u"“%1” is not a subtype (lower-case words joined by hyphens, such as “company”)."_s
                    .arg(fields[1]);
            KnownName name;
            name.name = fields[0].toString();
            name.type = table.type;
            name.subtype = fields[1].toString();
            if (fields.size() > 2)
                name.aliases = splitList(fields[2]);
            if (fields.size() > 3) {
                // As with names, the first place to claim a demonym keeps it.
                for (const QString &demonym : splitList(fields[3])) {
                    const QString key = foldName(demonym);
                    if (!key.isEmpty() && !lexicon.m_demonyms.contains(key)) {
                        lexicon.m_demonyms.insert(key, name.name);
                        if (const qsizetype space = key.indexOf(u' '); space > 0)
                            lexicon.m_longDemonymStarts.insert(key.left(space));
                    }
                }
            }
            lexicon.addName(std::move(name));
            return {};
        });
        if (!errors.isEmpty())
            return Error{errors.join(u'\n')};
    }

    lexicon.m_dataNameCount = lexicon.m_names.size();
    lexicon.updateIndexes();
    return lexicon;
}

Result<void> Lexicon::extendFromFile(const QString &path)
{
    const Result<QString> text = readText(path, u"user lexicon"_s);
    if (!text)
        return Error{text.error()};

    // Parse everything first, so that a file with an error adds nothing.
    QList<KnownName> names;
    QList<std::pair<Category, QString>> entries;
    const QStringList errors = forEachLine(path, *text, [&](QStringView line) -> QString {
        const QList<QStringView> fields = splitFields(line);
        if (fields.size() < 2)
            return u"expected TYPE<TAB>name[<TAB>aliases] or category<TAB>word, found no TAB."_s;
        if (const std::optional<EntityType> type = entityTypeFromName(fields[0])) {
            if (fields.size() > 3)
                return u"expected TYPE<TAB>name[<TAB>alias|alias...], found %1 fields."_s.arg(
                    fields.size());
            if (fields[1].isEmpty())
                return u"the name is empty."_s;
            KnownName name;
            name.name = fields[1].toString();
            name.type = *type;
            if (fields.size() > 2)
                name.aliases = splitList(fields[2]);
            names.append(std::move(name));
            return {};
        }
        if (const std::optional<Category> category = categoryFromName(fields[0])) {
            if (fields.size() > 2)
                return u"expected %1<TAB>word, found %2 fields."_s.arg(
                    fields[0], QString::number(fields.size()));
            if (fields[1].isEmpty())
                return u"the word is empty."_s;
            entries.append({*category, fields[1].toString()});
            return {};
        }
        return u"unknown type or category “%1” (expected PERSON, ORG, PLACE, PRODUCT, EVENT or one of %2)."_s
            .arg(fields[0], knownCategoryNames());
    });
    if (!errors.isEmpty())
        return Error{errors.join(u'\n')};

    for (const auto &[category, entry] : std::as_const(entries))
        addEntry(category, entry);
    for (KnownName &name : names)
        addUserName(std::move(name));
    updateIndexes();
    return {};
}

bool Lexicon::contains(Category category, QStringView wordOrPhrase) const
{
    return containsKey(category, foldName(wordOrPhrase));
}

bool Lexicon::containsKey(Category category, const QString &key) const
{
    return m_entries[int(category)].contains(key);
}

namespace {

bool containsFirstWord(const QSet<QString> &starts, const QString &foldedWord)
{
    const QStringView first = Lexicon::firstWordOf(foldedWord);
    // Most words are all letters: look them up without a copy.
    return first.size() == foldedWord.size() ? starts.contains(foldedWord) : starts.contains(first.toString());
}

} // namespace

bool Lexicon::startsEntry(Category category, const QString &foldedWord) const
{
    return containsFirstWord(m_entryStarts[int(category)], foldedWord);
}

bool Lexicon::startsName(const QString &foldedWord) const
{
    return containsFirstWord(m_nameStarts, foldedWord);
}

quint32 Lexicon::startedCategories(const QString &foldedWord) const
{
    const QStringView first = firstWordOf(foldedWord);
    return first.size() == foldedWord.size() ? m_starts.value(foldedWord) : m_starts.value(first.toString());
}

QStringView Lexicon::firstWordOf(QStringView key)
{
    qsizetype end = 0;
    while (end < key.size() && key[end].isLetterOrNumber())
        ++end;
    return key.first(end);
}

int Lexicon::longestEntry(Category category) const
{
    return m_longestEntry[int(category)];
}

const KnownName *Lexicon::findName(QStringView surface) const
{
    return findKey(foldName(surface), hasLowerCase(surface));
}

const KnownName *Lexicon::findKey(const QString &key, bool hasLowerCase) const
{
    const auto found = m_nameIndex.constFind(key);
    if (found == m_nameIndex.cend())
        return nullptr;
    if (hasLowerCase && m_capitalsOnlyKeys.contains(key))
        return nullptr;
    return &m_names.at(*found);
}

QString Lexicon::placeOfDemonym(QStringView word) const
{
    return m_demonyms.value(foldName(word));
}

void Lexicon::addEntry(Category category, const QString &entry)
{
    const QString key = foldName(entry);
    if (key.isEmpty())
        return;
    m_entries[int(category)].insert(key);
    int &longest = m_longestEntry[int(category)];
    longest = std::max(longest, wordCount(key));
    // Every legal form ends organisation names.
    if (category == Category::LegalForm)
        addEntry(Category::OrgSuffix, entry);
}

// Adds a name of the data files. When two names share a key, the first one
// keeps it: the bundled files have no such clash (the tests check it), and a
// data file someone edits must not make loading fail.
QStringList Lexicon::entries(Category category) const
{
    const QSet<QString> &set = m_entries[std::size_t(category)];
    QStringList sorted(set.cbegin(), set.cend());
    sorted.sort();
    return sorted;
}

void Lexicon::addName(KnownName name)
{
    const qsizetype index = m_names.size();
    registerKey(name.name, index, false);
    for (const QString &alias : std::as_const(name.aliases))
        registerKey(alias, index, false);
    m_names.append(std::move(name));
}

// Adds a name of a user lexicon: it corrects the data files, so it takes
// over their keys (but not those of earlier user names).
void Lexicon::addUserName(KnownName name)
{
    const QString key = foldName(name.name);
    const auto found = m_nameIndex.constFind(key);
    if (found != m_nameIndex.cend() && foldName(m_names.at(*found).name) == key) {
        // The same name: a new type and more aliases for it.
        const qsizetype index = *found;
        KnownName &known = m_names[index];
        if (known.type != name.type) {
            known.type = name.type;
            known.subtype.clear();
        }
        for (const QString &alias : std::as_const(name.aliases)) {
            if (!known.aliases.contains(alias))
                known.aliases.append(alias);
            registerKey(alias, index, true);
        }
        return;
    }
    const qsizetype index = m_names.size();
    registerKey(name.name, index, true);
    for (const QString &alias : std::as_const(name.aliases))
        registerKey(alias, index, true);
    m_names.append(std::move(name));
}

void Lexicon::registerKey(const QString &surface, qsizetype index, bool takeOver)
{
    const QString key = foldName(surface);
    if (key.isEmpty())
        return;
    const auto found = m_nameIndex.constFind(key);
    if (found != m_nameIndex.cend() && *found != index) {
        if (!takeOver || *found >= m_dataNameCount)
            return;
        // A user name taking a key over: its spellings alone decide whether
        // the key is an acronym.
        m_keysWrittenInLowerCase.remove(key);
    }
    m_nameIndex.insert(key, index);
    if (hasLowerCase(surface))
        m_keysWrittenInLowerCase.insert(key);
    m_longestName = std::max(m_longestName, wordCount(key));
}

// Rebuilds what is derived from the entries: the first-word sets that let
// lookups skip impossible phrases, and the capitals-only keys. Acronyms such
// as "WHO", "UN" or "CES" fold to words of running text ("who", "un", "ces"),
// and "TIM" to a given name: such a key, when every listed spelling of it is
// in capitals, is matched only in capitals.
void Lexicon::updateIndexes()
{
    m_memberships.clear();
    m_starts.clear();
    for (int category = 0; category < categoryCount; ++category) {
        QSet<QString> &starts = m_entryStarts[category];
        starts.clear();
        for (const QString &key : m_entries[category]) {
            const QString first = firstWordOf(key).toString();
            starts.insert(first);
            m_starts[first] |= 1u << category;
            m_memberships[key] |= 1u << category;
        }
    }
    m_nameStarts.clear();
    m_namePrefixes.clear();
    for (auto it = m_nameIndex.cbegin(); it != m_nameIndex.cend(); ++it) {
        const QString &key = it.key();
        m_nameStarts.insert(firstWordOf(key).toString());
        // Character by character: a phrase is built from tokens that are not
        // always separated by a space ("at&t").
        for (qsizetype length = 1; length <= key.size(); ++length)
            m_namePrefixes.insert(key.left(length));
    }

    m_capitalsOnlyKeys.clear();
    const QSet<QString> &functionWords = m_entries[int(Category::FunctionWord)];
    const QSet<QString> &givenNames = m_entries[int(Category::GivenName)];
    for (auto it = m_nameIndex.cbegin(); it != m_nameIndex.cend(); ++it) {
        const QString &key = it.key();
        if (!m_keysWrittenInLowerCase.contains(key)
            && (functionWords.contains(key) || givenNames.contains(key)))
            m_capitalsOnlyKeys.insert(key);
    }
}

} // namespace NewsGraph
