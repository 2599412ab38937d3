#pragma once

#include <optional>
#include <string_view>

#include "events/payment_failed.hpp"

namespace saga::payment {

/// What the simulated card gateway answers for one charge.
struct GatewayDecision {
    bool approved = false;
    /// Set exactly when the charge was declined.
    std::optional<events::PaymentFailureReason> decline_reason;

    bool operator==(const GatewayDecision&) const = default;
};

/// The simulated gateway (SPEC §2), deterministic by token: "tok_visa" approves;
/// "tok_chargeDeclined" declines with card_declined; "tok_chargeDeclinedInsufficientFunds" with
/// insufficient_funds; any other token with invalid_token. Pure; the amount plays no part.
GatewayDecision Authorize(std::string_view payment_token);

}  // namespace saga::payment
