#include "console/handlers/admin_auth.hpp"

#include "runtime/http/error.hpp"
#include "runtime/service/admin_auth.hpp"

namespace saga::console {

void RequireAdmin(const runtime::http::Request& request, const std::string& admin_token) {
    if (admin_token.empty()) {
        throw runtime::http::HttpError(runtime::http::ErrorKind::kNotFound,
                                       "DLQ changes are disabled: the console has no ADMIN_TOKEN");
    }
    runtime::service::RequireAdmin(request, admin_token);
}

}  // namespace saga::console
