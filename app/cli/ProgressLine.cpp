#include "app/cli/ProgressLine.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr qint64 redrawIntervalMs = 200;
constexpr qint64 settleMs = 500; // before this, a rate says little

} // namespace

QString readableDuration(qint64 milliseconds)
{
    const qint64 seconds = (milliseconds + 500) / 1000;
    if (seconds < 1)
        return u"< 1 s"_s;
    if (seconds < 60)
        return u"%1 s"_s.arg(seconds);
    if (seconds < 3600)
        return u"%1 min %2 s"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return u"%1 h %2 min"_s.arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'));
}

QString progressText(int done, int total, qint64 elapsedMs, const QString &item, int width)
{
    total = std::max(total, 1);
    done = std::clamp(done, 0, total);
    const int digits = int(QString::number(total).size());
    QString text = u"%1/%2 files %3%"_s.arg(done, digits).arg(total).arg(done * 100 / total, 3);
    if (done > 0 && elapsedMs >= settleMs) {
        const double perSecond = done * 1000.0 / double(elapsedMs);
        text += u"  %1 files/s"_s.arg(perSecond, 0, 'f', perSecond < 10 ? 1 : 0);
        if (done < total)
            text += u"  ETA "_s + readableDuration(qint64(double(total - done) / perSecond * 1000.0));
    }
    if (done == total)
        text += u"  storing"_s;
    else if (!item.isEmpty())
        text += u"  "_s + item;
    if (text.size() > width)
        text = text.left(width - 1) + u'…';
    return text;
}

ProgressLine::ProgressLine(QTextStream &stream)
    : m_stream(stream)
{
    m_clock.start();
}

void ProgressLine::update(int done, int total, const QString &item)
{
    const qint64 now = m_clock.elapsed();
    if (done < total && m_lastDrawMs >= 0 && now - m_lastDrawMs < redrawIntervalMs)
        return;
    m_lastDrawMs = now;
    const QString text = progressText(done, total, now, item);
    // Blanks over what a longer line before left on the terminal.
    m_stream << '\r' << text << QString(std::max<qsizetype>(0, m_lastLength - text.size()), u' ');
    m_stream.flush();
    m_lastLength = text.size();
}

void ProgressLine::finish()
{
    if (m_lastDrawMs < 0)
        return;
    m_stream << '\n';
    m_stream.flush();
    m_lastDrawMs = -1;
    m_lastLength = 0;
}

} // namespace NewsGraph
