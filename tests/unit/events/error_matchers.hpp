#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "events/envelope.hpp"

namespace saga::events::testing {

/// True when `errors` holds an error on exactly `field`.
inline bool HasError(const std::vector<FieldError>& errors, const std::string& field) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == field; });
}

/// The fields of `errors`, in order, for readable failure output.
inline std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
    std::vector<std::string> fields;
    for (const auto& error : errors) {
        fields.push_back(error.field);
    }
    return fields;
}

}  // namespace saga::events::testing
