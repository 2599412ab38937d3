#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"

namespace saga::events {

/// `order.confirmed` (order service): stock reserved and payment captured; the order is settled.
struct OrderConfirmed {
    static constexpr std::string_view kType = "order.confirmed";

    std::string order_id;
    std::string customer_id;
    std::optional<std::string> email;
    std::int64_t total_cents = 0;  ///< >= 0
    std::string currency;          ///< e.g. "USD"

    bool operator==(const OrderConfirmed&) const = default;
};

nlohmann::json ToJson(const OrderConfirmed& event);
template <>
std::vector<FieldError> Validate<OrderConfirmed>(const nlohmann::json& data);
template <>
OrderConfirmed FromJson<OrderConfirmed>(const nlohmann::json& data);

}  // namespace saga::events
