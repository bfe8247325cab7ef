#include "core/store/Database.h"
#include "core/store/Schema.h"
#include "core/store/SqlFunctions.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"
#include "tests/support/ScratchMount.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <unistd.h>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// The files SQLite may put beside a database.
QStringList sideFiles(const QString &path)
{
    QStringList found;
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        if (QFileInfo::exists(path + suffix))
            found.append(path + suffix);
    }
    return found;
}

// Runs SQL on a file through the bare C API, as another program would.
bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *handle = nullptr;
    const QByteArray name = QFile::encodeName(path);
    bool ok = sqlite3_open_v2(name.constData(), &handle,
                              SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        == SQLITE_OK;
    if (ok)
        ok = sqlite3_exec(handle, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ok)
        qWarning("sqlite: %s", sqlite3_errmsg(handle));
    sqlite3_close(handle);
    return ok;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

qint64 queryInteger(Database &database, const char *sql)
{
    Statement query(database, sql);
    return query.next() ? query.int64(0) : -1;
}

QString queryText(Database &database, const char *sql)
{
    Statement query(database, sql);
    return query.next() ? query.text(0) : u"<no row>"_s;
}

QStringList column(Database &database, const char *sql)
{
    QStringList values;
    Statement query(database, sql);
    while (query.next())
        values.append(query.text(0));
    return values;
}

const QList<Migration> notesV1 = {
    {1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"},
};
const QList<Migration> notesV2 = {
    notesV1.at(0),
    {2, "ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'none';"
        "CREATE INDEX notes_tag ON notes (tag);"},
};
const QList<Migration> notesV3Broken = {
    notesV2.at(0),
    notesV2.at(1),
    {3, "CREATE TABLE extra (x); INSERT INTO nowhere VALUES (1);"},
};

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QString pathFor(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void readsSentencesOfPackedTexts()
    {
        auto database = Database::openInMemory();
        QVERIFY2(database.ok(), qPrintable(database.error()));
        // "é" and "𝕏" are one and two UTF-16 code units: offsets count those.
        const QString text = u"Zoë met 𝕏avier. Then she left."_s;
        Statement read(*database, "SELECT sentence_text(?1, ?2, ?3)");
        const auto sentence = [&](const QVariant &stored, int start, int end) {
            read.reset();
            if (stored.typeId() == QMetaType::QByteArray)
                read.bind(1, stored.toByteArray());
            else if (stored.isNull())
                read.bindNull(1);
            else
                read.bind(1, stored.toString());
            read.bind(2, start).bind(3, end);
            return read.next() ? read.text(0) : u"(no row)"_s;
        };
        const QByteArray packed = packText(text);
        QCOMPARE(unpackText(packed).value(), text);
        QCOMPARE(sentence(packed, 0, 16), u"Zoë met 𝕏avier."_s);
        QCOMPARE(sentence(packed, 17, 31), u"Then she left."_s); // the document kept from the last call
        QCOMPARE(sentence(text, 4, 7), u"met"_s);                // a text never packed
        // Nothing for what cannot be read: no document, a range outside it,
        // bytes that are not a packed text.
        QVERIFY(sentence(QVariant(), 0, 3).isNull());
        QVERIFY(sentence(packed, 20, 40).isNull());
        QVERIFY(sentence(packed, 5, 2).isNull());
        QTest::ignoreMessage(QtWarningMsg, "qUncompress: Input data is corrupted");
        QTest::ignoreMessage(QtWarningMsg, "qUncompress: Input data is corrupted");
        QVERIFY(sentence(QByteArray("\x00\x00\x01\x00garbage", 12), 0, 3).isNull());
        QVERIFY(!unpackText(QByteArray("\x00\x00\x01\x00garbage", 12)));
        QVERIFY(read.ok());
    }

    // document_slice() reads the document by id and keeps it while the id
    // and content hash stay the same: another text stored under the id of a
    // deleted document is read anew.
    void readsRangesOfStoredDocuments()
    {
        auto database = Database::openInMemory();
        QVERIFY2(database.ok(), qPrintable(database.error()));
        const auto store = [&](qint64 id, const QString &text, const QString &hash) {
            Statement insert(*database,
                             "INSERT INTO documents (id, path, file_name, content_hash, language, text, "
                             "ingested_at, text_length) VALUES (?1, ?2, ?2, ?3, 'en', ?4, '2026-12-08T00:00:00Z', ?5)");
            insert.bind(1, id).bind(2, u"doc%1.txt"_s.arg(id)).bind(3, hash).bind(4, packText(text)).bind(5, qint64(text.size()));
            return insert.execute().ok();
        };
        Statement read(*database,
                       "SELECT document_slice(?1, (SELECT content_hash FROM documents WHERE id = ?1), ?2, ?3)");
        const auto slice = [&](qint64 id, int start, int end) {
            read.reset();
            read.bind(1, id).bind(2, start).bind(3, end);
            return read.next() ? read.text(0) : u"(no row)"_s;
        };
        QVERIFY(store(1, u"Port of Skarvik reopens. Ferries resume."_s, u"aa"_s));
        QVERIFY(store(2, u"Lindqvist Freight buys two cranes."_s, u"bb"_s));
        QCOMPARE(slice(1, 0, 24), u"Port of Skarvik reopens."_s);
        QCOMPARE(slice(1, 25, 40), u"Ferries resume."_s); // the document kept from the last call
        QCOMPARE(slice(2, 0, 18), u"Lindqvist Freight "_s);
        QVERIFY(database->execute(u"DELETE FROM documents WHERE id = 1"_s).ok());
        QVERIFY(slice(1, 0, 4).isNull()); // no such document
        QVERIFY(store(1, u"Tugboat strike ends."_s, u"cc"_s));
        QCOMPARE(slice(1, 0, 7), u"Tugboat"_s);
        QVERIFY(slice(1, 10, 40).isNull()); // a range outside the text
        QVERIFY(read.ok());

        // It reads the database: the schema's views may not call it.
        QVERIFY(database->execute(u"CREATE VIEW slices AS SELECT document_slice(id, content_hash, 0, 4) AS text "
                                  "FROM documents"_s).ok());
        QVERIFY(!database->execute(u"SELECT * FROM slices"_s).ok());
    }

    void createsNewDatabase()
    {
        const QString path = pathFor(u"project.ngdb"_s);
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(database->path(), path);
        QVERIFY(!database->isReadOnly());

        QCOMPARE(queryText(*database, "PRAGMA journal_mode"), u"wal"_s);
        QCOMPARE(queryInteger(*database, "PRAGMA foreign_keys"), 1);
        QCOMPARE(queryInteger(*database, "PRAGMA synchronous"), 1); // NORMAL
        QCOMPARE(queryInteger(*database, "PRAGMA user_version"), Database::latestSchemaVersion());
        QCOMPARE(database->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(queryInteger(*database, "PRAGMA application_id"), Database::applicationId);
        QCOMPARE(Database::latestSchemaVersion(), schemaMigrations().constLast().version);

        const QStringList tables =
            column(*database, "SELECT name FROM sqlite_schema WHERE type = 'table'");
        for (const QString &table : {u"documents"_s, u"sentences"_s, u"sentences_fts"_s,
                                     u"entities"_s, u"aliases"_s, u"mentions"_s, u"relations"_s,
                                     u"relation_evidence"_s})
            QVERIFY2(tables.contains(table), qPrintable(table));
        QCOMPARE(queryText(*database, "PRAGMA integrity_check"), u"ok"_s);
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    }

    void reopensExistingDatabase()
    {
        const QString path = pathFor(u"project.ngdb"_s);
        {
            auto database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QVERIFY(database->execute(u"INSERT INTO entities (name, type) VALUES ('Ada', 'PERSON')"_s)
                        .ok());
        }
        QVERIFY(sideFiles(path).isEmpty()); // the last connection checkpoints and cleans up
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QCOMPARE(database->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(queryText(*database, "SELECT name FROM entities"), u"Ada"_s);
        QCOMPARE(queryText(*database, "PRAGMA journal_mode"), u"wal"_s);

        // A second connection while the first is open (GUI and CLI together).
        auto second = Database::open(path);
        QVERIFY2(second.ok(), qPrintable(second.error()));
        QCOMPARE(queryText(*second, "SELECT name FROM entities"), u"Ada"_s);
    }

    void initialisesEmptyFile()
    {
        const QString path = pathFor(u"empty.ngdb"_s);
        QVERIFY(writeFile(path, QByteArray()));
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QCOMPARE(database->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(queryInteger(*database, "PRAGMA application_id"), Database::applicationId);
    }

    void refusesFolder()
    {
        auto database = Database::open(m_dir->path());
        QVERIFY(!database.ok());
        QVERIFY2(database.error().contains(u"is a folder"_s), qPrintable(database.error()));
    }

    void migratesForward()
    {
        const QString path = pathFor(u"notes.db"_s);
        {
            auto database = Database::open(path, notesV1);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QCOMPARE(database->schemaVersion(), 1);
            QCOMPARE(queryInteger(*database, "PRAGMA application_id"), Database::applicationId);
            QVERIFY(database->execute(u"INSERT INTO notes (body) VALUES ('kept')"_s).ok());
        }

        // Reading does not upgrade: it asks for a read-write open first.
        const QByteArray before = fileHash(path);
        auto readOnly = Database::open(path, notesV2, Database::OpenMode::ReadOnly);
        QVERIFY(!readOnly.ok());
        QVERIFY2(readOnly.error().contains(path) && readOnly.error().contains(u"older schema"_s)
                     && readOnly.error().contains(u"upgrade"_s),
                 qPrintable(readOnly.error()));
        QCOMPARE(fileHash(path), before);
        QVERIFY(sideFiles(path).isEmpty());

        {
            auto database = Database::open(path, notesV2);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QCOMPARE(database->schemaVersion(), 2);
            QCOMPARE(queryText(*database, "SELECT body || '/' || tag FROM notes"), u"kept/none"_s);
            QCOMPARE(queryInteger(*database,
                                  "SELECT count(*) FROM sqlite_schema WHERE name = 'notes_tag'"),
                     1);
        }

        // The version-1 program now meets a version-2 file.
        const QByteArray upgraded = fileHash(path);
        auto older = Database::open(path, notesV1);
        QVERIFY(!older.ok());
        QVERIFY2(older.error().contains(u"newer version of NewsGraph (schema 2, this version reads "
                                        "up to 1)"_s),
                 qPrintable(older.error()));
        QCOMPARE(fileHash(path), upgraded);
    }

    void failedMigrationKeepsCompletedSteps()
    {
        const QString path = pathFor(u"notes.db"_s);
        {
            auto database = Database::open(path, notesV1);
            QVERIFY2(database.ok(), qPrintable(database.error()));
        }
        // Step 2 succeeds, step 3 fails: each step is its own transaction.
        auto broken = Database::open(path, notesV3Broken);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().contains(path) && broken.error().contains(u"version 3"_s)
                     && broken.error().contains(u"no such table: nowhere"_s),
                 qPrintable(broken.error()));

        auto database = Database::open(path, notesV2);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QCOMPARE(database->schemaVersion(), 2);
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"),
                 0);
    }

    void failedCreationLeavesNoFile()
    {
        const QString path = pathFor(u"broken.db"_s);
        const QList<Migration> broken = {{1, "CREATE TABLE oops ("}};
        auto database = Database::open(path, broken);
        QVERIFY(!database.ok());
        QVERIFY2(database.error().contains(path), qPrintable(database.error()));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(sideFiles(path).isEmpty());

        const QList<Migration> gap = {{1, "CREATE TABLE a (x);"}, {3, "CREATE TABLE b (x);"}};
        QVERIFY(!Database::open(path, gap).ok());
        QVERIFY(!QFileInfo::exists(path));
    }

    void refusesForeignFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        const QString newer = u"was created by a newer version of NewsGraph (schema %1, this "
                              "version reads up to %2)"_s.arg(Database::latestSchemaVersion() + 1)
                                  .arg(Database::latestSchemaVersion());
        QTest::newRow("text file") << u"text"_s << u"not a NewsGraph database (not an SQLite file)"_s;
        QTest::newRow("random bytes") << u"random"_s << u"(not an SQLite file)"_s;
        QTest::newRow("SQLite header, then garbage") << u"damaged"_s << u"not a NewsGraph database"_s;
        QTest::newRow("foreign SQLite") << u"foreign"_s << u"another application"_s;
        QTest::newRow("foreign SQLite, WAL") << u"foreign-wal"_s << u"another application"_s;
        QTest::newRow("NewsGraph from the future") << u"future"_s << newer;
        QTest::newRow("NewsGraph from the future, rollback journal") << u"future-rollback"_s << newer;
    }

    void refusesForeignFiles()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const QString path = pathFor(u"input.db"_s);
        const QByteArray future =
            "PRAGMA user_version = " + QByteArray::number(Database::latestSchemaVersion() + 1);

        if (kind == u"text"_s) {
            QVERIFY(writeFile(path, "Not a database at all.\nJust notes.\n"));
        } else if (kind == u"random"_s || kind == u"damaged"_s) {
            QByteArray bytes(8192, Qt::Uninitialized);
            QRandomGenerator generator(20240601);
            generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            if (kind == u"damaged"_s)
                bytes.replace(0, 16, QByteArray("SQLite format 3\0", 16));
            QVERIFY(writeFile(path, bytes));
        } else if (kind == u"foreign"_s) {
            QVERIFY(rawExec(path, "CREATE TABLE contacts (name TEXT); "
                                  "INSERT INTO contacts VALUES ('someone');"));
        } else if (kind == u"foreign-wal"_s) {
            QVERIFY(rawExec(path, "PRAGMA journal_mode = WAL; PRAGMA application_id = 1234; "
                                  "CREATE TABLE contacts (name TEXT); "
                                  "INSERT INTO contacts VALUES ('someone');"));
        } else if (kind == u"future"_s) {
            {
                auto database = Database::open(path);
                QVERIFY2(database.ok(), qPrintable(database.error()));
            }
            QVERIFY(rawExec(path, future.constData()));
        } else if (kind == u"future-rollback"_s) {
            {
                auto database = Database::open(path);
                QVERIFY2(database.ok(), qPrintable(database.error()));
            }
            QVERIFY(rawExec(path, "PRAGMA journal_mode = DELETE;"));
            QVERIFY(rawExec(path, future.constData()));
        }
        QVERIFY(sideFiles(path).isEmpty());
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        for (const auto mode : {Database::OpenMode::ReadWrite, Database::OpenMode::ReadOnly}) {
            auto database = Database::open(path, mode);
            QVERIFY(!database.ok());
            QVERIFY2(database.error().contains(expected), qPrintable(database.error()));
            QVERIFY2(database.error().contains(path), qPrintable(database.error()));
            QCOMPARE(fileHash(path), before);
            QCOMPARE(sideFiles(path), QStringList());
        }
    }

    void refusesUnwritableLocation()
    {
        const QString missing = pathFor(u"missing/deeper/project.ngdb"_s);
        auto database = Database::open(missing);
        QVERIFY(!database.ok());
        QVERIFY2(database.error().contains(missing), qPrintable(database.error()));
        QVERIFY2(database.error().contains(u"does not exist"_s), qPrintable(database.error()));
        QVERIFY(!QFileInfo::exists(pathFor(u"missing"_s)));

        // Not writable even for root: the error still names the file.
        if (QFileInfo(u"/proc/self"_s).isDir()) {
            const QString proc = u"/proc/newsgraph-test.ngdb"_s;
            auto refused = Database::open(proc);
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().contains(proc), qPrintable(refused.error()));
        }
    }

    void refusesFolderWithoutWritePermission()
    {
        if (::geteuid() == 0)
            QSKIP("running as root: permissions are not enforced");
        const QString folder = pathFor(u"locked"_s);
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        const QString path = folder + u"/project.ngdb"_s;
        auto database = Database::open(path);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!database.ok());
        QVERIFY2(database.error().contains(path) && database.error().contains(u"permission"_s),
                 qPrintable(database.error()));
    }

    void opensReadOnly()
    {
        const QString path = pathFor(u"project.ngdb"_s);
        {
            auto database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QVERIFY(database->execute(u"INSERT INTO entities (name, type) VALUES ('Ada', 'PERSON')"_s)
                        .ok());
        }
        const QByteArray before = fileHash(path);
        {
            auto database = Database::open(path, Database::OpenMode::ReadOnly);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QVERIFY(database->isReadOnly());
            QCOMPARE(database->schemaVersion(), Database::latestSchemaVersion());
            QCOMPARE(queryText(*database, "SELECT name FROM entities"), u"Ada"_s);
            auto write = database->execute(u"DELETE FROM entities"_s);
            QVERIFY(!write.ok());
            QVERIFY2(write.error().contains(path) && write.error().contains(u"readonly"_s),
                     qPrintable(write.error()));
        }
        QCOMPARE(fileHash(path), before);

        const QString absent = pathFor(u"absent.ngdb"_s);
        auto missing = Database::open(absent, Database::OpenMode::ReadOnly);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(absent), qPrintable(missing.error()));
        QVERIFY(!QFileInfo::exists(absent));
    }

    // A project on a medium nobody may write (a read-only mount stops root
    // too, where permission bits do not) opens read-only, and reads.
    void opensReadOnlyMediumForReading()
    {
        NEWSGRAPH_MOUNT_SCRATCH_OR_SKIP(scratch, why, 4 << 20);
        const QString path = scratch->filePath(u"project.ngdb"_s);
        {
            auto database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QVERIFY(database->execute(u"INSERT INTO entities (name, type) VALUES ('Ada', 'PERSON')"_s).ok());
        }
        QCOMPARE(sideFiles(path), QStringList()); // a clean close leaves the main file only
        QVERIFY2(scratch->remountReadOnly(&why), qPrintable(why));
        const QByteArray before = fileHash(path);

        auto writable = Database::open(path);
        QVERIFY(!writable.ok());
        QVERIFY2(writable.error().contains(path), qPrintable(writable.error()));

        for (const auto mode : {Database::OpenMode::WritableIfPossible, Database::OpenMode::ReadOnly}) {
            auto database = Database::open(path, mode);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QVERIFY(database->isReadOnly());
            QCOMPARE(queryText(*database, "SELECT name FROM entities"), u"Ada"_s);
            QVERIFY(database->checkIntegrity().ok());
            QVERIFY(!database->execute(u"DELETE FROM entities"_s).ok());
        }
        QCOMPARE(fileHash(path), before);
    }

    void opensWritableProjectForWritingWhenPossible()
    {
        const QString path = pathFor(u"project.ngdb"_s);
        auto created = Database::open(path, Database::OpenMode::WritableIfPossible);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        QVERIFY(!created->isReadOnly());
        QVERIFY(created->execute(u"INSERT INTO entities (name, type) VALUES ('Ada', 'PERSON')"_s).ok());
        created = Error{u"closed"_s};

        auto reopened = Database::open(path, Database::OpenMode::WritableIfPossible);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error()));
        QVERIFY(!reopened->isReadOnly());
        reopened = Error{u"closed"_s};

        if (::geteuid() != 0) {
            // Without permission to write the file: read-only, not refused.
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
            auto readOnly = Database::open(path, Database::OpenMode::WritableIfPossible);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
            QVERIFY2(readOnly.ok(), qPrintable(readOnly.error()));
            QVERIFY(readOnly->isReadOnly());
        }
    }

    // A full disk is a failure of the storage, worded as such; a constraint
    // is one of the data.
    void failuresSayWhatKindTheyAre()
    {
        auto database = Database::open(pathFor(u"project.ngdb"_s));
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QCOMPARE(database->lastFailureKind(), Database::FailureKind::None);

        const auto constraint = database->execute(u"INSERT INTO entities (name, type) VALUES (NULL, 'PERSON')"_s);
        QVERIFY(!constraint.ok());
        QCOMPARE(database->lastFailureKind(), Database::FailureKind::Data);

        Statement pages(*database, "PRAGMA page_count");
        QVERIFY(pages.next());
        const qint64 count = pages.int64(0);
        pages.reset();
        QVERIFY(database->execute(u"PRAGMA max_page_count = %1"_s.arg(count)).ok());
        Transaction transaction(*database);
        QVERIFY(transaction.isActive());
        QVERIFY(database->inTransaction());
        Statement insert(*database, "INSERT INTO entities (name, type) VALUES (?1, 'PERSON')");
        Result<void> full;
        for (int i = 0; i < 100000 && full.ok(); ++i)
            full = insert.bind(1, u"Entity number %1 with a rather long name to fill pages"_s.arg(i)).execute();
        QVERIFY(!full.ok());
        QVERIFY2(full.error().contains(u"full"_s), qPrintable(full.error()));
        QVERIFY2(full.error().contains(pathFor(u"project.ngdb"_s)), qPrintable(full.error()));
        QCOMPARE(database->lastFailureKind(), Database::FailureKind::Storage);
    }

    void integrityCheckFindsDamage()
    {
        const QString path = pathFor(u"project.ngdb"_s);
        qint64 root = 0;
        qint64 pageSize = 0;
        {
            auto database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QVERIFY(database->checkIntegrity().ok());
            Transaction transaction(*database);
            Statement insert(*database, "INSERT INTO entities (name, type) VALUES (?1, 'PERSON')");
            for (int i = 0; i < 2000; ++i)
                QVERIFY(insert.bind(1, u"Person %1"_s.arg(i)).execute().ok());
            QVERIFY(transaction.commit().ok());
            QVERIFY(database->execute(u"PRAGMA wal_checkpoint(TRUNCATE)"_s).ok());
            root = queryInteger(*database, "SELECT rootpage FROM sqlite_schema WHERE name = 'entities'");
            pageSize = queryInteger(*database, "PRAGMA page_size");
        }
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek((root - 1) * pageSize + 8));
            const QByteArray junk(int(pageSize) - 16, '\x5A');
            QCOMPARE(file.write(junk), qint64(junk.size()));
        }
        auto database = Database::open(path);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        const Result<void> check = database->checkIntegrity();
        QVERIFY(!check.ok());
        QVERIFY2(check.error().contains(path) && check.error().contains(u"damaged"_s), qPrintable(check.error()));
    }

    void opensInMemory()
    {
        auto database = Database::openInMemory();
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QVERIFY(database->path().isEmpty());
        QCOMPARE(database->schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(queryInteger(*database, "PRAGMA foreign_keys"), 1);
        QCOMPARE(queryInteger(*database, "PRAGMA application_id"), Database::applicationId);

        // Private: a second in-memory database does not see the first.
        QVERIFY(database->execute(u"INSERT INTO entities (name, type) VALUES ('Ada', 'PERSON')"_s)
                    .ok());
        auto other = Database::openInMemory();
        QVERIFY(other.ok());
        QCOMPARE(queryInteger(*other, "SELECT count(*) FROM entities"), 0);

        // Moving keeps the connection.
        Database moved = std::move(*database);
        QCOMPARE(queryInteger(moved, "SELECT count(*) FROM entities"), 1);
    }

    void statementBindsAndReadsAllTypes()
    {
        auto database = Database::open(pathFor(u"types.db"_s), notesV1);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QVERIFY(database->execute(u"CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)"_s).ok());

        const qint64 big = qint64(1) << 40;
        const QString hostile = u"héllo 🌍 \"q\" '; DROP TABLE t; --"_s;
        const QByteArray bytes("\0\1\2\xff", 4);

        Statement insert(*database, "INSERT INTO t (i, r, s, b, n) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, big).bind(2, 3.25).bind(3, hostile).bind(4, bytes).bindNull(5);
        QVERIFY2(insert.execute().ok(), qPrintable(insert.error().message));
        QCOMPARE(insert.lastInsertRowId(), 1);
        QCOMPARE(insert.changes(), 1);

        // Reused with new bindings: null QString / QByteArray bind NULL.
        insert.bind(1, -7).bind(2, -0.5).bind(3, QString()).bind(4, QByteArray()).bind(5, u""_s);
        QVERIFY(insert.execute().ok());
        QCOMPARE(insert.lastInsertRowId(), 2);
        // Empty but not null stays empty.
        insert.bind(3, u""_s).bind(4, QByteArray(""));
        QVERIFY(insert.execute().ok());

        Statement select(*database,
                         "SELECT i, r, s, b, n, typeof(i), typeof(r), typeof(s), typeof(b), "
                         "typeof(n) FROM t ORDER BY rowid");
        QVERIFY(select.next());
        QCOMPARE(select.int64(0), big);
        QCOMPARE(select.real(1), 3.25);
        QCOMPARE(select.text(2), hostile);
        QCOMPARE(select.blob(3), bytes);
        QVERIFY(select.isNull(4));
        QVERIFY(select.text(4).isNull());
        QCOMPARE(select.text(5) + select.text(6) + select.text(7) + select.text(8) + select.text(9),
                 u"integerrealtextblobnull"_s);

        QVERIFY(select.next());
        QCOMPARE(select.integer(0), -7);
        QCOMPARE(select.real(1), -0.5);
        QVERIFY(select.isNull(2));
        QVERIFY(select.text(2).isNull());
        QVERIFY(select.isNull(3));
        QVERIFY(select.blob(3).isNull());
        QVERIFY(!select.isNull(4));
        QVERIFY(!select.text(4).isNull());
        QVERIFY(select.text(4).isEmpty());

        QVERIFY(select.next());
        QVERIFY(!select.text(2).isNull());
        QVERIFY(select.text(2).isEmpty());
        QCOMPARE(select.text(8), u"blob"_s);
        QVERIFY(!select.blob(3).isNull());
        QVERIFY(select.blob(3).isEmpty());

        QVERIFY(!select.next());
        QVERIFY(select.ok());

        // reset() runs it again from the first row.
        select.reset();
        QVERIFY(select.next());
        QCOMPARE(select.int64(0), big);
    }

    // A Statement gives its prepared statement back to the connection, which
    // hands it to the next Statement of the same text: reset, its bindings
    // cleared, whatever state it was left in.
    void statementsAreReusedThroughTheConnection()
    {
        auto database = Database::open(pathFor(u"cache.db"_s), notesV1);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        const auto prepared = [&] {
            int count = 0;
            for (sqlite3_stmt *s = sqlite3_next_stmt(database->handle(), nullptr); s;
                 s = sqlite3_next_stmt(database->handle(), s))
                ++count;
            return count;
        };
        const auto busy = [&] {
            int count = 0;
            for (sqlite3_stmt *s = sqlite3_next_stmt(database->handle(), nullptr); s;
                 s = sqlite3_next_stmt(database->handle(), s))
                count += sqlite3_stmt_busy(s) ? 1 : 0;
            return count;
        };
        const int before = prepared();
        {
            Statement first(*database, "SELECT ?1");
            first.bind(1, 5);
            QVERIFY(first.next());
            QCOMPARE(first.int64(0), 5);
        }
        QCOMPARE(prepared(), before + 1); // kept
        {
            Statement again(*database, "SELECT ?1");
            QCOMPARE(prepared(), before + 1); // the one kept, not a new one
            QVERIFY(again.next());
            QVERIFY(again.isNull(0)); // its binding was cleared
            // Two of one text at once: the second prepares its own.
            Statement twin(*database, "SELECT ?1");
            QCOMPARE(prepared(), before + 2);
            twin.bind(1, u"twin"_s);
            QVERIFY(twin.next());
            QCOMPARE(twin.text(0), u"twin"_s);
        }
        QCOMPARE(prepared(), before + 1); // one kept per text

        // Left in the middle of its rows, it starts from the first again and
        // holds no read transaction meanwhile.
        QVERIFY(database->execute(u"INSERT INTO notes (body) VALUES ('a'), ('b'), ('c')"_s).ok());
        {
            Statement rows(*database, "SELECT body FROM notes ORDER BY id");
            QVERIFY(rows.next());
            QVERIFY(rows.next());
            QCOMPARE(rows.text(0), u"b"_s);
        }
        QCOMPARE(busy(), 0);
        {
            Statement rows(*database, "SELECT body FROM notes ORDER BY id");
            QVERIFY(rows.next());
            QCOMPARE(rows.text(0), u"a"_s);
        }

        // One that failed is kept too and works with good values.
        {
            Statement insert(*database, "INSERT INTO notes (body) VALUES (?1)");
            insert.bind(1, QString());
            QVERIFY(!insert.execute().ok());
        }
        {
            Statement insert(*database, "INSERT INTO notes (body) VALUES (?1)");
            insert.bind(1, u"d"_s);
            QVERIFY2(insert.execute().ok(), qPrintable(insert.error().message));
        }
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM notes"), 4);

        // A kept statement follows the schema: prepared before a table was
        // replaced, it reads the new one.
        {
            Statement count(*database, "SELECT count(*) FROM scratch");
            QVERIFY(!count.ok()); // no such table yet: not kept
        }
        QVERIFY(database->execute(u"CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)"_s).ok());
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM scratch"), 1);
        QVERIFY(database->execute(u"DROP TABLE scratch; CREATE TABLE scratch (x, y);"
                                  "INSERT INTO scratch VALUES (1, 2), (3, 4)"_s)
                    .ok());
        QCOMPARE(queryInteger(*database, "SELECT count(*) FROM scratch"), 2);

        // Moved, the connection keeps what it kept; closed, it finalizes it
        // (the leak checker of the sanitizer build would see one that is not).
        Database moved = std::move(database.value());
        QCOMPARE(queryInteger(moved, "SELECT count(*) FROM notes"), 4);
    }

    void statementReportsErrors()
    {
        const QString path = pathFor(u"errors.db"_s);
        auto database = Database::open(path, notesV1);
        QVERIFY2(database.ok(), qPrintable(database.error()));

        Statement bad(*database, "SELEC body FROM notes");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.contains(path)
                     && bad.error().message.contains(u"syntax error"_s),
                 qPrintable(bad.error().message));
        QVERIFY(!bad.next());
        QVERIFY(!bad.execute().ok());

        Statement missing(*database, "SELECT missing_column FROM nowhere");
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(u"no such table: nowhere"_s),
                 qPrintable(missing.error().message));

        Statement constraint(*database, "INSERT INTO notes (body) VALUES (?1)");
        constraint.bind(1, QString());
        auto result = constraint.execute();
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(path)
                     && result.error().contains(u"NOT NULL constraint failed: notes.body"_s),
                 qPrintable(result.error()));

        Statement range(*database, "SELECT ?1");
        range.bind(3, 1);
        QVERIFY(!range.ok());
        QVERIFY2(range.error().message.contains(u"out of range"_s),
                 qPrintable(range.error().message));

        // Only one statement per Statement; a trailing ; or comment is fine.
        Statement two(*database, "SELECT 1; SELECT 2");
        QVERIFY(!two.ok());
        QVERIFY2(two.error().message.contains(u"more than one SQL statement"_s),
                 qPrintable(two.error().message));
        Statement trailing(*database, "SELECT 1; -- why\n ; ");
        QVERIFY2(trailing.ok(), qPrintable(trailing.error().message));
        QVERIFY(trailing.next());

        auto executed = database->execute(u"CREATE TABLE broken ("_s);
        QVERIFY(!executed.ok());
        QVERIFY2(executed.error().contains(path), qPrintable(executed.error()));
        QVERIFY(!database->lastError().isEmpty());
    }

    void transactionRollsBackOnDestruction()
    {
        auto database = Database::open(pathFor(u"tx.db"_s), notesV1);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        auto count = [&] { return queryInteger(*database, "SELECT count(*) FROM notes"); };

        {
            Transaction transaction(*database);
            QVERIFY(transaction.isActive());
            QVERIFY(database->execute(u"INSERT INTO notes (body) VALUES ('dropped')"_s).ok());
            QCOMPARE(count(), 1);
        }
        QCOMPARE(count(), 0);
        QVERIFY(sqlite3_get_autocommit(database->handle()) != 0);

        {
            Transaction transaction(*database);
            QVERIFY(database->execute(u"INSERT INTO notes (body) VALUES ('kept')"_s).ok());
            QVERIFY(transaction.commit().ok());
            QVERIFY(!transaction.isActive());
        }
        QCOMPARE(count(), 1);

        {
            Transaction transaction(*database);
            QVERIFY(database->execute(u"INSERT INTO notes (body) VALUES ('undone')"_s).ok());
            transaction.rollback();
            QVERIFY(!transaction.isActive());
            QCOMPARE(count(), 1);
            QVERIFY(!transaction.commit().ok());
        }
        QCOMPARE(count(), 1);

        // Transactions do not nest; the second one says so instead of pretending.
        {
            Transaction outer(*database);
            Transaction inner(*database);
            QVERIFY(outer.isActive());
            QVERIFY(!inner.isActive());
            QVERIFY2(inner.error().message.contains(u"within a transaction"_s),
                     qPrintable(inner.error().message));
        }
    }

    void savepointNestedRollback()
    {
        auto database = Database::open(pathFor(u"sp.db"_s), notesV1);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        auto insert = [&](const QString &body) {
            Statement statement(*database, "INSERT INTO notes (body) VALUES (?1)");
            statement.bind(1, body);
            return statement.execute().ok();
        };
        auto bodies = [&] { return column(*database, "SELECT body FROM notes ORDER BY id"); };

        {
            Transaction transaction(*database);
            QVERIFY(insert(u"a"_s));
            {
                Savepoint outer(*database, "outer");
                QVERIFY(outer.isActive());
                QVERIFY(insert(u"b"_s));
                {
                    Savepoint inner(*database, "inner");
                    QVERIFY(inner.isActive());
                    QVERIFY(insert(u"c"_s));
                } // not released: undone
                QCOMPARE(bodies(), (QStringList{u"a"_s, u"b"_s}));
                {
                    Savepoint inner(*database, "inner");
                    QVERIFY(insert(u"d"_s));
                    QVERIFY(inner.release().ok());
                }
                QVERIFY(outer.release().ok());
            }
            {
                // The inner savepoint was released, yet rolling back the
                // outer one undoes its work too.
                Savepoint outer(*database, "outer");
                QVERIFY(insert(u"e"_s));
                {
                    Savepoint inner(*database, "inner");
                    QVERIFY(insert(u"f"_s));
                    QVERIFY(inner.release().ok());
                }
                outer.rollback();
                QVERIFY(!outer.isActive());
            }
            QVERIFY(sqlite3_get_autocommit(database->handle()) == 0); // still in the transaction
            QVERIFY(transaction.commit().ok());
        }
        QCOMPARE(bodies(), (QStringList{u"a"_s, u"b"_s, u"d"_s}));
    }

    // With the scratch in memory a savepoint still undoes what it changed,
    // here far more than the 64 KiB SQLite would otherwise keep in memory.
    void savepointUndoesWithScratchInMemory()
    {
        auto database = Database::open(pathFor(u"scratch.db"_s), notesV1);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        const QString body = QString(200, u'x');
        {
            Transaction transaction(*database);
            Statement insert(*database, "INSERT INTO notes (body) VALUES (?1)");
            for (int i = 0; i < 2000; ++i)
                QVERIFY(insert.bind(1, body).execute().ok());
            QVERIFY(transaction.commit().ok());
        }
        QVERIFY(database->setScratch(Database::Scratch::InMemory).ok());
        QCOMPARE(queryInteger(*database, "PRAGMA temp_store"), 2); // MEMORY
        {
            Transaction transaction(*database);
            {
                Savepoint savepoint(*database, "rewrite");
                QVERIFY(database->execute(u"UPDATE notes SET body = upper(body) || id"_s).ok());
                QCOMPARE(queryInteger(*database, "SELECT count(*) FROM notes WHERE body LIKE 'X%'"), 2000);
            } // not released: undone
            QVERIFY(database->execute(u"INSERT INTO notes (body) VALUES ('kept')"_s).ok());
            QVERIFY(transaction.commit().ok());
        }
        QVERIFY(database->setScratch(Database::Scratch::OnDisk).ok());
        QCOMPARE(queryInteger(*database, "PRAGMA temp_store"), 0); // DEFAULT
        QCOMPARE(column(*database, "SELECT DISTINCT body FROM notes ORDER BY body"), (QStringList{u"kept"_s, body}));
    }

    void savepointWithoutTransaction()
    {
        auto database = Database::open(pathFor(u"sp.db"_s), notesV1);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        auto count = [&] { return queryInteger(*database, "SELECT count(*) FROM notes"); };

        {
            Savepoint savepoint(*database, "alone");
            QVERIFY(savepoint.isActive());
            QVERIFY(sqlite3_get_autocommit(database->handle()) == 0);
            QVERIFY(database->execute(u"INSERT INTO notes (body) VALUES ('kept')"_s).ok());
            QVERIFY(savepoint.release().ok());
            QVERIFY(sqlite3_get_autocommit(database->handle()) != 0); // committed
        }
        {
            Savepoint savepoint(*database, "alone");
            QVERIFY(database->execute(u"INSERT INTO notes (body) VALUES ('dropped')"_s).ok());
        }
        QVERIFY(sqlite3_get_autocommit(database->handle()) != 0);
        QCOMPARE(count(), 1);

        // The name is spliced into SQL, so only identifiers are accepted.
        Savepoint hostile(*database, "x\"; DROP TABLE notes; --");
        QVERIFY(!hostile.isActive());
        QVERIFY2(hostile.error().message.contains(u"invalid savepoint name"_s),
                 qPrintable(hostile.error().message));
        QVERIFY(!hostile.release().ok());
        QCOMPARE(count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
