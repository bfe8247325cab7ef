#include "core/store/Repository.h"

#include "core/store/Database.h"
#include "core/store/NameIds.h"
#include "core/store/RowIdMap.h"
#include "core/store/SqlFunctions.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// The words of sentence s of document d.
#define NEWSGRAPH_SENTENCE_TEXT NEWSGRAPH_TEXT_SLICE("s.start", "s.\"end\"")
// The name of the rule that read the evidence row ev (migration 15).
#define NEWSGRAPH_EVIDENCE_RULE "(SELECT name FROM rules WHERE id = ev.rule_id)"
// How the evidence row ev (of the document d) states its relation, two
// columns: the path kept; or the words it quotes, which it keeps as offsets
// (migration 16); or a tree path's link between its entities' names
// (migration 18). Then which of these: 0 a whole path, 1 a link from the
// relation's subject to its object, 2 from its object to its subject
// (statementAt() puts the names around it).
#define NEWSGRAPH_EVIDENCE_PATH                                                           \
    "CASE WHEN ev.link_id IS NOT NULL "                                                   \
    "THEN (SELECT link FROM statement_links WHERE id = ev.link_id) "                      \
    "WHEN ev.quote_start IS NULL THEN ev.path "                                           \
    "ELSE '“' || " NEWSGRAPH_TEXT_SLICE("ev.quote_start", "ev.quote_end") " || '”' END, " \
    "CASE WHEN ev.link_id IS NULL THEN 0 WHEN ev.link_from_object THEN 2 ELSE 1 END"
// The words of the mention m (of the document d), which it keeps no copy of
// (migration 14).
#define NEWSGRAPH_MENTION_TEXT NEWSGRAPH_TEXT_SLICE("m.start", "m.\"end\"")

// The columns readDocument() expects, in this order; a macro so that it can be
// pasted into SQL literals at compile time. The length is in UTF-16 code
// units, as offsets are.
#define NEWSGRAPH_DOCUMENT_COLUMNS                                                                 \
    "d.id, d.path, d.file_name, d.title, d.published, d.language, d.source_url, d.content_hash, "  \
    "(SELECT count(*) FROM sentences s WHERE s.document_id = d.id), d.text_length, "               \
    "d.ingested_at"

DocumentRecord readDocument(const Statement &row)
{
    DocumentRecord record;
    record.id = row.int64(0);
    record.path = row.text(1);
    record.fileName = row.text(2);
    record.title = row.text(3);
    record.date = QDate::fromString(row.text(4), Qt::ISODate); // NULL gives an invalid date
    record.language = row.text(5);
    record.sourceUrl = row.text(6);
    record.contentHash = row.text(7);
    record.sentenceCount = row.integer(8);
    record.length = row.integer(9);
    record.ingestedAt = row.text(10);
    return record;
}

SentenceRecord readSentence(const Statement &row, int first = 0)
{
    SentenceRecord record;
    record.id = row.int64(first);
    record.documentId = row.int64(first + 1);
    record.index = row.integer(first + 2);
    record.start = row.integer(first + 3);
    record.end = row.integer(first + 4);
    record.text = row.text(first + 5);
    return record;
}

// NOT NULL text columns: a null QString would bind SQL NULL.
QString nonNull(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

// Whether the unicode61 tokenizer would find a token in `text`: it keeps
// letters, numbers and private-use characters and treats everything else as
// a separator. A quoted string without any would be an empty phrase.
bool hasTokenCharacter(const QString &text)
{
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        const char32_t cp = char32_t(c);
        if (QChar::isLetterOrNumber(cp) || QChar::category(cp) == QChar::Other_PrivateUse)
            return true;
    }
    return false;
}

void addTerm(QStringList &terms, QString text, bool prefix)
{
    text = text.trimmed();
    if (text.endsWith(u'*')) {
        prefix = true;
        while (text.endsWith(u'*'))
            text.chop(1);
    }
    if (!hasTokenCharacter(text))
        return;
    text.replace(u'"', u"\"\""_s);
    terms.append(u'"' + text + u'"' + (prefix ? u" *"_s : QString()));
}

// More different words and phrases than anybody types into a search field.
// Each one costs FTS5 a pass over its postings and a merge with the others,
// so a pasted page of text would take seconds to minutes; it is refused
// with a message instead.
constexpr qsizetype maximumSearchTerms = 64;
// The same for the words of all terms together, phrases included: FTS5
// matches a phrase word by word against every row that has its words.
constexpr qsizetype maximumSearchWords = 256;

// The words the unicode61 tokenizer would make of `text`: runs of letters,
// numbers and private-use characters.
qsizetype tokenCount(const QString &text)
{
    qsizetype count = 0;
    bool inToken = false;
    for (const uint c : text.toUcs4()) {
        const char32_t cp = char32_t(c);
        const bool tokenCharacter = QChar::isLetterOrNumber(cp) || QChar::category(cp) == QChar::Other_PrivateUse;
        if (tokenCharacter && !inToken)
            ++count;
        inToken = tokenCharacter;
    }
    return count;
}

} // namespace

// Turns what a person typed into an FTS5 expression that cannot be a syntax
// error: every word and every "quoted phrase" becomes an FTS5 string (so
// AND, OR, NOT, NEAR, parentheses, column filters and ^ are just text), a
// trailing * becomes a prefix query, and the terms are ANDed. An unclosed
// quote runs to the end of the input. A term given twice is asked for once
// (the tokenizer ignores case, so "Nvidia nvidia" is one term); more than
// maximumSearchTerms different ones are an error.
Result<QString> toFtsQuery(const QString &input)
{
    QString query = input;
    for (QChar &c : query) {
        if (c.category() == QChar::Other_Control)
            c = u' '; // NUL and friends would cut the query short inside SQLite
    }

    QStringList terms;
    const qsizetype n = query.size();
    qsizetype i = 0;
    while (i < n) {
        if (query.at(i).isSpace()) {
            ++i;
        } else if (query.at(i) == u'"') {
            const qsizetype close = query.indexOf(u'"', i + 1);
            const QString phrase = close < 0 ? query.mid(i + 1) : query.mid(i + 1, close - i - 1);
            i = close < 0 ? n : close + 1;
            bool prefix = false;
            while (i < n && query.at(i) == u'*') {
                prefix = true;
                ++i;
            }
            addTerm(terms, phrase, prefix);
        } else {
            const qsizetype start = i;
            while (i < n && !query.at(i).isSpace() && query.at(i) != u'"')
                ++i;
            addTerm(terms, query.mid(start, i - start), false);
        }
    }
    QStringList distinct;
    QSet<QString> seen;
    for (const QString &term : std::as_const(terms)) {
        const QString key = term.toCaseFolded();
        if (!seen.contains(key)) {
            seen.insert(key);
            distinct.append(term);
        }
    }
    if (distinct.size() > maximumSearchTerms)
        return Error{u"The search has %1 different words or phrases; at most %2 can be searched "
                     "together. Shorten it, or put a passage in quotes to search it as one phrase."_s
                         .arg(distinct.size())
                         .arg(maximumSearchTerms)};
    const QString expression = distinct.join(u' ');
    if (const qsizetype words = tokenCount(expression); words > maximumSearchWords)
        return Error{u"The search is %1 words long; at most %2 words can be searched together. "
                     "Shorten it."_s.arg(words)
                         .arg(maximumSearchWords)};
    return expression;
}

namespace {

// What writeExtraction() needs to know of the document a mention refers to.
struct DocumentSentences
{
    QString name;        // file name, for messages
    QString consequence; // how a refusal ends, for messages
    // The text (offsets are UTF-16 code units of it) and, by sentence index,
    // each sentence's id and range in it: where a statement quotes its
    // sentence, the quote is kept as offsets (migration 16).
    QString text;
    QList<qint64> ids;
    QList<std::pair<int, int>> ranges;
};

// Where the quoted words `path` ("“Nvidia and Mistral AI”", how a word
// pattern reports what it matched) are in sentence `sentence`: offsets in
// the text, which the store keeps instead of the words; nullopt for any
// other path, or words the sentence does not have.
std::optional<std::pair<int, int>> quotedRange(const DocumentSentences &document, int sentence,
                                               const QString &path)
{
    if (path.size() < 3 || !path.startsWith(u'“') || !path.endsWith(u'”') || sentence < 0
        || sentence >= document.ranges.size())
        return std::nullopt;
    const QStringView words = QStringView(path).mid(1, path.size() - 2);
    const auto [start, end] = document.ranges.at(sentence);
    const qsizetype at = QStringView(document.text).mid(start, end - start).indexOf(words);
    if (at < 0)
        return std::nullopt;
    return std::pair{start + int(at), start + int(at + words.size())};
}

// Checks that a mention can be stored: its sentence exists and its range
// lies inside the text. Whether it lies inside that sentence is the
// extractor's promise and is not checked here; the store guards what would
// make offsets or references point nowhere.
Result<qint64> mentionSentence(const DocumentSentences &document, const char *what,
                               const QString &surface, int sentence, int start, int end)
{
    if (sentence < 0 || sentence >= document.ids.size())
        return Error{u"%1: the %2 “%3” is in sentence index %4, but the document has %5 "
                     "sentences; %6"_s.arg(document.name, QString::fromLatin1(what), surface)
                         .arg(sentence)
                         .arg(document.ids.size())
                         .arg(document.consequence)};
    if (start < 0 || end <= start || end > document.text.size())
        return Error{u"%1: the %2 “%3” has the range [%4, %5), which is not inside the text "
                     "(%6 characters); %7"_s.arg(document.name, QString::fromLatin1(what), surface)
                         .arg(start)
                         .arg(end)
                         .arg(document.text.size())
                         .arg(document.consequence)};
    return document.ids.at(sentence);
}

// Confidences are stored in thousandths (migration 19): the extractor's
// have two decimals, and an integer takes a byte or two where a REAL takes
// eight.
qint64 thousandths(double confidence)
{
    return qint64(std::lround(confidence * 1000.0));
}

double fromThousandths(const Statement &row, int column)
{
    return row.isNull(column) ? 0.0 : double(row.int64(column)) / 1000.0;
}

// A tree path ("Hudbay Minerals <-agent- mine -prep[in,at]-> Peru", see
// DependencyRules::explain()) as its link between the names of its two
// entities, which the store has already, and which of them it begins with
// (migration 18). nullopt for any other path.
struct StatementLink
{
    QString link; // "<-agent- mine -prep[in,at]->"
    bool fromObject = false;
};

std::optional<StatementLink> statementLink(const QString &path, const QString &subject, const QString &object)
{
    const auto between = [&path](const QString &first, const QString &last) -> std::optional<QString> {
        const qsizetype length = path.size() - first.size() - last.size() - 2;
        if (first.isEmpty() || last.isEmpty() || length < 4 || !path.startsWith(first)
            || !path.endsWith(last) || path.at(first.size()) != u' ' || path.at(path.size() - last.size() - 1) != u' ')
            return std::nullopt;
        const QString link = path.mid(first.size() + 1, length);
        if (!link.startsWith(u"<-"_s) || !link.endsWith(u"->"_s))
            return std::nullopt;
        return link;
    };
    if (const std::optional<QString> link = between(subject, object))
        return StatementLink{*link, false};
    if (const std::optional<QString> link = between(object, subject))
        return StatementLink{*link, true};
    return std::nullopt;
}

// Stores the relations of a document whose entities were stored as
// `entityIds` (in the order of extraction.entities); part of
// writeExtraction(), inside its savepoint. A relation found before, in this
// document or another, is the same row: it keeps its first rule and the best
// confidence, and gains this document's sentences as evidence.
// Co-occurrences are not stored: they are read from the mentions.
Result<void> writeRelations(Database &database, const DocumentSentences &document,
                            const DocumentExtraction &extraction, const QList<qint64> &entityIds)
{
    if (extraction.relations.isEmpty())
        return {};

    // A relation stated before is looked up, and its confidence raised if
    // this one is surer; a new one inserted. An upsert with RETURNING said
    // the same in one statement but took four times as long (a fifth of
    // the storing thread's SQL).
    Statement findRelation(database,
                           "SELECT id, confidence FROM relations "
                           "WHERE subject_id = ?1 AND predicate_id = ?2 AND object_id = ?3");
    Statement raiseConfidence(database, "UPDATE relations SET confidence = ?2 WHERE id = ?1");
    Statement insertRelation(database,
                             "INSERT INTO relations (subject_id, predicate_id, object_id, "
                             "confidence, rule_id) VALUES (?1, ?2, ?3, ?4, ?5)");
    // The same relation stated twice in one sentence ("X and Y ... X and Y",
    // or two rules matching) is one piece of evidence. Only that conflict is
    // ignored: OR IGNORE would also swallow NOT NULL and CHECK failures.
    Statement insertEvidence(database,
                             "INSERT INTO relation_evidence (relation_id, sentence_id, rule_id, "
                             "confidence, path, quote_start, quote_end, link_id, link_from_object) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                             "ON CONFLICT (relation_id, sentence_id) DO NOTHING");

    // Rules by name (a few hundred in all, a handful per document), each
    // row's by id (migration 15); null for none. Tree paths' links
    // (migration 18) and predicates (migration 19) likewise.
    NameIds rules(database, "SELECT id FROM rules WHERE name = ?1", "INSERT INTO rules (name) VALUES (?1)");
    NameIds predicates(database, "SELECT id FROM predicates WHERE name = ?1",
                       "INSERT INTO predicates (name) VALUES (?1)");
    NameIds links(database, "SELECT id FROM statement_links WHERE link = ?1",
                  "INSERT INTO statement_links (link) VALUES (?1)");
    const auto bindRule = [](Statement &statement, int index, const std::optional<qint64> &id) {
        if (id)
            statement.bind(index, *id);
        else
            statement.bindNull(index);
    };

    // Relations the analyst rejected (Curator) are not stored again; most
    // projects have none, and then nothing is looked up.
    Statement anyRejected(database, "SELECT EXISTS (SELECT 1 FROM rejected_relations)");
    const bool rejections = anyRejected.next() && anyRejected.int64(0) != 0;
    if (!anyRejected.ok())
        return anyRejected.error();
    anyRejected.reset();
    Statement isRejected(database, "SELECT 1 FROM rejected_relations "
                                   "WHERE subject_id = ?1 AND predicate_id = ?2 AND object_id = ?3");

    const qsizetype entityCount = entityIds.size();
    for (const ExtractedRelation &relation : extraction.relations) {
        // Worded only when needed; one multi-argument arg(), so that a "%1"
        // in the predicate stays text.
        const auto what = [&relation] {
            return u"the %1 relation between entity indexes %2 and %3"_s.arg(
                relation.predicate, QString::number(relation.subject),
                QString::number(relation.object));
        };
        if (relation.subject < 0 || relation.subject >= entityCount || relation.object < 0
            || relation.object >= entityCount)
            return Error{u"%1: %2 refers to an entity index the document does not have "
                         "(%3 entities); %4"_s.arg(document.name, what())
                             .arg(entityCount)
                             .arg(document.consequence)};
        if (relation.subject == relation.object)
            return Error{u"%1: %2 relates an entity to itself; %3"_s.arg(document.name, what(),
                                                                          document.consequence)};
        if (relation.predicate.isEmpty())
            return Error{u"%1: %2 has no predicate; %3"_s.arg(document.name, what(),
                                                             document.consequence)};
        // What a co-occurrence says, the mentions say (cooccurrenceSentences()).
        if (relation.predicate == QStringView(cooccurrencePredicate))
            continue;
        // Said plainly; the CHECK constraint would only say "constraint failed".
        if (!(relation.confidence >= 0.0 && relation.confidence <= 1.0))
            return Error{u"%1: %2 has the confidence %3, which is not between 0 and 1; %4"_s
                             .arg(document.name, what())
                             .arg(relation.confidence)
                             .arg(document.consequence)};

        qint64 subjectId = entityIds.at(relation.subject);
        qint64 objectId = entityIds.at(relation.object);
        // Two entities of this document merged into one known actor
        // (matchKnownEntities()): the merger says they are the same, so a
        // relation between them says nothing. Not the extractor's mistake,
        // so the document is kept and only this relation is dropped.
        if (subjectId == objectId)
            continue;
        // Stored ids, not extraction indexes, decide the order: the same
        // partnership found the other way round in another document must
        // meet this row.
        const bool swapped = isSymmetricPredicate(relation.predicate) && subjectId > objectId;
        if (swapped)
            std::swap(subjectId, objectId);
        // The names a tree path of this document gives the relation's two
        // entities, stored subject first.
        QString subjectName = extraction.entities.at(relation.subject).name;
        QString objectName = extraction.entities.at(relation.object).name;
        if (swapped)
            std::swap(subjectName, objectName);

        const QString rule = relation.rule.isEmpty() ? QString() : relation.rule;
        const Result<std::optional<qint64>> predicateId = predicates.idOf(relation.predicate);
        if (!predicateId)
            return Error{predicateId.error()};
        const qint64 confidence = thousandths(relation.confidence);
        findRelation.bind(1, subjectId).bind(2, **predicateId).bind(3, objectId);
        const bool known = findRelation.next();
        const qint64 knownId = known ? findRelation.int64(0) : 0;
        const qint64 knownConfidence = known ? findRelation.int64(1) : 0;
        findRelation.reset();
        if (!findRelation.ok())
            return findRelation.error();
        qint64 relationId = knownId;
        if (!known && rejections) {
            isRejected.bind(1, subjectId).bind(2, **predicateId).bind(3, objectId);
            const bool rejected = isRejected.next();
            isRejected.reset();
            if (!isRejected.ok())
                return isRejected.error();
            if (rejected)
                continue;
        }
        if (!known) {
            const Result<std::optional<qint64>> relationRule = rules.idOf(rule);
            if (!relationRule)
                return Error{relationRule.error()};
            insertRelation.bind(1, subjectId)
                .bind(2, **predicateId)
                .bind(3, objectId)
                .bind(4, confidence);
            bindRule(insertRelation, 5, relationRule.value());
            if (auto inserted = insertRelation.execute(); !inserted)
                return Error{inserted.error()};
            relationId = insertRelation.lastInsertRowId();
        } else if (confidence > knownConfidence) {
            raiseConfidence.bind(1, knownId).bind(2, confidence);
            if (auto raised = raiseConfidence.execute(); !raised)
                return Error{raised.error()};
        }

        for (qsizetype e = 0; e < relation.sentences.size(); ++e) {
            const int sentence = relation.sentences[e];
            if (sentence < 0 || sentence >= document.ids.size())
                return Error{u"%1: %2 has evidence in sentence index %3, but the document has "
                             "%4 sentences; %5"_s.arg(document.name, what())
                                 .arg(sentence)
                                 .arg(document.ids.size())
                                 .arg(document.consequence)};
            // How this sentence states it, when the extractor said.
            const StatementOrigin origin = relation.origins.value(e, StatementOrigin{relation.rule, relation.confidence, {}});
            const Result<std::optional<qint64>> evidenceRule = rules.idOf(origin.rule.isEmpty() ? rule : origin.rule);
            if (!evidenceRule)
                return Error{evidenceRule.error()};
            insertEvidence.bind(1, relationId)
                .bind(2, document.ids.at(sentence))
                .bind(4, thousandths(origin.confidence));
            bindRule(insertEvidence, 3, evidenceRule.value());
            insertEvidence.bindNull(5).bindNull(6).bindNull(7).bindNull(8).bind(9, 0);
            if (const auto quote = quotedRange(document, sentence, origin.path)) {
                insertEvidence.bind(6, quote->first).bind(7, quote->second);
            } else if (const auto link = statementLink(origin.path, subjectName, objectName)) {
                const Result<std::optional<qint64>> linkId = links.idOf(link->link);
                if (!linkId)
                    return Error{linkId.error()};
                insertEvidence.bind(8, **linkId).bind(9, link->fromObject ? 1 : 0);
            } else {
                insertEvidence.bind(5, origin.path);
            }
            if (auto inserted = insertEvidence.execute(); !inserted)
                return Error{inserted.error()};
        }
    }
    return {};
}

// `text` as a JSON string (RFC 8259: quotes, backslashes and control
// characters escaped), appended to `json`.
void appendJsonString(QString &json, QStringView text)
{
    json.append(u'"');
    qsizetype plain = 0; // where the run of characters that need no escape began
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text[i].unicode();
        if (unit != u'"' && unit != u'\\' && unit >= 0x20)
            continue;
        json.append(text.mid(plain, i - plain));
        if (unit < 0x20)
            json.append(u"\\u%1"_s.arg(int(unit), 4, 16, QChar(u'0')));
        else
            json.append(u'\\').append(QChar(unit));
        plain = i + 1;
    }
    json.append(text.mid(plain));
    json.append(u'"');
}

// How much of the sentences' JSON indexSentences() gives one statement.
constexpr qsizetype indexRowsCharacters = 16 * 1024 * 1024;

// Ids as a JSON array, bound where SQL reads them with json_each(): one
// statement for a set of any size.
QString idArray(const QSet<qint64> &ids)
{
    QList<qint64> sorted(ids.cbegin(), ids.cend());
    std::sort(sorted.begin(), sorted.end());
    QString json = u"["_s;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i > 0)
            json += u',';
        json += QString::number(sorted.at(i));
    }
    return json + u']';
}

// `everything` when `idJson` is null, else `someOnly` with the ids
// (idArray()) bound as ?1: a query over the whole project or over a few
// entities, prepared alike.
Statement statementOver(Database &database, const QString *idJson, const char *everything, const char *someOnly)
{
    Statement statement(database, idJson ? someOnly : everything);
    if (idJson)
        statement.bind(1, *idJson);
    return statement;
}

// The statement fileMergeKeys() runs.
constexpr char fileMergeKeySql[] = "INSERT OR IGNORE INTO merge_keys (key, entity_id) VALUES (?1, ?2)";

} // namespace

// How a merge key is stored (migration 11): its 64-bit FNV-1a hash (Fowler,
// Noll and Vo) over the UTF-8 bytes, a fixed function so that projects
// written by any build agree. An eighth of the key's text and of its index;
// two keys sharing a hash would only make matching read one more candidate,
// which it then judges by name (people) or by the keys they share (the
// rest), as for any candidate.
qint64 storedMergeKey(const QString &key)
{
    quint64 hash = 14695981039346656037ULL;
    const QByteArray utf8 = key.toUtf8();
    for (const char byte : utf8) {
        hash ^= quint64(quint8(byte));
        hash *= 1099511628211ULL;
    }
    return qint64(hash);
}

qint64 nameClaimKey(const QString &type, const QString &name)
{
    return storedMergeKey(type + u'\x1f' + foldName(name));
}

namespace {

// Files `keys` under `entityId` in merge_keys (migration 8), each once;
// `fileKey` is a prepared fileMergeKeySql.
Result<void> fileMergeKeys(Statement &fileKey, qint64 entityId, const QStringList &keys)
{
    for (const QString &key : keys) {
        fileKey.bind(1, storedMergeKey(key)).bind(2, entityId);
        if (auto filed = fileKey.execute(); !filed)
            return filed;
    }
    return {};
}

} // namespace

// The merge keys of a stored entity from its name, type and every alias it
// has: what a known entity is found under after its name grew fuller.
Result<void> refileMergeKeys(Database &database, qint64 entityId, EntityType type, const QString &name)
{
    Statement unfile(database, "DELETE FROM merge_keys WHERE entity_id = ?1");
    unfile.bind(1, entityId);
    if (auto removed = unfile.execute(); !removed)
        return removed;
    Statement aliases(database, "SELECT alias FROM aliases WHERE entity_id = ?1 ORDER BY id");
    aliases.bind(1, entityId);
    QStringList all;
    while (aliases.next())
        all.append(aliases.text(0));
    if (!aliases.ok())
        return aliases.error();
    Statement fileKey(database, fileMergeKeySql);
    return fileMergeKeys(fileKey, entityId, mergeKeysOf(type, name, all));
}

namespace {

// The next free place of a mention in each sentence of the document, by
// sentence index (mentions are keyed by sentence and place, migration 17):
// all 0 for a document stored just now, after those stored before for one
// whose extraction is added to.
Result<std::vector<int>> nextMentionOrdinals(Database &database, qint64 documentId,
                                             const DocumentSentences &document)
{
    std::vector<int> next(std::size_t(document.ids.size()), 0);
    Statement stored(database, "SELECT sentence_id, max(ordinal) + 1 FROM mentions "
                               "WHERE sentence_id IN (SELECT id FROM sentences WHERE document_id = ?1) "
                               "GROUP BY sentence_id");
    stored.bind(1, documentId);
    while (stored.next()) {
        if (const qsizetype index = document.ids.indexOf(stored.int64(0)); index >= 0)
            next[std::size_t(index)] = stored.integer(1);
    }
    if (!stored.ok())
        return stored.error();
    return next;
}

// The body of insertExtraction(), shared with insertDocument(); the caller
// holds the savepoint. Each statement is prepared once and run per row.
Result<QList<qint64>> writeExtraction(Database &database, qint64 documentId,
                                      const DocumentSentences &document,
                                      const DocumentExtraction &extraction,
                                      const QList<qint64> &knownIds)
{
    // Relations alone would refer to entities that are not there: they go
    // on, to be refused by writeRelations().
    if (extraction.entities.isEmpty() && extraction.attributes.isEmpty()
        && extraction.relations.isEmpty())
        return QList<qint64>();
    if (knownIds.size() != extraction.entities.size())
        return Error{u"%1: %2 entities but %3 known-entity matches; %4"_s.arg(document.name)
                         .arg(extraction.entities.size())
                         .arg(knownIds.size())
                         .arg(document.consequence)};

    Statement insertEntity(database, "INSERT INTO entities (name, type) VALUES (?1, ?2)");
    // An entity the analyst named (curatedName) keeps its name.
    Statement knownEntity(database, "SELECT name, type, curated FROM entities WHERE id = ?1");
    Statement fileKey(database, fileMergeKeySql);
    Statement renameEntity(database, "UPDATE entities SET name = ?1 WHERE id = ?2");
    Statement insertAlias(database,
                          "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?1, ?2)");
    // The document's mentions are gathered, each given its place in its
    // sentence in the order of the extraction, and stored in the order of
    // their key (sentence, place): appended to the table, whose pages then
    // fill up instead of splitting half-empty.
    struct MentionRow
    {
        qint64 sentenceId = 0;
        int ordinal = 0;
        qint64 entityId = 0; // 0: an attribute
        std::optional<AttributeType> attributeType;
        int start = 0;
        int end = 0;
        QString value;
        bool resolved = false;
    };
    std::vector<MentionRow> mentionRows;
    Result<std::vector<int>> nextOrdinals = nextMentionOrdinals(database, documentId, document);
    if (!nextOrdinals)
        return Error{nextOrdinals.error()};
    const auto takeOrdinal = [&](int sentenceIndex) { return (*nextOrdinals)[std::size_t(sentenceIndex)]++; };
    // The named-mention count (migration 12), once per entity and document.
    Statement countMentions(database,
                            "UPDATE entities SET mention_count = mention_count + ?2 WHERE id = ?1");

    QList<qint64> entityIds;
    entityIds.reserve(extraction.entities.size());
    for (qsizetype i = 0; i < extraction.entities.size(); ++i) {
        const ExtractedEntity &entity = extraction.entities.at(i);
        const QString type = typeName(entity.type);
        qint64 entityId = knownIds.at(i);
        // The known entity's type, under which its merge keys are filed (none
        // for a type this version does not know), and whether its name grew.
        std::optional<EntityType> storedType = entity.type;
        bool renamed = false;
        QString storedName = entity.name;
        if (entityId > 0) {
            // Said plainly here; the foreign key would only say "constraint failed".
            knownEntity.bind(1, entityId);
            const bool exists = knownEntity.next();
            const QString current = exists ? knownEntity.text(0) : QString();
            storedType = exists ? entityTypeFromName(knownEntity.text(1)) : std::nullopt;
            const bool named = exists && (knownEntity.int64(2) & curatedName) != 0;
            knownEntity.reset();
            if (!knownEntity.ok())
                return knownEntity.error();
            if (!exists)
                return Error{u"%1: “%2” was matched to entity %3, which does not exist; %4"_s.arg(
                    document.name, entity.name).arg(entityId).arg(document.consequence)};
            storedName = named ? current : preferredEntityName(current, entity.name);
            if (storedName != current) {
                renameEntity.bind(1, storedName).bind(2, entityId);
                if (auto renaming = renameEntity.execute(); !renaming)
                    return Error{renaming.error()};
                renamed = true;
            }
        } else {
            insertEntity.bind(1, nonNull(entity.name)).bind(2, type);
            if (auto inserted = insertEntity.execute(); !inserted)
                return Error{inserted.error()};
            entityId = insertEntity.lastInsertRowId();
        }
        entityIds.append(entityId);

        for (const QString &alias : entity.aliases) {
            if (alias.isEmpty())
                continue;
            insertAlias.bind(1, entityId).bind(2, alias);
            if (auto inserted = insertAlias.execute(); !inserted)
                return Error{inserted.error()};
        }

        // Its keys as KnownEntityIndex::add() would file them: a new name
        // changes them (all are filed again), new aliases add to them; a
        // person's keys are of the name alone.
        if (storedType) {
            if (renamed) {
                if (auto refiled = refileMergeKeys(database, entityId, *storedType, storedName); !refiled)
                    return Error{refiled.error()};
            } else if (knownIds.at(i) == 0 || *storedType != EntityType::Person) {
                if (auto filed = fileMergeKeys(fileKey, entityId, mergeKeysOf(*storedType, storedName, entity.aliases));
                    !filed)
                    return Error{filed.error()};
            }
        }

        // Names, then the pronouns and descriptions read as the entity.
        for (const bool resolved : {false, true}) {
            for (const EntityMention &mention : resolved ? entity.references : entity.mentions) {
                const Result<qint64> sentenceId = mentionSentence(document, "mention", mention.surface,
                                                                  mention.sentence, mention.start,
                                                                  mention.end);
                if (!sentenceId)
                    return Error{sentenceId.error()};
                mentionRows.push_back({sentenceId.value(), takeOrdinal(mention.sentence), entityId,
                                       std::nullopt, mention.start, mention.end, QString(), resolved});
            }
        }
        if (!entity.mentions.isEmpty()) {
            countMentions.bind(1, entityId).bind(2, qint64(entity.mentions.size()));
            if (auto counted = countMentions.execute(); !counted)
                return Error{counted.error()};
        }
    }

    for (const AttributeMention &attribute : extraction.attributes) {
        const Result<qint64> sentenceId = mentionSentence(document, "attribute", attribute.surface,
                                                          attribute.sentence, attribute.start,
                                                          attribute.end);
        if (!sentenceId)
            return Error{sentenceId.error()};
        mentionRows.push_back({sentenceId.value(), takeOrdinal(attribute.sentence), 0, attribute.type,
                               attribute.start, attribute.end, attribute.value, false});
    }

    std::sort(mentionRows.begin(), mentionRows.end(), [](const MentionRow &a, const MentionRow &b) {
        return std::tie(a.sentenceId, a.ordinal) < std::tie(b.sentenceId, b.ordinal);
    });
    Statement insertMention(database,
                            "INSERT INTO mentions (sentence_id, ordinal, entity_id, type, "
                            "start, \"end\", value, resolved) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const MentionRow &row : mentionRows) {
        insertMention.bind(1, row.sentenceId).bind(2, row.ordinal);
        if (row.attributeType) {
            insertMention.bindNull(3).bind(4, typeName(*row.attributeType)).bind(7, row.value);
        } else {
            // A name's type is its entity's.
            insertMention.bind(3, row.entityId).bindNull(4).bindNull(7);
        }
        insertMention.bind(5, row.start).bind(6, row.end).bind(8, row.resolved ? 1 : 0);
        if (auto inserted = insertMention.execute(); !inserted)
            return Error{inserted.error()};
    }

    if (auto stored = writeRelations(database, document, extraction, entityIds); !stored)
        return Error{stored.error()};
    return entityIds;
}

// An evidence sentence from the columns d.id, d.file_name, s.id, its text,
// s.start, s."end" of `query`, starting at column `first`.
EvidenceRecord evidenceAt(const Statement &query, int first)
{
    EvidenceRecord record;
    record.documentId = query.int64(first);
    record.fileName = query.text(first + 1);
    record.sentenceId = query.int64(first + 2);
    record.sentence = query.text(first + 3);
    record.start = query.integer(first + 4);
    record.end = query.integer(first + 5);
    return record;
}

// The same, followed by the columns rule, confidence and
// NEWSGRAPH_EVIDENCE_PATH of relation_evidence: how the sentence states
// `relation`.
EvidenceRecord statementAt(const Statement &query, int first, const RelationRecord &relation)
{
    EvidenceRecord record = evidenceAt(query, first);
    record.rule = query.text(first + 6);
    record.confidence = fromThousandths(query, first + 7);
    record.path = query.text(first + 8);
    switch (query.integer(first + 9)) {
    case 1:
        record.path = relation.subject + u' ' + record.path + u' ' + relation.object;
        break;
    case 2:
        record.path = relation.object + u' ' + record.path + u' ' + relation.subject;
        break;
    default:
        break;
    }
    return record;
}

// The relations columns, from "SELECT" through the joins, that relationAt()
// reads; a query adds its WHERE and ORDER BY.
#define NEWSGRAPH_RELATION_COLUMNS                                                \
    "SELECT r.id, subject.name, predicate.name, object.name, r.confidence, "      \
    "(SELECT name FROM rules WHERE id = r.rule_id), r.origin "                    \
    "FROM relations r "                                                           \
    "JOIN entities subject ON subject.id = r.subject_id "                        \
    "JOIN entities object ON object.id = r.object_id "                            \
    "JOIN predicates predicate ON predicate.id = r.predicate_id "

// A row of a query that starts with NEWSGRAPH_RELATION_COLUMNS, without its
// evidence.
RelationRecord relationAt(const Statement &query)
{
    RelationRecord record;
    record.id = query.int64(0);
    record.subject = query.text(1);
    record.predicate = query.text(2);
    record.object = query.text(3);
    record.confidence = fromThousandths(query, 4);
    record.rule = query.text(5);
    record.manual = query.int64(6) != 0;
    return record;
}

// Every row of `query` as an evidence sentence (see evidenceAt).
Result<QList<EvidenceRecord>> evidenceRecords(Statement &query)
{
    QList<EvidenceRecord> records;
    while (query.next())
        records.append(evidenceAt(query, 0));
    if (!query.ok())
        return query.error();
    return records;
}

// Compares as SQLite's BINARY collation does UTF-8 text: by code point.
// UTF-16 code units order the same except that surrogates (U+D800-DFFF,
// which encode code points past U+FFFF) come before U+E000-FFFF; shifting
// them past that range fixes it.
int compareByCodePoint(QStringView a, QStringView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        char16_t x = a[i].unicode();
        char16_t y = b[i].unicode();
        if (x == y)
            continue;
        if (x >= 0xD800 && y >= 0xD800) {
            x = x >= 0xE000 ? char16_t(x - 0x800) : char16_t(x + 0x2000);
            y = y >= 0xE000 ? char16_t(y - 0x800) : char16_t(y + 0x2000);
        }
        return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// One sentence naming two entities: a piece of evidence of their
// co-occurrence (mentioned_with). These are not relation_evidence rows
// (migration 5 in Schema.cpp) but read from mentions. `low` < `high`: a
// co-occurrence's subject is the entity with the lower id.
struct CooccurrenceSentence
{
    qint64 low = 0;
    qint64 high = 0;
    qint64 documentId = 0;
    qint64 sentenceId = 0;

    friend bool operator<(const CooccurrenceSentence &a, const CooccurrenceSentence &b)
    {
        return std::tie(a.low, a.high, a.documentId, a.sentenceId)
            < std::tie(b.low, b.high, b.documentId, b.sentenceId);
    }
};

// An entity named in a sentence (its mentions there, as one).
struct NamedInSentence
{
    qint64 sentenceId;
    qint64 entityId;
    qint64 documentId;
};

// By sentence and entity, each entity once per sentence.
void sortNamedInSentences(std::vector<NamedInSentence> &named)
{
    std::sort(named.begin(), named.end(), [](const NamedInSentence &a, const NamedInSentence &b) {
        return std::tie(a.sentenceId, a.entityId) < std::tie(b.sentenceId, b.entityId);
    });
    named.erase(std::unique(named.begin(), named.end(),
                            [](const NamedInSentence &a, const NamedInSentence &b) {
                                return a.sentenceId == b.sentenceId && a.entityId == b.entityId;
                            }),
                named.end());
}

// Every entity named in every sentence, by sentence and entity: one scan of
// mentions, grouped here in O(m log m) for m mentions (joining mentions to
// themselves through their indexes took 15 times as long).
Result<std::vector<NamedInSentence>> namedInSentences(Database &database)
{
    std::vector<NamedInSentence> named;
    Statement query(database, "SELECT m.sentence_id, m.entity_id, s.document_id FROM mentions m "
                              "JOIN sentences s ON s.id = m.sentence_id "
                              "WHERE m.entity_id IS NOT NULL AND m.resolved = 0");
    while (query.next())
        named.push_back({query.int64(0), query.int64(1), query.int64(2)});
    if (!query.ok())
        return query.error();
    sortNamedInSentences(named);
    return named;
}

// Calls pair(a, b) for every two entities named in one sentence, a < b.
template<typename Pair>
void forEachPairInSentence(const std::vector<NamedInSentence> &named, Pair pair)
{
    for (std::size_t first = 0; first < named.size();) {
        std::size_t last = first + 1;
        while (last < named.size() && named[last].sentenceId == named[first].sentenceId)
            ++last;
        for (std::size_t a = first; a < last; ++a) {
            for (std::size_t b = a + 1; b < last; ++b)
                pair(named[a], named[b]);
        }
        first = last;
    }
}

// Every co-occurrence sentence of the store, ordered by pair, document and
// sentence.
Result<std::vector<CooccurrenceSentence>> cooccurrenceSentences(Database &database)
{
    const Result<std::vector<NamedInSentence>> named = namedInSentences(database);
    if (!named)
        return Error{named.error()};
    std::vector<CooccurrenceSentence> found;
    forEachPairInSentence(named.value(), [&found](const NamedInSentence &a, const NamedInSentence &b) {
        found.push_back({a.entityId, b.entityId, a.documentId, a.sentenceId});
    });
    std::sort(found.begin(), found.end());
    return found;
}

// Every evidence sentence of `records` (typed relations, with their ids),
// each sentence with how it states the relation, by document and sentence.
Result<void> readEvidenceOf(Database &database, QList<RelationRecord> &records)
{
    Statement evidence(database,
                       "SELECT d.id, d.file_name, s.id, " NEWSGRAPH_SENTENCE_TEXT ", s.start, s.\"end\", "
                       NEWSGRAPH_EVIDENCE_RULE ", ev.confidence, " NEWSGRAPH_EVIDENCE_PATH " "
                       "FROM relation_evidence ev "
                       "JOIN sentences s ON s.id = ev.sentence_id "
                       "JOIN documents d ON d.id = s.document_id "
                       "WHERE ev.relation_id = ?1 "
                       "ORDER BY d.id, s.idx");
    for (RelationRecord &record : records) {
        evidence.reset();
        evidence.bind(1, record.id);
        while (evidence.next())
            record.evidence.append(statementAt(evidence, 0, record));
        if (!evidence.ok())
            return evidence.error();
    }
    return {};
}

// The relations a query that starts with NEWSGRAPH_RELATION_COLUMNS finds
// (bound, not yet run), each with its evidence.
Result<QList<RelationRecord>> relationsWithEvidence(Database &database, Statement &query)
{
    QList<RelationRecord> records;
    while (query.next())
        records.append(relationAt(query));
    if (!query.ok())
        return query.error();
    if (const Result<void> read = readEvidenceOf(database, records); !read)
        return Error{read.error()};
    return records;
}

// The names of the entities `sentences` pair: one scan of the table when
// they are many, else each by its id.
Result<QHash<qint64, QString>> namesOfPairs(Database &database, const std::vector<CooccurrenceSentence> &sentences)
{
    QSet<qint64> ids;
    for (const CooccurrenceSentence &found : sentences)
        ids << found.low << found.high;
    QHash<qint64, QString> names;
    if (ids.size() > 1000) {
        Statement all(database, "SELECT id, name FROM entities");
        while (all.next())
            names.insert(all.int64(0), all.text(1));
        if (!all.ok())
            return all.error();
        return names;
    }
    Statement one(database, "SELECT name FROM entities WHERE id = ?1");
    for (qint64 id : std::as_const(ids)) {
        one.reset();
        one.bind(1, id);
        if (one.next())
            names.insert(id, one.text(0));
        if (!one.ok())
            return one.error();
    }
    return names;
}

// Appends a co-occurrence record per pair of `sentences` (ordered by pair,
// document and sentence) to the typed `records`, each with its sentences,
// and merges both into the order of the typed ones: subject, predicate and
// object names as SQLite orders text, by code point.
Result<void> appendCooccurrences(Database &database, const std::vector<CooccurrenceSentence> &sentences,
                                 QList<RelationRecord> &records)
{
    const Result<QHash<qint64, QString>> names = namesOfPairs(database, sentences);
    if (!names)
        return Error{names.error()};
    Statement sentence(database,
                       "SELECT d.id, d.file_name, s.id, " NEWSGRAPH_SENTENCE_TEXT ", s.start, s.\"end\" "
                       "FROM sentences s JOIN documents d ON d.id = s.document_id "
                       "WHERE s.id = ?1");
    QHash<qint64, EvidenceRecord> read; // a sentence naming several pairs is read once
    const QString cooccurrence = QString::fromUtf16(cooccurrencePredicate);
    const QString rule = QString::fromUtf16(cooccurrenceRule);
    const qsizetype typed = records.size();
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const CooccurrenceSentence &found = sentences.at(i);
        if (i == 0 || found.low != sentences.at(i - 1).low || found.high != sentences.at(i - 1).high) {
            RelationRecord record; // id 0: a co-occurrence has no row
            record.subject = names->value(found.low);
            record.predicate = cooccurrence;
            record.object = names->value(found.high);
            record.confidence = cooccurrenceConfidence;
            record.rule = rule;
            records.append(record);
        }
        auto known = read.constFind(found.sentenceId);
        if (known == read.constEnd()) {
            sentence.bind(1, found.sentenceId);
            if (!sentence.next())
                return sentence.ok() ? Error{u"sentence %1 is missing"_s.arg(found.sentenceId)}
                                     : sentence.error();
            known = read.insert(found.sentenceId, evidenceAt(sentence, 0));
            sentence.reset();
        }
        records.last().evidence.append(*known);
    }
    const auto before = [](const RelationRecord &a, const RelationRecord &b) {
        if (const int c = compareByCodePoint(a.subject, b.subject); c != 0)
            return c < 0;
        if (const int c = compareByCodePoint(a.predicate, b.predicate); c != 0)
            return c < 0;
        return compareByCodePoint(a.object, b.object) < 0;
    };
    std::stable_sort(records.begin() + typed, records.end(), before);
    std::inplace_merge(records.begin(), records.begin() + typed, records.end(), before);
    return {};
}

// How many pairs of entities are named together in some sentence.
Result<int> cooccurrenceCount(Database &database)
{
    const Result<std::vector<NamedInSentence>> named = namedInSentences(database);
    if (!named)
        return Error{named.error()};
    std::vector<std::pair<qint64, qint64>> pairs;
    forEachPairInSentence(named.value(), [&pairs](const NamedInSentence &a, const NamedInSentence &b) {
        pairs.emplace_back(a.entityId, b.entityId);
    });
    std::sort(pairs.begin(), pairs.end());
    return int(std::unique(pairs.begin(), pairs.end()) - pairs.begin());
}

} // namespace

Repository::Repository(Database &database)
    : m_database(database)
{
}

Result<bool> Repository::containsContent(const QString &contentHash) const
{
    Statement query(m_database, "SELECT 1 FROM documents WHERE content_hash = ?1");
    query.bind(1, contentHash);
    const bool found = query.next();
    if (!query.ok())
        return query.error();
    return found;
}

Result<qint64> Repository::insertDocument(const Document &document,
                                          const QList<Sentence> &sentences)
{
    Result<StoredDocument> stored = insertDocument(document, sentences, {}, {});
    if (!stored)
        return Error{stored.error()};
    return stored->id;
}

Result<StoredDocument> Repository::insertDocument(const Document &document,
                                                  const QList<Sentence> &sentences,
                                                  const DocumentExtraction &extraction,
                                                  const QList<qint64> &knownIds,
                                                  SearchIndexing indexing)
{
    const QString name = document.fileName.isEmpty() ? document.path : document.fileName;
    if (document.contentHash.isEmpty())
        return Error{u"%1: cannot be stored without a content hash"_s.arg(name)};

    // Everything below is undone by the savepoint's destructor on any early
    // return, including a bad sentence or mention found after others were
    // inserted.
    Savepoint savepoint(m_database, "insert_document");
    if (!savepoint.isActive())
        return savepoint.error();

    // Checked first to say which document it duplicates, rather than
    // "UNIQUE constraint failed".
    Statement existing(m_database, "SELECT file_name FROM documents WHERE content_hash = ?1");
    existing.bind(1, document.contentHash);
    if (existing.next())
        return Error{u"%1: the same text is already stored (as %2)"_s.arg(name, existing.text(0))};
    if (!existing.ok())
        return existing.error();

    Statement insert(m_database,
                     "INSERT INTO documents (path, file_name, content_hash, title, published, "
                     "language, source_url, text, ingested_at, text_length) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    insert.bind(1, nonNull(document.path))
        .bind(2, nonNull(document.fileName))
        .bind(3, document.contentHash)
        .bind(4, nonNull(document.title))
        .bind(5, document.date.isValid() ? document.date.toString(Qt::ISODate) : QString())
        .bind(6, nonNull(document.language))
        .bind(7, document.sourceUrl.isEmpty() ? QString() : document.sourceUrl)
        .bind(8, packText(document.text))
        .bind(9, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        .bind(10, qint64(document.text.size()));
    if (auto inserted = insert.execute(); !inserted)
        return Error{inserted.error()};
    StoredDocument stored;
    stored.id = insert.lastInsertRowId();

    const qsizetype length = document.text.size();
    Statement insertSentence(m_database,
                             "INSERT INTO sentences (document_id, idx, start, \"end\") "
                             "VALUES (?1, ?2, ?3, ?4)");
    DocumentSentences documentSentences{name, u"the document was not stored"_s, document.text, {}, {}};
    documentSentences.ids.reserve(sentences.size());
    documentSentences.ranges.reserve(sentences.size());
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        const Sentence &sentence = sentences.at(i);
        if (sentence.start < 0 || sentence.end <= sentence.start || sentence.end > length)
            return Error{u"%1: sentence index %2 has the range [%3, %4), which is not inside the "
                         "text (%5 characters); the document was not stored"_s.arg(name)
                             .arg(i)
                             .arg(sentence.start)
                             .arg(sentence.end)
                             .arg(length)};
        insertSentence.bind(1, stored.id)
            .bind(2, qint64(i))
            .bind(3, sentence.start)
            .bind(4, sentence.end);
        if (auto inserted = insertSentence.execute(); !inserted)
            return Error{inserted.error()};
        documentSentences.ids.append(insertSentence.lastInsertRowId());
        documentSentences.ranges.append({sentence.start, sentence.end});
    }
    if (indexing == SearchIndexing::WithDocument) {
        if (auto indexed = this->indexSentences({stored.id}); !indexed)
            return Error{indexed.error()};
    }

    Result<QList<qint64>> entityIds
        = writeExtraction(m_database, stored.id, documentSentences, extraction, knownIds);
    if (!entityIds)
        return Error{entityIds.error()};
    stored.entityIds = std::move(entityIds).value();

    if (auto released = savepoint.release(); !released)
        return Error{released.error()};
    return stored;
}

Result<void> Repository::indexSentences(const QList<qint64> &documentIds)
{
    if (documentIds.isEmpty())
        return {};
    // The texts are cut here from each document's text, unpacked once, and
    // handed to FTS5 as one JSON object in one statement: FTS5 writes what a
    // statement gave it as a new segment (see insertDocument()). Cut in SQL
    // by sentence_text(), every sentence made SQLite read its whole packed
    // document again: quadratic in a document's length (a 49 MB article's
    // 600,000 sentences would each have read its 15 MB).
    QList<qint64> ids(documentIds);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    Statement sentences(m_database, "SELECT id, start, \"end\" FROM sentences WHERE document_id = ?1 ORDER BY id");
    Statement index(m_database,
                    "INSERT INTO sentences_fts (rowid, text) "
                    "SELECT CAST(key AS INTEGER), value FROM json_each(?1)");
    QString rows;
    const auto flush = [&]() -> Result<void> {
        if (rows.isEmpty())
            return {};
        rows.append(u'}');
        index.bind(1, rows);
        rows.clear();
        if (Result<void> indexed = index.execute(); !indexed)
            return indexed;
        index.reset();
        return {};
    };
    for (const qint64 id : std::as_const(ids)) {
        const Result<QString> text = documentText(id);
        if (!text)
            return Error{text.error()};
        sentences.bind(1, id);
        while (sentences.next()) {
            const qint64 start = sentences.int64(1), end = sentences.int64(2);
            if (start < 0 || end < start || end > text->size())
                return m_database.error(u"sentence %1 lies outside its document's text"_s.arg(sentences.int64(0)));
            // {"sentence id": "its text", ...}
            rows.append(rows.isEmpty() ? u"{\""_s : u",\""_s);
            rows.append(QString::number(sentences.int64(0)));
            rows.append(u"\":"_s);
            appendJsonString(rows, QStringView(*text).mid(start, end - start));
            // Well below SQLite's largest string (a billion bytes), so that
            // a very long document goes in as several statements.
            if (rows.size() >= indexRowsCharacters) {
                if (Result<void> flushed = flush(); !flushed)
                    return flushed;
            }
        }
        if (!sentences.ok())
            return sentences.error();
        sentences.reset();
    }
    return flush();
}

Result<QList<qint64>> Repository::insertExtraction(qint64 documentId,
                                                   const DocumentExtraction &extraction,
                                                   const QList<qint64> &knownIds)
{
    Savepoint savepoint(m_database, "insert_extraction");
    if (!savepoint.isActive())
        return savepoint.error();

    Statement document(m_database, "SELECT file_name FROM documents WHERE id = ?1");
    document.bind(1, documentId);
    if (!document.next()) {
        if (!document.ok())
            return document.error();
        return m_database.error(u"no document with id %1"_s.arg(documentId));
    }
    DocumentSentences sentences{document.text(0), u"nothing of its extraction was stored"_s, {}, {}, {}};
    document.reset(); // done reading: no statement is left mid-row while writing
    Result<QString> text = documentText(documentId);
    if (!text)
        return Error{text.error()};
    sentences.text = std::move(text).value();

    // insertDocument() numbers sentences 0..n-1; a gap would mean the
    // database was edited by hand, and indexes could no longer be trusted.
    Statement query(m_database,
                    "SELECT idx, id, start, \"end\" FROM sentences WHERE document_id = ?1 ORDER BY idx");
    query.bind(1, documentId);
    while (query.next()) {
        if (query.integer(0) != sentences.ids.size())
            return Error{u"%1: sentence index %2 is missing from the database"_s.arg(sentences.name)
                             .arg(sentences.ids.size())};
        sentences.ids.append(query.int64(1));
        sentences.ranges.append({query.integer(2), query.integer(3)});
    }
    if (!query.ok())
        return query.error();

    Result<QList<qint64>> entityIds
        = writeExtraction(m_database, documentId, sentences, extraction, knownIds);
    if (!entityIds)
        return entityIds;
    if (auto released = savepoint.release(); !released)
        return Error{released.error()};
    return entityIds;
}

Result<QList<DocumentRecord>> Repository::documents() const
{
    Statement query(m_database,
                    "SELECT " NEWSGRAPH_DOCUMENT_COLUMNS " FROM documents d ORDER BY d.id");
    QList<DocumentRecord> records;
    while (query.next())
        records.append(readDocument(query));
    if (!query.ok())
        return query.error();
    return records;
}

Result<std::optional<DocumentRecord>> Repository::document(qint64 id) const
{
    Statement query(m_database,
                    "SELECT " NEWSGRAPH_DOCUMENT_COLUMNS " FROM documents d WHERE d.id = ?1");
    query.bind(1, id);
    std::optional<DocumentRecord> record;
    if (query.next())
        record = readDocument(query);
    if (!query.ok())
        return query.error();
    return record;
}

Result<QString> Repository::documentText(qint64 id) const
{
    Statement query(m_database, "SELECT text FROM documents WHERE id = ?1");
    query.bind(1, id);
    if (query.next()) {
        std::optional<QString> text = unpackText(query.blob(0));
        if (!text)
            return m_database.error(u"the text of document %1 cannot be read (damaged)"_s.arg(id));
        return std::move(*text);
    }
    if (!query.ok())
        return query.error();
    return m_database.error(u"no document with id %1"_s.arg(id));
}

Result<QList<SentenceRecord>> Repository::sentences(qint64 documentId) const
{
    // The document's text is unpacked once and cut here: through
    // sentence_text() SQLite reads the whole packed document again for every
    // sentence (quadratic in its length).
    Statement query(m_database,
                    "SELECT id, document_id, idx, start, \"end\", NULL FROM sentences "
                    "WHERE document_id = ?1 ORDER BY idx");
    query.bind(1, documentId);
    QList<SentenceRecord> records;
    std::optional<QString> text; // read with the first sentence: no sentences, no document to read
    while (query.next()) {
        if (!text) {
            Result<QString> read = documentText(documentId);
            if (!read)
                return Error{read.error()};
            text = std::move(read).value();
        }
        SentenceRecord record = readSentence(query); // all but the text
        // As sentence_text() does, a range outside the text reads as NULL.
        if (record.start >= 0 && record.end >= record.start && record.end <= text->size())
            record.text = text->mid(record.start, record.end - record.start);
        records.append(record);
    }
    if (!query.ok())
        return query.error();
    return records;
}

Result<QList<SearchHit>> Repository::search(const QString &query, int limit) const
{
    const Result<QString> parsed = toFtsQuery(query);
    if (!parsed)
        return Error{parsed.error()};
    const QString &expression = parsed.value();
    if (expression.isEmpty())
        return QList<SearchHit>();

    // bm25() is smaller for better matches; ties fall back to reading order.
    Statement search(m_database,
                     "SELECT s.id, s.document_id, s.idx, s.start, s.\"end\", " NEWSGRAPH_SENTENCE_TEXT ", d.file_name, "
                     "snippet(sentences_fts, 0, '[', ']', '…', 64) "
                     "FROM sentences_fts "
                     "JOIN sentences s ON s.id = sentences_fts.rowid "
                     "JOIN documents d ON d.id = s.document_id "
                     "WHERE sentences_fts MATCH ?1 "
                     "ORDER BY bm25(sentences_fts), s.document_id, s.idx "
                     "LIMIT ?2");
    search.bind(1, expression).bind(2, limit);
    QList<SearchHit> hits;
    while (search.next()) {
        SearchHit hit;
        hit.sentence = readSentence(search);
        hit.fileName = search.text(6);
        hit.snippet = search.text(7);
        hits.append(hit);
    }
    if (!search.ok())
        return search.error();
    return hits;
}

Result<QList<EntityRecord>> Repository::entities() const
{
    // Three set-wise queries joined here, rather than two queries per entity.
    Statement query(m_database,
                    "SELECT e.id, e.name, e.type, e.hidden, e.mention_count "
                    "FROM entities e ORDER BY e.mention_count DESC, e.name, e.id");
    QList<EntityRecord> records;
    QHash<qint64, qsizetype> position;
    while (query.next()) {
        EntityRecord record;
        record.id = query.int64(0);
        record.name = query.text(1);
        record.type = query.text(2);
        record.hidden = query.int64(3) != 0;
        record.mentionCount = query.integer(4);
        position.insert(record.id, records.size());
        records.append(record);
    }
    if (!query.ok())
        return query.error();

    // The aliases, which include the surface form of every mention naming
    // the entity (the writer stores them so, migration 13 made older
    // projects so), and may have been added without a mention (merging, the
    // user lexicon).
    Statement aliases(m_database, "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias");
    while (aliases.next()) {
        if (const auto it = position.constFind(aliases.int64(0)); it != position.constEnd())
            records[*it].aliases.append(aliases.text(1));
    }
    if (!aliases.ok())
        return aliases.error();

    Statement documents(m_database,
                        "SELECT DISTINCT m.entity_id, d.file_name FROM mentions m "
                        "JOIN sentences s ON s.id = m.sentence_id JOIN documents d ON d.id = s.document_id "
                        "WHERE m.entity_id IS NOT NULL AND m.resolved = 0 ORDER BY m.entity_id, d.file_name");
    while (documents.next()) {
        if (const auto it = position.constFind(documents.int64(0)); it != position.constEnd())
            records[*it].documents.append(documents.text(1));
    }
    if (!documents.ok())
        return documents.error();
    return records;
}

Result<QList<KnownEntity>> Repository::knownEntities() const
{
    Statement query(m_database, "SELECT id, name, type FROM entities ORDER BY id");
    QList<KnownEntity> known;
    QHash<qint64, qsizetype> position;
    while (query.next()) {
        // A type this version does not know (a newer program's, or edited by
        // hand) cannot be compared with extracted types, so such an entity
        // takes no part in merging.
        const std::optional<EntityType> type = entityTypeFromName(query.text(2));
        if (!type)
            continue;
        position.insert(query.int64(0), known.size());
        known.append(KnownEntity{query.int64(0), query.text(1), *type, {}});
    }
    if (!query.ok())
        return query.error();

    Statement aliases(m_database, "SELECT entity_id, alias FROM aliases ORDER BY entity_id, id");
    while (aliases.next()) {
        if (const auto it = position.constFind(aliases.int64(0)); it != position.constEnd())
            known[*it].aliases.append(aliases.text(1));
    }
    if (!aliases.ok())
        return aliases.error();
    return known;
}

Result<void> Repository::fileAllMergeKeys(Database &database)
{
    Result<QList<KnownEntity>> known = Repository(database).knownEntities();
    if (!known)
        return Error{known.error()};
    Statement fileKey(database, fileMergeKeySql);
    for (const KnownEntity &entity : std::as_const(*known)) {
        if (auto filed = fileMergeKeys(fileKey, entity.id, mergeKeysOf(entity.type, entity.name, entity.aliases));
            !filed)
            return filed;
    }
    return {};
}

Result<void> Repository::packAllTexts(Database &database)
{
    // The ids first: rows are not rewritten under a reading cursor.
    QList<qint64> ids;
    Statement plain(database, "SELECT id FROM documents WHERE typeof(text) = 'text' ORDER BY id");
    while (plain.next())
        ids.append(plain.int64(0));
    if (!plain.ok())
        return plain.error();
    Statement read(database, "SELECT text FROM documents WHERE id = ?1");
    Statement pack(database, "UPDATE documents SET text = ?2 WHERE id = ?1");
    for (qint64 id : std::as_const(ids)) {
        read.bind(1, id);
        const QString text = read.next() ? read.text(0) : QString();
        read.reset();
        if (!read.ok())
            return read.error();
        pack.bind(1, id).bind(2, packText(text));
        if (auto packed = pack.execute(); !packed)
            return packed;
    }
    return {};
}

Result<QList<qint64>> Repository::matchKnownEntities(const QList<ExtractedEntity> &entities) const
{
    // A person: among the people filed under one of its keys, the first
    // (lowest id, the first stored) whose name is the same or one likely
    // misspelling away.
    Statement byKey(m_database, "SELECT entity_id FROM merge_keys WHERE key = ?1 ORDER BY entity_id");
    Statement nameOf(m_database, "SELECT name FROM entities WHERE id = ?1");
    // Anything else: the entity sharing most keys with it, the first stored
    // on a tie, counted here from byKey's rows (one SQL statement grouping
    // and ordering them built two temporary trees per entity, the most
    // costly query of the storing thread).
    QHash<qint64, int> sharedKeys;
    // A name the analyst's edits claimed for an entity (a merge, a split, a
    // rename: Curator) goes to it, before any key is compared; most projects
    // have no claims, and then none is looked up.
    Statement anyClaim(m_database, "SELECT EXISTS (SELECT 1 FROM name_claims)");
    const bool claims = anyClaim.next() && anyClaim.int64(0) != 0;
    if (!anyClaim.ok())
        return anyClaim.error();
    anyClaim.reset();
    Statement claimed(m_database, "SELECT entity_id FROM name_claims WHERE key = ?1");
    QHash<qint64, QStringList> personWords; // read once per call
    QList<qint64> result;
    result.reserve(entities.size());
    for (const ExtractedEntity &entity : entities) {
        qint64 match = 0;
        if (claims) {
            const QString type = typeName(entity.type);
            QStringList names{entity.name};
            names += entity.aliases;
            for (const QString &name : std::as_const(names)) {
                claimed.bind(1, nameClaimKey(type, name));
                if (claimed.next())
                    match = claimed.int64(0);
                claimed.reset();
                if (!claimed.ok())
                    return claimed.error();
                if (match > 0)
                    break;
            }
            if (match > 0) {
                result.append(match);
                continue;
            }
        }
        const QStringList keys = mergeKeysOf(entity.type, entity.name, entity.aliases);
        if (keys.isEmpty()) {
            // A person of one word: never merged across documents.
        } else if (entity.type == EntityType::Person) {
            const QStringList words = personNameWords(entity.name);
            for (const QString &key : keys) {
                byKey.bind(1, storedMergeKey(key));
                QList<qint64> candidates;
                while (byKey.next()) {
                    const qint64 id = byKey.int64(0);
                    if (match > 0 && id >= match)
                        break;
                    candidates.append(id);
                }
                byKey.reset();
                if (!byKey.ok())
                    return byKey.error();
                for (qint64 id : std::as_const(candidates)) {
                    auto known = personWords.find(id);
                    if (known == personWords.end()) {
                        nameOf.bind(1, id);
                        const QString name = nameOf.next() ? nameOf.text(0) : QString();
                        nameOf.reset();
                        if (!nameOf.ok())
                            return nameOf.error();
                        known = personWords.insert(id, personNameWords(name));
                    }
                    if (!known->isEmpty() && samePersonWords(words, *known)) {
                        match = id;
                        break;
                    }
                }
            }
        } else {
            sharedKeys.clear();
            QSet<qint64> storedKeys;
            for (const QString &key : keys)
                storedKeys.insert(storedMergeKey(key));
            for (const qint64 key : std::as_const(storedKeys)) {
                byKey.bind(1, key);
                while (byKey.next())
                    ++sharedKeys[byKey.int64(0)];
                byKey.reset();
                if (!byKey.ok())
                    return byKey.error();
            }
            int most = 0;
            for (auto it = sharedKeys.cbegin(); it != sharedKeys.cend(); ++it) {
                if (it.value() > most || (it.value() == most && it.key() < match)) {
                    most = it.value();
                    match = it.key();
                }
            }
        }
        result.append(match);
    }
    return result;
}

Result<QList<AttributeRecord>> Repository::attributes(qint64 documentId) const
{
    Statement query(m_database,
                    "SELECT s.document_id, m.sentence_id, s.idx, m.type, m.start, m.\"end\", "
                    NEWSGRAPH_MENTION_TEXT ", m.value FROM mentions m JOIN sentences s ON s.id = m.sentence_id "
                    "JOIN documents d ON d.id = s.document_id "
                    "WHERE m.sentence_id IN (SELECT id FROM sentences WHERE document_id = ?1) "
                    "AND m.entity_id IS NULL ORDER BY m.start, m.sentence_id, m.ordinal");
    query.bind(1, documentId);
    QList<AttributeRecord> records;
    while (query.next()) {
        AttributeRecord record;
        record.documentId = query.int64(0);
        record.sentenceId = query.int64(1);
        record.sentenceIndex = query.integer(2);
        record.type = query.text(3);
        record.start = query.integer(4);
        record.end = query.integer(5);
        record.surface = query.text(6);
        record.value = query.text(7);
        records.append(record);
    }
    if (!query.ok())
        return query.error();
    return records;
}

Result<QList<MentionRecord>> Repository::mentions(qint64 documentId) const
{
    Statement query(m_database,
                    "SELECT d.id, m.sentence_id, m.entity_id, e.name, e.type, m.start, "
                    "m.\"end\", " NEWSGRAPH_MENTION_TEXT ", m.resolved FROM mentions m "
                    "JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = ?1 "
                    "WHERE m.sentence_id IN (SELECT id FROM sentences WHERE document_id = ?1) "
                    "ORDER BY m.start, m.sentence_id, m.ordinal");
    query.bind(1, documentId);
    QList<MentionRecord> records;
    while (query.next()) {
        MentionRecord record;
        record.documentId = query.int64(0);
        record.sentenceId = query.int64(1);
        record.entityId = query.int64(2);
        record.entityName = query.text(3);
        record.type = query.text(4);
        record.start = query.integer(5);
        record.end = query.integer(6);
        record.surface = query.text(7);
        record.resolved = query.int64(8) != 0;
        records.append(record);
    }
    if (!query.ok())
        return query.error();
    return records;
}

Result<QList<EvidenceRecord>> Repository::sentencesMentioning(qint64 entityId) const
{
    // DISTINCT: a sentence naming the entity twice is listed once.
    Statement query(m_database,
                    "SELECT DISTINCT d.id, d.file_name, s.id, " NEWSGRAPH_SENTENCE_TEXT ", s.start, s.\"end\", s.idx "
                    "FROM mentions m "
                    "JOIN sentences s ON s.id = m.sentence_id "
                    "JOIN documents d ON d.id = s.document_id "
                    "WHERE m.entity_id = ?1 AND m.resolved = 0 "
                    "ORDER BY d.id, s.idx");
    query.bind(1, entityId);
    return evidenceRecords(query);
}

Result<QList<RelationRecord>> Repository::relationsBetween(qint64 first, qint64 second) const
{
    Statement query(m_database,
                    NEWSGRAPH_RELATION_COLUMNS
                    "WHERE (r.subject_id = ?1 AND r.object_id = ?2) OR (r.subject_id = ?2 AND r.object_id = ?1) "
                    "ORDER BY predicate.name, r.id");
    query.bind(1, first).bind(2, second);
    return relationsWithEvidence(m_database, query);
}

Result<QList<qint64>> Repository::entitiesNamed(const QString &name) const
{
    QList<qint64> ids;
    bool isNumber = false;
    const qint64 id = name.trimmed().toLongLong(&isNumber);
    if (isNumber) {
        Statement byId(m_database, "SELECT id FROM entities WHERE id = ?1");
        byId.bind(1, id);
        if (byId.next())
            ids.append(byId.int64(0));
        if (!byId.ok())
            return byId.error();
        return ids;
    }
    // The store keeps every entity's name among its aliases: the alias
    // index finds both. Only a name written otherwise ("nvidia") reads
    // them all.
    for (const char *sql : {"SELECT DISTINCT entity_id FROM aliases WHERE alias = ?1 ORDER BY entity_id",
                            "SELECT DISTINCT entity_id FROM aliases WHERE alias = ?1 COLLATE NOCASE ORDER BY entity_id"}) {
        Statement query(m_database, sql);
        query.bind(1, name.trimmed());
        while (query.next())
            ids.append(query.int64(0));
        if (!query.ok())
            return query.error();
        if (!ids.isEmpty())
            break;
    }
    return ids;
}

Result<QList<RelationRecord>> Repository::relationsOf(qint64 entityId, bool includeCooccurrence) const
{
    // Through the index on (subject_id, ...) and relations_object: the
    // cost is that of the entity's own relations, not the project's.
    Statement query(m_database,
                    NEWSGRAPH_RELATION_COLUMNS "WHERE r.subject_id = ?1 OR r.object_id = ?1 "
                                               "ORDER BY subject.name, predicate.name, object.name, r.id");
    query.bind(1, entityId);
    Result<QList<RelationRecord>> records = relationsWithEvidence(m_database, query);
    if (!records || !includeCooccurrence)
        return records;

    // The entity's sentences (mentions_entity), then who else they name
    // (the mentions' key begins with their sentence).
    std::vector<CooccurrenceSentence> sentences;
    Statement together(m_database,
                       "SELECT DISTINCT other.entity_id, s.document_id, other.sentence_id "
                       "FROM mentions own JOIN mentions other ON other.sentence_id = own.sentence_id "
                       "JOIN sentences s ON s.id = own.sentence_id "
                       "WHERE own.entity_id = ?1 AND own.resolved = 0 AND other.entity_id IS NOT NULL "
                       "AND other.resolved = 0 AND other.entity_id <> ?1");
    together.bind(1, entityId);
    while (together.next()) {
        const qint64 other = together.int64(0);
        sentences.push_back({std::min(entityId, other), std::max(entityId, other), together.int64(1), together.int64(2)});
    }
    if (!together.ok())
        return together.error();
    std::sort(sentences.begin(), sentences.end());
    if (const Result<void> added = appendCooccurrences(m_database, sentences, records.value()); !added)
        return Error{added.error()};
    return records;
}

Result<QList<RelationRecord>> Repository::relations(bool includeCooccurrence) const
{
    Statement query(m_database,
                    NEWSGRAPH_RELATION_COLUMNS "ORDER BY subject.name, predicate.name, object.name, r.id");
    QList<RelationRecord> records;
    QHash<qint64, qsizetype> position;
    while (query.next()) {
        position.insert(query.int64(0), records.size());
        records.append(relationAt(query));
    }
    if (!query.ok())
        return query.error();

    Statement evidence(m_database,
                       "SELECT ev.relation_id, d.id, d.file_name, s.id, " NEWSGRAPH_SENTENCE_TEXT ", s.start, s.\"end\", "
                       NEWSGRAPH_EVIDENCE_RULE ", ev.confidence, " NEWSGRAPH_EVIDENCE_PATH " "
                       "FROM relation_evidence ev "
                       "JOIN sentences s ON s.id = ev.sentence_id "
                       "JOIN documents d ON d.id = s.document_id "
                       "ORDER BY ev.relation_id, d.id, s.idx");
    while (evidence.next()) {
        const auto it = position.constFind(evidence.int64(0));
        if (it == position.constEnd())
            continue;
        records[*it].evidence.append(statementAt(evidence, 1, records[*it]));
    }
    if (!evidence.ok())
        return evidence.error();
    if (!includeCooccurrence)
        return records;

    // Co-occurrences, from the mentions: one record per pair, its evidence
    // in document and sentence order.
    Result<std::vector<CooccurrenceSentence>> sentences = cooccurrenceSentences(m_database);
    if (!sentences)
        return Error{sentences.error()};
    if (const Result<void> added = appendCooccurrences(m_database, sentences.value(), records); !added)
        return Error{added.error()};
    return records;
}

Result<StoreStatistics> Repository::statistics() const
{
    StoreStatistics statistics;
    Statement counts(m_database,
                     "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
                     "(SELECT count(*) FROM entities), (SELECT count(*) FROM aliases), "
                     "(SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL AND resolved = 0), "
                     "(SELECT count(*) FROM mentions WHERE entity_id IS NULL), "
                     "(SELECT count(*) FROM relations), (SELECT count(*) FROM relation_evidence)");
    if (counts.next()) {
        statistics.documents = counts.integer(0);
        statistics.sentences = counts.integer(1);
        statistics.entities = counts.integer(2);
        statistics.aliases = counts.integer(3);
        statistics.mentions = counts.integer(4);
        statistics.attributes = counts.integer(5);
        statistics.relations = counts.integer(6);
        statistics.evidence = counts.integer(7);
    }
    if (!counts.ok())
        return counts.error();
    const Result<int> cooccurrences = cooccurrenceCount(m_database);
    if (!cooccurrences)
        return Error{cooccurrences.error()};
    statistics.cooccurrences = cooccurrences.value();

    Statement languages(m_database,
                        "SELECT language, count(*) FROM documents GROUP BY language");
    while (languages.next())
        statistics.languages.insert(languages.text(0), languages.integer(1));
    if (!languages.ok())
        return languages.error();
    return statistics;
}

namespace {

// Every predicate's name by its id (migration 19): a few dozen, each made
// a string once and shared by the relations that read it.
Result<QHash<qint64, QString>> predicateNames(Database &database)
{
    QHash<qint64, QString> names;
    Statement query(database, "SELECT id, name FROM predicates");
    while (query.next())
        names.insert(query.int64(0), query.text(1));
    if (!query.ok())
        return query.error();
    return names;
}

// Tells `map` the largest id and the number of rows of a table, which
// `extentSql` ("SELECT max(id), count(*) FROM ...") reads, so that a whole
// table's worth of ids fits in a vector.
template<typename T>
Result<void> expectRows(Database &database, const char *extentSql, RowIdMap<T> &map)
{
    Statement extent(database, extentSql);
    if (extent.next())
        map.expect(extent.int64(0), extent.integer(1));
    if (!extent.ok())
        return extent.error();
    return {};
}

// The nodes of graphData() (every entity when `ids` is null, else those of
// `ids`) with their aliases and documents, in id order; `nodeAt` maps an
// entity id to its place in `nodes`.
Result<void> readGraphNodes(Database &database, const QSet<qint64> *ids, QList<GraphNode> &nodes,
                            RowIdMap<qsizetype> &nodeAt, bool brief = false)
{
    const QString entityArray = ids ? idArray(*ids) : QString();
    const QString *someIds = ids ? &entityArray : nullptr;
    if (!ids) {
        if (auto told = expectRows(database, "SELECT max(id), count(*) FROM entities", nodeAt); !told)
            return told;
    }
    Statement rows = statementOver(database, someIds,
                                   "SELECT e.id, e.name, e.type, e.hidden, e.mention_count, e.curated "
                                   "FROM entities e ORDER BY e.id",
                                   "SELECT e.id, e.name, e.type, e.hidden, e.mention_count, e.curated "
                                   "FROM entities e WHERE e.id IN (SELECT value FROM json_each(?1)) ORDER BY e.id");
    while (rows.next()) {
        // A type this version does not know cannot be filtered or drawn.
        const std::optional<EntityType> type = entityTypeFromName(rows.text(2));
        if (!type)
            continue;
        GraphNode node;
        node.entityId = rows.int64(0);
        node.name = rows.text(1);
        node.type = *type;
        node.hidden = rows.int64(3) != 0;
        node.mentions = rows.integer(4);
        node.curated = rows.int64(5) != 0;
        nodeAt.insert(node.entityId, nodes.size());
        nodes.append(node);
    }
    if (!rows.ok())
        return rows.error();

    // The names each goes by: its aliases, which include the surface form of
    // every mention naming it (the writer stores them so, migration 13 made
    // older projects so), in the order of the UNIQUE (entity_id, alias)
    // index, which is SQLite's BINARY order, as entities() has them.
    Statement aliases = statementOver(database, someIds,
                                      "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias",
                                      "SELECT entity_id, alias FROM aliases "
                                      "WHERE entity_id IN (SELECT value FROM json_each(?1)) "
                                      "ORDER BY entity_id, alias");
    // Each row's text (column 1) appended to that list of the node whose
    // id is column 0.
    const auto appendToNodes = [&](Statement &rows, QStringList GraphNode::*list) -> Result<void> {
        while (rows.next()) {
            if (const qsizetype *at = nodeAt.find(rows.int64(0)))
                (nodes[*at].*list).append(rows.text(1));
        }
        if (!rows.ok())
            return rows.error();
        return {};
    };
    if (Result<void> read = appendToNodes(aliases, &GraphNode::aliases); !read)
        return read;

    // The analyst's notes (Curator), few.
    Statement notes = statementOver(database, someIds,
                                    "SELECT entity_id, text FROM notes WHERE entity_id IS NOT NULL ORDER BY id",
                                    "SELECT entity_id, text FROM notes "
                                    "WHERE entity_id IN (SELECT value FROM json_each(?1)) ORDER BY id");
    if (Result<void> read = appendToNodes(notes, &GraphNode::notes); !read)
        return read;

    // The documents naming each: the mentions read once, in one pass without
    // sorting (through the entity index for a few entities, the table in
    // storage order for all), a document kept once per run of its mentions
    // and the lists sorted here. DISTINCT documents sorted every mention of
    // the project. In brief (a few entities) none: the mentions are counted
    // already (migration 12).
    if (ids && brief)
        return {};
    Statement mentions = statementOver(database, someIds,
                                       "SELECT m.entity_id, s.document_id FROM mentions m "
                                       "JOIN sentences s ON s.id = m.sentence_id "
                                       "WHERE m.resolved = 0 AND m.entity_id IS NOT NULL",
                                       "SELECT m.entity_id, s.document_id FROM mentions m "
                                       "JOIN sentences s ON s.id = m.sentence_id "
                                       "WHERE m.resolved = 0 AND m.entity_id IN (SELECT value FROM json_each(?1))");
    while (mentions.next()) {
        const qsizetype *at = nodeAt.find(mentions.int64(0));
        if (!at)
            continue;
        QList<qint64> &documents = nodes[*at].documentIds;
        if (const qint64 document = mentions.int64(1); documents.isEmpty() || documents.constLast() != document)
            documents.append(document);
    }
    if (!mentions.ok())
        return mentions.error();
    for (GraphNode &node : nodes) {
        std::sort(node.documentIds.begin(), node.documentIds.end());
        node.documentIds.erase(std::unique(node.documentIds.begin(), node.documentIds.end()),
                               node.documentIds.end());
    }
    return {};
}

// graphData() (`around` null) or graphDataAround() (the entities of
// `*around` with every edge they have, complete, and the entities at the
// other end of those edges, read as `reading` says).
Result<GraphData> readGraphData(Database &database, const QSet<qint64> *around,
                                const Repository::LocalReading &reading)
{
    const bool withCooccurrence = reading.cooccurrence;
    const bool briefNodes = around && reading.briefNodes;
    const bool evidenceDocuments = !around || reading.evidenceDocuments;
    const QString aroundIds = around ? idArray(*around) : QString();

    // Typed relations first, so that an edge's direction is that of a
    // statement rather than of an unordered co-occurrence; read before the
    // entities, which around a few are those at either end.
    struct RelationRow
    {
        qint64 id, subject, object;
        QString predicate;
        double confidence;
        bool manual;
    };
    QList<RelationRow> relationRows;
    qint64 largestRelation = 0;
    {
        const Result<QHash<qint64, QString>> predicates = predicateNames(database);
        if (!predicates)
            return Error{predicates.error()};
        Statement relations = statementOver(
            database, around ? &aroundIds : nullptr,
            "SELECT id, subject_id, object_id, predicate_id, confidence, origin FROM relations ORDER BY id",
            reading.within ? "SELECT id, subject_id, object_id, predicate_id, confidence, origin FROM relations "
                             "WHERE subject_id IN (SELECT value FROM json_each(?1)) "
                             "AND object_id IN (SELECT value FROM json_each(?1)) ORDER BY 1"
                           : "SELECT id, subject_id, object_id, predicate_id, confidence, origin FROM relations "
                             "WHERE subject_id IN (SELECT value FROM json_each(?1)) "
                             "UNION SELECT id, subject_id, object_id, predicate_id, confidence, origin "
                             "FROM relations WHERE object_id IN (SELECT value FROM json_each(?1)) ORDER BY 1");
        while (relations.next()) {
            relationRows.append({relations.int64(0), relations.int64(1), relations.int64(2),
                                 predicates->value(relations.int64(3)), fromThousandths(relations, 4),
                                 relations.int64(5) != 0});
            largestRelation = std::max(largestRelation, relationRows.constLast().id);
        }
        if (!relations.ok())
            return relations.error();
    }

    // Then co-occurrences, from the mentions, sorted by pair. Around a few
    // entities: every sentence naming one of them, and of its pairs those
    // with one of them, so that each of their edges has all its sentences.
    std::vector<CooccurrenceSentence> cooccurrences;
    if (!withCooccurrence) {
        // Left out: a busy entity is named with thousands of others.
    } else if (around) {
        std::vector<NamedInSentence> named;
        Statement query(database,
                        "SELECT m.sentence_id, m.entity_id, s.document_id FROM mentions m "
                        "JOIN sentences s ON s.id = m.sentence_id "
                        "WHERE m.entity_id IS NOT NULL AND m.resolved = 0 AND m.sentence_id IN "
                        "(SELECT sentence_id FROM mentions WHERE resolved = 0 "
                        " AND entity_id IN (SELECT value FROM json_each(?1)))");
        query.bind(1, aroundIds);
        while (query.next())
            named.push_back({query.int64(0), query.int64(1), query.int64(2)});
        if (!query.ok())
            return query.error();
        sortNamedInSentences(named);
        forEachPairInSentence(named, [&](const NamedInSentence &a, const NamedInSentence &b) {
            if (around->contains(a.entityId) || around->contains(b.entityId))
                cooccurrences.push_back({a.entityId, b.entityId, a.documentId, a.sentenceId});
        });
        std::sort(cooccurrences.begin(), cooccurrences.end());
    } else {
        Result<std::vector<CooccurrenceSentence>> all = cooccurrenceSentences(database);
        if (!all)
            return Error{all.error()};
        cooccurrences = std::move(all).value();
    }

    QSet<qint64> entityIds;
    if (around) {
        entityIds = *around;
        // And the entities at the other end, unless only the edges between
        // them are read.
        if (!reading.within) {
            for (const RelationRow &row : std::as_const(relationRows)) {
                entityIds.insert(row.subject);
                entityIds.insert(row.object);
            }
            for (const CooccurrenceSentence &found : cooccurrences) {
                entityIds.insert(found.low);
                entityIds.insert(found.high);
            }
        }
    }
    GraphData data;
    RowIdMap<qsizetype> nodeAt;
    if (auto read = readGraphNodes(database, around ? &entityIds : nullptr, data.nodes, nodeAt, briefNodes); !read)
        return Error{read.error()};

    QHash<std::pair<qint64, qint64>, qsizetype> edgeAt; // (lower id, higher id)
    struct RelationOnEdge
    {
        qsizetype edge;
        QString predicate;
        bool reversed;
        // What tells its evidence entries apart from others of the edge:
        // the relation's id (one per subject, predicate and object), or for
        // a co-occurrence, which has no row, minus one less the edge's index.
        qint64 key;
    };
    // The edge of a relation between `subject` and `object`, made if needed;
    // nullopt when either is not drawn.
    const auto edgeOf = [&](qint64 relationId, qint64 subject, qint64 object, const QString &predicate,
                            double confidence) -> std::optional<RelationOnEdge> {
        if (!nodeAt.contains(subject) || !nodeAt.contains(object) || subject == object)
            return std::nullopt;
        const std::pair<qint64, qint64> pair{std::min(subject, object), std::max(subject, object)};
        auto it = edgeAt.find(pair);
        if (it == edgeAt.end()) {
            GraphEdge edge;
            edge.source = subject;
            edge.target = object;
            it = edgeAt.insert(pair, data.edges.size());
            data.edges.append(edge);
        }
        GraphEdge &edge = data.edges[*it];
        if (!edge.predicates.contains(predicate))
            edge.predicates.append(predicate);
        edge.confidence = std::max(edge.confidence, confidence);
        return RelationOnEdge{*it, predicate, subject != edge.source, relationId > 0 ? relationId : -1 - *it};
    };
    RowIdMap<RelationOnEdge> relationAt; // relation id -> where its evidence goes
    relationAt.expect(largestRelation, relationRows.size());
    for (const RelationRow &row : std::as_const(relationRows)) {
        if (const auto onEdge = edgeOf(row.id, row.subject, row.object, row.predicate, row.confidence))
            relationAt.insert(row.id, *onEdge);
    }

    // Document id -> its date, where it has one: all of them at once for
    // the whole graph, one by one as needed around a few entities.
    RowIdMap<QDate> published;
    Statement dateOfOne(database, "SELECT published FROM documents WHERE id = ?1 AND published IS NOT NULL");
    if (!around) {
        if (auto told = expectRows(database, "SELECT max(id), count(*) FROM documents", published); !told)
            return Error{told.error()};
        Statement dates(database, "SELECT id, published FROM documents WHERE published IS NOT NULL");
        while (dates.next())
            published.insert(dates.int64(0), QDate::fromString(dates.text(1), Qt::ISODate));
        if (!dates.ok())
            return dates.error();
    }
    QSet<qint64> datesRead;
    const auto dateOf = [&](qint64 documentId) -> Result<QDate> {
        if (around && !datesRead.contains(documentId)) {
            datesRead.insert(documentId);
            dateOfOne.bind(1, documentId);
            if (dateOfOne.next())
                published.insert(documentId, QDate::fromString(dateOfOne.text(0), Qt::ISODate));
            dateOfOne.reset();
            if (!dateOfOne.ok())
                return dateOfOne.error();
        }
        return published.value(documentId);
    };

    // An entry per edge, document, predicate and direction, which is a
    // relation and a document. Evidence comes relation by relation (a
    // co-occurrence's pair by pair), each relation's in sentence order: its
    // entries (a run at the end of its edge's) are kept in document order,
    // so that a row's entry is the last one, a new one, or found by a
    // binary search when sentence and document ids do not rise together.
    qint64 runKey = 0; // none: relation ids are positive, co-occurrence keys negative
    qsizetype runStart = 0;
    const auto addEvidence = [&](const RelationOnEdge &relation, qint64 documentId,
                                 qint64 sentenceId) -> Result<void> {
        QList<GraphEdgeEvidence> &entries = data.edges[relation.edge].evidence;
        if (relation.key != runKey) {
            runKey = relation.key;
            runStart = entries.size();
        }
        qsizetype entry = entries.size() - 1;
        if (entry < runStart || entries.at(entry).documentId != documentId) {
            const auto place = entry < runStart || entries.at(entry).documentId < documentId
                ? entries.end()
                : std::lower_bound(entries.begin() + runStart, entries.end(), documentId,
                                   [](const GraphEdgeEvidence &e, qint64 id) { return e.documentId < id; });
            entry = place - entries.begin();
            if (place == entries.end() || place->documentId != documentId) {
                const Result<QDate> date = dateOf(documentId);
                if (!date)
                    return Error{date.error()};
                GraphEdgeEvidence item;
                item.documentId = documentId;
                item.documentDate = *date;
                item.predicate = relation.predicate;
                item.reversed = relation.reversed;
                entries.insert(entry, item);
            }
        }
        entries[entry].sentenceIds.append(sentenceId);
        return {};
    };

    QSet<qint64> relationIds;
    if (around) {
        for (const RelationRow &row : std::as_const(relationRows)) {
            if (relationAt.contains(row.id))
                relationIds.insert(row.id);
        }
    }
    // Bound by the evidence and the notes below.
    const QString relationIdJson = around ? idArray(relationIds) : QString();
    Statement evidence(database,
                       !evidenceDocuments ? "SELECT relation_id, 0, sentence_id FROM relation_evidence "
                                            "WHERE relation_id IN (SELECT value FROM json_each(?1)) "
                                            "ORDER BY relation_id, sentence_id"
                       : around ? "SELECT ev.relation_id, s.document_id, ev.sentence_id "
                                "FROM relation_evidence ev "
                                "JOIN sentences s ON s.id = ev.sentence_id "
                                "WHERE ev.relation_id IN (SELECT value FROM json_each(?1)) "
                                "ORDER BY ev.relation_id, ev.sentence_id"
                              : "SELECT ev.relation_id, s.document_id, ev.sentence_id "
                                "FROM relation_evidence ev "
                                "JOIN sentences s ON s.id = ev.sentence_id "
                                "ORDER BY ev.relation_id, ev.sentence_id");
    if (around)
        evidence.bind(1, relationIdJson);
    while (evidence.next()) {
        const RelationOnEdge *relation = relationAt.find(evidence.int64(0));
        if (!relation)
            continue;
        if (auto added = addEvidence(*relation, evidence.int64(1), evidence.int64(2)); !added)
            return Error{added.error()};
    }
    if (!evidence.ok())
        return evidence.error();

    // The analyst's relations: their assertion (see GraphEdgeEvidence::manual),
    // their cited sentences marked; and the notes on any relation.
    for (const RelationRow &row : std::as_const(relationRows)) {
        const RelationOnEdge *relation = row.manual ? relationAt.find(row.id) : nullptr;
        if (!relation)
            continue;
        GraphEdge &edge = data.edges[relation->edge];
        for (GraphEdgeEvidence &entry : edge.evidence) {
            if (entry.predicate == relation->predicate && entry.reversed == relation->reversed)
                entry.manual = true;
        }
        GraphEdgeEvidence assertion;
        assertion.predicate = relation->predicate;
        assertion.reversed = relation->reversed;
        assertion.manual = true;
        edge.evidence.append(assertion);
        edge.manual = true;
    }
    Statement notes = statementOver(database, around ? &relationIdJson : nullptr,
                                    "SELECT relation_id, text FROM notes WHERE relation_id IS NOT NULL ORDER BY id",
                                    "SELECT relation_id, text FROM notes WHERE relation_id IN "
                                    "(SELECT value FROM json_each(?1)) ORDER BY id");
    while (notes.next()) {
        if (const RelationOnEdge *relation = relationAt.find(notes.int64(0)))
            data.edges[relation->edge].notes.append(notes.text(1));
    }
    if (!notes.ok())
        return notes.error();

    // Co-occurrences: each pair's sentences follow one another and its edge
    // is looked up once.
    const QString cooccurrence = QString::fromUtf16(cooccurrencePredicate);
    std::optional<RelationOnEdge> onEdge;
    for (std::size_t i = 0; i < cooccurrences.size(); ++i) {
        const CooccurrenceSentence &found = cooccurrences.at(i);
        if (i == 0 || found.low != cooccurrences.at(i - 1).low || found.high != cooccurrences.at(i - 1).high)
            onEdge = edgeOf(0, found.low, found.high, cooccurrence, cooccurrenceConfidence);
        if (!onEdge)
            continue;
        if (auto added = addEvidence(*onEdge, found.documentId, found.sentenceId); !added)
            return Error{added.error()};
    }

    std::vector<qint64> sentences;
    for (GraphEdge &edge : data.edges) {
        edge.predicates.sort();
        // A sentence stating two of its relations counts once.
        sentences.clear();
        for (const GraphEdgeEvidence &entry : std::as_const(edge.evidence))
            sentences.insert(sentences.end(), entry.sentenceIds.cbegin(), entry.sentenceIds.cend());
        std::sort(sentences.begin(), sentences.end());
        edge.evidenceCount = int(std::unique(sentences.begin(), sentences.end()) - sentences.begin());
        edge.cooccurrenceOnly = std::all_of(edge.predicates.cbegin(), edge.predicates.cend(),
                                            [&](const QString &p) { return p == cooccurrence; });
        std::sort(edge.evidence.begin(), edge.evidence.end(),
                  [](const GraphEdgeEvidence &a, const GraphEdgeEvidence &b) {
                      return std::tie(a.documentId, a.predicate, a.reversed)
                          < std::tie(b.documentId, b.predicate, b.reversed);
                  });
    }
    return data;
}

} // namespace

Result<GraphData> Repository::graphData(bool withCooccurrence) const
{
    // Set-wise queries merged here, whatever the number of entities.
    LocalReading reading;
    reading.cooccurrence = withCooccurrence;
    return readGraphData(m_database, nullptr, reading);
}

Result<GraphData> Repository::graphDataAround(const QSet<qint64> &entityIds, const LocalReading &reading) const
{
    return readGraphData(m_database, &entityIds, reading);
}

Result<QList<GraphNode>> Repository::graphNodes(const QSet<qint64> &entityIds, bool brief) const
{
    QList<GraphNode> nodes;
    RowIdMap<qsizetype> nodeAt;
    if (auto read = readGraphNodes(m_database, &entityIds, nodes, nodeAt, brief); !read)
        return Error{read.error()};
    return nodes;
}

Result<QList<std::pair<qint64, qint64>>> Repository::relationNeighbours(const QSet<qint64> &entityIds,
                                                                       const QSet<QString> &predicates) const
{
    // Each side through its own index: (subject, predicate, object) and
    // (object, subject), the relation's id being in both.
    Statement query(m_database,
                    "SELECT r.subject_id, r.object_id FROM relations r "
                    "WHERE r.subject_id IN (SELECT value FROM json_each(?1)) "
                    "AND (?2 = '[]' OR r.predicate_id IN "
                    "     (SELECT id FROM predicates WHERE name IN (SELECT value FROM json_each(?2)))) "
                    "AND (r.origin = 1 OR EXISTS (SELECT 1 FROM relation_evidence ev WHERE ev.relation_id = r.id)) "
                    "UNION ALL "
                    "SELECT r.object_id, r.subject_id FROM relations r "
                    "WHERE r.object_id IN (SELECT value FROM json_each(?1)) "
                    "AND (?2 = '[]' OR r.predicate_id IN "
                    "     (SELECT id FROM predicates WHERE name IN (SELECT value FROM json_each(?2)))) "
                    "AND (r.origin = 1 OR EXISTS (SELECT 1 FROM relation_evidence ev WHERE ev.relation_id = r.id))");
    query.bind(1, idArray(entityIds))
        .bind(2, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(
                                                     QStringList(predicates.cbegin(), predicates.cend())))
                                       .toJson(QJsonDocument::Compact)));
    QList<std::pair<qint64, qint64>> pairs;
    while (query.next())
        pairs.append({query.int64(0), query.int64(1)});
    if (!query.ok())
        return query.error();
    return pairs;
}

Result<QHash<qint64, int>> Repository::shownEntities(const QSet<qint64> &entityIds, const QSet<EntityType> &types,
                                                     bool includeHidden) const
{
    Statement query(m_database, "SELECT id, type, hidden, mention_count FROM entities "
                                "WHERE id IN (SELECT value FROM json_each(?1))");
    query.bind(1, idArray(entityIds));
    QHash<qint64, int> shown;
    while (query.next()) {
        const std::optional<EntityType> type = entityTypeFromName(query.text(1));
        if (!type || (!types.isEmpty() && !types.contains(*type)))
            continue;
        if (query.int64(2) != 0 && !includeHidden)
            continue;
        shown.insert(query.int64(0), query.integer(3));
    }
    if (!query.ok())
        return query.error();
    return shown;
}

Result<QList<EvidenceRecord>> Repository::evidenceBetween(qint64 a, qint64 b,
                                                          bool includeCooccurrence) const
{
    // The sentences of the pair's typed relations and, with co-occurrence,
    // those naming both. UNION: a sentence stating two relations of the pair
    // is shown once.
    Statement query(m_database,
                    "SELECT d.id, d.file_name, s.id, " NEWSGRAPH_SENTENCE_TEXT ", s.start, s.\"end\", s.idx "
                    "FROM relations r "
                    "JOIN relation_evidence ev ON ev.relation_id = r.id "
                    "JOIN sentences s ON s.id = ev.sentence_id "
                    "JOIN documents d ON d.id = s.document_id "
                    "WHERE ((r.subject_id = ?1 AND r.object_id = ?2) "
                    "    OR (r.subject_id = ?2 AND r.object_id = ?1)) "
                    "UNION "
                    "SELECT d.id, d.file_name, s.id, " NEWSGRAPH_SENTENCE_TEXT ", s.start, s.\"end\", s.idx "
                    "FROM mentions ma "
                    "JOIN mentions mb ON mb.sentence_id = ma.sentence_id AND mb.entity_id = ?2 AND mb.resolved = 0 "
                    "JOIN sentences s ON s.id = ma.sentence_id "
                    "JOIN documents d ON d.id = s.document_id "
                    "WHERE ?3 AND ma.entity_id = ?1 AND ma.resolved = 0 AND ?1 <> ?2 "
                    "ORDER BY 1, 7");
    query.bind(1, a).bind(2, b).bind(3, qint64(includeCooccurrence ? 1 : 0));
    return evidenceRecords(query);
}

Result<QList<EvidenceRecord>> Repository::sentencesWithIds(const QSet<qint64> &sentenceIds) const
{
    Statement query(m_database,
                    "SELECT d.id, d.file_name, s.id, " NEWSGRAPH_SENTENCE_TEXT ", s.start, s.\"end\" "
                    "FROM sentences s JOIN documents d ON d.id = s.document_id "
                    "WHERE s.id IN (SELECT value FROM json_each(?1)) "
                    "ORDER BY d.id, s.idx");
    query.bind(1, idArray(sentenceIds));
    return evidenceRecords(query);
}

Result<QHash<qint64, NodePosition>> Repository::positions() const
{
    Statement query(m_database, "SELECT entity_id, x, y, pinned FROM node_positions");
    QHash<qint64, NodePosition> positions;
    while (query.next())
        positions.insert(query.int64(0), NodePosition{query.real(1), query.real(2), query.int64(3) != 0});
    if (!query.ok())
        return query.error();
    return positions;
}

Result<void> Repository::savePositions(const QHash<qint64, NodePosition> &positions)
{
    Transaction transaction(m_database);
    if (!transaction.isActive())
        return transaction.error();
    if (Result<void> cleared = m_database.execute(u"DELETE FROM node_positions"_s); !cleared)
        return cleared;
    if (Result<void> written = updatePositions(positions); !written)
        return written;
    return transaction.commit();
}

Result<void> Repository::updatePositions(const QHash<qint64, NodePosition> &positions)
{
    // INSERT ... SELECT: an id whose entity is gone inserts nothing rather
    // than failing the foreign key and with it the whole layout.
    Savepoint savepoint(m_database, "positions");
    if (!savepoint.isActive())
        return savepoint.error();
    Statement upsert(m_database,
                     "INSERT INTO node_positions (entity_id, x, y, pinned) "
                     "SELECT id, ?2, ?3, ?4 FROM entities WHERE id = ?1 "
                     "ON CONFLICT (entity_id) DO UPDATE SET x = excluded.x, y = excluded.y, "
                     "pinned = excluded.pinned");
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (!std::isfinite(it->x) || !std::isfinite(it->y))
            return Error{u"Cannot save the position of entity %1: it is not a finite point"_s.arg(it.key())};
        upsert.reset();
        upsert.bind(1, it.key()).bind(2, it->x).bind(3, it->y).bind(4, qint64(it->pinned ? 1 : 0));
        if (Result<void> done = upsert.execute(); !done)
            return done;
    }
    return savepoint.release();
}

} // namespace NewsGraph

#undef NEWSGRAPH_DOCUMENT_COLUMNS
#undef NEWSGRAPH_RELATION_COLUMNS
