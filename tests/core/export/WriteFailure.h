#pragma once

// Write failures for the export suites, without filling a disk: /dev/full,
// whose every write fails with ENOSPC, and a child process whose file size
// limit (RLIMIT_FSIZE, SIGXFSZ ignored) cuts its writes short and then fails
// them with EFBIG, as a disk filling up in the middle of a file does.
//
// The child either is forked and runs a function (runWithFileSizeLimit: for
// code that starts no threads, as the data writers) or runs a program
// (runProgramWithFileSizeLimit: for Qt Gui, whose raster engine paints with
// a thread pool that a forked child would not have, and would wait forever).

#include "core/common/Result.h"

#include <QByteArray>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cerrno>
#include <functional>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace NewsGraph::WriteFailure {

// The device that is always full, when this system has it.
inline QString deviceFull()
{
    const QString path = QStringLiteral("/dev/full");
    const QFileInfo info(path);
    return info.exists() && !info.isFile() && !info.isDir() ? path : QString();
}

// Whether `path` is still the device it was, not a regular file renamed over
// it (an export that went through a temporary file beside it would do that,
// and as root it can).
inline bool stillADevice(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() && !info.isFile() && !info.isDir();
}

// What a child reports to its parent: "ok", or "failed" and the message.
inline QByteArray childReport(const Result<void> &result)
{
    return (result.ok() ? QByteArray("ok\n") : QByteArray("failed\n")) + result.error().toUtf8();
}

struct ChildOutcome
{
    bool ran = false;       // the child ran to its end and reported
    bool succeeded = false; // what `work` returned
    QString message;        // its error

    // Reads what childReport() wrote.
    static ChildOutcome fromReport(const QByteArray &report)
    {
        ChildOutcome outcome;
        const qsizetype lineEnd = report.indexOf('\n');
        outcome.ran = lineEnd > 0;
        outcome.succeeded = report.left(lineEnd) == "ok";
        outcome.message = QString::fromUtf8(report.mid(lineEnd + 1));
        return outcome;
    }
};

// Runs `work` in a forked child whose files may not grow beyond `limit`
// bytes. The child reports through a pipe and ends with _exit, so nothing of
// the parent (temporary folders, test logs) is torn down twice.
inline ChildOutcome runWithFileSizeLimit(qint64 limit, const std::function<Result<void>()> &work)
{
    ChildOutcome outcome;
#ifdef Q_OS_UNIX
    int channel[2];
    if (::pipe(channel) != 0)
        return outcome;
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(channel[0]);
        ::close(channel[1]);
        return outcome;
    }
    if (child == 0) {
        ::close(channel[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit size{rlim_t(limit), rlim_t(limit)};
        if (::setrlimit(RLIMIT_FSIZE, &size) != 0)
            ::_exit(3);
        const Result<void> result = work();
        const QByteArray report = childReport(result);
        qsizetype sent = 0;
        while (sent < report.size()) {
            const ssize_t n = ::write(channel[1], report.constData() + sent, size_t(report.size() - sent));
            if (n <= 0)
                ::_exit(4);
            sent += n;
        }
        ::_exit(0);
    }
    ::close(channel[1]);
    QByteArray report;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(channel[0], buffer, sizeof buffer);
        if (n > 0)
            report.append(buffer, n);
        else if (n == 0 || errno != EINTR)
            break;
    }
    ::close(channel[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return outcome;
    outcome = ChildOutcome::fromReport(report);
#else
    Q_UNUSED(limit);
    Q_UNUSED(work);
#endif
    return outcome;
}

// Runs `program` in a child process whose files may not grow beyond `limit`
// bytes; it reports through childReport on its standard output and exits 0.
inline ChildOutcome runProgramWithFileSizeLimit(qint64 limit, const QString &program, const QStringList &arguments)
{
    ChildOutcome outcome;
#ifdef Q_OS_UNIX
    QProcess process;
    process.setChildProcessModifier([limit] {
        // Between fork and exec: async-signal-safe calls only.
        struct sigaction ignore = {};
        ignore.sa_handler = SIG_IGN;
        ::sigaction(SIGXFSZ, &ignore, nullptr);
        const rlimit size{rlim_t(limit), rlim_t(limit)};
        if (::setrlimit(RLIMIT_FSIZE, &size) != 0)
            ::_exit(3);
    });
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return outcome;
    outcome = ChildOutcome::fromReport(process.readAllStandardOutput());
#else
    Q_UNUSED(limit);
    Q_UNUSED(program);
    Q_UNUSED(arguments);
#endif
    return outcome;
}

} // namespace NewsGraph::WriteFailure
