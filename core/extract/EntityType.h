#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace NewsGraph {

// The kinds of actor that become graph nodes.
enum class EntityType { Person, Organization, Place, Product, Event };

// Typed values that are attributes shown with evidence, never graph nodes.
enum class AttributeType { Money, Quantity, Date };

// The names used in the store and in JSON: "PERSON", "ORG", "PLACE",
// "PRODUCT", "EVENT"; "MONEY", "QUANTITY", "DATE".
QString typeName(EntityType type);
QString typeName(AttributeType type);
std::optional<EntityType> entityTypeFromName(QStringView name);
std::optional<AttributeType> attributeTypeFromName(QStringView name);

} // namespace NewsGraph
