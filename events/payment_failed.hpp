#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"
#include "events/enum_text.hpp"

namespace saga::events {

enum class PaymentFailureReason { kCardDeclined, kInsufficientFunds, kInvalidToken };

template <>
struct EnumTraits<PaymentFailureReason> {
    static constexpr std::array<std::string_view, 3> kNames{"card_declined", "insufficient_funds", "invalid_token"};
};

/// `payment.failed` (payment service): the gateway declined the charge.
struct PaymentFailed {
    static constexpr std::string_view kType = "payment.failed";

    std::string order_id;
    std::string payment_id;
    std::int64_t amount_cents = 0;  ///< >= 0
    std::string currency;           ///< e.g. "USD"
    PaymentFailureReason reason = PaymentFailureReason::kCardDeclined;

    bool operator==(const PaymentFailed&) const = default;
};

nlohmann::json ToJson(const PaymentFailed& event);
template <>
std::vector<FieldError> Validate<PaymentFailed>(const nlohmann::json& data);
template <>
PaymentFailed FromJson<PaymentFailed>(const nlohmann::json& data);

}  // namespace saga::events
