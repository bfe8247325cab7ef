#pragma once

#include <QSet>
#include <QWidget>

class QLabel;
class QListView;
class QSplitter;
class QTableView;

namespace NewsGraph {

class EvidenceListModel;
class GraphSession;
class RelationTableModel;

// What the selection is and why: for an entity, its type, other names,
// mentions, documents and links, and the sentences naming it; for a link, its
// relations read along it and every sentence stating them. Entities are
// tinted in each sentence; clicking one opens its document there
// (sentenceActivated), and Copy (Ctrl+C, context menu) copies the sentence
// with its citation.
class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DetailsPanel(GraphSession *session, QWidget *parent = nullptr);

    void showEntity(qint64 entityId);
    void showEdge(qint64 a, qint64 b);
    // Several entities: a summary, and the link's evidence if there are two
    // with a link.
    void showEntities(const QSet<qint64> &entities);
    void clear();
    // Shows again what is shown (the graph changed under it).
    void refresh();

    qint64 shownEntity() const { return m_entity; }
    std::pair<qint64, qint64> shownEdge() const { return m_edge; }

    QLabel *heading() const { return m_heading; }
    EvidenceListModel *evidenceModel() const { return m_evidence; }
    QListView *evidenceView() const { return m_evidenceView; }
    RelationTableModel *relationModel() const { return m_relations; }
    QTableView *relationView() const { return m_relationView; }

    // Copies the current evidence sentence with its citation; false when
    // none is current.
    bool copyCurrentSentence();

    // The size a dock first gets: sentences wrap at a comfortable line length.
    QSize sizeHint() const override;

Q_SIGNALS:
    void sentenceActivated(qint64 documentId, int start, int end);
    void entityActivated(qint64 entityId);
    void edgeActivated(qint64 a, qint64 b);
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showEvidenceFor(qint64 a, qint64 b);
    void setEvidenceCaption(int count);

    GraphSession *m_session = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_relationCaption = nullptr;
    RelationTableModel *m_relations = nullptr;
    QTableView *m_relationView = nullptr;
    QLabel *m_evidenceCaption = nullptr;
    EvidenceListModel *m_evidence = nullptr;
    QListView *m_evidenceView = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_relationPane = nullptr;

    qint64 m_entity = 0;
    std::pair<qint64, qint64> m_edge{0, 0};
    QSet<qint64> m_entities;
};

} // namespace NewsGraph
