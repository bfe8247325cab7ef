// The graph data exports, each written from one small hand-made graph and
// read back with an independent parser (QXmlStreamReader, an RFC 4180 reader
// written here, QJsonDocument): names that need escaping in every format, a
// pair with predicates pointing opposite ways, a co-occurrence edge, an edge to
// a node that is not exported, metrics on some nodes only, positions.

#include "core/export/ExportOptions.h"
#include "core/export/GraphExporter.h"
#include "core/export/OutputFile.h"
#include "tests/core/export/WriteFailure.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <optional>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

const QString graphmlNamespace = u"http://graphml.graphdrawing.org/xmlns"_s;
const QString gexfNamespace = u"http://gexf.net/1.3"_s;
const QString vizNamespace = u"http://gexf.net/1.3/viz"_s;

// Names that each need escaping somewhere: a comma and quotes (CSV), '&' and
// '<' (XML), non-ASCII letters (encodings), a formula (spreadsheets).
const QString huang = u"Jensen Huang"_s;
const QString nvidia = u"Nvidia, Inc."_s;
const QString mueller = u"Müller & Söhne <GmbH>"_s;
const QString cafe = u"Café \"Le Zinc\", Zürich"_s;
const QString vivatech = u"VivaTech 2025"_s;
const QString chip = u"=2+3 Chip"_s;

GraphNode makeNode(qint64 id, const QString &name, EntityType type, const QStringList &aliases,
                   int mentions, const QList<qint64> &documents, bool hidden = false)
{
    GraphNode node;
    node.entityId = id;
    node.name = name;
    node.type = type;
    node.aliases = aliases;
    node.mentions = mentions;
    node.documentIds = documents;
    node.hidden = hidden;
    return node;
}

GraphEdgeEvidence makeEvidence(qint64 document, QDate date, const QString &predicate, bool reversed,
                               const QList<qint64> &sentences)
{
    GraphEdgeEvidence evidence;
    evidence.documentId = document;
    evidence.documentDate = date;
    evidence.predicate = predicate;
    evidence.reversed = reversed;
    evidence.sentenceIds = sentences;
    return evidence;
}

GraphEdge makeEdge(qint64 source, qint64 target, const QStringList &predicates, int evidenceCount,
                   double confidence, const QList<GraphEdgeEvidence> &evidence,
                   bool cooccurrenceOnly = false)
{
    GraphEdge edge;
    edge.source = source;
    edge.target = target;
    edge.predicates = predicates;
    edge.evidenceCount = evidenceCount;
    edge.confidence = confidence;
    edge.evidence = evidence;
    edge.cooccurrenceOnly = cooccurrenceOnly;
    return edge;
}

const QDate june11(2025, 6, 11);

GraphData sampleGraph()
{
    GraphData graph;
    graph.nodes = {
        makeNode(1, huang, EntityType::Person, {u"Jensen Huang"_s, u"Huang"_s}, 12, {1, 2}),
        makeNode(2, nvidia, EntityType::Organization, {u"Nvidia"_s, u"NVDA; Nvidia Corp|US"_s}, 9, {1, 2}),
        makeNode(3, mueller, EntityType::Organization, {u"Müller"_s}, 3, {2}),
        makeNode(4, cafe, EntityType::Place, {u"Le Zinc"_s}, 2, {2}, true),
        makeNode(5, vivatech, EntityType::Event, {u"VivaTech\nParis"_s, u"VivaTech"_s}, 4, {1}),
        makeNode(6, chip, EntityType::Product, {u"@chip"_s}, 1, {1}),
    };
    graph.edges = {
        // Huang is CEO of Nvidia (twice in document 1, once in 2); Nvidia
        // supports Huang: the same pair, the other way.
        makeEdge(1, 2, {u"ceo_of"_s, u"supports"_s}, 3, 0.9,
                 {makeEvidence(1, june11, u"ceo_of"_s, false, {10, 11}),
                  makeEvidence(2, {}, u"ceo_of"_s, false, {20}),
                  makeEvidence(1, june11, u"supports"_s, true, {11})}),
        makeEdge(2, 3, {u"mentioned_with"_s}, 2, 0.5,
                 {makeEvidence(2, {}, u"mentioned_with"_s, false, {21, 22})}, true),
        // Stored from the café's side: Müller is headquartered in it.
        makeEdge(4, 3, {u"headquartered_in"_s}, 1, 0.75,
                 {makeEvidence(2, {}, u"headquartered_in"_s, true, {23})}),
        // Its other end was filtered out: no writer may keep it.
        makeEdge(1, 99, {u"works_for"_s}, 1, 0.8, {makeEvidence(1, june11, u"works_for"_s, false, {13})}),
        // deal_with has no evidence entry.
        makeEdge(5, 6, {u"deal_with"_s, u"partner_of"_s}, 1, 0.6,
                 {makeEvidence(1, june11, u"partner_of"_s, false, {12})}),
    };
    return graph;
}

ExportOptions sampleOptions()
{
    ExportOptions options;
    options.metrics.insert(1, {{u"degree"_s, 2}, {u"pagerank"_s, 0.25}, {u"betweenness"_s, 0.5}});
    options.metrics.insert(2, {{u"degree"_s, 3}, {u"pagerank"_s, 0.125}, {u"k-core"_s, 2}});
    options.metrics.insert(3, {{u"degree"_s, 2}});
    options.metrics.insert(4, {{u"degree"_s, 1}, {u"pagerank"_s, 0.0625}});
    options.positions.insert(1, {-120.5, 40});
    options.positions.insert(2, {0, 0});
    options.positions.insert(3, {35.25, -80});
    options.positions.insert(4, {10, 10});
    options.positions.insert(5, {-3, 7.5});
    return options;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// ---- CSV ---------------------------------------------------------------

// A strict RFC 4180 reader: every record, the last one too, must end with
// `lineEnd`; a quote may only open a field or be doubled inside a quoted one;
// a quoted field may span lines. Returns the records, or nullopt and why.
std::optional<QList<QStringList>> parseCsv(const QString &text, QStringView lineEnd, QString *problem)
{
    QList<QStringList> records;
    QStringList record;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        QString field;
        if (text.at(i) == u'"') {
            ++i;
            for (;;) {
                if (i >= n) {
                    *problem = u"unterminated quoted field in record %1"_s.arg(records.size() + 1);
                    return std::nullopt;
                }
                if (text.at(i) == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.append(text.at(i++));
            }
        } else {
            while (i < n && text.at(i) != u',' && text.at(i) != u'\r' && text.at(i) != u'\n') {
                if (text.at(i) == u'"') {
                    *problem = u"quote inside an unquoted field in record %1"_s.arg(records.size() + 1);
                    return std::nullopt;
                }
                field.append(text.at(i++));
            }
        }
        record.append(field);
        if (i < n && text.at(i) == u',') {
            ++i;
            continue;
        }
        if (QStringView(text).mid(i).startsWith(lineEnd)) {
            i += lineEnd.size();
            records.append(record);
            record.clear();
            continue;
        }
        *problem = i >= n ? u"the last record has no line end"_s
                          : u"unexpected character or line end in record %1"_s.arg(records.size() + 1);
        return std::nullopt;
    }
    return records;
}

struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;

    // The row whose first cell is `key`; empty if none.
    QStringList row(const QString &key) const
    {
        for (const QStringList &r : rows) {
            if (!r.isEmpty() && r.first() == key)
                return r;
        }
        return {};
    }
    QString cell(const QStringList &r, const QString &column) const
    {
        const qsizetype index = header.indexOf(column);
        return index >= 0 && index < r.size() ? r.at(index) : u"<no column %1>"_s.arg(column);
    }
};

// Reads a CSV file into `table`; returns what is wrong, empty if nothing.
QString readCsv(const QString &path, QStringView lineEnd, CsvTable &table)
{
    const QByteArray bytes = readAll(path);
    if (bytes.isEmpty())
        return u"%1 is missing or empty"_s.arg(path);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return u"%1 starts with a byte-order mark"_s.arg(path);
    QString problem;
    const auto records = parseCsv(QString::fromUtf8(bytes), lineEnd, &problem);
    if (!records)
        return u"%1: %2"_s.arg(path, problem);
    if (records->isEmpty())
        return u"%1 has no header"_s.arg(path);
    table.header = records->first();
    table.rows = records->mid(1);
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        if (table.rows.at(i).size() != table.header.size())
            return u"%1: record %2 has %3 fields, the header %4"_s.arg(path)
                .arg(i + 2)
                .arg(table.rows.at(i).size())
                .arg(table.header.size());
    }
    return {};
}

// ---- XML ---------------------------------------------------------------

struct XmlKey
{
    QString domain; // "node" or "edge"
    QString name;
    QString type;
};

struct XmlItem
{
    QString id;
    QString source; // edges only
    QString target;
    QString label;  // GEXF
    QString weight; // GEXF edges
    QHash<QString, QString> values; // by attribute name
    // GEXF viz
    QStringList color; // r, g, b
    QString size;
    QStringList position; // x, y, z
};

struct XmlGraph
{
    QHash<QString, XmlKey> keys; // by id
    QList<XmlItem> nodes;
    QList<XmlItem> edges;

    const XmlItem *node(const QString &id) const
    {
        for (const XmlItem &item : nodes) {
            if (item.id == id)
                return &item;
        }
        return nullptr;
    }
    const XmlItem *edge(const QString &source, const QString &target) const
    {
        for (const XmlItem &item : edges) {
            if (item.source == source && item.target == target)
                return &item;
        }
        return nullptr;
    }
    QSet<QString> declared(const QString &domain) const
    {
        QSet<QString> names;
        for (const XmlKey &key : keys) {
            if (key.domain == domain)
                names.insert(key.name + u':' + key.type);
        }
        return names;
    }
};

QString attribute(const QXmlStreamReader &xml, const QString &name)
{
    return xml.attributes().value(name).toString();
}

// Reads a GraphML file; returns what is wrong, empty if nothing.
QString readGraphML(const QString &path, XmlGraph &graph)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot open %1"_s.arg(path);
    QXmlStreamReader xml(&file);
    XmlItem *current = nullptr;
    bool sawRoot = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.namespaceUri() != graphmlNamespace)
            return u"element %1 outside the GraphML namespace"_s.arg(xml.name().toString());
        const QStringView name = xml.name();
        if (name == u"graphml") {
            sawRoot = true;
        } else if (name == u"key") {
            graph.keys.insert(attribute(xml, u"id"_s),
                              {attribute(xml, u"for"_s), attribute(xml, u"attr.name"_s),
                               attribute(xml, u"attr.type"_s)});
        } else if (name == u"node") {
            graph.nodes.append(XmlItem());
            current = &graph.nodes.last();
            current->id = attribute(xml, u"id"_s);
        } else if (name == u"edge") {
            graph.edges.append(XmlItem());
            current = &graph.edges.last();
            current->id = attribute(xml, u"id"_s);
            current->source = attribute(xml, u"source"_s);
            current->target = attribute(xml, u"target"_s);
        } else if (name == u"data") {
            const QString key = attribute(xml, u"key"_s);
            if (!current || !graph.keys.contains(key))
                return u"data for undeclared key %1"_s.arg(key);
            current->values.insert(graph.keys.value(key).name, xml.readElementText());
        }
    }
    if (xml.hasError())
        return u"%1 is not well-formed: %2 (line %3)"_s.arg(path, xml.errorString()).arg(xml.lineNumber());
    return sawRoot ? QString() : u"no <graphml> root"_s;
}

// Reads a GEXF file; returns what is wrong, empty if nothing. Keys are
// stored as "<class>/<id>".
QString readGexf(const QString &path, XmlGraph &graph)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot open %1"_s.arg(path);
    QXmlStreamReader xml(&file);
    XmlItem *current = nullptr;
    QString attributeClass;
    QString itemClass;
    bool sawRoot = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        if (xml.namespaceUri() == vizNamespace) {
            if (!current || itemClass != u"node")
                return u"viz:%1 outside a node"_s.arg(name.toString());
            if (name == u"color")
                current->color = {attribute(xml, u"r"_s), attribute(xml, u"g"_s), attribute(xml, u"b"_s)};
            else if (name == u"size")
                current->size = attribute(xml, u"value"_s);
            else if (name == u"position")
                current->position = {attribute(xml, u"x"_s), attribute(xml, u"y"_s), attribute(xml, u"z"_s)};
            continue;
        }
        if (xml.namespaceUri() != gexfNamespace)
            return u"element %1 outside the GEXF namespace"_s.arg(name.toString());
        if (name == u"gexf") {
            sawRoot = attribute(xml, u"version"_s) == u"1.3";
        } else if (name == u"attributes") {
            attributeClass = attribute(xml, u"class"_s);
        } else if (name == u"attribute") {
            graph.keys.insert(attributeClass + u'/' + attribute(xml, u"id"_s),
                              {attributeClass, attribute(xml, u"title"_s), attribute(xml, u"type"_s)});
        } else if (name == u"node") {
            graph.nodes.append(XmlItem());
            current = &graph.nodes.last();
            itemClass = u"node"_s;
            current->id = attribute(xml, u"id"_s);
            current->label = attribute(xml, u"label"_s);
        } else if (name == u"edge") {
            graph.edges.append(XmlItem());
            current = &graph.edges.last();
            itemClass = u"edge"_s;
            current->id = attribute(xml, u"id"_s);
            current->source = attribute(xml, u"source"_s);
            current->target = attribute(xml, u"target"_s);
            current->label = attribute(xml, u"label"_s);
            current->weight = attribute(xml, u"weight"_s);
        } else if (name == u"attvalue") {
            const QString key = itemClass + u'/' + attribute(xml, u"for"_s);
            if (!current || !graph.keys.contains(key))
                return u"attvalue for undeclared attribute %1"_s.arg(key);
            current->values.insert(graph.keys.value(key).name, attribute(xml, u"value"_s));
        }
    }
    if (xml.hasError())
        return u"%1 is not well-formed: %2 (line %3)"_s.arg(path, xml.errorString()).arg(xml.lineNumber());
    return sawRoot ? QString() : u"no <gexf version=\"1.3\"> root"_s;
}

QJsonObject findById(const QJsonArray &array, qint64 id)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().value(u"id"_s).toInteger(-1) == id)
            return value.toObject();
    }
    return {};
}

QJsonObject findEdge(const QJsonArray &array, qint64 source, qint64 target)
{
    for (const QJsonValue &value : array) {
        const QJsonObject edge = value.toObject();
        if (edge.value(u"source"_s).toInteger(-1) == source && edge.value(u"target"_s).toInteger(-1) == target)
            return edge;
    }
    return {};
}

QStringList sortedEntries(const QDir &dir)
{
    QStringList entries = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    entries.sort();
    return entries;
}

// A graph whose every file is several times the buffers on the way (the
// writers', Qt's 16 KiB, the checked device's): 400 entities, 3,200 edges.
// The edges outweigh the entities, so that in the folder formats a later file
// is the largest one.
GraphData largeGraph()
{
    constexpr int nodeCount = 400;
    const EntityType types[] = {EntityType::Person, EntityType::Organization, EntityType::Place,
                                EntityType::Product, EntityType::Event};
    GraphData graph;
    for (int i = 1; i <= nodeCount; ++i) {
        graph.nodes.append(makeNode(i, u"Entity %1, \"n° %1\""_s.arg(i), types[i % 5], {u"E%1"_s.arg(i)}, i % 17 + 1,
                                    {i % 7 + 1}));
    }
    for (int i = 1; i <= nodeCount; ++i) {
        for (int step = 1; step <= 8; ++step) {
            const int other = (i + step * 37) % nodeCount + 1;
            graph.edges.append(makeEdge(i, other, {u"partner_of"_s, u"supplies"_s}, 2, 0.5,
                                        {makeEvidence(i % 7 + 1, june11, u"partner_of"_s, false, {i * 10}),
                                         makeEvidence(i % 5 + 1, {}, u"supplies"_s, true, {i * 10 + 1})}));
        }
    }
    return graph;
}

// Every file under `root` (its own path relative to `root`) with its bytes;
// folders as "<folder>". What a failed export must leave as it found it.
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir base(root);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(base.relativeFilePath(path), it.fileInfo().isDir() ? QByteArray("<folder>") : readAll(path));
    }
    return files;
}

// Names with what XML 1.0 cannot carry: C0 controls (NUL, BEL, ESC, FF, US),
// the non-characters U+FFFE and U+FFFF, lone surrogates; with tab, line
// breaks and a real surrogate pair, which it can.
const QString grinning = QString::fromUcs4(U"\U0001F600");
const QString nulName = u"Nul"_s + QChar(0x0000) + u"Byte"_s;
const QString escName = u"Esc"_s + QChar(0x001B) + u"[31m Corp "_s + grinning;
const QString feedName = u"Form"_s + QChar(0x000C) + u"Feed"_s + QChar(0xFFFE) + QChar(0xFFFF);
const QString loneName = QChar(0xD800) + u"Lone\tSurrogates"_s + QChar(0xDC00);
const QString bellAlias = u"Bell"_s + QChar(0x0007);
const QString unitPredicate = u"ceo"_s + QChar(0x001F) + u"of"_s;
const QString backspaceMetric = u"page"_s + QChar(0x0008) + u"rank"_s;

GraphData controlCharacterGraph()
{
    GraphData graph;
    graph.nodes = {
        makeNode(1, nulName, EntityType::Person, {bellAlias, u"Line\nBreak"_s}, 2, {1}),
        makeNode(2, escName, EntityType::Organization, {}, 1, {1}),
        makeNode(3, feedName, EntityType::Place, {}, 1, {1}),
        makeNode(4, loneName, EntityType::Event, {}, 1, {1}),
    };
    graph.edges = {
        makeEdge(1, 2, {unitPredicate}, 1, 0.9, {makeEvidence(1, june11, unitPredicate, false, {1})}),
        makeEdge(3, 4, {u"held_in"_s}, 1, 0.5, {makeEvidence(1, june11, u"held_in"_s, true, {2})}),
    };
    return graph;
}

ExportOptions controlCharacterOptions()
{
    ExportOptions options;
    options.metrics.insert(1, {{backspaceMetric, 0.5}});
    options.metrics.insert(2, {{backspaceMetric, 0.25}});
    return options;
}

} // namespace

class TestGraphExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatNames();
    void graphml();
    void gexf();
    void csv();
    void json();
    void neo4j();
    void missingFolderLeavesNoFile_data();
    void missingFolderLeavesNoFile();
    void folderFormatRefusesAFile_data();
    void folderFormatRefusesAFile();
    void folderFormatCreatesItsFolder();
    void overwriteReplacesWhole_data();
    void overwriteReplacesWhole();
    void failedWriteKeepsTheOldFile();
    void deviceFullIsReported_data();
    void deviceFullIsReported();
    void deviceIsWrittenNotReplaced_data();
    void deviceIsWrittenNotReplaced();
    void shortWriteLeavesNothing_data();
    void shortWriteLeavesNothing();
    void controlCharactersStayWellFormed_data();
    void controlCharactersStayWellFormed();
};

void TestGraphExport::formatNames()
{
    const QStringList names = exportFormatNames();
    QCOMPARE(names, (QStringList{u"graphml"_s, u"gexf"_s, u"csv"_s, u"json"_s, u"neo4j"_s}));
    for (const QString &name : names) {
        const auto format = exportFormatFromName(name);
        QVERIFY2(format.has_value(), qPrintable(name));
        QCOMPARE(exportFormatName(*format), name);
        QCOMPARE(exportFormatFromName(name.toUpper()), format);
    }
    QCOMPARE(exportFormatFromName(u"GraphML"_s), ExportFormat::GraphML);
    QCOMPARE(exportFormatFromName(u"Neo4J"_s), ExportFormat::Neo4j);
    for (const QString &unknown : {u""_s, u"xml"_s, u"graphml "_s, u"csv2"_s, u"neo"_s, u"gexf.gz"_s})
        QVERIFY2(!exportFormatFromName(unknown).has_value(), qPrintable(unknown));

    QVERIFY(!exportWritesDirectory(ExportFormat::GraphML));
    QVERIFY(!exportWritesDirectory(ExportFormat::Gexf));
    QVERIFY(!exportWritesDirectory(ExportFormat::Json));
    QVERIFY(exportWritesDirectory(ExportFormat::Csv));
    QVERIFY(exportWritesDirectory(ExportFormat::Neo4j));
    QCOMPARE(exportFileSuffix(ExportFormat::GraphML), u"graphml"_s);
    QCOMPARE(exportFileSuffix(ExportFormat::Gexf), u"gexf"_s);
    QCOMPARE(exportFileSuffix(ExportFormat::Json), u"json"_s);
    QVERIFY(exportFileSuffix(ExportFormat::Csv).isEmpty());
    QVERIFY(exportFileSuffix(ExportFormat::Neo4j).isEmpty());
}

void TestGraphExport::graphml()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"graph.graphml"_s);
    const Result<void> written = exportGraph(ExportFormat::GraphML, sampleGraph(), sampleOptions(), path);
    QVERIFY2(written.ok(), qPrintable(written.error()));

    XmlGraph graph;
    const QString problem = readGraphML(path, graph);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QCOMPARE(graph.declared(u"node"_s),
             (QSet<QString>{u"name:string"_s, u"type:string"_s, u"aliases:string"_s, u"mentions:int"_s,
                            u"documents:int"_s, u"hidden:boolean"_s, u"notes:string"_s, u"betweenness:double"_s,
                            u"degree:double"_s, u"k-core:double"_s, u"pagerank:double"_s,
                            u"x:double"_s, u"y:double"_s}));
    QCOMPARE(graph.declared(u"edge"_s),
             (QSet<QString>{u"predicates:string"_s, u"evidence:int"_s, u"confidence:double"_s,
                            u"cooccurrence:boolean"_s, u"origin:string"_s, u"notes:string"_s}));

    QCOMPARE(graph.nodes.size(), 6);
    QCOMPARE(graph.edges.size(), 4);
    for (const XmlItem &edge : std::as_const(graph.edges)) {
        QVERIFY(graph.node(edge.source));
        QVERIFY(graph.node(edge.target));
    }

    const XmlItem *huangNode = graph.node(u"1"_s);
    QVERIFY(huangNode);
    QCOMPARE(huangNode->values.value(u"name"_s), huang);
    QCOMPARE(huangNode->values.value(u"type"_s), u"PERSON"_s);
    QCOMPARE(huangNode->values.value(u"mentions"_s), u"12"_s);
    QCOMPARE(huangNode->values.value(u"documents"_s), u"2"_s);
    QCOMPARE(huangNode->values.value(u"pagerank"_s), u"0.25"_s);
    QCOMPARE(huangNode->values.value(u"betweenness"_s), u"0.5"_s);
    QCOMPARE(huangNode->values.value(u"x"_s), u"-120.5"_s);
    QCOMPARE(huangNode->values.value(u"y"_s), u"40"_s);

    const XmlItem *muellerNode = graph.node(u"3"_s);
    QVERIFY(muellerNode);
    QCOMPARE(muellerNode->values.value(u"name"_s), mueller);
    QCOMPARE(muellerNode->values.value(u"degree"_s), u"2"_s);
    QVERIFY(!muellerNode->values.contains(u"pagerank"_s)); // no value, not 0

    QCOMPARE(graph.node(u"2"_s)->values.value(u"aliases"_s), u"Nvidia|NVDA; Nvidia Corp|US"_s);
    QCOMPARE(graph.node(u"4"_s)->values.value(u"name"_s), cafe);
    QCOMPARE(graph.node(u"4"_s)->values.value(u"hidden"_s), u"true"_s);
    QCOMPARE(graph.node(u"5"_s)->values.value(u"aliases"_s), u"VivaTech\nParis|VivaTech"_s);
    QCOMPARE(graph.node(u"6"_s)->values.value(u"name"_s), chip);
    QVERIFY(!graph.node(u"6"_s)->values.contains(u"x"_s));

    const XmlItem *ceo = graph.edge(u"1"_s, u"2"_s);
    QVERIFY(ceo);
    QCOMPARE(ceo->values.value(u"predicates"_s), u"ceo_of|supports"_s);
    QCOMPARE(ceo->values.value(u"evidence"_s), u"3"_s);
    QCOMPARE(ceo->values.value(u"confidence"_s), u"0.9"_s);
    QCOMPARE(ceo->values.value(u"cooccurrence"_s), u"false"_s);
    QCOMPARE(graph.edge(u"2"_s, u"3"_s)->values.value(u"cooccurrence"_s), u"true"_s);
    QVERIFY(graph.edge(u"4"_s, u"3"_s));
    QVERIFY(!graph.edge(u"1"_s, u"99"_s));
}

void TestGraphExport::gexf()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"graph.gexf"_s);
    const Result<void> written = exportGraph(ExportFormat::Gexf, sampleGraph(), sampleOptions(), path);
    QVERIFY2(written.ok(), qPrintable(written.error()));

    XmlGraph graph;
    const QString problem = readGexf(path, graph);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    QCOMPARE(graph.declared(u"node"_s),
             (QSet<QString>{u"type:string"_s, u"aliases:string"_s, u"mentions:integer"_s,
                            u"documents:integer"_s, u"hidden:boolean"_s, u"notes:string"_s, u"betweenness:double"_s,
                            u"degree:double"_s, u"k-core:double"_s, u"pagerank:double"_s}));
    QCOMPARE(graph.declared(u"edge"_s),
             (QSet<QString>{u"predicates:string"_s, u"evidence:integer"_s, u"confidence:double"_s,
                            u"cooccurrence:boolean"_s, u"origin:string"_s, u"notes:string"_s}));

    QCOMPARE(graph.nodes.size(), 6);
    QCOMPARE(graph.edges.size(), 4);
    QVERIFY(!graph.edge(u"1"_s, u"99"_s));

    const GraphData data = sampleGraph();
    for (const GraphNode &node : data.nodes) {
        const XmlItem *item = graph.node(QString::number(node.entityId));
        QVERIFY(item);
        QCOMPARE(item->label, node.name);
        const TypeColor color = typeColor(node.type);
        QCOMPARE(item->color, (QStringList{QString::number(color.red), QString::number(color.green),
                                           QString::number(color.blue)}));
        QVERIFY2(!item->size.isEmpty(), qPrintable(node.name));
        QCOMPARE(item->position.isEmpty(), node.entityId == 6);
    }
    // Sized by mentions (1..12) onto 5..50.
    QCOMPARE(graph.node(u"1"_s)->size, u"50"_s);
    QCOMPARE(graph.node(u"6"_s)->size, u"5"_s);
    // Gephi's y axis points up.
    QCOMPARE(graph.node(u"1"_s)->position, (QStringList{u"-120.5"_s, u"-40"_s, u"0"_s}));

    QCOMPARE(graph.node(u"1"_s)->values.value(u"pagerank"_s), u"0.25"_s);
    QCOMPARE(graph.node(u"2"_s)->values.value(u"k-core"_s), u"2"_s);
    QVERIFY(!graph.node(u"3"_s)->values.contains(u"pagerank"_s));
    QCOMPARE(graph.node(u"3"_s)->values.value(u"type"_s), u"ORG"_s);
    QCOMPARE(graph.node(u"4"_s)->values.value(u"hidden"_s), u"true"_s);

    const XmlItem *ceo = graph.edge(u"1"_s, u"2"_s);
    QVERIFY(ceo);
    QCOMPARE(ceo->label, u"ceo_of|supports"_s);
    QCOMPARE(ceo->weight, u"3"_s);
    QCOMPARE(ceo->values.value(u"confidence"_s), u"0.9"_s);
    QCOMPARE(graph.edge(u"2"_s, u"3"_s)->values.value(u"cooccurrence"_s), u"true"_s);
}

void TestGraphExport::csv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"tables"_s); // created by the export
    const Result<void> written = exportGraph(ExportFormat::Csv, sampleGraph(), sampleOptions(), folder);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QCOMPARE(sortedEntries(QDir(folder)), (QStringList{u"edges.csv"_s, u"nodes.csv"_s}));

    // Every record ends with CRLF: the reader is given only that line end.
    CsvTable nodes;
    QString problem = readCsv(QDir(folder).filePath(u"nodes.csv"_s), u"\r\n", nodes);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(nodes.header,
             (QStringList{u"id"_s, u"name"_s, u"type"_s, u"aliases"_s, u"mentions"_s, u"documents"_s,
                          u"hidden"_s, u"notes"_s, u"betweenness"_s, u"degree"_s, u"k-core"_s,
                          u"pagerank"_s, u"x"_s, u"y"_s}));
    QCOMPARE(nodes.rows.size(), 6);

    QCOMPARE(nodes.row(u"1"_s),
             (QStringList{u"1"_s, huang, u"PERSON"_s, u"Jensen Huang|Huang"_s, u"12"_s, u"2"_s,
                          u"false"_s, QString(), u"0.5"_s, u"2"_s, QString(), u"0.25"_s, u"-120.5"_s, u"40"_s}));
    const QStringList nvidiaRow = nodes.row(u"2"_s);
    QCOMPARE(nodes.cell(nvidiaRow, u"name"_s), nvidia);
    QCOMPARE(nodes.cell(nvidiaRow, u"aliases"_s), u"Nvidia|NVDA; Nvidia Corp|US"_s);
    QCOMPARE(nodes.cell(nvidiaRow, u"k-core"_s), u"2"_s);
    QCOMPARE(nodes.cell(nodes.row(u"3"_s), u"name"_s), mueller);
    QCOMPARE(nodes.cell(nodes.row(u"3"_s), u"pagerank"_s), QString()); // no value, not 0
    QCOMPARE(nodes.cell(nodes.row(u"3"_s), u"y"_s), u"-80"_s);
    QCOMPARE(nodes.cell(nodes.row(u"4"_s), u"name"_s), cafe);
    QCOMPARE(nodes.cell(nodes.row(u"4"_s), u"type"_s), u"PLACE"_s);
    QCOMPARE(nodes.cell(nodes.row(u"4"_s), u"hidden"_s), u"true"_s);
    // A line break inside a value stays, inside its quotes.
    QCOMPARE(nodes.cell(nodes.row(u"5"_s), u"aliases"_s), u"VivaTech\nParis|VivaTech"_s);
    QCOMPARE(nodes.cell(nodes.row(u"5"_s), u"x"_s), u"-3"_s); // a number: no apostrophe
    // Text a spreadsheet would run as a formula is defused.
    const QStringList chipRow = nodes.row(u"6"_s);
    QCOMPARE(nodes.cell(chipRow, u"name"_s), u"'=2+3 Chip"_s);
    QCOMPARE(nodes.cell(chipRow, u"aliases"_s), u"'@chip"_s);
    QCOMPARE(nodes.cell(chipRow, u"type"_s), u"PRODUCT"_s);
    QCOMPARE(nodes.cell(chipRow, u"x"_s), QString());
    QCOMPARE(nodes.cell(chipRow, u"y"_s), QString());

    const QByteArray raw = readAll(QDir(folder).filePath(u"nodes.csv"_s));
    QVERIFY(raw.contains(u"\"Café \"\"Le Zinc\"\", Zürich\""_s.toUtf8()));
    QVERIFY(raw.startsWith("id,name,type,aliases,mentions,documents,hidden,"));

    CsvTable edges;
    problem = readCsv(QDir(folder).filePath(u"edges.csv"_s), u"\r\n", edges);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(edges.header,
             (QStringList{u"source"_s, u"target"_s, u"source_name"_s, u"target_name"_s,
                          u"predicates"_s, u"evidence"_s, u"confidence"_s, u"cooccurrence"_s, u"origin"_s,
                          u"notes"_s}));
    QCOMPARE(edges.rows.size(), 4);
    QCOMPARE(edges.rows.at(0),
             (QStringList{u"1"_s, u"2"_s, huang, nvidia, u"ceo_of|supports"_s, u"3"_s, u"0.9"_s,
                          u"false"_s, u"extracted"_s, QString()}));
    QCOMPARE(edges.rows.at(1),
             (QStringList{u"2"_s, u"3"_s, nvidia, mueller, u"mentioned_with"_s, u"2"_s, u"0.5"_s,
                          u"true"_s, u"extracted"_s, QString()}));
    QCOMPARE(edges.rows.at(2),
             (QStringList{u"4"_s, u"3"_s, cafe, mueller, u"headquartered_in"_s, u"1"_s, u"0.75"_s,
                          u"false"_s, u"extracted"_s, QString()}));
    QCOMPARE(edges.rows.at(3),
             (QStringList{u"5"_s, u"6"_s, vivatech, u"'=2+3 Chip"_s, u"deal_with|partner_of"_s,
                          u"1"_s, u"0.6"_s, u"false"_s, u"extracted"_s, QString()}));
}

void TestGraphExport::json()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"graph.json"_s);
    const Result<void> written = exportGraph(ExportFormat::Json, sampleGraph(), sampleOptions(), path);
    QVERIFY2(written.ok(), qPrintable(written.error()));

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readAll(path), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    QCOMPARE(root.value(u"format"_s).toString(), u"newsgraph-graph"_s);
    QVERIFY(root.value(u"version"_s).isDouble());
    QCOMPARE(root.value(u"version"_s).toInt(), 1);

    const QJsonArray nodes = root.value(u"nodes"_s).toArray();
    const QJsonArray edges = root.value(u"edges"_s).toArray();
    QCOMPARE(nodes.size(), 6);
    QCOMPARE(edges.size(), 4);

    const QJsonObject huangNode = findById(nodes, 1);
    QCOMPARE(huangNode.value(u"name"_s).toString(), huang);
    QCOMPARE(huangNode.value(u"type"_s).toString(), u"PERSON"_s);
    QVERIFY(huangNode.value(u"mentions"_s).isDouble());
    QCOMPARE(huangNode.value(u"mentions"_s).toInt(), 12);
    QCOMPARE(huangNode.value(u"documents"_s).toArray(), (QJsonArray{1, 2}));
    QCOMPARE(huangNode.value(u"hidden"_s), QJsonValue(false));
    QCOMPARE(huangNode.value(u"metrics"_s).toObject(),
             (QJsonObject{{u"betweenness"_s, 0.5}, {u"degree"_s, 2}, {u"pagerank"_s, 0.25}}));
    QCOMPARE(huangNode.value(u"x"_s).toDouble(), -120.5);
    QCOMPARE(huangNode.value(u"y"_s).toDouble(), 40.0);

    QCOMPARE(findById(nodes, 2).value(u"aliases"_s).toArray(),
             (QJsonArray{u"Nvidia"_s, u"NVDA; Nvidia Corp|US"_s}));
    QCOMPARE(findById(nodes, 3).value(u"name"_s).toString(), mueller);
    QCOMPARE(findById(nodes, 3).value(u"metrics"_s).toObject(), (QJsonObject{{u"degree"_s, 2}}));
    QCOMPARE(findById(nodes, 4).value(u"name"_s).toString(), cafe);
    QCOMPARE(findById(nodes, 4).value(u"hidden"_s), QJsonValue(true));
    QCOMPARE(findById(nodes, 5).value(u"aliases"_s).toArray().first().toString(), u"VivaTech\nParis"_s);
    const QJsonObject chipNode = findById(nodes, 6);
    QCOMPARE(chipNode.value(u"name"_s).toString(), chip); // exact: JSON needs no formula guard
    QCOMPARE(chipNode.value(u"type"_s).toString(), u"PRODUCT"_s);
    QVERIFY(chipNode.value(u"metrics"_s).toObject().isEmpty());
    QVERIFY(!chipNode.contains(u"x"_s));
    QVERIFY(!chipNode.contains(u"y"_s));

    const QJsonObject ceo = findEdge(edges, 1, 2);
    QCOMPARE(ceo.value(u"predicates"_s).toArray(), (QJsonArray{u"ceo_of"_s, u"supports"_s}));
    QCOMPARE(ceo.value(u"evidence"_s).toInt(), 3);
    QCOMPARE(ceo.value(u"confidence"_s).toDouble(), 0.9);
    QCOMPARE(ceo.value(u"cooccurrence"_s), QJsonValue(false));
    const QJsonArray statements = ceo.value(u"statements"_s).toArray();
    QCOMPARE(statements.size(), 3);
    QCOMPARE(statements.at(0).toObject(),
             (QJsonObject{{u"predicate"_s, u"ceo_of"_s}, {u"subject"_s, 1}, {u"object"_s, 2},
                          {u"document"_s, 1}, {u"date"_s, u"2025-06-11"_s}, {u"origin"_s, u"extracted"_s},
                          {u"sentences"_s, QJsonArray{10, 11}}}));
    QCOMPARE(statements.at(1).toObject().value(u"date"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(statements.at(1).toObject().value(u"sentences"_s).toArray(), (QJsonArray{20}));
    // The same pair, the other way.
    QCOMPARE(statements.at(2).toObject(),
             (QJsonObject{{u"predicate"_s, u"supports"_s}, {u"subject"_s, 2}, {u"object"_s, 1},
                          {u"document"_s, 1}, {u"date"_s, u"2025-06-11"_s}, {u"origin"_s, u"extracted"_s},
                          {u"sentences"_s, QJsonArray{11}}}));

    const QJsonObject cooccurrence = findEdge(edges, 2, 3);
    QCOMPARE(cooccurrence.value(u"cooccurrence"_s), QJsonValue(true));
    QCOMPARE(cooccurrence.value(u"predicates"_s).toArray(), (QJsonArray{u"mentioned_with"_s}));

    const QJsonArray headquarters = findEdge(edges, 4, 3).value(u"statements"_s).toArray();
    QCOMPARE(headquarters.size(), 1);
    QCOMPARE(headquarters.at(0).toObject().value(u"subject"_s).toInteger(), 3);
    QCOMPARE(headquarters.at(0).toObject().value(u"object"_s).toInteger(), 4);

    QVERIFY(findEdge(edges, 1, 99).isEmpty());
    QCOMPARE(findEdge(edges, 5, 6).value(u"statements"_s).toArray().size(), 1);
}

void TestGraphExport::neo4j()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"neo4j/import"_s); // parents created too
    const Result<void> written = exportGraph(ExportFormat::Neo4j, sampleGraph(), sampleOptions(), folder);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    const QDir out(folder);
    QCOMPARE(sortedEntries(out),
             (QStringList{u"entities.csv"_s, u"import.sh"_s, u"relationships.csv"_s}));

    // LF line ends, and no line break inside any value: one line per record.
    const QByteArray entitiesRaw = readAll(out.filePath(u"entities.csv"_s));
    QVERIFY(!entitiesRaw.contains('\r'));
    QCOMPARE(entitiesRaw.count('\n'), 7);
    QVERIFY(entitiesRaw.startsWith(
        "entityId:ID(Entity),name,type,aliases:string[],mentions:int,documents:int,hidden:boolean,notes,"
        "betweenness:double,degree:double,k_core:double,pagerank:double,x:double,y:double,:LABEL\n"));

    CsvTable entities;
    QString problem = readCsv(out.filePath(u"entities.csv"_s), u"\n", entities);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(entities.rows.size(), 6);
    QCOMPARE(entities.row(u"1"_s),
             (QStringList{u"1"_s, huang, u"PERSON"_s, u"Jensen Huang;Huang"_s, u"12"_s, u"2"_s,
                          u"false"_s, QString(), u"0.5"_s, u"2"_s, QString(), u"0.25"_s, u"-120.5"_s, u"40"_s,
                          u"Entity;Person"_s}));
    // The array delimiter cannot be escaped: the ';' inside an alias goes.
    QCOMPARE(entities.cell(entities.row(u"2"_s), u"aliases:string[]"_s), u"Nvidia;NVDA, Nvidia Corp|US"_s);
    QCOMPARE(entities.cell(entities.row(u"2"_s), u":LABEL"_s), u"Entity;Organization"_s);
    QCOMPARE(entities.cell(entities.row(u"3"_s), u"name"_s), mueller);
    QCOMPARE(entities.cell(entities.row(u"4"_s), u"name"_s), cafe);
    QCOMPARE(entities.cell(entities.row(u"4"_s), u"hidden:boolean"_s), u"true"_s);
    QCOMPARE(entities.cell(entities.row(u"4"_s), u":LABEL"_s), u"Entity;Place"_s);
    QCOMPARE(entities.cell(entities.row(u"5"_s), u"aliases:string[]"_s), u"VivaTech Paris;VivaTech"_s);
    QCOMPARE(entities.cell(entities.row(u"5"_s), u":LABEL"_s), u"Entity;Event"_s);
    QCOMPARE(entities.cell(entities.row(u"6"_s), u"name"_s), chip); // no spreadsheet reads it
    QCOMPARE(entities.cell(entities.row(u"6"_s), u"x:double"_s), QString());
    QCOMPARE(entities.cell(entities.row(u"6"_s), u":LABEL"_s), u"Entity;Product"_s);

    CsvTable relationships;
    problem = readCsv(out.filePath(u"relationships.csv"_s), u"\n", relationships);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(relationships.header,
             (QStringList{u":START_ID(Entity)"_s, u":END_ID(Entity)"_s, u":TYPE"_s, u"evidence:int"_s,
                          u"documents:int"_s, u"confidence:double"_s, u"origin"_s}));
    const QList<QStringList> expected{
        {u"1"_s, u"2"_s, u"CEO_OF"_s, u"3"_s, u"2"_s, u"0.9"_s, u"extracted"_s},
        {u"2"_s, u"1"_s, u"SUPPORTS"_s, u"1"_s, u"1"_s, u"0.9"_s, u"extracted"_s}, // reversed on the edge
        {u"2"_s, u"3"_s, u"MENTIONED_WITH"_s, u"2"_s, u"1"_s, u"0.5"_s, u"extracted"_s},
        {u"3"_s, u"4"_s, u"HEADQUARTERED_IN"_s, u"1"_s, u"1"_s, u"0.75"_s, u"extracted"_s},
        {u"5"_s, u"6"_s, u"DEAL_WITH"_s, QString(), QString(), u"0.6"_s, u"extracted"_s}, // no evidence entry
        {u"5"_s, u"6"_s, u"PARTNER_OF"_s, u"1"_s, u"1"_s, u"0.6"_s, u"extracted"_s},
    };
    QCOMPARE(relationships.rows.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(relationships.rows.at(i), expected.at(i));

    const QString script = out.filePath(u"import.sh"_s);
    const QByteArray command = readAll(script);
    QVERIFY(command.startsWith("#!/bin/sh\n"));
    QVERIFY(command.contains("database import full \"${1:-neo4j}\""));
    QVERIFY(command.contains("--id-type=integer"));
    QVERIFY(command.contains("--nodes=\"$here/entities.csv\""));
    QVERIFY(command.contains("--relationships=\"$here/relationships.csv\""));
    QVERIFY(QFileInfo(script).isExecutable());
}

void TestGraphExport::missingFolderLeavesNoFile_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<bool>("parentIsFile");
    for (const ExportFormat format : {ExportFormat::GraphML, ExportFormat::Gexf, ExportFormat::Json}) {
        QTest::addRow("%s, missing folder", qPrintable(exportFormatName(format))) << format << false;
        QTest::addRow("%s, parent is a file", qPrintable(exportFormatName(format))) << format << true;
    }
    // A folder format creates a missing folder, but not under a file.
    QTest::addRow("csv, parent is a file") << ExportFormat::Csv << true;
    QTest::addRow("neo4j, parent is a file") << ExportFormat::Neo4j << true;
}

void TestGraphExport::missingFolderLeavesNoFile()
{
    QFETCH(ExportFormat, format);
    QFETCH(bool, parentIsFile);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString parent = dir.filePath(u"elsewhere"_s);
    if (parentIsFile)
        QVERIFY(writeFile(parent, "not a folder\n"));
    const QString path = parent + u"/out."_s + exportFormatName(format);

    const Result<void> written = exportGraph(format, sampleGraph(), sampleOptions(), path);
    QVERIFY(!written.ok());
    QVERIFY2(written.error().contains(QDir::toNativeSeparators(path)), qPrintable(written.error()));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(sortedEntries(QDir(dir.path())), parentIsFile ? QStringList{u"elsewhere"_s} : QStringList());
    if (parentIsFile)
        QCOMPARE(readAll(parent), QByteArray("not a folder\n"));
}

void TestGraphExport::folderFormatRefusesAFile_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("csv") << ExportFormat::Csv;
    QTest::newRow("neo4j") << ExportFormat::Neo4j;
}

void TestGraphExport::folderFormatRefusesAFile()
{
    QFETCH(ExportFormat, format);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"export.csv"_s);
    QVERIFY(writeFile(path, "keep me\n"));

    const Result<void> written = exportGraph(format, sampleGraph(), sampleOptions(), path);
    QVERIFY(!written.ok());
    QVERIFY2(written.error().contains(QDir::toNativeSeparators(path)), qPrintable(written.error()));
    QCOMPARE(readAll(path), QByteArray("keep me\n"));
    QCOMPARE(sortedEntries(QDir(dir.path())), QStringList{u"export.csv"_s});
}

void TestGraphExport::folderFormatCreatesItsFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"a/b/c"_s);
    const Result<void> written = exportGraph(ExportFormat::Csv, sampleGraph(), {}, folder);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QVERIFY(QFileInfo(folder).isDir());

    // Default options: no metric or position columns.
    CsvTable nodes;
    const QString problem = readCsv(QDir(folder).filePath(u"nodes.csv"_s), u"\r\n", nodes);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(nodes.header, (QStringList{u"id"_s, u"name"_s, u"type"_s, u"aliases"_s, u"mentions"_s,
                                        u"documents"_s, u"hidden"_s, u"notes"_s}));
}

void TestGraphExport::overwriteReplacesWhole_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("file"); // the file to look at, inside the folder formats
    QTest::newRow("graphml") << ExportFormat::GraphML << QString();
    QTest::newRow("gexf") << ExportFormat::Gexf << QString();
    QTest::newRow("json") << ExportFormat::Json << QString();
    QTest::newRow("csv") << ExportFormat::Csv << u"nodes.csv"_s;
    QTest::newRow("neo4j") << ExportFormat::Neo4j << u"relationships.csv"_s;
}

void TestGraphExport::overwriteReplacesWhole()
{
    QFETCH(ExportFormat, format);
    QFETCH(QString, file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const bool folderFormat = exportWritesDirectory(format);
    const QString path = dir.filePath(u"out"_s);

    // What a fresh export writes.
    const QString fresh = dir.filePath(u"fresh"_s);
    Result<void> written = exportGraph(format, sampleGraph(), sampleOptions(), fresh);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    const QString freshFile = folderFormat ? QDir(fresh).filePath(file) : fresh;
    const QByteArray expected = readAll(freshFile);
    QVERIFY(!expected.isEmpty());

    // A longer old file: a writer that did not truncate would leave its tail.
    if (folderFormat)
        QVERIFY(QDir().mkpath(path));
    const QString target = folderFormat ? QDir(path).filePath(file) : path;
    QVERIFY(writeFile(target, QByteArray(expected.size() * 2, 'x')));

    written = exportGraph(format, sampleGraph(), sampleOptions(), path);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    const QByteArray replaced = readAll(target);
    if (format == ExportFormat::Gexf) {
        // Only the date in <meta> may differ (a run across midnight).
        QCOMPARE(replaced.size(), expected.size());
    } else {
        QCOMPARE(replaced, expected);
    }
    // No temporary file left beside it.
    if (folderFormat)
        QCOMPARE(sortedEntries(QDir(path)), sortedEntries(QDir(fresh)));
    else
        QCOMPARE(sortedEntries(QDir(dir.path())), (QStringList{u"fresh"_s, u"out"_s}));
}

void TestGraphExport::failedWriteKeepsTheOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"graph.json"_s);
    QVERIFY(writeFile(path, "old\n"));

    const Result<void> written = writeAtomically(path, [](QIODevice &device) -> Result<void> {
        device.write("half a file");
        return Error{u"interrupted"_s};
    });
    QVERIFY(!written.ok());
    QVERIFY2(written.error().contains(QDir::toNativeSeparators(path)), qPrintable(written.error()));
    QVERIFY2(written.error().contains(u"interrupted"_s), qPrintable(written.error()));
    QCOMPARE(readAll(path), QByteArray("old\n"));
    QCOMPARE(sortedEntries(QDir(dir.path())), QStringList{u"graph.json"_s});
}

void TestGraphExport::deviceFullIsReported_data()
{
    QTest::addColumn<ExportFormat>("format");
    for (const ExportFormat format : {ExportFormat::GraphML, ExportFormat::Gexf, ExportFormat::Csv,
                                      ExportFormat::Json, ExportFormat::Neo4j})
        QTest::newRow(qPrintable(exportFormatName(format))) << format;
}

// Every write into /dev/full fails with ENOSPC: the export must say so, and
// must not put a file of its own in the device's place.
void TestGraphExport::deviceFullIsReported()
{
    QFETCH(ExportFormat, format);
    const QString full = WriteFailure::deviceFull();
    if (full.isEmpty())
        QSKIP("this system has no /dev/full");

    const Result<void> written = exportGraph(format, largeGraph(), sampleOptions(), full);
    QVERIFY2(!written.ok(), "an export into /dev/full reported success");
    QVERIFY2(written.error().contains(full), qPrintable(written.error()));
    if (!exportWritesDirectory(format))
        QVERIFY2(written.error().contains(u"No space left on device"_s), qPrintable(written.error()));
    else
        QVERIFY2(written.error().contains(u"not a folder"_s), qPrintable(written.error()));
    QVERIFY2(WriteFailure::stillADevice(full), "/dev/full was replaced by a file");
    const QStringList beside =
        QDir(QFileInfo(full).path()).entryList({QFileInfo(full).fileName() + u'*'}, QDir::AllEntries | QDir::System | QDir::Hidden);
    QCOMPARE(beside, QStringList{QFileInfo(full).fileName()});
}

void TestGraphExport::deviceIsWrittenNotReplaced_data()
{
    QTest::addColumn<ExportFormat>("format");
    for (const ExportFormat format : {ExportFormat::GraphML, ExportFormat::Gexf, ExportFormat::Json})
        QTest::newRow(qPrintable(exportFormatName(format))) << format;
}

// /dev/null takes everything: a success, and the device is still there.
void TestGraphExport::deviceIsWrittenNotReplaced()
{
    QFETCH(ExportFormat, format);
    const QString null = u"/dev/null"_s;
    if (!WriteFailure::stillADevice(null))
        QSKIP("this system has no /dev/null");
    const Result<void> written = exportGraph(format, sampleGraph(), sampleOptions(), null);
    QVERIFY2(written.ok(), qPrintable(written.error()));
    QVERIFY2(WriteFailure::stillADevice(null), "/dev/null was replaced by a file");
    QCOMPARE(QDir(u"/dev"_s).entryList({u"null*"_s}, QDir::AllEntries | QDir::System | QDir::Hidden),
             QStringList{u"null"_s});
}

void TestGraphExport::shortWriteLeavesNothing_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<bool>("existing"); // an older export (and, in a folder, a file of the user's) is there
    for (const ExportFormat format : {ExportFormat::GraphML, ExportFormat::Gexf, ExportFormat::Csv,
                                      ExportFormat::Json, ExportFormat::Neo4j}) {
        QTest::addRow("%s, new", qPrintable(exportFormatName(format))) << format << false;
        QTest::addRow("%s, over an older export", qPrintable(exportFormatName(format))) << format << true;
    }
}

// A disk that fills up in the middle of a file: the system takes part of a
// write, then refuses the rest (here through a file size limit, EFBIG). The
// export must fail naming the file and the reason, and leave exactly what was
// there: no cut file, no temporary file, no folder it created, and for the
// folder formats no set of files half replaced (the limit lets every file
// but the largest, which is written after a smaller one, through).
void TestGraphExport::shortWriteLeavesNothing()
{
#ifndef Q_OS_UNIX
    QSKIP("needs fork and setrlimit");
#endif
    QFETCH(ExportFormat, format);
    QFETCH(bool, existing);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const GraphData graph = largeGraph();
    const ExportOptions options = sampleOptions();
    const bool folderFormat = exportWritesDirectory(format);

    // The sizes of a whole export, to put the limit between them.
    QTemporaryDir referenceDir;
    QVERIFY(referenceDir.isValid());
    const QString reference = referenceDir.filePath(u"reference"_s);
    const Result<void> whole = exportGraph(format, graph, options, reference);
    QVERIFY2(whole.ok(), qPrintable(whole.error()));
    QMap<QString, qint64> sizes;
    if (folderFormat) {
        for (const QFileInfo &info : QDir(reference).entryInfoList(QDir::Files))
            sizes.insert(info.fileName(), info.size());
    } else {
        sizes.insert(QString(), QFileInfo(reference).size());
    }
    QList<qint64> ordered = sizes.values();
    std::sort(ordered.begin(), ordered.end());
    const qint64 largest = ordered.takeLast();
    const qint64 others = ordered.isEmpty() ? 0 : ordered.last();
    QVERIFY2(largest > 2 * 65536 && largest - others > 65536, "the graph is too small for the test");
    const qint64 limit = others + (largest - others) / 2;

    const QString target = dir.filePath(u"out"_s);
    if (existing) {
        if (folderFormat) {
            QVERIFY(QDir().mkpath(target));
            for (auto it = sizes.cbegin(); it != sizes.cend(); ++it)
                QVERIFY(writeFile(QDir(target).filePath(it.key()), "old " + it.key().toUtf8() + '\n'));
            QVERIFY(writeFile(QDir(target).filePath(u"notes.txt"_s), "the user's\n"));
        } else {
            QVERIFY(writeFile(target, "an older export\n"));
        }
    }
    const QMap<QString, QByteArray> before = snapshot(dir.path());

    const WriteFailure::ChildOutcome outcome = WriteFailure::runWithFileSizeLimit(
        limit, [&] { return exportGraph(format, graph, options, target); });
    QVERIFY2(outcome.ran, "the export in the child process did not report");
    QVERIFY2(!outcome.succeeded, "an export cut short by the file size limit reported success");
    QVERIFY2(outcome.message.contains(u"File too large"_s), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QDir::toNativeSeparators(target)), qPrintable(outcome.message));
    const QMap<QString, QByteArray> after = snapshot(dir.path());
    QCOMPARE(after.keys(), before.keys());
    QVERIFY2(after == before, "a file was changed");
}

void TestGraphExport::controlCharactersStayWellFormed_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("graphml") << ExportFormat::GraphML;
    QTest::newRow("gexf") << ExportFormat::Gexf;
}

// Names come from articles and may hold anything; what XML 1.0 cannot carry
// is dropped, so that the file parses, and everything else is kept.
void TestGraphExport::controlCharactersStayWellFormed()
{
    QFETCH(ExportFormat, format);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"names."_s + exportFormatName(format));
    const Result<void> written = exportGraph(format, controlCharacterGraph(), controlCharacterOptions(), path);
    QVERIFY2(written.ok(), qPrintable(written.error()));

    XmlGraph graph;
    const QString problem = format == ExportFormat::GraphML ? readGraphML(path, graph) : readGexf(path, graph);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(graph.nodes.size(), 4);
    const auto nameOf = [&](const QString &id) {
        const XmlItem *node = graph.node(id);
        return !node ? u"<no node %1>"_s.arg(id)
                     : format == ExportFormat::GraphML ? node->values.value(u"name"_s) : node->label;
    };
    QCOMPARE(nameOf(u"1"_s), u"NulByte"_s);
    QCOMPARE(nameOf(u"2"_s), u"Esc[31m Corp "_s + grinning);
    QCOMPARE(nameOf(u"3"_s), u"FormFeed"_s);
    QCOMPARE(nameOf(u"4"_s), u"Lone\tSurrogates"_s);
    QCOMPARE(graph.node(u"1"_s)->values.value(u"aliases"_s), u"Bell|Line\nBreak"_s);
    const XmlItem *ceo = graph.edge(u"1"_s, u"2"_s);
    QVERIFY(ceo);
    QCOMPARE(ceo->values.value(u"predicates"_s), u"ceoof"_s);
    bool metricDeclared = false;
    for (const XmlKey &key : std::as_const(graph.keys))
        metricDeclared = metricDeclared || key.name == u"pagerank"_s;
    QVERIFY(metricDeclared);
}

QTEST_GUILESS_MAIN(TestGraphExport)
#include "tst_graphexport.moc"
