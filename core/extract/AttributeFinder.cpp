#include "core/extract/AttributeFinder.h"

#include "core/text/WordList.h"

#include <QFile>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QStringList>
#include <QStringView>
#include <algorithm>
#include <array>
#include <vector>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// ---------------------------------------------------------------------------
// Folding: the lookup key of a word or phrase. Case and accents are ignored so
// that "Février", "fevrier" and "FÉVRIER" meet the same table entry; typographic
// apostrophes and hyphens become ASCII ones because both are typed.

constexpr char16_t foldTableSize = 0x250; // Latin-1 and Latin Extended-A/B

const std::array<char16_t, foldTableSize> &foldTable()
{
    static const std::array<char16_t, foldTableSize> table = [] {
        std::array<char16_t, foldTableSize> t {};
        for (char16_t c = 0; c < foldTableSize; ++c) {
            const QChar ch(c);
            char16_t folded = ch.toLower().unicode();
            if (ch.decompositionTag() == QChar::Canonical) {
                const QString decomposed = ch.decomposition();
                if (!decomposed.isEmpty())
                    folded = decomposed.at(0).toLower().unicode();
            }
            t[c] = folded;
        }
        return t;
    }();
    return table;
}

inline char16_t foldChar(char16_t c)
{
    if (c < foldTableSize)
        return foldTable()[c];
    switch (c) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x02BC: // ʼ
        return u'\'';
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
        return u'-';
    default:
        break;
    }
    if (QChar::isSurrogate(c))
        return c;
    return char16_t(QChar::toLower(char32_t(c)));
}

// Grown once and written in place: appending character by character cost
// a capacity check each, half of the finder's time on every word of a text.
void appendFolded(QString &key, QStringView text)
{
    const qsizetype at = key.size();
    key.resize(at + text.size());
    const auto &table = foldTable();
    QChar *out = key.data() + at;
    for (const QChar c : text)
        *out++ = QChar(c.unicode() < foldTableSize ? table[c.unicode()] : foldChar(c.unicode()));
}

inline bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

inline bool isSpaceChar(char16_t c)
{
    if (c < 0x80)
        return c == u' ' || (c >= u'\t' && c <= u'\r');
    return QChar::isSpace(char32_t(c)); // NBSP, NNBSP, thin space...
}

inline bool isHyphenChar(char16_t c)
{
    return c == u'-' || c == 0x2010 || c == 0x2011;
}

// Letters, combining marks and the superscript digits of "m²", "km³".
inline bool isWordChar(char16_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= u'a' && (c | 0x20) <= u'z';
    if (c == 0x00B2 || c == 0x00B3)
        return true;
    if (QChar::isSurrogate(c))
        return false;
    return QChar::isLetter(char32_t(c)) || QChar::isMark(char32_t(c));
}

// ---------------------------------------------------------------------------
// Tokens: one pass over a sentence cuts it into words, numbers and single
// symbols; all matching then works on tokens, never on the raw characters,
// and never with regular expressions.

enum class Kind : quint8 { Word, Number, Symbol };

struct Token
{
    int start = 0;
    int end = 0;
    int decimalPos = -1; // Number: index of the decimal mark in the text, -1 if none
    int intDigits = 0; // Number: digits before the decimal mark
    int small = -1; // Number: the value of a plain integer of at most 9 digits, else -1
    Kind kind = Kind::Symbol;
    bool spaced = true; // whitespace, or the start of the sentence, comes before it
    bool capital = false; // Word: begins with a capital letter
    bool hasUpper = false;
    bool hasLower = false;
    bool hasDigit = false; // Word: a code such as "GB200"
    bool grouped = false; // Number: written with thousands separators

    int length() const { return end - start; }
    bool plainInteger() const
    {
        return kind == Kind::Number && !grouped && decimalPos < 0 && small >= 0;
    }
};

// Which characters separate groups of three digits. Both languages accept the
// non-breaking spaces that typography prescribes; English uses ",", French
// "." and, in running text, a plain space ("18 000 superpuces").
inline bool isThousandsSeparator(char16_t c, bool french)
{
    if (c == 0x00A0 || c == 0x202F || c == 0x2009)
        return true;
    return french ? (c == u' ' || c == u'.') : c == u',';
}

// Reads the number that starts at `from` into `token`; returns its end.
int parseNumber(QStringView text, int from, int to, bool french, Token &token)
{
    int p = from;
    while (p < to && isAsciiDigit(text[p].unicode()))
        ++p;
    const int firstGroup = p - from;
    int digits = firstGroup;
    char16_t separator = 0;
    // Only a group of one to three digits, not starting with 0, can open a
    // grouped number: "2025 100" and phone numbers stay apart.
    if (firstGroup <= 3 && text[from] != u'0') {
        while (p + 4 <= to) {
            const char16_t c = text[p].unicode();
            if (separator ? c != separator : !isThousandsSeparator(c, french))
                break;
            if (!isAsciiDigit(text[p + 1].unicode()) || !isAsciiDigit(text[p + 2].unicode())
                || !isAsciiDigit(text[p + 3].unicode()))
                break;
            if (p + 4 < to && isAsciiDigit(text[p + 4].unicode()))
                break;
            separator = c;
            token.grouped = true;
            p += 4;
            digits += 3;
        }
    }
    token.intDigits = digits;
    // French writes "125,6" but also, in tech names and quotes, "4.5".
    if (p + 1 < to && isAsciiDigit(text[p + 1].unicode())) {
        const char16_t c = text[p].unicode();
        const bool decimal = french ? (c == u',' || (c == u'.' && separator != u'.')) : c == u'.';
        if (decimal) {
            token.decimalPos = p;
            ++p;
            while (p < to && isAsciiDigit(text[p].unicode()))
                ++p;
        }
    }
    if (!token.grouped && token.decimalPos < 0 && digits <= 9) {
        int value = 0;
        for (int i = from; i < from + digits; ++i)
            value = value * 10 + (text[i].unicode() - u'0');
        token.small = value;
    }
    return p;
}

void tokenize(QStringView text, int from, int to, bool french, std::vector<Token> &tokens)
{
    tokens.clear();
    bool spaced = true;
    int p = from;
    while (p < to) {
        const char16_t c = text[p].unicode();
        if (isSpaceChar(c)) {
            spaced = true;
            ++p;
            continue;
        }
        Token token;
        token.start = p;
        token.spaced = spaced;
        spaced = false;
        if (isAsciiDigit(c)) {
            token.kind = Kind::Number;
            p = parseNumber(text, p, to, french, token);
        } else if (isWordChar(c)) {
            token.kind = Kind::Word;
            token.capital = QChar::isUpper(char32_t(c)) || QChar::isTitleCase(char32_t(c));
            // A word runs on through digits ("GB200", "H100", "COP28") but a
            // number followed by letters ("5bn", "10km") is two tokens.
            while (p < to) {
                const char16_t w = text[p].unicode();
                if (isAsciiDigit(w)) {
                    token.hasDigit = true;
                } else if (!isWordChar(w)) {
                    break;
                } else if (w < 0x80) {
                    if (w >= u'a')
                        token.hasLower = true;
                    else
                        token.hasUpper = true;
                } else if (QChar::isUpper(char32_t(w))) {
                    token.hasUpper = true;
                } else if (QChar::isLower(char32_t(w))) {
                    token.hasLower = true;
                }
                ++p;
            }
        } else if (QChar::isHighSurrogate(c) && p + 1 < to
            && QChar::isLowSurrogate(text[p + 1].unicode())) {
            p += 2; // an emoji or other astral character: one symbol
        } else {
            ++p;
        }
        token.end = p;
        tokens.push_back(token);
    }
}

// ---------------------------------------------------------------------------
// Phrase tables: entries of one or more tokens, keyed by their folded text
// (tokens joined by one space where the entry has whitespace, directly
// otherwise: "us$", "per cent", "start-ups"). Every proper prefix of an entry
// is in the table too, marked `extends`, so that matching walks forward one
// token at a time and stops at the first key that leads nowhere.

template<typename V> struct PhraseTable
{
    struct Slot
    {
        V value {};
        bool entry = false; // a whole entry ends here
        bool extends = false; // a longer entry continues from here
        bool upperOnly = false; // written in capitals only ("USD", "MW"): text must be too
        bool symbolic = false; // has a symbol ("$", "US$", "%")
    };

    QHash<QString, Slot> slots;
    QSet<QString> firstKeys; // folded first tokens of the entries
    int maxTokens = 0;
};

enum class InsertMode { Unique, Replace, KeepExisting };

template<typename V>
bool insertPhrase(PhraseTable<V> &table, QStringView form, const V &value, InsertMode mode)
{
    std::vector<Token> tokens;
    tokenize(form, 0, int(form.size()), false, tokens);
    QString key;
    bool upper = false;
    bool lower = false;
    bool symbolic = false;
    for (size_t t = 0; t < tokens.size(); ++t) {
        const Token &token = tokens[t];
        if (t > 0 && token.spaced)
            key.append(u' ');
        appendFolded(key, form.sliced(token.start, token.length()));
        upper = upper || token.hasUpper || (token.kind == Kind::Word && token.capital);
        lower = lower || token.hasLower;
        symbolic = symbolic || token.kind == Kind::Symbol;
        if (t == 0)
            table.firstKeys.insert(key);
        if (t + 1 < tokens.size())
            table.slots[key].extends = true;
    }
    auto &slot = table.slots[key];
    if (slot.entry) {
        // Both spellings of a word may be listed ("mètres", "metres"): they
        // fold to one key, which is fine as long as they mean the same.
        if (mode == InsertMode::Unique)
            return slot.value == value;
        if (mode == InsertMode::KeepExisting)
            return true;
    }
    slot.entry = true;
    slot.value = value;
    slot.upperOnly = upper && !lower;
    slot.symbolic = symbolic;
    table.maxTokens = std::max(table.maxTokens, int(tokens.size()));
    return true;
}

struct MonthInfo
{
    int number = 0; // month 1-12, or ISO day of the week 1-7
    bool capital = false;
    bool strict = false;
    bool abbreviation = false;

    friend bool operator==(const MonthInfo &, const MonthInfo &) = default;
};

struct ScaleInfo
{
    int exponent = 0; // the multiplier is 10^exponent
    bool moneyOnly = false;

    friend bool operator==(const ScaleInfo &, const ScaleInfo &) = default;
};

// Everything find() looks up, for one language.
struct Vocabulary
{
    bool french = false; // decimal comma, space as thousands separator
    PhraseTable<QString> currencies; // -> ISO 4217 code
    PhraseTable<ScaleInfo> scales;
    PhraseTable<bool> connectors;
    PhraseTable<QString> units; // -> canonical unit
    PhraseTable<MonthInfo> months;
    PhraseTable<MonthInfo> weekdays;
    PhraseTable<bool> qualifiers;
    PhraseTable<bool> beforeYear;
    PhraseTable<bool> daySuffixes;
    QSet<QString> stopwords;
    // Folded first tokens of the phrases that can start a mention by
    // themselves (currencies, months, days, qualifiers): a word outside this
    // set costs one hash lookup and nothing more.
    QSet<QString> triggers;
};

struct Vocabularies
{
    Vocabulary en;
    Vocabulary fr;
    Vocabulary any; // other and undetermined languages: both, English values first
};

enum LanguageMask { English = 1, French = 2, Both = 3 };

// Adds an entry for the languages in `mask`. In `any`, English wins where both
// languages define a form ("billion").
template<typename V>
bool addPhrase(
    Vocabularies &v, PhraseTable<V> Vocabulary::*table, QStringView form, const V &value, int mask)
{
    if ((mask & English) && !insertPhrase(v.en.*table, form, value, InsertMode::Unique))
        return false;
    if ((mask & French) && !insertPhrase(v.fr.*table, form, value, InsertMode::Unique))
        return false;
    insertPhrase(v.any.*table, form, value,
        (mask & English) ? InsertMode::Replace : InsertMode::KeepExisting);
    return true;
}

// ---------------------------------------------------------------------------
// Data files: TAB-separated fields, '#' comments, optional [section] headers.

struct TableLine
{
    int number = 0;
    QString section;
    QStringList fields;
};

Error lineError(const QString &path, int line, const QString &what)
{
    return Error { u"%1:%2: %3"_s.arg(path).arg(line).arg(what) };
}

Result<QList<TableLine>> readTable(const QString &path, const QStringList &sections)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { u"Cannot read %1: %2"_s.arg(path, file.errorString()) };
    const QString content = QString::fromUtf8(file.readAll());
    QList<TableLine> lines;
    QString section;
    int number = 0;
    for (const QString &raw : content.split(u'\n')) {
        ++number;
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        if (trimmed.startsWith(u'[') && trimmed.endsWith(u']')) {
            section = trimmed.mid(1, trimmed.size() - 2);
            if (!sections.contains(section))
                return lineError(path, number,
                    u"unknown section [%1] (expected one of: %2)"_s.arg(
                        section, sections.join(u", "_s)));
            continue;
        }
        if (!sections.isEmpty() && section.isEmpty())
            return lineError(path, number, u"entry before any [section] header"_s);
        TableLine line;
        line.number = number;
        line.section = section;
        line.fields = raw.split(u'\t');
        for (QString &field : line.fields)
            field = field.trimmed();
        while (!line.fields.isEmpty() && line.fields.constLast().isEmpty())
            line.fields.removeLast();
        if (line.fields.isEmpty() || line.fields.constFirst().isEmpty())
            return lineError(path, number, u"empty form"_s);
        lines.append(line);
    }
    return lines;
}

int parseLanguage(const QString &field)
{
    if (field == u"en")
        return English;
    if (field == u"fr")
        return French;
    if (field == u"*")
        return Both;
    return 0;
}

Error duplicate(const QString &path, const TableLine &line)
{
    return lineError(path, line.number,
        u"\"%1\" is listed twice, with different meanings"_s.arg(line.fields.constFirst()));
}

Result<void> loadCurrencies(Vocabularies &v, const QString &path)
{
    Result<QList<TableLine>> lines = readTable(path, {});
    if (!lines)
        return Error { lines.error() };
    for (const TableLine &line : *lines) {
        const QString code = line.fields.value(1);
        const bool isCode = code.size() == 3
            && std::all_of(
                code.cbegin(), code.cend(), [](QChar c) { return c >= u'A' && c <= u'Z'; });
        if (line.fields.size() != 2 || !isCode)
            return lineError(path, line.number, u"expected \"form<TAB>ISO 4217 code\""_s);
        if (!addPhrase(v, &Vocabulary::currencies, line.fields[0], code, Both))
            return duplicate(path, line);
    }
    return {};
}

Result<void> loadUnits(Vocabularies &v, const QString &path)
{
    Result<QList<TableLine>> lines = readTable(path, {});
    if (!lines)
        return Error { lines.error() };
    for (const TableLine &line : *lines) {
        if (line.fields.size() != 2)
            return lineError(path, line.number, u"expected \"form<TAB>canonical unit\""_s);
        if (!addPhrase(v, &Vocabulary::units, line.fields[0], line.fields[1], Both))
            return duplicate(path, line);
    }
    return {};
}

// "1e9" or "1000000000" -> 9; -1 for anything that is not a power of ten.
int parsePowerOfTen(const QString &text)
{
    if (text.startsWith(u"1e")) {
        bool ok = false;
        const int exponent = text.mid(2).toInt(&ok);
        return ok && exponent >= 0 && exponent <= 24 ? exponent : -1;
    }
    if (!text.startsWith(u'1') || text.size() > 25)
        return -1;
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (text[i] != u'0')
            return -1;
    }
    return int(text.size() - 1);
}

Result<void> loadScales(Vocabularies &v, const QString &path)
{
    Result<QList<TableLine>> lines = readTable(path, { u"scales"_s, u"connectors"_s });
    if (!lines)
        return Error { lines.error() };
    for (const TableLine &line : *lines) {
        if (line.section == u"connectors") {
            const int mask = parseLanguage(line.fields.value(1));
            if (line.fields.size() != 2 || !mask)
                return lineError(
                    path, line.number, u"expected \"form<TAB>language\" (language: en, fr or *)"_s);
            if (!addPhrase(v, &Vocabulary::connectors, line.fields[0], true, mask))
                return duplicate(path, line);
            continue;
        }
        ScaleInfo scale;
        scale.exponent = parsePowerOfTen(line.fields.value(1));
        const int mask = parseLanguage(line.fields.value(2));
        const QString flags = line.fields.value(3);
        if (line.fields.size() < 3 || line.fields.size() > 4 || scale.exponent < 0 || !mask)
            return lineError(path, line.number,
                u"expected \"form<TAB>power of ten<TAB>language[<TAB>money]\""_s);
        if (!flags.isEmpty() && flags != u"money")
            return lineError(
                path, line.number, u"unknown flag \"%1\" (expected \"money\")"_s.arg(flags));
        scale.moneyOnly = flags == u"money";
        if (!addPhrase(v, &Vocabulary::scales, line.fields[0], scale, mask))
            return duplicate(path, line);
    }
    return {};
}

// Month and weekday lines: form, number, language, flags.
Result<void> loadCalendarNames(Vocabularies &v, PhraseTable<MonthInfo> Vocabulary::*table,
    const QString &path, const TableLine &line, int maxNumber)
{
    QString form = line.fields[0];
    MonthInfo info;
    bool ok = false;
    info.number = line.fields.value(1).toInt(&ok);
    const int mask = parseLanguage(line.fields.value(2));
    if (line.fields.size() < 3 || line.fields.size() > 4 || !ok || info.number < 1
        || info.number > maxNumber || !mask)
        return lineError(path, line.number,
            u"expected \"form<TAB>number 1-%1<TAB>language[<TAB>flags]\""_s.arg(maxNumber));
    const QString flags = line.fields.value(3);
    for (const QString &flag : flags.split(u',', Qt::SkipEmptyParts)) {
        if (flag.trimmed() == u"capital")
            info.capital = true;
        else if (flag.trimmed() == u"strict")
            info.strict = true;
        else
            return lineError(
                path, line.number, u"unknown flag \"%1\" (expected capital or strict)"_s.arg(flag));
    }
    if (form.size() > 1 && form.endsWith(u'.')) {
        form.chop(1);
        info.abbreviation = true;
        info.strict = true; // "Jan", "Dec", "Sun" are names too
    }
    if (!addPhrase(v, table, form, info, mask))
        return duplicate(path, line);
    return {};
}

Result<void> loadMonths(Vocabularies &v, const QString &path)
{
    Result<QList<TableLine>> lines
        = readTable(path, { u"months"_s, u"qualifiers"_s, u"before-year"_s, u"day-suffixes"_s });
    if (!lines)
        return Error { lines.error() };
    for (const TableLine &line : *lines) {
        if (line.section == u"months") {
            if (Result<void> r = loadCalendarNames(v, &Vocabulary::months, path, line, 12); !r)
                return r;
            continue;
        }
        const int mask = parseLanguage(line.fields.value(1));
        if (line.fields.size() != 2 || !mask)
            return lineError(
                path, line.number, u"expected \"form<TAB>language\" (language: en, fr or *)"_s);
        PhraseTable<bool> Vocabulary::*table = line.section == u"qualifiers"
            ? &Vocabulary::qualifiers
            : line.section == u"before-year" ? &Vocabulary::beforeYear
                                             : &Vocabulary::daySuffixes;
        if (!addPhrase(v, table, line.fields[0], true, mask))
            return duplicate(path, line);
    }
    return {};
}

Result<void> loadWeekdays(Vocabularies &v, const QString &path)
{
    Result<QList<TableLine>> lines = readTable(path, {});
    if (!lines)
        return Error { lines.error() };
    for (const TableLine &line : *lines) {
        if (Result<void> r = loadCalendarNames(v, &Vocabulary::weekdays, path, line, 7); !r)
            return r;
    }
    return {};
}

Result<void> loadStopwords(QSet<QString> &target, QSet<QString> &any, const QString &path)
{
    Result<QStringList> entries = WordList::readEntries(path);
    if (!entries)
        return Error { entries.error() };
    for (const QString &entry : *entries) {
        QString key;
        appendFolded(key, entry);
        target.insert(key);
        any.insert(key);
    }
    return {};
}

void collectTriggers(Vocabulary &v)
{
    v.triggers = v.currencies.firstKeys;
    v.triggers.unite(v.months.firstKeys);
    v.triggers.unite(v.weekdays.firstKeys);
    v.triggers.unite(v.qualifiers.firstKeys);
}

const std::array<QString, 8> &englishDayNames()
{
    // The value of a weekday that no document date resolves: English so that
    // values do not depend on the document's language.
    static const std::array<QString, 8> names = [] {
        std::array<QString, 8> n;
        const QLocale english(QLocale::English);
        for (int day = 1; day <= 7; ++day)
            n[day] = english.dayName(day, QLocale::LongFormat).toLower();
        return n;
    }();
    return names;
}

// ---------------------------------------------------------------------------
// The scanner: one per find() call (so find() stays const and thread-safe),
// one token pass per sentence.

class Scanner
{
public:
    Scanner(const QString &text, const Vocabulary &vocabulary, const QDate &documentDate,
        QList<AttributeMention> &out)
        : m_text(text)
        , m_v(vocabulary)
        , m_date(documentDate)
        , m_out(out)
    {
        m_key.reserve(64);
    }

    void scan(int sentenceIndex, const Sentence &sentence);

private:
    struct Found
    {
        AttributeType type = AttributeType::Date;
        int first = 0; // tokens [first, last)
        int last = 0;
        QString value;
    };

    template<typename V> struct Match
    {
        const typename PhraseTable<V>::Slot *slot = nullptr;
        int end = 0; // token after the phrase
        explicit operator bool() const { return slot != nullptr; }
    };

    int count() const { return int(m_tokens.size()); }
    const Token &token(int i) const { return m_tokens[size_t(i)]; }
    QStringView tokenText(int i) const
    {
        return QStringView(m_text).sliced(token(i).start, token(i).length());
    }
    bool attached(int i) const { return i < count() && !token(i).spaced; }
    bool spaced(int i) const { return i < count() && token(i).spaced; }
    bool isWord(int i) const { return i < count() && token(i).kind == Kind::Word; }
    bool isNumber(int i) const { return i < count() && token(i).kind == Kind::Number; }
    bool isSymbol(int i, char16_t c) const
    {
        return i < count() && token(i).kind == Kind::Symbol && token(i).length() == 1
            && m_text[token(i).start] == QChar(c);
    }
    bool isHyphen(int i) const
    {
        return i < count() && token(i).kind == Kind::Symbol && token(i).length() == 1
            && isHyphenChar(m_text[token(i).start].unicode());
    }

    const QString &foldedToken(int i)
    {
        m_key.resize(0); // clear() would free the buffer the next key is written into
        appendFolded(m_key, tokenText(i));
        return m_key;
    }
    bool isStopword(int i) { return m_v.stopwords.contains(foldedToken(i)); }

    template<typename V> Match<V> match(const PhraseTable<V> &table, int i);
    template<typename V> bool precededBy(const PhraseTable<V> &table, int i);

    bool nameBefore(int i);
    bool nameLike(int i);
    bool pluralNoun(int i);
    bool codeLeft(int i) const;
    bool joinedWordAfter(int i) const;

    Match<MonthInfo> monthAt(int i, int &end);
    bool dayAt(int i, int &end);
    bool yearAt(int i, int minimum, int maximum) const;
    QString dateValue(int year, int month, int day) const;

    bool matchCalendarDate(int i, Found &found);
    bool matchDate(int i, Found &found);
    bool matchCurrencyFirst(int i, Found &found);
    bool matchNumber(int i, Found &found);
    bool matchAmount(int first, int number, const QString *code, Found &found);
    bool matchQuantity(int number, int p, int exponent, bool scaled, Found &found);

    QString formatNumber(int i, int exponent) const;
    void record(int sentenceIndex, const Found &found);

    const QString &m_text;
    const Vocabulary &m_v;
    const QDate m_date;
    QList<AttributeMention> &m_out;
    std::vector<Token> m_tokens;
    QString m_key;
};

template<typename V> Scanner::Match<V> Scanner::match(const PhraseTable<V> &table, int i)
{
    Match<V> best;
    m_key.resize(0);
    bool lower = false;
    for (int j = i; j < count(); ++j) {
        if (j > i && token(j).spaced)
            m_key.append(u' ');
        appendFolded(m_key, tokenText(j));
        lower = lower || token(j).hasLower;
        const auto it = table.slots.constFind(m_key);
        if (it == table.slots.cend())
            break;
        if (it->entry && !(it->upperOnly && lower)) {
            best.slot = &*it;
            best.end = j + 1;
        }
        if (!it->extends)
            break;
    }
    return best;
}

// Whether an entry of `table` ends right before token i, separated by space.
template<typename V> bool Scanner::precededBy(const PhraseTable<V> &table, int i)
{
    if (!spaced(i))
        return false;
    for (int s = i - 1; s >= 0 && s >= i - table.maxTokens; --s) {
        const Match<V> m = match(table, s);
        if (m && m.end == i)
            return true;
    }
    return false;
}

// A capitalised word right before a number or a day name makes them part of a
// name: "Viva Tech 2025", "COP 28", "Windows 11", "Black Friday". The first
// word of a sentence is capitalised by grammar and says nothing.
bool Scanner::nameBefore(int i)
{
    if (i == 0 || !token(i).spaced || !isWord(i - 1) || !token(i - 1).hasUpper)
        return false;
    // Looking back from the word rather than forward from the sentence
    // start keeps this linear however many symbols open the sentence.
    bool firstWord = true;
    for (int k = i - 2; k >= 0; --k) {
        if (token(k).kind != Kind::Symbol) {
            firstWord = false;
            break;
        }
    }
    return !firstWord && !isStopword(i - 1);
}

// A product or maker name between a number and what it counts: "Nvidia",
// "Blackwell", "GB200".
bool Scanner::nameLike(int i)
{
    return isWord(i) && (token(i).hasUpper || token(i).hasDigit) && !isStopword(i);
}

// A counted noun that no data file lists: a lowercase plural, at least four
// letters, not a function word ("300 startups", "250 engineers").
bool Scanner::pluralNoun(int i)
{
    if (!isWord(i))
        return false;
    const Token &t = token(i);
    if (t.hasUpper || t.hasDigit || t.capital || t.length() < 4)
        return false;
    const char16_t last = foldChar(m_text[t.end - 1].unicode());
    const char16_t before = foldChar(m_text[t.end - 2].unicode());
    const bool plural = last == u's' || (m_v.french && last == u'x');
    if (!plural || before == u's')
        return false;
    if (joinedWordAfter(i))
        return false;
    return !isStopword(i);
}

// A number glued to a word on its left is part of a code or name: "GPT-4",
// "COVID-19" (words with digits inside, "GB200", are single tokens anyway).
bool Scanner::codeLeft(int i) const
{
    if (i == 0 || token(i).spaced)
        return false;
    const Token &prev = token(i - 1);
    if (prev.kind == Kind::Word)
        return true;
    if (prev.kind != Kind::Symbol || prev.length() != 1 || prev.spaced || i < 2)
        return false;
    const char16_t c = m_text[prev.start].unicode();
    return (isHyphenChar(c) || c == u'/' || c == u'.' || c == u'_')
        && token(i - 2).kind == Kind::Word;
}

// A word glued after token i, directly or by a hyphen: "4G", "2025-style".
bool Scanner::joinedWordAfter(int i) const
{
    if (!attached(i + 1))
        return false;
    if (isWord(i + 1))
        return true;
    return isHyphen(i + 1) && attached(i + 2) && isWord(i + 2);
}

Scanner::Match<MonthInfo> Scanner::monthAt(int i, int &end)
{
    if (!isWord(i))
        return {};
    Match<MonthInfo> m = match(m_v.months, i);
    if (!m || (m.slot->value.capital && !token(i).capital))
        return {};
    end = m.end;
    if (m.slot->value.abbreviation && isSymbol(end, u'.') && attached(end))
        ++end;
    return m;
}

// A day of the month: 1-31, maybe with an ordinal ending ("1er", "2nd"),
// not part of a range, a time or a numeric date ("11-12", "10:30", "11/06").
bool Scanner::dayAt(int i, int &end)
{
    if (!isNumber(i) || !token(i).plainInteger() || token(i).intDigits > 2 || token(i).small < 1
        || token(i).small > 31)
        return false;
    end = i + 1;
    if (attached(end) && isWord(end)) {
        const Match<bool> suffix = match(m_v.daySuffixes, end);
        if (!suffix || suffix.end != end + 1)
            return false;
        ++end;
        return true;
    }
    if (attached(end) && token(end).kind == Kind::Symbol && attached(end + 1)
        && isNumber(end + 1)) {
        const char16_t c = m_text[token(end).start].unicode();
        if (isHyphenChar(c) || c == u'/' || c == u':' || c == u'.' || c == u'h')
            return false;
    }
    return true;
}

bool Scanner::yearAt(int i, int minimum, int maximum) const
{
    if (!isNumber(i))
        return false;
    const Token &t = token(i);
    return t.plainInteger() && t.intDigits == 4 && t.small >= minimum && t.small <= maximum
        && !joinedWordAfter(i);
}

// ISO 8601 at the precision the text gives. A missing year comes from the
// document date when there is one ("on 11 June" in an article of 2025-06-12
// is 2025-06-11), else stays missing ("--06-11").
QString Scanner::dateValue(int year, int month, int day) const
{
    if (year == 0 && m_date.isValid()) {
        if (day == 0 || QDate(m_date.year(), month, day).isValid())
            year = m_date.year();
    }
    if (day != 0 && !QDate(year ? year : 2000, month, day).isValid())
        return {};
    const QString mm = u"%1"_s.arg(month, 2, 10, QChar(u'0'));
    const QString yyyy = year ? u"%1"_s.arg(year, 4, 10, QChar(u'0')) : u"-"_s;
    if (day == 0)
        return yyyy + u'-' + mm;
    return yyyy + u'-' + mm + u'-' + u"%1"_s.arg(day, 2, 10, QChar(u'0'));
}

// ISO date, day month [year], month day [, year], month year, or a month
// alone, starting at token i.
bool Scanner::matchCalendarDate(int i, Found &found)
{
    if (i >= count())
        return false;
    if (isNumber(i)) {
        const Token &t = token(i);
        // 2025-06-12
        if (t.plainInteger() && t.intDigits == 4 && isHyphen(i + 1) && attached(i + 1)
            && isNumber(i + 2) && attached(i + 2) && token(i + 2).plainInteger()
            && token(i + 2).intDigits == 2 && isHyphen(i + 3) && attached(i + 3) && isNumber(i + 4)
            && attached(i + 4) && token(i + 4).plainInteger() && token(i + 4).intDigits == 2) {
            const QDate date(t.small, token(i + 2).small, token(i + 4).small);
            if (!date.isValid())
                return false;
            found = { AttributeType::Date, i, i + 5, date.toString(Qt::ISODate) };
            return true;
        }
        // 11 juin 2025, 11 June, 1er juin
        int dayEnd = 0;
        int monthEnd = 0;
        if (!dayAt(i, dayEnd) || !spaced(dayEnd))
            return false;
        const Match<MonthInfo> month = monthAt(dayEnd, monthEnd);
        if (!month)
            return false;
        int end = monthEnd;
        int year = 0;
        if (spaced(end) && yearAt(end, 1000, 2199)) {
            year = token(end).small;
            ++end;
        }
        const QString value = dateValue(year, month.slot->value.number, t.small);
        if (value.isEmpty())
            return false;
        found = { AttributeType::Date, i, end, value };
        return true;
    }
    int monthEnd = 0;
    const Match<MonthInfo> month = monthAt(i, monthEnd);
    if (!month)
        return false;
    const MonthInfo &info = month.slot->value;
    int dayEnd = 0;
    // June 11, June 11, 2025, June 2nd
    if (spaced(monthEnd) && dayAt(monthEnd, dayEnd)) {
        int end = dayEnd;
        int year = 0;
        int q = end;
        if (isSymbol(q, u',') && attached(q))
            ++q;
        if (spaced(q) && yearAt(q, 1000, 2199)) {
            year = token(q).small;
            end = q + 1;
        }
        const QString value = dateValue(year, info.number, token(monthEnd).small);
        if (value.isEmpty())
            return false;
        found = { AttributeType::Date, i, end, value };
        return true;
    }
    // February 2025
    if (spaced(monthEnd) && yearAt(monthEnd, 1000, 2199)) {
        found = { AttributeType::Date, i, monthEnd + 1,
            dateValue(token(monthEnd).small, info.number, 0) };
        return true;
    }
    // In February
    if (info.strict)
        return false;
    found = { AttributeType::Date, i, monthEnd, dateValue(0, info.number, 0) };
    return true;
}

// Dates that start with a word: a day name, a qualifier, a month.
bool Scanner::matchDate(int i, Found &found)
{
    if (!isWord(i))
        return matchCalendarDate(i, found);
    if (const Match<MonthInfo> day = match(m_v.weekdays, i);
        day && !(day.slot->value.capital && !token(i).capital)) {
        const MonthInfo info = day.slot->value;
        int end = day.end;
        if (info.abbreviation && isSymbol(end, u'.') && attached(end))
            ++end;
        // mercredi 11 juin 2025, Wednesday, June 11
        int p = end;
        if (isSymbol(p, u',') && attached(p))
            ++p;
        Found date;
        if (spaced(p) && matchCalendarDate(p, date)) {
            found = { AttributeType::Date, i, date.last, date.value };
            return true;
        }
        if (info.strict || nameBefore(i))
            return false;
        QString value;
        if (m_date.isValid())
            value = m_date.addDays(-((m_date.dayOfWeek() - info.number + 7) % 7))
                        .toString(Qt::ISODate);
        else
            value = englishDayNames()[size_t(info.number)];
        found = { AttributeType::Date, i, end, value };
        return true;
    }
    // early 2026, mid-June, fin 2025
    if (const Match<bool> qualifier = match(m_v.qualifiers, i)) {
        const int p = qualifier.end;
        const bool hyphenated = isHyphen(p - 1);
        if (p < count() && token(p).spaced != hyphenated) {
            Found date;
            if (matchCalendarDate(p, date)) {
                found = { AttributeType::Date, i, date.last, date.value };
                return true;
            }
            if (yearAt(p, 1000, 2199)) {
                found = { AttributeType::Date, i, p + 1, QString::number(token(p).small) };
                return true;
            }
        }
    }
    return matchCalendarDate(i, found);
}

// A currency written before its number: "$100 billion", "€109bn", "US$ 5",
// "USD 5". Only symbols and codes: "dollars 5" is not how amounts are written.
bool Scanner::matchCurrencyFirst(int i, Found &found)
{
    const Match<QString> currency = match(m_v.currencies, i);
    if (!currency || !(currency.slot->symbolic || currency.slot->upperOnly)
        || !isNumber(currency.end))
        return false;
    const QString code = currency.slot->value;
    return matchAmount(i, currency.end, &code, found);
}

bool Scanner::matchNumber(int i, Found &found)
{
    const Token &t = token(i);
    if (t.intDigits > 30 || codeLeft(i))
        return false; // a digit run that long is an identifier, not an amount
    const bool yearLike
        = t.plainInteger() && t.intDigits == 4 && t.small >= 1500 && t.small <= 2199;
    if (yearLike) {
        // the 1990s
        if (t.small % 10 == 0 && attached(i + 1) && isWord(i + 1)
            && tokenText(i + 1) == QStringView(u"s") && !joinedWordAfter(i + 1)) {
            found = { AttributeType::Date, i, i + 2, QString::number(t.small / 10) };
            return true;
        }
        // in 2025, dès 2026: a year whatever follows
        if (!joinedWordAfter(i) && precededBy(m_v.beforeYear, i)) {
            found = { AttributeType::Date, i, i + 1, QString::number(t.small) };
            return true;
        }
    }
    if (matchAmount(i, i, nullptr, found))
        return true;
    // A year alone, unless it is part of a name ("Viva Tech 2025").
    if (yearLike && !joinedWordAfter(i) && !nameBefore(i)) {
        found = { AttributeType::Date, i, i + 1, QString::number(t.small) };
        return true;
    }
    return false;
}

// number [scale] [connector] [currency | unit]; `code` is the currency already
// read before the number, if any; `first` the token where the mention starts.
bool Scanner::matchAmount(int first, int number, const QString *code, Found &found)
{
    const int p = number + 1;
    Match<ScaleInfo> scale;
    if (isWord(p))
        scale = match(m_v.scales, p);
    const int exponent = scale ? scale.slot->value.exponent : 0;
    if (code) {
        if (scale) {
            found = { AttributeType::Money, first, scale.end,
                formatNumber(number, exponent) + u' ' + *code };
            return true;
        }
        if (attached(p) && isWord(p))
            return false; // "$5G" is a code, not five dollars
        found = { AttributeType::Money, first, p, formatNumber(number, 0) + u' ' + *code };
        return true;
    }
    // The currency after the amount, in French also after "de"/"d'":
    // "5 dollars", "109 billion euros", "125,6 milliards de dollars".
    const int q = scale ? scale.end : p;
    Match<QString> currency = match(m_v.currencies, q);
    if (!currency && scale) {
        if (const Match<bool> connector = match(m_v.connectors, q))
            currency = match(m_v.currencies, connector.end);
    }
    if (currency) {
        found = { AttributeType::Money, first, currency.end,
            formatNumber(number, exponent) + u' ' + currency.slot->value };
        return true;
    }
    // Without a currency a money-only scale is a unit or a word: "100 m".
    if (scale && scale.slot->value.moneyOnly)
        return matchQuantity(number, p, 0, false, found);
    return matchQuantity(number, q, exponent, bool(scale), found);
}

// QUANTITY = number [scale] followed by: a unit of units.tsv (joined, spaced,
// or after a hyphen: "40-megawatt"); or up to three capitalised names and then
// a unit of units.tsv ("18,000 Nvidia chips"); or directly a lowercase plural
// noun ("300 startups").
bool Scanner::matchQuantity(int number, int p, int exponent, bool scaled, Found &found)
{
    if (nameBefore(number))
        return false; // "Windows 11 users", "Article 5"
    const QString amount = formatNumber(number, exponent);
    if (!scaled && isHyphen(p) && attached(p) && attached(p + 1) && isWord(p + 1)) {
        const Match<QString> unit = match(m_v.units, p + 1);
        if (!unit)
            return false; // "2-for-1", a code
        if (isHyphen(unit.end) && attached(unit.end) && attached(unit.end + 1)
            && isWord(unit.end + 1))
            return false; // "5-year-old": an adjective
        found = { AttributeType::Quantity, number, unit.end, amount + u' ' + unit.slot->value };
        return true;
    }
    int q = p;
    Match<QString> unit = match(m_v.units, q);
    if (!unit && scaled) {
        if (const Match<bool> connector = match(m_v.connectors, q)) {
            q = connector.end;
            unit = match(m_v.units, q);
        }
    }
    if (unit) {
        found = { AttributeType::Quantity, number, unit.end, amount + u' ' + unit.slot->value };
        return true;
    }
    if (attached(p) && isWord(p))
        return false; // "4G", "3D": a code
    // Names are skipped until a listed unit starts; the unit may itself be
    // capitalised ("GB200 GPU", "Blackwell GPUs").
    int k = q;
    for (int names = 0; names < 3 && spaced(k) && nameLike(k); ++names) {
        ++k;
        if (!spaced(k))
            break;
        if (const Match<QString> counted = match(m_v.units, k)) {
            found = { AttributeType::Quantity, number, counted.end,
                amount + u' ' + counted.slot->value };
            return true;
        }
    }
    if (spaced(q) && pluralNoun(q)) {
        found = { AttributeType::Quantity, number, q + 1,
            amount + u' ' + tokenText(q).toString().toLower() };
        return true;
    }
    return false;
}

// The number's exact decimal value times 10^exponent, without exponent
// notation, rounded to at most two decimals: "125,6" with 9 -> "125600000000".
QString Scanner::formatNumber(int i, int exponent) const
{
    const Token &t = token(i);
    QString digits;
    digits.reserve(t.length() + exponent);
    int intCount = 0;
    for (int p = t.start; p < t.end; ++p) {
        const char16_t c = m_text[p].unicode();
        if (!isAsciiDigit(c))
            continue;
        digits.append(QChar(c));
        if (t.decimalPos < 0 || p < t.decimalPos)
            ++intCount;
    }
    const int point = intCount + exponent;
    if (point > digits.size())
        digits.append(QString(point - digits.size(), u'0'));
    QString integer = digits.left(point);
    QString fraction = digits.mid(point);
    if (fraction.size() > 2) {
        const bool roundUp = fraction[2] >= u'5';
        fraction.truncate(2);
        if (roundUp) {
            QString all = integer + fraction;
            int k = int(all.size()) - 1;
            while (k >= 0 && all[k] == u'9') {
                all[k] = u'0';
                --k;
            }
            if (k >= 0)
                all[k] = QChar(char16_t(all[k].unicode() + 1));
            else
                all.prepend(u'1');
            integer = all.left(all.size() - 2);
            fraction = all.right(2);
        }
    }
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    qsizetype zeros = 0;
    while (zeros + 1 < integer.size() && integer[zeros] == u'0')
        ++zeros;
    integer.remove(0, zeros);
    if (integer.isEmpty())
        integer = u"0"_s;
    return fraction.isEmpty() ? integer : integer + u'.' + fraction;
}

void Scanner::record(int sentenceIndex, const Found &found)
{
    AttributeMention mention;
    mention.type = found.type;
    mention.sentence = sentenceIndex;
    mention.start = token(found.first).start;
    mention.end = token(found.last - 1).end;
    mention.surface = m_text.mid(mention.start, mention.end - mention.start);
    mention.value = found.value;
    m_out.append(mention);
}

void Scanner::scan(int sentenceIndex, const Sentence &sentence)
{
    const int from = std::clamp(sentence.start, 0, int(m_text.size()));
    const int to = std::clamp(sentence.end, from, int(m_text.size()));
    tokenize(m_text, from, to, m_v.french, m_tokens);
    for (int i = 0; i < count();) {
        Found found;
        bool ok = false;
        if (isNumber(i)) {
            ok = matchCalendarDate(i, found) || matchNumber(i, found);
        } else if (m_v.triggers.contains(foldedToken(i))) {
            ok = matchDate(i, found) || matchCurrencyFirst(i, found);
        }
        if (ok && found.last > i) {
            record(sentenceIndex, found);
            i = found.last;
        } else {
            ++i;
        }
    }
}

} // namespace

struct AttributeFinder::Data
{
    Vocabularies vocabularies;
};

Result<AttributeFinder> AttributeFinder::fromDirectory(const QString &directory)
{
    auto data = std::make_shared<Data>();
    Vocabularies &v = data->vocabularies;
    v.fr.french = true;
    const QString dir = directory.endsWith(u'/') ? directory : directory + u'/';
    const Result<void> results[] = {
        loadCurrencies(v, dir + u"currencies.tsv"_s),
        loadScales(v, dir + u"number-scales.tsv"_s),
        loadUnits(v, dir + u"units.tsv"_s),
        loadMonths(v, dir + u"months.tsv"_s),
        loadWeekdays(v, dir + u"weekdays.tsv"_s),
        loadStopwords(v.en.stopwords, v.any.stopwords, dir + u"stopwords-en.txt"_s),
        loadStopwords(v.fr.stopwords, v.any.stopwords, dir + u"stopwords-fr.txt"_s),
    };
    for (const Result<void> &result : results) {
        if (!result)
            return Error { result.error() };
    }
    collectTriggers(v.en);
    collectTriggers(v.fr);
    collectTriggers(v.any);
    AttributeFinder finder;
    finder.m_data = std::move(data);
    return finder;
}

QList<AttributeMention> AttributeFinder::find(const QString &text, const QList<Sentence> &sentences,
    const QString &language, const QDate &documentDate) const
{
    QList<AttributeMention> mentions;
    if (!m_data || text.isEmpty())
        return mentions;
    const Vocabularies &v = m_data->vocabularies;
    const Vocabulary &vocabulary = language.startsWith(u"fr", Qt::CaseInsensitive) ? v.fr
        : language.startsWith(u"en", Qt::CaseInsensitive)                          ? v.en
                                                                                   : v.any;
    Scanner scanner(text, vocabulary, documentDate, mentions);
    for (qsizetype i = 0; i < sentences.size(); ++i)
        scanner.scan(int(i), sentences[i]);
    return mentions;
}

} // namespace NewsGraph
