// What a consumer batch locks before its handlers run. Locked one order at a time, two instances
// whose batches needed two products in opposite orders deadlocked, and PostgreSQL broke the cycle
// only after deadlock_timeout (1 s), failing one batch to be retried.
#include "inventory/consumers/batch_locks.hpp"

#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include "inventory/storage/reservation_store.hpp"
#include "inventory_fixture.hpp"
#include "support/store_database.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& InventoryMigrations();
}

namespace saga::test {
namespace {

namespace inv = ::saga::inventory;

/// Whether another session finds the product's row locked (FOR UPDATE NOWAIT refused).
bool RowLocked(const std::string& url, const std::string& product_id) {
    pqxx::connection other(url);
    pqxx::work probe(other);
    try {
        probe.exec_params("SELECT 1 FROM products WHERE product_id = $1 FOR UPDATE NOWAIT", product_id);
        return false;
    } catch (const pqxx::sql_error&) {
        return true;
    }
}

}  // namespace

TEST_CASE("inventory: a batch locks every product its events may change, before any handler runs") {
    StoreDatabase f("inventory", embedded::InventoryMigrations());
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        inv::storage::LockOrder(tx, "ord-held");
        inv::storage::InsertReservation(tx, {.reservation_id = "res-held",
                                             .order_id = "ord-held",
                                             .items = {{"PROD-004", 2, 9999}},
                                             .total_cents = 19998,
                                             .currency = "USD",
                                             .status = inv::domain::ReservationStatus::kReserved,
                                             .expires_at = "2030-01-01T00:00:00.000Z"});
    });
    const auto created_a = inventory::OrderCreated("ord-a", {{"PROD-002", 1}});
    const auto created_b = inventory::OrderCreated("ord-b", {{"PROD-003", 2}, {"PROD-001", 1}});
    const auto confirmed = inventory::OrderConfirmed("ord-held", 19998);
    const std::vector<const events::Envelope*> batch = {&created_a, &created_b, &confirmed};

    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        inv::consumers::LockBatch(batch, tx);
        for (const char* product : {"PROD-001", "PROD-002", "PROD-003", "PROD-004"}) {
            CAPTURE(std::string(product));
            CHECK(RowLocked(f.db.url(), product));
        }
        CHECK_FALSE(RowLocked(f.db.url(), "PROD-005"));
    });
    CHECK_FALSE(RowLocked(f.db.url(), "PROD-001"));
}

}  // namespace saga::test
