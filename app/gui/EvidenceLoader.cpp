#include "app/gui/EvidenceLoader.h"

#include "app/gui/GraphSession.h"

#include "core/graph/EdgeStatements.h"

#include <QObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

EvidenceLoader::EvidenceLoader(GraphSession &session)
    : m_session(session)
{
}

Result<QList<EvidenceItem>> EvidenceLoader::forEntity(qint64 entityId)
{
    if (!m_session.isOpen())
        return QList<EvidenceItem>();
    Result<QList<EvidenceRecord>> records = m_session.repository().sentencesMentioning(entityId);
    if (!records)
        return Error{records.error()};
    return items(records.value(), {entityId});
}

Result<QList<EvidenceItem>> EvidenceLoader::forEdge(qint64 a, qint64 b)
{
    const GraphEdge *edge = m_session.graph().edgeBetween(a, b);
    if (!edge || !m_session.isOpen())
        return QList<EvidenceItem>();
    // Only the sentences the filter kept (documents, dates, predicates), so
    // that the list and the edge's weight agree.
    const Result<QList<EvidenceRecord>> records = keptEvidence(m_session.repository(), *edge);
    if (!records)
        return Error{records.error()};
    Result<QList<EvidenceItem>> found = items(*records, {edge->source, edge->target});
    if (!found)
        return found;
    // Under each sentence, how it states each relation of the pair.
    const Result<QList<RelationRecord>> relations = m_session.repository().relationsBetween(a, b);
    if (!relations)
        return Error{relations.error()};
    QHash<qint64, QStringList> explanations; // by sentence id
    for (const RelationRecord &relation : *relations) {
        for (const EvidenceRecord &statement : relation.evidence) {
            QString line = QObject::tr("%1 by %2 (%3)")
                               .arg(relation.predicate, statement.rule.isEmpty() ? QObject::tr("an unknown rule") : statement.rule)
                               .arg(statement.confidence, 0, 'f', 2);
            if (!statement.path.isEmpty())
                line += u": "_s + statement.path;
            explanations[statement.sentenceId].append(line);
        }
    }
    for (EvidenceItem &item : *found)
        item.explanations = explanations.value(item.sentenceId);
    return found;
}

Result<QList<EvidenceItem>> EvidenceLoader::items(const QList<EvidenceRecord> &records,
                                                   const QList<qint64> &entities)
{
    QList<EvidenceItem> result;
    result.reserve(records.size());
    for (const EvidenceRecord &record : records) {
        EvidenceItem item;
        item.documentId = record.documentId;
        item.sentenceId = record.sentenceId;
        item.start = record.start;
        item.end = record.end;
        item.sentence = record.sentence;
        item.fileName = record.fileName;
        if (const DocumentRecord *document = m_session.document(record.documentId)) {
            item.title = document->title;
            item.date = document->date;
        }
        for (const qint64 entity : entities) {
            if (Result<void> marked = mark(item, entity); !marked)
                return Error{marked.error()};
        }
        std::sort(item.highlights.begin(), item.highlights.end(),
                  [](const EvidenceHighlight &x, const EvidenceHighlight &y) { return x.start < y.start; });
        result.append(item);
    }
    return result;
}

Result<void> EvidenceLoader::mark(EvidenceItem &item, qint64 entityId)
{
    auto cached = m_mentions.find(item.documentId);
    if (cached == m_mentions.end()) {
        Result<QList<MentionRecord>> mentions = m_session.repository().mentions(item.documentId);
        if (!mentions)
            return Error{mentions.error()};
        cached = m_mentions.insert(item.documentId, std::move(mentions).value());
    }
    const GraphNode *node = m_session.node(entityId);
    const EntityType type = node ? node->type : EntityType::Organization;
    const auto overlaps = [&](int start, int end) {
        return std::any_of(item.highlights.cbegin(), item.highlights.cend(),
                           [&](const EvidenceHighlight &h) { return start < h.end && h.start < end; });
    };

    bool found = false;
    for (const MentionRecord &mention : std::as_const(*cached)) {
        // Names only: "his", "the company" are the document view's to show.
        if (mention.entityId != entityId || mention.resolved || mention.start < item.start || mention.end > item.end)
            continue;
        const int start = mention.start - item.start;
        const int end = mention.end - item.start;
        if (!overlaps(start, end))
            item.highlights.append({start, end, entityId, type});
        found = true;
    }
    if (found || !node)
        return {};

    // No recorded mention (a relation stated across a sentence boundary, or a
    // store written by an older version): look for its names as words,
    // longest first so that "Jensen Huang" wins over "Huang".
    QStringList names = node->aliases;
    names.append(node->name);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &name : std::as_const(names)) {
        if (name.isEmpty())
            continue;
        const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(name)),
                                      QRegularExpression::CaseInsensitiveOption
                                          | QRegularExpression::UseUnicodePropertiesOption);
        auto matches = word.globalMatch(item.sentence);
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            const int start = int(match.capturedStart());
            const int end = int(match.capturedEnd());
            if (!overlaps(start, end))
                item.highlights.append({start, end, entityId, type});
        }
    }
    return {};
}

} // namespace NewsGraph
