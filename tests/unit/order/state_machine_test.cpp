#include "order/domain/state_machine.hpp"

#include <doctest/doctest.h>

#include <array>

using namespace saga::order::domain;

namespace {

constexpr std::array kStatuses{OrderStatus::kPending, OrderStatus::kAwaitingPayment, OrderStatus::kConfirmed,
                               OrderStatus::kRejected, OrderStatus::kCancelled};
constexpr std::array kInputs{OrderInput::kStockReserved,      OrderInput::kStockUnavailable,
                             OrderInput::kPaymentCaptured,    OrderInput::kPaymentDeclined,
                             OrderInput::kReservationExpired, OrderInput::kCancelRequested};

Decision Apply(OrderStatus to) { return {Verdict::kApply, to}; }

}  // namespace

TEST_CASE("state machine: the happy path goes PENDING → AWAITING_PAYMENT → CONFIRMED") {
    CHECK(Decide(OrderStatus::kPending, OrderInput::kStockReserved) == Apply(OrderStatus::kAwaitingPayment));
    CHECK(Decide(OrderStatus::kAwaitingPayment, OrderInput::kPaymentCaptured) == Apply(OrderStatus::kConfirmed));
}

TEST_CASE("state machine: failures reject from the state that awaits them") {
    CHECK(Decide(OrderStatus::kPending, OrderInput::kStockUnavailable) == Apply(OrderStatus::kRejected));
    CHECK(Decide(OrderStatus::kAwaitingPayment, OrderInput::kPaymentDeclined) == Apply(OrderStatus::kRejected));
    CHECK(Decide(OrderStatus::kAwaitingPayment, OrderInput::kReservationExpired) == Apply(OrderStatus::kRejected));
}

TEST_CASE("state machine: cancel works from every non-rejected unsettled state and after CONFIRMED") {
    CHECK(Decide(OrderStatus::kPending, OrderInput::kCancelRequested) == Apply(OrderStatus::kCancelled));
    CHECK(Decide(OrderStatus::kAwaitingPayment, OrderInput::kCancelRequested) == Apply(OrderStatus::kCancelled));
    CHECK(Decide(OrderStatus::kConfirmed, OrderInput::kCancelRequested) == Apply(OrderStatus::kCancelled));
}

TEST_CASE("state machine: cancel of a rejected or cancelled order is refused") {
    CHECK(Decide(OrderStatus::kRejected, OrderInput::kCancelRequested) ==
          Decision{Verdict::kRefuse, OrderStatus::kRejected});
    CHECK(Decide(OrderStatus::kCancelled, OrderInput::kCancelRequested) ==
          Decision{Verdict::kRefuse, OrderStatus::kCancelled});
}

TEST_CASE("state machine: settled orders ignore every event") {
    for (const auto status : {OrderStatus::kConfirmed, OrderStatus::kRejected, OrderStatus::kCancelled}) {
        for (const auto input : kInputs) {
            if (input == OrderInput::kCancelRequested) continue;
            CAPTURE(static_cast<int>(status));
            CAPTURE(static_cast<int>(input));
            CHECK(Decide(status, input) == Decision{Verdict::kIgnore, status});
        }
    }
}

TEST_CASE("state machine: a payment seen before the reservation waits for it") {
    CHECK(Decide(OrderStatus::kPending, OrderInput::kPaymentCaptured).verdict == Verdict::kDefer);
    CHECK(Decide(OrderStatus::kPending, OrderInput::kPaymentDeclined).verdict == Verdict::kDefer);
}

TEST_CASE("state machine: a duplicate or stale event in AWAITING_PAYMENT is ignored") {
    CHECK(Decide(OrderStatus::kAwaitingPayment, OrderInput::kStockReserved).verdict == Verdict::kIgnore);
    CHECK(Decide(OrderStatus::kAwaitingPayment, OrderInput::kStockUnavailable).verdict == Verdict::kIgnore);
    CHECK(Decide(OrderStatus::kPending, OrderInput::kReservationExpired).verdict == Verdict::kIgnore);
}

TEST_CASE("state machine: every applied transition leaves the state, and settled states never move except by cancel") {
    for (const auto status : kStatuses) {
        for (const auto input : kInputs) {
            const Decision decision = Decide(status, input);
            if (decision.verdict == Verdict::kApply) {
                CHECK(decision.next != status);
                CHECK((!IsSettled(status) || input == OrderInput::kCancelRequested));
            } else {
                CHECK(decision.next == status);
            }
        }
    }
}
