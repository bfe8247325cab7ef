#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

namespace NewsGraph {

class GraphSession;
class SearchResultModel;

// Search as you type: entities by name or alias, and the sentences of the
// articles (full text). Choosing an entity selects and centres it
// (entityChosen); choosing a sentence opens its document there
// (sentenceChosen).
class SearchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SearchPanel(GraphSession *session, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_field; }
    QTreeView *resultView() const { return m_view; }
    SearchResultModel *resultModel() const { return m_model; }
    // Searches at once (typing waits for a pause).
    void search();
    // Focuses the field with its text selected.
    void activate();

Q_SIGNALS:
    void entityChosen(qint64 entityId);
    void sentenceChosen(qint64 documentId, int start, int end);
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);

    GraphSession *m_session = nullptr;
    SearchResultModel *m_model = nullptr;
    QLineEdit *m_field = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_delay = nullptr;
};

} // namespace NewsGraph
