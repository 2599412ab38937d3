#pragma once

#include <nlohmann/json.hpp>

#include "order/domain/order.hpp"

namespace saga::order::handlers {

/// The order as the API shows it (SPEC §2): order_id, customer_id, status, reason?,
/// items[{product_id, quantity, unit_price?}], total?, currency, created_at, updated_at and,
/// with `with_history`, history[{status, at, reason?, event_id?}]. Money as decimal numbers.
nlohmann::json OrderToJson(const domain::Order& order, bool with_history = true);

}  // namespace saga::order::handlers
