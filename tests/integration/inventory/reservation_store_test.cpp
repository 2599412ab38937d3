// What inventory knows of an order, as a consumer batch uses it: the order's advisory lock taken
// for the whole batch in one statement, what is known of the order read once after it, and the
// transaction's changes written at commit.
#include "inventory/storage/reservation_store.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

#include "runtime/pg/database.hpp"
#include "support/store_database.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& InventoryMigrations();
}

namespace saga::test {
namespace {

using namespace inventory::storage;
using inventory::domain::ReservationStatus;

struct InventoryDatabase : StoreDatabase {
    InventoryDatabase() : StoreDatabase("inventory", embedded::InventoryMigrations()) {}

    /// Whether another session could take the order's lock right now (and then lets it go).
    bool Free(const std::string& order_id) const {
        return db.QueryInt("SELECT pg_try_advisory_xact_lock(hashtextextended('" + order_id + "', 0))::int") == 1;
    }
    long long Count(const std::string& table, const std::string& where) const {
        return db.QueryInt("SELECT count(*) FROM " + table + " WHERE " + where);
    }
};

inventory::domain::Reservation ReservationOf(const std::string& order_id) {
    return {.reservation_id = "res-" + order_id,
            .order_id = order_id,
            .items = {{"PROD-001", 2, 1250}},
            .total_cents = 2500,
            .currency = "USD",
            .status = ReservationStatus::kReserved,
            .expires_at = "2030-01-01T00:00:00.000Z"};
}

}  // namespace

TEST_CASE("inventory storage: a batch's orders are locked together, each once, until the transaction ends") {
    InventoryDatabase f;
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        LockOrders(tx, {"ord-b", "ord-a", "ord-b"});
        LockOrder(tx, "ord-a");  // held already
        CHECK_FALSE(f.Free("ord-a"));
        CHECK_FALSE(f.Free("ord-b"));
        CHECK(f.Free("ord-c"));
        CHECK(tx.work()
                  .exec1("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")[0]
                  .as<int>() == 2);
    });
    CHECK(f.Free("ord-a"));
    CHECK(f.Free("ord-b"));
}

TEST_CASE("inventory storage: changes are written at commit, and the transaction sees its own") {
    InventoryDatabase f;
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        LockOrders(tx, {"ord-new", "ord-cancelled", "ord-failed", "ord-tomb"});
        CHECK(FindPriorOutcome(tx, "ord-new") == PriorOutcome::kNothing);

        InsertReservation(tx, ReservationOf("ord-new"));
        InsertReservation(tx, ReservationOf("ord-cancelled"));
        SetReservationStatus(tx, "ord-cancelled", ReservationStatus::kReleased);  // made and settled in one batch
        InsertReservationFailure(tx, {"ord-failed",
                                      events::ReservationFailureReason::kOutOfStock,
                                      {{.product_id = "PROD-001", .requested = 5, .available = 1}}});
        InsertTombstone(tx, "ord-tomb", "order.cancelled", "evt-1");
        InsertTombstone(tx, "ord-tomb", "order.rejected", "evt-2");  // the first stays

        CHECK(FindPriorOutcome(tx, "ord-new") == PriorOutcome::kReserved);
        CHECK(FindPriorOutcome(tx, "ord-failed") == PriorOutcome::kReservationFailed);
        CHECK(FindPriorOutcome(tx, "ord-tomb") == PriorOutcome::kTombstone);
        CHECK(FindReservation(tx, "ord-cancelled")->status == ReservationStatus::kReleased);
        CHECK_THROWS_AS(InsertReservation(tx, ReservationOf("ord-new")), std::runtime_error);
        CHECK(f.Count("reservations", "true") + f.Count("reservation_failures", "true") +
                  f.Count("order_tombstones", "true") ==
              0);  // nothing written yet
    });

    CHECK(f.Count("reservations",
                  "order_id = 'ord-new' AND status = 'RESERVED' AND total_cents = 2500"
                  " AND items = '[{\"product_id\": \"PROD-001\", \"quantity\": 2,"
                  " \"unit_price_cents\": 1250}]' AND expires_at = '2030-01-01T00:00:00Z'") == 1);
    CHECK(f.Count("reservations", "order_id = 'ord-cancelled' AND status = 'RELEASED'") == 1);
    CHECK(f.Count("reservation_failures",
                  "order_id = 'ord-failed' AND reason = 'out_of_stock'"
                  " AND shortfall->0->>'requested' = '5'") == 1);
    CHECK(f.Count("order_tombstones", "order_id = 'ord-tomb' AND event_id = 'evt-1'") == 1);

    // A later transaction reads them back, and settles a reservation made before it.
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        LockOrder(tx, "ord-new");
        const auto reservation = FindReservation(tx, "ord-new");
        REQUIRE(reservation);
        CHECK(*reservation == ReservationOf("ord-new"));
        SetReservationStatus(tx, "ord-new", ReservationStatus::kSold);
        CHECK(f.Count("reservations", "status = 'SOLD'") == 0);
    });
    CHECK(f.Count("reservations", "order_id = 'ord-new' AND status = 'SOLD'") == 1);
}

TEST_CASE("inventory storage: an order the transaction did not lock is a logic error") {
    InventoryDatabase f;
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        CHECK_THROWS_AS(FindReservation(tx, "ord-1"), std::logic_error);
        CHECK_THROWS_AS(InsertReservation(tx, ReservationOf("ord-1")), std::logic_error);
        LockOrder(tx, "ord-1");
        CHECK_THROWS_AS(SetReservationStatus(tx, "ord-1", ReservationStatus::kSold), std::logic_error);
    });
}

}  // namespace saga::test
