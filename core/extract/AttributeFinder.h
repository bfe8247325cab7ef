#pragma once

#include "core/common/Result.h"
#include "core/extract/Extraction.h"
#include "core/text/Document.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace NewsGraph {

// Finds amounts and dates, in English and French: MONEY ("$100 billion",
// "109 billion euros", "125,6 milliards de dollars", "€5bn"), QUANTITY
// ("18,000 GPUs", "18 000 superpuces", "40-megawatt", "2 nanometers") and
// DATE ("June 11", "11 June", "11 juin 2025", "February", "2026", "early
// 2026", "Wednesday" resolved against the document date when it has one).
// Currencies, month and day names, scale words and units come from data files
// in resources/lexicon/ (currencies.tsv, months.tsv, weekdays.tsv,
// number-scales.tsv, units.tsv), not from code.
class AttributeFinder
{
public:
    AttributeFinder() = default;

    static Result<AttributeFinder> fromDirectory(const QString &directory);

    // Attributes in text order, never overlapping; each lies inside one
    // sentence. `documentDate` (may be invalid) anchors relative dates.
    QList<AttributeMention> find(const QString &text, const QList<Sentence> &sentences,
                                 const QString &language, const QDate &documentDate = {}) const;

private:
    QHash<QString, QString> m_currencies; // folded symbol/code/name -> ISO 4217
    QHash<QString, int> m_months;         // folded month name or abbreviation -> 1..12
    QHash<QString, int> m_weekdays;       // folded day name -> 1..7 (Monday = 1)
    QHash<QString, double> m_scales;      // folded scale word -> multiplier
    QHash<QString, QString> m_units;      // folded unit -> canonical unit
};

} // namespace NewsGraph
