#pragma once

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStringListModel;
class QTreeView;

namespace NewsGraph {

class GraphSession;
class PathModel;

// Finds how two entities are linked: two fields completing names and aliases,
// fewest links or best attested, and the shortest path in the graph as
// filtered listed as a chain of evidence (each hop's relations and the
// sentences stating them, as the filter keeps them). The path's entities go
// to the canvas through pathChanged().
class PathFinderPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PathFinderPanel(GraphSession *session, QWidget *parent = nullptr);

    void setFrom(qint64 entityId);
    void setTo(qint64 entityId);
    QComboBox *fromField() const { return m_from; }
    QComboBox *toField() const { return m_to; }
    // Looks the two names up and finds the path; false (with the reason shown)
    // when a name is unknown or nothing links them.
    bool findPath();
    void clearPath();
    QList<qint64> path() const;
    PathModel *pathModel() const { return m_model; }
    QTreeView *pathView() const { return m_view; }
    QLabel *resultLabel() const { return m_result; }

Q_SIGNALS:
    void pathChanged(const QList<qint64> &entities);
    void sentenceActivated(qint64 documentId, int start, int end);
    void entityActivated(qint64 entityId);
    void errorOccurred(const QString &message);

private:
    void updateNames();
    // The entity a field names, 0 with the reason in `problem`.
    qint64 resolve(const QComboBox *field, QString &problem) const;
    bool computePath(bool quiet);
    void setFieldEntity(QComboBox *field, qint64 entityId);

    GraphSession *m_session = nullptr;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QComboBox *m_weighting = nullptr;
    QPushButton *m_find = nullptr;
    QLabel *m_result = nullptr;
    QStringListModel *m_names = nullptr;
    PathModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    bool m_active = false; // a path is shown: recompute it when the graph changes
};

} // namespace NewsGraph
