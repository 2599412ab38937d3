#include "runtime/pg/array_literal.hpp"

namespace saga::runtime::pg {

std::string ArrayLiteral(const std::vector<std::string>& elements) {
    std::string literal = "{";
    for (const auto& element : elements) {
        if (literal.size() > 1) literal += ',';
        literal += '"';
        for (const char c : element) {
            if (c == '"' || c == '\\') literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    return literal + '}';
}

}  // namespace saga::runtime::pg
