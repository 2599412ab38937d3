#include "inventory/domain/compensation.hpp"

#include <doctest/doctest.h>

using namespace saga::inventory::domain;
using saga::events::OrderRejectionReason;
using saga::events::ReleaseReason;
using Action = Settlement::Action;
using Status = ReservationStatus;

TEST_CASE("release reasons: payment_declined → payment_failed, expired → expired, others → order_rejected") {
    CHECK(ReleaseReasonFor(OrderRejectionReason::kPaymentDeclined) == ReleaseReason::kPaymentFailed);
    CHECK(ReleaseReasonFor(OrderRejectionReason::kReservationExpired) == ReleaseReason::kReservationExpired);
    CHECK(ReleaseReasonFor(OrderRejectionReason::kOutOfStock) == ReleaseReason::kOrderRejected);
    CHECK(ReleaseReasonFor(OrderRejectionReason::kUnknownProduct) == ReleaseReason::kOrderRejected);
}

TEST_CASE("order.confirmed: only a held reservation is sold — anything else is a no-op") {
    const auto sell = OnOrderConfirmed(Status::kReserved);
    CHECK(sell.action == Action::kSell);
    CHECK(sell.next == Status::kSold);
    CHECK(OnOrderConfirmed(std::nullopt).action == Action::kNone);
    CHECK(OnOrderConfirmed(Status::kSold).action == Action::kNone);
    CHECK(OnOrderConfirmed(Status::kReleased).action == Action::kNone);
    CHECK(OnOrderConfirmed(Status::kRestocked).action == Action::kNone);
}

TEST_CASE("order.rejected: a held reservation is released with the mapped reason") {
    const auto s = OnOrderRejected(Status::kReserved, OrderRejectionReason::kReservationExpired);
    CHECK(s.action == Action::kRelease);
    CHECK(s.next == Status::kReleased);
    CHECK(s.reason == ReleaseReason::kReservationExpired);
    CHECK(OnOrderRejected(Status::kReserved, OrderRejectionReason::kPaymentDeclined).reason ==
          ReleaseReason::kPaymentFailed);
}

TEST_CASE("order.rejected: no reservation → tombstone — settled reservations → no-op") {
    CHECK(OnOrderRejected(std::nullopt, OrderRejectionReason::kOutOfStock).action == Action::kTombstone);
    CHECK(OnOrderRejected(Status::kSold, OrderRejectionReason::kPaymentDeclined).action == Action::kNone);
    CHECK(OnOrderRejected(Status::kReleased, OrderRejectionReason::kPaymentDeclined).action == Action::kNone);
    CHECK(OnOrderRejected(Status::kRestocked, OrderRejectionReason::kPaymentDeclined).action == Action::kNone);
}

TEST_CASE("order.cancelled: held → release, sold → restock, none → tombstone, finished → no-op") {
    const auto release = OnOrderCancelled(Status::kReserved);
    CHECK(release.action == Action::kRelease);
    CHECK(release.next == Status::kReleased);
    CHECK(release.reason == ReleaseReason::kOrderCancelled);
    const auto restock = OnOrderCancelled(Status::kSold);
    CHECK(restock.action == Action::kRestock);
    CHECK(restock.next == Status::kRestocked);
    CHECK(restock.reason == ReleaseReason::kOrderCancelled);
    CHECK(OnOrderCancelled(std::nullopt).action == Action::kTombstone);
    CHECK(OnOrderCancelled(Status::kReleased).action == Action::kNone);
    CHECK(OnOrderCancelled(Status::kRestocked).action == Action::kNone);
}
