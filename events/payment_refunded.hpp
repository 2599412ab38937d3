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

enum class RefundReason { kOrderCancelled, kOrderRejected, kReservationExpired };

template <>
struct EnumTraits<RefundReason> {
    static constexpr std::array<std::string_view, 3> kNames{"order_cancelled", "order_rejected", "reservation_expired"};
};

/// `payment.refunded` (payment service): a capture was given back.
struct PaymentRefunded {
    static constexpr std::string_view kType = "payment.refunded";

    std::string order_id;
    std::string payment_id;
    std::int64_t amount_cents = 0;  ///< >= 0
    std::string currency;           ///< e.g. "USD"
    RefundReason reason = RefundReason::kOrderCancelled;

    bool operator==(const PaymentRefunded&) const = default;
};

nlohmann::json ToJson(const PaymentRefunded& event);
template <>
std::vector<FieldError> Validate<PaymentRefunded>(const nlohmann::json& data);
template <>
PaymentRefunded FromJson<PaymentRefunded>(const nlohmann::json& data);

}  // namespace saga::events
