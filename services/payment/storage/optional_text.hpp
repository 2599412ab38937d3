#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace saga::payment {

/// A nullable text column: nullopt for SQL NULL.
inline std::optional<std::string> OptionalText(const pqxx::field& field) {
    return field.is_null() ? std::nullopt : std::optional<std::string>(field.as<std::string>());
}

}  // namespace saga::payment
