#include "GuiTestSupport.h"

#include "app/gui/CurationActions.h"
#include "app/gui/CurationPanel.h"
#include "app/gui/DetailsPanel.h"
#include "app/gui/EditLogModel.h"
#include "app/gui/DocumentPanel.h"
#include "app/gui/DocumentTableModel.h"
#include "app/gui/DocumentView.h"
#include "app/gui/EntityPanel.h"
#include "app/gui/EntitySelection.h"
#include "app/gui/EntityTableModel.h"
#include "app/gui/EvidenceListModel.h"
#include "app/gui/ExportDataDialog.h"
#include "app/gui/ExportImageDialog.h"
#include "app/gui/GraphCanvas.h"
#include "app/gui/GraphSession.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PathFinderPanel.h"
#include "app/gui/PathModel.h"
#include "app/gui/SearchPanel.h"
#include "app/gui/SearchResultModel.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Curator.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QImage>
#include <QInputDialog>
#include <QUndoStack>
#include <QUndoView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

using namespace NewsGraph;
using namespace NewsGraph::Test;

namespace {

// A point on the segment between two drawn entities that is clear of every
// entity, where a click hits the link and nothing else.
QPointF pointOnLink(const GraphCanvas &canvas, qint64 a, qint64 b)
{
    const QPointF from = canvas.widgetPosition(a);
    const QPointF to = canvas.widgetPosition(b);
    for (const double t : {0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.45, 0.55}) {
        const QPointF point = from + t * (to - from);
        bool clear = true;
        for (const PictureNode &node : canvas.picture().nodes) {
            const double radius = node.radius * canvas.zoom() + 6.0;
            if (QLineF(point, canvas.widgetPosition(node.entityId)).length() < radius)
                clear = false;
        }
        if (clear)
            return point;
    }
    return {};
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    // A window on the sample corpus, shown, big enough for every panel.
    static void openWindow(MainWindow &window)
    {
        QVERIFY(window.openSampleCorpus());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.canvas()->fitToView();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Keep the tests away from the user's saved window state and preferences.
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void opensTheBundledCorpus()
    {
        MainWindow window;
        openWindow(window);
        QVERIFY(window.windowTitle().contains(QStringLiteral("Sample corpus")));
        QCOMPARE(window.documentPanel()->documentModel()->rowCount(), 5);
        QVERIFY(window.entityModel()->rowCount() > 20);
        QCOMPARE(window.canvas()->picture().nodes.size(), window.session()->graph().nodeCount());
        QCOMPARE(window.entityModel()->rowCount(), int(window.canvas()->picture().nodes.size()));
        // The first document is open in the viewer.
        QVERIFY(!window.documentPanel()->documentView()->toPlainText().isEmpty());
        // One selection model: the table's is the shared one.
        QCOMPARE(window.entityPanel()->tableView()->selectionModel(), window.entitySelection()->selectionModel());

        // The table fits its dock: names readable, nothing to scroll
        // sideways; the type is the icon's until the header's menu shows it.
        QTableView *table = window.entityPanel()->tableView();
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        QVERIFY(table->horizontalHeader()->isSectionHidden(EntityTableModel::TypeColumn));
        QVERIFY(table->columnWidth(EntityTableModel::NameColumn)
                > table->fontMetrics().horizontalAdvance(QStringLiteral("Emmanuel Macron")));
        window.entityPanel()->setColumnShown(EntityTableModel::TypeColumn, true);
        QVERIFY(!table->horizontalHeader()->isSectionHidden(EntityTableModel::TypeColumn));
        QCOMPARE(QSettings().value(QStringLiteral("entities/hiddenColumns")).toStringList(), QStringList());
        window.entityPanel()->setColumnShown(EntityTableModel::CommunityColumn, false);
        QCOMPARE(QSettings().value(QStringLiteral("entities/hiddenColumns")).toStringList(),
                 QStringList{QString::number(EntityTableModel::CommunityColumn)});
        QSettings().remove(QStringLiteral("entities/hiddenColumns"));
    }

    void clickingAnEntityShowsItsEvidence()
    {
        MainWindow window;
        openWindow(window);
        const qint64 huang = entityNamed(*window.session(), QStringLiteral("Jensen Huang"));
        QVERIFY(huang != 0);
        const QPointF where = window.canvas()->widgetPosition(huang);
        QVERIFY(window.canvas()->rect().contains(where.toPoint()));
        QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, where.toPoint());

        // The shared selection, the table and the canvas agree.
        QCOMPARE(window.entitySelection()->selectedEntities(), QSet<qint64>{huang});
        const QModelIndexList rows = window.entityPanel()->tableView()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(window.entityModel()->entityId(rows.first().row()), huang);
        QCOMPARE(window.canvas()->selectedNodes(), QSet<qint64>{huang});

        // The evidence panel lists sentences with one of his names marked.
        const GraphNode *node = window.session()->node(huang);
        const QStringList names = node->aliases + QStringList{node->name};
        EvidenceListModel *evidence = window.detailsPanel()->evidenceModel();
        QVERIFY(evidence->rowCount() >= 5);
        for (int row = 0; row < evidence->rowCount(); ++row) {
            const QStringList marked = evidence->index(row).data(EvidenceListModel::HighlightedTextsRole).toStringList();
            QVERIFY(!marked.isEmpty());
            for (const QString &text : marked)
                QVERIFY2(names.contains(text), qPrintable(text));
            QVERIFY(evidence->index(row).data(EvidenceListModel::SentenceRole).toString().contains(marked.first()));
        }
        QVERIFY(window.detailsPanel()->heading()->text().contains(QStringLiteral("Jensen Huang")));

        // Selecting in the table reaches the canvas.
        const qint64 nvidia = entityNamed(*window.session(), QStringLiteral("Nvidia"));
        QTableView *table = window.entityPanel()->tableView();
        table->scrollTo(window.entityModel()->indexOfEntity(nvidia));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(window.entityModel()->indexOfEntity(nvidia)).center());
        QCOMPARE(window.canvas()->selectedNodes(), QSet<qint64>{nvidia});
        QCOMPARE(window.detailsPanel()->shownEntity(), nvidia);

        // A click on empty space clears it everywhere.
        QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, QPoint(3, 3));
        QVERIFY(window.entitySelection()->selectedEntities().isEmpty());
        QVERIFY(window.entityPanel()->tableView()->selectionModel()->selectedRows().isEmpty());
    }

    void clickingALinkListsItsEvidence()
    {
        MainWindow window;
        openWindow(window);
        const qint64 nvidia = entityNamed(*window.session(), QStringLiteral("Nvidia"));
        const qint64 mistral = entityNamed(*window.session(), QStringLiteral("Mistral AI"));
        QVERIFY(window.session()->graph().edgeBetween(nvidia, mistral));
        // Zoomed in on the pair so that the link is long enough to hit.
        window.canvas()->centreOn(nvidia);
        for (int i = 0; i < 3; ++i)
            window.canvas()->zoomIn();
        window.canvas()->centreOn(nvidia);
        const QPointF point = pointOnLink(*window.canvas(), nvidia, mistral);
        if (!point.isNull()) {
            QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, point.toPoint());
        } else {
            qWarning("No clear point on the link: selecting it through the window");
            window.showEdge(nvidia, mistral);
        }
        const auto shown = window.detailsPanel()->shownEdge();
        QVERIFY((shown == std::pair<qint64, qint64>{nvidia, mistral}) || (shown == std::pair<qint64, qint64>{mistral, nvidia}));
        QVERIFY(window.entitySelection()->selectedEntities().isEmpty());

        EvidenceListModel *evidence = window.detailsPanel()->evidenceModel();
        QCOMPARE(evidence->rowCount(), window.session()->graph().edgeBetween(nvidia, mistral)->evidenceCount);
        QVERIFY(evidence->rowCount() >= 3);
        for (const EvidenceItem &item : evidence->items()) {
            QSet<qint64> marked;
            for (const EvidenceHighlight &highlight : item.highlights)
                marked.insert(highlight.entityId);
            QVERIFY2(marked.contains(nvidia) && marked.contains(mistral), qPrintable(item.sentence));
            QVERIFY(!item.fileName.isEmpty());
        }
        QVERIFY(window.detailsPanel()->heading()->text().contains(QStringLiteral("Mistral AI")));

        // Clicking a sentence opens its document there, highlighted.
        QListView *list = window.detailsPanel()->evidenceView();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(evidence->index(0)).center());
        const EvidenceItem &first = evidence->item(0);
        DocumentView *viewer = window.documentPanel()->documentView();
        QCOMPARE(viewer->documentId(), first.documentId);
        QCOMPARE(viewer->highlightedRange(), (QPair<int, int>{first.start, first.end}));
        QCOMPARE(viewer->toPlainText().mid(first.start, first.end - first.start), first.sentence);

        // A click on empty space lets go of the link everywhere.
        QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(window.canvas()->selectedEdge(), (std::pair<qint64, qint64>{0, 0}));
        QCOMPARE(window.detailsPanel()->shownEdge(), (std::pair<qint64, qint64>{0, 0}));
        QCOMPARE(evidence->rowCount(), 0);
    }

    void hidingATypeRemovesItsNodes()
    {
        MainWindow window;
        openWindow(window);
        const auto countOf = [&](EntityType type) {
            return std::count_if(window.canvas()->picture().nodes.cbegin(), window.canvas()->picture().nodes.cend(),
                                 [type](const PictureNode &node) { return node.type == type; });
        };
        // Unlinked entities are left out at first.
        QVERIFY(!window.unlinkedAction()->isChecked());
        const int linkedRows = window.entityModel()->rowCount();
        window.unlinkedAction()->trigger();
        QVERIFY(window.entityModel()->rowCount() > linkedRows);
        // With them shown, hiding a type removes exactly its entities.
        const auto places = countOf(EntityType::Place);
        QVERIFY(places > 0);
        const int rows = window.entityModel()->rowCount();
        window.typeAction(EntityType::Place)->trigger();
        QCOMPARE(countOf(EntityType::Place), 0);
        QVERIFY(countOf(EntityType::Person) > 0);
        QCOMPARE(window.entityModel()->rowCount(), rows - int(places));
        window.typeAction(EntityType::Place)->trigger();
        QCOMPARE(countOf(EntityType::Place), places);

        // The last type shown stays shown.
        for (const EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Place,
                                      EntityType::Product, EntityType::Event})
            window.typeAction(type)->setChecked(false);
        QVERIFY(window.typeAction(EntityType::Event)->isChecked());
        QVERIFY(!window.canvas()->picture().nodes.isEmpty());
        for (const EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Place,
                                      EntityType::Product})
            window.typeAction(type)->setChecked(true);

        // Fewer links when each must be stated twice; more with co-occurrences.
        const auto links = window.canvas()->picture().edges.size();
        window.minimumEvidenceSlider()->setValue(2);
        QVERIFY(window.canvas()->picture().edges.size() < links);
        window.minimumEvidenceSlider()->setValue(1);
        window.cooccurrenceAction()->trigger();
        QVERIFY(window.canvas()->picture().edges.size() > links);
        window.cooccurrenceAction()->trigger();
    }

    void pathFinderHighlightsAPath()
    {
        MainWindow window;
        openWindow(window);
        const qint64 macron = entityNamed(*window.session(), QStringLiteral("Emmanuel Macron"));
        const qint64 tsmc = entityCalled(*window.session(), QStringLiteral("TSMC"));
        QVERIFY(macron && tsmc);
        PathFinderPanel *finder = window.pathFinder();
        finder->fromField()->setEditText(QStringLiteral("Emmanuel Macron"));
        finder->toField()->setEditText(QStringLiteral("TSMC")); // an alias
        QTest::mouseClick(finder->findChild<QPushButton *>(), Qt::LeftButton);

        const QList<qint64> path = window.canvas()->highlightedPath();
        QVERIFY(path.size() >= 2);
        QCOMPARE(path.first(), macron);
        QCOMPARE(path.last(), tsmc);
        // Each hop lists its relations and the sentences stating it.
        PathModel *model = finder->pathModel();
        QCOMPARE(model->rowCount(), int(path.size()) - 1);
        for (int hop = 0; hop < model->rowCount(); ++hop) {
            const QModelIndex row = model->index(hop, 0);
            QVERIFY(model->rowCount(row) >= 1);
            QVERIFY(!row.data().toString().isEmpty());
            QVERIFY(!model->index(0, 0, row).data(EvidenceListModel::SentenceRole).toString().isEmpty());
        }

        finder->clearPath();
        QVERIFY(window.canvas()->highlightedPath().isEmpty());
        finder->toField()->setEditText(QStringLiteral("Nobody At All"));
        QVERIFY(!finder->findPath());
        QVERIFY(finder->resultLabel()->text().contains(QStringLiteral("Nobody At All")));
    }

    void documentViewerSelectsTheEntityClicked()
    {
        MainWindow window;
        openWindow(window);
        DocumentView *viewer = window.documentPanel()->documentView();
        window.showSentence(window.session()->documents().first().id, -1, -1);
        QVERIFY(!viewer->mentions().isEmpty());
        QVERIFY(viewer->extraSelections().size() >= viewer->mentions().size());
        // The first mention whose entity the graph shows.
        int mention = 0;
        while (mention < viewer->mentions().size()
               && !window.session()->isDisplayed(viewer->mentions().at(mention).entityId))
            ++mention;
        QVERIFY(mention < viewer->mentions().size());
        viewer->verticalScrollBar()->setValue(0);
        QTest::mouseClick(viewer->viewport(), Qt::LeftButton, {}, viewer->mentionRect(mention).center());
        const qint64 entity = viewer->mentions().at(mention).entityId;
        QCOMPARE(window.entitySelection()->selectedEntities(), QSet<qint64>{entity});
        QCOMPARE(window.canvas()->selectedNodes(), QSet<qint64>{entity});
    }

    void searchSelectsAndOpens()
    {
        MainWindow window;
        openWindow(window);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        SearchPanel *search = window.searchPanel();
        QTRY_VERIFY(search->searchField()->hasFocus());
        QTest::keyClicks(search->searchField(), QStringLiteral("TSMC"));
        QTest::keyClick(search->searchField(), Qt::Key_Return);
        const qint64 tsmc = entityCalled(*window.session(), QStringLiteral("TSMC"));
        QCOMPARE(window.entitySelection()->selectedEntities(), QSet<qint64>{tsmc});

        // A sentence result opens its document.
        SearchResultModel *results = search->resultModel();
        QVERIFY(results->sentenceCount() >= 1);
        const QModelIndex sentence = results->index(0, 0, results->index(SearchResultModel::SentenceGroup, 0));
        search->resultView()->scrollTo(sentence);
        QTest::mouseClick(search->resultView()->viewport(), Qt::LeftButton, {},
                          search->resultView()->visualRect(sentence).center());
        QCOMPARE(window.documentPanel()->documentView()->documentId(),
                 sentence.data(EvidenceListModel::DocumentIdRole).toLongLong());
        QCOMPARE(window.documentPanel()->documentView()->highlightedRange().first,
                 sentence.data(EvidenceListModel::SentenceStartRole).toInt());
    }

    void focusAndHideFromTheGraph()
    {
        MainWindow window;
        openWindow(window);
        const qint64 huang = entityNamed(*window.session(), QStringLiteral("Jensen Huang"));
        const auto all = window.canvas()->picture().nodes.size();
        // Double-click opens his neighbourhood; the table follows.
        QTest::mouseDClick(window.canvas(), Qt::LeftButton, {}, window.canvas()->widgetPosition(huang).toPoint());
        QCOMPARE(window.session()->focus(), huang);
        QVERIFY(window.canvas()->picture().nodes.size() < all);
        QCOMPARE(window.entityModel()->rowCount(), int(window.canvas()->picture().nodes.size()));
        QTest::keyClick(&window, Qt::Key_Home, Qt::ControlModifier);
        QCOMPARE(window.session()->focus(), 0);
        QCOMPARE(window.canvas()->picture().nodes.size(), all);

        QVERIFY(window.session()->setEntityHidden(huang, true).ok());
        QCOMPARE(window.canvas()->picture().indexOf(huang), -1);
        QCOMPARE(window.entityModel()->rowOfEntity(huang), -1);
        window.showHiddenAction()->trigger();
        QVERIFY(window.canvas()->picture().indexOf(huang) >= 0);
    }

    // The analyst's edits through the Edit menu's actions: merge the
    // selection, rename with F2, undo and redo them, and the Curation dock
    // listing them.
    void editsAreUndoneAndRedoneThroughTheEditMenu()
    {
        MainWindow window;
        openWindow(window);
        CurationActions *curation = window.curation();
        const qint64 nvidia = entityNamed(*window.session(), QStringLiteral("Nvidia"));
        const qint64 mistral = entityNamed(*window.session(), QStringLiteral("Mistral AI"));
        QVERIFY(nvidia && mistral);
        QVERIFY(!curation->undoAction()->isEnabled());
        QVERIFY(!curation->mergeAction()->isEnabled());

        // Merge the two selected, accepting the name the dialog offers.
        window.entitySelection()->selectEntities({nvidia, mistral}, nvidia);
        QVERIFY(curation->mergeAction()->isEnabled());
        QTimer::singleShot(0, [] {
            if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
                dialog->setTextValue(QStringLiteral("Nvidia Mistral"));
                dialog->accept();
            }
        });
        curation->mergeAction()->trigger();
        QVERIFY(!window.session()->node(mistral));
        QCOMPARE(window.session()->node(nvidia)->name, QStringLiteral("Nvidia Mistral"));
        QVERIFY(window.canvas()->picture().indexOf(mistral) < 0);
        QVERIFY(curation->undoAction()->isEnabled());
        QVERIFY(curation->undoAction()->text().contains(QStringLiteral("Merged"))); // says what it undoes
        QCOMPARE(window.curationPanel()->logModel()->rowCount(), 1);

        // F2 renames the current entity.
        window.entitySelection()->selectEntity(nvidia);
        QTimer::singleShot(0, [] {
            if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
                dialog->setTextValue(QStringLiteral("NVIDIA Corporation"));
                dialog->accept();
            }
        });
        curation->renameAction()->trigger();
        QCOMPARE(window.session()->node(nvidia)->name, QStringLiteral("NVIDIA Corporation"));
        QCOMPARE(curation->undoStack()->count(), 2);
        QCOMPARE(window.curationPanel()->logModel()->rowCount(), 2);

        // Undo walks back, redo forth, the graph and the log following.
        curation->undoAction()->trigger();
        QCOMPARE(window.session()->node(nvidia)->name, QStringLiteral("Nvidia Mistral"));
        curation->undoAction()->trigger();
        QVERIFY(window.session()->node(mistral));
        QCOMPARE(window.session()->node(nvidia)->name, QStringLiteral("Nvidia"));
        QVERIFY(window.canvas()->picture().indexOf(mistral) >= 0);
        QCOMPARE(window.curationPanel()->logModel()->rowCount(), 0);
        QVERIFY(!curation->undoAction()->isEnabled());
        curation->redoAction()->trigger();
        QVERIFY(!window.session()->node(mistral));
        curation->redoAction()->trigger();
        QCOMPARE(window.session()->node(nvidia)->name, QStringLiteral("NVIDIA Corporation"));
        QCOMPARE(window.curationPanel()->logModel()->rowCount(), 2);

        // While an import writes, edits wait and say why; the project stays.
        curation->setBlocked(QStringLiteral("importing"));
        QVERIFY(!curation->undoAction()->isEnabled());
        QVERIFY(!window.session()->applyEdit([&](Curator &c) { return c.rename(nvidia, QStringLiteral("X")); }).ok());
        QCOMPARE(window.session()->node(nvidia)->name, QStringLiteral("NVIDIA Corporation"));
        curation->setBlocked(QString());
        QVERIFY(curation->undoAction()->isEnabled());

        // Hiding is an edit too.
        window.entitySelection()->selectEntity(nvidia);
        QVERIFY(curation->setHidden(nvidia, true));
        QCOMPARE(curation->undoStack()->count(), 3);
        curation->undoAction()->trigger();
        QVERIFY(!window.session()->node(nvidia)->hidden);
    }

    // Undo goes on after the project is opened again: the stack starts with
    // the log; the dock undoes an earlier edit alone.
    void undoHistoryOutlivesTheWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("project.newsgraph"));
        {
            Result<Database> database = Database::open(path);
            QVERIFY(database.ok());
            QCOMPARE(Ingester(database.value(), processor()).ingest(bundledCorpusPaths()).added, 5);
        }
        qint64 france = 0;
        {
            MainWindow window;
            window.setSavesWindowState(false);
            QVERIFY(window.openDatabaseFile(path));
            france = entityNamed(*window.session(), QStringLiteral("France"));
            const qint64 europe = entityNamed(*window.session(), QStringLiteral("Europe"));
            QVERIFY(window.curation()->makeEdit(QStringLiteral("rename"), [&](Curator &curator) {
                return curator.rename(france, QStringLiteral("French Republic"));
            }));
            QVERIFY(window.curation()->makeEdit(QStringLiteral("note"), [&](Curator &curator) {
                return curator.noteEntity(europe, QStringLiteral("The continent, not the EU"));
            }));
        }
        MainWindow window;
        window.setSavesWindowState(false);
        QVERIFY(window.openDatabaseFile(path));
        CurationActions *curation = window.curation();
        QCOMPARE(curation->undoStack()->count(), 2);
        QCOMPARE(window.curationPanel()->logModel()->rowCount(), 2);
        QCOMPARE(window.curationPanel()->historyView()->model()->rowCount(), 3); // the start and two edits
        // The rename, under the note, undone alone from the dock.
        window.curationPanel()->logView()->setCurrentIndex(window.curationPanel()->logModel()->index(0, 0));
        window.curationPanel()->undoButton()->click();
        QCOMPARE(window.session()->node(france)->name, QStringLiteral("France"));
        QCOMPARE(window.curationPanel()->logModel()->rowCount(), 1);
        QCOMPARE(curation->undoStack()->count(), 1);
        curation->undoAction()->trigger();
        QCOMPARE(window.curationPanel()->logModel()->rowCount(), 0);
    }

    void overviewOpensGroupsAndSearchLeadsToNeighbourhoods()
    {
        MainWindow window;
        openWindow(window);
        window.session()->setOverviewThreshold(5);
        window.session()->waitForMetrics();
        QTRY_VERIFY(window.session()->showsOverview());
        const GraphPicture &groups = window.canvas()->picture();
        QVERIFY(groups.nodes.size() >= 2);
        QVERIFY(isOverviewNode(groups.nodes.first().entityId));

        // Double-clicking a group opens it; Ctrl+Home goes back.
        const qint64 group = groups.nodes.first().entityId;
        const int members = groups.nodes.first().mentions;
        QTest::mouseDClick(window.canvas(), Qt::LeftButton, {}, window.canvas()->widgetPosition(group).toPoint());
        QCOMPARE(window.session()->openedCommunity(), communityOfOverviewNode(group));
        QCOMPARE(int(window.canvas()->picture().nodes.size()), members);
        QTest::keyClick(&window, Qt::Key_Home, Qt::ControlModifier);
        QVERIFY(window.session()->showsOverview());

        // An entity chosen in the table opens on its neighbourhood.
        const qint64 huang = entityNamed(*window.session(), QStringLiteral("Jensen Huang"));
        Q_EMIT window.entityPanel()->entityActivated(huang);
        QCOMPARE(window.session()->focus(), huang);
        QVERIFY(window.canvas()->picture().indexOf(huang) >= 0);
    }

    void exportsAnImage()
    {
        MainWindow window;
        openWindow(window);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("graph.png"));
        // The dialog is modal: fill it in once it is up.
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = qobject_cast<ExportImageDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setPath(png);
            dialog->accept();
        });
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 300);
    }

    void exportsTheData()
    {
        MainWindow window;
        openWindow(window);
        QTemporaryDir dir;
        const QString graphml = dir.filePath(QStringLiteral("graph.graphml"));
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = qobject_cast<ExportDataDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setFormat(ExportFormat::GraphML);
            dialog->setPath(graphml);
            dialog->accept();
        });
        QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
        QFile file(graphml);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("Jensen Huang")));
        QVERIFY(text.contains(QStringLiteral("pagerank")));
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
        // 1400 × 900 fitted to the screen (the offscreen one is 800 × 600).
        QVERIFY(image.width() >= 700);
        QVERIFY(image.height() >= 500);
        // A screenshot run leaves no window state behind.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("NewsGraph/NewsGraph.conf")))
                || !QSettings(dir.filePath(QStringLiteral("NewsGraph/NewsGraph.conf")), QSettings::IniFormat)
                        .contains(QStringLiteral("mainWindow/geometry")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
