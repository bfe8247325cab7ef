#pragma once

#include "core/common/Result.h"
#include "core/pipeline/DocumentProcessor.h"
#include "core/store/Database.h"

#include <QMainWindow>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace NewsGraph {

class DocumentTableModel;
class SentenceTableModel;

// The NewsGraph main window. For now it browses a project's documents and
// their sentences: pick a document on the left, its sentences are listed on
// the right and picking one shows it highlighted in the document's text.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Both report failures in a dialog that names the file and the problem.
    bool openDatabaseFile(const QString &path);
    bool openSampleCorpus();
    void importArticles(const QStringList &paths);

    QString databaseName() const { return m_databaseName; }
    DocumentTableModel *documentModel() const { return m_documentModel; }
    SentenceTableModel *sentenceModel() const { return m_sentenceModel; }
    QTableView *documentView() const { return m_documentView; }
    QTableView *sentenceView() const { return m_sentenceView; }
    QPlainTextEdit *textView() const { return m_textView; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createWidgets();
    void setDatabase(Database database, const QString &displayName);
    void reload();
    void showDocument(const QModelIndex &proxyIndex);
    void showSentence(const QModelIndex &index);
    void updateStatus();
    // The document processor: the bundled lexicons plus `userLexicon` (the
    // open database's, see userLexiconFile()). Made on first use and kept for
    // the window's lifetime; made again only for another user lexicon.
    const DocumentProcessor *documentProcessor(const QString &userLexicon);
    void showError(const QString &title, const QString &message);

    void newDatabase();
    void openDatabase();
    void chooseArticles();
    void showAbout();

    std::optional<Database> m_database;
    std::optional<DocumentProcessor> m_processor;
    QString m_processorLexicon; // the user lexicon file m_processor was made with
    QString m_databaseName;

    DocumentTableModel *m_documentModel = nullptr;
    QSortFilterProxyModel *m_documentProxy = nullptr;
    SentenceTableModel *m_sentenceModel = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_documentView = nullptr;
    QTableView *m_sentenceView = nullptr;
    QLabel *m_documentHeading = nullptr;
    QPlainTextEdit *m_textView = nullptr;
    QLabel *m_statusLabel = nullptr;
};

} // namespace NewsGraph
