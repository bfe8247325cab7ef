#include "app/gui/MainWindow.h"

#include "app/gui/DocumentTableModel.h"
#include "app/gui/SentenceTableModel.h"
#include "core/pipeline/BundledCorpus.h"
#include "core/pipeline/Ingester.h"
#include "core/store/Repository.h"
#include "core/text/DocumentLoader.h"

#include <QApplication>
#include <QCloseEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTextBlock>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace NewsGraph {

namespace {

QTableView *makeTableView(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QString databaseFileFilter()
{
    return MainWindow::tr("NewsGraph databases (*.newsgraph *.db *.sqlite);;All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_documentModel(new DocumentTableModel(this))
    , m_documentProxy(new QSortFilterProxyModel(this))
    , m_sentenceModel(new SentenceTableModel(this))
{
    setWindowTitle(tr("NewsGraph"));
    setWindowIcon(QIcon::fromTheme(QStringLiteral("newsgraph"),
                                   QIcon::fromTheme(QStringLiteral("applications-science"))));
    m_documentProxy->setSourceModel(m_documentModel);
    m_documentProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_documentProxy->setFilterKeyColumn(-1); // any column
    m_documentProxy->setSortRole(Qt::DisplayRole);

    createWidgets();
    createActions();

    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets()
{
    auto *documentsPane = new QWidget(this);
    auto *documentsLayout = new QVBoxLayout(documentsPane);
    documentsLayout->setContentsMargins(0, 0, 0, 0);
    m_filterEdit = new QLineEdit(documentsPane);
    m_filterEdit->setPlaceholderText(tr("Filter documents…"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setToolTip(tr("Show only the documents whose title, date, language or file name contains this text"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_documentProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_documentView = makeTableView(documentsPane);
    m_documentView->setModel(m_documentProxy);
    m_documentView->setSortingEnabled(true);
    m_documentView->sortByColumn(DocumentTableModel::FileColumn, Qt::AscendingOrder);
    // The title is what people read: it takes the room the short columns
    // leave; file names get a modest column.
    QHeaderView *documentHeader = m_documentView->horizontalHeader();
    documentHeader->setSectionResizeMode(DocumentTableModel::TitleColumn, QHeaderView::Stretch);
    for (int column : {int(DocumentTableModel::DateColumn), int(DocumentTableModel::LanguageColumn),
                       int(DocumentTableModel::SentencesColumn)})
        documentHeader->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    documentHeader->setSectionResizeMode(DocumentTableModel::FileColumn, QHeaderView::Interactive);
    documentHeader->resizeSection(DocumentTableModel::FileColumn, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 16);
    documentsLayout->addWidget(m_filterEdit);
    documentsLayout->addWidget(m_documentView);

    m_sentenceView = makeTableView(this);
    m_sentenceView->setModel(m_sentenceModel);
    QHeaderView *sentenceHeader = m_sentenceView->horizontalHeader();
    sentenceHeader->setSectionResizeMode(SentenceTableModel::IndexColumn, QHeaderView::ResizeToContents);
    sentenceHeader->setSectionResizeMode(SentenceTableModel::OffsetsColumn, QHeaderView::ResizeToContents);
    sentenceHeader->setSectionResizeMode(SentenceTableModel::TextColumn, QHeaderView::Stretch);

    auto *textPane = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPane);
    textLayout->setContentsMargins(0, 0, 0, 0);
    m_documentHeading = new QLabel(textPane);
    m_documentHeading->setWordWrap(true);
    m_documentHeading->setTextFormat(Qt::RichText);
    m_documentHeading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_textView = new QPlainTextEdit(textPane);
    m_textView->setReadOnly(true);
    m_textView->setPlaceholderText(tr("Choose a document to read it here."));
    textLayout->addWidget(m_documentHeading);
    textLayout->addWidget(m_textView);

    auto *readingSplitter = new QSplitter(Qt::Vertical, this);
    readingSplitter->addWidget(m_sentenceView);
    readingSplitter->addWidget(textPane);
    readingSplitter->setStretchFactor(0, 1);
    readingSplitter->setStretchFactor(1, 1);

    auto *mainSplitter = new QSplitter(Qt::Horizontal, this);
    mainSplitter->addWidget(documentsPane);
    mainSplitter->addWidget(readingSplitter);
    mainSplitter->setStretchFactor(0, 1);
    mainSplitter->setStretchFactor(1, 1);
    mainSplitter->setSizes({620, 660});
    setCentralWidget(mainSplitter);

    m_statusLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusLabel);

    connect(m_documentView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showDocument(current); });
    connect(m_sentenceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showSentence(current); });
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *newAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-new")),
                                             tr("&New Database…"), this, &MainWindow::newDatabase);
    newAction->setShortcut(QKeySequence::New);
    newAction->setStatusTip(tr("Create an empty project database"));
    QAction *openAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-open")),
                                              tr("&Open Database…"), this, &MainWindow::openDatabase);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open an existing project database"));
    QAction *importAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-import")),
                                                tr("&Import Articles…"), this, &MainWindow::chooseArticles);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setStatusTip(tr("Read article files (.txt, .md, .html) into the open database"));
    fileMenu->addAction(tr("Open &Sample Corpus"), this, &MainWindow::openSampleCorpus)
        ->setStatusTip(tr("Browse the bundled sample articles"));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")),
                                              tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *filterAction = editMenu->addAction(tr("&Filter Documents"), this, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    filterAction->setShortcut(QKeySequence::Find);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About NewsGraph"), this, &MainWindow::showAbout);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(openAction);
    toolBar->addAction(importAction);
}

bool MainWindow::openDatabaseFile(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        showError(tr("Cannot Open Database"), tr("%1: no such file.").arg(path));
        return false;
    }
    Result<Database> database = Database::open(path);
    if (!database) {
        showError(tr("Cannot Open Database"), database.error());
        return false;
    }
    setDatabase(std::move(database).value(), QFileInfo(path).fileName());
    return true;
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
    setDatabase(std::move(database).value(), tr("Sample corpus"));
    return true;
}

void MainWindow::setDatabase(Database database, const QString &displayName)
{
    m_database.emplace(std::move(database));
    m_databaseName = displayName;
    setWindowTitle(tr("%1 — NewsGraph").arg(displayName));
    reload();
    if (m_documentProxy->rowCount() > 0)
        m_documentView->selectRow(0);
}

void MainWindow::reload()
{
    m_sentenceModel->clear();
    m_textView->clear();
    m_documentHeading->clear();
    if (!m_database) {
        m_documentModel->clear();
        updateStatus();
        return;
    }
    if (const Result<void> loaded = m_documentModel->load(Repository(*m_database)); !loaded)
        showError(tr("Cannot Read the Database"), loaded.error());
    updateStatus();
}

void MainWindow::showDocument(const QModelIndex &proxyIndex)
{
    m_sentenceModel->clear();
    m_textView->clear();
    m_documentHeading->clear();
    if (!proxyIndex.isValid() || !m_database)
        return;
    const DocumentRecord &document = m_documentModel->document(m_documentProxy->mapToSource(proxyIndex).row());
    const Repository repository(*m_database);
    if (const Result<void> loaded = m_sentenceModel->load(repository, document.id); !loaded) {
        showError(tr("Cannot Read the Database"), loaded.error());
        return;
    }
    const Result<QString> text = repository.documentText(document.id);
    if (!text) {
        showError(tr("Cannot Read the Database"), text.error());
        return;
    }
    const QString date = document.date.isValid() ? QLocale().toString(document.date, QLocale::LongFormat)
                                                 : tr("Date unknown");
    m_documentHeading->setText(QStringLiteral("<b>%1</b><br>%2 · %3 · %4")
                                   .arg(document.title.toHtmlEscaped(), date.toHtmlEscaped(),
                                        QLocale::languageToString(QLocale(document.language).language()),
                                        document.fileName.toHtmlEscaped()));
    m_textView->setPlainText(text.value());
    updateStatus();
}

void MainWindow::showSentence(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_textView->setExtraSelections({});
        return;
    }
    const SentenceRecord &sentence = m_sentenceModel->sentence(index.row());
    // QPlainTextEdit positions count one per UTF-16 code unit and one per line
    // break, exactly like the stored offsets, so they can be used as they are.
    QTextEdit::ExtraSelection highlight;
    highlight.cursor = QTextCursor(m_textView->document());
    highlight.cursor.setPosition(sentence.start);
    highlight.cursor.setPosition(sentence.end, QTextCursor::KeepAnchor);
    QColor background = palette().color(QPalette::Highlight);
    background.setAlpha(90);
    highlight.format.setBackground(background);
    m_textView->setExtraSelections({highlight});

    QTextCursor visible(m_textView->document());
    visible.setPosition(sentence.end);
    m_textView->setTextCursor(visible);
    visible.setPosition(sentence.start);
    m_textView->setTextCursor(visible);
    m_textView->ensureCursorVisible();
}

void MainWindow::updateStatus()
{
    if (!m_database) {
        m_statusLabel->setText(tr("No database open"));
        return;
    }
    const int documents = m_documentModel->rowCount();
    const int sentences = m_documentModel->totalSentences();
    m_statusLabel->setText(tr("%1 · %2 · %3")
                               .arg(m_databaseName,
                                    documents == 1 ? tr("1 document") : tr("%1 documents").arg(documents),
                                    sentences == 1 ? tr("1 sentence") : tr("%1 sentences").arg(sentences)));
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
        = DocumentProcessor::fromDirectory(bundledLexiconDirectory(), lexicon);
    if (!processor) {
        showError(tr("Cannot Load the Lexicons"), processor.error());
        return nullptr;
    }
    m_processor.emplace(std::move(processor).value());
    m_processorLexicon = lexicon;
    return &*m_processor;
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    QMessageBox::critical(this, title, message);
}

void MainWindow::newDatabase()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Database"), QString(), databaseFileFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".newsgraph");
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        // The save dialog already asked whether to replace it.
        showError(tr("Cannot Create Database"), tr("%1: the existing file could not be replaced.").arg(path));
        return;
    }
    Result<Database> database = Database::open(path);
    if (!database) {
        showError(tr("Cannot Create Database"), database.error());
        return;
    }
    setDatabase(std::move(database).value(), QFileInfo(path).fileName());
}

void MainWindow::openDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Database"), QString(), databaseFileFilter());
    if (!path.isEmpty())
        openDatabaseFile(path);
}

void MainWindow::chooseArticles()
{
    QStringList patterns;
    for (const QString &suffix : DocumentLoader::supportedSuffixes())
        patterns.append(QStringLiteral("*.") + suffix);
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import Articles"), QString(),
        tr("Articles (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    if (!paths.isEmpty())
        importArticles(paths);
}

void MainWindow::importArticles(const QStringList &paths)
{
    if (!m_database) {
        showError(tr("Cannot Import"), tr("Open or create a database first."));
        return;
    }
    const DocumentProcessor *processor = documentProcessor(userLexiconFile(m_database->path()));
    if (!processor)
        return;

    QProgressDialog progress(tr("Reading articles…"), tr("Cancel"), 0, 0, this);
    progress.setWindowTitle(tr("Import Articles"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    std::atomic_bool cancel = false;
    connect(&progress, &QProgressDialog::canceled, this, [&cancel] { cancel = true; });

    // Reading and storing run on a worker thread so the window stays
    // responsive; the modal dialog keeps the database to the worker meanwhile.
    Ingester ingester(*m_database, *processor);
    const auto onProgress = [&progress](int done, int total, const QString &path) {
        QMetaObject::invokeMethod(&progress, [&progress, done, total, path] {
            progress.setMaximum(total);
            progress.setValue(done);
            progress.setLabelText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
        }, Qt::QueuedConnection);
    };
    QFutureWatcher<IngestReport> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<IngestReport>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&] { return ingester.ingest(paths, onProgress, &cancel); }));
    loop.exec();
    progress.reset();
    const IngestReport report = watcher.result();

    reload();
    if (!report.fatalError.isEmpty()) {
        showError(tr("Import Failed"), tr("Nothing was imported: %1").arg(report.fatalError));
        return;
    }
    if (report.cancelled) {
        statusBar()->showMessage(tr("Import cancelled; the database is unchanged."), 10000);
        return;
    }
    statusBar()->showMessage(tr("Imported %1 of %2 articles; %3 already in the database.")
                                 .arg(report.added)
                                 .arg(report.added + report.duplicates + report.skipped())
                                 .arg(report.duplicates),
                             10000);
    if (!report.errors.isEmpty()) {
        QStringList lines;
        for (const IngestMessage &error : report.errors)
            lines.append(error.message);
        QMessageBox box(QMessageBox::Warning, tr("Some Files Were Skipped"),
                        report.errors.size() == 1 ? tr("One file could not be imported.")
                                                  : tr("%1 files could not be imported.").arg(report.errors.size()),
                        QMessageBox::Ok, this);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.exec();
    }
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
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace NewsGraph
