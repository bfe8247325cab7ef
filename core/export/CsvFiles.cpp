#include "core/export/CsvFiles.h"

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

} // namespace

QString csvField(const QString &text)
{
    const bool needsQuotes = text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
                             || text.contains(u'\r')
                             || (!text.isEmpty() && (isBlank(text.front()) || isBlank(text.back())));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString csvRecord(const QStringList &fields, QStringView lineEnd)
{
    QString record;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            record.append(u',');
        record.append(csvField(fields.at(i)));
    }
    record.append(lineEnd);
    return record;
}

} // namespace NewsGraph
