#include "runtime/pg/array_literal.hpp"

namespace saga::runtime::pg {

namespace {

void AppendQuoted(std::string& literal, const std::string& element) {
    literal += '"';
    for (const char c : element) {
        if (c == '"' || c == '\\') literal += '\\';
        literal += c;
    }
    literal += '"';
}

}  // namespace

std::string ArrayLiteral(const std::vector<std::string>& elements) {
    std::string literal = "{";
    for (const auto& element : elements) {
        if (literal.size() > 1) literal += ',';
        AppendQuoted(literal, element);
    }
    return literal + '}';
}

std::string NullableArrayLiteral(const std::vector<std::optional<std::string>>& elements) {
    std::string literal = "{";
    for (const auto& element : elements) {
        if (literal.size() > 1) literal += ',';
        if (element) {
            AppendQuoted(literal, *element);
        } else {
            literal += "NULL";
        }
    }
    return literal + '}';
}

}  // namespace saga::runtime::pg
