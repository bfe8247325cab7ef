#include "core/store/Schema.h"

#include "core/store/Repository.h"

namespace NewsGraph {

namespace {

// Version 1: documents and sentences as the text pipeline produces them, plus
// the tables entity and relation extraction will fill, so that those stages
// only add data and not structure. Later steps (graph positions, ...) are new
// migrations appended below; a released migration is never edited.
//
// All offsets (sentences.start/end, mentions.start/end) are UTF-16 code-unit
// positions in documents.text, i.e. what QString indexes, and ranges are
// half-open [start, end). "end" is quoted because it is an SQL keyword.
constexpr const char migration1[] = R"sql(
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    path         TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    -- hex SHA-256 of the text: the same article is stored once
    content_hash TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL DEFAULT '',
    -- ISO yyyy-MM-dd, NULL when the article gives no date
    published    TEXT CHECK (published IS NULL
                             OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    language     TEXT NOT NULL,
    source_url   TEXT,
    text         TEXT NOT NULL,
    -- ISO 8601, UTC
    ingested_at  TEXT NOT NULL
);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL CHECK (idx >= 0),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    -- a copy of documents.text[start, end): FTS5 indexes it and evidence shows it
    text        TEXT NOT NULL,
    UNIQUE (document_id, idx),
    CHECK (start >= 0 AND "end" > start)
);

-- External content: the index refers to sentences rows instead of keeping a
-- second copy of every sentence. remove_diacritics 2 lets "defense" find
-- "défense". The triggers below are what keeps it in step with sentences.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER sentences_fts_update AFTER UPDATE OF id, text ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

-- Identity is left to the extractor (no UNIQUE on name): two people may share
-- a name, and a unique index is easy to add later whereas dropping a
-- constraint means rebuilding the table.
CREATE TABLE entities (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    type   TEXT NOT NULL,
    -- hidden by the user: kept (so re-extraction does not bring it back) but not shown
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
);

CREATE TABLE aliases (
    id        INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    UNIQUE (entity_id, alias)
);
-- resolving a surface form to its entity looks aliases up by text
CREATE INDEX aliases_alias ON aliases (alias);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    -- NULL for attribute mentions (MONEY, DATE, ...) that are not graph nodes
    entity_id   INTEGER REFERENCES entities (id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    surface     TEXT NOT NULL,
    CHECK (start >= 0 AND "end" > start)
);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_sentence ON mentions (sentence_id);
CREATE INDEX mentions_entity ON mentions (entity_id);

-- One row per distinct fact; the sentences supporting it are relation_evidence.
CREATE TABLE relations (
    id         INTEGER PRIMARY KEY,
    subject_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    predicate  TEXT NOT NULL,
    object_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    confidence REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0.0 AND confidence <= 1.0),
    -- id of the extraction rule that produced it (rules are data, see core/extract)
    rule       TEXT,
    UNIQUE (subject_id, predicate, object_id)
);
CREATE INDEX relations_object ON relations (object_id);

CREATE TABLE relation_evidence (
    id          INTEGER PRIMARY KEY,
    relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    rule        TEXT,
    confidence  REAL CHECK (confidence IS NULL OR (confidence >= 0.0 AND confidence <= 1.0)),
    UNIQUE (relation_id, sentence_id)
);
CREATE INDEX relation_evidence_sentence ON relation_evidence (sentence_id);
)sql";

// Version 2: the normalised value of attribute mentions (MONEY, QUANTITY,
// DATE), which are mentions rows with entity_id NULL: "100000000000 USD",
// "18000 GPU", "2025-06-11" (see AttributeMention). A column of mentions
// rather than a table of its own, because an attribute has exactly what a
// mention has (document, sentence, offsets, surface, type) plus this value.
// NULL for entity mentions.
constexpr const char migration2[] = R"sql(
ALTER TABLE mentions ADD COLUMN value TEXT;
)sql";

// Version 3: where each entity was drawn, so that reopening a database shows
// the picture the analyst left. One saved layout per database, the one the
// explorer shows; `pinned` marks nodes the analyst placed by hand, which a
// new layout keeps where they are. Deleting an entity (a merge) drops its
// position with it.
constexpr const char migration3[] = R"sql(
CREATE TABLE node_positions (
    entity_id INTEGER PRIMARY KEY REFERENCES entities (id) ON DELETE CASCADE,
    x         REAL NOT NULL,
    y         REAL NOT NULL,
    pinned    INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
);
)sql";

// Version 4: a document's sentences go into the search index in one
// statement after they are stored (Repository::insertDocument()), no longer
// row by row from a trigger. Inside a transaction every statement is a
// savepoint, and FTS5 writes its pending terms out as a new segment at each
// one: the trigger left a segment per sentence to merge, 27 of the 30 s it
// took to store a 49 MB article's 360,000 sentences. The delete and update
// triggers stay, for rows that go or change one at a time.
constexpr const char migration4[] = R"sql(
DROP TRIGGER sentences_fts_insert;
)sql";

// Version 5: co-occurrences (the mentioned_with relation,
// cooccurrencePredicate in core/extract/Extraction.h) are no longer stored:
// two entities co-occur in exactly the sentences where mentions name both,
// and Repository reads them from there. They were nine in ten
// relation_evidence rows, most of the relations rows of a large cast, and
// half the time spent storing a long article.
constexpr const char migration5[] = R"sql(
DELETE FROM relation_evidence
WHERE relation_id IN (SELECT id FROM relations WHERE predicate = 'mentioned_with');
DELETE FROM relations WHERE predicate = 'mentioned_with';
)sql";

// Version 6: how each sentence states a relation — for a tree rule the
// path from its trigger to both sides ("Visa <-agent- acquire -patient->
// Plaid"), for a word pattern the words it matched — next to the rule and
// confidence of that sentence (`newsgraph-cli explain`).
constexpr const char migration6[] = R"sql(
ALTER TABLE relation_evidence ADD COLUMN path TEXT;
)sql";

// Version 7: mentions that are not names but pronouns and descriptions the
// relation extractor read as an entity ("it", "the airline", "le
// constructeur"). They show in the document view, marked; names are what
// counts, aliases and co-occurrences read, so every such query asks for
// resolved = 0.
constexpr const char migration7[] = R"sql(
ALTER TABLE mentions ADD COLUMN resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1));
)sql";

// Version 8: the keys the merger finds each entity under (mergeKeysOf() in
// core/extract/KnownEntityIndex.h), so that matching a new document's
// entities reads the few entities that share a key with them instead of every
// entity of the project (Repository::matchKnownEntities()). Kept with the
// entities by Repository's writers; filled here for the entities already
// stored (Repository::fileAllMergeKeys()).
constexpr const char migration8[] = R"sql(
CREATE TABLE merge_keys (
    key       TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX merge_keys_entity ON merge_keys (entity_id);
)sql";

// Version 9: a document's text is kept zlib-compressed (a third of its
// size: text was a fifth of a project), its length in UTF-16 code units
// (what offsets count) beside it; Repository::packAllTexts() compresses the
// texts already stored. Mentions are no longer indexed by document, which
// their sentence says (a tenth of the mentions' bytes). Relations are
// indexed by object and subject, so that the relations between two
// entities are found by one seek each way, not by walking every relation of
// the busier one (Repository::relationsBetween(), evidenceBetween()).
constexpr const char migration9[] = R"sql(
ALTER TABLE documents ADD COLUMN text_length INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET text_length = utf16_length(text);
DROP INDEX mentions_document;
DROP INDEX relations_object;
CREATE INDEX relations_object ON relations (object_id, subject_id);
)sql";

// Version 10: sentences keep no copy of their words, which were the
// document's text a second time (a sixth of a project): the search index
// reads them from the packed document through the view sentence_texts
// (sentence_text() in SqlFunctions.h), and so do the evidence queries. FTS5's
// own data is rebuilt once from the view; it holds only the index, as
// before. Deleting a document removes its sentences from the index before
// its row goes (the cascade that then deletes the sentences can no longer
// read the text); a sentence deleted alone removes itself. A document's
// text is never rewritten in place.
constexpr const char migration10[] = R"sql(
DROP TRIGGER sentences_fts_delete;
DROP TRIGGER sentences_fts_update;
DROP TABLE sentences_fts;
ALTER TABLE sentences DROP COLUMN text;

CREATE VIEW sentence_texts AS
SELECT s.id AS id, sentence_text(d.text, s.start, s."end") AS text
FROM sentences s JOIN documents d ON d.id = s.document_id;

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentence_texts',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');

CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text)
    SELECT 'delete', s.id, sentence_text(old.text, s.start, s."end")
    FROM sentences s WHERE s.document_id = old.id;
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text)
    SELECT 'delete', old.id, sentence_text(d.text, old.start, old."end")
    FROM documents d WHERE d.id = old.document_id;
END;

CREATE TRIGGER sentences_fts_update AFTER UPDATE OF id, document_id, start, "end" ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text)
    SELECT 'delete', old.id, sentence_text(d.text, old.start, old."end")
    FROM documents d WHERE d.id = old.document_id;
    INSERT INTO sentences_fts (rowid, text)
    SELECT new.id, sentence_text(d.text, new.start, new."end")
    FROM documents d WHERE d.id = new.document_id;
END;
)sql";

// Version 11: merge keys are stored as 64-bit hashes of their text
// (storedMergeKey() in Repository.cpp), not the text: the keys and their
// index by entity were a tenth of a project. Refilled from the entities
// (Repository::fileAllMergeKeys()).
constexpr const char migration11[] = R"sql(
DROP TABLE merge_keys;
CREATE TABLE merge_keys (
    key       INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX merge_keys_entity ON merge_keys (entity_id);
)sql";

// Version 12: each entity keeps the number of its named mentions (those
// with resolved = 0, which every count shown is). Counting a busy entity's
// tens of thousands of mentions was most of a path search or a name lookup
// around it, and a correlated count per entity most of reading the whole
// graph's nodes. The writer that stores a document's mentions adds them up,
// one update per entity (Repository's writeExtraction()): a trigger per
// inserted row made the storing thread, which bounds an ingest, a fifth
// slower. Triggers follow mentions that are deleted or move to another
// entity.
constexpr const char migration12[] = R"sql(
ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET mention_count =
    (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id AND m.resolved = 0);

CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions
WHEN old.entity_id IS NOT NULL AND old.resolved = 0 BEGIN
    UPDATE entities SET mention_count = mention_count - 1 WHERE id = old.entity_id;
END;

CREATE TRIGGER mentions_count_update AFTER UPDATE OF entity_id, resolved ON mentions BEGIN
    UPDATE entities SET mention_count = mention_count - 1
    WHERE id = old.entity_id AND old.resolved = 0;
    UPDATE entities SET mention_count = mention_count + 1
    WHERE id = new.entity_id AND new.resolved = 0;
END;
)sql";

// Version 13: every name a mention gives an entity is one of its aliases.
// The extraction lists each surface form among an entity's aliases and the
// writer stores them, so readers of an entity's names (the entity list, the
// graph's nodes) read the aliases alone instead of going through every
// mention of the project with them; a project written by hand or by an
// older version gets the names its mentions give.
constexpr const char migration13[] = R"sql(
INSERT OR IGNORE INTO aliases (entity_id, alias)
SELECT DISTINCT entity_id, surface FROM mentions
WHERE entity_id IS NOT NULL AND resolved = 0 AND surface <> '';
)sql";

// Version 14: a mention keeps no copy of its words. They are the document's
// text between its offsets (the extraction's promise, which the ingest test
// checks), read through sentence_text() like a sentence's; the copy was a
// seventh of a project's bytes. The names an entity goes by are its aliases
// (version 13).
constexpr const char migration14[] = R"sql(
ALTER TABLE mentions DROP COLUMN surface;
)sql";

// Version 15: the rule that read a relation or a statement is a number, in
// a table of rule names. The names ("acquire.verb", "ceo.person-title-of")
// were repeated on every relation and every evidence row: 4 % of a project.
constexpr const char migration15[] = R"sql(
CREATE TABLE rules (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO rules (name)
SELECT rule FROM relations WHERE rule IS NOT NULL
UNION SELECT rule FROM relation_evidence WHERE rule IS NOT NULL ORDER BY 1;

ALTER TABLE relations ADD COLUMN rule_id INTEGER REFERENCES rules (id);
UPDATE relations SET rule_id = (SELECT id FROM rules WHERE name = relations.rule)
WHERE rule IS NOT NULL;
ALTER TABLE relations DROP COLUMN rule;

ALTER TABLE relation_evidence ADD COLUMN rule_id INTEGER REFERENCES rules (id);
UPDATE relation_evidence SET rule_id = (SELECT id FROM rules WHERE name = relation_evidence.rule)
WHERE rule IS NOT NULL;
ALTER TABLE relation_evidence DROP COLUMN rule;
)sql";

// Version 16: a statement that quotes its sentence (a word pattern reports
// the words it matched, "“Nvidia and Mistral AI”") keeps the quote as
// offsets in the document's text instead of a copy of the words: the
// copies were 4 % of a project. Readers make the quote again from the text
// (NEWSGRAPH_EVIDENCE_PATH in Repository.cpp); rows stored before keep their
// words in `path`, which readers take as they are.
constexpr const char migration16[] = R"sql(
ALTER TABLE relation_evidence ADD COLUMN quote_start INTEGER;
ALTER TABLE relation_evidence ADD COLUMN quote_end INTEGER;
)sql";

// Version 17: a sentence's mentions are stored together, keyed by the
// sentence and their place in it (a table WITHOUT ROWID, clustered on that
// key), instead of rows numbered in insertion order with an index on the
// sentence beside them: what the sentence index held, the key now is, and
// reading a sentence's or a document's mentions is one range of the table.
// A name's mention keeps no type: it is its entity's (what every reader
// shows); an attribute's mention keeps its own (MONEY, DATE, ...). Together
// a fifth of a project's bytes. Mentions are ordered within their sentence
// as they were stored.
constexpr const char migration17[] = R"sql(
CREATE TABLE mentions_by_sentence (
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    -- the mention's place among its sentence's, from 0, in the order stored
    ordinal     INTEGER NOT NULL CHECK (ordinal >= 0),
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    -- NULL for attribute mentions (MONEY, DATE, ...) that are not graph nodes
    entity_id   INTEGER REFERENCES entities (id) ON DELETE CASCADE,
    -- an attribute mention's type; NULL for an entity's (its entity's type)
    type        TEXT,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    value       TEXT,
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    PRIMARY KEY (sentence_id, ordinal),
    CHECK (start >= 0 AND "end" > start),
    CHECK ((entity_id IS NULL) = (type IS NOT NULL))
) WITHOUT ROWID;

INSERT INTO mentions_by_sentence
    (sentence_id, ordinal, document_id, entity_id, type, start, "end", value, resolved)
SELECT sentence_id, row_number() OVER (PARTITION BY sentence_id ORDER BY id) - 1, document_id,
       entity_id, CASE WHEN entity_id IS NULL THEN type END, start, "end", value, resolved
FROM mentions ORDER BY sentence_id, id;

-- Its indexes and triggers go with it (and no trigger fires).
DROP TABLE mentions;
ALTER TABLE mentions_by_sentence RENAME TO mentions;
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions
WHEN old.entity_id IS NOT NULL AND old.resolved = 0 BEGIN
    UPDATE entities SET mention_count = mention_count - 1 WHERE id = old.entity_id;
END;

CREATE TRIGGER mentions_count_update AFTER UPDATE OF entity_id, resolved ON mentions BEGIN
    UPDATE entities SET mention_count = mention_count - 1
    WHERE id = old.entity_id AND old.resolved = 0;
    UPDATE entities SET mention_count = mention_count + 1
    WHERE id = new.entity_id AND new.resolved = 0;
END;
)sql";

// Version 18: a tree path ("Hudbay Minerals <-agent- mine -prep[in,at]->
// Peru") keeps its link between the two names in a table of links, which a
// project has a few hundred of, and which name it begins with; readers put
// the names of the relation's entities around it (Repository's
// statementAt()). The paths repeated the links and the names on every
// evidence row: 6 % of a project. Paths that name the entities otherwise
// are kept whole, as are quotes (version 16).
constexpr const char migration18[] = R"sql(
CREATE TABLE statement_links (
    id   INTEGER PRIMARY KEY,
    link TEXT NOT NULL UNIQUE
);
ALTER TABLE relation_evidence ADD COLUMN link_id INTEGER REFERENCES statement_links (id);
-- 1: the path begins with the relation's object
ALTER TABLE relation_evidence ADD COLUMN link_from_object INTEGER NOT NULL DEFAULT 0
    CHECK (link_from_object IN (0, 1));

-- The paths stored before that are a link between the names of their
-- relation's entities, either way round (the names as they are now: the
-- writer stored them as they were then, and most never changed).
CREATE TEMP VIEW path_ends AS
SELECT ev.id AS evidence_id, ev.path AS path, subject.name AS first_name, object.name AS last_name, 0 AS from_object
FROM relation_evidence ev
JOIN relations r ON r.id = ev.relation_id
JOIN entities subject ON subject.id = r.subject_id
JOIN entities object ON object.id = r.object_id
WHERE ev.path IS NOT NULL AND ev.quote_start IS NULL
UNION ALL
SELECT ev.id, ev.path, object.name, subject.name, 1
FROM relation_evidence ev
JOIN relations r ON r.id = ev.relation_id
JOIN entities subject ON subject.id = r.subject_id
JOIN entities object ON object.id = r.object_id
WHERE ev.path IS NOT NULL AND ev.quote_start IS NULL;

CREATE TEMP TABLE linked_paths (
    evidence_id INTEGER PRIMARY KEY,
    from_object INTEGER NOT NULL,
    link        TEXT NOT NULL
);
-- Subject first where both ways fit (SQLite takes the other columns from
-- the row min() picks).
INSERT INTO temp.linked_paths (evidence_id, from_object, link)
SELECT evidence_id, min(from_object), link
FROM (SELECT evidence_id, from_object,
             substr(path, length(first_name) + 2, length(path) - length(first_name) - length(last_name) - 2) AS link
      FROM temp.path_ends
      WHERE first_name <> '' AND last_name <> ''
        AND substr(path, 1, length(first_name) + 1) = first_name || ' '
        AND substr(path, -length(last_name) - 1) = ' ' || last_name
        AND length(path) >= length(first_name) + length(last_name) + 6)
WHERE substr(link, 1, 2) = '<-' AND substr(link, -2) = '->'
GROUP BY evidence_id;

INSERT OR IGNORE INTO statement_links (link) SELECT DISTINCT link FROM temp.linked_paths ORDER BY link;
UPDATE relation_evidence
SET link_id = (SELECT l.id FROM temp.linked_paths p JOIN statement_links l ON l.link = p.link
               WHERE p.evidence_id = relation_evidence.id),
    link_from_object = (SELECT from_object FROM temp.linked_paths WHERE evidence_id = relation_evidence.id),
    path = NULL
WHERE id IN (SELECT evidence_id FROM temp.linked_paths);

DROP TABLE temp.linked_paths;
DROP VIEW temp.path_ends;
)sql";

// Version 19: relations name their predicate by number, in a table of
// predicates, as they do their rule (version 15); confidences are kept in
// thousandths, an integer of a byte or two where a REAL takes eight (the
// extractor's confidences have two decimals); and a statement is keyed by
// its relation and sentence (WITHOUT ROWID), which its UNIQUE constraint's
// index was beside a row number nothing used. A tenth of a project.
// Remakes both tables (Migration::remakesTables).
constexpr const char migration19[] = R"sql(
CREATE TABLE predicates (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO predicates (name) SELECT DISTINCT predicate FROM relations ORDER BY 1;

CREATE TABLE relations_remade (
    id           INTEGER PRIMARY KEY,
    subject_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    predicate_id INTEGER NOT NULL REFERENCES predicates (id),
    object_id    INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    -- in thousandths
    confidence   INTEGER NOT NULL DEFAULT 1000 CHECK (confidence BETWEEN 0 AND 1000),
    -- the extraction rule that produced it (rules are data, see core/extract)
    rule_id      INTEGER REFERENCES rules (id),
    UNIQUE (subject_id, predicate_id, object_id)
);
INSERT INTO relations_remade (id, subject_id, predicate_id, object_id, confidence, rule_id)
SELECT r.id, r.subject_id, p.id, r.object_id, CAST(round(r.confidence * 1000) AS INTEGER), r.rule_id
FROM relations r JOIN predicates p ON p.name = r.predicate
ORDER BY r.id;
DROP TABLE relations;
ALTER TABLE relations_remade RENAME TO relations;
CREATE INDEX relations_object ON relations (object_id, subject_id);

CREATE TABLE relation_evidence_remade (
    relation_id      INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
    sentence_id      INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    -- in thousandths; NULL: the relation's
    confidence       INTEGER CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1000),
    rule_id          INTEGER REFERENCES rules (id),
    -- how the sentence states it: a path kept whole; or the words it quotes,
    -- as offsets in the document's text (version 16); or a tree path's link
    -- between the names of the relation's entities (version 18)
    path             TEXT,
    quote_start      INTEGER,
    quote_end        INTEGER,
    link_id          INTEGER REFERENCES statement_links (id),
    -- 1: the path begins with the relation's object
    link_from_object INTEGER NOT NULL DEFAULT 0 CHECK (link_from_object IN (0, 1)),
    PRIMARY KEY (relation_id, sentence_id)
) WITHOUT ROWID;
INSERT INTO relation_evidence_remade
    (relation_id, sentence_id, confidence, rule_id, path, quote_start, quote_end, link_id, link_from_object)
SELECT relation_id, sentence_id, CAST(round(confidence * 1000) AS INTEGER), rule_id, path,
       quote_start, quote_end, link_id, link_from_object
FROM relation_evidence ORDER BY relation_id, sentence_id;
DROP TABLE relation_evidence;
ALTER TABLE relation_evidence_remade RENAME TO relation_evidence;
CREATE INDEX relation_evidence_sentence ON relation_evidence (sentence_id);
)sql";

// Version 20: a mention's document is its sentence's; the copy in every
// mention row (2 % of a project) goes. Readers join the sentence, which
// costs a reading of every mention of a 1.8-million-mention project 56 ms.
constexpr const char migration20[] = R"sql(
ALTER TABLE mentions DROP COLUMN document_id;
)sql";

// Version 21: the analyst's edits (issue 16; Curator). Entities, their
// aliases and relations number their rows with AUTOINCREMENT: an edit that
// deletes one (a merge, a rejected link) can be undone by putting the row
// back under its id, which no row stored since can have taken. An entity
// says which of its name and type the analyst set (`curated`: 1 name,
// 2 type), which extraction then leaves alone; a relation whether the
// analyst added it (`origin` 1). Every edit is a row of `edits` with the
// changes it made (an SQLite session changeset, which undo inverts) and
// what it did in stable terms: names and types, not row ids. A merge or a
// split claims the names it moved (`name_claims`: the stored merge key of
// the type and folded name, see Curator) for the entity they went to, so
// that tomorrow's articles naming them join it; a rejected relation stays
// rejected when another article states it (`rejected_relations`). Notes
// are searched with their own full-text index.
constexpr const char migration21[] = R"sql(
-- Their bodies name entities, which a rename checks while it is gone.
DROP TRIGGER mentions_count_delete;
DROP TRIGGER mentions_count_update;

CREATE TABLE entities_remade (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL,
    type          TEXT NOT NULL,
    hidden        INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    mention_count INTEGER NOT NULL DEFAULT 0,
    -- set by the analyst, kept by extraction: 1 the name, 2 the type
    curated       INTEGER NOT NULL DEFAULT 0 CHECK (curated BETWEEN 0 AND 3)
);
INSERT INTO entities_remade (id, name, type, hidden, mention_count)
SELECT id, name, type, hidden, mention_count FROM entities ORDER BY id;
DROP TABLE entities;
ALTER TABLE entities_remade RENAME TO entities;

CREATE TABLE aliases_remade (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    UNIQUE (entity_id, alias)
);
INSERT INTO aliases_remade (id, entity_id, alias) SELECT id, entity_id, alias FROM aliases ORDER BY id;
DROP TABLE aliases;
ALTER TABLE aliases_remade RENAME TO aliases;
CREATE INDEX aliases_alias ON aliases (alias);

CREATE TABLE relations_remade (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    subject_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    predicate_id INTEGER NOT NULL REFERENCES predicates (id),
    object_id    INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    -- in thousandths
    confidence   INTEGER NOT NULL DEFAULT 1000 CHECK (confidence BETWEEN 0 AND 1000),
    -- the extraction rule that produced it (rules are data, see core/extract)
    rule_id      INTEGER REFERENCES rules (id),
    -- 1: added by the analyst
    origin       INTEGER NOT NULL DEFAULT 0 CHECK (origin IN (0, 1)),
    UNIQUE (subject_id, predicate_id, object_id)
);
INSERT INTO relations_remade (id, subject_id, predicate_id, object_id, confidence, rule_id)
SELECT id, subject_id, predicate_id, object_id, confidence, rule_id FROM relations ORDER BY id;
DROP TABLE relations;
ALTER TABLE relations_remade RENAME TO relations;
CREATE INDEX relations_object ON relations (object_id, subject_id);

CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions
WHEN old.entity_id IS NOT NULL AND old.resolved = 0 BEGIN
    UPDATE entities SET mention_count = mention_count - 1 WHERE id = old.entity_id;
END;

CREATE TRIGGER mentions_count_update AFTER UPDATE OF entity_id, resolved ON mentions BEGIN
    UPDATE entities SET mention_count = mention_count - 1
    WHERE id = old.entity_id AND old.resolved = 0;
    UPDATE entities SET mention_count = mention_count + 1
    WHERE id = new.entity_id AND new.resolved = 0;
END;

CREATE TABLE edits (
    id        INTEGER PRIMARY KEY,
    -- merge, split, rename, retype, add_alias, remove_alias, hide, show,
    -- reject_relation, reject_statement, link, note
    kind      TEXT NOT NULL,
    -- ISO 8601, UTC
    made_at   TEXT NOT NULL,
    -- what it did, in words ("Merged “Bob Smith” into “Robert Smith”")
    summary   TEXT NOT NULL,
    -- what it did in stable terms (names, types, predicates), JSON
    detail    TEXT NOT NULL,
    -- the SQLite session changeset of its changes
    changes   BLOB NOT NULL
);

CREATE TABLE name_claims (
    key       INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE
);
CREATE INDEX name_claims_entity ON name_claims (entity_id);

CREATE TABLE rejected_relations (
    subject_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    predicate_id INTEGER NOT NULL REFERENCES predicates (id),
    object_id    INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (subject_id, predicate_id, object_id)
) WITHOUT ROWID;
CREATE INDEX rejected_relations_object ON rejected_relations (object_id);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    entity_id   INTEGER REFERENCES entities (id) ON DELETE CASCADE,
    relation_id INTEGER REFERENCES relations (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    -- ISO 8601, UTC
    made_at     TEXT NOT NULL,
    CHECK ((entity_id IS NULL) <> (relation_id IS NULL))
);
CREATE INDEX notes_entity ON notes (entity_id);
CREATE INDEX notes_relation ON notes (relation_id);

CREATE VIRTUAL TABLE notes_fts USING fts5 (
    text,
    content = 'notes',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF id, text ON notes BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO notes_fts (rowid, text) VALUES (new.id, new.text);
END;
)sql";

} // namespace

const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations = {
        {1, migration1},
        {2, migration2},
        {3, migration3},
        {4, migration4},
        {5, migration5},
        {6, migration6},
        {7, migration7},
        {8, migration8, &Repository::fileAllMergeKeys},
        {9, migration9, &Repository::packAllTexts},
        {10, migration10},
        {11, migration11, &Repository::fileAllMergeKeys},
        {12, migration12},
        {13, migration13},
        {14, migration14},
        {15, migration15},
        {16, migration16},
        {17, migration17},
        {18, migration18},
        {19, migration19, nullptr, true},
        {20, migration20},
        {21, migration21, nullptr, true},
    };
    return migrations;
}

} // namespace NewsGraph
