#pragma once

// A small tmpfs mounted for one test: a disk that really fills up, or a file
// system that is really read-only, which permission bits cannot give a test
// that runs as root (CI does). Mounting needs CAP_SYS_ADMIN; where the
// sandbox does not allow it, mount() says why and the test skips.

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <memory>

#include <sys/mount.h>

namespace NewsGraph::Testing {

class ScratchMount
{
public:
    // Mounts a tmpfs of `bytes` on a new temporary folder; null with `why`
    // set when that is not possible here.
    static std::unique_ptr<ScratchMount> mount(qint64 bytes, QString *why)
    {
        auto scratch = std::unique_ptr<ScratchMount>(new ScratchMount);
        if (!scratch->m_folder.isValid()) {
            *why = QStringLiteral("cannot make a temporary folder");
            return nullptr;
        }
        const QByteArray target = QFile::encodeName(scratch->m_folder.path());
        const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0777";
        if (::mount("tmpfs", target.constData(), "tmpfs", 0, options.constData()) != 0) {
            *why = QStringLiteral("cannot mount a tmpfs here (%1)").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return nullptr;
        }
        scratch->m_mounted = true;
        return scratch;
    }

    ScratchMount(const ScratchMount &) = delete;
    ScratchMount &operator=(const ScratchMount &) = delete;
    ~ScratchMount()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_folder.path()).constData(), MNT_DETACH);
    }

    QString path() const { return m_folder.path(); }
    QString filePath(const QString &name) const { return m_folder.filePath(name); }

    // From now on nothing, root included, can write here.
    bool remountReadOnly(QString *why)
    {
        const QByteArray target = QFile::encodeName(m_folder.path());
        if (::mount(nullptr, target.constData(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) != 0) {
            *why = QStringLiteral("cannot remount read-only (%1)").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        return true;
    }

private:
    ScratchMount() = default;

    QTemporaryDir m_folder;
    bool m_mounted = false;
};

} // namespace NewsGraph::Testing

// In a test function: declares `why` and `scratch`, a tmpfs of `bytes`, or
// skips the test saying why none can be mounted here. A macro because
// QSKIP returns from the test function.
#define NEWSGRAPH_MOUNT_SCRATCH_OR_SKIP(scratch, why, bytes)                          \
    QString why;                                                                      \
    auto scratch = ::NewsGraph::Testing::ScratchMount::mount((bytes), &why);          \
    if (!scratch)                                                                     \
    QSKIP(qPrintable(why))
