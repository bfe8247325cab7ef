#include "app/gui/EditLogModel.h"

#include <QDateTime>
#include <QLocale>

namespace NewsGraph {

EditLogModel::EditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EditLogModel::setEdits(const QList<EditRecord> &edits)
{
    beginResetModel();
    m_edits = edits;
    endResetModel();
}

int EditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_edits.size());
}

int EditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_edits.size())
        return {};
    const EditRecord &edit = m_edits.at(index.row());
    if (role == EditIdRole)
        return edit.id;
    if (role == Qt::TextAlignmentRole && index.column() == NumberColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("Edit %1, %2: %3").arg(edit.id).arg(edit.kind, edit.summary);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NumberColumn:
        return edit.id;
    case MadeColumn: {
        const QDateTime made = QDateTime::fromString(edit.madeAt, Qt::ISODateWithMs);
        return made.isValid() ? QLocale().toString(made.toLocalTime(), QLocale::ShortFormat) : edit.madeAt;
    }
    case SummaryColumn:
        return edit.summary;
    default:
        return {};
    }
}

QVariant EditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case MadeColumn:
        return tr("Made");
    case SummaryColumn:
        return tr("Edit");
    default:
        return {};
    }
}

} // namespace NewsGraph
