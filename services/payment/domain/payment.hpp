#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace saga::payment {

/// CAPTURED → REFUNDED is the only transition; DECLINED is final.
enum class PaymentStatus { kCaptured, kDeclined, kRefunded };

/// The wire and database name: "CAPTURED", "DECLINED", "REFUNDED".
std::string_view ToText(PaymentStatus status);
/// The status named `text`, or nullopt.
std::optional<PaymentStatus> ParsePaymentStatus(std::string_view text);

/// One charge of one order (there is at most one per order).
struct Payment {
    std::string payment_id;  ///< uuid
    std::string order_id;
    std::int64_t amount_cents = 0;
    std::string currency;
    PaymentStatus status = PaymentStatus::kCaptured;
    /// Decline reason (card_declined, ...) or refund reason (order_cancelled, ...); none when CAPTURED.
    std::optional<std::string> reason;
    std::string created_at;  ///< RFC 3339 UTC
    std::string updated_at;  ///< RFC 3339 UTC

    bool operator==(const Payment&) const = default;
};

/// The API's decimal amount for integer cents: 1999 → 19.99 (a JSON number; exact for any
/// amount below 2^53 cents when printed with the shortest round-trip representation).
double CentsToAmount(std::int64_t cents);

}  // namespace saga::payment
