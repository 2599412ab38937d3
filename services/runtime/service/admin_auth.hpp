#pragma once

#include <optional>
#include <string>

#include "runtime/http/request.hpp"

namespace saga::runtime::service {

/// Admin endpoints (SPEC §2): with no ADMIN_TOKEN configured they do not exist (HttpError 404);
/// otherwise the request must carry `Authorization: Bearer <token>` (HttpError 401 without it or
/// with another). The comparison does not stop at the first differing byte.
void RequireAdmin(const http::Request& request, const std::optional<std::string>& admin_token);

}  // namespace saga::runtime::service
