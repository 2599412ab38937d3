#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"
#include "events/enum_text.hpp"

namespace saga::events {

/// The order status a cancellation interrupted (wire names are the order statuses).
enum class CancelledFromStatus { kPending, kAwaitingPayment, kConfirmed };

template <>
struct EnumTraits<CancelledFromStatus> {
    static constexpr std::array<std::string_view, 3> kNames{"PENDING", "AWAITING_PAYMENT", "CONFIRMED"};
};

/// `order.cancelled` (order service): the customer cancelled; the order is settled.
struct OrderCancelled {
    static constexpr std::string_view kType = "order.cancelled";

    std::string order_id;
    std::string customer_id;
    std::optional<std::string> email;
    CancelledFromStatus previous_status = CancelledFromStatus::kPending;

    bool operator==(const OrderCancelled&) const = default;
};

nlohmann::json ToJson(const OrderCancelled& event);
template <>
std::vector<FieldError> Validate<OrderCancelled>(const nlohmann::json& data);
template <>
OrderCancelled FromJson<OrderCancelled>(const nlohmann::json& data);

}  // namespace saga::events
