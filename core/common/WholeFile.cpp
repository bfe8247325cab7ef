#include "core/common/WholeFile.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace NewsGraph {

Result<QByteArray> readWholeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{u"cannot read %1: %2"_s.arg(path, file.errorString())};
    return bytes;
}

} // namespace NewsGraph
