#pragma once

#include "core/common/Result.h"
#include "core/store/Records.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <utility>

namespace NewsGraph {

class DocumentProcessor;

// The reference annotation of one article, as in tests/data/gold/*.json (the
// format is described in tests/data/gold/README.md).
struct GoldEntity
{
    QString name;
    QString type;        // PERSON, ORG, PLACE, PRODUCT, EVENT; others are not scored
    QStringList aliases; // "aliases_in_text"
    QStringList altTypes; // "alt_types": other types that count as right
};

struct GoldRelation
{
    QString subject;
    QString predicate;
    QString object;
    QString evidence;
};

struct GoldDocument
{
    QString goldFile; // the annotation's file name, for messages
    QString document; // "doc": the article's file name
    QString language;
    QList<GoldEntity> entities; // all of them, scored or not
    QList<GoldRelation> relations;
};

// Parses one annotation; errors name `goldFile` and what is wrong.
Result<GoldDocument> parseGoldDocument(const QByteArray &json, const QString &goldFile);
// Every "*.json" of `directory`, in file-name order (code point order, like
// Python's sorted()).
Result<QList<GoldDocument>> readGoldDirectory(const QString &directory);

// True positives, false positives and false negatives of one measure.
struct ScoreCounts
{
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;

    // 0 where the denominator is 0, as the reference scorer does.
    double precision() const;
    double recall() const;
    double f1() const;
    ScoreCounts &operator+=(const ScoreCounts &other);
    friend bool operator==(const ScoreCounts &, const ScoreCounts &) = default;
};

struct DocumentScore
{
    QString document; // the article's file name
    ScoreCounts entities;
    ScoreCounts typed;
    ScoreCounts pairs;
    ScoreCounts relations;
    int evidenceFound = 0; // predicted evidence sentences found verbatim in the article
    int evidenceTotal = 0;
    QString failure; // why the article could not be ingested (it then scores zero)
};

struct Evaluation
{
    QList<DocumentScore> documents;
    // Micro-averaged: the counts of all documents added up.
    ScoreCounts entities;
    ScoreCounts typed;
    ScoreCounts pairs;
    ScoreCounts relations;
    int evidenceFound = 0;
    int evidenceTotal = 0;

    void add(const DocumentScore &score);
    double evidenceShare() const;
};

// Scores NewsGraph's extraction against reference annotations, reproducing
// the reference scorer (score.py, which runs newsgraph-cli; it is kept with
// the shared annotations, outside this repository) number for number,
// without Python and in one process: each
// annotated article is ingested alone into a fresh in-memory database, its
// entities and relations are read back as `entities --json` and
// `relations --json` would give them, and compared with the annotation.
//
// Entities are matched one to one, greedily, in the order the store lists
// them: first on canonical names, then on any alias, compared through
// scoringKey(); so an actor split into two predicted entities costs
// precision. A typed match also needs the type (or one of the annotation's
// alt_types). A relation pair counts when both ends are matched entities
// the annotation links; a typed relation also needs the predicate, with
// direction ignored for symmetric predicates. Co-occurrence predicates are
// ignored; predicted relations whose ends are not matched entities count
// as false positives.
class Evaluator
{
public:
    explicit Evaluator(const DocumentProcessor &processor);

    // Scores one article. A failure to ingest it is not an error of the
    // evaluation: it scores zero and says why in DocumentScore::failure.
    DocumentScore evaluate(const GoldDocument &gold, const QString &articlePath) const;
    // Every annotation of `goldDirectory` against its article in
    // `docsDirectory`. Fails, before ingesting anything, on a missing folder,
    // an unreadable or malformed annotation, or an article that is not there.
    Result<Evaluation> evaluate(const QString &goldDirectory, const QString &docsDirectory) const;

private:
    const DocumentProcessor &m_processor;
};

// --- the scoring itself, pure functions of their inputs

// The key names are compared by (score.py's norm()): NFKD, combining marks
// dropped, ’ as ', full case folding, "'s" dropped at word ends, every
// character that is neither a word character nor white space as a space,
// white space collapsed and trimmed, a leading "the " dropped.
QString scoringKey(QStringView name);
// Runs of white space as one space, trimmed (score.py's squash()).
QString squashWhitespace(QStringView text);
// A file's bytes as Python reads them with open(encoding="utf-8",
// errors="replace"): each maximal invalid UTF-8 sequence becomes one U+FFFD,
// a byte order mark is kept, and "\r\n" and "\r" become "\n".
QString decodeArticle(const QByteArray &bytes);

// Which predicted entity found which annotated one: (index into
// `predicted`, index into `gold`), in the order the matches were made.
// Both lists are the scored ones (the five entity types).
QList<std::pair<qsizetype, qsizetype>> matchEntities(const QList<EntityRecord> &predicted,
                                                      const QList<GoldEntity> &gold);

// Scores what the store holds for one article; `articleText` is the
// article's file as read by decodeArticle() (evidence is looked up in it).
DocumentScore scoreDocument(const GoldDocument &gold, const QList<EntityRecord> &entities,
                            const QList<RelationRecord> &relations, const QString &articleText);
// The score of an article that could not be ingested: nothing found.
DocumentScore failedDocument(const GoldDocument &gold, const QString &reason);

// The report as score.py prints it: a line per document (preceded by
// "<doc>: FAILED: <reason>" for a failed one), an empty line, one line per
// measure, the evidence line and the final
// "score: entity_f1=… typed_f1=… pair_f1=… relation_f1=… evidence=…".
QStringList evaluationReport(const Evaluation &evaluation);
// The JSON score.py writes with --json: {"documents": {doc: {measure:
// [tp, fp, fn], "evidence": [found, total]}}, "summary": {measure:
// {"precision", "recall", "f1", "tp", "fp", "fn"}}, "evidence_share"}.
QJsonObject evaluationJson(const Evaluation &evaluation);
// The per-document line of the report, without the FAILED line.
QString documentReportLine(const DocumentScore &score);

} // namespace NewsGraph
