// Two order-service instances at once: one parks a payment outcome while the other handles the
// reservation of the same order. Played with the library's consumers in two transactions, so
// the interleaving is exact rather than left to chance.
#include <doctest/doctest.h>

#include <iostream>
#include <thread>

#include "order/consumers/inventory_reserved.hpp"
#include "order/consumers/payment_completed.hpp"
#include "order_fixture.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/pg/outbox_writer.hpp"

using namespace std::chrono_literals;

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

    auto parking_connection = runtime::pg::Connect(f.db.url());
    runtime::pg::Transaction parking(*parking_connection);
    order::consumers::OnPaymentCompleted(transitions, orders, completed, parking);  // parks, holds the row lock

    std::string reserving_error;
    std::thread reserving([&] {
        try {
            auto connection = runtime::pg::Connect(f.db.url());
            runtime::pg::Transaction tx(*connection);
            order::consumers::OnInventoryReserved(transitions, orders, reserved, tx);
            tx.Commit();
        } catch (const std::exception& error) {
            reserving_error = error.what();
        }
    });
    const bool waiting = Eventually(
        [&] {
            return f.db.QueryInt(
                       "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                       " AND wait_event_type = 'Lock'") == 1;
        },
        10s);
    parking.Commit();
    reserving.join();

    REQUIRE(waiting);
    CHECK(reserving_error == "");
    CHECK(f.Order(id)["status"] == "CONFIRMED");
    CHECK(f.db.QueryInt("SELECT count(*) FROM order_early_events") == 0);
}

}  // namespace saga::test
