// Two payment-service instances whose consumer batches hold events of the same two unknown orders
// in opposite orders. Each handler inserts its order's row (a parked inventory.reserved, a
// tombstone for an order closed first), so without locks taken up front, in one order, each
// batch waited on the row the other had inserted, until PostgreSQL's deadlock_timeout (1 s)
// failed one of them.
#include "payment/consumers/batch_locks.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "payment/consumers/inventory_reserved.hpp"
#include "payment/consumers/order_cancelled.hpp"
#include "payment_fixture.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/pg/outbox_writer.hpp"

namespace saga::test {

TEST_CASE("payment: two batches with the same unknown orders in opposite orders do not deadlock") {
    PaymentFixture f;
    runtime::log::Logger logger("batch-locks-test", std::clog, runtime::log::Level::kWarn);
    runtime::pg::OutboxWriter outbox(nullptr, runtime::pg::OutboxChannel("payment-service"));
    const auto order_a = NewOrderId();
    const auto order_b = NewOrderId();
    const auto cancelled_a = f.OrderCancelled(order_a);
    const auto reserved_b = f.InventoryReserved(order_b, 4200);
    const std::vector<const events::Envelope*> batch_one = {&reserved_b, &cancelled_a};
    const std::vector<const events::Envelope*> batch_two = {&cancelled_a, &reserved_b};

    // One: its prelude, then parks order B (inserting its row).
    auto first_connection = runtime::pg::Connect(f.db.url());
    runtime::pg::Transaction first(*first_connection);
    payment::LockBatch(batch_one, first);
    payment::OnInventoryReserved(reserved_b, first, outbox, logger);

    // Two: its prelude, then closes order A (inserting its tombstone), then parks order B.
    std::atomic<bool> two_closed_a = false;
    std::string two_error;
    std::thread two([&] {
        try {
            auto connection = runtime::pg::Connect(f.db.url());
            runtime::pg::Transaction tx(*connection);
            payment::LockBatch(batch_two, tx);
            payment::OnOrderCancelled(cancelled_a, tx, outbox, logger);
            two_closed_a = true;
            payment::OnInventoryReserved(reserved_b, tx, outbox, logger);
            tx.Commit();
        } catch (const std::exception& error) {
            two_error = error.what();
        }
    });
    // Two is either waiting for a lock (in its prelude) or has closed order A and then waits for
    // order B's row, which one holds.
    CHECK(Eventually(
        [&] {
            return two_closed_a || f.db.QueryInt(
                                       "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                       "current_database() AND wait_event_type = 'Lock'") == 1;
        },
        std::chrono::seconds{10}));

    // One closes order A: if two inserted its row, each now waits on the other.
    std::string first_error;
    try {
        payment::OnOrderCancelled(cancelled_a, first, outbox, logger);
        first.Commit();
    } catch (const std::exception& error) {
        first_error = error.what();
    }
    two.join();
    CHECK(first_error == "");
    CHECK(two_error == "");
    CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE order_id = '" + order_a +
                        "' AND closed_reason IS NOT NULL") == 1);
    CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE order_id = '" + order_b +
                        "' AND early_reservation IS NOT NULL") == 1);
}

}  // namespace saga::test
