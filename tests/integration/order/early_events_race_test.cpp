// Two order-service instances at once: one parks a payment outcome while the other handles the
// reservation of the same order. Played with the library's consumers in two transactions, so
// the interleaving is exact rather than left to chance.
#include <doctest/doctest.h>

#include <iostream>

#include "order/consumers/inventory_reserved.hpp"
#include "order/consumers/payment_completed.hpp"
#include "order_fixture.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "support/lock_interleaving.hpp"

namespace saga::test {

// The parked event is committed while the reservation waits for the order's row lock. A reservation
// that asked "anything parked?" in the statement that then waited (as one version did, to save a
// statement) answers from the snapshot taken before the wait, misses it, and the order stays in
// AWAITING_PAYMENT for ever.
TEST_CASE("order saga: a reservation that waited for the row lock while the payment was parked still applies it") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    const auto reserved = f.Reserved(f.Created(id));
    const auto completed = f.PaymentCompleted(reserved);

    runtime::log::Logger logger("race-test", std::clog, runtime::log::Level::kWarn);
    runtime::pg::OutboxWriter outbox(nullptr, runtime::pg::OutboxChannel("order-service"));
    const order::storage::OrderRepository orders;
    const order::workflow::OrderTransitions transitions(orders, outbox, logger, "order-service");

    const auto race = InterleaveOnLock(
        f.db,
        [&](runtime::pg::Transaction& tx) {  // parks, holds the row lock
            order::consumers::OnPaymentCompleted(transitions, orders, completed, tx);
        },
        [&](runtime::pg::Transaction& tx) {
            order::consumers::OnInventoryReserved(transitions, orders, reserved, tx);
        });

    REQUIRE(race.second_waited);
    CHECK(race.second_error == "");
    CHECK(f.Order(id)["status"] == "CONFIRMED");
    CHECK(f.db.QueryInt("SELECT count(*) FROM order_early_events") == 0);
}

// One consumer batch of the same instance holding both: the payment outcome first, then the
// reservation. The order is locked once for the batch, so the reservation must learn of the parked
// payment from what this transaction did, not from the row it locked before.
TEST_CASE("order saga: a payment parked earlier in the reservation's own batch is applied by it") {
    OrderFixture f;
    const auto id = f.CreateOrder();
    const auto reserved = f.Reserved(f.Created(id));
    const auto completed = f.PaymentCompleted(reserved);

    runtime::log::Logger logger("batch-test", std::clog, runtime::log::Level::kWarn);
    runtime::pg::OutboxWriter outbox(nullptr, runtime::pg::OutboxChannel("order-service"));
    const order::storage::OrderRepository orders;
    const order::workflow::OrderTransitions transitions(orders, outbox, logger, "order-service");
    runtime::pg::Database pool(f.db.url(), 1);

    pool.InTransaction([&](runtime::pg::Transaction& tx) {
        orders.LockAll(tx, {id});  // as the consumer does for a batch
        order::consumers::OnPaymentCompleted(transitions, orders, completed, tx);
        order::consumers::OnInventoryReserved(transitions, orders, reserved, tx);
    });

    CHECK(f.Order(id)["status"] == "CONFIRMED");
    CHECK(f.db.QueryInt("SELECT count(*) FROM order_early_events") == 0);
}

}  // namespace saga::test
