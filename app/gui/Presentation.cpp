#include "app/gui/Presentation.h"

#include "core/graph/EdgeStatements.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace NewsGraph {

QString entityTypeLabel(EntityType type)
{
    switch (type) {
    case EntityType::Person:
        return QObject::tr("Person");
    case EntityType::Organization:
        return QObject::tr("Organisation");
    case EntityType::Place:
        return QObject::tr("Place");
    case EntityType::Product:
        return QObject::tr("Product");
    case EntityType::Event:
        return QObject::tr("Event");
    }
    return {};
}

QString entityTypePluralLabel(EntityType type)
{
    switch (type) {
    case EntityType::Person:
        return QObject::tr("People");
    case EntityType::Organization:
        return QObject::tr("Organisations");
    case EntityType::Place:
        return QObject::tr("Places");
    case EntityType::Product:
        return QObject::tr("Products");
    case EntityType::Event:
        return QObject::tr("Events");
    }
    return {};
}

QString entityTypeLabel(const QString &storedName)
{
    const std::optional<EntityType> type = entityTypeFromName(storedName);
    return type ? entityTypeLabel(*type) : storedName;
}

QList<EntityType> allEntityTypes()
{
    return {EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Product,
            EntityType::Event};
}

QIcon swatchIcon(const QColor &color, int size)
{
    QIcon icon;
    // Drawn at 1x and 2x so that it stays crisp on high-density screens.
    for (const int scale : {1, 2}) {
        QPixmap pixmap(size * scale, size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(color.darker(140), 1.0));
        painter.setBrush(color);
        painter.drawEllipse(QRectF(1.5, 1.5, size - 3.0, size - 3.0));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QString predicateLabel(const QString &predicate)
{
    QString label = predicate;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    return label;
}

QStringList predicatesAlong(const GraphEdge &edge, qint64 from)
{
    QStringList readings;
    for (const EdgeStatement &statement : statementsFrom(edge, from)) {
        const QString label = predicateLabel(statement.predicate);
        switch (statement.direction) {
        case StatementDirection::Undirected:
            readings.append(label);
            break;
        case StatementDirection::Forward:
            readings.append(QStringLiteral("%1 →").arg(label));
            break;
        case StatementDirection::Backward:
            readings.append(QStringLiteral("← %1").arg(label));
            break;
        }
    }
    // Edges built by hand (tests) may carry predicates without evidence.
    if (readings.isEmpty()) {
        for (const QString &predicate : edge.predicates)
            readings.append(predicateLabel(predicate));
    }
    readings.sort();
    return readings;
}

QString citation(const QString &title, const QString &fileName, const QDate &date)
{
    QStringList where;
    if (!fileName.isEmpty())
        where.append(fileName);
    if (date.isValid())
        where.append(QLocale().toString(date, QLocale::LongFormat));
    const QString source = title.isEmpty() ? fileName : title;
    if (where.isEmpty() || (where.size() == 1 && source == fileName))
        return source;
    return QStringLiteral("%1 (%2)").arg(source, where.join(QStringLiteral(", ")));
}

QColor blended(const QColor &color, const QColor &base)
{
    const double a = color.alphaF();
    return QColor::fromRgbF(float(color.redF() * a + base.redF() * (1 - a)),
                            float(color.greenF() * a + base.greenF() * (1 - a)),
                            float(color.blueF() * a + base.blueF() * (1 - a)));
}

QString elided(const QString &text, int length)
{
    const QString simple = text.simplified();
    if (simple.size() <= length)
        return simple;
    QString cut = simple.left(length);
    const qsizetype space = cut.lastIndexOf(QLatin1Char(' '));
    if (space > length / 2)
        cut.truncate(space);
    while (!cut.isEmpty() && !cut.back().isLetterOrNumber())
        cut.chop(1);
    return cut + QStringLiteral("…");
}

QString tintedHtml(const QString &text, QList<TintedRange> ranges, const QColor &base)
{
    std::sort(ranges.begin(), ranges.end(),
              [](const TintedRange &a, const TintedRange &b) { return a.start < b.start; });
    QString html;
    int at = 0;
    for (const TintedRange &range : std::as_const(ranges)) {
        if (range.start < at || range.end <= range.start || range.end > text.size())
            continue;
        html += text.mid(at, range.start - at).toHtmlEscaped();
        html += QStringLiteral("<b style=\"background-color: %1\">%2</b>")
                    .arg(blended(range.color, base).name(),
                         text.mid(range.start, range.end - range.start).toHtmlEscaped());
        at = range.end;
    }
    html += text.mid(at).toHtmlEscaped();
    return html;
}

} // namespace NewsGraph
