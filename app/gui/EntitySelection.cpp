#include "app/gui/EntitySelection.h"

#include "app/gui/EntityTableModel.h"
#include "app/gui/GraphCanvas.h"

#include <QItemSelectionModel>

namespace NewsGraph {

EntitySelection::EntitySelection(EntityTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_selection(new QItemSelectionModel(model, this))
{
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &EntitySelection::modelAboutToBeReset);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EntitySelection::modelReset);
    connect(m_selection, &QItemSelectionModel::selectionChanged, this, &EntitySelection::selectionChanged);
}

void EntitySelection::attachCanvas(GraphCanvas *canvas)
{
    m_canvas = canvas;
    connect(canvas, &GraphCanvas::nodeSelectionChanged, this, [this](const QSet<qint64> &nodes) {
        // The entity the user just added is the one to show; a click that
        // only removed some keeps the current one if it is still there.
        qint64 current = 0;
        for (const qint64 id : nodes) {
            if (!m_lastSelected.contains(id)) {
                current = id;
                break;
            }
        }
        selectEntities(nodes, current);
    });
    canvas->setSelectedNodes(selectedEntities());
}

QSet<qint64> EntitySelection::selectedEntities() const
{
    QSet<qint64> entities;
    for (const QModelIndex &row : m_selection->selectedRows())
        entities.insert(m_model->entityId(row.row()));
    return entities;
}

qint64 EntitySelection::currentEntity() const
{
    const QModelIndex current = m_selection->currentIndex();
    if (current.isValid() && m_selection->isRowSelected(current.row()))
        return m_model->entityId(current.row());
    const QModelIndexList rows = m_selection->selectedRows();
    return rows.isEmpty() ? 0 : m_model->entityId(rows.first().row());
}

void EntitySelection::selectEntities(const QSet<qint64> &entities, qint64 current)
{
    QItemSelection selection;
    QModelIndex currentIndex;
    const int lastColumn = m_model->columnCount() - 1;
    for (const qint64 id : entities) {
        const int row = m_model->rowOfEntity(id);
        if (row < 0)
            continue;
        selection.select(m_model->index(row, 0), m_model->index(row, lastColumn));
        if (id == current)
            currentIndex = m_model->index(row, 0);
    }
    if (!currentIndex.isValid()) {
        const QModelIndex kept = m_selection->currentIndex();
        if (kept.isValid() && entities.contains(m_model->entityId(kept.row())))
            currentIndex = kept;
        else if (!selection.isEmpty())
            currentIndex = selection.first().topLeft();
    }
    // Setting the current index first and the selection second makes one
    // selectionChanged() carry the final state.
    if (currentIndex.isValid() && currentIndex != m_selection->currentIndex())
        m_selection->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    m_selection->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (selection.isEmpty())
        m_selection->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
}

void EntitySelection::modelAboutToBeReset()
{
    m_beforeReset = selectedEntities();
    m_currentBeforeReset = currentEntity();
    m_resetting = true;
}

void EntitySelection::modelReset()
{
    m_resetting = false;
    selectEntities(m_beforeReset, m_currentBeforeReset);
    // The reset itself cleared the selection without a signal: report the
    // outcome if it differs from what the views last heard.
    selectionChanged();
}

void EntitySelection::selectionChanged()
{
    if (m_resetting)
        return;
    const QSet<qint64> selected = selectedEntities();
    if (m_canvas)
        m_canvas->setSelectedNodes(selected);
    if (selected == m_lastSelected)
        return;
    m_lastSelected = selected;
    Q_EMIT changed();
}

} // namespace NewsGraph
