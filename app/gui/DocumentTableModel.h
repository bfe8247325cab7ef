#pragma once

#include "core/common/Result.h"
#include "core/store/Records.h"

#include <QAbstractTableModel>

namespace NewsGraph {

class Repository;

// The documents of a project database, one row each.
class DocumentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, DateColumn, LanguageColumn, SentencesColumn, FileColumn, ColumnCount };
    enum Role { DocumentIdRole = Qt::UserRole + 1 };

    explicit DocumentTableModel(QObject *parent = nullptr);

    Result<void> load(const Repository &repository);
    void clear();
    const DocumentRecord &document(int row) const { return m_documents.at(row); }
    int rowOfDocument(qint64 documentId) const;
    int totalSentences() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DocumentRecord> m_documents;
};

} // namespace NewsGraph
