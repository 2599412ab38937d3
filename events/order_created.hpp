#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"
#include "events/item_quantity.hpp"

namespace saga::events {

/// `order.created` (order service): an order was accepted and awaits its stock reservation.
struct OrderCreated {
    static constexpr std::string_view kType = "order.created";

    std::string order_id;
    std::string customer_id;
    std::optional<std::string> email;
    std::vector<ItemQuantity> items;  ///< 1..50, distinct product ids
    std::string payment_token;        ///< id format, e.g. "tok_visa"
    std::string created_at;           ///< RFC 3339

    bool operator==(const OrderCreated&) const = default;
};

nlohmann::json ToJson(const OrderCreated& event);
template <>
std::vector<FieldError> Validate<OrderCreated>(const nlohmann::json& data);
template <>
OrderCreated FromJson<OrderCreated>(const nlohmann::json& data);

}  // namespace saga::events
