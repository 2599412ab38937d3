#include "payment/domain/gateway.hpp"

namespace saga::payment {

GatewayDecision Authorize(std::string_view payment_token) {
    using Reason = events::PaymentFailureReason;
    if (payment_token == "tok_visa") return {.approved = true, .decline_reason = std::nullopt};
    if (payment_token == "tok_chargeDeclined") return {.approved = false, .decline_reason = Reason::kCardDeclined};
    if (payment_token == "tok_chargeDeclinedInsufficientFunds") {
        return {.approved = false, .decline_reason = Reason::kInsufficientFunds};
    }
    return {.approved = false, .decline_reason = Reason::kInvalidToken};
}

}  // namespace saga::payment
