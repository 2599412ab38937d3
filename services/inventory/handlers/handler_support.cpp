#include "inventory/handlers/handler_support.hpp"

#include <string_view>

namespace saga::inventory::handlers {
namespace {

// Compares without an early exit, so response times do not reveal how much of a guess matched
// (the length is no secret worth hiding).
bool SameSecret(std::string_view given, std::string_view secret) {
    if (given.size() != secret.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < given.size(); ++i) {
        diff |= static_cast<unsigned char>(given[i] ^ secret[i]);
    }
    return diff == 0;
}

}  // namespace

void RequireAdmin(const runtime::http::Request& request, const std::optional<std::string>& admin_token) {
    using runtime::http::ErrorKind;
    using runtime::http::HttpError;
    if (!admin_token) throw HttpError(ErrorKind::kNotFound, "admin endpoints are disabled (no ADMIN_TOKEN)");
    const auto header = request.Header("Authorization");
    constexpr std::string_view kScheme = "Bearer ";
    if (!header || header->size() < kScheme.size() ||
        !runtime::http::EqualsIgnoreCase(std::string_view(*header).substr(0, kScheme.size()), kScheme) ||
        !SameSecret(std::string_view(*header).substr(kScheme.size()), *admin_token)) {
        throw HttpError(ErrorKind::kUnauthorized, "a valid admin bearer token is required");
    }
}

void ThrowIfInvalid(const std::vector<domain::FieldIssue>& errors) {
    if (errors.empty()) return;
    std::vector<runtime::http::FieldError> fields;
    for (const auto& e : errors) fields.push_back({e.field, e.message});
    throw runtime::http::HttpError(runtime::http::ErrorKind::kValidation, "the request body is invalid",
                                   std::move(fields));
}

}  // namespace saga::inventory::handlers
