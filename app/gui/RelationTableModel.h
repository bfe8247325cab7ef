#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace NewsGraph {

class GraphSession;

// The links of one entity in the graph as filtered: the entity at the other
// end, the relations read from the entity's side ("ceo of →", "← supplies"),
// and how many sentences state them; the best attested first.
class RelationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { OtherColumn, RelationColumn, EvidenceColumn, ColumnCount };
    enum Role { OtherEntityRole = Qt::UserRole + 1 };

    explicit RelationTableModel(GraphSession *session, QObject *parent = nullptr);

    void setEntity(qint64 entityId); // 0: none
    qint64 entity() const { return m_entity; }
    qint64 otherEntity(int row) const { return m_rows.at(row).other; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        qint64 other = 0;
        QString name;
        QStringList relations;
        int evidence = 0;
        bool cooccurrence = false;
    };

    GraphSession *m_session = nullptr;
    qint64 m_entity = 0;
    QList<Row> m_rows;
};

} // namespace NewsGraph
