#include "app/gui/CurationPanel.h"

#include "app/gui/EditLogModel.h"
#include "app/gui/GraphSession.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace NewsGraph {

CurationPanel::CurationPanel(GraphSession *session, QUndoStack *stack, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new EditLogModel(this))
    , m_history(new QUndoView(stack, this))
    , m_log(new QTableView(this))
    , m_count(new QLabel(this))
    , m_undo(new QPushButton(tr("&Undo This Edit"), this))
{
    m_history->setEmptyLabel(tr("<project as read>"));
    m_history->setToolTip(tr("Click a step to go back (or forward) to it; Ctrl+Z and Ctrl+Shift+Z do the same"));

    m_log->setModel(m_model);
    m_log->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_log->setSelectionMode(QAbstractItemView::SingleSelection);
    m_log->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_log->verticalHeader()->hide();
    m_log->horizontalHeader()->setStretchLastSection(true);
    m_log->setWordWrap(false);
    m_undo->setToolTip(tr("Undo the selected edit alone, if no later change stands in its way"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new QLabel(tr("Undo history"), this));
    layout->addWidget(m_history, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_log, 2);
    layout->addWidget(m_undo, 0, Qt::AlignRight);

    connect(m_undo, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_log->currentIndex();
        if (current.isValid())
            Q_EMIT undoRequested(m_model->edit(current.row()).id);
    });
    connect(m_log->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CurationPanel::updateButton);
    connect(m_session, &GraphSession::editsChanged, this, &CurationPanel::refresh);
    connect(m_session, &GraphSession::databaseChanged, this, &CurationPanel::refresh);
    refresh();
}

void CurationPanel::refresh()
{
    const Result<QList<EditRecord>> edits = m_session->edits();
    m_model->setEdits(edits ? *edits : QList<EditRecord>());
    m_log->resizeColumnToContents(EditLogModel::NumberColumn);
    m_log->resizeColumnToContents(EditLogModel::MadeColumn);
    m_count->setText(edits ? tr("%n edit(s) in this project", nullptr, int(edits->size()))
                           : tr("The edit log cannot be read: %1").arg(edits.error()));
    updateButton();
}

void CurationPanel::updateButton()
{
    m_undo->setEnabled(m_log->currentIndex().isValid() && !m_session->isReadOnly());
}

} // namespace NewsGraph
