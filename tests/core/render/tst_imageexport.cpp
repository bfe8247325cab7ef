// The drawing shared by the canvas and the image export: GraphPicture::build
// on a small hand-made graph (sizes, colours, arrow directions), then PNG, SVG
// and PDF files read back with independent readers (QImage, QSvgRenderer and
// QXmlStreamReader, the PDF header).

#include "core/graph/EntityGraph.h"
#include "core/graph/GraphFilter.h"
#include "core/graph/GraphMetrics.h"
#include "core/render/GraphPainter.h"
#include "core/render/GraphPicture.h"
#include "core/render/ImageExport.h"
#include "tests/core/export/WriteFailure.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QDirIterator>
#include <QImage>
#include <QMap>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace NewsGraph;
using namespace Qt::StringLiterals;

namespace {

const QString alice = u"Alice Martin"_s;
const QString acme = u"Müller & Söhne <GmbH>"_s; // escaped in SVG
const QString paris = u"Paris"_s;
const QString widget = u"Widget 3000"_s;
const QString expo = u"Expo 2025"_s;

GraphNode makeNode(qint64 id, const QString &name, EntityType type, int mentions)
{
    GraphNode node;
    node.entityId = id;
    node.name = name;
    node.type = type;
    node.mentions = mentions;
    node.documentIds = {1};
    return node;
}

GraphEdge makeEdge(qint64 source, qint64 target, const QList<std::pair<QString, bool>> &statements, int sentences)
{
    GraphEdge edge;
    edge.source = source;
    edge.target = target;
    qint64 sentence = 1;
    for (const auto &[predicate, reversed] : statements) {
        GraphEdgeEvidence evidence;
        evidence.documentId = 1;
        evidence.predicate = predicate;
        evidence.reversed = reversed;
        for (int i = 0; i < sentences; ++i)
            evidence.sentenceIds.append(sentence++);
        edge.evidence.append(evidence);
        if (!edge.predicates.contains(predicate))
            edge.predicates.append(predicate);
    }
    edge.predicates.sort();
    edge.evidenceCount = int(sentence - 1);
    edge.confidence = 0.8;
    edge.cooccurrenceOnly = edge.predicates == QStringList{u"mentioned_with"_s};
    return edge;
}

// Five entities, one of each type, and an edge for each way of reading a
// direction: subject first, subject second (reversed), both ways, symmetric,
// co-occurrence.
GraphData sampleData()
{
    GraphData data;
    data.nodes = {makeNode(1, alice, EntityType::Person, 20), makeNode(2, acme, EntityType::Organization, 5),
                  makeNode(3, paris, EntityType::Place, 1), makeNode(4, widget, EntityType::Product, 10),
                  makeNode(5, expo, EntityType::Event, 2)};
    data.edges = {
        makeEdge(1, 2, {{u"works_for"_s, false}}, 3),                                 // Alice -> Acme
        makeEdge(4, 2, {{u"manufactures"_s, true}}, 1),                                // Acme -> Widget, stored reversed
        makeEdge(2, 3, {{u"headquartered_in"_s, false}, {u"located_in"_s, true}}, 1), // both ways
        makeEdge(1, 5, {{u"partner_of"_s, false}}, 16),                                // symmetric
        makeEdge(4, 5, {{u"mentioned_with"_s, false}}, 2),                             // co-occurrence
    };
    return data;
}

EntityGraph sampleGraph()
{
    GraphFilter filter;
    filter.includeCooccurrence = true;
    return EntityGraph::build(sampleData(), filter);
}

QHash<qint64, QPointF> samplePositions()
{
    return {{1, {0, 0}}, {2, {200, 0}}, {3, {300, 150}}, {4, {100, 200}}, {5, {-150, 150}}};
}

GraphPicture samplePicture(const GraphStyle &style = {})
{
    const EntityGraph graph = sampleGraph();
    const Result<GraphMetrics> metrics = computeMetrics(graph);
    Q_ASSERT(metrics.ok());
    return GraphPicture::build(graph, *metrics, samplePositions(), {3}, style);
}

const PictureEdge *edgeBetween(const GraphPicture &picture, qint64 a, qint64 b)
{
    for (const PictureEdge &edge : picture.edges) {
        const qint64 source = picture.nodes.at(edge.source).entityId;
        const qint64 target = picture.nodes.at(edge.target).entityId;
        if ((source == a && target == b) || (source == b && target == a))
            return &edge;
    }
    return nullptr;
}

// The options of the pictures shortWriteLeavesNothing writes: large enough
// for the writes to straddle the file size limit.
ImageOptions largeImageOptions()
{
    ImageOptions options;
    options.scale = 3.0;
    options.legend = true;
    return options;
}

// The first argument of this program run as the child of
// shortWriteLeavesNothing: `tst_imageexport --export-child FORMAT PATH`.
const QString exportChildFlag = u"--export-child"_s;

// The text of every <text> element of an SVG document.
QStringList svgTexts(const QByteArray &svg)
{
    QStringList texts;
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == u"text"_s)
            texts.append(reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
    }
    return texts;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool nearColour(QRgb pixel, const QColor &colour, int tolerance = 12)
{
    return std::abs(qRed(pixel) - colour.red()) <= tolerance && std::abs(qGreen(pixel) - colour.green()) <= tolerance
           && std::abs(qBlue(pixel) - colour.blue()) <= tolerance;
}

} // namespace

class TestImageExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void namesRoundTrip()
    {
        for (SizeMetric metric : {SizeMetric::Mentions, SizeMetric::Degree, SizeMetric::PageRank, SizeMetric::Betweenness})
            QCOMPARE(sizeMetricFromName(sizeMetricName(metric)), metric);
        QCOMPARE(sizeMetricFromName(u"PageRank"), SizeMetric::PageRank);
        QVERIFY(!sizeMetricFromName(u"size"));
        QCOMPARE(imageFormatFromName(u"SVG"), ImageFormat::Svg);
        QVERIFY(!imageFormatFromName(u"gif"));
        QCOMPARE(colorForType(EntityType::Person), QColor(0, 114, 178));
    }

    void sizesFollowTheMetric()
    {
        const GraphPicture byMentions = samplePicture();
        QCOMPARE(byMentions.nodes.size(), 5);
        const auto radius = [](const GraphPicture &picture, qint64 id) {
            return picture.nodes.at(picture.indexOf(id)).radius;
        };
        // Mentions 20 > 10 > 5 > 2 > 1.
        QVERIFY(radius(byMentions, 1) > radius(byMentions, 4));
        QVERIFY(radius(byMentions, 4) > radius(byMentions, 2));
        QVERIFY(radius(byMentions, 2) > radius(byMentions, 5));
        QVERIFY(radius(byMentions, 5) > radius(byMentions, 3));
        QCOMPARE(radius(byMentions, 1), 20.0);
        QCOMPARE(radius(byMentions, 3), 9.0);
        QVERIFY(byMentions.nodes.at(byMentions.indexOf(1)).importance
                > byMentions.nodes.at(byMentions.indexOf(3)).importance);

        // Degree: the organisation has three links, Paris one.
        GraphStyle style;
        style.sizeMetric = SizeMetric::Degree;
        const GraphPicture byDegree = samplePicture(style);
        QCOMPARE(radius(byDegree, 2), 20.0);
        QCOMPARE(radius(byDegree, 3), 9.0);
        QVERIFY(radius(byDegree, 1) > radius(byDegree, 3));

        QCOMPARE(byMentions.indexOf(4), 3);
        QCOMPARE(byMentions.indexOf(99), -1);
        QCOMPARE(byMentions.nodes.at(byMentions.indexOf(3)).position, QPointF(300, 150));
        QVERIFY(byMentions.nodes.at(byMentions.indexOf(3)).pinned);
        QVERIFY(!byMentions.nodes.at(byMentions.indexOf(1)).pinned);
        QCOMPARE(byMentions.nodes.at(byMentions.indexOf(1)).label, alice);

        // An entity without a position is at the origin.
        const EntityGraph graph = sampleGraph();
        const GraphPicture unplaced = GraphPicture::build(graph, *computeMetrics(graph), {}, {}, {});
        QCOMPARE(unplaced.nodes.at(0).position, QPointF(0, 0));

        // The bounds hold every node with its label.
        const QRectF bounds = byMentions.bounds();
        for (const PictureNode &node : byMentions.nodes)
            QVERIFY(bounds.contains(QRectF(node.position - QPointF(node.radius, node.radius),
                                           QSizeF(2 * node.radius, 2 * node.radius))));
        QVERIFY(bounds.bottom() > 200 + 10 + 12); // the label under the lowest node
    }

    void coloursByTypeAndCommunity()
    {
        const GraphPicture byType = samplePicture();
        for (const PictureNode &node : byType.nodes)
            QCOMPARE(node.color, colorForType(node.type));
        QCOMPARE(byType.nodes.at(byType.indexOf(3)).color, QColor(0, 158, 115));

        GraphStyle style;
        style.coloring = NodeColoring::ByCommunity;
        const GraphPicture byCommunity = samplePicture(style);
        const EntityGraph graph = sampleGraph();
        const GraphMetrics metrics = *computeMetrics(graph);
        for (qsizetype i = 0; i < byCommunity.nodes.size(); ++i) {
            QCOMPARE(byCommunity.nodes.at(i).community, metrics.nodes.at(i).community);
            QCOMPARE(byCommunity.nodes.at(i).color, colorForCommunity(metrics.nodes.at(i).community));
        }
        QCOMPARE(colorForCommunity(0), QColor(0x4e, 0x79, 0xa7));
        QVERIFY(colorForCommunity(0) != colorForCommunity(1));
        QCOMPARE(colorForCommunity(communityColorCount), colorForCommunity(500)); // grey beyond the palette
        QCOMPARE(colorForCommunity(-1), colorForCommunity(500));
    }

    void edgeDirectionsFollowTheEvidence()
    {
        const GraphPicture picture = samplePicture();
        QCOMPARE(picture.edges.size(), 5);
        const auto directionFrom = [&](qint64 a, qint64 b) {
            const PictureEdge *edge = edgeBetween(picture, a, b);
            if (!edge)
                return 99;
            // Read from a to b whichever way round the edge is stored.
            return picture.nodes.at(edge->source).entityId == a ? edge->direction : -edge->direction;
        };
        QCOMPARE(directionFrom(1, 2), 1);  // Alice works for Acme
        QCOMPARE(directionFrom(2, 4), 1);  // Acme manufactures Widget, though stored reversed
        QCOMPARE(directionFrom(2, 3), 0);  // statements both ways
        QCOMPARE(directionFrom(1, 5), 0);  // partner_of is symmetric
        QCOMPARE(directionFrom(4, 5), 0);  // co-occurrence
        QVERIFY(edgeBetween(picture, 4, 5)->cooccurrence);
        QVERIFY(!edgeBetween(picture, 1, 5)->cooccurrence);
        // Width by evidence: one sentence a hairline, sixteen the widest.
        QCOMPARE(edgeBetween(picture, 2, 4)->width, 1.0);
        QCOMPARE(edgeBetween(picture, 1, 5)->width, 6.0);
        QCOMPARE(edgeBetween(picture, 1, 5)->evidenceCount, 16);
        QVERIFY(edgeBetween(picture, 1, 2)->width > 1.0);
        QCOMPARE(edgeBetween(picture, 1, 2)->predicates, QStringList{u"works_for"_s});
    }

    void pngHasTheRequestedSize()
    {
        const GraphPicture picture = samplePicture();
        const QString path = m_dir.filePath(u"sized.png"_s);
        ImageOptions options;
        options.pixelSize = QSize(640, 400);
        options.dpi = 192;
        const Result<void> written = exportImage(picture, ImageFormat::Png, options, path);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(640, 400));
        QCOMPARE(image.dotsPerMeterX(), int(std::lround(192 / 0.0254)));
        QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
        QCOMPARE(image.pixelColor(639, 399), QColor(Qt::white));

        // Every type's colour is on it (each node's fill).
        for (EntityType type : {EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Product,
                                EntityType::Event}) {
            bool found = false;
            for (int y = 0; y < image.height() && !found; ++y) {
                for (int x = 0; x < image.width() && !found; ++x)
                    found = nearColour(image.pixel(x, y), colorForType(type), 2);
            }
            QVERIFY2(found, qPrintable(typeName(type)));
        }

        // By scale: the drawing's own size times the scale.
        const QString scaledPath = m_dir.filePath(u"scaled.png"_s);
        ImageOptions twice;
        twice.scale = 2.0;
        QVERIFY(exportImage(picture, ImageFormat::Png, twice, scaledPath).ok());
        const QImage scaled(scaledPath);
        const QRectF bounds = picture.bounds();
        QVERIFY2(std::abs(scaled.width() - 2 * (bounds.width() + 32)) <= 2, qPrintable(QString::number(scaled.width())));
        QVERIFY(std::abs(scaled.height() - 2 * (bounds.height() + 32)) <= 2);
    }

    void legendTakesAColumnOfItsOwn()
    {
        const GraphPicture picture = samplePicture();
        const QString plain = m_dir.filePath(u"plain.png"_s);
        const QString withLegend = m_dir.filePath(u"legend.png"_s);
        ImageOptions options;
        QVERIFY(exportImage(picture, ImageFormat::Png, options, plain).ok());
        options.legend = true;
        QVERIFY(exportImage(picture, ImageFormat::Png, options, withLegend).ok());
        const QSizeF room = legendSize(picture, picture.style);
        QVERIFY(room.width() > 100);
        QVERIFY(std::abs(QImage(withLegend).width() - QImage(plain).width() - room.width()) <= 1.0);

        // Of exactly the size asked for, legend included.
        options.pixelSize = QSize(700, 500);
        QVERIFY(exportImage(picture, ImageFormat::Png, options, withLegend).ok());
        QCOMPARE(QImage(withLegend).size(), QSize(700, 500));
        const QString svg = m_dir.filePath(u"legend.svg"_s);
        QVERIFY(exportImage(picture, ImageFormat::Svg, options, svg).ok());
        QVERIFY(svgTexts(readAll(svg)).contains(u"Entity types"_s));
    }

    void transparentPngHasNoBackground()
    {
        const GraphPicture picture = samplePicture();
        const QString path = m_dir.filePath(u"transparent.png"_s);
        ImageOptions options;
        options.pixelSize = QSize(300, 300);
        options.transparent = true;
        QVERIFY(exportImage(picture, ImageFormat::Png, options, path).ok());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(300, 300));
        QVERIFY(image.hasAlphaChannel());
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        QCOMPARE(qAlpha(image.pixel(299, 0)), 0);
        // The nodes are opaque.
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                opaque += qAlpha(image.pixel(x, y)) == 255;
        }
        QVERIFY(opaque > 300);
    }

    void svgKeepsTextAsText()
    {
        const GraphPicture picture = samplePicture();
        const QString path = m_dir.filePath(u"graph.svg"_s);
        ImageOptions options;
        options.highlights.selectedNodes = {1};
        options.highlights.path = {1, 2, 4};
        const Result<void> written = exportImage(picture, ImageFormat::Svg, options, path);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        const QByteArray svg = readAll(path);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QVERIFY(renderer.defaultSize().width() > 300);
        const QStringList texts = svgTexts(svg);
        for (const QString &name : {alice, acme, paris, widget, expo})
            QVERIFY2(texts.contains(name), qPrintable(name + u" not in "_s + texts.join(u" | "_s)));
    }

    void pdfIsAPdf()
    {
        const GraphPicture picture = samplePicture();
        const QString path = m_dir.filePath(u"graph.pdf"_s);
        ImageOptions options;
        options.dpi = 300;
        const Result<void> written = exportImage(picture, ImageFormat::Pdf, options, path);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.size() > 1000);
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    }

    void failureNamesThePathAndLeavesNothing()
    {
        const GraphPicture picture = samplePicture();
        const QString folder = m_dir.filePath(u"missing"_s);
        for (ImageFormat format : {ImageFormat::Png, ImageFormat::Svg, ImageFormat::Pdf}) {
            const QString path = folder + u"/graph."_s + imageFormatName(format);
            const Result<void> written = exportImage(picture, format, {}, path);
            QVERIFY(!written.ok());
            QVERIFY2(written.error().contains(QDir::toNativeSeparators(path)), qPrintable(written.error()));
            QVERIFY(!QFileInfo::exists(path));
        }
        QVERIFY(!QFileInfo::exists(folder));

        // An existing file is kept whole when the new one cannot be drawn.
        const QString existing = m_dir.filePath(u"keep.png"_s);
        {
            QFile file(existing);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("old");
        }
        ImageOptions huge;
        huge.scale = 50.0;
        GraphPicture wide = picture;
        wide.nodes[0].position = QPointF(-100000, 0);
        const Result<void> tooLarge = exportImage(wide, ImageFormat::Png, huge, existing);
        QVERIFY(!tooLarge.ok());
        QVERIFY2(tooLarge.error().contains(existing), qPrintable(tooLarge.error()));
        QCOMPARE(readAll(existing), QByteArray("old"));
        const QStringList leftovers = QDir(m_dir.path()).entryList({u"keep.png*"_s}, QDir::Files | QDir::Hidden);
        QCOMPARE(leftovers, QStringList{u"keep.png"_s});
    }

    void emptyPictureStillMakesAnImage()
    {
        const QString path = m_dir.filePath(u"empty.png"_s);
        QVERIFY(exportImage(GraphPicture(), ImageFormat::Png, {}, path).ok());
        QVERIFY(!QImage(path).isNull());
    }

    void labelsNeverOverlap()
    {
        // 400 nodes 30 units apart, too close for every name: the thinning
        // keeps some labels and none over another. Read back from the SVG,
        // each label measured with the font it names.
        GraphPicture picture;
        for (int i = 0; i < 400; ++i) {
            PictureNode node;
            node.entityId = i + 1;
            node.label = u"Entity number %1"_s.arg(i + 1);
            node.position = QPointF((i % 20) * 30.0, (i / 20) * 30.0);
            node.radius = 9;
            node.importance = (i * 37 % 100) / 100.0;
            node.color = colorForType(EntityType::Person);
            picture.nodes.append(node);
        }
        picture.reindex();
        const QString path = m_dir.filePath(u"dense.svg"_s);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(exportImage(picture, ImageFormat::Svg, {}, path).ok());
        QVERIFY(timer.elapsed() < 5000);

        QList<QRectF> labels;
        QXmlStreamReader reader(readAll(path));
        while (!reader.atEnd()) {
            if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != u"text"_s)
                continue;
            const QXmlStreamAttributes attributes = reader.attributes();
            QFont font = QGuiApplication::font();
            font.setPixelSize(int(attributes.value(u"font-size"_s).toDouble()));
            font.setWeight(QFont::Weight(attributes.value(u"font-weight"_s).toInt()));
            const QFontMetricsF metrics(font);
            const QString text = reader.readElementText(QXmlStreamReader::IncludeChildElements);
            const QPointF baseline(attributes.value(u"x"_s).toDouble(), attributes.value(u"y"_s).toDouble());
            labels.append(QRectF(baseline.x(), baseline.y() - metrics.ascent(), metrics.horizontalAdvance(text),
                                 metrics.height())
                              .adjusted(0.5, 0.5, -0.5, -0.5));
        }
        QVERIFY2(labels.size() >= 20, qPrintable(QString::number(labels.size())));
        QVERIFY(labels.size() < 400);
        for (qsizetype i = 0; i < labels.size(); ++i) {
            for (qsizetype j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels.at(i).intersects(labels.at(j)), qPrintable(u"labels %1 and %2"_s.arg(i).arg(j)));
        }
    }

    void tinyNodesNamedWhereThereIsRoom()
    {
        // Far out (1.8 pixel nodes, of little importance): a tight cluster
        // of 100, whose names would bury one another, and five loners 300
        // pixels apart, which have all the room they need.
        GraphPicture picture;
        const auto add = [&](qint64 id, QPointF position) {
            PictureNode node;
            node.entityId = id;
            node.label = u"Entity %1"_s.arg(id);
            node.position = position;
            node.radius = 9;
            node.importance = 0.1;
            node.color = colorForType(EntityType::Organization);
            picture.nodes.append(node);
        };
        for (int i = 0; i < 100; ++i)
            add(i + 1, QPointF((i % 10) * 20.0, (i / 10) * 20.0));
        for (int i = 0; i < 5; ++i)
            add(1000 + i, QPointF(1500.0 * i, 3000.0));
        picture.reindex();

        const QTransform sceneToDevice = QTransform::fromScale(0.2, 0.2).translate(500, 500);
        const QRectF scene = sceneToDevice.inverted().mapRect(QRectF(0, 0, 1800, 900));
        QImage image(1800, 900, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        LabelPlacement placement;
        paintGraphLabels(painter, picture, GraphStyle{}, sceneToDevice, scene, {}, placement);
        QSet<qint64> named;
        for (const LabelPlacement::Label &label : std::as_const(placement.labels))
            named.insert(picture.nodes.at(label.node).entityId);
        for (qint64 id = 1000; id < 1005; ++id)
            QVERIFY2(named.contains(id), qPrintable(QString::number(id)));
        QVERIFY2(named.size() - 5 < 10, qPrintable(QString::number(named.size())));
    }

    // Labels of nodes in view are seen whole or not drawn (an important
    // node's excepted), and none covers the legend's panel.
    void labelsStayInViewAndOffTheLegend()
    {
        // A row of minor nodes whose labels can only go beside them, along
        // the view's right edge, and a column crossing the legend's panel.
        GraphPicture picture;
        const auto add = [&](qint64 id, QPointF position, double importance) {
            PictureNode node;
            node.entityId = id;
            node.label = u"Long Name Of Entity %1"_s.arg(id);
            node.position = position;
            node.radius = 8;
            node.importance = importance;
            node.color = colorForType(EntityType::Organization);
            picture.nodes.append(node);
        };
        for (int i = 0; i < 12; ++i)
            add(i + 1, QPointF(790, 40 + 14.0 * i), 0.1);
        for (int i = 0; i < 8; ++i)
            add(100 + i, QPointF(60, 320 + 25.0 * i), 0.1);
        add(200, QPointF(795, 300), 0.9); // must be named
        picture.reindex();

        QImage image(1000, 700, QImage::Format_ARGB32_Premultiplied); // the view and 100 px beyond it
        image.fill(Qt::white);
        QPainter painter(&image);
        const QTransform sceneToDevice = QTransform::fromTranslate(100, 100);
        LabelPlacement placement;
        placement.area = QRectF(0, 0, 1000, 700);
        placement.view = QRectF(100, 100, 800, 500);
        placement.keepOff = QRectF(110, 400, 180, 190);
        paintGraphLabels(painter, picture, GraphStyle{}, sceneToDevice, sceneToDevice.inverted().mapRect(placement.area),
                         {}, placement);
        QVERIFY(!placement.labels.isEmpty());
        bool importantNamed = false;
        for (const LabelPlacement::Label &label : std::as_const(placement.labels)) {
            const PictureNode &node = picture.nodes.at(label.node);
            const QRectF rect = label.rect.translated(sceneToDevice.map(node.position));
            QVERIFY2(!rect.intersects(placement.keepOff), qPrintable(node.label));
            if (node.entityId == 200)
                importantNamed = true;
            else if (placement.view.contains(sceneToDevice.map(node.position)))
                QVERIFY2(placement.view.contains(rect), qPrintable(node.label));
        }
        QVERIFY(importantNamed);
    }

    // Every write into /dev/full fails with ENOSPC: the export says so, in
    // the system's words, and leaves the device where it is (no file renamed
    // over it, no temporary file beside it).
    void deviceFullIsReported()
    {
        const QString full = WriteFailure::deviceFull();
        if (full.isEmpty())
            QSKIP("this system has no /dev/full");
        const GraphPicture picture = samplePicture();
        for (ImageFormat format : {ImageFormat::Png, ImageFormat::Svg, ImageFormat::Pdf}) {
            const Result<void> written = exportImage(picture, format, {}, full);
            QVERIFY2(!written.ok(), qPrintable(imageFormatName(format) + u": an export into /dev/full reported success"_s));
            QVERIFY2(written.error().contains(u"No space left on device"_s), qPrintable(written.error()));
            QVERIFY2(written.error().contains(full), qPrintable(written.error()));
            QVERIFY2(WriteFailure::stillADevice(full), "/dev/full was replaced by a file");
        }
        const QStringList beside = QDir(QFileInfo(full).path())
                                       .entryList({QFileInfo(full).fileName() + u'*'}, QDir::AllEntries | QDir::System | QDir::Hidden);
        QCOMPARE(beside, QStringList{QFileInfo(full).fileName()});
    }

    void shortWriteLeavesNothing_data()
    {
        QTest::addColumn<ImageFormat>("format");
        QTest::addColumn<bool>("existing"); // an older picture is there
        for (ImageFormat format : {ImageFormat::Png, ImageFormat::Svg, ImageFormat::Pdf}) {
            QTest::addRow("%s, new", qPrintable(imageFormatName(format))) << format << false;
            QTest::addRow("%s, over an older picture", qPrintable(imageFormatName(format))) << format << true;
        }
    }

    // A disk filling up in the middle of the file (a file size limit in a
    // child process: part of a write is taken, the rest refused with EFBIG):
    // the export fails naming the file and the reason, and the folder is as it
    // was, without a cut picture or a temporary file.
    void shortWriteLeavesNothing()
    {
#ifndef Q_OS_UNIX
        QSKIP("needs fork and setrlimit");
#endif
        QFETCH(ImageFormat, format);
        QFETCH(bool, existing);
        const GraphPicture picture = samplePicture();
        const ImageOptions options = largeImageOptions();
        const QString suffix = u"."_s + imageFormatName(format);

        QTemporaryDir referenceDir;
        QVERIFY(referenceDir.isValid());
        const QString reference = referenceDir.filePath(u"reference"_s + suffix);
        const Result<void> whole = exportImage(picture, format, options, reference);
        QVERIFY2(whole.ok(), qPrintable(whole.error()));
        const qint64 size = QFileInfo(reference).size();
        QVERIFY(size > 4096);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(u"out"_s + suffix);
        if (existing) {
            QFile file(target);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write("an older picture\n"), qint64(17));
        }
        const auto contents = [&] {
            QMap<QString, QByteArray> files;
            QDirIterator it(dir.path(), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
            while (it.hasNext()) {
                const QString path = it.next();
                files.insert(it.fileName(), readAll(path));
            }
            return files;
        };
        const QMap<QString, QByteArray> before = contents();

        // This program again, in exportInChild below: the same picture.
        const WriteFailure::ChildOutcome outcome = WriteFailure::runProgramWithFileSizeLimit(
            size / 2, QCoreApplication::applicationFilePath(), {exportChildFlag, imageFormatName(format), target});
        QVERIFY2(outcome.ran, "the export in the child process did not report");
        QVERIFY2(!outcome.succeeded, "an export cut short by the file size limit reported success");
        QVERIFY2(outcome.message.contains(u"File too large"_s), qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(QDir::toNativeSeparators(target)), qPrintable(outcome.message));
        const QMap<QString, QByteArray> after = contents();
        QCOMPARE(after.keys(), before.keys());
        QVERIFY2(after == before, "a file was changed");
    }

    // Names come from articles and may hold what XML 1.0 cannot carry (C0
    // controls, U+FFFE, U+FFFF, lone surrogates): the SVG must still parse,
    // with the rest of each name kept as text.
    void controlCharactersInNamesMakeWellFormedSvg()
    {
        GraphPicture picture = samplePicture();
        QCOMPARE(picture.nodes.size(), 5);
        const QStringList names{u"Nul"_s + QChar(0x0000) + u"Byte"_s,
                                u"Esc"_s + QChar(0x001B) + u"[31m Corp"_s,
                                u"Form"_s + QChar(0x000C) + u"Feed"_s + QChar(0xFFFE) + QChar(0xFFFF),
                                QChar(0xD800) + u"Lone"_s + QChar(0xDC00),
                                u"Bell"_s + QChar(0x0007) + u" "_s + QString::fromUcs4(U"\U0001F600")};
        for (qsizetype i = 0; i < names.size(); ++i)
            picture.nodes[i].label = names.at(i);
        const QString path = m_dir.filePath(u"control.svg"_s);
        const Result<void> written = exportImage(picture, ImageFormat::Svg, {}, path);
        QVERIFY2(written.ok(), qPrintable(written.error()));

        const QByteArray svg = readAll(path);
        QXmlStreamReader reader(svg);
        while (!reader.atEnd())
            reader.readNext();
        QVERIFY2(!reader.hasError(), qPrintable(u"line %1: %2"_s.arg(reader.lineNumber()).arg(reader.errorString())));
        const QStringList texts = svgTexts(svg);
        for (const QString &name : {u"NulByte"_s, u"Esc[31m Corp"_s, u"FormFeed"_s, u"Lone"_s,
                                    u"Bell "_s + QString::fromUcs4(U"\U0001F600")})
            QVERIFY2(texts.contains(name), qPrintable(name + u" not in "_s + texts.join(u" | "_s)));
        QVERIFY(QSvgRenderer(svg).isValid());
    }
};

// As the child of shortWriteLeavesNothing (under its file size limit): the
// sample picture exported once, the outcome on standard output.
int exportInChild(const QString &formatName, const QString &path)
{
    const std::optional<ImageFormat> format = imageFormatFromName(formatName);
    if (!format)
        return 2;
    const QByteArray report =
        WriteFailure::childReport(exportImage(samplePicture(), *format, largeImageOptions(), path));
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly) || out.write(report) != report.size() || !out.flush())
        return 2;
    return 0;
}

// QTEST_MAIN, plus the child mode.
int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setAttribute(Qt::AA_Use96Dpi, true);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 4 && arguments.at(1) == exportChildFlag)
        return exportInChild(arguments.at(2), arguments.at(3));
    TestImageExport test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_imageexport.moc"
