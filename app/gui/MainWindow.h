#pragma once

#include "core/common/Result.h"
#include "core/extract/EntityType.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Database.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QProgressDialog>

#include <optional>
#include <utility>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;

class QSlider;

namespace NewsGraph {

class ArticleImporter;
class CurationActions;
class CurationPanel;
class DetailsPanel;
class DocumentPanel;
class EntityPanel;
class EntitySelection;
class EntityTableModel;
class GraphCanvas;
class GraphSession;
class PathFinderPanel;
class SearchPanel;

// The NewsGraph explorer: the entity graph in the middle (GraphCanvas), the
// entity table and the search on the left, the details of the selection with
// its evidence and the path finder on the right, the documents below, the
// analyst's edits (CurationActions, with their undo stack) in the Curation
// dock.
// Everything shows one GraphSession, and the canvas and the entity table
// share one selection (EntitySelection); the toolbar sets the session's
// filter, layout and style. The window only wires views to the session and
// runs the file operations (open, import, export) with their dialogs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Each reports a failure in a dialog that names the file and the problem.
    bool openDatabaseFile(const QString &path);
    bool createDatabaseFile(const QString &path);
    bool openSampleCorpus();
    // Starts importing files or folders into the open database, with a
    // progress dialog that can cancel; false when it cannot start.
    // importFinished() reports the end.
    bool importArticles(const QStringList &paths);
    bool isImporting() const;

    // Selects an entity in every view; `centre` brings it to the middle of
    // the canvas. One the filter leaves out is shown in the details only.
    void showEntity(qint64 entityId, bool centre = true);
    void showEdge(qint64 a, qint64 b);
    // Opens a document in the viewer, [start, end) highlighted.
    void showSentence(qint64 documentId, int start, int end);

    // Whether closing saves the window's geometry and dock layout (not for
    // a screenshot run).
    void setSavesWindowState(bool saves) { m_savesWindowState = saves; }

    QString databaseName() const;
    GraphSession *session() const { return m_session; }
    GraphCanvas *canvas() const { return m_canvas; }
    EntityTableModel *entityModel() const { return m_entityModel; }
    EntitySelection *entitySelection() const { return m_selection; }
    EntityPanel *entityPanel() const { return m_entityPanel; }
    DetailsPanel *detailsPanel() const { return m_detailsPanel; }
    PathFinderPanel *pathFinder() const { return m_pathFinder; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    DocumentPanel *documentPanel() const { return m_documentPanel; }
    ArticleImporter *importer() const { return m_importer; }
    CurationActions *curation() const { return m_curation; }
    CurationPanel *curationPanel() const { return m_curationPanel; }
    QProgressDialog *importProgress() const { return m_progress; }
    QAction *typeAction(EntityType type) const { return m_typeActions.value(type); }
    QAction *cooccurrenceAction() const { return m_cooccurrenceAction; }
    QAction *unlinkedAction() const { return m_unlinkedAction; }
    QAction *showHiddenAction() const { return m_showHiddenAction; }
    QSlider *minimumEvidenceSlider() const { return m_evidenceSlider; }
    QComboBox *sizeMetricBox() const { return m_sizeBox; }
    QComboBox *coloringBox() const { return m_colorBox; }
    QComboBox *layoutBox() const { return m_layoutBox; }

Q_SIGNALS:
    void importFinished(const NewsGraph::IngestReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createViews();
    void createDocks();
    void createActions();
    void createToolBars();
    void restoreSettings();
    void connectViews();

    void setDatabase(Database database, const QString &displayName, const QString &path);
    void applyFilter();
    void applyStyle();
    void selectionChanged();
    void clearEdge();
    void updateStatus();
    void updateActions();
    void updateWorkStatus();
    void pictureChanged();

    void showNodeMenu(qint64 entityId, const QPoint &globalPosition);
    void showEdgeMenu(qint64 a, qint64 b, const QPoint &globalPosition);
    void showBackgroundMenu(const QPoint &globalPosition);
    void addEntityActions(QMenu &menu, qint64 entityId);
    void focusOn(qint64 entityId, int hops);
    // Opens a group of the overview (GraphSession::openCommunity()).
    void openGroup(int community);
    void clearFocus();
    void setHidden(qint64 entityId, bool hidden);
    void findPathFrom(qint64 entityId);
    void relayout();

    void newDatabase();
    void openDatabase();
    void chooseArticles();
    void chooseArticleFolder();
    void importDone(const IngestReport &report);
    void exportData();
    void exportImage();
    void copySentence();
    void showAbout();
    void addRecentFile(const QString &path);
    void updateRecentMenu();

    // The document processor: the bundled lexicons plus `userLexicon` (the
    // open database's, see userLexiconFile()). Made on first use and kept for
    // the window's lifetime; made again only for another user lexicon.
    const DocumentProcessor *documentProcessor(const QString &userLexicon);
    void showError(const QString &title, const QString &message);
    void showMessage(const QString &message);

    GraphSession *m_session = nullptr;
    EntityTableModel *m_entityModel = nullptr;
    EntitySelection *m_selection = nullptr;
    GraphCanvas *m_canvas = nullptr;
    EntityPanel *m_entityPanel = nullptr;
    SearchPanel *m_searchPanel = nullptr;
    DetailsPanel *m_detailsPanel = nullptr;
    PathFinderPanel *m_pathFinder = nullptr;
    DocumentPanel *m_documentPanel = nullptr;
    CurationActions *m_curation = nullptr;
    CurationPanel *m_curationPanel = nullptr;
    QDockWidget *m_curationDock = nullptr;
    QDockWidget *m_entityDock = nullptr;
    QDockWidget *m_searchDock = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_pathDock = nullptr;
    QDockWidget *m_documentDock = nullptr;

    ArticleImporter *m_importer = nullptr;
    QPointer<QProgressDialog> m_progress;
    std::optional<DocumentProcessor> m_processor;
    QString m_processorLexicon; // the user lexicon file m_processor was made with
    QString m_databasePath;     // empty for the sample corpus

    QHash<EntityType, QAction *> m_typeActions;
    QAction *m_cooccurrenceAction = nullptr;
    QAction *m_unlinkedAction = nullptr;
    QAction *m_showHiddenAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_importFolderAction = nullptr;
    QAction *m_exportDataAction = nullptr;
    QAction *m_exportImageAction = nullptr;
    QAction *m_relayoutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_clearFocusAction = nullptr;
    QAction *m_overviewAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findPathAction = nullptr;
    QAction *m_copyAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QComboBox *m_layoutBox = nullptr;
    QComboBox *m_sizeBox = nullptr;
    QComboBox *m_colorBox = nullptr;
    QSlider *m_evidenceSlider = nullptr;
    QLabel *m_evidenceLabel = nullptr;
    QLabel *m_graphStatus = nullptr;
    QLabel *m_selectionStatus = nullptr;
    QLabel *m_workStatus = nullptr; // what runs in the background
    QLabel *m_readOnlyStatus = nullptr; // shown for a project this user cannot write

    std::pair<qint64, qint64> m_selectedEdge{0, 0};
    bool m_fitAfterLayout = false;
    bool m_savesWindowState = true;
    bool m_restoringSettings = false;
    bool m_sizeDocksOnShow = false; // no saved window state: first run
};

} // namespace NewsGraph
