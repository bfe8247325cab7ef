#pragma once

#include "app/gui/EvidenceLoader.h"
#include "core/graph/EntityGraph.h"

#include <QAbstractItemModel>

namespace NewsGraph {

// A path between two entities as a chain of evidence: one row per hop
// ("Emmanuel Macron — supports → Mistral AI, 2 sentences"), its sentences as
// children answering EvidenceListModel's roles (EvidenceDelegate draws them).
class PathModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { HopFromRole = Qt::UserRole + 60, HopToRole };

    explicit PathModel(QObject *parent = nullptr);

    struct Hop
    {
        PathHop hop;
        QString fromName;
        QString toName;
        QStringList readings; // predicates read from `from` to `to`
        QList<EvidenceItem> evidence;
    };
    void setHops(const QList<Hop> &hops);
    void clear() { setHops({}); }
    const QList<Hop> &hops() const { return m_hops; }
    // The entities along the path, from the first to the last; empty without one.
    QList<qint64> entities() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<Hop> m_hops;
};

} // namespace NewsGraph
