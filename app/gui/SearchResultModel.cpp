#include "app/gui/SearchResultModel.h"

#include "app/gui/EvidenceListModel.h"
#include "app/gui/GraphSession.h"
#include "app/gui/Presentation.h"
#include "core/extract/Lexicon.h"
#include "core/graph/EntityLookup.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QVariantMap>

#include <algorithm>

namespace NewsGraph {

namespace {

constexpr int maximumEntities = 50;
constexpr int maximumSentences = 200;
// Internal ids: 0 for the group rows, group + 1 for their children.
constexpr quintptr groupId = 0;

// How well `folded` (a folded name) matches `needle`: 0 equal, 1 a word of it
// starts with it, 2 it contains it, -1 not at all.
int matchRank(const QString &folded, const QString &needle)
{
    if (folded == needle)
        return 0;
    const qsizetype at = folded.indexOf(needle);
    if (at < 0)
        return -1;
    if (at == 0 || !folded.at(at - 1).isLetterOrNumber())
        return 1;
    return 2;
}

} // namespace

SearchResultModel::SearchResultModel(GraphSession *session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
{
    connect(m_session, &GraphSession::databaseChanged, this, &SearchResultModel::clear);
}

void SearchResultModel::clear()
{
    beginResetModel();
    m_query.clear();
    m_entities.clear();
    m_sentences.clear();
    endResetModel();
}

Result<void> SearchResultModel::search(const QString &text)
{
    const QString query = text.trimmed();
    if (query.isEmpty() || !m_session->isOpen()) {
        clear();
        return {};
    }
    Result<QList<SearchHit>> hits = m_session->repository().search(query, maximumSentences);
    if (!hits)
        return Error{hits.error()};

    // Entities: names before aliases, exact before word prefix before
    // anywhere, then the most mentioned.
    const QString needle = foldName(query);
    struct Ranked
    {
        int rank;
        int mentions;
        EntityHit hit;
    };
    QList<Ranked> ranked;
    const QList<GraphNode> &nodes = m_session->data().nodes;
    for (const GraphNode &node : nodes) {
        const int nameRank = matchRank(foldName(node.name), needle);
        int aliasRank = -1;
        QString matched;
        for (const QString &alias : node.aliases) {
            const int rank = matchRank(foldName(alias), needle);
            if (rank >= 0 && (aliasRank < 0 || rank < aliasRank)) {
                aliasRank = rank;
                matched = alias;
            }
        }
        // An alias ranks just after a name that matches as well.
        int rank = -1;
        if (nameRank >= 0 && (aliasRank < 0 || nameRank <= aliasRank)) {
            rank = nameRank * 2;
            matched.clear();
        } else if (aliasRank >= 0) {
            rank = aliasRank * 2 + 1;
        } else {
            continue;
        }
        ranked.append({rank, node.mentions, {node.entityId, matched, false}});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.mentions > b.mentions;
    });
    if (ranked.size() > maximumEntities)
        ranked.resize(maximumEntities);

    QList<EntityHit> entities;
    for (const Ranked &r : std::as_const(ranked))
        entities.append(r.hit);
    if (entities.isEmpty()) {
        for (const qsizetype index : lookUpEntity(nodes, query).suggestions)
            entities.append({nodes.at(index).entityId, QString(), true});
    }

    QList<SentenceHit> sentences;
    for (const SearchHit &hit : hits.value()) {
        SentenceHit sentence;
        sentence.hit = hit;
        // The snippet marks matches with [ and ]; keep the text, note the marks.
        int open = -1;
        for (const QChar c : hit.snippet) {
            if (c == QLatin1Char('[')) {
                open = int(sentence.text.size());
            } else if (c == QLatin1Char(']') && open >= 0) {
                sentence.marks.append({open, int(sentence.text.size())});
                open = -1;
            } else {
                sentence.text.append(c);
            }
        }
        sentences.append(sentence);
    }

    beginResetModel();
    m_query = query;
    m_entities = entities;
    m_sentences = sentences;
    endResetModel();
    return {};
}

QModelIndex SearchResultModel::firstResult() const
{
    if (!m_entities.isEmpty())
        return index(0, 0, index(EntityGroup, 0));
    if (!m_sentences.isEmpty())
        return index(0, 0, index(SentenceGroup, 0));
    return {};
}

QModelIndex SearchResultModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < GroupCount ? createIndex(row, 0, groupId) : QModelIndex();
    if (parent.internalId() != groupId || row >= rowCount(parent))
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex SearchResultModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == groupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, groupId);
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_query.isEmpty() ? 0 : GroupCount;
    if (parent.internalId() != groupId || parent.column() != 0)
        return 0;
    return parent.row() == EntityGroup ? int(m_entities.size()) : int(m_sentences.size());
}

int SearchResultModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags SearchResultModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == groupId)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == groupId) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.row() == EntityGroup) {
                const bool suggestions = !m_entities.isEmpty() && m_entities.first().suggestion;
                return suggestions ? tr("No entity called “%1”; did you mean…").arg(m_query)
                                   : tr("Entities (%1)").arg(m_entities.size());
            }
            return m_sentences.size() >= maximumSentences
                       ? tr("Sentences (the first %1)").arg(m_sentences.size())
                       : tr("Sentences (%1)").arg(m_sentences.size());
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case KindRole:
            return GroupKind;
        }
        return {};
    }
    if (index.internalId() == quintptr(EntityGroup + 1))
        return entityData(m_entities.at(index.row()), role);
    return sentenceData(m_sentences.at(index.row()), role);
}

QVariant SearchResultModel::entityData(const EntityHit &hit, int role) const
{
    const GraphNode *node = m_session->node(hit.entityId);
    if (!node)
        return {};
    const bool shown = m_session->isDisplayed(hit.entityId);
    switch (role) {
    case Qt::DisplayRole: {
        QString text = node->name;
        if (!hit.matched.isEmpty())
            text += QStringLiteral(" (“%1”)").arg(hit.matched);
        return QStringLiteral("%1 — %2").arg(text, entityTypeLabel(node->type));
    }
    case Qt::DecorationRole:
        return swatchIcon(colorForType(node->type));
    case Qt::ToolTipRole:
        return shown ? tr("%n mention(s). Choose it to select it in the graph.", nullptr, node->mentions)
                     : node->hidden ? tr("Hidden from the graph (View ▸ Show Hidden Entities shows it)")
                                    : tr("Not in the graph as filtered");
    case Qt::ForegroundRole:
        if (!shown)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case KindRole:
        return EntityKind;
    case EntityIdRole:
        return hit.entityId;
    case SuggestionRole:
        return hit.suggestion;
    }
    return {};
}

QVariant SearchResultModel::sentenceData(const SentenceHit &hit, int role) const
{
    const SentenceRecord &sentence = hit.hit.sentence;
    switch (role) {
    case Qt::DisplayRole:
        return hit.text.simplified();
    case Qt::ToolTipRole:
        return tr("Choose it to read it in its document");
    case KindRole:
        return SentenceKind;
    case EvidenceListModel::DocumentIdRole:
        return sentence.documentId;
    case EvidenceListModel::SentenceIdRole:
        return sentence.id;
    case EvidenceListModel::SentenceStartRole:
        return sentence.start;
    case EvidenceListModel::SentenceEndRole:
        return sentence.end;
    case EvidenceListModel::SentenceRole:
        return hit.text;
    case EvidenceListModel::HighlightsRole: {
        QVariantList marks;
        for (const auto &[start, end] : hit.marks)
            marks.append(QVariantMap{{QStringLiteral("start"), start},
                                     {QStringLiteral("end"), end},
                                     {QStringLiteral("color"), QColor(0xE6, 0x9F, 0x00)}});
        return marks;
    }
    case EvidenceListModel::SourceRole: {
        const DocumentRecord *document = m_session->document(sentence.documentId);
        return document ? citation(elided(document->title, 60), document->fileName, document->date)
                        : hit.hit.fileName;
    }
    }
    return {};
}

} // namespace NewsGraph
