#pragma once

#include "core/common/Result.h"
#include "core/extract/Extraction.h"
#include "core/text/Document.h"

#include <QDate>
#include <QList>
#include <QString>
#include <memory>

namespace NewsGraph {

// Finds amounts and dates, in English and French: MONEY ("$100 billion",
// "109 billion euros", "125,6 milliards de dollars", "€5bn"), QUANTITY
// ("18,000 GPUs", "18 000 superpuces", "40-megawatt", "2 nanometers") and
// DATE ("June 11", "11 June", "11 juin 2025", "February", "2026", "early
// 2026", "Wednesday" resolved against the document date when it has one).
// Currencies, month and day names, scale words and units come from data files
// in resources/lexicon/ (currencies.tsv, months.tsv, weekdays.tsv,
// number-scales.tsv, units.tsv, each documenting its format), not from code;
// stopwords-*.txt tell function words from names and nouns.
//
// Rules, applied left to right on the tokens of each sentence (one pass, no
// regular expressions), the first that matches winning:
// - Numbers need digits ("two-year" is no quantity). English groups
//   thousands with "," and French with "." or a space; both accept NBSP,
//   NNBSP and thin space; the decimal mark is "." in English, "," (or ".")
//   in French. A number glued to a word ("GB200", "GPT-4", "4G") is a code.
// - MONEY: a currency symbol or code before the number ("$5bn", "US$ 2.5
//   million") or any currency form after the number and its scale ("109
//   billion euros", "125,6 milliards de dollars"). Value "<number> <ISO>",
//   scaled exactly, at most two decimals.
// - QUANTITY: number [scale] then a unit of units.tsv (spaced, joined "10%",
//   or hyphenated "40-megawatt" but not "5-year-old"); or up to three
//   capitalised names then such a unit ("18,000 Nvidia chips"); or a
//   lowercase plural noun right after the number ("250 engineers", value
//   keeps the noun as written, lower case). Not after a capitalised word
//   that makes the number part of a name ("Windows 11 users", "Article 5").
// - DATE: ISO dates; day month [year]; month day [, year]; month year; a
//   month alone unless strict ("May", "March", "mars" need a day or year);
//   a day name, alone or heading a date ("mercredi 11 juin 2025"); a year of
//   1500-2199 alone, unless glued to a capitalised name ("Viva Tech 2025"),
//   or after a qualifier ("early 2026", "mid-2026", "fin 2025"); decades
//   ("1990s" -> ISO 8601-2 decade "199"). A four-digit number followed by a
//   unit or currency is an amount ("1500 people", "2000 euros") unless a
//   preposition makes it a year ("in 2025 companies").
// - Missing years come from the document date when valid ("--06-11"
//   otherwise); a day name alone resolves to the latest such day on or
//   before the document date, else to its English name ("wednesday").
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
    // The vocabulary of the data files as folded phrase tables, one set per
    // language ("en", "fr", and both for other languages). Immutable once
    // loaded and shared, so copies are cheap and find() may run on several
    // threads at once.
    struct Data;
    std::shared_ptr<const Data> m_data;
};

} // namespace NewsGraph
