#pragma once

#include "core/common/Result.h"
#include "core/store/Records.h"

#include <QAbstractTableModel>

namespace NewsGraph {

class Repository;

// The sentences of one document, in reading order, with their offsets.
class SentenceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IndexColumn, OffsetsColumn, TextColumn, ColumnCount };
    enum Role { StartRole = Qt::UserRole + 1, EndRole };

    explicit SentenceTableModel(QObject *parent = nullptr);

    Result<void> load(const Repository &repository, qint64 documentId);
    void clear();
    qint64 documentId() const { return m_documentId; }
    const SentenceRecord &sentence(int row) const { return m_sentences.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SentenceRecord> m_sentences;
    qint64 m_documentId = 0;
};

} // namespace NewsGraph
