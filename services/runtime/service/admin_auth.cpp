#include "runtime/service/admin_auth.hpp"

#include <string_view>

#include "runtime/http/error.hpp"

namespace saga::runtime::service {
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

void RequireAdmin(const http::Request& request, const std::optional<std::string>& admin_token) {
    using http::ErrorKind;
    using http::HttpError;
    if (!admin_token) throw HttpError(ErrorKind::kNotFound, "admin endpoints are disabled (no ADMIN_TOKEN)");
    const auto header = request.Header("Authorization");
    constexpr std::string_view kScheme = "Bearer ";
    if (!header || header->size() < kScheme.size() ||
        !http::EqualsIgnoreCase(std::string_view(*header).substr(0, kScheme.size()), kScheme) ||
        !SameSecret(std::string_view(*header).substr(kScheme.size()), *admin_token)) {
        throw HttpError(ErrorKind::kUnauthorized, "a valid admin bearer token is required");
    }
}

}  // namespace saga::runtime::service
