#pragma once

#include "core/store/Records.h"

#include <QPlainTextEdit>
#include <QSet>

namespace NewsGraph {

// A document's stored text, read-only, with every entity mention tinted by
// its entity's type (the canvas's colours; in a long document, those in
// view) and one sentence highlighted.
// Clicking a mention reports its entity (entityClicked), so that the graph
// can select it. Positions in a QPlainTextEdit count UTF-16 code units and one
// per line break, exactly as the stored offsets do, so offsets are used as
// they are.
class DocumentView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit DocumentView(QWidget *parent = nullptr);

    void showDocument(qint64 documentId, const QString &text, const QList<MentionRecord> &mentions);
    void clearDocument();
    qint64 documentId() const { return m_documentId; }
    const QList<MentionRecord> &mentions() const { return m_mentions; }

    // Highlights [start, end) (a sentence) and scrolls it into view; an empty
    // range removes the highlight.
    void highlightRange(int start, int end);
    QPair<int, int> highlightedRange() const { return {m_highlightStart, m_highlightEnd}; }
    // Mentions of these entities are tinted more strongly and underlined.
    void setEmphasizedEntities(const QSet<qint64> &entities);

    // The mention under a viewport point, -1 if none.
    int mentionAt(const QPoint &viewportPoint) const;
    // Where a mention is drawn, in viewport coordinates (its first line).
    QRect mentionRect(int mention) const;

Q_SIGNALS:
    void entityClicked(qint64 entityId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateSelections();
    // The mentions that overlap [start, end), as indexes into m_mentions.
    QList<int> mentionsIn(int start, int end) const;

    qint64 m_documentId = 0;
    QList<MentionRecord> m_mentions;
    QList<int> m_byStart;     // indexes into m_mentions, by where they start
    int m_longestMention = 0; // in characters
    // A document of this many mentions and more is tinted where it is in
    // view, again as it scrolls (see updateSelections()).
    static constexpr qsizetype tintedInViewFrom = 2000;
    QSet<qint64> m_emphasized;
    int m_highlightStart = -1;
    int m_highlightEnd = -1;
    QPoint m_pressPosition;
};

} // namespace NewsGraph
