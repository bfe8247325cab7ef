#include "app/gui/PathModel.h"

#include "app/gui/EvidenceListModel.h"

#include <QFont>

namespace NewsGraph {

namespace {

// Internal ids: 0 for hop rows, hop + 1 for their sentences.
constexpr quintptr hopId = 0;

} // namespace

PathModel::PathModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void PathModel::setHops(const QList<Hop> &hops)
{
    beginResetModel();
    m_hops = hops;
    endResetModel();
}

QList<qint64> PathModel::entities() const
{
    QList<qint64> entities;
    for (const Hop &hop : m_hops) {
        if (entities.isEmpty())
            entities.append(hop.hop.from);
        entities.append(hop.hop.to);
    }
    return entities;
}

QModelIndex PathModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, 0, hopId);
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex PathModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == hopId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, hopId);
}

int PathModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_hops.size());
    if (parent.internalId() != hopId || parent.column() != 0)
        return 0;
    return int(m_hops.at(parent.row()).evidence.size());
}

int PathModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags PathModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != hopId)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant PathModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() != hopId)
        return EvidenceListModel::itemData(m_hops.at(int(index.internalId() - 1)).evidence.at(index.row()), role);
    const Hop &hop = m_hops.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1. %2 — %3 — %4 (%n sentence(s))", nullptr, hop.hop.evidenceCount)
            .arg(index.row() + 1)
            .arg(hop.fromName, hop.readings.join(QStringLiteral(", ")), hop.toName);
    case EvidenceListModel::HeadingRole:
        return tr("%1. <b>%2</b> %3 <b>%4</b> <small>(%n sentence(s))</small>", nullptr, hop.hop.evidenceCount)
            .arg(index.row() + 1)
            .arg(hop.fromName.toHtmlEscaped(), hop.readings.join(QStringLiteral(", ")).toHtmlEscaped(),
                 hop.toName.toHtmlEscaped());
    case Qt::ToolTipRole:
        return tr("How %1 is linked to %2").arg(hop.fromName, hop.toName);
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case HopFromRole:
        return hop.hop.from;
    case HopToRole:
        return hop.hop.to;
    }
    return {};
}

} // namespace NewsGraph
