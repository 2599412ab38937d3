// Two payment-service instances at once: one handles an order's inventory.reserved before that
// order's order.created has been seen, while the other handles the order.created. Played with
// the library's consumers in two transactions, so each interleaving is exact rather than left to
// chance.
#include <doctest/doctest.h>

#include <functional>
#include <iostream>
#include <thread>

#include "payment/consumers/inventory_reserved.hpp"
#include "payment/consumers/order_created.hpp"
#include "payment_fixture.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/pg/outbox_writer.hpp"

using namespace std::chrono_literals;

namespace saga::test {
namespace {

using Consume = std::function<void(runtime::pg::Transaction&)>;

/// Runs `first` in a transaction left open, then `second` in another thread until it waits for a
/// lock `first` holds, then commits both. Returns the second one's error, if any.
std::string Interleave(const PaymentFixture& f, const Consume& first, const Consume& second) {
    auto first_connection = runtime::pg::Connect(f.db.url());
    runtime::pg::Transaction first_tx(*first_connection);
    first(first_tx);
    std::string error;
    std::thread waiting([&] {
        try {
            auto connection = runtime::pg::Connect(f.db.url());
            runtime::pg::Transaction tx(*connection);
            second(tx);
            tx.Commit();
        } catch (const std::exception& e) {
            error = e.what();
        }
    });
    const bool blocked = Eventually(
        [&] {
            return f.db.QueryInt(
                       "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                       " AND wait_event_type = 'Lock'") == 1;
        },
        10s);
    first_tx.Commit();
    waiting.join();
    CHECK(blocked);
    return error;
}

}  // namespace

TEST_CASE("payment: a parked reservation and a concurrent order.created charge exactly once, in either order") {
    PaymentFixture f;
    runtime::log::Logger logger("race-test", std::clog, runtime::log::Level::kWarn);
    runtime::pg::OutboxWriter outbox(nullptr, runtime::pg::OutboxChannel("payment-service"));

    for (const bool reservation_first : {true, false}) {
        CAPTURE(reservation_first);
        const auto order = NewOrderId();
        const auto reserved = f.InventoryReserved(order, 4200);
        const auto created = f.OrderCreated(order, "tok_visa");
        const Consume reserve = [&](runtime::pg::Transaction& tx) {
            payment::OnInventoryReserved(reserved, tx, outbox, logger);
        };
        const Consume create = [&](runtime::pg::Transaction& tx) {
            payment::OnOrderCreated(created, tx, outbox, logger);
        };
        // Reservation first: it parks, and order.created waits on the row it inserted. Otherwise
        // order.created inserts the row and the parking waits on it, then charges instead.
        const auto error = reservation_first ? Interleave(f, reserve, create) : Interleave(f, create, reserve);
        CHECK(error == "");
        CHECK(f.db.QueryInt("SELECT count(*) FROM payments WHERE order_id = '" + order + "' AND status = 'CAPTURED'") ==
              1);
        CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE order_id = '" + order +
                            "' AND early_reservation IS NULL AND payment_token = 'tok_visa'") == 1);
    }
}

}  // namespace saga::test
