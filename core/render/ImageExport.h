#pragma once

#include "core/common/Result.h"
#include "core/render/GraphPainter.h"
#include "core/render/GraphPicture.h"

#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace NewsGraph {

enum class ImageFormat { Png, Svg, Pdf };

std::optional<ImageFormat> imageFormatFromName(QStringView name); // "png", "svg", "pdf", any letter case
QString imageFormatName(ImageFormat format);
QStringList imageFormatNames();

struct ImageOptions
{
    QRectF sceneRect;         // empty: the whole graph (picture.bounds())
    double scale = 1.0;       // PNG: device pixels per scene unit
    int dpi = 96;             // PNG metadata, PDF resolution
    QSize pixelSize;          // PNG: if valid, fit into exactly this size (overrides scale)
    bool transparent = false; // PNG and SVG
    PaintHighlights highlights;
    bool legend = false;      // the canvas's legend, in a column of its own on the right
};

// PNG: a scale above 1 magnifies the picture as a device pixel ratio would
// (labels and lines grow with it, as on a high-density screen); below 1 it
// zooms out as the canvas does, thinning labels. SVG and PDF draw the scene
// at one unit per 1/96 inch with the text as text; PDF on one page of that size.
//
// Drawn in memory, then written through OutputFile (core/export/OutputFile.h):
// success only when every byte reached the file; a failure leaves no file and
// says why, naming the path. Labels lose the characters XML cannot carry
// (xmlText), in every format, so an SVG is always well-formed.
// Needs a QGuiApplication (fonts).
Result<void> exportImage(const GraphPicture &picture, ImageFormat format, const ImageOptions &options,
                         const QString &path);

} // namespace NewsGraph
