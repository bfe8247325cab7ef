#include "core/export/OutputFile.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>

#include <filesystem>
#include <system_error>
#include <vector>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

// Small writes (a CSV record, an XML element) are collected into chunks of
// this size before they go to the system; larger ones go straight through.
constexpr qint64 chunkSize = 64 * 1024;

QString shownPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

std::filesystem::path fileSystemPath(const QString &path)
{
#ifdef Q_OS_WIN
    return std::filesystem::path(path.toStdWString());
#else
    // The bytes Qt itself would open the file by.
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

// The folders writeFolderAtomically created, removed again unless the export
// succeeded. Only empty folders are removed (rmdir), so nothing anyone else
// put there meanwhile is lost.
class CreatedFolders
{
public:
    CreatedFolders() = default;
    CreatedFolders(const CreatedFolders &) = delete;
    CreatedFolders &operator=(const CreatedFolders &) = delete;
    ~CreatedFolders()
    {
        for (const QString &folder : std::as_const(m_folders)) // deepest first
            QDir().rmdir(folder);
    }

    // Creates `directory` and its missing parents, one at a time so that
    // each is known and a refusal comes with the system's reason.
    Result<void> create(const QString &directory)
    {
        QStringList missing; // outermost first
        QString path = QFileInfo(directory).absoluteFilePath();
        while (!QFileInfo::exists(path)) {
            missing.prepend(path);
            const QString parent = QFileInfo(path).path();
            if (parent == path)
                break;
            path = parent;
        }
        for (const QString &folder : std::as_const(missing)) {
            std::error_code error;
            const bool made = std::filesystem::create_directory(fileSystemPath(folder), error);
            if (error) {
                return Error{u"Cannot create the folder %1: %2"_s.arg(shownPath(folder),
                                                                       qt_error_string(error.value()))};
            }
            if (made) // else someone else made it meanwhile: not ours to remove
                m_folders.prepend(folder);
        }
        return {};
    }

    bool any() const { return !m_folders.isEmpty(); }
    void keep() { m_folders.clear(); }

private:
    QStringList m_folders; // deepest first
};

} // namespace

// The device writers write to. It collects small writes into chunks and hands
// each to the file until the system took all of it or refused with a reason:
// a short write (part taken, no error) is not a success but a reason to try
// the rest, which then either goes through or fails with the system's errno.
class OutputFile::Sink final : public QIODevice
{
public:
    explicit Sink(QFileDevice &file)
        : m_file(file)
    {
    }

    bool isSequential() const override { return true; }

    // Empty while every write went through.
    const QString &failure() const { return m_failure; }

    // Writes out what is held back.
    bool drain()
    {
        if (!m_failure.isEmpty())
            return false;
        const bool written = writeThrough(m_pending.constData(), m_pending.size());
        m_pending.clear();
        return written;
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }

    qint64 writeData(const char *data, qint64 size) override
    {
        if (!m_failure.isEmpty())
            return -1;
        if (m_pending.size() + size > chunkSize && !drain())
            return -1;
        if (size >= chunkSize) {
            if (!writeThrough(data, size))
                return -1;
        } else {
            m_pending.append(data, size);
        }
        return size;
    }

private:
    bool writeThrough(const char *data, qint64 size)
    {
        while (size > 0) {
            const qint64 written = m_file.write(data, size);
            if (written <= 0) {
                // QFileDevice gives strerror(errno) of the refused write.
                m_failure = m_file.error() != QFileDevice::NoError && !m_file.errorString().isEmpty()
                                ? m_file.errorString()
                                : u"the system took no more data"_s;
                return false;
            }
            data += written;
            size -= written;
        }
        return true;
    }

    QFileDevice &m_file;
    QByteArray m_pending;
    QString m_failure;
};

OutputFile::OutputFile(const QString &path)
    : m_path(path)
{
}

OutputFile::~OutputFile()
{
    discard();
}

Result<void> OutputFile::failure(const QString &reason) const
{
    return Error{u"Cannot write %1: %2"_s.arg(shownPath(m_path), reason)};
}

Result<void> OutputFile::open()
{
    discard();
    if (m_path.isEmpty())
        return Error{u"Cannot export: no file name was given"_s};
    const QFileInfo target(m_path);
    if (target.isDir())
        return failure(u"it is a folder"_s);
    // Unbuffered: the Sink does the buffering, and sees every refusal.
    const QIODevice::OpenMode mode = QIODevice::WriteOnly | QIODevice::Unbuffered;
    m_direct = target.exists() && !target.isFile();
    if (m_direct) {
        auto file = std::make_unique<QFile>(m_path);
        if (!file->open(mode))
            return failure(file->errorString());
        m_file = std::move(file);
    } else {
        auto file = std::make_unique<QSaveFile>(m_path);
        if (!file->open(mode))
            return failure(file->errorString());
        m_file = std::move(file);
    }
    m_sink = std::make_unique<Sink>(*m_file);
    m_sink->open(mode);
    m_finished = false;
    return {};
}

QIODevice &OutputFile::device()
{
    Q_ASSERT(m_sink);
    return *m_sink;
}

Result<void> OutputFile::status() const
{
    if (m_sink && !m_sink->failure().isEmpty())
        return failure(m_sink->failure());
    return {};
}

Result<void> OutputFile::finish()
{
    if (!m_sink)
        return failure(u"it is not open"_s);
    if (m_finished)
        return {};
    if (!m_sink->drain())
        return failure(m_sink->failure());
#ifdef Q_OS_UNIX
    // QSaveFile::commit() syncs too, but after closing and ignoring the
    // outcome; a file system that allocates late (NFS, quotas) reports a full
    // disk only here. A device or pipe cannot be synced (EINVAL): nothing to
    // wait for.
    int synced = 0;
    do {
        synced = ::fsync(m_file->handle());
    } while (synced != 0 && errno == EINTR);
    if (synced != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP)
        return failure(qt_error_string(errno));
#endif
    m_finished = true;
    return {};
}

Result<void> OutputFile::commit()
{
    if (const Result<void> finished = finish(); !finished) {
        discard();
        return finished;
    }
    m_sink.reset();
    std::unique_ptr<QFileDevice> file = std::move(m_file);
    if (m_direct) {
        file->close();
        if (file->error() != QFileDevice::NoError)
            return failure(file->errorString());
    } else if (auto *saved = static_cast<QSaveFile *>(file.get()); !saved->commit()) {
        return failure(saved->errorString()); // the temporary file is gone
    }
    return {};
}

void OutputFile::discard()
{
    m_sink.reset();
    m_file.reset(); // ~QSaveFile removes the temporary file
    m_finished = false;
}

bool OutputFile::makeExecutable()
{
    if (!m_file || m_direct)
        return false;
    QFileDevice::Permissions permissions = m_file->permissions();
    if (permissions & QFileDevice::ReadOwner)
        permissions |= QFileDevice::ExeOwner | QFileDevice::ExeUser;
    if (permissions & QFileDevice::ReadGroup)
        permissions |= QFileDevice::ExeGroup;
    if (permissions & QFileDevice::ReadOther)
        permissions |= QFileDevice::ExeOther;
    return m_file->setPermissions(permissions);
}

Result<void> writeAtomically(const QString &path, const std::function<Result<void>(QIODevice &device)> &write)
{
    OutputFile file(path);
    if (const Result<void> opened = file.open(); !opened)
        return opened;
    const Result<void> written = write(file.device());
    // The system's reason first: a writer that stopped at a refused write
    // (QXmlStreamWriter::hasError) knows less about it.
    if (const Result<void> status = file.status(); !status)
        return status;
    if (!written)
        return Error{u"Cannot write %1: %2"_s.arg(shownPath(path), written.error())};
    return file.commit();
}

Result<void> writeFolderAtomically(const QString &directory, const QList<OutputFolderFile> &files)
{
    if (directory.isEmpty())
        return Error{u"Cannot export: no folder was given"_s};
    const QString shown = shownPath(directory);
    const QFileInfo info(directory);
    if (info.exists() && !info.isDir()) {
        return Error{(info.isFile() ? u"Cannot export to %1: it is a file, and this format writes a folder"_s
                                    : u"Cannot export to %1: it is not a folder, and this format writes a folder"_s)
                         .arg(shown)};
    }
    // Declared before the files, so that on failure their temporary files
    // are gone before the folders are removed.
    CreatedFolders created;
    if (!info.exists()) {
        if (const Result<void> made = created.create(directory); !made)
            return made;
    }

    const QDir folder(directory);
    std::vector<std::unique_ptr<OutputFile>> finished;
    finished.reserve(std::size_t(files.size()));
    for (const OutputFolderFile &part : files) {
        const QString path = folder.filePath(part.name);
        const QFileInfo entry(path);
        if (entry.exists() && !entry.isFile()) {
            return Error{u"Cannot write %1: %2"_s.arg(shownPath(path), entry.isDir() ? u"it is a folder"_s
                                                                                      : u"it is not a regular file"_s)};
        }
        auto file = std::make_unique<OutputFile>(path);
        if (const Result<void> opened = file->open(); !opened)
            return opened;
        const Result<void> written = part.write(file->device());
        if (const Result<void> status = file->status(); !status)
            return status;
        if (!written)
            return Error{u"Cannot write %1: %2"_s.arg(shownPath(path), written.error())};
        if (const Result<void> done = file->finish(); !done)
            return done;
        // Not fatal: `sh import.sh` runs a script without the flag.
        if (part.executable)
            file->makeExecutable();
        finished.push_back(std::move(file));
    }

    // Everything is on disk; only renames are left.
    QStringList replaced;
    for (const std::unique_ptr<OutputFile> &file : finished) {
        if (const Result<void> committed = file->commit(); !committed) {
            if (created.any()) {
                // A folder of our own: take the whole set back.
                for (const QString &name : std::as_const(replaced))
                    QFile::remove(folder.filePath(name));
                return committed;
            }
            if (replaced.isEmpty())
                return committed;
            return Error{u"%1 (already replaced: %2)"_s.arg(committed.error(), replaced.join(u", "_s))};
        }
        replaced.append(QFileInfo(file->path()).fileName());
    }
    created.keep();
    return {};
}

} // namespace NewsGraph
