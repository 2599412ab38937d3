#pragma once

#include <optional>
#include <string>

#include "runtime/http/router.hpp"
#include "runtime/pg/database.hpp"

namespace saga::inventory::handlers {

/// POST /api/inventory (admin) {product_id, name, price, quantity} → 201 product with Location;
/// 409 when the id exists; 400 with field errors when invalid. `quantity` is the initial stock.
runtime::http::Handler CreateProduct(runtime::pg::Database& database, std::optional<std::string> admin_token);

}  // namespace saga::inventory::handlers
