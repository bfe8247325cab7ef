#pragma once

#include "core/extract/EntityType.h"
#include "core/store/GraphData.h"

#include <QColor>
#include <QDate>
#include <QIcon>
#include <QString>
#include <QStringList>

namespace NewsGraph {

// How the explorer words and pictures the values of core: type names people
// read ("Organisation", not "ORG"), predicates as phrases with the direction
// they read in, citations. Shared by the views so that each says the same.

// "Person", "Organisation", "Place", "Product", "Event".
QString entityTypeLabel(EntityType type);
// "People", "Organisations", ...: for toggles and legends.
QString entityTypePluralLabel(EntityType type);
// The label of a stored type name ("ORG" -> "Organisation"); the name itself
// when this version does not know it.
QString entityTypeLabel(const QString &storedName);
// Every type, in the order of the enum.
QList<EntityType> allEntityTypes();

// A round swatch of `color`, `size` pixels wide: table rows and toggles.
QIcon swatchIcon(const QColor &color, int size = 12);

// "partner_of" -> "partner of".
QString predicateLabel(const QString &predicate);
// How an edge's predicates read when going from `from` to the other end:
// "ceo of →" when `from` is the subject, "← supplies" when it is the object,
// "partner of" for a symmetric predicate; sorted, each once.
QStringList predicatesAlong(const GraphEdge &edge, qint64 from);

// "Title (file.txt, 11 June 2025)": where a sentence comes from, as a
// citation to paste after it.
QString citation(const QString &title, const QString &fileName, const QDate &date);
// `text` cut to `length` characters at a word boundary, with an ellipsis.
QString elided(const QString &text, int length);

// `text` with the character ranges [start, end) wrapped in <b> and tinted
// with their colours laid over `base` (rich text has no alpha), the rest
// HTML-escaped; a range overlapping an earlier one is dropped.
struct TintedRange
{
    int start = 0;
    int end = 0;
    QColor color;
};
QString tintedHtml(const QString &text, QList<TintedRange> ranges, const QColor &base);
// `color` laid over `base` by its alpha, opaque.
QColor blended(const QColor &color, const QColor &base);

} // namespace NewsGraph
