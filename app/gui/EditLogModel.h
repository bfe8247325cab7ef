#pragma once

#include "core/store/Records.h"

#include <QAbstractTableModel>

namespace NewsGraph {

// The project's edit log (Curator::edits()), one row per edit, oldest first:
// its number, when it was made (local time) and what it did.
class EditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NumberColumn, MadeColumn, SummaryColumn, ColumnCount };
    enum Role { EditIdRole = Qt::UserRole + 1 };

    explicit EditLogModel(QObject *parent = nullptr);

    void setEdits(const QList<EditRecord> &edits);
    const EditRecord &edit(int row) const { return m_edits.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<EditRecord> m_edits;
};

} // namespace NewsGraph
