#include "app/gui/EvidenceDelegate.h"

#include "app/gui/EvidenceListModel.h"
#include "app/gui/Presentation.h"
#include "core/render/GraphPicture.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>
#include <QTreeView>

#include <cmath>

namespace NewsGraph {

namespace {

constexpr int margin = 4;

// Sentences and headings; other rows (entities found by a search) are
// drawn as any item.
bool drawsItself(const QModelIndex &index)
{
    return index.data(EvidenceListModel::SentenceRole).isValid() || index.data(EvidenceListModel::HeadingRole).isValid();
}

} // namespace

EvidenceDelegate::EvidenceDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

int EvidenceDelegate::textWidth(const QStyleOptionViewItem &option) const
{
    // sizeHint() gets no useful rectangle: the view's width is what rows
    // wrap to (less the indentation of a tree's children).
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
        width = view->viewport()->width();
        if (const auto *tree = qobject_cast<const QTreeView *>(view))
            width -= tree->indentation();
    }
    return std::max(120, width - 2 * margin);
}

void EvidenceDelegate::layOut(QTextDocument &document, const QStyleOptionViewItem &option,
                              const QModelIndex &index, int width) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor base = selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Base);
    const QColor text = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);

    QList<TintedRange> ranges;
    for (const QVariant &value : index.data(EvidenceListModel::HighlightsRole).toList()) {
        const QVariantMap highlight = value.toMap();
        // An entity is tinted with its type's colour; a search match with
        // the colour it brings.
        QColor tint = highlight.contains(QStringLiteral("color"))
                          ? highlight.value(QStringLiteral("color")).value<QColor>()
                          : colorForType(EntityType(highlight.value(QStringLiteral("type")).toInt()));
        tint.setAlphaF(0.35f);
        ranges.append({highlight.value(QStringLiteral("start")).toInt(),
                       highlight.value(QStringLiteral("end")).toInt(), tint});
    }
    document.setDefaultFont(option.font);
    document.setDocumentMargin(0);
    document.setTextWidth(width);
    if (const QVariant heading = index.data(EvidenceListModel::HeadingRole); heading.isValid()) {
        document.setHtml(QStringLiteral("<div style=\"color: %1\">%2</div>").arg(text.name(), heading.toString()));
        return;
    }
    QColor quiet = text;
    quiet.setAlphaF(0.65f);
    QString html = QStringLiteral("<div style=\"color: %1\">%2</div>"
                                  "<div style=\"color: %3; font-size: small\">%4</div>")
                       .arg(text.name(),
                            tintedHtml(index.data(EvidenceListModel::SentenceRole).toString(), ranges, base),
                            blended(quiet, base).name(),
                            index.data(EvidenceListModel::SourceRole).toString().toHtmlEscaped());
    // A link's sentence: the rule and path that read each relation in it.
    for (const QString &line : index.data(EvidenceListModel::ExplanationRole).toStringList())
        html += QStringLiteral("<div style=\"color: %1; font-size: small\"><i>%2</i></div>")
                    .arg(blended(quiet, base).name(), line.toHtmlEscaped());
    document.setHtml(html);
}

void EvidenceDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!drawsItself(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // The background, selection and focus frame as the style draws them,
    // without the text, which the document below draws.
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    QTextDocument document;
    layOut(document, option, index, option.rect.width() - 2 * margin);
    painter->save();
    painter->translate(option.rect.topLeft() + QPoint(margin, margin));
    painter->setClipRect(QRect(QPoint(0, 0), option.rect.size() - QSize(2 * margin, 2 * margin)));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = option.palette;
    document.documentLayout()->draw(painter, context);
    painter->restore();

    // A hairline between sentences: rows of several lines read as one block otherwise.
    painter->save();
    QColor line = option.palette.color(QPalette::Mid);
    line.setAlphaF(0.4f);
    painter->setPen(line);
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

QSize EvidenceDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!drawsItself(index))
        return QStyledItemDelegate::sizeHint(option, index);
    QTextDocument document;
    const int width = textWidth(option);
    layOut(document, option, index, width);
    return QSize(width + 2 * margin, int(std::ceil(document.size().height())) + 2 * margin + 1);
}

} // namespace NewsGraph
