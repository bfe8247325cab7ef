#include "core/render/ImageExport.h"

#include "core/common/EnumNames.h"
#include "core/export/ExportOptions.h"
#include "core/export/OutputFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr std::array allImageFormats{ImageFormat::Png, ImageFormat::Svg, ImageFormat::Pdf};

// Logical pixels are 1/96 inch, as on a screen at 100 %.
constexpr double logicalDpi = 96.0;
// A raster the size of a large poster; beyond it the allocation itself may fail.
constexpr qint64 maximumPixels = qint64(1) << 28;
constexpr int maximumSide = 32767;

// What the painter draws: the scene rectangle, the zoom it is drawn at in
// logical pixels, the factor from logical to device pixels, and the room
// the legend takes on the right.
struct Framing
{
    QRectF scene;
    double zoom = 1.0;
    double pixelRatio = 1.0;
    QSizeF legend;

    QSizeF graphSize() const { return scene.size() * zoom; }
    QSizeF logicalSize() const
    {
        return QSizeF(graphSize().width() + legend.width(), std::max(graphSize().height(), legend.height()));
    }
    QPointF graphOrigin() const { return QPointF(0, (logicalSize().height() - graphSize().height()) / 2); }
};

QRectF nonEmpty(const QRectF &rect)
{
    // An empty graph or a single node without label still makes an image.
    if (rect.isValid() && rect.width() > 0 && rect.height() > 0)
        return rect;
    return QRectF(rect.center() - QPointF(50, 50), QSizeF(100, 100));
}

// Logical pixels left free around the whole graph.
constexpr double padding = 16.0;

QRectF padded(const QRectF &rect, double zoom)
{
    const double margin = padding / zoom;
    return rect.adjusted(-margin, -margin, margin, margin);
}

// The legend sits in a column of its own at the right, so it hides nothing.
QSizeF legendRoom(const GraphPicture &picture, const ImageOptions &options)
{
    return options.legend ? legendSize(picture, picture.style) : QSizeF(0, 0);
}

Framing pngFraming(const GraphPicture &picture, const ImageOptions &options)
{
    Framing framing;
    framing.legend = legendRoom(picture, options);
    const bool wholeGraph = options.sceneRect.isEmpty();
    if (options.pixelSize.isValid() && !options.pixelSize.isEmpty()) {
        const QSizeF pixels = options.pixelSize;
        const QRectF atOne = nonEmpty(wholeGraph ? padded(picture.bounds(), 1.0) : options.sceneRect);
        const double fit = std::min(pixels.width() / (atOne.width() + framing.legend.width()),
                                    pixels.height() / std::max(atOne.height(), framing.legend.height()));
        if (fit >= 1.0) {
            framing.zoom = 1.0;
            framing.pixelRatio = fit;
        } else {
            const QSizeF room(pixels.width() - framing.legend.width(), pixels.height());
            framing.zoom = wholeGraph ? zoomToFit(picture, room - QSizeF(2 * padding, 2 * padding), 1.0)
                                      : std::min(room.width() / atOne.width(), room.height() / atOne.height());
            framing.zoom = std::max(framing.zoom, 1e-5);
            framing.pixelRatio = 1.0;
        }
        const QRectF drawn = nonEmpty(wholeGraph ? paintedBounds(picture, framing.zoom) : options.sceneRect);
        // Exactly the size asked for: the drawing centred in what the legend
        // leaves, margins around it.
        const QSizeF logical = pixels / framing.pixelRatio;
        const QSizeF scene = QSizeF(std::max(1.0, logical.width() - framing.legend.width()), logical.height())
                             / framing.zoom;
        framing.scene = QRectF(drawn.center() - QPointF(scene.width(), scene.height()) / 2, scene);
        return framing;
    }
    const double scale = options.scale > 0 ? options.scale : 1.0;
    framing.zoom = std::min(scale, 1.0);
    framing.pixelRatio = scale / framing.zoom;
    framing.scene = nonEmpty(wholeGraph ? padded(paintedBounds(picture, framing.zoom), framing.zoom) : options.sceneRect);
    return framing;
}

void paintFramed(QPainter &painter, const GraphPicture &picture, const Framing &framing,
                 const ImageOptions &options, bool background)
{
    painter.scale(framing.pixelRatio, framing.pixelRatio);
    const QRectF whole(QPointF(0, 0), framing.logicalSize());
    if (background)
        painter.fillRect(whole, resolvedStyle(picture.style).background);
    const QTransform sceneToDevice = QTransform::fromTranslate(-framing.scene.left(), -framing.scene.top())
                                     * QTransform::fromScale(framing.zoom, framing.zoom)
                                     * QTransform::fromTranslate(framing.graphOrigin().x(), framing.graphOrigin().y());
    paintGraph(painter, picture, sceneToDevice, framing.scene, options.highlights, false);
    if (options.legend)
        paintLegend(painter, picture, picture.style, whole, Qt::TopRightCorner);
}

Result<QByteArray> renderPng(const GraphPicture &picture, const ImageOptions &options)
{
    const Framing framing = pngFraming(picture, options);
    QSize size = options.pixelSize.isValid() && !options.pixelSize.isEmpty()
                     ? options.pixelSize
                     : (framing.logicalSize() * framing.pixelRatio).toSize();
    size = size.expandedTo(QSize(1, 1));
    if (size.width() > maximumSide || size.height() > maximumSide
        || qint64(size.width()) * size.height() > maximumPixels)
        return Error{u"the image would be %1 × %2 pixels, too large to draw; lower the scale or give a size"_s
                         .arg(size.width())
                         .arg(size.height())};
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Error{u"not enough memory for an image of %1 × %2 pixels"_s.arg(size.width()).arg(size.height())};
    const int dotsPerMetre = int(std::lround(std::max(1, options.dpi) / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(options.transparent ? QColor(Qt::transparent) : resolvedStyle(picture.style).background);
    {
        QPainter painter(&image);
        paintFramed(painter, picture, framing, options, false);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image))
        return Error{writer.errorString()};
    return bytes;
}

Framing vectorFraming(const GraphPicture &picture, const ImageOptions &options)
{
    return Framing{nonEmpty(options.sceneRect.isEmpty() ? padded(picture.bounds(), 1.0) : options.sceneRect), 1.0, 1.0,
                   legendRoom(picture, options)};
}

Result<QByteArray> renderSvg(const GraphPicture &picture, const ImageOptions &options)
{
    const Framing framing = vectorFraming(picture, options);
    const QSize size = framing.logicalSize().toSize().expandedTo(QSize(1, 1));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRectF(QPointF(0, 0), size));
    generator.setResolution(int(logicalDpi));
    generator.setTitle(u"NewsGraph"_s);
    generator.setDescription(u"Entity graph drawn by NewsGraph"_s);
    QPainter painter;
    if (!painter.begin(&generator))
        return Error{u"cannot start the SVG drawing"_s};
    paintFramed(painter, picture, framing, options, !options.transparent);
    painter.end();
    return bytes;
}

Result<QByteArray> renderPdf(const GraphPicture &picture, const ImageOptions &options)
{
    const Framing framing = vectorFraming(picture, options);
    const QSizeF points = framing.logicalSize() * (72.0 / logicalDpi);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    const int dpi = std::clamp(options.dpi, 36, 2400);
    writer.setResolution(dpi);
    writer.setCreator(u"NewsGraph"_s);
    writer.setTitle(u"Entity graph"_s);
    writer.setPageLayout(QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                     QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter painter;
    if (!painter.begin(&writer))
        return Error{u"cannot start the PDF drawing"_s};
    Framing scaled = framing;
    scaled.pixelRatio = dpi / logicalDpi;
    paintFramed(painter, picture, scaled, options, true);
    painter.end();
    return bytes;
}

} // namespace

std::optional<ImageFormat> imageFormatFromName(QStringView name)
{
    return enumFromName(name, allImageFormats, imageFormatName);
}

QString imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Png:
        return u"png"_s;
    case ImageFormat::Svg:
        return u"svg"_s;
    case ImageFormat::Pdf:
        return u"pdf"_s;
    }
    return {};
}

QStringList imageFormatNames()
{
    return enumNames(allImageFormats, imageFormatName);
}

Result<void> exportImage(const GraphPicture &picture, ImageFormat format, const ImageOptions &options,
                         const QString &path)
{
    // Fonts, and so labels, need the GUI application; without it Qt aborts.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error{u"Cannot write %1: drawing an image needs a graphical application"_s.arg(
            QDir::toNativeSeparators(path))};
    // QSvgGenerator writes a label's characters through as they are, and a
    // control character makes the SVG unreadable XML; the names are cleaned
    // as every XML export cleans them, in every format so that the pictures
    // agree.
    std::optional<GraphPicture> cleaned;
    for (qsizetype i = 0; i < picture.nodes.size(); ++i) {
        const QString label = xmlText(picture.nodes.at(i).label);
        if (label.size() == picture.nodes.at(i).label.size())
            continue;
        if (!cleaned)
            cleaned = picture;
        cleaned->nodes[i].label = label;
    }
    const GraphPicture &drawn = cleaned ? *cleaned : picture;

    // Drawn in memory first, then written through the checked path: the
    // image, SVG and PDF writers do not report every failure of the device
    // they write to (a full disk came out as "Unknown error" or not at all),
    // and may close it, which a file must not be before its commit.
    Result<QByteArray> bytes = Error{};
    switch (format) {
    case ImageFormat::Png:
        bytes = renderPng(drawn, options);
        break;
    case ImageFormat::Svg:
        bytes = renderSvg(drawn, options);
        break;
    case ImageFormat::Pdf:
        bytes = renderPdf(drawn, options);
        break;
    }
    if (!bytes)
        return Error{u"Cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), bytes.error())};
    return writeAtomically(path, [&](QIODevice &device) -> Result<void> {
        device.write(*bytes); // a refusal is reported by writeAtomically, with its reason
        return {};
    });
}

} // namespace NewsGraph
