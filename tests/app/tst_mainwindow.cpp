#include "app/gui/DocumentTableModel.h"
#include "app/gui/MainWindow.h"
#include "app/gui/SentenceTableModel.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace NewsGraph;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Keep the tests away from the user's saved window state.
        QStandardPaths::setTestModeEnabled(true);
    }

    void opensTheBundledCorpus()
    {
        MainWindow window;
        QAbstractItemModelTester documentTester(window.documentModel());
        QAbstractItemModelTester sentenceTester(window.sentenceModel());
        QVERIFY(window.openSampleCorpus());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(window.documentModel()->rowCount(), 5);
        QVERIFY(window.windowTitle().contains(QStringLiteral("Sample corpus")));
        int french = 0;
        for (int row = 0; row < 5; ++row) {
            const QModelIndex language = window.documentModel()->index(row, DocumentTableModel::LanguageColumn);
            french += language.data().toString() == QStringLiteral("fr");
            QVERIFY(!window.documentModel()->index(row, DocumentTableModel::TitleColumn).data().toString().isEmpty());
        }
        QCOMPARE(french, 1);

        // The first document is selected on opening and its sentences are listed.
        QVERIFY(window.sentenceModel()->rowCount() > 3);
        QVERIFY(!window.textView()->toPlainText().isEmpty());
    }

    void choosingASentenceHighlightsItInTheText()
    {
        MainWindow window;
        QVERIFY(window.openSampleCorpus());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Pick the French article by clicking its row.
        QTableView *documents = window.documentView();
        int frenchRow = -1;
        for (int row = 0; row < documents->model()->rowCount(); ++row) {
            if (documents->model()->index(row, DocumentTableModel::LanguageColumn).data().toString() == QStringLiteral("fr"))
                frenchRow = row;
        }
        QVERIFY(frenchRow >= 0);
        const QRect rowRect = documents->visualRect(documents->model()->index(frenchRow, DocumentTableModel::TitleColumn));
        QTest::mouseClick(documents->viewport(), Qt::LeftButton, {}, rowRect.center());
        QTRY_VERIFY(window.textView()->toPlainText().startsWith(QStringLiteral("La start-up française Mistral AI")));

        const int row = 2;
        QVERIFY(window.sentenceModel()->rowCount() > row);
        window.sentenceView()->selectRow(row);
        const SentenceRecord &sentence = window.sentenceModel()->sentence(row);
        const QList<QTextEdit::ExtraSelection> highlights = window.textView()->extraSelections();
        QCOMPARE(highlights.size(), 1);
        QCOMPARE(highlights.first().cursor.selectionStart(), sentence.start);
        QCOMPARE(highlights.first().cursor.selectionEnd(), sentence.end);
        QCOMPARE(window.textView()->toPlainText().mid(sentence.start, sentence.end - sentence.start), sentence.text);
    }

    void filterNarrowsTheDocumentList()
    {
        MainWindow window;
        QVERIFY(window.openSampleCorpus());
        auto *filter = window.findChild<QLineEdit *>();
        QVERIFY(filter);
        filter->setText(QStringLiteral("004_"));
        QCOMPARE(window.documentView()->model()->rowCount(), 1);
        filter->clear();
        QCOMPARE(window.documentView()->model()->rowCount(), 5);
    }

    void opensAndImportsIntoADatabaseFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.newsgraph"));
        {
            Result<Database> created = Database::open(path);
            QVERIFY2(created.ok(), qPrintable(created.error()));
        }
        MainWindow window;
        QVERIFY(window.openDatabaseFile(path));
        QCOMPARE(window.documentModel()->rowCount(), 0);
        QCOMPARE(window.databaseName(), QStringLiteral("project.newsgraph"));

        window.importArticles(bundledCorpusPaths().mid(0, 2));
        QCOMPARE(window.documentModel()->rowCount(), 2);
        window.importArticles(bundledCorpusPaths());
        QCOMPARE(window.documentModel()->rowCount(), 5);
    }

    void screenshotOptionWritesTheWindow()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path()); // no saved geometry
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(NEWSGRAPH_GUI), {QStringLiteral("--screenshot"), png});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
        QVERIFY(image.height() >= 500);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
