#pragma once

#include <nlohmann/json.hpp>

#include "inventory/domain/product.hpp"

namespace saga::inventory::handlers {

/// A product as the API shows it: product_id, name, price (decimal currency units, from
/// cents), currency, available, reserved, sold, plus initial and restocked so that clients can
/// check initial + restocked = available + reserved + sold.
nlohmann::json ProductJson(const domain::Product& product);

}  // namespace saga::inventory::handlers
