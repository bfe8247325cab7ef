#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDataStream>
#include <QString>

#include <functional>

namespace NewsGraph {

// The frame every trained-model file of NewsGraph has (syntax models, the
// name typer): a magic string, the format version (quint32), the length of
// the payload (quint64), its BLAKE2b-256 digest, then the payload. A file
// cut short, altered, or from another NewsGraph version is refused with a
// message naming it; nothing of it is used.
struct ModelFileFormat
{
    QByteArrayView magic;  // "NGSYNTAX"
    quint32 version = 0;   // the format this NewsGraph writes and reads
    QString kind;          // "syntax model", in messages
    QString trainCommand;  // "newsgraph-cli train-syntax", for files too old to read
};

// One fixed stream version for payloads, so the bytes do not change with
// Qt's default.
inline constexpr QDataStream::Version modelStreamVersion = QDataStream::Qt_6_4;

// A file of `format` whose payload `writePayload` writes (to a stream of
// modelStreamVersion).
QByteArray frameModelFile(const ModelFileFormat &format, const std::function<void(QDataStream &out)> &writePayload);

// The payload of a file of `format` (a view into `bytes`, which must
// outlive it); `name` names the file in error messages.
Result<QByteArray> modelFilePayload(const QByteArray &bytes, const ModelFileFormat &format, const QString &name);

} // namespace NewsGraph
