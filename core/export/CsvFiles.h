#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace NewsGraph {

// What the CSV-based exports (CsvWriter, Neo4jWriter) share: RFC 4180 fields.
// (The folder they are written into is writeFolderAtomically's, OutputFile.h.)

// `text` as one RFC 4180 field: enclosed in double quotes, with its own double
// quotes doubled, when it holds a comma, a double quote, CR or LF; also when
// it starts or ends with a space or tab, which some readers trim from an
// unquoted field. Otherwise unchanged.
QString csvField(const QString &text);

// `fields` quoted with csvField, joined with commas and ended with `lineEnd`.
QString csvRecord(const QStringList &fields, QStringView lineEnd);

} // namespace NewsGraph
