#include "core/export/GraphMLWriter.h"
#include "core/export/JsonGraphWriter.h"
#include "core/graph/EntityGraph.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Curator.h"
#include "core/store/Database.h"
#include "core/store/Repository.h"
#include "core/store/Statement.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

// Articles of our own about invented actors: a shipping group, its chief
// executive named two ways, an energy company, a shipyard.
const QString firstArticle =
    u"Halvard Shipping signs partnership with Coralis Energy\n\n"
    "Halvard Shipping Inc. announced a partnership with Coralis Energy Corp. on Monday. "
    "Bob Lindqvist, the chief executive of Halvard Shipping, said the agreement would bring work to Bergen. "
    "Coralis Energy will supply fuel to Halvard Shipping from next year.\n"_s;
const QString secondArticle =
    u"Halvard Shipping orders ships\n\n"
    "Robert Lindqvist, chief executive of Halvard Shipping, ordered four ships from Tessaro Yards Ltd. "
    "Tessaro Yards and Halvard Shipping announced a partnership in Gdansk. "
    "Robert Lindqvist said Coralis Energy would fuel the new ships.\n"_s;
// Names the chief executive the first way, states the partnership again.
const QString thirdArticle =
    u"Halvard Shipping expands in Bergen\n\n"
    "Bob Lindqvist, chief executive of Halvard Shipping, opened an office in Bergen. "
    "Halvard Shipping announced a partnership with Coralis Energy to build a fuel depot. "
    "Kestrel Dynamics Inc. announced a partnership with Tessaro Yards.\n"_s;

// Every row of every table an edit can change, and of the log, as text,
// sorted: two snapshots are equal when the tables hold the same rows. The
// full-text indexes' own tables are left out (their segments are written
// anew when rows come back); notes_fts is compared by what it finds.
using Snapshot = QMap<QString, QStringList>;

Snapshot snapshot(Database &database)
{
    Snapshot tables;
    QStringList names;
    Statement list(database, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                             "AND name NOT LIKE '%_fts%' ORDER BY name");
    while (list.next())
        names.append(list.text(0));
    for (const QString &name : std::as_const(names)) {
        Statement columns(database, "SELECT count(*) FROM pragma_table_info(?1)");
        columns.bind(1, name);
        const int count = columns.next() ? columns.integer(0) : 0;
        const QByteArray sql = "SELECT * FROM \"" + name.toUtf8() + "\"";
        Statement rows(database, sql.constData());
        QStringList texts;
        while (rows.next()) {
            QStringList values;
            for (int column = 0; column < count; ++column)
                values.append(rows.isNull(column) ? u"∅"_s : rows.text(column));
            texts.append(values.join(u'|'));
        }
        std::sort(texts.begin(), texts.end());
        tables.insert(name, texts);
    }
    QStringList found;
    Statement notes(database, "SELECT rowid, text FROM notes_fts WHERE notes_fts MATCH 'cheque OR depot OR verified' "
                              "ORDER BY rowid");
    while (notes.next())
        found.append(notes.text(0) + u'|' + notes.text(1));
    tables.insert(u"notes_fts (found)"_s, found);
    return tables;
}

// The graph told by names rather than ids: entities, their names, the
// sentences naming them, relations, their statements, rejections, claims
// and notes.
QStringList graphByNames(Database &database)
{
    QStringList lines;
    for (const char *sql : {
             "SELECT 'entity ' || name || ' ' || type || ' ' || hidden || ' ' || curated || ' ' || mention_count "
             "FROM entities",
             "SELECT 'alias ' || e.name || ': ' || a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id",
             "SELECT 'mention ' || e.name || ' ' || m.sentence_id || ':' || m.ordinal FROM mentions m "
             "JOIN entities e ON e.id = m.entity_id",
             "SELECT 'relation ' || s.name || ' ' || p.name || ' ' || o.name || ' ' || r.confidence || ' ' || r.origin "
             "FROM relations r JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id "
             "JOIN predicates p ON p.id = r.predicate_id",
             "SELECT 'statement ' || s.name || ' ' || o.name || ' ' || ev.sentence_id FROM relation_evidence ev "
             "JOIN relations r ON r.id = ev.relation_id JOIN entities s ON s.id = r.subject_id "
             "JOIN entities o ON o.id = r.object_id",
             "SELECT 'rejected ' || s.name || ' ' || o.name FROM rejected_relations r "
             "JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id",
             "SELECT 'claim ' || c.key || ' ' || e.name FROM name_claims c JOIN entities e ON e.id = c.entity_id",
             "SELECT 'key ' || k.key || ' ' || e.name FROM merge_keys k JOIN entities e ON e.id = k.entity_id",
             "SELECT 'note ' || text FROM notes",
         }) {
        Statement query(database, sql);
        while (query.next())
            lines.append(query.text(0));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

// The first difference of two snapshots, for a failing comparison.
QString difference(const Snapshot &before, const Snapshot &after)
{
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const QStringList other = after.value(it.key());
        if (other == it.value())
            continue;
        for (const QString &row : it.value()) {
            if (!other.contains(row))
                return u"%1: lost %2"_s.arg(it.key(), row);
        }
        for (const QString &row : other) {
            if (!it.value().contains(row))
                return u"%1: gained %2"_s.arg(it.key(), row);
        }
        return u"%1 differs"_s.arg(it.key());
    }
    return after.size() == before.size() ? QString() : u"tables differ"_s;
}

qint64 integer(Database &database, const char *sql, qint64 value = 0)
{
    Statement query(database, sql);
    if (QByteArray(sql).contains("?1"))
        query.bind(1, value);
    return query.next() ? query.int64(0) : -1;
}

} // namespace

class TestCurator : public QObject
{
    Q_OBJECT

private:
    std::optional<DocumentProcessor> m_processor;
    QTemporaryDir m_dir;

    QString writeArticle(const QString &name, const QString &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text.toUtf8());
        return path;
    }

    // A project with the first two articles; `path` empty: in memory.
    Database project(const QString &path = QString())
    {
        Result<Database> database = path.isEmpty() ? Database::openInMemory() : Database::open(path);
        if (!database)
            qFatal("%s", qPrintable(database.error()));
        const IngestReport report = Ingester(database.value(), *m_processor)
                                        .ingest({writeArticle(u"first.txt"_s, firstArticle),
                                                 writeArticle(u"second.txt"_s, secondArticle)});
        if (report.added != 2)
            qFatal("the articles were not stored");
        return std::move(database).value();
    }

    static qint64 entity(Database &database, const QString &name)
    {
        const Result<QList<qint64>> ids = Repository(database).entitiesNamed(name);
        return ids && ids->size() == 1 ? ids->first() : 0;
    }

    static qint64 relation(Database &database, const QString &subject, const QString &predicate,
                           const QString &object)
    {
        Statement query(database, "SELECT r.id FROM relations r JOIN predicates p ON p.id = r.predicate_id "
                                  "JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id "
                                  "WHERE p.name = ?2 AND ((s.name = ?1 AND o.name = ?3) OR (s.name = ?3 AND o.name = ?1))");
        query.bind(1, subject).bind(2, predicate).bind(3, object);
        return query.next() ? query.int64(0) : 0;
    }

    static qint64 mentionsOf(Database &database, qint64 entityId)
    {
        return integer(database, "SELECT count(*) FROM mentions WHERE entity_id = ?1 AND resolved = 0", entityId);
    }

    static qint64 miscounted(Database &database)
    {
        return integer(database, "SELECT count(*) FROM entities e WHERE e.mention_count <> "
                                 "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id AND m.resolved = 0)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<DocumentProcessor> processor = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), {}, u":/models"_s);
        QVERIFY2(processor.ok(), qPrintable(processor.error()));
        m_processor.emplace(std::move(processor).value());
    }

    void articlesGiveWhatTheTestsEdit()
    {
        Database database = project();
        QVERIFY(entity(database, u"Bob Lindqvist"_s) > 0);
        QVERIFY(entity(database, u"Robert Lindqvist"_s) > 0);
        QVERIFY(entity(database, u"Halvard Shipping"_s) > 0);
        QVERIFY(entity(database, u"Coralis Energy"_s) > 0);
        QVERIFY(entity(database, u"Tessaro Yards"_s) > 0);
        QVERIFY(relation(database, u"Halvard Shipping"_s, u"partner_of"_s, u"Coralis Energy"_s) > 0);
    }

    // Every edit, then its undo: the tables are as they were, row for row.
    void editAndUndoLeaveTheTablesAsTheyWere_data()
    {
        QTest::addColumn<QString>("edit");
        for (const char *edit : {"merge", "merge-three", "split", "rename", "retype", "add_alias", "remove_alias",
                                 "hide", "reject_relation", "reject_statement", "link", "note_entity",
                                 "note_relation"})
            QTest::newRow(edit) << QString::fromLatin1(edit);
    }

    void editAndUndoLeaveTheTablesAsTheyWere()
    {
        QFETCH(QString, edit);
        Database database = project();
        Curator curator(database);
        const qint64 bob = entity(database, u"Bob Lindqvist"_s);
        const qint64 robert = entity(database, u"Robert Lindqvist"_s);
        const qint64 halvard = entity(database, u"Halvard Shipping"_s);
        const qint64 coralis = entity(database, u"Coralis Energy"_s);
        const qint64 tessaro = entity(database, u"Tessaro Yards"_s);
        const qint64 partnership = relation(database, u"Halvard Shipping"_s, u"partner_of"_s, u"Coralis Energy"_s);
        const Snapshot before = snapshot(database);

        Result<EditRecord> done = Error{u"no such edit"_s};
        if (edit == u"merge")
            done = curator.merge({robert, bob}, u"Robert Lindqvist"_s);
        else if (edit == u"merge-three")
            done = curator.merge({halvard, coralis, tessaro}, u"Halvard Group"_s);
        else if (edit == u"split")
            done = curator.split(halvard, {u"Halvard Shipping Inc."_s}, u"Halvard Shipping Inc."_s);
        else if (edit == u"rename")
            done = curator.rename(halvard, u"Halvard Shipping ASA"_s);
        else if (edit == u"retype")
            done = curator.retype(coralis, u"PRODUCT"_s);
        else if (edit == u"add_alias")
            done = curator.addAlias(halvard, u"Halvard"_s);
        else if (edit == u"hide")
            done = curator.setHidden(tessaro, true);
        else if (edit == u"reject_relation")
            done = curator.rejectRelation(partnership);
        else if (edit == u"reject_statement")
            done = curator.rejectStatement(
                partnership, integer(database, "SELECT min(sentence_id) FROM relation_evidence WHERE relation_id = ?1",
                                     partnership));
        else if (edit == u"link")
            done = curator.link(tessaro, u"supplies"_s, coralis,
                                integer(database, "SELECT min(id) FROM sentences"), u"Verified with the port's cheque records"_s);
        else if (edit == u"note_entity")
            done = curator.noteEntity(bob, u"Verified: he signs the depot cheques"_s);
        else if (edit == u"note_relation")
            done = curator.noteRelation(partnership, u"Depot deal verified"_s);
        else if (edit == u"remove_alias") {
            // An alias of its own first, then the removal undone alone.
            QVERIFY(curator.addAlias(halvard, u"HM Group"_s).ok());
            const Snapshot withAlias = snapshot(database);
            done = curator.removeAlias(halvard, u"HM Group"_s);
            QVERIFY2(done.ok(), qPrintable(done.error()));
            QVERIFY(curator.undo().ok());
            QCOMPARE(difference(withAlias, snapshot(database)), QString());
            done = curator.undo();
        }
        QVERIFY2(done.ok(), qPrintable(done.error()));
        if (edit != u"remove_alias") {
            QVERIFY(difference(before, snapshot(database)) != QString());
            QCOMPARE(miscounted(database), 0);
            const QStringList afterEdit = graphByNames(database);
            const Result<EditRecord> undone = curator.undo();
            QVERIFY2(undone.ok(), qPrintable(undone.error()));
            QCOMPARE(undone->id, done->id);
            QCOMPARE(difference(before, snapshot(database)), QString());
            // Made again (an undo stack's redo), it is the same edit, but
            // for when it was made; undone again, gone again.
            const Result<EditRecord> again = curator.redo(*undone);
            QVERIFY2(again.ok(), qPrintable(again.error()));
            QCOMPARE(again->summary, done->summary);
            // New rows get new ids (AUTOINCREMENT) and notes a new time.
            QCOMPARE(graphByNames(database), afterEdit);
            QVERIFY(curator.undo().ok());
        }
        QCOMPARE(difference(before, snapshot(database)), QString());
        QCOMPARE(integer(database, "SELECT count(*) FROM edits"), 0);
        QCOMPARE(integer(database, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
        QVERIFY(database.execute(u"INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')"_s).ok());
    }

    void mergeMovesEverythingToTheEntityThatStays()
    {
        Database database = project();
        Curator curator(database);
        const qint64 bob = entity(database, u"Bob Lindqvist"_s);
        const qint64 robert = entity(database, u"Robert Lindqvist"_s);
        const qint64 mentions = mentionsOf(database, bob) + mentionsOf(database, robert);
        QVERIFY(curator.noteEntity(bob, u"Goes by Bob"_s).ok());

        const Result<EditRecord> merged = curator.merge({robert, bob});
        QVERIFY2(merged.ok(), qPrintable(merged.error()));
        QCOMPARE(merged->kind, u"merge"_s);
        QCOMPARE(merged->summary, u"Merged “Bob Lindqvist” into “Robert Lindqvist”"_s);
        QCOMPARE(merged->detail.value(u"into"_s).toObject().value(u"name"_s).toString(), u"Robert Lindqvist"_s);
        QCOMPARE(mentionsOf(database, robert), mentions);
        QCOMPARE(integer(database, "SELECT mention_count FROM entities WHERE id = ?1", robert), mentions);
        QCOMPARE(integer(database, "SELECT count(*) FROM entities WHERE id = ?1", bob), 0);
        QCOMPARE(integer(database, "SELECT curated FROM entities WHERE id = ?1", robert), 3);
        const Result<QList<qint64>> named = Repository(database).entitiesNamed(u"Bob Lindqvist"_s);
        QVERIFY(named.ok());
        QCOMPARE(*named, QList<qint64>{robert});
        QCOMPARE(curator.entityNotes(robert)->size(), 1);
        QCOMPARE(integer(database, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
        // The name that went is reported, not silently unknown.
        QCOMPARE(*curator.whereabouts(u"bob lindqvist"_s),
                 u"“bob lindqvist” was merged into “Robert Lindqvist” (edit %1)"_s.arg(merged->id));
        // An edit of the entity that went is refused and changes nothing.
        const qsizetype edits = curator.edits()->size();
        QVERIFY(!curator.rename(bob, u"Bobby"_s).ok());
        QCOMPARE(curator.edits()->size(), edits);
    }

    void mergeDropsTheLinksBetweenTheMergedAndJoinsTheSameLinks()
    {
        Database database = project();
        Curator curator(database);
        const qint64 halvard = entity(database, u"Halvard Shipping"_s);
        const qint64 coralis = entity(database, u"Coralis Energy"_s);
        const qint64 tessaro = entity(database, u"Tessaro Yards"_s);
        QVERIFY(relation(database, u"Halvard Shipping"_s, u"partner_of"_s, u"Coralis Energy"_s) > 0);
        QVERIFY(relation(database, u"Halvard Shipping"_s, u"partner_of"_s, u"Tessaro Yards"_s) > 0);
        const qint64 statements = integer(database, "SELECT count(*) FROM relation_evidence");

        // Coralis and Tessaro as one: Halvard's two partnerships become one
        // with the statements of both.
        const Result<EditRecord> merged = curator.merge({coralis, tessaro}, u"Coralis Tessaro"_s, u"ORG"_s);
        QVERIFY2(merged.ok(), qPrintable(merged.error()));
        const qint64 partnership = relation(database, u"Halvard Shipping"_s, u"partner_of"_s, u"Coralis Tessaro"_s);
        QVERIFY(partnership > 0);
        QVERIFY(integer(database, "SELECT count(*) FROM relation_evidence WHERE relation_id = ?1", partnership) >= 2);
        // Halvard with the merged pair: no link of an entity with itself.
        const Result<EditRecord> all = curator.merge({halvard, coralis});
        QVERIFY2(all.ok(), qPrintable(all.error()));
        QCOMPARE(integer(database, "SELECT count(*) FROM relations WHERE subject_id = object_id"), 0);
        QVERIFY(integer(database, "SELECT count(*) FROM relation_evidence") < statements);
        QVERIFY(all->detail.value(u"dropped_links"_s).toInt() >= 1);
        // Undone in order, all of it comes back.
        QVERIFY(curator.undo().ok());
        QVERIFY(curator.undo().ok());
        QCOMPARE(integer(database, "SELECT count(*) FROM relation_evidence"), statements);
        QCOMPARE(miscounted(database), 0);
    }

    void splitMovesTheNamesTheirMentionsAndStatements()
    {
        Database database = project();
        Curator curator(database);
        // The two Lindqvists as one, then split again by the names.
        const qint64 bob = entity(database, u"Bob Lindqvist"_s);
        const qint64 robert = entity(database, u"Robert Lindqvist"_s);
        const qint64 bobMentions = mentionsOf(database, bob);
        QVERIFY(curator.merge({robert, bob}).ok());
        const Result<EditRecord> split = curator.split(robert, {u"bob lindqvist"_s}, u"Bob Lindqvist"_s);
        QVERIFY2(split.ok(), qPrintable(split.error()));
        const qint64 created = entity(database, u"Bob Lindqvist"_s);
        QVERIFY(created > 0 && created != bob); // a new row, never an old id again
        QCOMPARE(mentionsOf(database, created), bobMentions);
        QCOMPARE(miscounted(database), 0);
        QCOMPARE(integer(database, "SELECT type = 'PERSON' FROM entities WHERE id = ?1", created), 1);
        // It keeps a name; an alias it does not have is an error.
        QVERIFY(!curator.split(robert, {u"Robert Lindqvist"_s}, u"X"_s).ok());
        QVERIFY(!curator.split(robert, {u"Nobody"_s}, u"X"_s).ok());
        // Its own name stays with it.
        QVERIFY(curator.addAlias(robert, u"R. Lindqvist"_s).ok());
        QVERIFY(!curator.split(robert, {u"Robert Lindqvist"_s}, u"X"_s).ok());
    }

    void conflictingUndoIsRefusedAndChangesNothing()
    {
        Database database = project();
        Curator curator(database);
        const qint64 bob = entity(database, u"Bob Lindqvist"_s);
        const qint64 robert = entity(database, u"Robert Lindqvist"_s);
        QVERIFY(curator.merge({robert, bob}).ok());
        const qint64 mergeId = curator.edits()->constLast().id;
        QVERIFY(curator.split(robert, {u"Bob Lindqvist"_s}, u"B. Lindqvist"_s).ok());
        // The merge under the split: its rows moved since.
        const Snapshot before = snapshot(database);
        const Result<EditRecord> refused = curator.undo(mergeId);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(u"cannot be undone"_s), qPrintable(refused.error()));
        QCOMPARE(difference(before, snapshot(database)), QString());
        // In order, both go.
        QVERIFY(curator.undo().ok());
        QVERIFY(curator.undo().ok());
        QCOMPARE(curator.edits()->size(), 0);
        QVERIFY(entity(database, u"Bob Lindqvist"_s) == bob);
        QVERIFY(!curator.undo().ok()); // nothing left
    }

    void badEditsAreRefusedWithAReason()
    {
        Database database = project();
        Curator curator(database);
        const qint64 halvard = entity(database, u"Halvard Shipping"_s);
        const qint64 coralis = entity(database, u"Coralis Energy"_s);
        QVERIFY(!curator.merge({halvard}).ok());
        QVERIFY(!curator.merge({halvard, 999999}).ok());
        QVERIFY(!curator.rename(halvard, u"  "_s).ok());
        QVERIFY(!curator.rename(halvard, u"Halvard Shipping"_s).ok());
        QVERIFY(!curator.retype(halvard, u"SHIP"_s).ok());
        QVERIFY(!curator.removeAlias(halvard, u"Halvard Shipping"_s).ok()); // its name
        const Result<EditRecord> unknown = curator.link(halvard, u"admires"_s, coralis);
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().contains(u"supplies"_s)); // the vocabulary is listed
        QVERIFY(!curator.link(halvard, u"partner_of"_s, coralis).ok()); // already a link
        QVERIFY(!curator.link(halvard, u"supplies"_s, halvard).ok());
        QVERIFY(!curator.setHidden(halvard, false).ok()); // nothing to change
        QCOMPARE(curator.edits()->size(), 0);
    }

    void manualLinksAndNotes()
    {
        Database database = project();
        Curator curator(database);
        const qint64 tessaro = entity(database, u"Tessaro Yards"_s);
        const qint64 coralis = entity(database, u"Coralis Energy"_s);
        const Result<EditRecord> linked =
            curator.link(coralis, u"partner_of"_s, tessaro, std::nullopt, u"Seen at the Gdansk depot"_s);
        QVERIFY2(linked.ok(), qPrintable(linked.error()));
        const qint64 id = relation(database, u"Coralis Energy"_s, u"partner_of"_s, u"Tessaro Yards"_s);
        QVERIFY(id > 0);
        QCOMPARE(integer(database, "SELECT origin FROM relations WHERE id = ?1", id), 1);
        // Symmetric: stored lower id first, as extraction stores it.
        QCOMPARE(integer(database, "SELECT subject_id < object_id FROM relations WHERE id = ?1", id), 1);
        const Result<QList<NoteRecord>> notes = curator.relationNotes(id);
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().text, u"Seen at the Gdansk depot"_s);
        QVERIFY(!notes->first().madeAt.isEmpty());
        const Result<QList<NoteRecord>> found = curator.searchNotes(u"gdansk"_s);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().relationId, id);
        QVERIFY(curator.vocabulary()->contains(u"ceo_of"_s));
        QVERIFY(!curator.vocabulary()->contains(u"mentioned_with"_s));
    }

    // A link the analyst added, even with no sentence, is drawn whatever the
    // evidence threshold and the documents chosen, and exported marked.
    void manualLinksAndNotesReachTheGraphAndItsExports()
    {
        Database database = project();
        Curator curator(database);
        const qint64 tessaro = entity(database, u"Tessaro Yards"_s);
        const qint64 coralis = entity(database, u"Coralis Energy"_s);
        QVERIFY(curator.link(coralis, u"supplies"_s, tessaro, std::nullopt, u"Seen at the depot"_s).ok());
        QVERIFY(curator.noteEntity(coralis, u"State owned"_s).ok());
        const Result<GraphData> data = Repository(database).graphData(false);
        QVERIFY(data.ok());
        const auto nodeOf = [&](qint64 id) {
            return *std::find_if(data->nodes.cbegin(), data->nodes.cend(),
                                 [id](const GraphNode &node) { return node.entityId == id; });
        };
        QCOMPARE(nodeOf(coralis).notes, QStringList{u"State owned"_s});
        QVERIFY(!nodeOf(coralis).curated);
        QVERIFY(curator.rename(tessaro, u"Tessaro"_s).ok());
        QVERIFY(Repository(database).graphNodes({tessaro})->first().curated);

        GraphFilter filter;
        const EntityGraph graph = EntityGraph::build(*data, filter);
        const GraphEdge *edge = graph.edgeBetween(coralis, tessaro);
        QVERIFY(edge);
        QVERIFY(edge->manual);
        QCOMPARE(edge->evidenceCount, 0);
        QCOMPARE(edge->predicates, QStringList{u"supplies"_s});
        QCOMPARE(edge->notes, QStringList{u"Seen at the depot"_s});
        filter.documents = {integer(database, "SELECT min(id) FROM documents")};
        filter.minimumEvidence = 3;
        QVERIFY(EntityGraph::build(*data, filter).edgeBetween(coralis, tessaro));
        filter.predicates = {u"ceo_of"_s};
        QVERIFY(!EntityGraph::build(*data, filter).edgeBetween(coralis, tessaro));
        // The searches over links find it too.
        const Result<QList<std::pair<qint64, qint64>>> neighbours =
            Repository(database).relationNeighbours({coralis}, {u"supplies"_s});
        QVERIFY(neighbours.ok());
        QVERIFY(neighbours->contains(std::pair<qint64, qint64>{coralis, tessaro}));
        // An extracted link has no such pass.
        const qint64 halvard = entity(database, u"Halvard Shipping"_s);
        QVERIFY(graph.edgeBetween(halvard, coralis));
        QVERIFY(!graph.edgeBetween(halvard, coralis)->manual);

        const QString json = m_dir.filePath(u"graph.json"_s);
        QVERIFY(writeJsonGraph(*data, ExportOptions{}, json).ok());
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray edges = QJsonDocument::fromJson(file.readAll()).object().value(u"edges"_s).toArray();
        int manual = 0;
        for (const QJsonValue &value : edges) {
            const QJsonObject object = value.toObject();
            if (object.value(u"origin"_s).toString() != u"manual"_s)
                continue;
            ++manual;
            QCOMPARE(object.value(u"notes"_s).toArray().first().toString(), u"Seen at the depot"_s);
            const QJsonObject statement = object.value(u"statements"_s).toArray().first().toObject();
            QVERIFY(statement.value(u"document"_s).isNull());
            QCOMPARE(statement.value(u"origin"_s).toString(), u"manual"_s);
        }
        QCOMPARE(manual, 1);
        const QString graphml = m_dir.filePath(u"graph.graphml"_s);
        QVERIFY(writeGraphML(*data, ExportOptions{}, graphml).ok());
        QFile xml(graphml);
        QVERIFY(xml.open(QIODevice::ReadOnly));
        const QByteArray text = xml.readAll();
        QVERIFY(text.contains("attr.name=\"origin\""));
        QVERIFY(text.contains(">manual<"));
        QVERIFY(text.contains(">State owned<"));
    }

    // Edits hold for articles read later.
    void editsHoldForArticlesReadLater()
    {
        Database database = project();
        Curator curator(database);
        const qint64 bob = entity(database, u"Bob Lindqvist"_s);
        const qint64 robert = entity(database, u"Robert Lindqvist"_s);
        const qint64 halvard = entity(database, u"Halvard Shipping"_s);
        const qint64 partnership = relation(database, u"Halvard Shipping"_s, u"partner_of"_s, u"Coralis Energy"_s);
        QVERIFY(curator.merge({robert, bob}).ok());
        QVERIFY(curator.rename(halvard, u"Halvard"_s).ok());
        QVERIFY(curator.rejectRelation(partnership).ok());
        const qint64 entities = integer(database, "SELECT count(*) FROM entities");

        const IngestReport report =
            Ingester(database, *m_processor).ingest({writeArticle(u"third.txt"_s, thirdArticle)});
        QCOMPARE(report.added, 1);
        // "Bob Lindqvist" joins the merged person, "Halvard Shipping" keeps the
        // analyst's name, the partnership stays rejected; others still link.
        QCOMPARE(entity(database, u"Bob Lindqvist"_s), robert);
        QCOMPARE(integer(database, "SELECT name = 'Halvard' FROM entities WHERE id = ?1", halvard), 1);
        QCOMPARE(relation(database, u"Halvard"_s, u"partner_of"_s, u"Coralis Energy"_s), 0);
        QVERIFY(relation(database, u"Kestrel Dynamics"_s, u"partner_of"_s, u"Tessaro Yards"_s) > 0);
        QCOMPARE(integer(database, "SELECT count(*) FROM entities"), entities + 1); // Kestrel Dynamics only
        QCOMPARE(miscounted(database), 0);

        // Undone in order after the article: the edits go, the article's
        // mentions stay with the entity they joined.
        QVERIFY(curator.undo().ok()); // the rejection
        QVERIFY(curator.undo().ok()); // the rename
        const Result<EditRecord> merge = curator.undo();
        QVERIFY2(merge.ok(), qPrintable(merge.error()));
        QCOMPARE(merge->kind, u"merge"_s);
        QCOMPARE(entity(database, u"Robert Lindqvist"_s), robert);
        QVERIFY(entity(database, u"Bob Lindqvist"_s) > 0);
        QCOMPARE(miscounted(database), 0);
        QCOMPARE(integer(database, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    }

    void theLogOutlivesTheConnection()
    {
        const QString path = m_dir.filePath(u"log.newsgraph"_s);
        Snapshot before;
        {
            Database database = project(path);
            before = snapshot(database);
            Curator curator(database);
            QVERIFY(curator.rename(entity(database, u"Coralis Energy"_s), u"Coralis"_s).ok());
            QVERIFY(curator.setHidden(entity(database, u"Tessaro Yards"_s), true).ok());
        }
        Result<Database> reopened = Database::open(path);
        QVERIFY(reopened.ok());
        Curator curator(reopened.value());
        const Result<QList<EditRecord>> edits = curator.edits();
        QCOMPARE(edits->size(), 2);
        QCOMPARE(edits->at(0).kind, u"rename"_s);
        QCOMPARE(edits->at(1).kind, u"hide"_s);
        QCOMPARE(curator.undo()->kind, u"hide"_s);
        QCOMPARE(curator.undo()->kind, u"rename"_s);
        QCOMPARE(difference(before, snapshot(reopened.value())), QString());
    }

    // The scenario: the sample corpus, a merge, a rejected link, a
    // link with a note; closed; the corpus again with a new article naming
    // the merged names; reopened: every edit holds and undo walks them back
    // in order.
    void scenarioOnTheSampleCorpus()
    {
        const QString path = m_dir.filePath(u"scenario.newsgraph"_s);
        QFile::remove(path);
        qint64 kept = 0;
        QString keptName;
        QString goneName;
        Snapshot original;
        {
            Result<Database> database = Database::open(path);
            QVERIFY(database.ok());
            QCOMPARE(Ingester(database.value(), *m_processor).ingest(bundledCorpusPaths()).added, 5);
            original = snapshot(database.value());
            Curator curator(database.value());
            // Two organisations the corpus names, merged as one.
            Statement two(database.value(), "SELECT id, name FROM entities WHERE type = 'ORG' "
                                            "ORDER BY mention_count DESC, id LIMIT 2");
            QList<std::pair<qint64, QString>> organisations;
            while (two.next())
                organisations.append({two.int64(0), two.text(1)});
            QCOMPARE(organisations.size(), 2);
            kept = organisations.at(0).first;
            keptName = organisations.at(0).second;
            goneName = organisations.at(1).second;
            QVERIFY(curator.merge({kept, organisations.at(1).first}).ok());
            const qint64 someLink = integer(database.value(), "SELECT min(id) FROM relations");
            QVERIFY(someLink > 0);
            QVERIFY(curator.rejectRelation(someLink).ok());
            const qint64 person = integer(database.value(), "SELECT min(id) FROM entities WHERE type = 'PERSON'");
            QVERIFY(curator.link(person, u"works_for"_s, kept, std::nullopt, u"Per the annual report"_s).ok());
        }
        const QString extra = writeArticle(
            u"extra.txt"_s, u"%1 and %2 in the news\n\n%2 said on Friday that it had hired new engineers. "
                            "Analysts said %1 would grow.\n"_s.arg(keptName, goneName));
        {
            Result<Database> database = Database::open(path);
            QVERIFY(database.ok());
            QStringList paths = bundledCorpusPaths();
            paths.append(extra);
            const IngestReport report = Ingester(database.value(), *m_processor).ingest(paths);
            QCOMPARE(report.added, 1);
            QCOMPARE(report.duplicates, 5);
        }
        Result<Database> database = Database::open(path);
        QVERIFY(database.ok());
        Curator curator(database.value());
        const Result<QList<EditRecord>> edits = curator.edits();
        QCOMPARE(edits->size(), 3);
        // The merged name of the new article went to the merged entity.
        QCOMPARE(entity(database.value(), goneName), kept);
        QCOMPARE(integer(database.value(), "SELECT count(*) FROM relations WHERE origin = 1"), 1);
        QCOMPARE(integer(database.value(), "SELECT count(*) FROM rejected_relations"), 1);
        QCOMPARE(curator.undo()->kind, u"link"_s);
        QCOMPARE(curator.undo()->kind, u"reject_relation"_s);
        const Result<EditRecord> merge = curator.undo();
        QVERIFY2(merge.ok(), qPrintable(merge.error()));
        QCOMPARE(merge->kind, u"merge"_s);
        QCOMPARE(curator.edits()->size(), 0);
        QCOMPARE(miscounted(database.value()), 0);
        QCOMPARE(integer(database.value(), "SELECT count(*) FROM pragma_foreign_key_check"), 0);
        QVERIFY(entity(database.value(), keptName) == kept);
    }
};

QTEST_GUILESS_MAIN(TestCurator)
#include "tst_curator.moc"
