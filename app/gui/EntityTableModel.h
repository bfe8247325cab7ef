#pragma once

#include "core/extract/EntityType.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace NewsGraph {

class GraphSession;
struct NodeMetrics;

// The entities the graph shows (the session's displayed entities), one row
// each, with their metrics: the model the entity table and the canvas share a
// selection over (see EntitySelection). It sorts itself (sort()) rather than
// through a proxy, so that the one selection model is over this model and
// entity rows map to ids without translation; the entity table filters by
// hiding rows (rowMatches()). Rows are a copy of what they show, taken when
// the session's graph changes, so that the model answers for the rows it has
// announced until its reset, whatever the session holds by then.
class EntityTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, MentionsColumn, DegreeColumn, CommunityColumn, ColumnCount };
    enum Role {
        EntityIdRole = Qt::UserRole + 1,
        AliasesRole,    // QStringList
        EntityTypeRole, // int(EntityType)
        SortRole,       // what sort() compares
    };

    explicit EntityTableModel(GraphSession *session, QObject *parent = nullptr);

    qint64 entityId(int row) const;
    int rowOfEntity(qint64 entityId) const; // -1 when not shown
    QModelIndex indexOfEntity(qint64 entityId, int column = NameColumn) const;
    // Whether the entity's name or one of its aliases contains `text`,
    // ignoring case and accents.
    bool rowMatches(int row, const QString &text) const;
    // Every name and alias of the shown entities, sorted, each once: what
    // a filter field completes.
    QStringList names() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Row
    {
        qint64 entityId = 0;
        QString name;
        EntityType type = EntityType::Organization;
        QStringList aliases;
        QStringList folded; // name and aliases, folded for rowMatches()
        int mentions = 0;
        int documents = 0;
        bool hidden = false;
        int degree = 0;
        int community = 0;
        double pageRank = 0.0;
        double betweenness = 0.0;

        void setMetrics(const NodeMetrics &metrics);
    };

    void reload();
    // The session's metrics arrived from the background.
    void updateMetrics();
    void sortRows(QList<Row> &rows) const;
    static QVariant sortKey(const Row &row, int column);

    GraphSession *m_session = nullptr;
    QList<Row> m_rows;
    QHash<qint64, int> m_rowOf; // entity id -> row
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace NewsGraph
