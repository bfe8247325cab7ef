#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>

namespace NewsGraph {

// For enums whose values have names a user types or a setting stores
// ("graphml", "kamada-kawai", ...): the value of a name and the list of names
// both follow from one array of the values and one naming function, so the
// three cannot drift apart.

// The value named `name`, whatever its letter case; nullopt for any other text.
template<typename Enum, std::size_t N, typename NameOf>
std::optional<Enum> enumFromName(QStringView name, const std::array<Enum, N> &values, NameOf nameOf)
{
    for (const Enum value : values) {
        if (name.compare(nameOf(value), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

// Every value's name, in the order of `values`.
template<typename Enum, std::size_t N, typename NameOf>
QStringList enumNames(const std::array<Enum, N> &values, NameOf nameOf)
{
    QStringList names;
    names.reserve(qsizetype(N));
    for (const Enum value : values)
        names.append(nameOf(value));
    return names;
}

} // namespace NewsGraph
