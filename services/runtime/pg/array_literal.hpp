#pragma once

#include <optional>
#include <string>
#include <vector>

namespace saga::runtime::pg {

/// A PostgreSQL array literal, {"a","b"}, for a statement parameter cast to text[] (or int[],
/// bigint[]): one parameter and one round trip for any number of values. Every element is
/// quoted and escaped, so any text is safe in it.
std::string ArrayLiteral(const std::vector<std::string>& elements);

/// As above, with NULL for each empty element.
std::string NullableArrayLiteral(const std::vector<std::optional<std::string>>& elements);

}  // namespace saga::runtime::pg
