#pragma once

#include <string>

#include "runtime/http/request.hpp"

namespace saga::console {

/// Lets a request change DLQs only with `Authorization: Bearer <admin_token>` (compared in constant
/// time). Throws runtime::http::HttpError: kNotFound when `admin_token` is empty (the feature is off,
/// as on the services), kUnauthorized when the header is missing or wrong.
void RequireAdmin(const runtime::http::Request& request, const std::string& admin_token);

}  // namespace saga::console
