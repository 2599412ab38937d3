#pragma once

#include "runtime/http/router.hpp"
#include "runtime/pg/database.hpp"

namespace saga::inventory::handlers {

/// GET /api/inventory/{product_id} → 200 product; 404 problem when unknown.
runtime::http::Handler GetProduct(runtime::pg::Database& database);

}  // namespace saga::inventory::handlers
