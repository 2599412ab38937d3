#include "payment/domain/saga_rules.hpp"

#include <doctest/doctest.h>

using namespace saga::payment;
using saga::events::OrderRejectionReason;
using saga::events::RefundReason;

namespace {

OrderPaymentInfo Open() {
    return {.order_id = "o-1", .customer_id = "c-1", .payment_token = "tok_visa", .closed_reason = std::nullopt};
}

OrderPaymentInfo Closed(std::optional<std::string> token) {
    return {.order_id = "o-1", .customer_id = "c-1", .payment_token = token, .closed_reason = "order_cancelled"};
}

}  // namespace

TEST_CASE("charge decision: an unknown order waits for its order.created") {
    CHECK(DecideCharge(std::nullopt, false) == ChargeAction::kWaitForOrder);
}

TEST_CASE("charge decision: a known open order without a payment is charged") {
    CHECK(DecideCharge(Open(), false) == ChargeAction::kCharge);
}

TEST_CASE("charge decision: an order with a payment is never charged twice") {
    CHECK(DecideCharge(Open(), true) == ChargeAction::kSkipAlreadyCharged);
}

TEST_CASE("charge decision: a closed order is never charged, with or without a token or a payment") {
    CHECK(DecideCharge(Closed("tok_visa"), false) == ChargeAction::kSkipClosed);
    CHECK(DecideCharge(Closed(std::nullopt), false) == ChargeAction::kSkipClosed);
    CHECK(DecideCharge(Closed("tok_visa"), true) == ChargeAction::kSkipClosed);
}

TEST_CASE("charge decision: an open order without a token waits for its order.created") {
    auto order = Open();
    order.payment_token.reset();
    CHECK(DecideCharge(order, false) == ChargeAction::kWaitForOrder);
}

TEST_CASE("refund reason: an expired reservation keeps its name, other rejections are order_rejected") {
    CHECK(RefundReasonFor(OrderRejectionReason::kReservationExpired) == RefundReason::kReservationExpired);
    CHECK(RefundReasonFor(OrderRejectionReason::kPaymentDeclined) == RefundReason::kOrderRejected);
    CHECK(RefundReasonFor(OrderRejectionReason::kOutOfStock) == RefundReason::kOrderRejected);
    CHECK(RefundReasonFor(OrderRejectionReason::kUnknownProduct) == RefundReason::kOrderRejected);
}
