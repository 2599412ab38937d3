#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"

namespace saga::events {

/// `payment.completed` (payment service): the order's amount was captured.
struct PaymentCompleted {
    static constexpr std::string_view kType = "payment.completed";

    std::string order_id;
    std::string payment_id;
    std::int64_t amount_cents = 0;  ///< >= 0
    std::string currency;           ///< e.g. "USD"

    bool operator==(const PaymentCompleted&) const = default;
};

nlohmann::json ToJson(const PaymentCompleted& event);
template <>
std::vector<FieldError> Validate<PaymentCompleted>(const nlohmann::json& data);
template <>
PaymentCompleted FromJson<PaymentCompleted>(const nlohmann::json& data);

}  // namespace saga::events
