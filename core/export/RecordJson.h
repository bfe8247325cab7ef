#pragma once

#include "core/store/Records.h"

#include <QJsonArray>
#include <QJsonObject>

namespace NewsGraph {

// The JSON shapes of store records, shared by `newsgraph-cli --json` and the
// data exports. The entity and relation shapes are a published contract
// (used by the reference scorer): keys are only ever added, never renamed.
//
//   entity:   {"id","name","type","aliases":[...],"mentions","documents":[file names]}
//   relation: {"subject","predicate","object","confidence","rule" (or null),
//              "origin" ("manual" or "extracted"),
//              "evidence":[{"document","sentence","start","end"}]}
//   ("rule" was added after the first release; "start"/"end" are UTF-16
//   offsets of the sentence in its document's stored text)
QJsonObject toJson(const DocumentRecord &document);
QJsonObject toJson(const SentenceRecord &sentence);
QJsonObject toJson(const SearchHit &hit);
QJsonObject toJson(const EntityRecord &entity);
QJsonObject toJson(const EvidenceRecord &evidence);
QJsonObject toJson(const RelationRecord &relation);
QJsonObject toJson(const StoreStatistics &statistics);
//   edit:     {"id","kind","made_at","summary","detail":{...}}
//   note:     {"id","entity" or "relation" (ids),"text","made_at"}
QJsonObject toJson(const EditRecord &edit);
QJsonObject toJson(const NoteRecord &note);

template<typename Record>
QJsonArray toJsonArray(const QList<Record> &records)
{
    QJsonArray array;
    for (const Record &record : records)
        array.append(toJson(record));
    return array;
}

} // namespace NewsGraph
