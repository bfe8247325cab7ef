#include "core/export/Neo4jWriter.h"

#include "core/export/CsvFiles.h"
#include "core/export/OutputFile.h"

#include <QIODevice>
#include <QMap>
#include <QSet>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr QStringView lineEnd = u"\n";

// One line of a value; see the header for why.
QString singleLine(QString text)
{
    text.replace(u"\r\n"_s, u" "_s);
    text.replace(u'\r', u' ');
    text.replace(u'\n', u' ');
    return text;
}

QString labelOf(EntityType type)
{
    switch (type) {
    case EntityType::Person:
        return u"Person"_s;
    case EntityType::Organization:
        return u"Organization"_s;
    case EntityType::Place:
        return u"Place"_s;
    case EntityType::Product:
        return u"Product"_s;
    case EntityType::Event:
        return u"Event"_s;
    }
    return u"Entity"_s;
}

// Property keys for the metric names: the header splits a field on ':' and
// Cypher needs backquotes around anything but letters, digits and '_'.
QStringList metricKeys(const QStringList &metrics)
{
    QSet<QString> taken{u"entityId"_s, u"name"_s,   u"type"_s,   u"aliases"_s, u"mentions"_s,
                        u"documents"_s, u"hidden"_s, u"x"_s,      u"y"_s};
    QStringList keys;
    for (const QString &metric : metrics) {
        QString key;
        for (const QChar c : metric)
            key.append(c.isLetterOrNumber() && c.unicode() < 0x80 ? c : u'_');
        if (key.isEmpty() || key.front().isDigit())
            key.prepend(u"metric_"_s);
        QString unique = key;
        for (int n = 2; taken.contains(unique); ++n)
            unique = key + u'_' + QString::number(n);
        taken.insert(unique);
        keys.append(unique);
    }
    return keys;
}

// "ceo_of" -> "CEO_OF", "partnerOf" -> "PARTNER_OF": Neo4j's convention for
// relationship types.
QString relationshipType(const QString &predicate)
{
    QString type;
    QChar previous;
    for (const QChar c : predicate) {
        const bool wordChar = c.isLetterOrNumber() && c.unicode() < 0x80;
        if (!wordChar) {
            if (!type.isEmpty() && !type.endsWith(u'_'))
                type.append(u'_');
        } else {
            if (c.isUpper() && previous.isLower() && !type.endsWith(u'_'))
                type.append(u'_');
            type.append(c.toUpper());
        }
        previous = c;
    }
    while (type.endsWith(u'_'))
        type.chop(1);
    return type.isEmpty() ? u"RELATED_TO"_s : type;
}

QString numberOrEmpty(double value)
{
    return std::isfinite(value) ? formatNumber(value) : QString();
}

// What one predicate says in one direction on an edge.
struct Statement
{
    qint64 start = 0;
    qint64 end = 0;
    QString predicate;
    QSet<qint64> sentences;
    QSet<qint64> documents;
    bool known = true; // false: listed by the edge without evidence entries
    bool manual = false; // added by the analyst
};

QList<Statement> statementsOf(const GraphEdge &edge)
{
    // Keyed by (predicate, reversed) so the output order is fixed.
    QMap<std::pair<QString, bool>, Statement> grouped;
    for (const GraphEdgeEvidence &evidence : edge.evidence) {
        Statement &statement = grouped[{evidence.predicate, evidence.reversed}];
        statement.predicate = evidence.predicate;
        statement.start = evidence.reversed ? edge.target : edge.source;
        statement.end = evidence.reversed ? edge.source : edge.target;
        statement.manual = statement.manual || evidence.manual;
        if (!evidence.sentenceIds.isEmpty()) // the analyst's assertion is of no document
            statement.documents.insert(evidence.documentId);
        for (const qint64 sentence : evidence.sentenceIds)
            statement.sentences.insert(sentence);
    }
    for (const QString &predicate : edge.predicates) {
        if (grouped.contains({predicate, false}) || grouped.contains({predicate, true}))
            continue;
        Statement statement;
        statement.predicate = predicate;
        statement.start = edge.source;
        statement.end = edge.target;
        statement.known = false;
        grouped.insert({predicate, false}, statement);
    }
    return grouped.values();
}

QString importScript()
{
    // Absolute paths, so it runs from anywhere; the database name first,
    // because --nodes and --relationships take several files and would
    // swallow a name given after them.
    return uR"sh(#!/bin/sh
# Imports this folder into a new, empty Neo4j 5 database with the offline bulk
# importer. Stop the DBMS (or use a database that does not exist yet) first:
#
#   ./import.sh [database]      (default: neo4j)
#
# Set NEO4J_ADMIN to the neo4j-admin to use (default: the one on PATH, or
# $NEO4J_HOME/bin/neo4j-admin when NEO4J_HOME is set). Entity ids are integers,
# hence --id-type=integer; each node's :LABEL column gives it the labels
# Entity and its type (Person, Organization, Place, Product, Event).
# For a database other than the default, run CREATE DATABASE <name> after.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "$NEO4J_ADMIN" ]; then
    if [ -n "$NEO4J_HOME" ]; then NEO4J_ADMIN="$NEO4J_HOME/bin/neo4j-admin"; else NEO4J_ADMIN=neo4j-admin; fi
fi
exec "$NEO4J_ADMIN" database import full "${1:-neo4j}" \
    --id-type=integer \
    --nodes="$here/entities.csv" \
    --relationships="$here/relationships.csv"
)sh"_s;
}

} // namespace

Result<void> writeNeo4jImport(const GraphData &graph, const ExportOptions &options,
                              const QString &directory)
{
    const QStringList metrics = metricNames(options);
    const QStringList keys = metricKeys(metrics);
    const bool withPositions = !options.positions.isEmpty();

    // A failed write need not be checked here: the OutputFile behind
    // `device` refuses every write after it and reports it with the system's
    // reason.
    const auto writeEntities = [&](QIODevice &device) -> Result<void> {
        QStringList header{u"entityId:ID(Entity)"_s, u"name"_s,         u"type"_s,
                           u"aliases:string[]"_s,    u"mentions:int"_s, u"documents:int"_s,
                           u"hidden:boolean"_s,      u"notes"_s};
        for (const QString &key : keys)
            header.append(key + u":double"_s);
        if (withPositions)
            header << u"x:double"_s << u"y:double"_s;
        header.append(u":LABEL"_s);
        device.write(csvRecord(header, lineEnd).toUtf8());

        for (const GraphNode &node : graph.nodes) {
            QStringList aliases;
            for (const QString &alias : node.aliases) {
                const QString clean = singleLine(alias).replace(u';', u',');
                if (!clean.isEmpty())
                    aliases.append(clean);
            }
            QStringList row{QString::number(node.entityId),
                            singleLine(node.name),
                            typeName(node.type),
                            aliases.join(u';'),
                            QString::number(node.mentions),
                            QString::number(node.documentIds.size()),
                            boolText(node.hidden),
                            singleLine(node.notes.join(u" | "_s))};
            row << metricAndPositionCells(node, options, metrics, numberOrEmpty);
            row.append(u"Entity;"_s + labelOf(node.type));
            device.write(csvRecord(row, lineEnd).toUtf8());
        }
        return {};
    };

    const auto writeRelationships = [&](QIODevice &device) -> Result<void> {
        device.write(csvRecord({u":START_ID(Entity)"_s, u":END_ID(Entity)"_s, u":TYPE"_s, u"evidence:int"_s,
                                u"documents:int"_s, u"confidence:double"_s, u"origin"_s},
                               lineEnd)
                         .toUtf8());
        for (const GraphEdge &edge : connectedEdges(graph)) {
            for (const Statement &statement : statementsOf(edge)) {
                const QStringList row{
                    QString::number(statement.start),
                    QString::number(statement.end),
                    relationshipType(statement.predicate),
                    statement.known ? QString::number(statement.sentences.size()) : QString(),
                    statement.known ? QString::number(statement.documents.size()) : QString(),
                    numberOrEmpty(edge.confidence),
                    statement.manual ? u"manual"_s : u"extracted"_s};
                device.write(csvRecord(row, lineEnd).toUtf8());
            }
        }
        return {};
    };

    const auto writeScript = [](QIODevice &device) -> Result<void> {
        device.write(importScript().toUtf8());
        return {};
    };

    // Executable by whoever may read it, set before it appears.
    return writeFolderAtomically(directory, {{u"entities.csv"_s, writeEntities},
                                             {u"relationships.csv"_s, writeRelationships},
                                             {u"import.sh"_s, writeScript, true}});
}

} // namespace NewsGraph
