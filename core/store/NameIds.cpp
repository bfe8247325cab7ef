#include "core/store/NameIds.h"

namespace NewsGraph {

NameIds::NameIds(Database &database, const char *findSql, const char *insertSql)
    : m_find(database, findSql)
    , m_insert(database, insertSql)
{
}

Result<std::optional<qint64>> NameIds::idOf(const QString &name)
{
    if (name.isEmpty())
        return std::optional<qint64>();
    if (const auto known = m_ids.constFind(name); known != m_ids.cend())
        return std::optional<qint64>(*known);
    m_find.bind(1, name);
    qint64 id = m_find.next() ? m_find.int64(0) : 0;
    m_find.reset();
    if (!m_find.ok())
        return m_find.error();
    if (id == 0) {
        m_insert.bind(1, name);
        if (auto inserted = m_insert.execute(); !inserted)
            return Error{inserted.error()};
        id = m_insert.lastInsertRowId();
    }
    m_ids.insert(name, id);
    return std::optional<qint64>(id);
}

} // namespace NewsGraph
