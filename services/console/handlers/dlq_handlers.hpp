#pragma once

#include <string>

#include "console/dlq/dead_letters.hpp"
#include "runtime/http/router.hpp"

namespace saga::console {

/// GET /console/api/dlq?queue=&type=&since=&until=&limit= (open), POST /console/api/dlq/replay and
/// POST /console/api/dlq/purge (admin token). Bad parameters or bodies → 400 with the field named.
/// `dead_letters` and `admin_token` must outlive the router.
void AddDlqRoutes(runtime::http::Router& router, const DeadLetters& dead_letters, const std::string& admin_token);

}  // namespace saga::console
