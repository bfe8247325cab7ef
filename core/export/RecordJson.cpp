#include "core/export/RecordJson.h"

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

QJsonValue dateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject toJson(const DocumentRecord &document)
{
    return {
        {u"id"_s, document.id},
        {u"document"_s, document.fileName},
        {u"path"_s, document.path},
        {u"title"_s, document.title},
        {u"date"_s, dateValue(document.date)},
        {u"language"_s, document.language},
        {u"source"_s, document.sourceUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(document.sourceUrl)},
        {u"sentences"_s, document.sentenceCount},
        {u"characters"_s, document.length},
        {u"contentHash"_s, document.contentHash},
        {u"ingestedAt"_s, document.ingestedAt},
    };
}

QJsonObject toJson(const SentenceRecord &sentence)
{
    return {
        {u"id"_s, sentence.id},
        {u"documentId"_s, sentence.documentId},
        {u"index"_s, sentence.index},
        {u"start"_s, sentence.start},
        {u"end"_s, sentence.end},
        {u"text"_s, sentence.text},
    };
}

QJsonObject toJson(const SearchHit &hit)
{
    QJsonObject object = toJson(hit.sentence);
    object.insert(u"document"_s, hit.fileName);
    object.insert(u"snippet"_s, hit.snippet);
    return object;
}

QJsonObject toJson(const EntityRecord &entity)
{
    return {
        {u"id"_s, entity.id},
        {u"name"_s, entity.name},
        {u"type"_s, entity.type},
        {u"aliases"_s, QJsonArray::fromStringList(entity.aliases)},
        {u"mentions"_s, entity.mentionCount},
        {u"documents"_s, QJsonArray::fromStringList(entity.documents)},
    };
}

QJsonObject toJson(const EvidenceRecord &evidence)
{
    QJsonObject object{
        {u"document"_s, evidence.fileName},
        {u"document_id"_s, evidence.documentId},
        {u"sentence_id"_s, evidence.sentenceId},
        {u"sentence"_s, evidence.sentence},
        {u"start"_s, evidence.start},
        {u"end"_s, evidence.end},
    };
    // How the sentence states the relation, where known.
    if (!evidence.rule.isEmpty()) {
        object.insert(u"rule"_s, evidence.rule);
        object.insert(u"confidence"_s, evidence.confidence);
    }
    if (!evidence.path.isEmpty())
        object.insert(u"path"_s, evidence.path);
    return object;
}

QJsonObject toJson(const RelationRecord &relation)
{
    return {
        {u"subject"_s, relation.subject},
        {u"predicate"_s, relation.predicate},
        {u"object"_s, relation.object},
        {u"confidence"_s, relation.confidence},
        {u"rule"_s, relation.rule.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(relation.rule)},
        {u"origin"_s, relation.manual ? u"manual"_s : u"extracted"_s},
        {u"evidence"_s, toJsonArray(relation.evidence)},
    };
}

QJsonObject toJson(const StoreStatistics &statistics)
{
    QJsonObject languages;
    for (auto it = statistics.languages.cbegin(); it != statistics.languages.cend(); ++it)
        languages.insert(it.key(), it.value());
    return {
        {u"documents"_s, statistics.documents},
        {u"sentences"_s, statistics.sentences},
        {u"entities"_s, statistics.entities},
        {u"aliases"_s, statistics.aliases},
        {u"mentions"_s, statistics.mentions},
        {u"attributes"_s, statistics.attributes},
        {u"relations"_s, statistics.relations},
        {u"evidence"_s, statistics.evidence},
        {u"cooccurrences"_s, statistics.cooccurrences},
        {u"languages"_s, languages},
    };
}

QJsonObject toJson(const EditRecord &edit)
{
    return {
        {u"id"_s, edit.id},
        {u"kind"_s, edit.kind},
        {u"made_at"_s, edit.madeAt},
        {u"summary"_s, edit.summary},
        {u"detail"_s, edit.detail},
    };
}

QJsonObject toJson(const NoteRecord &note)
{
    QJsonObject json{{u"id"_s, note.id}, {u"text"_s, note.text}, {u"made_at"_s, note.madeAt}};
    if (note.entityId > 0)
        json.insert(u"entity"_s, note.entityId);
    else
        json.insert(u"relation"_s, note.relationId);
    return json;
}

} // namespace NewsGraph
