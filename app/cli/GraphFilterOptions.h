#pragma once

#include "core/common/Result.h"
#include "core/graph/GraphFilter.h"

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;

namespace NewsGraph {

// The options every graph command of newsgraph-cli shares to choose what part
// of the graph it works on, as a GraphFilter, so that `metrics`, `path`,
// `neighbors`, `layout` and `export` see the same graph for the same options
// (and the same graph as the explorer with the same filter):
//   --types person,org   --predicates ceo_of,supplies   --min-evidence N
//   --documents 1,4      --since 2025-01-01  --until 2025-12-31
// (--since and --until, as `path` has --from and --to for its entities)
//   --cooccurrence       --hidden            --linked-only
QList<QCommandLineOption> graphFilterOptions();

// The filter those options ask for; an Error saying which value is wrong.
Result<GraphFilter> graphFilterFrom(const QCommandLineParser &parser);

} // namespace NewsGraph
