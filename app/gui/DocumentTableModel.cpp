#include "app/gui/DocumentTableModel.h"

#include "core/store/Repository.h"

#include <QLocale>

namespace NewsGraph {

DocumentTableModel::DocumentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

Result<void> DocumentTableModel::load(const Repository &repository)
{
    Result<QList<DocumentRecord>> documents = repository.documents();
    if (!documents)
        return Error{documents.error()};
    beginResetModel();
    m_documents = std::move(documents).value();
    endResetModel();
    return {};
}

void DocumentTableModel::clear()
{
    beginResetModel();
    m_documents.clear();
    endResetModel();
}

int DocumentTableModel::rowOfDocument(qint64 documentId) const
{
    for (int row = 0; row < m_documents.size(); ++row) {
        if (m_documents.at(row).id == documentId)
            return row;
    }
    return -1;
}

int DocumentTableModel::totalSentences() const
{
    int total = 0;
    for (const DocumentRecord &document : m_documents)
        total += document.sentenceCount;
    return total;
}

int DocumentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_documents.size());
}

int DocumentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DocumentRecord &document = m_documents.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return document.title;
        case DateColumn:
            return document.date.isValid() ? QVariant(document.date) : QVariant();
        case LanguageColumn:
            return document.language;
        case SentencesColumn:
            return document.sentenceCount;
        case FileColumn:
            return document.fileName;
        }
        break;
    case Qt::ToolTipRole:
        return tr("%1\n%2\n%3 sentences, %4 characters")
            .arg(document.title, document.path)
            .arg(document.sentenceCount)
            .arg(QLocale().toString(document.length));
    case Qt::TextAlignmentRole:
        if (index.column() == SentencesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case DocumentIdRole:
        return document.id;
    }
    return {};
}

QVariant DocumentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool tip = role == Qt::ToolTipRole;
    switch (section) {
    case TitleColumn:
        return tip ? tr("The article's title, or its first sentence") : tr("Title");
    case DateColumn:
        return tip ? tr("Publication date, when the article gives one") : tr("Date");
    case LanguageColumn:
        return tip ? tr("Language detected from the text") : tr("Lang");
    case SentencesColumn:
        return tip ? tr("Number of sentences") : tr("Sent.");
    case FileColumn:
        return tip ? tr("File the article was read from") : tr("File");
    }
    return {};
}

} // namespace NewsGraph
