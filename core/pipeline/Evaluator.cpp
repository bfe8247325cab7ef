#include "core/pipeline/Evaluator.h"

#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <set>
#include <tuple>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// What the reference scorer knows of types and predicates (score.py's TYPES,
// SYMMETRIC and COOCCURRENCE).
bool isScoredType(const QString &type)
{
    static const QSet<QString> types{u"PERSON"_s, u"ORG"_s, u"PLACE"_s, u"PRODUCT"_s, u"EVENT"_s};
    return types.contains(type);
}

bool isSymmetric(const QString &predicate)
{
    static const QSet<QString> predicates{u"partner_of"_s, u"deal_with"_s, u"competes_with"_s};
    return predicates.contains(predicate);
}

bool isCoOccurrence(const QString &predicate)
{
    static const QSet<QString> predicates{u"mentioned_with"_s, u"co_occurs"_s, u"cooccurs"_s,
                                          u"co_occurrence"_s, u"related_to"_s};
    return predicates.contains(predicate);
}

// Python's \s and str.isspace() (which str.strip() uses): the Unicode
// separators, plus the ASCII controls \t \n \v \f \r and the information
// separators 0x1C-0x1F, plus NEL. QChar::isSpace() lacks 0x1C-0x1F.
bool isPythonSpace(char32_t c)
{
    if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85)
        return true;
    switch (QChar::category(c)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

// Python's \w for str patterns: letters, numbers and the underscore.
bool isPythonWord(char32_t c)
{
    return c == U'_' || QChar::isLetterOrNumber(c);
}

QList<char32_t> codePoints(QStringView text)
{
    QList<char32_t> points;
    points.reserve(text.size());
    for (const char32_t c : text.toUcs4())
        points.append(c);
    return points;
}

// Not QString::fromUcs4(), which would take a leading U+FEFF for a byte
// order mark and drop it.
QString fromCodePoints(const QList<char32_t> &points)
{
    QString text;
    text.reserve(points.size());
    for (const char32_t c : points) {
        if (QChar::requiresSurrogates(c)) {
            text.append(QChar(QChar::highSurrogate(c)));
            text.append(QChar(QChar::lowSurrogate(c)));
        } else {
            text.append(QChar(char16_t(c)));
        }
    }
    return text;
}

// White space collapsed to single spaces and trimmed, over code points.
QList<char32_t> squashed(const QList<char32_t> &points)
{
    QList<char32_t> out;
    out.reserve(points.size());
    bool pendingSpace = false;
    for (const char32_t c : points) {
        if (isPythonSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out.append(U' ');
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

// Python's f"{value:.{decimals}f}": correctly rounded, ties to even on the
// exact binary value. QString::number() rounds such ties away from zero
// (0.125 -> "0.13" where Python prints "0.12"), std::to_chars does not.
QString fixed(double value, int decimals)
{
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, decimals);
    return QString::fromLatin1(buffer.data(), result.ptr - buffer.data());
}

// Python's s[:width].ljust(width), counting code points.
QString leftJustifiedCodePoints(const QString &text, qsizetype width)
{
    QList<char32_t> points = codePoints(text);
    if (points.size() > width)
        points.resize(width);
    QString out = fromCodePoints(points);
    out += QString(width - points.size(), u' ');
    return out;
}

// --- reading annotations

Result<QString> stringMember(const QJsonObject &object, const QString &key, bool required,
                             const QString &where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return QString();
    if (!value.isString())
        return Error{u"%1: “%2” must be a string"_s.arg(where, key)};
    return value.toString();
}

Result<QStringList> stringListMember(const QJsonObject &object, const QString &key,
                                     const QString &where)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QStringList();
    if (!value.isArray())
        return Error{u"%1: “%2” must be a list of strings"_s.arg(where, key)};
    QStringList strings;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return Error{u"%1: “%2” must be a list of strings"_s.arg(where, key)};
        strings.append(item.toString());
    }
    return strings;
}

Result<QJsonArray> arrayMember(const QJsonObject &object, const QString &key, const QString &where)
{
    const QJsonValue value = object.value(key);
    if (!value.isArray())
        return Error{u"%1: “%2” must be a list"_s.arg(where, key)};
    return value.toArray();
}

// Code point order, as Python's sorted() orders file names.
bool codePointLess(const QString &a, const QString &b)
{
    const QList<uint> left = a.toUcs4();
    const QList<uint> right = b.toUcs4();
    return std::lexicographical_compare(left.cbegin(), left.cend(), right.cbegin(), right.cend());
}

} // namespace

// --- counts

double ScoreCounts::precision() const
{
    const int predicted = truePositives + falsePositives;
    return predicted ? double(truePositives) / predicted : 0.0;
}

double ScoreCounts::recall() const
{
    const int relevant = truePositives + falseNegatives;
    return relevant ? double(truePositives) / relevant : 0.0;
}

double ScoreCounts::f1() const
{
    const double p = precision();
    const double r = recall();
    return p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
}

ScoreCounts &ScoreCounts::operator+=(const ScoreCounts &other)
{
    truePositives += other.truePositives;
    falsePositives += other.falsePositives;
    falseNegatives += other.falseNegatives;
    return *this;
}

void Evaluation::add(const DocumentScore &score)
{
    documents.append(score);
    entities += score.entities;
    typed += score.typed;
    pairs += score.pairs;
    relations += score.relations;
    evidenceFound += score.evidenceFound;
    evidenceTotal += score.evidenceTotal;
}

double Evaluation::evidenceShare() const
{
    return evidenceTotal ? double(evidenceFound) / evidenceTotal : 0.0;
}

// --- annotations

Result<GoldDocument> parseGoldDocument(const QByteArray &json, const QString &goldFile)
{
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{u"%1: not valid JSON: %2 (at byte %3)"_s
                         .arg(goldFile, parseError.errorString())
                         .arg(parseError.offset)};
    if (!parsed.isObject())
        return Error{u"%1: expected a JSON object"_s.arg(goldFile)};
    const QJsonObject root = parsed.object();

    GoldDocument gold;
    gold.goldFile = goldFile;
    const Result<QString> document = stringMember(root, u"doc"_s, true, goldFile);
    if (!document)
        return Error{document.error()};
    if (document->isEmpty())
        return Error{u"%1: “doc” must name the article"_s.arg(goldFile)};
    gold.document = document.value();
    const Result<QString> language = stringMember(root, u"language"_s, false, goldFile);
    if (!language)
        return Error{language.error()};
    gold.language = language.value();

    const Result<QJsonArray> entities = arrayMember(root, u"entities"_s, goldFile);
    if (!entities)
        return Error{entities.error()};
    for (qsizetype i = 0; i < entities->size(); ++i) {
        const QString where = u"%1: entity %2"_s.arg(goldFile).arg(i + 1);
        if (!entities->at(i).isObject())
            return Error{u"%1 must be an object"_s.arg(where)};
        const QJsonObject object = entities->at(i).toObject();
        const Result<QString> name = stringMember(object, u"name"_s, true, where);
        const Result<QString> type = stringMember(object, u"type"_s, false, where);
        const Result<QStringList> aliases = stringListMember(object, u"aliases_in_text"_s, where);
        const Result<QStringList> altTypes = stringListMember(object, u"alt_types"_s, where);
        for (const QString &error :
             {name.error(), type.error(), aliases.error(), altTypes.error()}) {
            if (!error.isEmpty())
                return Error{error};
        }
        gold.entities.append({name.value(), type.value(), aliases.value(), altTypes.value()});
    }

    const Result<QJsonArray> relations = arrayMember(root, u"relations"_s, goldFile);
    if (!relations)
        return Error{relations.error()};
    for (qsizetype i = 0; i < relations->size(); ++i) {
        const QString where = u"%1: relation %2"_s.arg(goldFile).arg(i + 1);
        if (!relations->at(i).isObject())
            return Error{u"%1 must be an object"_s.arg(where)};
        const QJsonObject object = relations->at(i).toObject();
        const Result<QString> subject = stringMember(object, u"subject"_s, true, where);
        const Result<QString> predicate = stringMember(object, u"predicate"_s, true, where);
        const Result<QString> objectName = stringMember(object, u"object"_s, true, where);
        const Result<QString> evidence = stringMember(object, u"evidence"_s, false, where);
        for (const QString &error :
             {subject.error(), predicate.error(), objectName.error(), evidence.error()}) {
            if (!error.isEmpty())
                return Error{error};
        }
        gold.relations.append(
            {subject.value(), predicate.value(), objectName.value(), evidence.value()});
    }
    return gold;
}

Result<QList<GoldDocument>> readGoldDirectory(const QString &directory)
{
    const QFileInfo info(directory);
    if (!info.isDir())
        return Error{u"%1: no such folder"_s.arg(QDir::toNativeSeparators(directory))};
    const QDir dir(directory);
    // Everything os.listdir() would list, hidden entries included.
    QStringList names = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                          | QDir::NoDotAndDotDot,
                                      QDir::Unsorted);
    names.removeIf([](const QString &name) { return !name.endsWith(u".json"_s); });
    std::sort(names.begin(), names.end(), codePointLess);

    QList<GoldDocument> documents;
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
            return Error{u"%1: cannot read the annotation: %2"_s.arg(
                QDir::toNativeSeparators(path),
                file.errorString().isEmpty() ? u"not a file"_s : file.errorString())};
        Result<GoldDocument> gold
            = parseGoldDocument(file.readAll(), QDir::toNativeSeparators(path));
        if (!gold)
            return Error{gold.error()};
        documents.append(std::move(gold).value());
    }
    return documents;
}

// --- scoring

QString scoringKey(QStringView name)
{
    const QString decomposed = name.toString().normalized(QString::NormalizationForm_KD);
    QList<char32_t> folded;
    folded.reserve(decomposed.size());
    for (const char32_t c : codePoints(decomposed)) {
        if (QChar::combiningClass(c) != 0)
            continue;
        // Python's casefold() is full case folding, Qt's the simple one.
        // After NFKD only ß and ẞ fold differently (to "ss"): every other
        // character with a multi-character folding decomposes first.
        if (c == 0x00DF || c == 0x1E9E) {
            folded.append(U's');
            folded.append(U's');
            continue;
        }
        folded.append(c == 0x2019 ? U'\'' : QChar::toCaseFolded(c));
    }

    // "'s" where a word ends (re.sub(r"'s\b", "")), then every character
    // that is neither a word character nor white space becomes a space.
    // Both look at the folded text as it was, like the regular expressions.
    QList<char32_t> words;
    words.reserve(folded.size());
    const qsizetype n = folded.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char32_t c = folded.at(i);
        if (c == U'\'' && i + 1 < n && folded.at(i + 1) == U's'
            && (i + 2 == n || !isPythonWord(folded.at(i + 2)))) {
            ++i;
            continue;
        }
        words.append(isPythonWord(c) || isPythonSpace(c) ? c : U' ');
    }

    QString key = fromCodePoints(squashed(words));
    if (key.startsWith(u"the "_s))
        key.remove(0, 4);
    return key;
}

QString squashWhitespace(QStringView text)
{
    return fromCodePoints(squashed(codePoints(text)));
}

QString decodeArticle(const QByteArray &bytes)
{
    // The WHATWG / Unicode "maximal subpart" practice Python follows: a
    // sequence that goes wrong is replaced by one U+FFFD up to the byte where
    // it went wrong, which is then read afresh. QString::fromUtf8() instead
    // gives one U+FFFD per byte and drops a byte order mark.
    QList<char32_t> points;
    points.reserve(bytes.size());
    const auto byteAt = [&](qsizetype i) { return uchar(bytes.at(i)); };
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar lead = byteAt(i);
        if (lead < 0x80) {
            points.append(lead);
            ++i;
            continue;
        }
        int length = 0;
        uchar low = 0x80; // allowed range of the second byte
        uchar high = 0xBF;
        char32_t value = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            value = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            value = lead & 0x0F;
            if (lead == 0xE0)
                low = 0xA0; // no overlong forms
            else if (lead == 0xED)
                high = 0x9F; // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            value = lead & 0x07;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F; // nothing above U+10FFFF
        } else {
            points.append(0xFFFD);
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        for (; j < i + length && j < n; ++j) {
            const uchar next = byteAt(j);
            const uchar min = j == i + 1 ? low : 0x80;
            const uchar max = j == i + 1 ? high : 0xBF;
            if (next < min || next > max)
                break;
            value = (value << 6) | (next & 0x3F);
        }
        if (j == i + length) {
            points.append(value);
        } else {
            points.append(0xFFFD);
        }
        i = j;
    }

    // Universal newlines.
    QList<char32_t> lines;
    lines.reserve(points.size());
    for (qsizetype k = 0; k < points.size(); ++k) {
        if (points.at(k) == U'\r') {
            lines.append(U'\n');
            if (k + 1 < points.size() && points.at(k + 1) == U'\n')
                ++k;
        } else {
            lines.append(points.at(k));
        }
    }
    return fromCodePoints(lines);
}

QList<std::pair<qsizetype, qsizetype>> matchEntities(const QList<EntityRecord> &predicted,
                                                      const QList<GoldEntity> &gold)
{
    QList<QString> goldNames;
    QList<QSet<QString>> goldKeys;
    for (const GoldEntity &entity : gold) {
        goldNames.append(scoringKey(entity.name));
        QSet<QString> keys{goldNames.constLast()};
        for (const QString &alias : entity.aliases)
            keys.insert(scoringKey(alias));
        keys.remove(QString()); // an empty key matches nothing
        goldKeys.append(keys);
    }
    QList<QString> predictedNames;
    QList<QSet<QString>> predictedKeys;
    for (const EntityRecord &entity : predicted) {
        predictedNames.append(scoringKey(entity.name));
        QSet<QString> keys{predictedNames.constLast()};
        for (const QString &alias : entity.aliases)
            keys.insert(scoringKey(alias));
        predictedKeys.append(keys);
    }

    QList<std::pair<qsizetype, qsizetype>> matches;
    QList<bool> predictedUsed(predicted.size(), false);
    QList<bool> goldUsed(gold.size(), false);
    // Canonical names first, so that "Huang" the alias does not take a
    // reference entity that another prediction names in full; then aliases.
    for (const bool byAlias : {false, true}) {
        for (qsizetype i = 0; i < predicted.size(); ++i) {
            if (predictedUsed.at(i))
                continue;
            for (qsizetype j = 0; j < gold.size(); ++j) {
                if (goldUsed.at(j))
                    continue;
                const bool hit = byAlias ? predictedKeys.at(i).intersects(goldKeys.at(j))
                                         : goldNames.at(j) == predictedNames.at(i);
                if (hit) {
                    matches.append({i, j});
                    predictedUsed[i] = true;
                    goldUsed[j] = true;
                    break;
                }
            }
        }
    }
    return matches;
}

DocumentScore scoreDocument(const GoldDocument &gold, const QList<EntityRecord> &entities,
                            const QList<RelationRecord> &relations, const QString &articleText)
{
    DocumentScore score;
    score.document = gold.document;

    QList<EntityRecord> predicted;
    for (const EntityRecord &entity : entities) {
        if (isScoredType(entity.type))
            predicted.append(entity);
    }
    QList<GoldEntity> reference;
    for (const GoldEntity &entity : gold.entities) {
        if (isScoredType(entity.type))
            reference.append(entity);
    }

    const QList<std::pair<qsizetype, qsizetype>> matches = matchEntities(predicted, reference);
    const int found = int(matches.size());
    int typed = 0;
    for (const auto &[i, j] : matches) {
        const QString &type = predicted.at(i).type;
        if (type == reference.at(j).type || reference.at(j).altTypes.contains(type))
            ++typed;
    }
    score.entities = {found, int(predicted.size()) - found, int(reference.size()) - found};
    score.typed = {typed, int(predicted.size()) - typed, int(reference.size()) - typed};

    // Every name and alias of a matched prediction leads to its reference
    // entity; a later match overwrites an earlier one, as in the scorer.
    QHash<QString, qsizetype> nameToGold;
    for (const auto &[i, j] : matches) {
        nameToGold.insert(scoringKey(predicted.at(i).name), j);
        for (const QString &alias : predicted.at(i).aliases)
            nameToGold.insert(scoringKey(alias), j);
    }
    QHash<QString, qsizetype> goldByName;
    for (qsizetype j = 0; j < reference.size(); ++j)
        goldByName.insert(scoringKey(reference.at(j).name), j);

    using Pair = std::pair<qsizetype, qsizetype>;
    using Triple = std::tuple<QString, qsizetype, qsizetype>;
    const auto pairKey = [](qsizetype s, qsizetype o) {
        return Pair{std::min(s, o), std::max(s, o)};
    };
    const auto tripleKey = [](qsizetype s, const QString &predicate, qsizetype o) {
        if (isSymmetric(predicate))
            return Triple{predicate, std::min(s, o), std::max(s, o)};
        return Triple{predicate, s, o};
    };

    std::set<Pair> goldPairs;
    std::set<Triple> goldTriples;
    for (const GoldRelation &relation : gold.relations) {
        const auto s = goldByName.constFind(scoringKey(relation.subject));
        const auto o = goldByName.constFind(scoringKey(relation.object));
        if (s == goldByName.constEnd() || o == goldByName.constEnd() || *s == *o)
            continue;
        goldPairs.insert(pairKey(*s, *o));
        goldTriples.insert(tripleKey(*s, relation.predicate, *o));
    }

    const QString text = squashWhitespace(articleText);
    std::set<Pair> predictedPairs;
    std::set<Triple> predictedTriples;
    int unmapped = 0;
    for (const RelationRecord &relation : relations) {
        if (isCoOccurrence(relation.predicate))
            continue;
        for (const EvidenceRecord &evidence : relation.evidence) {
            ++score.evidenceTotal;
            const QString sentence = squashWhitespace(evidence.sentence);
            if (!sentence.isEmpty() && text.contains(sentence))
                ++score.evidenceFound;
        }
        const auto s = nameToGold.constFind(scoringKey(relation.subject));
        const auto o = nameToGold.constFind(scoringKey(relation.object));
        if (s == nameToGold.constEnd() || o == nameToGold.constEnd() || *s == *o) {
            ++unmapped;
            continue;
        }
        predictedPairs.insert(pairKey(*s, *o));
        predictedTriples.insert(tripleKey(*s, relation.predicate, *o));
    }

    const auto common = [](const auto &a, const auto &b) {
        return int(std::count_if(a.cbegin(), a.cend(),
                                 [&](const auto &key) { return b.count(key) > 0; }));
    };
    const int pairHits = common(predictedPairs, goldPairs);
    const int tripleHits = common(predictedTriples, goldTriples);
    score.pairs = {pairHits, int(predictedPairs.size()) - pairHits + unmapped,
                   int(goldPairs.size()) - pairHits};
    score.relations = {tripleHits, int(predictedTriples.size()) - tripleHits + unmapped,
                       int(goldTriples.size()) - tripleHits};
    return score;
}

DocumentScore failedDocument(const GoldDocument &gold, const QString &reason)
{
    // As the scorer does: every annotated entity and relation missed, the
    // unscored types included.
    DocumentScore score;
    score.document = gold.document;
    score.failure = reason.isEmpty() ? u"failed"_s : reason;
    const int entities = int(gold.entities.size());
    const int relations = int(gold.relations.size());
    score.entities = {0, 0, entities};
    score.typed = {0, 0, entities};
    score.pairs = {0, 0, relations};
    score.relations = {0, 0, relations};
    return score;
}

// --- running

Evaluator::Evaluator(const DocumentProcessor &processor)
    : m_processor(processor)
{
}

DocumentScore Evaluator::evaluate(const GoldDocument &gold, const QString &articlePath) const
{
    QFile file(articlePath);
    if (!file.open(QIODevice::ReadOnly))
        return failedDocument(gold, u"%1: %2"_s.arg(QDir::toNativeSeparators(articlePath),
                                                     file.errorString()));
    QString text = decodeArticle(file.readAll());
    file.close();

    // A "source: URL" first line is provenance, not article text: the
    // scorer ingests (and looks evidence up in) the article without it.
    // Done the same way here, through a copy, so that what is ingested is
    // byte for byte what the scorer ingests.
    QString ingestPath = articlePath;
    std::optional<QTemporaryDir> copyDirectory;
    if (text.startsWith(u"source: "_s)) {
        const qsizetype newline = text.indexOf(u'\n');
        if (newline < 0)
            return failedDocument(gold, u"%1: nothing but a source line"_s.arg(
                                            QDir::toNativeSeparators(articlePath)));
        qsizetype start = newline + 1;
        while (start < text.size() && text.at(start) == u'\n')
            ++start;
        text = text.mid(start);
        copyDirectory.emplace();
        ingestPath = copyDirectory->filePath(QFileInfo(articlePath).fileName());
        QSaveFile copy(ingestPath);
        if (!copyDirectory->isValid() || !copy.open(QIODevice::WriteOnly)
            || copy.write(text.toUtf8()) < 0 || !copy.commit())
            return failedDocument(gold, u"%1: cannot write a copy without its source line: %2"_s
                                            .arg(QDir::toNativeSeparators(ingestPath),
                                                 copy.errorString()));
    }

    Result<Database> database = Database::openInMemory();
    if (!database)
        return failedDocument(gold, database.error());
    const IngestReport report = Ingester(database.value(), m_processor).ingest({ingestPath});
    if (!report.fatalError.isEmpty())
        return failedDocument(gold, report.fatalError);
    if (!report.errors.isEmpty())
        return failedDocument(gold, report.errors.constFirst().message);

    const Repository repository(database.value());
    const Result<QList<EntityRecord>> entities = repository.entities();
    if (!entities)
        return failedDocument(gold, entities.error());
    // Typed relations only, as `relations --json` gives them to the scorer;
    // scoreDocument() would skip co-occurrences anyway.
    const Result<QList<RelationRecord>> relations
        = repository.relations(/*includeCooccurrence=*/false);
    if (!relations)
        return failedDocument(gold, relations.error());
    return scoreDocument(gold, entities.value(), relations.value(), text);
}

Result<Evaluation> Evaluator::evaluate(const QString &goldDirectory,
                                       const QString &docsDirectory) const
{
    if (!QFileInfo(docsDirectory).isDir())
        return Error{u"%1: no such folder"_s.arg(QDir::toNativeSeparators(docsDirectory))};
    const Result<QList<GoldDocument>> golds = readGoldDirectory(goldDirectory);
    if (!golds)
        return Error{golds.error()};

    // All articles are checked before any is ingested: a wrong folder is
    // reported at once rather than after minutes of work.
    const QDir docs(docsDirectory);
    QStringList paths;
    for (const GoldDocument &gold : golds.value()) {
        const QString path = docs.filePath(gold.document);
        if (!QFileInfo::exists(path))
            return Error{u"%1: article %2 not found in %3"_s.arg(
                gold.goldFile, gold.document, QDir::toNativeSeparators(docsDirectory))};
        paths.append(path);
    }

    Evaluation evaluation;
    for (qsizetype i = 0; i < golds->size(); ++i)
        evaluation.add(evaluate(golds->at(i), paths.at(i)));
    return evaluation;
}

// --- reporting

QString documentReportLine(const DocumentScore &score)
{
    QStringList parts{leftJustifiedCodePoints(score.document, 28)};
    const std::array<std::pair<const char16_t *, const ScoreCounts *>, 4> measures{{
        {u"entities", &score.entities},
        {u"typed", &score.typed},
        {u"pairs", &score.pairs},
        {u"relations", &score.relations},
    }};
    for (const auto &[name, counts] : measures)
        parts.append(u"%1 F1 %2"_s.arg(QString::fromUtf16(name), fixed(counts->f1(), 2)));
    return parts.join(u"  "_s);
}

QStringList evaluationReport(const Evaluation &evaluation)
{
    QStringList lines;
    for (const DocumentScore &score : evaluation.documents) {
        if (!score.failure.isEmpty())
            lines.append(u"%1: FAILED: %2"_s.arg(score.document, score.failure));
        lines.append(documentReportLine(score));
    }
    lines.append(QString());

    const std::array<std::pair<const char16_t *, const ScoreCounts *>, 4> measures{{
        {u"entities", &evaluation.entities},
        {u"typed", &evaluation.typed},
        {u"pairs", &evaluation.pairs},
        {u"relations", &evaluation.relations},
    }};
    for (const auto &[name, counts] : measures) {
        lines.append(u"%1 P %2  R %3  F1 %4   (tp %5, fp %6, fn %7)"_s
                         .arg(QString::fromUtf16(name).leftJustified(10),
                              fixed(counts->precision(), 3), fixed(counts->recall(), 3),
                              fixed(counts->f1(), 3))
                         .arg(counts->truePositives)
                         .arg(counts->falsePositives)
                         .arg(counts->falseNegatives));
    }
    lines.append(u"evidence   %1/%2 relation evidence sentences found verbatim in the "
                 "article (%3)"_s
                     .arg(evaluation.evidenceFound)
                     .arg(evaluation.evidenceTotal)
                     .arg(fixed(evaluation.evidenceShare(), 3)));
    lines.append(u"score: entity_f1=%1 typed_f1=%2 pair_f1=%3 relation_f1=%4 evidence=%5"_s.arg(
        fixed(evaluation.entities.f1(), 3), fixed(evaluation.typed.f1(), 3),
        fixed(evaluation.pairs.f1(), 3), fixed(evaluation.relations.f1(), 3),
        fixed(evaluation.evidenceShare(), 3)));
    return lines;
}

QJsonObject evaluationJson(const Evaluation &evaluation)
{
    const auto counts = [](const ScoreCounts &c) {
        return QJsonArray{c.truePositives, c.falsePositives, c.falseNegatives};
    };
    QJsonObject documents;
    for (const DocumentScore &score : evaluation.documents) {
        const QJsonObject measures{
            {u"entities"_s, counts(score.entities)},
            {u"typed"_s, counts(score.typed)},
            {u"pairs"_s, counts(score.pairs)},
            {u"relations"_s, counts(score.relations)},
            {u"evidence"_s, QJsonArray{score.evidenceFound, score.evidenceTotal}},
        };
        documents.insert(score.document, measures);
    }
    const auto summary = [](const ScoreCounts &c) {
        return QJsonObject{{u"precision"_s, c.precision()}, {u"recall"_s, c.recall()},
                           {u"f1"_s, c.f1()},
                           {u"tp"_s, c.truePositives},
                           {u"fp"_s, c.falsePositives},
                           {u"fn"_s, c.falseNegatives}};
    };
    return {
        {u"documents"_s, documents},
        {u"summary"_s, QJsonObject{{u"entities"_s, summary(evaluation.entities)},
                                   {u"typed"_s, summary(evaluation.typed)},
                                   {u"pairs"_s, summary(evaluation.pairs)},
                                   {u"relations"_s, summary(evaluation.relations)}}},
        {u"evidence_share"_s, evaluation.evidenceShare()},
    };
}

} // namespace NewsGraph
