#include "runtime/amqp/message.hpp"

namespace saga::runtime::amqp {

std::optional<std::string> StringHeader(const Headers& headers, const std::string& name) {
    auto it = headers.find(name);
    if (it == headers.end()) return std::nullopt;
    if (const auto* value = std::get_if<std::string>(&it->second)) return *value;
    return std::nullopt;
}

std::optional<std::int64_t> IntHeader(const Headers& headers, const std::string& name) {
    auto it = headers.find(name);
    if (it == headers.end()) return std::nullopt;
    if (const auto* value = std::get_if<std::int64_t>(&it->second)) return *value;
    return std::nullopt;
}

}  // namespace saga::runtime::amqp
