#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace NewsGraph {

// The bytes of the file at `path`, or "cannot read PATH: REASON" when it
// cannot be opened or read to its end.
Result<QByteArray> readWholeFile(const QString &path);

} // namespace NewsGraph
