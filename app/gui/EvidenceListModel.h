#pragma once

#include "app/gui/EvidenceLoader.h"

#include <QAbstractListModel>

namespace NewsGraph {

// Evidence sentences, one row each (see EvidenceLoader): what the details
// panel lists for a selected entity or link. EvidenceDelegate draws a row as
// the sentence with its entities tinted, above its source.
class EvidenceListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        DocumentIdRole = Qt::UserRole + 1,
        SentenceIdRole,
        SentenceStartRole, // offsets of the sentence in its document's text
        SentenceEndRole,
        SentenceRole,      // the sentence as stored
        // QVariantList of QVariantMap {start, end, entityId, type} (or {start,
        // end, color} for a search match), offsets in the sentence
        HighlightsRole,
        HighlightedTextsRole, // QStringList: the marked words, in order
        SourceRole,        // "Title (file, date)"
        CitationRole,      // the sentence in quotes, then its source: what Copy copies
        HeadingRole,       // rows above sentences (a path's hops): rich text drawn wrapped
        ExplanationRole,   // QStringList: how the sentence states each relation of a link
    };

    explicit EvidenceListModel(QObject *parent = nullptr);

    void setItems(const QList<EvidenceItem> &items);
    void clear() { setItems({}); }
    const QList<EvidenceItem> &items() const { return m_items; }
    const EvidenceItem &item(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The roles above for one item, shared with PathModel's sentence rows.
    static QVariant itemData(const EvidenceItem &item, int role);
    static QString citationText(const EvidenceItem &item);

private:
    QList<EvidenceItem> m_items;
};

} // namespace NewsGraph
