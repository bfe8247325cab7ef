#pragma once

#include <QDate>
#include <QStringView>

namespace NewsGraph {

// Reads the calendar date at the start of an ISO 8601 date or date-time
// ("2025-06-12", "2025-06-12T09:30:00+02:00", "2025-06-12 09:30"). The date
// is taken as written, not converted to UTC: a publication date means the
// day printed on the article. Returns an invalid QDate for anything else.
inline QDate parseIsoDate(QStringView text)
{
    text = text.trimmed();
    if (text.size() < 10)
        return {};
    if (text.size() > 10 && text[10] != u'T' && text[10] != u't' && text[10] != u' ')
        return {};
    auto digits = [text](qsizetype from, qsizetype count) {
        int value = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    if (text[4] != u'-' || text[7] != u'-')
        return {};
    const int year = digits(0, 4);
    const int month = digits(5, 2);
    const int day = digits(8, 2);
    if (year < 0 || month < 0 || day < 0)
        return {};
    return QDate(year, month, day); // invalid for 2025-13-45
}

} // namespace NewsGraph
