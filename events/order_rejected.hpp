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

enum class OrderRejectionReason { kOutOfStock, kUnknownProduct, kPaymentDeclined, kReservationExpired };

template <>
struct EnumTraits<OrderRejectionReason> {
    static constexpr std::array<std::string_view, 4> kNames{"out_of_stock", "unknown_product", "payment_declined",
                                                            "reservation_expired"};
};

/// `order.rejected` (order service): the saga failed; the order is settled unsuccessfully.
struct OrderRejected {
    static constexpr std::string_view kType = "order.rejected";

    std::string order_id;
    std::string customer_id;
    std::optional<std::string> email;
    OrderRejectionReason reason = OrderRejectionReason::kOutOfStock;
    std::optional<std::string> detail;  ///< 1..1000 characters, for people

    bool operator==(const OrderRejected&) const = default;
};

nlohmann::json ToJson(const OrderRejected& event);
template <>
std::vector<FieldError> Validate<OrderRejected>(const nlohmann::json& data);
template <>
OrderRejected FromJson<OrderRejected>(const nlohmann::json& data);

}  // namespace saga::events
