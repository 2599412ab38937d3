#pragma once

#include "runtime/http/router.hpp"
#include "runtime/pg/database.hpp"

namespace saga::inventory::handlers {

/// GET /api/inventory → 200 {"products": [product...]}, ordered by product id.
runtime::http::Handler ListProducts(runtime::pg::Database& database);

}  // namespace saga::inventory::handlers
