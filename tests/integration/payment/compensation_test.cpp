// order.cancelled / order.rejected → captures are refunded, closed orders are never charged.
#include <doctest/doctest.h>

#include "events/payment_completed.hpp"
#include "events/payment_refunded.hpp"
#include "payment_fixture.hpp"

using namespace std::chrono_literals;
using saga::events::OrderRejectionReason;

namespace saga::test {
namespace {

/// Publishes order.created + inventory.reserved and waits for the capture; returns its payment id.
std::string Capture(PaymentFixture& f, const std::string& order, std::int64_t cents) {
    f.Publish(f.OrderCreated(order, "tok_visa"));
    f.Publish(f.InventoryReserved(order, cents));
    return events::DataAs<events::PaymentCompleted>(f.tap.WaitFor("payment.completed", order)).payment_id;
}

}  // namespace

TEST_CASE("payment: order.cancelled after a capture refunds it once, with reason order_cancelled") {
    PaymentFixture f;
    const auto order = NewOrderId();
    const auto payment_id = Capture(f, order, 7300);

    const auto cancelled = f.OrderCancelled(order);
    f.Publish(cancelled);
    const auto refunded_event = f.tap.WaitFor("payment.refunded", order);
    const auto refunded = events::DataAs<events::PaymentRefunded>(refunded_event);
    CHECK(refunded.payment_id == payment_id);
    CHECK(refunded.amount_cents == 7300);
    CHECK(refunded.currency == "USD");
    CHECK(refunded.reason == events::RefundReason::kOrderCancelled);
    CHECK(refunded_event.causation_id == cancelled.id);
    CHECK(refunded_event.correlation_id == cancelled.correlation_id);

    const auto payment = f.http.Get("/api/payments/" + payment_id).Json();
    CHECK(payment["status"] == "REFUNDED");
    CHECK(payment["reason"] == "order_cancelled");

    // A second cancel (re-published) and a late rejection refund nothing more.
    f.Publish(f.OrderCancelled(order));
    f.Publish(f.OrderRejected(order, OrderRejectionReason::kReservationExpired));
    f.Settle();
    CHECK(f.tap.All("payment.refunded", order).size() == 1);
    CHECK(f.http.Get("/api/payments/" + payment_id).Json()["reason"] == "order_cancelled");
}

TEST_CASE("payment: order.rejected (reservation_expired) after a capture refunds with reason reservation_expired") {
    PaymentFixture f;
    const auto order = NewOrderId();
    const auto payment_id = Capture(f, order, 1999);

    f.Publish(f.OrderRejected(order, OrderRejectionReason::kReservationExpired));
    const auto refunded = events::DataAs<events::PaymentRefunded>(f.tap.WaitFor("payment.refunded", order));
    CHECK(refunded.payment_id == payment_id);
    CHECK(refunded.reason == events::RefundReason::kReservationExpired);

    const auto payments = f.PaymentsOf(order);
    REQUIRE(payments.size() == 1);
    CHECK(payments[0]["status"] == "REFUNDED");
    CHECK(payments[0]["reason"] == "reservation_expired");
    CHECK(payments[0]["amount"].dump() == "19.99");
}

TEST_CASE("payment: order.cancelled before inventory.reserved means no charge at all") {
    PaymentFixture f;
    const auto order = NewOrderId();
    f.Publish(f.OrderCreated(order, "tok_visa"));
    f.Publish(f.OrderCancelled(order));
    f.Publish(f.InventoryReserved(order, 3000));
    f.Settle();

    CHECK(f.PaymentEvents(order).empty());
    CHECK(f.PaymentsOf(order).empty());
    CHECK(f.vhost.MessageCount("payment-service.dlq") == 0);
}

TEST_CASE("payment: an order closed before its order.created arrived is never charged, and nothing loops") {
    PaymentFixture f;
    const auto order = NewOrderId();
    f.Publish(f.OrderRejected(order, OrderRejectionReason::kOutOfStock));
    f.Publish(f.OrderCreated(order, "tok_visa"));
    f.Publish(f.InventoryReserved(order, 3000));
    f.Settle();

    CHECK(f.PaymentEvents(order).empty());
    CHECK(f.PaymentsOf(order).empty());
    CHECK(f.Metric("saga_events_consumed_total", "outcome=\"retried\"") == 0);
}

TEST_CASE("payment: a declined payment is not refunded when its order is rejected or cancelled") {
    PaymentFixture f;
    const auto order = NewOrderId();
    f.Publish(f.OrderCreated(order, "tok_chargeDeclined"));
    f.Publish(f.InventoryReserved(order, 3000));
    f.tap.WaitFor("payment.failed", order);

    f.Publish(f.OrderRejected(order, OrderRejectionReason::kPaymentDeclined));
    f.Publish(f.OrderCancelled(order));
    f.Settle();

    CHECK(f.tap.All("payment.refunded", order).empty());
    const auto payments = f.PaymentsOf(order);
    REQUIRE(payments.size() == 1);
    CHECK(payments[0]["status"] == "DECLINED");
    CHECK(payments[0]["reason"] == "card_declined");
}

}  // namespace saga::test
