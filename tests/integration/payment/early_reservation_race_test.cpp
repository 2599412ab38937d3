// Two payment-service instances at once: one handles an order's inventory.reserved before that
// order's order.created has been seen, while the other handles the order.created. Played with
// the library's consumers in two transactions, so each interleaving is exact rather than left to
// chance.
#include <doctest/doctest.h>

#include <functional>
#include <iostream>

#include "payment/consumers/inventory_reserved.hpp"
#include "payment/consumers/order_created.hpp"
#include "payment_fixture.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "support/lock_interleaving.hpp"

namespace saga::test {
namespace {

using Consume = std::function<void(runtime::pg::Transaction&)>;

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
        const auto race =
            reservation_first ? InterleaveOnLock(f.db, reserve, create) : InterleaveOnLock(f.db, create, reserve);
        CHECK(race.second_waited);
        CHECK(race.second_error == "");
        CHECK(f.db.QueryInt("SELECT count(*) FROM payments WHERE order_id = '" + order + "' AND status = 'CAPTURED'") ==
              1);
        CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE order_id = '" + order +
                            "' AND early_reservation IS NULL AND payment_token = 'tok_visa'") == 1);
    }
}

}  // namespace saga::test
