#pragma once

#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace NewsGraph {

class DocumentTableModel;
class DocumentView;
class GraphSession;

// The documents of the project and the one being read: a filterable list of
// documents (title, date, language, sentences, file) beside a DocumentView of
// the chosen one, under a heading with its title, date and source.
class DocumentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentPanel(GraphSession *session, QWidget *parent = nullptr);

    // Shows the document (and selects it in the list); with a range, that
    // sentence highlighted and scrolled to.
    void showDocument(qint64 documentId, int start = -1, int end = -1);
    qint64 documentId() const;
    void setEmphasizedEntities(const QSet<qint64> &entities);

    DocumentTableModel *documentModel() const { return m_model; }
    QTableView *documentList() const { return m_list; }
    DocumentView *documentView() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

    // The size a dock first gets: a dozen lines of text under the graph.
    QSize sizeHint() const override;

Q_SIGNALS:
    void entityClicked(qint64 entityId);
    void errorOccurred(const QString &message);

private:
    void reload();
    void showCurrent();

    GraphSession *m_session = nullptr;
    DocumentTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_list = nullptr;
    QLabel *m_heading = nullptr;
    DocumentView *m_view = nullptr;
    bool m_showing = false; // showDocument() is choosing the row: do not load twice
};

} // namespace NewsGraph
