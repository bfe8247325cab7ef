#include "app/gui/MainWindow.h"

#include "app/gui/ArticleImporter.h"
#include "app/gui/CurationActions.h"
#include "app/gui/CurationPanel.h"
#include "app/gui/DetailsPanel.h"
#include "app/gui/DocumentPanel.h"
#include "app/gui/EntityPanel.h"
#include "app/gui/EntitySelection.h"
#include "app/gui/EntityTableModel.h"
#include "app/gui/ExportDataDialog.h"
#include "app/gui/ExportImageDialog.h"
#include "app/gui/GraphCanvas.h"
#include "app/gui/GraphSession.h"
#include "app/gui/PathFinderPanel.h"
#include "app/gui/RelationTableModel.h"
#include "app/gui/Presentation.h"
#include "app/gui/SearchPanel.h"
#include "core/export/GraphExporter.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/render/ImageExport.h"
#include "core/text/DocumentLoader.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUrl>

#include <algorithm>

namespace NewsGraph {

namespace {

constexpr int maximumRecentFiles = 8;
constexpr int maximumEvidenceSlider = 10;

QString databaseFileFilter()
{
    return MainWindow::tr("NewsGraph databases (*.newsgraph *.db *.sqlite);;All files (*)");
}

bool isDatabaseFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("newsgraph") || suffix == QLatin1String("db") || suffix == QLatin1String("sqlite");
}

QString layoutLabel(LayoutAlgorithm algorithm)
{
    switch (algorithm) {
    case LayoutAlgorithm::Scalable:
        return MainWindow::tr("Multilevel");
    case LayoutAlgorithm::ForceDirected:
        return MainWindow::tr("Force-directed");
    case LayoutAlgorithm::KamadaKawai:
        return MainWindow::tr("Kamada–Kawai");
    case LayoutAlgorithm::Circular:
        return MainWindow::tr("Circular");
    case LayoutAlgorithm::Radial:
        return MainWindow::tr("Radial");
    }
    return {};
}

QString sizeMetricLabel(SizeMetric metric)
{
    switch (metric) {
    case SizeMetric::Mentions:
        return MainWindow::tr("Mentions");
    case SizeMetric::Degree:
        return MainWindow::tr("Links");
    case SizeMetric::PageRank:
        return MainWindow::tr("PageRank");
    case SizeMetric::Betweenness:
        return MainWindow::tr("Betweenness");
    }
    return {};
}

// Settings keys.
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString recentKey = QStringLiteral("files/recent");
const QString lastFolderKey = QStringLiteral("files/lastFolder");
const QString layoutKey = QStringLiteral("graph/layout");
const QString sizeKey = QStringLiteral("graph/sizeMetric");
const QString coloringKey = QStringLiteral("graph/coloring");
const QString hiddenTypesKey = QStringLiteral("filter/hiddenTypes");
const QString evidenceKey = QStringLiteral("filter/minimumEvidence");
const QString cooccurrenceKey = QStringLiteral("filter/cooccurrence");
const QString unlinkedKey = QStringLiteral("filter/unlinked");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new GraphSession(this))
    , m_importer(new ArticleImporter(this))
{
    setWindowTitle(tr("NewsGraph"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("newsgraph"),
                                   QIcon::fromTheme(QStringLiteral("applications-science"))));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    m_entityModel = new EntityTableModel(m_session, this);
    m_selection = new EntitySelection(m_entityModel, this);
    m_curation = new CurationActions(m_session, m_selection, this);
    createViews();
    createDocks();
    createActions();
    createToolBars();
    connectViews();
    restoreSettings();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The import's worker writes through the session's database: end it first.
    m_importer->cancel();
    m_importer->wait();
    // The views read the session; they go before it (children would be
    // deleted in the order they were made, the session first).
    for (QDockWidget *dock : {m_entityDock, m_searchDock, m_detailsDock, m_pathDock, m_documentDock, m_curationDock})
        delete dock;
    delete takeCentralWidget();
}

void MainWindow::createViews()
{
    m_canvas = new GraphCanvas(this);
    m_canvas->setPlaceholderText(tr("Open a database or import articles to see their entities here."));
    setCentralWidget(m_canvas);
    m_selection->attachCanvas(m_canvas);

    m_entityPanel = new EntityPanel(m_entityModel, m_selection, this);
    m_searchPanel = new SearchPanel(m_session, this);
    m_detailsPanel = new DetailsPanel(m_session, this);
    m_pathFinder = new PathFinderPanel(m_session, this);
    m_documentPanel = new DocumentPanel(m_session, this);
    m_curationPanel = new CurationPanel(m_session, m_curation->undoStack(), this);
}

void MainWindow::createDocks()
{
    const auto makeDock = [this](const QString &title, const QString &name, QWidget *content) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name); // saveState() needs it
        dock->setWidget(content);
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                          | QDockWidget::DockWidgetClosable);
        return dock;
    };
    m_entityDock = makeDock(tr("Entities"), QStringLiteral("entitiesDock"), m_entityPanel);
    m_searchDock = makeDock(tr("Search"), QStringLiteral("searchDock"), m_searchPanel);
    m_detailsDock = makeDock(tr("Details"), QStringLiteral("detailsDock"), m_detailsPanel);
    m_pathDock = makeDock(tr("Path Finder"), QStringLiteral("pathDock"), m_pathFinder);
    m_documentDock = makeDock(tr("Documents"), QStringLiteral("documentsDock"), m_documentPanel);
    m_curationDock = makeDock(tr("Curation"), QStringLiteral("curationDock"), m_curationPanel);

    // The documents run the full width below: a text reads better wide.
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_entityDock);
    tabifyDockWidget(m_entityDock, m_searchDock);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    tabifyDockWidget(m_detailsDock, m_pathDock);
    tabifyDockWidget(m_pathDock, m_curationDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_documentDock);
    m_entityDock->raise();
    m_detailsDock->raise();
}

void MainWindow::createActions()
{
    // --- File
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *newAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-new")),
                                             tr("&New Database…"), this, &MainWindow::newDatabase);
    newAction->setShortcut(QKeySequence::New);
    newAction->setStatusTip(tr("Create an empty project database"));
    QAction *openAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-open")),
                                              tr("&Open Database…"), this, &MainWindow::openDatabase);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open an existing project database"));
    openAction->setToolTip(tr("Open a project database (Ctrl+O)"));
    m_recentMenu = fileMenu->addMenu(QIcon::fromTheme(QStringLiteral("document-open-recent")), tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    fileMenu->addAction(tr("Open &Sample Corpus"), this, &MainWindow::openSampleCorpus)
        ->setStatusTip(tr("Explore the bundled sample articles"));
    fileMenu->addSeparator();
    m_importAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-import")),
                                         tr("&Import Articles…"), this, &MainWindow::chooseArticles);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Read article files (.txt, .md, .html) into the open database"));
    m_importAction->setToolTip(tr("Import article files into the open database (Ctrl+I); "
                                  "you can also drop files and folders on the window"));
    m_importFolderAction = fileMenu->addAction(tr("Import a &Folder…"), this, &MainWindow::chooseArticleFolder);
    m_importFolderAction->setStatusTip(tr("Read every article of a folder and its subfolders"));
    fileMenu->addSeparator();
    m_exportDataAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-export")),
                                             tr("&Export Data…"), this, &MainWindow::exportData);
    m_exportDataAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportDataAction->setStatusTip(tr("Write the graph as GraphML, GEXF, CSV, JSON or Neo4j import files"));
    m_exportImageAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("image-x-generic")),
                                              tr("Export &Image…"), this, &MainWindow::exportImage);
    m_exportImageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportImageAction->setStatusTip(tr("Save the picture of the graph as PNG, SVG or PDF"));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")),
                                              tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    // --- Edit
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_curation->undoAction());
    editMenu->addAction(m_curation->redoAction());
    editMenu->addSeparator();
    editMenu->addAction(m_curation->renameAction());
    editMenu->addAction(m_curation->mergeAction());
    editMenu->addSeparator();
    m_copyAction = editMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")),
                                       tr("&Copy Sentence with Citation"), this, &MainWindow::copySentence);
    m_copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyAction->setStatusTip(tr("Copy the chosen evidence sentence with its document and date"));
    editMenu->addSeparator();
    m_findAction = editMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Find…"), this, [this] {
        m_searchDock->show();
        m_searchDock->raise();
        m_searchPanel->activate();
    });
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Find entities by name and sentences by their words"));
    m_findPathAction = editMenu->addAction(tr("Find &Path…"), this, [this] { findPathFrom(m_selection->currentEntity()); });
    m_findPathAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_findPathAction->setStatusTip(tr("Find how two entities are linked"));
    editMenu->addAction(tr("Filter &Entities"), this, [this] {
        m_entityDock->show();
        m_entityDock->raise();
        m_entityPanel->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_entityPanel->filterEdit()->selectAll();
    })->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));

    // --- View
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    m_fitAction = viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")), tr("&Fit to Window"),
                                      m_canvas, &GraphCanvas::fitToView);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_fitAction->setToolTip(tr("Show the whole graph (Ctrl+0)"));
    m_zoomInAction = viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &In"), m_canvas,
                                         &GraphCanvas::zoomIn);
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    m_zoomInAction->setToolTip(tr("Zoom in (+)"));
    m_zoomOutAction = viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &Out"), m_canvas,
                                          &GraphCanvas::zoomOut);
    m_zoomOutAction->setShortcuts({QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    m_zoomOutAction->setToolTip(tr("Zoom out (-)"));
    viewMenu->addSeparator();
    m_relayoutAction = viewMenu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Lay Out Again"),
                                           this, &MainWindow::relayout);
    m_relayoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_relayoutAction->setToolTip(tr("Lay the graph out again with the chosen algorithm; pinned entities stay "
                                    "(Ctrl+L)"));
    m_clearFocusAction = viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-original")),
                                             tr("Show the &Whole Graph"), this, &MainWindow::clearFocus);
    m_clearFocusAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    m_clearFocusAction->setToolTip(tr("Leave the neighbourhood or group and show the whole graph again "
                                      "(Ctrl+Home)"));
    // Big graphs open on their communities: a blob of thousands of dots
    // says nothing.
    m_overviewAction = viewMenu->addAction(tr("&Overview of Groups"));
    m_overviewAction->setCheckable(true);
    m_overviewAction->setChecked(true);
    m_overviewAction->setToolTip(tr("Draw a graph of more than %L1 entities as its groups of closely linked "
                                    "entities; double-click a group to open it")
                                     .arg(m_session->overviewThreshold()));
    connect(m_overviewAction, &QAction::toggled, this, [this](bool wanted) {
        m_session->setOverviewWanted(wanted);
        m_canvas->fitToView();
        updateActions();
    });
    viewMenu->addSeparator();
    m_cooccurrenceAction = viewMenu->addAction(tr("Show &Co-occurrences"));
    m_cooccurrenceAction->setCheckable(true);
    m_cooccurrenceAction->setToolTip(tr("Also link entities named in the same sentence (dashed)"));
    connect(m_cooccurrenceAction, &QAction::toggled, this, &MainWindow::applyFilter);
    // Off at first: in news most entities are named once and linked to
    // nothing, and a grid of them would take half the canvas.
    m_unlinkedAction = viewMenu->addAction(tr("Show &Unlinked Entities"));
    m_unlinkedAction->setCheckable(true);
    m_unlinkedAction->setToolTip(tr("Also show the entities that no shown link touches"));
    connect(m_unlinkedAction, &QAction::toggled, this, &MainWindow::applyFilter);
    m_showHiddenAction = viewMenu->addAction(tr("Show &Hidden Entities"));
    m_showHiddenAction->setCheckable(true);
    m_showHiddenAction->setToolTip(tr("Show the entities you hid, so that you can show them again"));
    connect(m_showHiddenAction, &QAction::toggled, this, &MainWindow::applyFilter);
    QMenu *typesMenu = viewMenu->addMenu(tr("Entity &Types"));
    for (const EntityType type : allEntityTypes()) {
        auto *action = new QAction(swatchIcon(colorForType(type), 14), entityTypePluralLabel(type), this);
        action->setCheckable(true);
        action->setChecked(true);
        action->setToolTip(tr("Show or hide the %1 (%2 in the legend)")
                               .arg(entityTypePluralLabel(type).toLower(), shapeName(type)));
        connect(action, &QAction::toggled, this, [this, action](bool checked) {
            // An empty graph helps nobody, and GraphFilter reads "no type" as
            // "every type": the last type shown stays shown.
            const bool anyShown = std::any_of(m_typeActions.cbegin(), m_typeActions.cend(),
                                              [](const QAction *type) { return type->isChecked(); });
            if (!checked && !anyShown) {
                const QSignalBlocker blocker(action);
                action->setChecked(true);
                showMessage(tr("At least one type of entity stays shown."));
                return;
            }
            applyFilter();
        });
        typesMenu->addAction(action);
        m_typeActions.insert(type, action);
    }
    viewMenu->addSeparator();
    QMenu *panelsMenu = viewMenu->addMenu(tr("&Panels"));
    for (QDockWidget *dock : {m_entityDock, m_searchDock, m_detailsDock, m_pathDock, m_documentDock})
        panelsMenu->addAction(dock->toggleViewAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About NewsGraph"), this, &MainWindow::showAbout);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBars()
{
    QToolBar *graphBar = addToolBar(tr("Graph"));
    graphBar->setObjectName(QStringLiteral("graphToolBar"));
    graphBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    graphBar->addWidget(new QLabel(tr(" Layout "), graphBar));
    m_layoutBox = new QComboBox(graphBar);
    for (const LayoutAlgorithm algorithm : {LayoutAlgorithm::Scalable, LayoutAlgorithm::ForceDirected,
                                            LayoutAlgorithm::KamadaKawai, LayoutAlgorithm::Circular,
                                            LayoutAlgorithm::Radial})
        m_layoutBox->addItem(layoutLabel(algorithm), layoutAlgorithmName(algorithm));
    m_layoutBox->setToolTip(tr("How to place the entities: multilevel and force-directed for any graph, "
                               "Kamada–Kawai for small ones, circular, or radial around the selected entity"));
    connect(m_layoutBox, &QComboBox::activated, this, [this] { relayout(); });
    graphBar->addWidget(m_layoutBox);
    graphBar->addAction(m_relayoutAction);
    graphBar->addSeparator();
    graphBar->addAction(m_fitAction);
    graphBar->addAction(m_zoomInAction);
    graphBar->addAction(m_zoomOutAction);
    graphBar->addAction(m_clearFocusAction);
    graphBar->addSeparator();
    graphBar->addWidget(new QLabel(tr(" Size "), graphBar));
    m_sizeBox = new QComboBox(graphBar);
    for (const SizeMetric metric : {SizeMetric::Mentions, SizeMetric::Degree, SizeMetric::PageRank,
                                    SizeMetric::Betweenness})
        m_sizeBox->addItem(sizeMetricLabel(metric), sizeMetricName(metric));
    m_sizeBox->setToolTip(tr("What the size of an entity shows: how often it is named, how many links it has, "
                             "its PageRank or its betweenness (how many shortest paths go through it)"));
    connect(m_sizeBox, &QComboBox::currentIndexChanged, this, &MainWindow::applyStyle);
    graphBar->addWidget(m_sizeBox);
    graphBar->addWidget(new QLabel(tr(" Colour "), graphBar));
    m_colorBox = new QComboBox(graphBar);
    m_colorBox->addItem(tr("Type"), nodeColoringName(NodeColoring::ByType));
    m_colorBox->addItem(tr("Group"), nodeColoringName(NodeColoring::ByCommunity));
    m_colorBox->setToolTip(tr("Colour entities by type, or by group of densely linked entities (Leiden communities)"));
    connect(m_colorBox, &QComboBox::currentIndexChanged, this, &MainWindow::applyStyle);
    graphBar->addWidget(m_colorBox);

    addToolBarBreak();
    QToolBar *filterBar = addToolBar(tr("Filter"));
    filterBar->setObjectName(QStringLiteral("filterToolBar"));
    filterBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const EntityType type : allEntityTypes())
        filterBar->addAction(m_typeActions.value(type));
    filterBar->addSeparator();
    m_evidenceSlider = new QSlider(Qt::Horizontal, filterBar);
    m_evidenceSlider->setRange(1, maximumEvidenceSlider);
    m_evidenceSlider->setPageStep(1);
    m_evidenceSlider->setFixedWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 12);
    m_evidenceSlider->setToolTip(tr("Show only the links stated by at least this many sentences"));
    m_evidenceLabel = new QLabel(filterBar);
    m_evidenceLabel->setToolTip(m_evidenceSlider->toolTip());
    connect(m_evidenceSlider, &QSlider::valueChanged, this, [this](int value) {
        m_evidenceLabel->setText(tr(" Links stated ≥ %n× ", nullptr, value));
        applyFilter();
    });
    filterBar->addWidget(m_evidenceLabel);
    filterBar->addWidget(m_evidenceSlider);
    filterBar->addSeparator();
    filterBar->addAction(m_cooccurrenceAction);
    filterBar->addAction(m_unlinkedAction);
}

void MainWindow::connectViews()
{
    connect(m_session, &GraphSession::pictureChanged, this, &MainWindow::pictureChanged);
    connect(m_session, &GraphSession::graphChanged, this, [this] {
        m_detailsPanel->refresh();
        if (m_selectedEdge.first != 0 && !m_session->graph().edgeBetween(m_selectedEdge.first, m_selectedEdge.second))
            clearEdge();
        updateStatus();
        updateActions();
    });
    connect(m_session, &GraphSession::databaseChanged, this, [this] {
        updateStatus();
        updateActions();
    });
    connect(m_session, &GraphSession::errorOccurred, this,
            [this](const QString &message) { showError(tr("Database Error"), message); });
    connect(m_curation, &CurationActions::message, this, &MainWindow::showMessage);
    connect(m_curation, &CurationActions::failed, this, &MainWindow::showError);
    connect(m_curationPanel, &CurationPanel::undoRequested, m_curation, &CurationActions::undoLoggedEdit);
    connect(m_session, &GraphSession::layoutStarted, this, &MainWindow::updateWorkStatus);
    connect(m_session, &GraphSession::metricsRunning, this, &MainWindow::updateWorkStatus);
    connect(m_session, &GraphSession::metricsChanged, this, [this] {
        m_detailsPanel->refresh();
        updateWorkStatus();
    });
    connect(m_session, &GraphSession::layoutFinished, this, [this](bool ok, const QString &message) {
        updateWorkStatus();
        if (!ok) {
            showError(tr("Cannot Lay Out the Graph"), message);
            return;
        }
        if (m_fitAfterLayout)
            m_canvas->fitToView();
        m_fitAfterLayout = false;
    });

    connect(m_selection, &EntitySelection::changed, this, &MainWindow::selectionChanged);
    connect(m_canvas, &GraphCanvas::edgeClicked, this, &MainWindow::showEdge);
    connect(m_canvas, &GraphCanvas::edgeSelectionCleared, this, &MainWindow::clearEdge);
    connect(m_canvas, &GraphCanvas::nodeMoved, m_session, &GraphSession::moveEntity);
    connect(m_canvas, &GraphCanvas::nodeDoubleClicked, this, [this](qint64 entityId) {
        // A group of the overview opens; inside a neighbourhood a
        // double-click grows or shrinks it; outside, it opens the entity's
        // neighbourhood.
        if (isOverviewNode(entityId))
            openGroup(communityOfOverviewNode(entityId));
        else if (m_session->focus() == 0)
            focusOn(entityId, 1);
        else if (m_session->toggleExpanded(entityId))
            showMessage(m_session->isExpanded(entityId) ? tr("Showing the links of %1.").arg(m_session->node(entityId)->name)
                                                        : tr("Folded the links of %1 away.").arg(m_session->node(entityId)->name));
    });
    connect(m_canvas, &GraphCanvas::nodeContextMenuRequested, this, &MainWindow::showNodeMenu);
    connect(m_canvas, &GraphCanvas::edgeContextMenuRequested, this, &MainWindow::showEdgeMenu);
    connect(m_canvas, &GraphCanvas::backgroundContextMenuRequested, this, &MainWindow::showBackgroundMenu);
    connect(m_canvas, &GraphCanvas::linkDrawn, m_curation, &CurationActions::linkBetween);

    connect(m_entityPanel, &EntityPanel::entityActivated, this, [this](qint64 id) {
        // In the overview an entity is only a part of its group: show it with its neighbours.
        if (m_session->showsOverview())
            focusOn(id, 1);
        else
            m_canvas->centreOn(id);
    });
    connect(m_entityPanel->tableView(), &QWidget::customContextMenuRequested, this, [this](const QPoint &point) {
        const QModelIndex index = m_entityPanel->tableView()->indexAt(point);
        if (index.isValid())
            showNodeMenu(m_entityModel->entityId(index.row()),
                         m_entityPanel->tableView()->viewport()->mapToGlobal(point));
    });
    // A row of an entity's links: the link's menu.
    m_detailsPanel->relationView()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_detailsPanel->relationView(), &QWidget::customContextMenuRequested, this, [this](const QPoint &point) {
        const QModelIndex index = m_detailsPanel->relationView()->indexAt(point);
        if (index.isValid() && m_detailsPanel->shownEntity() != 0)
            showEdgeMenu(m_detailsPanel->shownEntity(), m_detailsPanel->relationModel()->otherEntity(index.row()),
                         m_detailsPanel->relationView()->viewport()->mapToGlobal(point));
    });
    connect(m_searchPanel, &SearchPanel::entityChosen, this, [this](qint64 id) { showEntity(id, true); });
    connect(m_searchPanel, &SearchPanel::sentenceChosen, this, &MainWindow::showSentence);
    connect(m_searchPanel, &SearchPanel::errorOccurred, this, &MainWindow::showMessage);
    connect(m_detailsPanel, &DetailsPanel::sentenceActivated, this, &MainWindow::showSentence);
    connect(m_detailsPanel, &DetailsPanel::entityActivated, this, [this](qint64 id) { showEntity(id, true); });
    connect(m_detailsPanel, &DetailsPanel::edgeActivated, this, &MainWindow::showEdge);
    connect(m_detailsPanel, &DetailsPanel::errorOccurred, this,
            [this](const QString &message) { showError(tr("Cannot Read the Evidence"), message); });
    connect(m_pathFinder, &PathFinderPanel::pathChanged, this, [this](const QList<qint64> &entities) {
        // A path through entities outside the neighbourhood needs the whole graph.
        if (m_session->focus() != 0
            && std::any_of(entities.cbegin(), entities.cend(), [this](qint64 id) { return !m_session->isDisplayed(id); }))
            m_session->clearFocus();
        m_canvas->setHighlightedPath(entities);
    });
    connect(m_pathFinder, &PathFinderPanel::sentenceActivated, this, &MainWindow::showSentence);
    connect(m_pathFinder, &PathFinderPanel::errorOccurred, this,
            [this](const QString &message) { showError(tr("Cannot Read the Evidence"), message); });
    connect(m_documentPanel, &DocumentPanel::entityClicked, this, [this](qint64 id) { showEntity(id, true); });
    connect(m_documentPanel, &DocumentPanel::errorOccurred, this,
            [this](const QString &message) { showError(tr("Cannot Read the Document"), message); });

    connect(m_importer, &ArticleImporter::progress, this, [this](int done, int total, const QString &path) {
        if (!m_progress)
            return;
        m_progress->setLabelText(done < total ? tr("Reading %1…").arg(QFileInfo(path).fileName())
                                              : tr("Storing the articles…"));
        m_progress->setMaximum(total);
        // Last: a window-modal dialog processes events in setValue(), where
        // the import may finish and importDone() take the dialog away.
        m_progress->setValue(done);
    });
    connect(m_importer, &ArticleImporter::finished, this, &MainWindow::importDone);

    m_graphStatus = new QLabel(this);
    m_selectionStatus = new QLabel(this);
    m_workStatus = new QLabel(this);
    m_workStatus->setToolTip(tr("Large graphs are laid out and measured in the background; the window stays usable"));
    m_readOnlyStatus = new QLabel(tr("Read-only"), this);
    m_readOnlyStatus->setVisible(false);
    statusBar()->addPermanentWidget(m_readOnlyStatus);
    statusBar()->addPermanentWidget(m_workStatus);
    statusBar()->addPermanentWidget(m_selectionStatus);
    statusBar()->addPermanentWidget(m_graphStatus);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    // Preferences before the state, so that nothing is laid out twice.
    const QSignalBlocker blockers[] = {QSignalBlocker(m_layoutBox), QSignalBlocker(m_sizeBox),
                                       QSignalBlocker(m_colorBox), QSignalBlocker(m_evidenceSlider),
                                       QSignalBlocker(m_cooccurrenceAction), QSignalBlocker(m_unlinkedAction)};
    const int layout = m_layoutBox->findData(settings.value(layoutKey).toString());
    m_layoutBox->setCurrentIndex(std::max(0, layout));
    const int size = m_sizeBox->findData(settings.value(sizeKey).toString());
    m_sizeBox->setCurrentIndex(std::max(0, size));
    const int coloring = m_colorBox->findData(settings.value(coloringKey).toString());
    m_colorBox->setCurrentIndex(std::max(0, coloring));
    m_evidenceSlider->setValue(std::clamp(settings.value(evidenceKey, 1).toInt(), 1, maximumEvidenceSlider));
    m_evidenceLabel->setText(tr(" Links stated ≥ %n× ", nullptr, m_evidenceSlider->value()));
    m_cooccurrenceAction->setChecked(settings.value(cooccurrenceKey, false).toBool());
    m_unlinkedAction->setChecked(settings.value(unlinkedKey, false).toBool());
    const QStringList hiddenTypes = settings.value(hiddenTypesKey).toStringList();
    for (auto it = m_typeActions.cbegin(); it != m_typeActions.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setChecked(!hiddenTypes.contains(typeName(it.key())));
    }
    if (std::none_of(m_typeActions.cbegin(), m_typeActions.cend(), [](const QAction *a) { return a->isChecked(); })) {
        for (QAction *action : std::as_const(m_typeActions)) {
            const QSignalBlocker blocker(action);
            action->setChecked(true);
        }
    }
    if (const std::optional<LayoutAlgorithm> algorithm
        = layoutAlgorithmFromName(m_layoutBox->currentData().toString()))
        m_session->setLayoutAlgorithm(*algorithm);
    // Applied, not saved again: only the user's changes are written.
    m_restoringSettings = true;
    applyStyle();
    applyFilter();
    m_restoringSettings = false;

    if (!restoreGeometry(settings.value(geometryKey).toByteArray())) {
        // First run: 1400 × 900, or less on a smaller screen, centred.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1400, 900);
        const QSize size(std::min(1400, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    // First run: the docks are sized when the window is first shown, at
    // the size it has then.
    m_sizeDocksOnShow = !restoreState(settings.value(stateKey).toByteArray());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_sizeDocksOnShow)
        return;
    m_sizeDocksOnShow = false;
    // The canvas gets about half the width; the panels' size hints alone
    // would leave it a narrow strip. The entity table has four columns to
    // fit, the details panel wraps its text.
    resizeDocks({m_entityDock, m_detailsDock},
                {std::clamp(width() * 25 / 100, 260, 400), std::clamp(width() * 21 / 100, 240, 340)},
                Qt::Horizontal);
    resizeDocks({m_documentDock}, {std::clamp(height() / 4, 180, 320)}, Qt::Vertical);
}

bool MainWindow::openDatabaseFile(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        showError(tr("Cannot Open Database"), tr("%1: no such file.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    Result<Database> database = Database::open(path, Database::OpenMode::WritableIfPossible);
    if (!database) {
        showError(tr("Cannot Open Database"), database.error());
        return false;
    }
    setDatabase(std::move(database).value(), QFileInfo(path).fileName(), QFileInfo(path).absoluteFilePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    return m_session->isOpen();
}

bool MainWindow::createDatabaseFile(const QString &path)
{
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        // The save dialog already asked whether to replace it.
        showError(tr("Cannot Create Database"),
                  tr("%1: the existing file could not be replaced.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    Result<Database> database = Database::open(path);
    if (!database) {
        showError(tr("Cannot Create Database"), database.error());
        return false;
    }
    setDatabase(std::move(database).value(), QFileInfo(path).fileName(), QFileInfo(path).absoluteFilePath());
    addRecentFile(QFileInfo(path).absoluteFilePath());
    return m_session->isOpen();
}

bool MainWindow::openSampleCorpus()
{
    // The sample corpus has no user lexicon.
    const DocumentProcessor *processor = documentProcessor(QString());
    if (!processor)
        return false;
    Result<Database> database = openBundledCorpus(*processor);
    if (!database) {
        showError(tr("Cannot Open the Sample Corpus"), database.error());
        return false;
    }
    setDatabase(std::move(database).value(), tr("Sample corpus"), QString());
    return m_session->isOpen();
}

void MainWindow::setDatabase(Database database, const QString &displayName, const QString &path)
{
    if (isImporting()) {
        showMessage(tr("Wait for the import to end, or cancel it, first."));
        return;
    }
    m_selectedEdge = {0, 0};
    m_canvas->setSelectedEdge(0, 0);
    m_pathFinder->clearPath();
    if (Result<void> opened = m_session->open(std::move(database), displayName); !opened) {
        showError(tr("Cannot Read the Database"), opened.error());
        m_curation->loadHistory(); // none: no project is open
        setWindowTitle(tr("NewsGraph"));
        m_databasePath.clear();
        m_readOnlyStatus->setVisible(false);
        updateActions();
        return;
    }
    m_databasePath = path;
    m_curation->loadHistory();
    setWindowTitle(m_session->isReadOnly() ? tr("%1 (read-only) — NewsGraph").arg(displayName)
                                           : tr("%1 — NewsGraph").arg(displayName));
    m_readOnlyStatus->setVisible(m_session->isReadOnly());
    m_readOnlyStatus->setToolTip(tr("This project cannot be changed: %1. Importing and hiding entities are "
                                    "off; layouts and moved entities are kept until it is closed.")
                                     .arg(m_session->readOnlyReason()));
    m_canvas->setPlaceholderText(m_session->data().nodes.isEmpty()
                                     ? tr("No entities yet: import articles (File ▸ Import Articles, or drop "
                                          "files here).")
                                     : tr("No entity passes the filter."));
    m_canvas->fitToView();
    m_detailsPanel->clear();
    if (!m_session->documents().isEmpty())
        m_documentPanel->showDocument(m_session->documents().first().id);
    if (m_session->isReadOnly())
        showMessage(tr("Opened %1 read-only (%2): %n document(s); layouts are not saved.", nullptr,
                       int(m_session->documents().size()))
                        .arg(displayName, m_session->readOnlyReason()));
    else
        showMessage(tr("Opened %1: %n document(s).", nullptr, int(m_session->documents().size())).arg(displayName));
    updateActions();
}

QString MainWindow::databaseName() const
{
    return m_session->displayName();
}

// --- filter, style, layout

void MainWindow::applyFilter()
{
    GraphFilter filter = m_session->filter();
    filter.types.clear();
    QStringList hiddenTypes;
    for (auto it = m_typeActions.cbegin(); it != m_typeActions.cend(); ++it) {
        if (it.value()->isChecked())
            filter.types.insert(it.key());
        else
            hiddenTypes.append(typeName(it.key()));
    }
    filter.minimumEvidence = m_evidenceSlider->value();
    filter.includeCooccurrence = m_cooccurrenceAction->isChecked();
    filter.includeHidden = m_showHiddenAction->isChecked();
    filter.includeUnlinked = m_unlinkedAction->isChecked();
    m_session->setFilter(filter);
    if (m_restoringSettings)
        return;

    QSettings settings;
    hiddenTypes.sort();
    settings.setValue(hiddenTypesKey, hiddenTypes);
    settings.setValue(evidenceKey, filter.minimumEvidence);
    settings.setValue(cooccurrenceKey, filter.includeCooccurrence);
    settings.setValue(unlinkedKey, filter.includeUnlinked);
}

void MainWindow::applyStyle()
{
    GraphStyle style = m_session->style();
    style.sizeMetric = sizeMetricFromName(m_sizeBox->currentData().toString()).value_or(SizeMetric::Mentions);
    style.coloring = nodeColoringFromName(m_colorBox->currentData().toString()).value_or(NodeColoring::ByType);
    m_session->setStyle(style);
    if (m_restoringSettings)
        return;
    QSettings settings;
    settings.setValue(sizeKey, m_sizeBox->currentData());
    settings.setValue(coloringKey, m_colorBox->currentData());
}

void MainWindow::relayout()
{
    const std::optional<LayoutAlgorithm> algorithm = layoutAlgorithmFromName(m_layoutBox->currentData().toString());
    if (!algorithm || !m_session->isOpen())
        return;
    QSettings().setValue(layoutKey, m_layoutBox->currentData());
    m_fitAfterLayout = true;
    // A radial layout is around the selected entity (the most linked one without).
    m_session->relayout(*algorithm, m_selection->currentEntity());
}

void MainWindow::pictureChanged()
{
    if (m_session->overviewApplies() && !m_session->showsOverview())
        m_canvas->setPlaceholderText(tr("Finding the groups of %Ln entities…", nullptr,
                                        int(m_session->graph().nodeCount())));
    else if (m_session->isOpen() && !m_session->data().nodes.isEmpty())
        m_canvas->setPlaceholderText(tr("No entity passes the filter."));
    m_canvas->setPicture(m_session->picture());
    updateStatus();
    updateActions();
}

// --- selection

void MainWindow::selectionChanged()
{
    const QSet<qint64> selected = m_selection->selectedEntities();
    if (selected.size() == 1 && isOverviewNode(*selected.cbegin())) {
        const QList<qsizetype> members
            = m_session->overview().members.value(communityOfOverviewNode(*selected.cbegin()));
        QStringList names;
        for (qsizetype i = 0; i < members.size() && i < 5; ++i)
            names.append(m_session->graph().nodes().at(members.at(i)).name);
        showMessage(tr("A group of %Ln entities, the most central %1; double-click to open it.", nullptr,
                       int(members.size()))
                        .arg(QLocale().createSeparatedList(names)));
    }
    if (!selected.isEmpty()) {
        m_selectedEdge = {0, 0};
        m_canvas->setSelectedEdge(0, 0);
        if (selected.size() == 1)
            m_detailsPanel->showEntity(m_selection->currentEntity());
        else
            m_detailsPanel->showEntities(selected);
        // The details are what the user asked for: bring them forward.
        m_detailsDock->raise();
    } else if (m_selectedEdge.first == 0) {
        m_detailsPanel->clear();
    }
    m_documentPanel->setEmphasizedEntities(selected);
    updateStatus();
}

void MainWindow::showEntity(qint64 entityId, bool centre)
{
    const GraphNode *node = m_session->node(entityId);
    if (!node)
        return;
    if (!m_session->isDisplayed(entityId) && m_session->isNarrowed() && m_session->graph().indexOf(entityId) >= 0)
        m_session->clearFocus();
    if (centre && m_session->showsOverview() && m_session->graph().indexOf(entityId) >= 0) {
        // The search leads to the entity's neighbourhood, not to its group.
        focusOn(entityId, 1);
        return;
    }
    if (!m_session->isDisplayed(entityId)) {
        // Filtered out: still say what it is.
        m_selection->clear();
        clearEdge();
        m_detailsPanel->showEntity(entityId);
        m_detailsDock->raise();
        showMessage(node->hidden ? tr("%1 is hidden (View ▸ Show Hidden Entities).").arg(node->name)
                                 : tr("%1 is not in the graph as filtered.").arg(node->name));
        return;
    }
    m_selection->selectEntity(entityId);
    if (centre)
        m_canvas->centreOn(entityId);
}

void MainWindow::showEdge(qint64 a, qint64 b)
{
    if (!m_session->graph().edgeBetween(a, b))
        return;
    m_selectedEdge = {a, b};
    m_selection->clear(); // keeps the edge: see selectionChanged()
    m_canvas->setSelectedEdge(a, b);
    m_detailsPanel->showEdge(a, b);
    m_detailsDock->raise();
    updateStatus();
}

void MainWindow::clearEdge()
{
    if (m_selectedEdge.first == 0)
        return;
    m_selectedEdge = {0, 0};
    m_canvas->setSelectedEdge(0, 0);
    if (m_selection->selectedEntities().isEmpty())
        m_detailsPanel->clear();
    updateStatus();
}

void MainWindow::showSentence(qint64 documentId, int start, int end)
{
    m_documentDock->show();
    m_documentDock->raise();
    m_documentPanel->showDocument(documentId, start, end);
}

// --- context menus

void MainWindow::addEntityActions(QMenu &menu, qint64 entityId)
{
    const GraphNode *node = m_session->node(entityId);
    if (!node)
        return;
    menu.addSection(node->name);
    if (m_session->graph().indexOf(entityId) >= 0) {
        menu.addAction(tr("&Focus on Its Neighbourhood"), this, [this, entityId] { focusOn(entityId, 1); })
            ->setToolTip(tr("Show only it and the entities linked to it"));
        menu.addAction(tr("Focus on Two &Steps Around It"), this, [this, entityId] { focusOn(entityId, 2); });
        if (m_session->focus() != 0 && entityId != m_session->focus()) {
            menu.addAction(m_session->isExpanded(entityId) ? tr("&Collapse Its Links") : tr("&Expand Its Links"),
                           this, [this, entityId] { m_session->toggleExpanded(entityId); });
        }
        menu.addAction(tr("Find &Path to…"), this, [this, entityId] { findPathFrom(entityId); });
        menu.addAction(tr("&Centre on It"), this, [this, entityId] { m_canvas->centreOn(entityId); });
        menu.addSeparator();
        if (m_session->positions().contains(entityId)) {
            const bool pinned = m_session->isPinned(entityId);
            menu.addAction(pinned ? tr("&Unpin") : tr("P&in Here"), this,
                           [this, entityId, pinned] { m_session->setPinned(entityId, !pinned); })
                ->setToolTip(tr("A pinned entity keeps its place when the graph is laid out again"));
        }
    }
    m_curation->addEntityActions(menu, entityId);
    QAction *hide = node->hidden
        ? menu.addAction(tr("&Show in the Graph Again"), this, [this, entityId] { setHidden(entityId, false); })
        : menu.addAction(QIcon::fromTheme(QStringLiteral("view-hidden")), tr("&Hide"), this,
                         [this, entityId] { setHidden(entityId, true); });
    hide->setToolTip(tr("Leave it out of the graph (View ▸ Show Hidden Entities brings it back)"));
    if (m_session->isReadOnly()) {
        hide->setEnabled(false);
        hide->setToolTip(tr("The project is read-only (%1)").arg(m_session->readOnlyReason()));
    }
}

void MainWindow::showNodeMenu(qint64 entityId, const QPoint &globalPosition)
{
    if (isOverviewNode(entityId)) {
        QMenu menu(this);
        menu.addAction(tr("&Open This Group"), this,
                       [this, entityId] { openGroup(communityOfOverviewNode(entityId)); });
        menu.exec(globalPosition);
        return;
    }
    // The entity the menu is about becomes the selection, unless it is part of it.
    if (!m_selection->selectedEntities().contains(entityId))
        showEntity(entityId, false);
    QMenu menu(this);
    addEntityActions(menu, entityId);
    menu.exec(globalPosition);
}

void MainWindow::showEdgeMenu(qint64 a, qint64 b, const QPoint &globalPosition)
{
    QMenu menu(this);
    menu.addAction(tr("Show the &Evidence"), this, [this, a, b] { showEdge(a, b); });
    m_curation->addLinkActions(menu, a, b);
    QMenu *first = menu.addMenu(m_session->node(a) ? m_session->node(a)->name : QString());
    addEntityActions(*first, a);
    QMenu *second = menu.addMenu(m_session->node(b) ? m_session->node(b)->name : QString());
    addEntityActions(*second, b);
    menu.exec(globalPosition);
}

void MainWindow::showBackgroundMenu(const QPoint &globalPosition)
{
    QMenu menu(this);
    menu.addAction(m_fitAction);
    menu.addAction(m_relayoutAction);
    if (m_session->focus() != 0)
        menu.addAction(m_clearFocusAction);
    menu.addSeparator();
    menu.addAction(m_cooccurrenceAction);
    menu.addAction(m_showHiddenAction);
    menu.addSeparator();
    menu.addAction(m_exportImageAction);
    menu.exec(globalPosition);
}

void MainWindow::focusOn(qint64 entityId, int hops)
{
    m_session->focusOn(entityId, hops);
    m_selection->selectEntity(entityId);
    m_canvas->fitToView();
    updateActions();
    if (const GraphNode *node = m_session->node(entityId))
        showMessage(tr("Showing the neighbourhood of %1; double-click an entity to expand or collapse it, "
                       "Ctrl+Home to show the whole graph.")
                        .arg(node->name));
}

void MainWindow::openGroup(int community)
{
    if (!m_session->openCommunity(community))
        return;
    m_selection->clear();
    m_canvas->fitToView();
    updateActions();
    const QList<qsizetype> members = m_session->overview().members.value(community);
    if (!members.isEmpty())
        showMessage(tr("Showing the group of %1 (%Ln entities); Ctrl+Home goes back to the overview.", nullptr,
                       int(members.size()))
                        .arg(m_session->graph().nodes().at(members.first()).name));
}

void MainWindow::clearFocus()
{
    m_session->clearFocus();
    m_canvas->fitToView();
    updateActions();
}

void MainWindow::setHidden(qint64 entityId, bool hidden)
{
    const GraphNode *node = m_session->node(entityId);
    if (!node)
        return;
    const QString name = node->name;
    if (!m_curation->setHidden(entityId, hidden))
        return;
    showMessage(hidden ? tr("%1 is hidden; View ▸ Show Hidden Entities lists it again.").arg(name)
                       : tr("%1 is back in the graph.").arg(name));
}

void MainWindow::findPathFrom(qint64 entityId)
{
    m_pathDock->show();
    m_pathDock->raise();
    if (entityId != 0) {
        m_pathFinder->setFrom(entityId);
        m_pathFinder->toField()->setFocus(Qt::ShortcutFocusReason);
        m_pathFinder->toField()->lineEdit()->selectAll();
    } else {
        m_pathFinder->fromField()->setFocus(Qt::ShortcutFocusReason);
    }
}

// --- status

void MainWindow::updateStatus()
{
    if (!m_session->isOpen()) {
        m_graphStatus->setText(tr("No database open"));
        m_selectionStatus->clear();
        return;
    }
    const int entities = int(m_session->picture().nodes.size());
    const int links = int(m_session->picture().edges.size());
    QString graph = tr("%n entities", nullptr, entities) + QStringLiteral(" · ") + tr("%n links", nullptr, links);
    if (m_session->showsOverview()) {
        const CommunityOverview &overview = m_session->overview();
        graph = tr("%n groups", nullptr, entities) + QStringLiteral(" of ")
            + tr("%n entities", nullptr, int(m_session->graph().nodeCount()));
        if (overview.omittedEntities > 0)
            graph += QStringLiteral(" · ") + tr("%n in smaller groups, not drawn", nullptr, overview.omittedEntities);
    } else if (m_session->overviewApplies()) {
        graph = tr("Finding the groups of %n entities…", nullptr, int(m_session->graph().nodeCount()));
    } else if (m_session->openedCommunity() >= 0) {
        graph += QStringLiteral(" · ") + tr("one group");
    }
    if (m_session->focus() != 0) {
        if (const GraphNode *focus = m_session->node(m_session->focus()))
            graph += QStringLiteral(" · ") + tr("around %1").arg(focus->name);
    }
    m_graphStatus->setText(graph);

    const QSet<qint64> selected = m_selection->selectedEntities();
    QString selection;
    if (m_selectedEdge.first != 0) {
        const GraphNode *a = m_session->node(m_selectedEdge.first);
        const GraphNode *b = m_session->node(m_selectedEdge.second);
        if (a && b)
            selection = tr("Link: %1 — %2").arg(a->name, b->name);
    } else if (selected.size() == 1) {
        if (const GraphNode *node = m_session->node(*selected.cbegin()))
            selection = tr("Selected: %1 (%2)").arg(node->name, entityTypeLabel(node->type));
    } else if (selected.size() > 1) {
        selection = tr("%n entities selected", nullptr, int(selected.size()));
    }
    m_selectionStatus->setText(selection);
}

void MainWindow::updateWorkStatus()
{
    QStringList work;
    if (m_session->isLayoutRunning())
        work.append(tr("Laying out %n entities…", nullptr, int(m_session->graph().nodeCount())));
    if (m_session->areMetricsPending())
        work.append(tr("Measuring communities and centrality…"));
    m_workStatus->setText(work.join(QStringLiteral(" · ")));
    m_workStatus->setVisible(!work.isEmpty());
}

void MainWindow::updateActions()
{
    const bool open = m_session->isOpen();
    const bool importing = isImporting();
    const bool writable = open && !m_session->isReadOnly();
    m_importAction->setEnabled(writable && !importing);
    m_importFolderAction->setEnabled(writable && !importing);
    m_exportDataAction->setEnabled(open);
    m_exportImageAction->setEnabled(open && !m_session->picture().nodes.isEmpty());
    m_relayoutAction->setEnabled(open);
    m_clearFocusAction->setEnabled(m_session->isNarrowed());
    m_curation->setBlocked(importing ? tr("Articles are being imported; edit the graph once the import has ended.")
                                     : QString());
    m_curationPanel->setEnabled(!importing);
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    QMessageBox::critical(this, title, message);
}

// --- files

void MainWindow::newDatabase()
{
    QSettings settings;
    QString path = QFileDialog::getSaveFileName(this, tr("New Database"), settings.value(lastFolderKey).toString(),
                                                databaseFileFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".newsgraph");
    settings.setValue(lastFolderKey, QFileInfo(path).absolutePath());
    createDatabaseFile(path);
}

void MainWindow::openDatabase()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Database"),
                                                      settings.value(lastFolderKey).toString(), databaseFileFilter());
    if (path.isEmpty())
        return;
    settings.setValue(lastFolderKey, QFileInfo(path).absolutePath());
    openDatabaseFile(path);
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(recentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maximumRecentFiles)
        recent.removeLast();
    settings.setValue(recentKey, recent);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(recentKey).toStringList();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName(), this,
                                                  [this, path] { openDatabaseFile(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear the List"), this, [] { QSettings().remove(recentKey); });
}

void MainWindow::chooseArticles()
{
    QStringList patterns;
    for (const QString &suffix : DocumentLoader::supportedSuffixes())
        patterns.append(QStringLiteral("*.") + suffix);
    QSettings settings;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Articles"), settings.value(lastFolderKey).toString(),
        tr("Articles (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    if (paths.isEmpty())
        return;
    settings.setValue(lastFolderKey, QFileInfo(paths.first()).absolutePath());
    importArticles(paths);
}

void MainWindow::chooseArticleFolder()
{
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Articles"),
                                                             settings.value(lastFolderKey).toString());
    if (folder.isEmpty())
        return;
    settings.setValue(lastFolderKey, folder);
    importArticles({folder});
}

bool MainWindow::isImporting() const
{
    return m_importer->isRunning();
}

bool MainWindow::importArticles(const QStringList &paths)
{
    if (!m_session->isOpen()) {
        showError(tr("Cannot Import"), tr("Open or create a database first."));
        return false;
    }
    if (isImporting()) {
        showMessage(tr("An import is already running."));
        return false;
    }
    if (m_session->isReadOnly()) {
        showError(tr("Cannot Import"), tr("%1 is read-only (%2): articles cannot be added to it.")
                                           .arg(m_session->displayName(), m_session->readOnlyReason()));
        return false;
    }
    const QString lexicon = m_databasePath.isEmpty() ? QString() : userLexiconFile(m_databasePath);
    const DocumentProcessor *processor = documentProcessor(lexicon);
    if (!processor)
        return false;
    // Nothing else may write while the Ingester holds its transaction.
    m_session->waitForLayout();

    // Window-modal: the window keeps painting and the dialog can cancel, but
    // nothing can reach the database meanwhile.
    m_progress = new QProgressDialog(tr("Reading articles…"), tr("Cancel"), 0, 0, this);
    m_progress->setWindowTitle(tr("Import Articles"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        m_importer->cancel();
        if (m_progress)
            m_progress->setLabelText(tr("Cancelling: the database is being left as it was…"));
    });
    m_importer->start(*m_session->database(), *processor, paths);
    updateActions();
    return true;
}

void MainWindow::importDone(const IngestReport &report)
{
    if (m_progress) {
        m_progress->reset();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    if (Result<void> reloaded = m_session->reload(); !reloaded)
        showError(tr("Cannot Read the Database"), reloaded.error());
    updateActions();
    if (!report.fatalError.isEmpty()) {
        showError(tr("Import Failed"), tr("Nothing was imported: %1").arg(report.fatalError));
    } else if (report.cancelled) {
        showMessage(tr("Import cancelled; the database is unchanged."));
    } else {
        m_canvas->setPlaceholderText(tr("No entity passes the filter."));
        showMessage(tr("Imported %1 of %2 articles; %3 already in the database.")
                        .arg(report.added)
                        .arg(report.added + report.duplicates + report.skipped())
                        .arg(report.duplicates));
        if (!report.errors.isEmpty()) {
            // Which files were skipped and why is worth a dialog: the user
            // has something to fix.
            QStringList lines;
            for (const IngestMessage &error : report.errors)
                lines.append(error.message);
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Some Files Were Skipped"),
                                        report.errors.size() == 1
                                            ? tr("One file could not be imported.")
                                            : tr("%1 files could not be imported.").arg(report.errors.size()),
                                        QMessageBox::Ok, this);
            box->setDetailedText(lines.join(QLatin1Char('\n')));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    }
    Q_EMIT importFinished(report);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        paths.append(url.toLocalFile());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // A database is opened; anything else is read as articles.
    if (paths.size() == 1 && isDatabaseFile(paths.first()))
        openDatabaseFile(paths.first());
    else
        importArticles(paths);
}

const DocumentProcessor *MainWindow::documentProcessor(const QString &userLexicon)
{
    // Whether the file exists is part of the key: a lexicon created next to
    // the database after the processor was made is picked up.
    const QString lexicon = QFileInfo::exists(userLexicon) ? userLexicon : QString();
    if (m_processor && m_processorLexicon == lexicon)
        return &*m_processor;
    m_processor.reset();
    Result<DocumentProcessor> processor
        = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), lexicon, bundledModelDirectory());
    if (!processor) {
        showError(tr("Cannot Load the Lexicons"), processor.error());
        return nullptr;
    }
    m_processor.emplace(std::move(processor).value());
    m_processorLexicon = lexicon;
    return &*m_processor;
}

// --- export

void MainWindow::exportData()
{
    if (!m_session->isOpen())
        return;
    QSettings settings;
    const QString folder = settings.value(lastFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString base = m_databasePath.isEmpty() ? QStringLiteral("newsgraph") : QFileInfo(m_databasePath).completeBaseName();
    ExportDataDialog dialog(QDir(folder).filePath(base), this);
    if (const std::optional<ExportFormat> format = exportFormatFromName(settings.value(QStringLiteral("export/format")).toString()))
        dialog.setFormat(*format);
    else
        dialog.setFormat(ExportFormat::GraphML);
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(QStringLiteral("export/format"), exportFormatName(dialog.format()));
    settings.setValue(lastFolderKey, QFileInfo(dialog.path()).absolutePath());

    // The graph as shown, or everything stored, with its metrics and positions.
    if (m_session->areMetricsPending()) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        m_session->waitForMetrics();
        QGuiApplication::restoreOverrideCursor();
    }
    EntityGraph graph = m_session->graph();
    GraphMetrics metrics = m_session->metrics();
    QSet<qint64> keep;
    if (dialog.wholeDatabase()) {
        GraphFilter everything;
        everything.includeCooccurrence = true;
        everything.includeHidden = true;
        // Read again: the session holds co-occurrences only when shown.
        const Result<GraphData> stored = m_session->repository().graphData();
        if (!stored) {
            showError(tr("Cannot Export Data"), stored.error());
            return;
        }
        graph = EntityGraph::build(*stored, everything);
        Result<GraphMetrics> computed = computeMetrics(graph);
        if (!computed) {
            showError(tr("Cannot Export Data"), computed.error());
            return;
        }
        metrics = std::move(computed).value();
    }
    GraphData data;
    for (qsizetype i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &node = graph.nodes().at(i);
        if (!dialog.wholeDatabase() && !m_session->isDisplayed(node.entityId))
            continue;
        keep.insert(node.entityId);
        data.nodes.append(node);
    }
    for (const GraphEdge &edge : graph.edges()) {
        if (keep.contains(edge.source) && keep.contains(edge.target))
            data.edges.append(edge);
    }
    ExportOptions options;
    options.metrics = metricTable(graph, metrics);
    options.sizeMetric = sizeMetricName(m_session->style().sizeMetric);
    QHash<qint64, QPointF> positions = m_session->positions();
    bool missing = false;
    for (const GraphNode &node : std::as_const(data.nodes))
        missing = missing || !positions.contains(node.entityId);
    if (missing) {
        // Entities never drawn (hidden, filtered) get a place next to the drawn ones.
        LayoutOptions layout;
        layout.initial = positions;
        for (auto it = positions.cbegin(); it != positions.cend(); ++it)
            layout.pinned.insert(it.key());
        if (Result<QHash<qint64, QPointF>> placed = computeLayout(graph, layout); placed)
            positions = placed.value();
    }
    for (const GraphNode &node : std::as_const(data.nodes)) {
        if (positions.contains(node.entityId))
            options.positions.insert(node.entityId, positions.value(node.entityId));
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<void> written = exportGraph(dialog.format(), data, options, dialog.path());
    QApplication::restoreOverrideCursor();
    if (!written) {
        showError(tr("Cannot Export Data"), written.error());
        return;
    }
    showMessage(tr("Exported %n entities to %1.", nullptr, int(data.nodes.size()))
                    .arg(QDir::toNativeSeparators(dialog.path())));
}

void MainWindow::exportImage()
{
    if (m_session->picture().nodes.isEmpty())
        return;
    QSettings settings;
    const QString folder = settings.value(lastFolderKey, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
    const QString base = m_databasePath.isEmpty() ? QStringLiteral("newsgraph") : QFileInfo(m_databasePath).completeBaseName();
    ExportImageDialog dialog(QDir(folder).filePath(base + QStringLiteral(".png")),
                             m_session->picture().bounds().size(), QSizeF(m_canvas->size()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(lastFolderKey, QFileInfo(dialog.path()).absolutePath());
    ImageOptions options;
    if (dialog.currentViewOnly()) {
        options.sceneRect = m_canvas->visibleSceneRect();
        // The view as it looks on screen, magnified by the scale.
        options.pixelSize = (QSizeF(m_canvas->size()) * dialog.scale()).toSize();
    }
    options.scale = dialog.scale();
    options.transparent = dialog.transparent();
    options.legend = dialog.legend();
    if (dialog.keepHighlights()) {
        options.highlights = m_canvas->highlights();
        options.highlights.hoveredNode = 0;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<void> written = NewsGraph::exportImage(m_session->picture(), dialog.format(), options, dialog.path());
    QApplication::restoreOverrideCursor();
    if (!written) {
        showError(tr("Cannot Export the Image"), written.error());
        return;
    }
    showMessage(tr("Saved the picture to %1.").arg(QDir::toNativeSeparators(dialog.path())));
}

void MainWindow::copySentence()
{
    if (m_detailsPanel->copyCurrentSentence())
        showMessage(tr("Copied the sentence with its citation."));
    else
        showMessage(tr("Choose an evidence sentence to copy first."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About NewsGraph"),
                       tr("<h3>NewsGraph %1</h3><p>See who is connected to whom in a pile of news, "
                          "and why: every entity and relation keeps the sentences it came from.</p>")
                           .arg(QStringLiteral(NEWSGRAPH_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isImporting()) {
        // Closing mid-import abandons it; the Ingester rolls back.
        m_importer->cancel();
        m_importer->wait();
    }
    if (m_savesWindowState) {
        QSettings settings;
        settings.setValue(geometryKey, saveGeometry());
        settings.setValue(stateKey, saveState());
    }
    QMainWindow::closeEvent(event);
}

} // namespace NewsGraph
