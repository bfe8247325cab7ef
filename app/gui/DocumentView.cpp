#include "app/gui/DocumentView.h"

#include "app/gui/Presentation.h"
#include "core/render/GraphPicture.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace NewsGraph {

DocumentView::DocumentView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    // Still selectable and copyable with the keyboard and mouse.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setPlaceholderText(tr("Choose a document, or click an evidence sentence, to read it here."));
    viewport()->setMouseTracking(true);
    // Scrolled: a long document's tints follow what is in view.
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &, int dy) {
        if (dy != 0 && m_mentions.size() >= tintedInViewFrom)
            updateSelections();
    });
}

void DocumentView::showDocument(qint64 documentId, const QString &text, const QList<MentionRecord> &mentions)
{
    m_documentId = documentId;
    m_mentions = mentions;
    m_byStart.resize(m_mentions.size());
    std::iota(m_byStart.begin(), m_byStart.end(), 0);
    std::stable_sort(m_byStart.begin(), m_byStart.end(),
                     [&](int a, int b) { return m_mentions.at(a).start < m_mentions.at(b).start; });
    m_longestMention = 0;
    for (const MentionRecord &mention : std::as_const(m_mentions))
        m_longestMention = std::max(m_longestMention, mention.end - mention.start);
    m_highlightStart = m_highlightEnd = -1;
    setPlainText(text);
    updateSelections();
}

void DocumentView::clearDocument()
{
    m_documentId = 0;
    m_mentions.clear();
    m_byStart.clear();
    m_longestMention = 0;
    m_highlightStart = m_highlightEnd = -1;
    clear();
}

QList<int> DocumentView::mentionsIn(int start, int end) const
{
    QList<int> found;
    // Those that start up to the longest mention's length before `start`
    // may reach into it.
    auto it = std::lower_bound(m_byStart.cbegin(), m_byStart.cend(), start - m_longestMention,
                               [&](int mention, int position) { return m_mentions.at(mention).start < position; });
    for (; it != m_byStart.cend() && m_mentions.at(*it).start < end; ++it) {
        if (m_mentions.at(*it).end > start)
            found.append(*it);
    }
    return found;
}

void DocumentView::highlightRange(int start, int end)
{
    const int length = document()->characterCount() - 1;
    if (start < 0 || end <= start || end > length) {
        m_highlightStart = m_highlightEnd = -1;
        updateSelections();
        return;
    }
    m_highlightStart = start;
    m_highlightEnd = end;
    updateSelections();
    // The end first, then the start: the whole sentence ends up in view when
    // it fits, its beginning when it does not.
    QTextCursor cursor(document());
    cursor.setPosition(end);
    setTextCursor(cursor);
    ensureCursorVisible();
    cursor.setPosition(start);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void DocumentView::setEmphasizedEntities(const QSet<qint64> &entities)
{
    if (entities == m_emphasized)
        return;
    m_emphasized = entities;
    updateSelections();
}

void DocumentView::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QColor base = palette().color(QPalette::Base);
    const int length = document()->characterCount() - 1;
    if (m_highlightStart >= 0) {
        QTextEdit::ExtraSelection sentence;
        sentence.cursor = QTextCursor(document());
        sentence.cursor.setPosition(m_highlightStart);
        sentence.cursor.setPosition(m_highlightEnd, QTextCursor::KeepAnchor);
        QColor highlight = palette().color(QPalette::Highlight);
        highlight.setAlphaF(0.22f);
        sentence.format.setBackground(blended(highlight, base));
        selections.append(sentence);
    }
    // Every mention of a news-sized document; for a long one (a book, a
    // transcript, 363,000 sentences of 49 MB) those in view and a screen
    // around it. A selection lays out the block it is in, so tinting all of
    // such a document laid all of it out: a minute and 3 GB to show it.
    QList<int> tinted;
    if (m_mentions.size() < tintedInViewFrom) {
        tinted.resize(m_mentions.size());
        std::iota(tinted.begin(), tinted.end(), 0);
    } else {
        const int first = firstVisibleBlock().position();
        const int last = cursorForPosition(QPoint(viewport()->width(), viewport()->height())).position();
        const int screen = std::max(last - first, 1);
        tinted = mentionsIn(first - screen, last + screen);
    }
    for (const int index : std::as_const(tinted)) {
        const MentionRecord &mention = m_mentions.at(index);
        if (mention.start < 0 || mention.end > length || mention.end <= mention.start)
            continue;
        const std::optional<EntityType> type = entityTypeFromName(mention.type);
        QColor tint = type ? colorForType(*type) : palette().color(QPalette::Mid);
        const bool emphasized = m_emphasized.contains(mention.entityId);
        tint.setAlphaF(emphasized ? 0.6f : 0.28f);
        const bool inSentence = mention.start >= m_highlightStart && mention.end <= m_highlightEnd;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(mention.start);
        selection.cursor.setPosition(mention.end, QTextCursor::KeepAnchor);
        if (emphasized) {
            selection.format.setFontUnderline(true);
            selection.format.setUnderlineColor(palette().color(QPalette::Text));
        }
        const QColor behind = inSentence ? selections.first().format.background().color() : base;
        // A pronoun or description read as the entity: underlined in the
        // entity's colour, not tinted like a name.
        if (mention.resolved) {
            selection.format.setBackground(behind);
            selection.format.setUnderlineStyle(QTextCharFormat::DotLine);
            selection.format.setUnderlineColor(type ? colorForType(*type) : palette().color(QPalette::Mid));
        } else {
            selection.format.setBackground(blended(tint, behind));
        }
        selections.append(selection);
    }
    setExtraSelections(selections);
}

int DocumentView::mentionAt(const QPoint &viewportPoint) const
{
    // cursorForPosition() gives the nearest gap between characters; the
    // character clicked is the one before it when the click is left of it.
    const QTextCursor cursor = cursorForPosition(viewportPoint);
    int character = cursor.position();
    if (viewportPoint.x() < cursorRect(cursor).center().x())
        --character;
    // A click past the end of a line is on no character.
    const QTextBlock block = cursor.block();
    if (character >= block.position() + block.length() - 1 && viewportPoint.x() > cursorRect(cursor).right() + 2)
        return -1;
    // The first in the list that holds the character.
    const QList<int> here = mentionsIn(character, character + 1);
    return here.isEmpty() ? -1 : *std::min_element(here.cbegin(), here.cend());
}

QRect DocumentView::mentionRect(int mention) const
{
    if (mention < 0 || mention >= m_mentions.size())
        return {};
    QTextCursor start(document());
    start.setPosition(m_mentions.at(mention).start);
    QTextCursor end(document());
    end.setPosition(m_mentions.at(mention).end);
    const QRect first = cursorRect(start);
    const QRect last = cursorRect(end);
    if (last.top() != first.top()) // wrapped: its first line only
        return QRect(first.topLeft(), QPoint(viewport()->width(), first.bottom()));
    return QRect(first.topLeft(), QPoint(last.left(), last.bottom()));
}

void DocumentView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    if (m_mentions.size() >= tintedInViewFrom)
        updateSelections(); // another width wraps another stretch of text into view
}

void DocumentView::mousePressEvent(QMouseEvent *event)
{
    m_pressPosition = event->position().toPoint();
    QPlainTextEdit::mousePressEvent(event);
}

void DocumentView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    // A click, not the end of a text selection.
    if (event->button() != Qt::LeftButton
        || (event->position().toPoint() - m_pressPosition).manhattanLength() > 3)
        return;
    if (const int mention = mentionAt(event->position().toPoint()); mention >= 0)
        Q_EMIT entityClicked(m_mentions.at(mention).entityId);
}

void DocumentView::mouseMoveEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton)
        viewport()->setCursor(mentionAt(event->position().toPoint()) >= 0 ? Qt::PointingHandCursor : Qt::IBeamCursor);
}

bool DocumentView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (const int mention = mentionAt(help->pos()); mention >= 0) {
            const MentionRecord &record = m_mentions.at(mention);
            const QString what = record.resolved
                ? tr("“%1” read as %2 (%3)\nClick to select it in the graph.")
                      .arg(record.surface, record.entityName, entityTypeLabel(record.type))
                : tr("%1 (%2)\nClick to select it in the graph.").arg(record.entityName, entityTypeLabel(record.type));
            QToolTip::showText(help->globalPos(), what, viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void DocumentView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateSelections(); // the tints are blended over the palette's base
}

} // namespace NewsGraph
