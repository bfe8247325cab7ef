#include "app/cli/GraphFilterOptions.h"

#include "core/extract/EntityType.h"
#include "core/extract/Extraction.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

QCommandLineOption typesOption()
{
    return {u"types"_s, u"Only entities of these types: person, org, place, product, event."_s, u"LIST"_s};
}
QCommandLineOption predicatesOption()
{
    return {u"predicates"_s, u"Only relations with these predicates (e.g. ceo_of,supplies)."_s, u"LIST"_s};
}
QCommandLineOption minimumEvidenceOption()
{
    return {u"min-evidence"_s, u"Only edges stated in at least N sentences (default 1)."_s, u"N"_s};
}
QCommandLineOption documentsOption()
{
    return {u"documents"_s, u"Only what these documents state (ids, see the documents command)."_s,
            u"IDS"_s};
}
QCommandLineOption fromOption()
{
    return {u"since"_s, u"Only documents dated on or after this day (YYYY-MM-DD)."_s, u"DATE"_s};
}
QCommandLineOption toOption()
{
    return {u"until"_s, u"Only documents dated on or before this day (YYYY-MM-DD)."_s, u"DATE"_s};
}
QCommandLineOption cooccurrenceEdgesOption()
{
    return {u"cooccurrence"_s, u"Also use mentioned_with edges (named in the same sentence)."_s};
}
QCommandLineOption hiddenOption()
{
    return {u"hidden"_s, u"Also use the entities hidden in the explorer."_s};
}

QCommandLineOption linkedOnlyOption()
{
    return {u"linked-only"_s, u"Leave out the entities that no link of this graph touches."_s};
}

QStringList listValue(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    QStringList values;
    for (const QString &value : parser.values(option)) {
        for (const QString &item : value.split(u',', Qt::SkipEmptyParts)) {
            if (!item.trimmed().isEmpty())
                values.append(item.trimmed());
        }
    }
    return values;
}

std::optional<EntityType> entityTypeFromUserText(const QString &text)
{
    const QString upper = text.toUpper();
    if (const auto type = entityTypeFromName(upper))
        return type;
    if (upper == u"ORGANIZATION"_s || upper == u"ORGANISATION"_s)
        return EntityType::Organization;
    if (upper == u"LOCATION"_s || upper == u"LOC"_s)
        return EntityType::Place;
    return std::nullopt;
}

Result<QDate> dateValue(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return QDate();
    const QString text = parser.value(option);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        return Error{u"--%1 expects a day as YYYY-MM-DD, not '%2'"_s.arg(option.names().first(), text)};
    return date;
}

} // namespace

QList<QCommandLineOption> graphFilterOptions()
{
    return {typesOption(), predicatesOption(), minimumEvidenceOption(), documentsOption(),
            fromOption(),  toOption(),         cooccurrenceEdgesOption(), hiddenOption(), linkedOnlyOption()};
}

Result<GraphFilter> graphFilterFrom(const QCommandLineParser &parser)
{
    GraphFilter filter;
    for (const QString &name : listValue(parser, typesOption())) {
        const std::optional<EntityType> type = entityTypeFromUserText(name);
        if (!type)
            return Error{u"--types: unknown entity type '%1' (person, org, place, product, event)"_s.arg(name)};
        filter.types.insert(*type);
    }
    for (const QString &predicate : listValue(parser, predicatesOption()))
        filter.predicates.insert(predicate.toLower());
    if (parser.isSet(minimumEvidenceOption())) {
        bool ok = false;
        filter.minimumEvidence = parser.value(minimumEvidenceOption()).toInt(&ok);
        if (!ok || filter.minimumEvidence < 1)
            return Error{u"--min-evidence expects a number of sentences (1 or more), not '%1'"_s.arg(
                parser.value(minimumEvidenceOption()))};
    }
    for (const QString &id : listValue(parser, documentsOption())) {
        bool ok = false;
        const qint64 document = id.toLongLong(&ok);
        if (!ok || document <= 0)
            return Error{u"--documents expects document ids (positive numbers), not '%1'"_s.arg(id)};
        filter.documents.insert(document);
    }
    const Result<QDate> from = dateValue(parser, fromOption());
    if (!from)
        return Error{from.error()};
    const Result<QDate> to = dateValue(parser, toOption());
    if (!to)
        return Error{to.error()};
    filter.from = *from;
    filter.to = *to;
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        return Error{u"--since %1 is after --until %2"_s.arg(filter.from.toString(Qt::ISODate),
                                                           filter.to.toString(Qt::ISODate))};
    filter.includeCooccurrence = parser.isSet(cooccurrenceEdgesOption());
    filter.includeHidden = parser.isSet(hiddenOption());
    filter.includeUnlinked = !parser.isSet(linkedOnlyOption());
    return filter;
}

} // namespace NewsGraph
