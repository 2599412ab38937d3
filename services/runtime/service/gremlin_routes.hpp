#pragma once

#include <string>

#include "runtime/gremlin/gremlin.hpp"
#include "runtime/http/router.hpp"

namespace saga::runtime::service {

/// Registers GET, PUT and DELETE /admin/gremlin on `router` (wire format: gremlin::Gremlin),
/// each behind RequireAdmin with `admin_token`. Call only when an ADMIN_TOKEN is configured, so
/// that without one the routes do not exist (404). `gremlin` must outlive the router.
void AddGremlinRoutes(http::Router& router, gremlin::Gremlin& gremlin, std::string admin_token);

/// Whether an answered request counts as a commit for the gremlin's crash trigger: a mutating
/// method (POST, PUT, PATCH, DELETE) answered 2xx, outside /admin/.
bool IsCommittedWrite(std::string_view method, std::string_view route, int status);

}  // namespace saga::runtime::service
