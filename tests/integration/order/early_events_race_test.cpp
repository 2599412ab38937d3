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
namespace {

/// An order with its reservation and payment outcome, and the order service's consumers run in
/// the test's own transactions.
struct ParkedPayment {
    OrderFixture f;
    std::string id = f.CreateOrder();
    events::Envelope reserved = f.Reserved(f.Created(id));
    events::Envelope completed = f.PaymentCompleted(reserved);
    runtime::log::Logger logger{"race-test", std::clog, runtime::log::Level::kWarn};
    runtime::pg::OutboxWriter outbox{nullptr, runtime::pg::OutboxChannel("order-service")};
    const order::storage::OrderRepository orders{};
    const order::workflow::OrderTransitions transitions{orders, outbox, logger, "order-service"};

    void Complete(runtime::pg::Transaction& tx) const {
        order::consumers::OnPaymentCompleted(transitions, orders, completed, tx);
    }
    void Reserve(runtime::pg::Transaction& tx) const {
        order::consumers::OnInventoryReserved(transitions, orders, reserved, tx);
    }
};

}  // namespace

// The parked event is committed while the reservation waits for the order's row lock. A reservation
// that asked "anything parked?" in the statement that then waited (as one version did, to save a
// statement) answers from the snapshot taken before the wait, misses it, and the order stays in
// AWAITING_PAYMENT for ever.
TEST_CASE("order saga: a reservation that waited for the row lock while the payment was parked still applies it") {
    ParkedPayment p;
    const auto race = InterleaveOnLock(
        p.f.db, [&](runtime::pg::Transaction& tx) { p.Complete(tx); },  // parks, holds the row lock
        [&](runtime::pg::Transaction& tx) { p.Reserve(tx); });

    REQUIRE(race.second_waited);
    CHECK(race.second_error == "");
    CHECK(p.f.Order(p.id)["status"] == "CONFIRMED");
    CHECK(p.f.db.QueryInt("SELECT count(*) FROM order_early_events") == 0);
}

// One consumer batch of the same instance holding both: the payment outcome first, then the
// reservation. The order is locked once for the batch, so the reservation must learn of the parked
// payment from what this transaction did, not from the row it locked before.
TEST_CASE("order saga: a payment parked earlier in the reservation's own batch is applied by it") {
    ParkedPayment p;
    runtime::pg::Database pool(p.f.db.url(), 1);

    pool.InTransaction([&](runtime::pg::Transaction& tx) {
        p.orders.LockAll(tx, {p.id});  // as the consumer does for a batch
        p.Complete(tx);
        p.Reserve(tx);
    });

    CHECK(p.f.Order(p.id)["status"] == "CONFIRMED");
    CHECK(p.f.db.QueryInt("SELECT count(*) FROM order_early_events") == 0);
}

}  // namespace saga::test
