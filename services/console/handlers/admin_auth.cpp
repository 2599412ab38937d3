#include "console/handlers/admin_auth.hpp"

#include "runtime/http/error.hpp"

namespace saga::console {
namespace {

bool SameSecret(const std::string& a, const std::string& b) {
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
    }
    return difference == 0;
}

}  // namespace

void RequireAdmin(const runtime::http::Request& request, const std::string& admin_token) {
    using runtime::http::ErrorKind;
    using runtime::http::HttpError;
    if (admin_token.empty())
        throw HttpError(ErrorKind::kNotFound, "DLQ changes are disabled: the console has no ADMIN_TOKEN");
    const auto header = request.Header("Authorization");
    constexpr std::string_view kScheme = "Bearer ";
    if (!header || !header->starts_with(kScheme))
        throw HttpError(ErrorKind::kUnauthorized, "an admin bearer token is required");
    if (!SameSecret(header->substr(kScheme.size()), admin_token)) {
        throw HttpError(ErrorKind::kUnauthorized, "the admin token is wrong");
    }
}

}  // namespace saga::console
