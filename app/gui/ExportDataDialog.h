#pragma once

#include "core/export/GraphExporter.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace NewsGraph {

// Asks where and how to export the graph's data: a format of GraphExporter
// (a file, or a folder for CSV and Neo4j), the path, and whether to write the
// graph as shown (filters and focus applied) or everything stored.
class ExportDataDialog : public QDialog
{
    Q_OBJECT

public:
    // `suggestedPath` without suffix: the database's name in the last folder used.
    ExportDataDialog(const QString &suggestedPath, QWidget *parent = nullptr);

    ExportFormat format() const;
    void setFormat(ExportFormat format);
    QString path() const;
    void setPath(const QString &path);
    bool wholeDatabase() const;

    void accept() override;

private:
    void browse();
    void formatChanged();

    QComboBox *m_format = nullptr;
    QComboBox *m_scope = nullptr;
    QLineEdit *m_path = nullptr;
};

} // namespace NewsGraph
