#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QFileDevice;
class QIODevice;

namespace NewsGraph {

// One file an export writes (every data and image format goes through it),
// so that an export never reports success unless every byte reached the file,
// and a failed export leaves no file and no temporary file behind.
//
// QSaveFile alone does not give that. It takes a short write (what a disk
// filling up or a file size limit gives: part of the data taken, no error)
// for a success, and it does not look at the outcome of the flush its
// commit() makes, so a file cut at the first refused byte was renamed into
// place as a success. Here a write the system took only part of is repeated
// with the rest until it is all taken or the system refuses with its reason
// ("No space left on device", "File too large", "Disk quota exceeded"), which
// the message gives, naming the file; the data is flushed and synced to disk
// before the rename, so a delayed write error is seen too.
//
// What is written, and what a failure leaves, depends on what is at the path:
// - nothing, or a regular file (or a link to one): a temporary file in the
//   same folder, renamed over the path only when all of it was written. Until
//   then an existing file is untouched; a failure or discard() removes the
//   temporary file.
// - something else that exists, such as a device (/dev/null, /dev/full), a
//   named pipe or a terminal (/dev/stdout): written directly, never replaced
//   by a rename (renaming a file over /dev/null as root would replace the
//   device for the whole system). What it was given cannot be taken back: a
//   failure is reported and the target left as it is.
// - a folder: refused.
class OutputFile
{
public:
    explicit OutputFile(const QString &path);
    ~OutputFile(); // discard() unless committed
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    const QString &path() const { return m_path; }

    // Opens the temporary file (or the existing non-regular target).
    Result<void> open();

    // What a writer writes to, after open() succeeded. A write either takes
    // everything or fails (returns -1), and every write after a failure fails
    // too, so a writer may check its writes or leave it to status().
    QIODevice &device();

    // An error naming the file and the system's reason if a write to
    // device() failed; success otherwise.
    Result<void> status() const;

    // Writes out what device() holds back and syncs it to disk: afterwards
    // only the rename is left, which is what lets a set of files be written
    // completely before any of them replaces an old one.
    Result<void> finish();

    // finish(), then the temporary file renamed over the path (or the direct
    // target closed). On failure nothing is left.
    Result<void> commit();

    // Abandons the file: the temporary file is removed, an existing file at
    // the path stays as it was.
    void discard();

    // Makes the file executable for everyone who may read it (as chmod +x
    // under the umask would), before commit(), so it appears executable.
    // False if the system refused; only for a file written through a
    // temporary file.
    bool makeExecutable();

private:
    class Sink;

    Result<void> failure(const QString &reason) const;

    QString m_path;
    std::unique_ptr<QFileDevice> m_file; // QSaveFile, or a QFile for a direct target
    std::unique_ptr<Sink> m_sink;        // writes through to m_file; destroyed first
    bool m_direct = false;
    bool m_finished = false;
};

// Writes `path` through an OutputFile: `write` fills the device; the file is
// committed only if `write` and every write it made succeeded. An error from
// `write` abandons the file; a failed write is reported with the system's
// reason even when `write` did not check it. Every message names the path.
Result<void> writeAtomically(const QString &path, const std::function<Result<void>(QIODevice &device)> &write);

// One file of a format that writes a folder of files.
struct OutputFolderFile
{
    QString name; // file name inside the folder
    std::function<Result<void>(QIODevice &device)> write;
    bool executable = false;
};

// Writes `files` into `directory` as one set: all of them or none.
//
// - A missing folder is created (with its missing parents); if the export
//   fails, what was created is removed again, so no half folder is left.
// - In a folder that exists, every file is first written whole to a temporary
//   file beside its name, flushed and synced; only when all of them were does
//   any replace its old version (by rename). A failure before that leaves the
//   folder exactly as it was: the older export, if any, stays whole, and
//   files of the user's that the export does not write are never touched.
// - The renames at the end cannot fail for lack of space (the data is already
//   on disk); should one fail anyway, the message says which files were
//   already replaced (and in a folder this call created, removes them).
// - A path that exists and is not a folder, or a file name in the folder that
//   is taken by something other than a regular file, is refused.
Result<void> writeFolderAtomically(const QString &directory, const QList<OutputFolderFile> &files);

} // namespace NewsGraph
