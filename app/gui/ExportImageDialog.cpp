#include "app/gui/ExportImageDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace NewsGraph {

ExportImageDialog::ExportImageDialog(const QString &suggestedPath, const QSizeF &wholeSize,
                                     const QSizeF &viewSize, QWidget *parent)
    : QDialog(parent)
    , m_wholeSize(wholeSize)
    , m_viewSize(viewSize)
{
    setWindowTitle(tr("Export Image"));
    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"), int(ImageFormat::Png));
    m_format->addItem(tr("SVG drawing"), int(ImageFormat::Svg));
    m_format->addItem(tr("PDF document"), int(ImageFormat::Pdf));
    m_path = new QLineEdit(suggestedPath, this);
    m_path->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 50);
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportImageDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_whole = new QRadioButton(tr("The &whole graph"), this);
    m_view = new QRadioButton(tr("What is in &view"), this);
    m_whole->setChecked(true);
    auto *regionRow = new QHBoxLayout;
    regionRow->addWidget(m_whole);
    regionRow->addWidget(m_view);
    regionRow->addStretch();

    m_scale = new QDoubleSpinBox(this);
    m_scale->setRange(0.25, 8.0);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(2.0);
    m_scale->setSuffix(QStringLiteral(" ×"));
    m_scale->setToolTip(tr("Pixels of the image per pixel of the canvas at its natural size: "
                           "2 or more for print or high-density screens"));
    m_pixels = new QLabel(this);
    auto *scaleRow = new QHBoxLayout;
    scaleRow->addWidget(m_scale);
    scaleRow->addWidget(m_pixels, 1);
    m_transparent = new QCheckBox(tr("&Transparent background"), this);
    m_legend = new QCheckBox(tr("Include the &legend"), this);
    m_legend->setChecked(true);
    m_highlights = new QCheckBox(tr("Keep the selection and path &highlighted"), this);
    m_highlights->setChecked(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportImageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportImageDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Save to:"), pathRow);
    form->addRow(tr("Region:"), regionRow);
    form->addRow(tr("&Scale:"), scaleRow);
    form->addRow(QString(), m_transparent);
    form->addRow(QString(), m_legend);
    form->addRow(QString(), m_highlights);
    form->addRow(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // The suffix follows the format.
        QString path = this->path();
        const QString suffix = QFileInfo(path).suffix();
        if (imageFormatFromName(suffix))
            path.chop(suffix.size() + 1);
        if (!path.isEmpty())
            m_path->setText(path + QLatin1Char('.') + imageFormatName(format()));
        updateControls();
    });
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &ExportImageDialog::updateControls);
    connect(m_whole, &QRadioButton::toggled, this, &ExportImageDialog::updateControls);
    updateControls();
}

ImageFormat ExportImageDialog::format() const
{
    return ImageFormat(m_format->currentData().toInt());
}

QString ExportImageDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportImageDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

bool ExportImageDialog::currentViewOnly() const
{
    return m_view->isChecked();
}

double ExportImageDialog::scale() const
{
    return m_scale->value();
}

bool ExportImageDialog::transparent() const
{
    return format() == ImageFormat::Png && m_transparent->isChecked();
}

bool ExportImageDialog::legend() const
{
    return m_legend->isChecked();
}

bool ExportImageDialog::keepHighlights() const
{
    return m_highlights->isChecked();
}

void ExportImageDialog::updateControls()
{
    const bool png = format() == ImageFormat::Png;
    m_scale->setEnabled(png);
    m_transparent->setEnabled(png);
    const QSizeF size = (currentViewOnly() ? m_viewSize : m_wholeSize) * (png ? scale() : 1.0);
    m_pixels->setText(png ? tr("about %1 × %2 pixels").arg(qRound(size.width())).arg(qRound(size.height()))
                          : tr("drawn as vectors, text kept as text"));
}

void ExportImageDialog::browse()
{
    const QString suffix = imageFormatName(format());
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Image"), path(),
                                                        tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!chosen.isEmpty())
        m_path->setText(QDir::toNativeSeparators(chosen));
}

void ExportImageDialog::accept()
{
    if (path().isEmpty()) {
        m_path->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace NewsGraph
