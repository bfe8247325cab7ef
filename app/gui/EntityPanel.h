#pragma once

#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;
class QTableView;

namespace NewsGraph {

class EntitySelection;
class EntityTableModel;

// The entity table: a filter field completing names and aliases above a
// sortable table of the entities the graph shows (name, type, mentions,
// links, group; the header's context menu hides and shows all but the name). The table selects through the shared EntitySelection; the
// filter hides the rows that do not match rather than going through a proxy,
// so that the selection model stays the one over EntityTableModel.
class EntityPanel : public QWidget
{
    Q_OBJECT

public:
    EntityPanel(EntityTableModel *model, EntitySelection *selection, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *tableView() const { return m_table; }
    int visibleRowCount() const;

    // The size a dock first gets: room for the five columns with a readable name.
    QSize sizeHint() const override;

    // Shows or hides a column other than the name (remembered in QSettings).
    void setColumnShown(int column, bool shown);

Q_SIGNALS:
    // Double-click or Enter on a row: centre the graph on it (in the
    // overview of groups, open its neighbourhood).
    void entityActivated(qint64 entityId);

private:
    static QList<int> hiddenColumns();
    void showColumnMenu(const QPoint &position);
    void applyFilter();
    void updateCompletions();

    EntityTableModel *m_model = nullptr;
    QLineEdit *m_filter = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_completions = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace NewsGraph
