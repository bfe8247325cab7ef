#include "app/gui/EntityTableModel.h"

#include "app/gui/GraphSession.h"
#include "app/gui/Presentation.h"
#include "core/extract/Lexicon.h"

#include <QCollator>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QSet>

#include <algorithm>

namespace NewsGraph {

EntityTableModel::EntityTableModel(GraphSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(m_session, &GraphSession::graphChanged, this, &EntityTableModel::reload);
    connect(m_session, &GraphSession::metricsChanged, this, &EntityTableModel::updateMetrics);
    // Colours follow the style (by type or by community).
    connect(m_session, &GraphSession::pictureChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn), {Qt::DecorationRole});
    });
    reload();
}

void EntityTableModel::reload()
{
    const EntityGraph &graph = m_session->graph();
    const GraphMetrics &metrics = m_session->metrics();
    QList<Row> rows;
    rows.reserve(m_session->displayedNodes().size());
    for (const qsizetype index : m_session->displayedNodes()) {
        const GraphNode &node = graph.nodes().at(index);
        Row row;
        row.entityId = node.entityId;
        row.name = node.name;
        row.type = node.type;
        row.aliases = node.aliases;
        row.folded.append(foldName(node.name));
        for (const QString &alias : node.aliases)
            row.folded.append(foldName(alias));
        row.mentions = node.mentions;
        row.documents = int(node.documentIds.size());
        row.hidden = node.hidden;
        if (index < metrics.nodes.size())
            row.setMetrics(metrics.nodes.at(index));
        rows.append(row);
    }
    if (m_sortColumn >= 0)
        sortRows(rows);
    beginResetModel();
    m_rows = std::move(rows);
    m_rowOf.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows.at(row).entityId, row);
    endResetModel();
}

void EntityTableModel::Row::setMetrics(const NodeMetrics &metrics)
{
    degree = metrics.degree;
    community = metrics.community;
    pageRank = metrics.pageRank;
    betweenness = metrics.betweenness;
}

void EntityTableModel::updateMetrics()
{
    // Same graph, same rows: the values change in place, so that the
    // table keeps its scroll position and selection.
    if (m_rows.isEmpty())
        return;
    const EntityGraph &graph = m_session->graph();
    const GraphMetrics &metrics = m_session->metrics();
    for (Row &row : m_rows) {
        const qsizetype index = graph.indexOf(row.entityId);
        if (index >= 0 && index < metrics.nodes.size())
            row.setMetrics(metrics.nodes.at(index));
    }
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    if (m_sortColumn == CommunityColumn) // degrees were there already
        sort(m_sortColumn, m_sortOrder);
}

qint64 EntityTableModel::entityId(int row) const
{
    return row < 0 || row >= m_rows.size() ? 0 : m_rows.at(row).entityId;
}

int EntityTableModel::rowOfEntity(qint64 entityId) const
{
    return m_rowOf.value(entityId, -1);
}

QModelIndex EntityTableModel::indexOfEntity(qint64 entityId, int column) const
{
    const int row = rowOfEntity(entityId);
    return row < 0 ? QModelIndex() : index(row, column);
}

bool EntityTableModel::rowMatches(int row, const QString &text) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const QString needle = foldName(text.trimmed());
    if (needle.isEmpty())
        return true;
    const QStringList &folded = m_rows.at(row).folded;
    return std::any_of(folded.cbegin(), folded.cend(), [&](const QString &name) { return name.contains(needle); });
}

QStringList EntityTableModel::names() const
{
    QSet<QString> unique;
    for (const Row &row : m_rows) {
        unique.insert(row.name);
        for (const QString &alias : row.aliases)
            unique.insert(alias);
    }
    QStringList names(unique.cbegin(), unique.cend());
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(names.begin(), names.end(), collator);
    return names;
}

int EntityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EntityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EntityTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // What the column sorts by, but that people count groups from one.
        return index.column() == CommunityColumn ? QVariant(row.community + 1) : sortKey(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == NameColumn) {
            // The colour the canvas draws it with.
            const GraphPicture &picture = m_session->picture();
            const qsizetype drawn = picture.indexOf(row.entityId);
            const QColor color = drawn >= 0 ? picture.nodes.at(drawn).color
                                 : m_session->style().coloring == NodeColoring::ByCommunity
                                     ? colorForCommunity(row.community)
                                     : colorForType(row.type);
            return swatchIcon(color);
        }
        break;
    case Qt::ToolTipRole: {
        QStringList others = row.aliases;
        others.removeAll(row.name);
        QString tip = QStringLiteral("<b>%1</b> — %2").arg(row.name.toHtmlEscaped(), entityTypeLabel(row.type));
        if (!others.isEmpty())
            tip += QStringLiteral("<br>") + tr("Also: %1").arg(others.join(QStringLiteral(", ")).toHtmlEscaped());
        tip += QStringLiteral("<br>")
               + tr("%n mention(s) in %1 document(s)", nullptr, row.mentions).arg(row.documents);
        tip += QStringLiteral("<br>")
               + tr("Links: %1 · PageRank %2 · betweenness %3")
                     .arg(row.degree)
                     .arg(QLocale().toString(row.pageRank, 'f', 3), QLocale().toString(row.betweenness, 'f', 3));
        if (row.hidden)
            tip += QStringLiteral("<br><i>%1</i>").arg(tr("Hidden from the graph"));
        return tip;
    }
    case Qt::FontRole:
        if (row.hidden) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (row.hidden)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= MentionsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case EntityIdRole:
        return row.entityId;
    case AliasesRole:
        return row.aliases;
    case EntityTypeRole:
        return int(row.type);
    case SortRole:
        return sortKey(row, index.column());
    }
    return {};
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case NameColumn:
        return tip ? tr("The entity's name; its other names are in the tooltip") : tr("Name");
    case TypeColumn:
        return tip ? tr("Person, organisation, place, product or event") : tr("Type");
    case MentionsColumn:
        return tip ? tr("How many times the articles name it") : tr("Mentions");
    case DegreeColumn:
        return tip ? tr("Entities it is linked to in the graph as filtered") : tr("Links");
    case CommunityColumn:
        return tip ? tr("Group of densely linked entities it belongs to (Leiden), the largest first")
                   : tr("Group");
    }
    return {};
}

QVariant EntityTableModel::sortKey(const Row &row, int column)
{
    switch (column) {
    case NameColumn:
        return row.name;
    case TypeColumn:
        return entityTypeLabel(row.type);
    case MentionsColumn:
        return row.mentions;
    case DegreeColumn:
        return row.degree;
    case CommunityColumn:
        return row.community;
    }
    return {};
}

void EntityTableModel::sortRows(QList<Row> &rows) const
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    const int column = m_sortColumn;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    // Ties fall back to the name, then to mentions (most first), so that the
    // order never depends on how the rows happened to be before.
    std::stable_sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
        const QVariant keyA = sortKey(a, column);
        const QVariant keyB = sortKey(b, column);
        int order = 0;
        if (keyA.typeId() == QMetaType::QString)
            order = collator.compare(keyA.toString(), keyB.toString());
        else
            order = keyA.toDouble() < keyB.toDouble() ? -1 : keyA.toDouble() > keyB.toDouble() ? 1 : 0;
        if (!ascending)
            order = -order;
        if (order == 0 && column != NameColumn)
            order = collator.compare(a.name, b.name);
        if (order == 0)
            order = b.mentions - a.mentions;
        return order < 0;
    });
}

void EntityTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    QList<qint64> before;
    before.reserve(m_rows.size());
    for (const Row &row : std::as_const(m_rows))
        before.append(row.entityId);
    sortRows(m_rows);
    // Selections and current indexes follow their entity to its new row.
    m_rowOf.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOf.insert(m_rows.at(row).entityId, row);
    const QModelIndexList persistent = persistentIndexList();
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (const QModelIndex &index : persistent)
        moved.append(this->index(m_rowOf.value(before.at(index.row())), index.column()));
    changePersistentIndexList(persistent, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace NewsGraph
