#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace NewsGraph {

// What the CSV-based exports (CsvWriter, Neo4jWriter) share: RFC 4180 fields
// and the folder they are written into.

// `text` as one RFC 4180 field: enclosed in double quotes, with its own double
// quotes doubled, when it holds a comma, a double quote, CR or LF; also when
// it starts or ends with a space or tab, which some readers trim from an
// unquoted field. Otherwise unchanged.
QString csvField(const QString &text);

// `fields` quoted with csvField, joined with commas and ended with `lineEnd`.
QString csvRecord(const QStringList &fields, QStringView lineEnd);

// Makes sure `directory` is a folder, creating it (and its parents) when
// missing. The error names the path: it is a file, or it cannot be created.
Result<void> ensureExportDirectory(const QString &directory);

} // namespace NewsGraph
