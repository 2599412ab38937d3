// The advisory lock that serialises inventory's work on one order across competing consumers,
// taken for a whole consumer batch in one statement.
#include <doctest/doctest.h>

#include "inventory/storage/reservation_store.hpp"
#include "runtime/pg/database.hpp"
#include "support/live_stack.hpp"

namespace saga::test {
namespace {

/// Whether another session could take the order's lock right now (and then lets it go).
bool Free(const TestDatabase& db, const std::string& order_id) {
    return db.QueryInt("SELECT pg_try_advisory_xact_lock(hashtextextended('" + order_id + "', 0))::int") == 1;
}

}  // namespace

TEST_CASE("inventory storage: a batch's orders are locked together, each once, until the transaction ends") {
    TestDatabase db;
    runtime::pg::Database pool(db.url(), 1);
    pool.InTransaction([&](runtime::pg::Transaction& tx) {
        inventory::storage::LockOrders(tx, {"ord-b", "ord-a", "ord-b"});
        inventory::storage::LockOrder(tx, "ord-a");  // held already
        CHECK_FALSE(Free(db, "ord-a"));
        CHECK_FALSE(Free(db, "ord-b"));
        CHECK(Free(db, "ord-c"));
        CHECK(tx.work()
                  .exec1("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")[0]
                  .as<int>() == 2);
    });
    CHECK(Free(db, "ord-a"));
    CHECK(Free(db, "ord-b"));
}

}  // namespace saga::test
