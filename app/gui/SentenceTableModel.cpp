#include "app/gui/SentenceTableModel.h"

#include "core/store/Repository.h"

namespace NewsGraph {

SentenceTableModel::SentenceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

Result<void> SentenceTableModel::load(const Repository &repository, qint64 documentId)
{
    Result<QList<SentenceRecord>> sentences = repository.sentences(documentId);
    if (!sentences)
        return Error{sentences.error()};
    beginResetModel();
    m_sentences = std::move(sentences).value();
    m_documentId = documentId;
    endResetModel();
    return {};
}

void SentenceTableModel::clear()
{
    beginResetModel();
    m_sentences.clear();
    m_documentId = 0;
    endResetModel();
}

int SentenceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sentences.size());
}

int SentenceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SentenceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SentenceRecord &sentence = m_sentences.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IndexColumn:
            return sentence.index + 1; // people count sentences from one
        case OffsetsColumn:
            return QStringLiteral("%1–%2").arg(sentence.start).arg(sentence.end);
        case TextColumn:
            return sentence.text.simplified();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return sentence.text;
        return tr("Characters %1 to %2 of the document").arg(sentence.start).arg(sentence.end);
    case Qt::TextAlignmentRole:
        if (index.column() != TextColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StartRole:
        return sentence.start;
    case EndRole:
        return sentence.end;
    }
    return {};
}

QVariant SentenceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IndexColumn:
        return tr("#");
    case OffsetsColumn:
        return tr("Offsets");
    case TextColumn:
        return tr("Sentence");
    }
    return {};
}

} // namespace NewsGraph
