#include "GuiTestSupport.h"

#include "app/gui/ArticleImporter.h"
#include "app/gui/DocumentPanel.h"
#include "app/gui/DocumentTableModel.h"
#include "app/gui/GraphSession.h"
#include "app/gui/MainWindow.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"
#include "tests/support/ScratchMount.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QTimer>
#include <QSettings>
#include <QUrl>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace NewsGraph;
using namespace NewsGraph::Test;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// `count` distinct articles: the sample ones, each again with a line of its own.
QStringList makeArticles(const QString &folder, int count)
{
    QStringList paths;
    const QStringList sample = bundledCorpusPaths();
    for (int i = 0; i < count; ++i) {
        QFile source(sample.at(i % sample.size()));
        if (!source.open(QIODevice::ReadOnly))
            return {};
        const QString path = QStringLiteral("%1/article-%2.txt").arg(folder).arg(i, 3, 10, QLatin1Char('0'));
        QFile target(path);
        if (!target.open(QIODevice::WriteOnly))
            return {};
        target.write(source.readAll());
        target.write(QStringLiteral("\n\nReprint number %1.\n").arg(i).toUtf8());
        paths.append(path);
    }
    return paths;
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Keep the tests away from the user's settings (recent files, window state).
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void importsIntoADatabaseFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.newsgraph"));
        MainWindow window;
        QVERIFY(window.createDatabaseFile(path));
        QCOMPARE(window.databaseName(), QStringLiteral("project.newsgraph"));
        QCOMPARE(window.session()->documents().size(), 0);
        QVERIFY(window.session()->picture().nodes.isEmpty());

        QSignalSpy finished(&window, &MainWindow::importFinished);
        QVERIFY(window.importArticles(bundledCorpusPaths().mid(0, 2)));
        QVERIFY(window.isImporting());
        QVERIFY(!window.importArticles(bundledCorpusPaths())); // one at a time
        QVERIFY(finished.wait(60000));
        QVERIFY(!window.isImporting());
        const IngestReport report = finished.first().at(0).value<IngestReport>();
        QCOMPARE(report.added, 2);
        QCOMPARE(window.session()->documents().size(), 2);
        QCOMPARE(window.documentPanel()->documentModel()->rowCount(), 2);
        QVERIFY(!window.session()->picture().nodes.isEmpty());

        QVERIFY(window.importArticles(bundledCorpusPaths()));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.last().at(0).value<IngestReport>().duplicates, 2);
        QCOMPARE(window.session()->documents().size(), 5);
        QVERIFY(window.session()->picture().nodes.size() > 20);
    }

    void cancelledImportLeavesTheDatabaseUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.newsgraph"));
        {
            Result<Database> database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            Ingester ingester(database.value(), processor());
            QVERIFY(ingester.ingest(bundledCorpusPaths().mid(0, 2)).committed());
        }
        // The window writes the layout when it opens the file: hash after that.
        {
            MainWindow window;
            QVERIFY(window.openDatabaseFile(path));
        }
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());
        const QStringList articles = makeArticles(dir.filePath(QString()), 40);
        QCOMPARE(articles.size(), 40);

        {
            MainWindow window;
            QVERIFY(window.openDatabaseFile(path));
            window.show();
            QSignalSpy finished(&window, &MainWindow::importFinished);
            QVERIFY(window.importArticles(articles));
            // The user presses Cancel in the progress dialog.
            QVERIFY(window.importProgress());
            auto *cancel = window.importProgress()->findChild<QPushButton *>();
            QVERIFY(cancel);
            cancel->click();
            QVERIFY(finished.wait(60000));
            const IngestReport report = finished.first().at(0).value<IngestReport>();
            QVERIFY(report.cancelled);
            QCOMPARE(report.added, 0);
            QCOMPARE(window.session()->documents().size(), 2);
            QVERIFY(!window.importProgress()); // gone
        }
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    }

    // A project on a medium nobody can write opens for exploring; the
    // window says it is read-only and why, and refuses to import or hide.
    void readOnlyProjectOpensForExploring()
    {
        NEWSGRAPH_MOUNT_SCRATCH_OR_SKIP(scratch, why, 8 << 20);
        const QString path = scratch->filePath(QStringLiteral("project.newsgraph"));
        {
            Result<Database> database = Database::open(path);
            QVERIFY2(database.ok(), qPrintable(database.error()));
            QVERIFY(Ingester(database.value(), processor()).ingest(bundledCorpusPaths()).committed());
        }
        QVERIFY2(scratch->remountReadOnly(&why), qPrintable(why));
        const QByteArray before = fileHash(path);

        MainWindow window;
        QVERIFY(window.openDatabaseFile(path));
        QVERIFY(window.session()->isReadOnly());
        QCOMPARE(window.session()->documents().size(), 5);
        QVERIFY2(window.windowTitle().contains(QStringLiteral("read-only")), qPrintable(window.windowTitle()));
        QVERIFY(!window.session()->picture().nodes.isEmpty()); // laid out, in memory
        // The refusal is a dialog: read it and close it.
        QString dialogText;
        QTimer::singleShot(0, [&dialogText] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                dialogText = box->text();
                box->close();
            }
        });
        QVERIFY(!window.importArticles(bundledCorpusPaths()));
        QVERIFY2(dialogText.contains(QStringLiteral("read-only file system")), qPrintable(dialogText));
        const qint64 entity = window.session()->picture().nodes.first().entityId;
        const Result<EditRecord> hidden = window.session()->setEntityHidden(entity, true);
        QVERIFY(!hidden.ok());
        QVERIFY2(hidden.error().contains(QStringLiteral("read-only file system")), qPrintable(hidden.error()));
        window.session()->moveEntity(entity, QPointF(12, 34)); // kept for the session, not written
        QCOMPARE(window.session()->positions().value(entity), QPointF(12, 34));
        QCOMPARE(fileHash(path), before);
    }

    void dropsArticlesAndDatabases()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped.newsgraph"));
        MainWindow window;
        QVERIFY(window.createDatabaseFile(path));
        QVERIFY(QSettings().value(QStringLiteral("files/recent")).toStringList().contains(QFileInfo(path).absoluteFilePath()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Articles dropped on the window are imported...
        const QStringList articles = makeArticles(dir.filePath(QString()), 2);
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &article : articles)
            urls.append(QUrl::fromLocalFile(article));
        mime.setUrls(urls);
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy finished(&window, &MainWindow::importFinished);
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(finished.wait(60000));
        QCOMPARE(window.session()->documents().size(), 2);

        // ...and a database dropped is opened.
        const QString other = dir.filePath(QStringLiteral("other.newsgraph"));
        QVERIFY(Database::open(other).ok());
        QMimeData database;
        database.setUrls({QUrl::fromLocalFile(other)});
        QDragEnterEvent enterDatabase(QPoint(50, 50), Qt::CopyAction, &database, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enterDatabase);
        QDropEvent dropDatabase(QPointF(50, 50), Qt::CopyAction, &database, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &dropDatabase);
        QCOMPARE(window.databaseName(), QStringLiteral("other.newsgraph"));
        QCOMPARE(window.session()->documents().size(), 0);
    }

    void importerCanBeCancelledOnItsOwn()
    {
        Result<Database> database = Database::openInMemory();
        QVERIFY(database.ok());
        QTemporaryDir dir;
        const QStringList articles = makeArticles(dir.path(), 20);
        ArticleImporter importer;
        QSignalSpy progress(&importer, &ArticleImporter::progress);
        QSignalSpy finished(&importer, &ArticleImporter::finished);
        QVERIFY(importer.start(database.value(), processor(), articles));
        QVERIFY(importer.isRunning());
        QVERIFY(!importer.start(database.value(), processor(), articles));
        importer.cancel();
        QVERIFY(finished.wait(60000));
        QVERIFY(!importer.isRunning());
        QVERIFY(finished.first().at(0).value<IngestReport>().cancelled);
        Repository repository(database.value());
        QVERIFY(repository.documents()->isEmpty());
    }
};

QTEST_MAIN(TestImport)
#include "tst_import.moc"
