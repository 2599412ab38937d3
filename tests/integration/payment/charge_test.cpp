// inventory.reserved → one charge per order, whatever the token, duplicates or arrival order.
#include <doctest/doctest.h>

#include "events/payment_completed.hpp"
#include "events/payment_failed.hpp"
#include "payment_fixture.hpp"

using namespace std::chrono_literals;

namespace saga::test {

TEST_CASE("payment: tok_visa is captured — payment.completed continues the saga and the API shows CAPTURED") {
    PaymentFixture f;
    const auto order = NewOrderId();
    const auto created = f.OrderCreated(order, "tok_visa");
    const auto reserved = f.InventoryReserved(order, 109998);
    f.Publish(created);
    f.Publish(reserved);

    const auto completed_event = f.tap.WaitFor("payment.completed", order);
    const auto completed = events::DataAs<events::PaymentCompleted>(completed_event);
    CHECK(completed.order_id == order);
    CHECK(completed.amount_cents == 109998);
    CHECK(completed.currency == "USD");
    CHECK(completed_event.source == "payment-service");
    CHECK(completed_event.correlation_id == reserved.correlation_id);
    CHECK(completed_event.causation_id == reserved.id);

    const auto payments = f.PaymentsOf(order);
    REQUIRE(payments.size() == 1);
    CHECK(payments[0]["payment_id"] == completed.payment_id);
    CHECK(payments[0]["status"] == "CAPTURED");
    CHECK(payments[0]["amount"].dump() == "1099.98");
    CHECK_FALSE(payments[0].contains("reason"));
}

TEST_CASE("payment: each declining token publishes payment.failed with its reason and is stored DECLINED") {
    PaymentFixture f;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"tok_chargeDeclined", "card_declined"},
        {"tok_chargeDeclinedInsufficientFunds", "insufficient_funds"},
        {"tok_unknown", "invalid_token"},
    };
    for (const auto& [token, reason] : cases) {
        CAPTURE(token);
        const auto order = NewOrderId();
        f.Publish(f.OrderCreated(order, token));
        f.Publish(f.InventoryReserved(order, 2500));

        const auto failed = events::DataAs<events::PaymentFailed>(f.tap.WaitFor("payment.failed", order));
        CHECK(events::ToText(failed.reason) == reason);
        CHECK(failed.amount_cents == 2500);

        const auto payments = f.PaymentsOf(order);
        REQUIRE(payments.size() == 1);
        CHECK(payments[0]["payment_id"] == failed.payment_id);
        CHECK(payments[0]["status"] == "DECLINED");
        CHECK(payments[0]["reason"] == reason);
        CHECK(payments[0]["amount"].dump() == "25.0");
        CHECK(f.tap.All("payment.completed", order).empty());
    }
}

TEST_CASE("payment: a duplicate inventory.reserved (same id or a re-publication) charges once, one event") {
    PaymentFixture f;
    const auto order = NewOrderId();
    f.Publish(f.OrderCreated(order, "tok_visa"));
    const auto reserved = f.InventoryReserved(order, 5000);
    f.Publish(reserved);
    f.Publish(reserved);                          // redelivery: same message id
    f.Publish(f.InventoryReserved(order, 5000));  // the same fact published again under a new id
    f.Settle();

    CHECK(f.PaymentEvents(order).size() == 1);
    CHECK(f.tap.All("payment.completed", order).size() == 1);
    CHECK(f.PaymentsOf(order).size() == 1);
    CHECK(f.db.QueryInt("SELECT count(*) FROM payments WHERE order_id = '" + order + "'") == 1);
}

TEST_CASE("payment: inventory.reserved before order.created is parked, spends no retries, and is charged once after") {
    PaymentFixture f;
    const auto order = NewOrderId();
    f.Publish(f.InventoryReserved(order, 4200));

    // No token known yet: the event waits on the order's row instead of going down the retry path.
    const auto parked =
        "SELECT count(*) FROM payment_orders WHERE order_id = '" + order + "' AND early_reservation IS NOT NULL";
    CHECK(Eventually([&] { return f.db.QueryInt(parked) == 1; }, 10s));
    CHECK(f.Metric("saga_events_consumed_total", "outcome=\"retried\"") == 0);
    CHECK(f.PaymentsOf(order).empty());
    CHECK(f.PaymentEvents(order).empty());

    f.Publish(f.OrderCreated(order, "tok_visa"));
    const auto completed = events::DataAs<events::PaymentCompleted>(f.tap.WaitFor("payment.completed", order));
    CHECK(completed.amount_cents == 4200);
    f.Settle();
    CHECK(f.PaymentEvents(order).size() == 1);
    CHECK(f.PaymentsOf(order).size() == 1);
    CHECK(f.db.QueryInt(parked) == 0);
    CHECK(f.Metric("saga_events_consumed_total", "outcome=\"retried\"") == 0);
    CHECK(f.vhost.MessageCount("payment-service.dlq") == 0);
}

TEST_CASE("payment: a parked inventory.reserved of an order cancelled before its order.created is never charged") {
    PaymentFixture f;
    const auto order = NewOrderId();
    f.Publish(f.InventoryReserved(order, 4200));
    f.Publish(f.OrderCancelled(order));
    f.Publish(f.OrderCreated(order, "tok_visa"));
    f.Settle();
    CHECK(f.PaymentsOf(order).empty());
    CHECK(f.PaymentEvents(order).empty());
    CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE order_id = '" + order +
                        "' AND early_reservation IS NULL AND closed_reason = 'order_cancelled'") == 1);
    CHECK(f.vhost.MessageCount("payment-service.dlq") == 0);
}

}  // namespace saga::test
