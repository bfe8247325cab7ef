#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace NewsGraph {

// The line a long run shows on a terminal: how far it is, how fast it goes
// and when it will end, and what it is at ("  120/2000 files   6%   14.2
// files/s   ETA 2 min 12 s   article-0120.txt"). `elapsedMs` is the time
// since the run began; the rate and ETA appear once a file is done and
// half a second has passed. At most `width` characters (the item is cut).
QString progressText(int done, int total, qint64 elapsedMs, const QString &item, int width = 100);

// A duration as people read it: "< 1 s", "42 s", "3 min 05 s", "1 h 02 min".
QString readableDuration(qint64 milliseconds);

// Draws progressText() on one terminal line, redrawn in place ("\r") at
// most five times a second (and for the last file), and ends the line
// before anything else is printed.
class ProgressLine
{
public:
    explicit ProgressLine(QTextStream &stream);

    void update(int done, int total, const QString &item);
    // Ends the line (a no-op when nothing was drawn).
    void finish();

private:
    QTextStream &m_stream;
    QElapsedTimer m_clock;
    qint64 m_lastDrawMs = -1;
    qsizetype m_lastLength = 0;
};

} // namespace NewsGraph
