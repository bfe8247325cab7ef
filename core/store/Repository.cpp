#include "core/store/Repository.h"

#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

#include <QDateTime>
#include <QHash>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// The columns readDocument() expects, in this order; a macro so that it can be
// pasted into SQL literals at compile time. utf16_length() (see Database)
// rather than length(), so that the length compares with offsets.
#define NEWSGRAPH_DOCUMENT_COLUMNS                                                                 \
    "d.id, d.path, d.file_name, d.title, d.published, d.language, d.source_url, d.content_hash, "  \
    "(SELECT count(*) FROM sentences s WHERE s.document_id = d.id), utf16_length(d.text), "        \
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

// Turns what a person typed into an FTS5 expression that cannot be a syntax
// error: every word and every "quoted phrase" becomes an FTS5 string (so
// AND, OR, NOT, NEAR, parentheses, column filters and ^ are just text), a
// trailing * becomes a prefix query, and the terms are ANDed. An unclosed
// quote runs to the end of the input.
QString toFtsQuery(const QString &input)
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
    return terms.join(u' ');
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
    const QString name = document.fileName.isEmpty() ? document.path : document.fileName;
    if (document.contentHash.isEmpty())
        return Error{u"%1: cannot be stored without a content hash"_s.arg(name)};

    // Everything below is undone by the savepoint's destructor on any early
    // return, including a bad sentence found after others were inserted.
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
                     "language, source_url, text, ingested_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bind(1, nonNull(document.path))
        .bind(2, nonNull(document.fileName))
        .bind(3, document.contentHash)
        .bind(4, nonNull(document.title))
        .bind(5, document.date.isValid() ? document.date.toString(Qt::ISODate) : QString())
        .bind(6, nonNull(document.language))
        .bind(7, document.sourceUrl.isEmpty() ? QString() : document.sourceUrl)
        .bind(8, nonNull(document.text))
        .bind(9, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (auto inserted = insert.execute(); !inserted)
        return Error{inserted.error()};
    const qint64 documentId = insert.lastInsertRowId();

    const qsizetype length = document.text.size();
    Statement insertSentence(m_database,
                             "INSERT INTO sentences (document_id, idx, start, \"end\", text) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)");
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        const Sentence &sentence = sentences.at(i);
        if (sentence.start < 0 || sentence.end <= sentence.start || sentence.end > length)
            return Error{u"%1: sentence index %2 has the range [%3, %4), which is not inside the "
                         "text (%5 characters); the document was not stored"_s.arg(name)
                             .arg(i)
                             .arg(sentence.start)
                             .arg(sentence.end)
                             .arg(length)};
        insertSentence.bind(1, documentId)
            .bind(2, qint64(i))
            .bind(3, sentence.start)
            .bind(4, sentence.end)
            .bind(5, document.text.mid(sentence.start, sentence.length()));
        if (auto inserted = insertSentence.execute(); !inserted)
            return Error{inserted.error()};
    }

    if (auto released = savepoint.release(); !released)
        return Error{released.error()};
    return documentId;
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
    if (query.next())
        return query.text(0);
    if (!query.ok())
        return query.error();
    return m_database.error(u"no document with id %1"_s.arg(id));
}

Result<QList<SentenceRecord>> Repository::sentences(qint64 documentId) const
{
    Statement query(m_database,
                    "SELECT id, document_id, idx, start, \"end\", text FROM sentences "
                    "WHERE document_id = ?1 ORDER BY idx");
    query.bind(1, documentId);
    QList<SentenceRecord> records;
    while (query.next())
        records.append(readSentence(query));
    if (!query.ok())
        return query.error();
    return records;
}

Result<QList<SearchHit>> Repository::search(const QString &query, int limit) const
{
    const QString expression = toFtsQuery(query);
    if (expression.isEmpty())
        return QList<SearchHit>();

    // bm25() is smaller for better matches; ties fall back to reading order.
    Statement search(m_database,
                     "SELECT s.id, s.document_id, s.idx, s.start, s.\"end\", s.text, d.file_name, "
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
                    "SELECT e.id, e.name, e.type, e.hidden, "
                    "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count "
                    "FROM entities e ORDER BY mention_count DESC, e.name, e.id");
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

    Statement aliases(m_database, "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias");
    while (aliases.next()) {
        if (const auto it = position.constFind(aliases.int64(0)); it != position.constEnd())
            records[*it].aliases.append(aliases.text(1));
    }
    if (!aliases.ok())
        return aliases.error();

    Statement documents(m_database,
                        "SELECT DISTINCT m.entity_id, d.file_name FROM mentions m "
                        "JOIN documents d ON d.id = m.document_id "
                        "WHERE m.entity_id IS NOT NULL ORDER BY m.entity_id, d.file_name");
    while (documents.next()) {
        if (const auto it = position.constFind(documents.int64(0)); it != position.constEnd())
            records[*it].documents.append(documents.text(1));
    }
    if (!documents.ok())
        return documents.error();
    return records;
}

Result<QList<RelationRecord>> Repository::relations() const
{
    Statement query(m_database,
                    "SELECT r.id, subject.name, r.predicate, object.name, r.confidence "
                    "FROM relations r "
                    "JOIN entities subject ON subject.id = r.subject_id "
                    "JOIN entities object ON object.id = r.object_id "
                    "ORDER BY subject.name, r.predicate, object.name, r.id");
    QList<RelationRecord> records;
    QHash<qint64, qsizetype> position;
    while (query.next()) {
        RelationRecord record;
        record.id = query.int64(0);
        record.subject = query.text(1);
        record.predicate = query.text(2);
        record.object = query.text(3);
        record.confidence = query.real(4);
        position.insert(record.id, records.size());
        records.append(record);
    }
    if (!query.ok())
        return query.error();

    Statement evidence(m_database,
                       "SELECT ev.relation_id, d.id, d.file_name, s.id, s.text, s.start, s.\"end\" "
                       "FROM relation_evidence ev "
                       "JOIN sentences s ON s.id = ev.sentence_id "
                       "JOIN documents d ON d.id = s.document_id "
                       "ORDER BY ev.relation_id, d.id, s.idx");
    while (evidence.next()) {
        const auto it = position.constFind(evidence.int64(0));
        if (it == position.constEnd())
            continue;
        EvidenceRecord record;
        record.documentId = evidence.int64(1);
        record.fileName = evidence.text(2);
        record.sentenceId = evidence.int64(3);
        record.sentence = evidence.text(4);
        record.start = evidence.integer(5);
        record.end = evidence.integer(6);
        records[*it].evidence.append(record);
    }
    if (!evidence.ok())
        return evidence.error();
    return records;
}

Result<StoreStatistics> Repository::statistics() const
{
    StoreStatistics statistics;
    Statement counts(m_database,
                     "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
                     "(SELECT count(*) FROM entities), (SELECT count(*) FROM aliases), "
                     "(SELECT count(*) FROM mentions), (SELECT count(*) FROM relations), "
                     "(SELECT count(*) FROM relation_evidence)");
    if (counts.next()) {
        statistics.documents = counts.integer(0);
        statistics.sentences = counts.integer(1);
        statistics.entities = counts.integer(2);
        statistics.aliases = counts.integer(3);
        statistics.mentions = counts.integer(4);
        statistics.relations = counts.integer(5);
        statistics.evidence = counts.integer(6);
    }
    if (!counts.ok())
        return counts.error();

    Statement languages(m_database,
                        "SELECT language, count(*) FROM documents GROUP BY language");
    while (languages.next())
        statistics.languages.insert(languages.text(0), languages.integer(1));
    if (!languages.ok())
        return languages.error();
    return statistics;
}

} // namespace NewsGraph

#undef NEWSGRAPH_DOCUMENT_COLUMNS
