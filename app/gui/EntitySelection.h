#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

class QItemSelectionModel;

namespace NewsGraph {

class EntityTableModel;
class GraphCanvas;

// The one selection of entities every view shares: a QItemSelectionModel
// over the EntityTableModel (the entity table uses it as its own), bridged to
// the canvas, which has no item model: the canvas's user selections
// (nodeSelectionChanged) become row selections, and every change of the row
// selection, whoever made it, is handed to the canvas (setSelectedNodes, which
// emits nothing, so nothing echoes). Other views (search, document viewer,
// path finder) select through selectEntities().
//
// The model is reset whenever the graph is rebuilt (a filter, a focus); the
// selected entities still shown are selected again after it.
class EntitySelection : public QObject
{
    Q_OBJECT

public:
    explicit EntitySelection(EntityTableModel *model, QObject *parent = nullptr);

    QItemSelectionModel *selectionModel() const { return m_selection; }
    void attachCanvas(GraphCanvas *canvas);

    QSet<qint64> selectedEntities() const;
    // The entity last selected (the current row), 0 when none is selected.
    qint64 currentEntity() const;
    // Selects exactly `entities` (those the model shows), `current` becoming
    // the current row (0: keep it if still selected, else any of them).
    void selectEntities(const QSet<qint64> &entities, qint64 current = 0);
    void selectEntity(qint64 entityId) { selectEntities({entityId}, entityId); }
    void clear() { selectEntities({}); }

Q_SIGNALS:
    // The selected entities changed, from whichever view.
    void changed();

private:
    void modelAboutToBeReset();
    void modelReset();
    void selectionChanged();

    EntityTableModel *m_model = nullptr;
    QItemSelectionModel *m_selection = nullptr;
    QPointer<GraphCanvas> m_canvas;
    QSet<qint64> m_lastSelected; // to tell real changes from no-ops
    QSet<qint64> m_beforeReset;
    qint64 m_currentBeforeReset = 0;
    bool m_resetting = false;
};

} // namespace NewsGraph
