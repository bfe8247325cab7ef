#pragma once

#include "core/render/ImageExport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace NewsGraph {

// Asks how to export the picture of the graph (exportImage): PNG, SVG or
// PDF; the whole graph or the part in view; for PNG the scale (pixels per
// canvas pixel) and a transparent background; the legend; and whether the
// selection and path stay highlighted.
class ExportImageDialog : public QDialog
{
    Q_OBJECT

public:
    // `viewSize`: the canvas's size in pixels, to tell what a scale gives.
    ExportImageDialog(const QString &suggestedPath, const QSizeF &wholeSize, const QSizeF &viewSize,
                      QWidget *parent = nullptr);

    ImageFormat format() const;
    QString path() const;
    void setPath(const QString &path);
    bool currentViewOnly() const;
    double scale() const;
    bool transparent() const;
    bool legend() const;
    bool keepHighlights() const;

    void accept() override;

private:
    void browse();
    void updateControls();

    QSizeF m_wholeSize;
    QSizeF m_viewSize;
    QComboBox *m_format = nullptr;
    QLineEdit *m_path = nullptr;
    QRadioButton *m_whole = nullptr;
    QRadioButton *m_view = nullptr;
    QDoubleSpinBox *m_scale = nullptr;
    QLabel *m_pixels = nullptr;
    QCheckBox *m_transparent = nullptr;
    QCheckBox *m_legend = nullptr;
    QCheckBox *m_highlights = nullptr;
};

} // namespace NewsGraph
