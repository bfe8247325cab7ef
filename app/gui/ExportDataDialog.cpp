#include "app/gui/ExportDataDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace NewsGraph {

namespace {

QString formatLabel(ExportFormat format)
{
    switch (format) {
    case ExportFormat::GraphML:
        return ExportDataDialog::tr("GraphML (yEd, Cytoscape, NetworkX)");
    case ExportFormat::Gexf:
        return ExportDataDialog::tr("GEXF 1.3 (Gephi)");
    case ExportFormat::Csv:
        return ExportDataDialog::tr("CSV tables (a folder: nodes.csv, edges.csv)");
    case ExportFormat::Json:
        return ExportDataDialog::tr("JSON");
    case ExportFormat::Neo4j:
        return ExportDataDialog::tr("Neo4j bulk import (a folder)");
    }
    return {};
}

} // namespace

ExportDataDialog::ExportDataDialog(const QString &suggestedPath, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export Data"));
    m_format = new QComboBox(this);
    for (const QString &name : exportFormatNames()) {
        const ExportFormat format = *exportFormatFromName(name);
        m_format->addItem(formatLabel(format), int(format));
    }
    m_scope = new QComboBox(this);
    m_scope->addItem(tr("The graph as shown (filters applied)"));
    m_scope->addItem(tr("Everything stored (hidden entities and co-occurrences included)"));
    m_path = new QLineEdit(suggestedPath, this);
    m_path->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 50);
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDataDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDataDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDataDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Content:"), m_scope);
    form->addRow(tr("&Save to:"), pathRow);
    form->addRow(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDataDialog::formatChanged);
    formatChanged();
}

ExportFormat ExportDataDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

void ExportDataDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

QString ExportDataDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDataDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

bool ExportDataDialog::wholeDatabase() const
{
    return m_scope->currentIndex() == 1;
}

void ExportDataDialog::formatChanged()
{
    // Keep the name, change what it ends with: a file's suffix, or none for a folder.
    QString path = this->path();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (exportFormatFromName(suffix) || suffix == QLatin1String("xml"))
        path.chop(suffix.size() + 1);
    const QString wanted = exportFileSuffix(format());
    if (!wanted.isEmpty())
        path += QLatin1Char('.') + wanted;
    m_path->setText(path);
}

void ExportDataDialog::browse()
{
    QString chosen;
    if (exportWritesDirectory(format())) {
        chosen = QFileDialog::getExistingDirectory(this, tr("Export to Folder"), QFileInfo(path()).absolutePath());
    } else {
        const QString suffix = exportFileSuffix(format());
        chosen = QFileDialog::getSaveFileName(this, tr("Export Data"), path(),
                                              tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    }
    if (!chosen.isEmpty())
        m_path->setText(QDir::toNativeSeparators(chosen));
}

void ExportDataDialog::accept()
{
    if (path().isEmpty()) {
        m_path->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace NewsGraph
