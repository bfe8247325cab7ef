#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QUndoStack;
class QUndoView;

namespace NewsGraph {

class EditLogModel;
class GraphSession;

// The "Curation" dock: the undo history of the explorer's edits (QUndoView
// over the window's QUndoStack: clicking a row goes back or forth to it),
// and below it every edit the project's log holds, the earlier sessions'
// too, each of which can be undone on its own where later changes allow
// (undoRequested()).
class CurationPanel : public QWidget
{
    Q_OBJECT

public:
    CurationPanel(GraphSession *session, QUndoStack *stack, QWidget *parent = nullptr);

    // Reads the log again (after an edit, an undo, another project).
    void refresh();
    EditLogModel *logModel() const { return m_model; }
    QTableView *logView() const { return m_log; }
    QUndoView *historyView() const { return m_history; }
    QPushButton *undoButton() const { return m_undo; }

Q_SIGNALS:
    void undoRequested(qint64 editId);

private:
    void updateButton();

    GraphSession *m_session = nullptr;
    EditLogModel *m_model = nullptr;
    QUndoView *m_history = nullptr;
    QTableView *m_log = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_undo = nullptr;
};

} // namespace NewsGraph
