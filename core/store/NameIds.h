#pragma once

#include "core/common/Result.h"
#include "core/store/Statement.h"

#include <QHash>
#include <QString>

#include <optional>

namespace NewsGraph {

class Database;

// The ids of a table of unique names (rules, predicates, statement links),
// found or added on first use and remembered for the object's life: a
// document names a handful, many times over. `findSql` selects the id of
// the name bound to ?1, `insertSql` inserts it.
class NameIds
{
public:
    NameIds(Database &database, const char *findSql, const char *insertSql);

    // nullopt for no name.
    Result<std::optional<qint64>> idOf(const QString &name);

private:
    Statement m_find;
    Statement m_insert;
    QHash<QString, qint64> m_ids;
};

} // namespace NewsGraph
