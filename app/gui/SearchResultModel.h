#pragma once

#include "core/common/Result.h"
#include "core/store/Records.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

namespace NewsGraph {

class GraphSession;

// What a search finds, in two groups: entities whose name or alias contains
// the text (ignoring case and accents; the close names when none does), and
// sentences of the articles matching it (FTS5, Repository::search). Sentence
// rows answer EvidenceListModel's roles, so EvidenceDelegate draws them with
// the matched words marked.
class SearchResultModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Group { EntityGroup, SentenceGroup, GroupCount };
    enum Kind { GroupKind, EntityKind, SentenceKind };
    enum Role {
        KindRole = Qt::UserRole + 50, // Kind
        EntityIdRole,                 // entity rows
        SuggestionRole,               // entity rows: a close name, not a match
    };

    explicit SearchResultModel(GraphSession *session, QObject *parent = nullptr);

    Result<void> search(const QString &text);
    void clear();
    QString query() const { return m_query; }
    int entityCount() const { return int(m_entities.size()); }
    int sentenceCount() const { return int(m_sentences.size()); }
    // The first result (an entity before a sentence), invalid when none.
    QModelIndex firstResult() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct EntityHit
    {
        qint64 entityId = 0;
        QString matched; // the alias that matched, when not the name
        bool suggestion = false;
    };
    struct SentenceHit
    {
        SearchHit hit;
        QString text;          // the snippet without its markers
        QList<QPair<int, int>> marks; // matched words in `text`
    };

    QVariant entityData(const EntityHit &hit, int role) const;
    QVariant sentenceData(const SentenceHit &hit, int role) const;

    GraphSession *m_session = nullptr;
    QString m_query;
    QList<EntityHit> m_entities;
    QList<SentenceHit> m_sentences;
};

} // namespace NewsGraph
