#include "payment/domain/gateway.hpp"

#include <doctest/doctest.h>

using saga::events::PaymentFailureReason;
using saga::payment::Authorize;
using saga::payment::GatewayDecision;

TEST_CASE("gateway: tok_visa is approved with no decline reason") {
    CHECK(Authorize("tok_visa") == GatewayDecision{.approved = true, .decline_reason = std::nullopt});
}

TEST_CASE("gateway: tok_chargeDeclined is declined as card_declined") {
    CHECK(Authorize("tok_chargeDeclined") ==
          GatewayDecision{.approved = false, .decline_reason = PaymentFailureReason::kCardDeclined});
}

TEST_CASE("gateway: tok_chargeDeclinedInsufficientFunds is declined as insufficient_funds") {
    CHECK(Authorize("tok_chargeDeclinedInsufficientFunds") ==
          GatewayDecision{.approved = false, .decline_reason = PaymentFailureReason::kInsufficientFunds});
}

TEST_CASE("gateway: any other token is declined as invalid_token, near misses included") {
    for (const char* token : {"tok_mastercard", "", "TOK_VISA", "tok_visa ", "tok_chargeDeclinedX", "tok_vis"}) {
        CAPTURE(token);
        CHECK(Authorize(token) ==
              GatewayDecision{.approved = false, .decline_reason = PaymentFailureReason::kInvalidToken});
    }
}

TEST_CASE("gateway: the same token always gets the same answer") {
    CHECK(Authorize("tok_chargeDeclined") == Authorize("tok_chargeDeclined"));
    CHECK(Authorize("tok_visa") == Authorize("tok_visa"));
}
