#include "app/gui/RelationTableModel.h"

#include "app/gui/GraphSession.h"
#include "app/gui/Presentation.h"

#include <QFont>

#include <algorithm>

namespace NewsGraph {

RelationTableModel::RelationTableModel(GraphSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(m_session, &GraphSession::graphChanged, this, [this] { setEntity(m_entity); });
}

void RelationTableModel::setEntity(qint64 entityId)
{
    beginResetModel();
    m_entity = entityId;
    m_rows.clear();
    if (entityId != 0) {
        for (const GraphEdge &edge : m_session->graph().edges()) {
            if (edge.source != entityId && edge.target != entityId)
                continue;
            Row row;
            row.other = edge.source == entityId ? edge.target : edge.source;
            const GraphNode *other = m_session->node(row.other);
            row.name = other ? other->name : QString::number(row.other);
            row.relations = predicatesAlong(edge, entityId);
            row.evidence = edge.evidenceCount;
            row.cooccurrence = edge.cooccurrenceOnly;
            m_rows.append(row);
        }
        std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
            if (a.cooccurrence != b.cooccurrence)
                return !a.cooccurrence; // stated relations before mere co-occurrence
            if (a.evidence != b.evidence)
                return a.evidence > b.evidence;
            return a.name.localeAwareCompare(b.name) < 0;
        });
    }
    endResetModel();
}

int RelationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RelationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RelationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OtherColumn:
            return row.name;
        case RelationColumn:
            return row.relations.join(QStringLiteral(", "));
        case EvidenceColumn:
            return row.evidence;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == OtherColumn) {
            if (const GraphNode *other = m_session->node(row.other))
                return swatchIcon(colorForType(other->type));
        }
        break;
    case Qt::ToolTipRole:
        return tr("%1 — %2\n%n sentence(s). Click to read them.", nullptr, row.evidence)
            .arg(row.name, row.relations.join(QStringLiteral(", ")));
    case Qt::TextAlignmentRole:
        if (index.column() == EvidenceColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (row.cooccurrence) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case OtherEntityRole:
        return row.other;
    }
    return {};
}

QVariant RelationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case OtherColumn:
        return tip ? tr("The entity at the other end of the link") : tr("Linked to");
    case RelationColumn:
        return tip ? tr("What the articles say, read from the selected entity: → it is the subject, "
                        "← the object")
                   : tr("Relation");
    case EvidenceColumn:
        return tip ? tr("Sentences stating it") : tr("Sent.");
    }
    return {};
}

} // namespace NewsGraph
