#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace NewsGraph::Testing {

// A memory figure of this process in MB, from /proc/self/status: "VmHWM:"
// for the peak resident size, "VmRSS:" for the current one; 0 when it
// cannot be read.
inline double processMegabytes(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0.0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0.0;
}

} // namespace NewsGraph::Testing
