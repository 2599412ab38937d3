#include "runtime/http/request.hpp"

#include <algorithm>
#include <stdexcept>

namespace saga::runtime::http {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

std::optional<std::string> Request::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (EqualsIgnoreCase(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

std::optional<std::string> Request::Query(std::string_view name) const {
    if (auto it = query.find(name); it != query.end()) {
        return it->second;
    }
    return std::nullopt;
}

const std::string& Request::PathParam(std::string_view name) const {
    if (auto it = path_params.find(name); it != path_params.end()) {
        return it->second;
    }
    throw std::out_of_range("no path parameter '" + std::string(name) + "' in the matched route");
}

}  // namespace saga::runtime::http
