#pragma once

#include <QStyledItemDelegate>

class QTextDocument;

namespace NewsGraph {

// Draws an evidence row (EvidenceListModel's roles): the sentence, wrapped,
// with the entities it is evidence about in bold on a tint of their type's
// colour, and below it its source in a smaller, quieter font. Rows without a
// sentence (a path's hops, entities found by a search) are drawn as usual.
class EvidenceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit EvidenceDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // The row as a text document laid out for `width` pixels.
    void layOut(QTextDocument &document, const QStyleOptionViewItem &option, const QModelIndex &index,
                int width) const;
    int textWidth(const QStyleOptionViewItem &option) const;
};

} // namespace NewsGraph
