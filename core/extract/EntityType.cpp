#include "core/extract/EntityType.h"

#include "core/extract/Extraction.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace NewsGraph {

namespace {

constexpr std::array entityTypeNames{
    std::pair{EntityType::Person, u"PERSON"},   std::pair{EntityType::Organization, u"ORG"},
    std::pair{EntityType::Place, u"PLACE"},     std::pair{EntityType::Product, u"PRODUCT"},
    std::pair{EntityType::Event, u"EVENT"},
};

constexpr std::array attributeTypeNames{
    std::pair{AttributeType::Money, u"MONEY"},
    std::pair{AttributeType::Quantity, u"QUANTITY"},
    std::pair{AttributeType::Date, u"DATE"},
};

template<typename Type, typename Table>
QString nameOf(Type type, const Table &table)
{
    for (const auto &[value, name] : table) {
        if (value == type)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename Type, typename Table>
std::optional<Type> valueOf(QStringView name, const Table &table)
{
    for (const auto &[value, typeName] : table) {
        if (name.compare(QStringView(typeName), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

} // namespace

QString typeName(EntityType type)
{
    return nameOf(type, entityTypeNames);
}

QString typeName(AttributeType type)
{
    return nameOf(type, attributeTypeNames);
}

std::optional<EntityType> entityTypeFromName(QStringView name)
{
    return valueOf<EntityType>(name, entityTypeNames);
}

std::optional<AttributeType> attributeTypeFromName(QStringView name)
{
    return valueOf<AttributeType>(name, attributeTypeNames);
}

bool isSymmetricPredicate(QStringView predicate)
{
    // Relations that read the same both ways: the store keeps one row for
    // both directions and the scorer ignores their direction.
    static constexpr std::array symmetric{u"partner_of", u"deal_with", u"competes_with",
                                          cooccurrencePredicate};
    for (const char16_t *name : symmetric) {
        if (predicate == QStringView(name))
            return true;
    }
    return false;
}

} // namespace NewsGraph
