#pragma once

#include <optional>
#include <string>

#include "inventory/app/inventory.hpp"
#include "runtime/http/router.hpp"
#include "runtime/pg/database.hpp"

namespace saga::inventory::handlers {

/// PATCH /api/inventory/{product_id} (admin) {"restock": n}, n >= 1 → 200 product. Publishes
/// inventory.restocked, and inventory.back_in_stock when nothing was available before. 404 for
/// an unknown product.
runtime::http::Handler RestockProduct(runtime::pg::Database& database, Inventory& inventory,
                                      std::optional<std::string> admin_token);

}  // namespace saga::inventory::handlers
