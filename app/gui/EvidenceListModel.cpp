#include "app/gui/EvidenceListModel.h"

#include "app/gui/Presentation.h"

#include <QVariantMap>

namespace NewsGraph {

EvidenceListModel::EvidenceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void EvidenceListModel::setItems(const QList<EvidenceItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int EvidenceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant EvidenceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return itemData(m_items.at(index.row()), role);
}

QString EvidenceListModel::citationText(const EvidenceItem &item)
{
    return QStringLiteral("“%1” — %2")
        .arg(item.sentence.simplified(), citation(item.title, item.fileName, item.date));
}

QVariant EvidenceListModel::itemData(const EvidenceItem &item, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return item.sentence.simplified();
    case SentenceRole:
        return item.sentence;
    case Qt::ToolTipRole:
        return tr("%1\nClick to read it in its document.").arg(citation(item.title, item.fileName, item.date));
    case DocumentIdRole:
        return item.documentId;
    case SentenceIdRole:
        return item.sentenceId;
    case SentenceStartRole:
        return item.start;
    case SentenceEndRole:
        return item.end;
    case HighlightsRole: {
        QVariantList highlights;
        for (const EvidenceHighlight &highlight : item.highlights) {
            highlights.append(QVariantMap{{QStringLiteral("start"), highlight.start},
                                          {QStringLiteral("end"), highlight.end},
                                          {QStringLiteral("entityId"), highlight.entityId},
                                          {QStringLiteral("type"), int(highlight.type)}});
        }
        return highlights;
    }
    case HighlightedTextsRole: {
        QStringList texts;
        for (const EvidenceHighlight &highlight : item.highlights)
            texts.append(item.sentence.mid(highlight.start, highlight.end - highlight.start));
        return texts;
    }
    case ExplanationRole:
        return item.explanations.isEmpty() ? QVariant() : QVariant(item.explanations);
    case SourceRole:
        // Titles are often the first sentence: a line's worth is enough here.
        return citation(elided(item.title, 60), item.fileName, item.date);
    case CitationRole:
        return citationText(item);
    }
    return {};
}

} // namespace NewsGraph
