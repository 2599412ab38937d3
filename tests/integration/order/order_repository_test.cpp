// The orders tables as POST /api/orders writes them (the orders of a group commit in one
// statement) and as transitions change them (locked once per transaction, written at commit).
#include "order/storage/order_repository.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

#include "runtime/pg/database.hpp"
#include "support/store_database.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& OrderMigrations();
}

namespace saga::test {

TEST_CASE("order storage: orders inserted together keep their lines, e-mail or none, and first history entry") {
    StoreDatabase store("order", embedded::OrderMigrations());
    auto& db = store.db;
    auto& pool = store.pool;
    const order::domain::OrderRequest two_lines{.customer_id = "c-1",
                                                .email = R"(a"b@example.com)",
                                                .items = {{"PROD-002", 3}, {"PROD-001", 1}},
                                                .payment_token = "tok_visa"};
    const order::domain::OrderRequest no_email{
        .customer_id = "c-2", .email = std::nullopt, .items = {{"PROD-003", 2}}, .payment_token = "tok_decline"};
    const std::vector<order::storage::OrderRepository::NewOrderRow> rows{
        {.order_id = "ord-b", .request = &two_lines, .correlation_id = "corr-b", .created_event_id = "evt-b"},
        {.order_id = "ord-a", .request = &no_email, .correlation_id = "corr-a", .created_event_id = "evt-a"}};

    const auto stored = pool.InTransaction(
        [&](runtime::pg::Transaction& tx) { return order::storage::OrderRepository{}.InsertAll(tx, rows); });

    REQUIRE(stored.size() == 2);
    CHECK(stored[0].order_id == "ord-b");
    CHECK(stored[0].email == two_lines.email);
    CHECK(stored[0].items.size() == 2);
    CHECK(stored[0].history.at(0).event_id == "evt-b");
    CHECK(stored[1].order_id == "ord-a");
    CHECK_FALSE(stored[1].email.has_value());
    CHECK_FALSE(stored[1].created_at.empty());
    CHECK(db.QueryInt("SELECT count(*) FROM orders WHERE order_id = 'ord-a' AND email IS NULL") == 1);
    CHECK(db.QueryInt("SELECT count(*) FROM orders WHERE status = 'PENDING'") == 2);
    CHECK(db.QueryInt("SELECT count(*) FROM order_items WHERE order_id = 'ord-b' AND position = 0 AND product_id = "
                      "'PROD-002' AND quantity = 3") == 1);
    CHECK(db.QueryInt("SELECT count(*) FROM order_items WHERE order_id = 'ord-b' AND position = 1 AND product_id = "
                      "'PROD-001' AND quantity = 1") == 1);
    CHECK(db.QueryInt("SELECT count(*) FROM order_items WHERE order_id = 'ord-a'") == 1);
    CHECK(db.QueryInt("SELECT count(*) FROM order_history h JOIN orders o USING (order_id)"
                      " WHERE h.status = 'PENDING' AND h.at = o.created_at"
                      " AND h.event_id = CASE o.order_id WHEN 'ord-a' THEN 'evt-a' ELSE 'evt-b' END") == 2);
    // Ordered as given: the first gets the lower position in the listing sequence.
    CHECK(db.QueryInt("SELECT count(*) FROM orders b, orders a WHERE b.order_id = 'ord-b' AND a.order_id = 'ord-a'"
                      " AND b.seq < a.seq") == 1);
}

namespace {

using order::domain::OrderStatus;
using order::storage::OrderRepository;

/// A migrated database holding PENDING orders "ord-1" and "ord-2" (lines PROD-001 x2, PROD-002 x1).
struct TwoOrders : StoreDatabase {
    order::domain::OrderRequest request{
        .customer_id = "c-1", .email = std::nullopt, .items = {{"PROD-001", 2}, {"PROD-002", 1}}, .payment_token = "t"};

    TwoOrders() : StoreDatabase("order", embedded::OrderMigrations()) {
        pool.InTransaction([&](runtime::pg::Transaction& tx) {
            OrderRepository{}.InsertAll(
                tx, {{.order_id = "ord-1", .request = &request, .correlation_id = "c1", .created_event_id = "e-1"},
                     {.order_id = "ord-2", .request = &request, .correlation_id = "c2", .created_event_id = "e-2"}});
        });
    }
    bool LockedElsewhere(const std::string& order_id) const {
        return db.RowLockedElsewhere("orders", "order_id = '" + order_id + "'");
    }
    std::string Status(const std::string& order_id) const {
        return db.QueryInt("SELECT count(*) FROM orders WHERE order_id = '" + order_id + "' AND status = 'PENDING'")
                   ? "PENDING"
                   : "changed";
    }
};

events::InventoryReserved ReservationOf(const std::string& order_id) {
    return {.order_id = order_id,
            .reservation_id = "res-" + order_id,
            .items = {{"PROD-001", 2, 1250}, {"PROD-002", 1, 99}},
            .total_cents = 2599,
            .currency = "EUR",
            .expires_at = "2030-01-01T00:00:00.000Z"};
}

}  // namespace

TEST_CASE("order storage: transitions are written at commit, and the transaction sees its own") {
    TwoOrders f;
    const auto reservation = ReservationOf("ord-1");
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        const OrderRepository orders;
        REQUIRE(orders.Lock(tx, "ord-1"));
        orders.Transition(tx, "ord-1", OrderStatus::kAwaitingPayment, std::nullopt, "evt-reserved", &reservation);
        CHECK(f.Status("ord-1") == "PENDING");  // not written yet

        // Locked again: as the transition left it.
        const auto again = orders.Lock(tx, "ord-1");
        REQUIRE(again);
        CHECK(again->status == OrderStatus::kAwaitingPayment);
        CHECK(again->total_cents == 2599);
        CHECK(again->currency == "EUR");
        CHECK(again->reservation_event_id == "evt-reserved");

        orders.Transition(tx, "ord-1", OrderStatus::kConfirmed, std::nullopt, "evt-paid");
        CHECK(f.Status("ord-1") == "PENDING");
    });

    CHECK(f.db.QueryInt("SELECT count(*) FROM orders WHERE order_id = 'ord-1' AND status = 'CONFIRMED'"
                        " AND total_cents = 2599 AND currency = 'EUR' AND reservation_id = 'res-ord-1'"
                        " AND expires_at = '2030-01-01T00:00:00Z' AND reservation_event_id = 'evt-reserved'"
                        " AND reason IS NULL AND updated_at > created_at") == 1);
    // Both entries, in the order they were made.
    CHECK(f.db.QueryInt("SELECT count(*) FROM order_history a, order_history b WHERE a.order_id = 'ord-1'"
                        " AND b.order_id = 'ord-1' AND a.status = 'AWAITING_PAYMENT' AND a.event_id = 'evt-reserved'"
                        " AND b.status = 'CONFIRMED' AND b.event_id = 'evt-paid' AND a.id < b.id") == 1);
    CHECK(f.db.QueryInt("SELECT count(*) FROM order_items WHERE order_id = 'ord-1' AND (product_id, unit_price_cents)"
                        " IN (('PROD-001', 1250), ('PROD-002', 99))") == 2);
    CHECK(f.Status("ord-2") == "PENDING");
    CHECK(f.db.QueryInt("SELECT count(*) FROM order_items WHERE order_id = 'ord-2' AND unit_price_cents IS NULL") == 2);
}

TEST_CASE("order storage: a rejection keeps its reason, and Find in the transaction shows the new status") {
    TwoOrders f;
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        const OrderRepository orders;
        REQUIRE(orders.Lock(tx, "ord-2"));
        orders.Transition(tx, "ord-2", OrderStatus::kRejected, std::string("out_of_stock"), "evt-failed");
        const auto found = orders.Find(tx, "ord-2");
        REQUIRE(found);
        CHECK(found->status == OrderStatus::kRejected);
        CHECK(found->reason == "out_of_stock");
        REQUIRE(found->history.size() == 2);
        CHECK(found->history[1].event_id == "evt-failed");
    });
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders WHERE order_id = 'ord-2' AND status = 'REJECTED'"
                        " AND reason = 'out_of_stock' AND total_cents IS NULL AND reservation_id IS NULL") == 1);
}

TEST_CASE("order storage: orders locked together stay locked, and unknown ones are skipped") {
    TwoOrders f;
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        const OrderRepository orders;
        orders.LockAll(tx, {"ord-2", "nobody", "ord-1"});
        CHECK(f.LockedElsewhere("ord-1"));
        CHECK(f.LockedElsewhere("ord-2"));
        CHECK(orders.Lock(tx, "ord-1")->status == OrderStatus::kPending);
        CHECK_FALSE(orders.Lock(tx, "nobody").has_value());
    });
    CHECK_FALSE(f.LockedElsewhere("ord-1"));  // released at commit
}

TEST_CASE("order storage: a parked event is noted on the order, which keeps its status and updated_at") {
    TwoOrders f;
    // (created_at and updated_at are two clock readings at insert, not always equal.)
    const std::string updated_at_us =
        "SELECT (extract(epoch FROM updated_at) * 1000000)::bigint FROM orders WHERE order_id = 'ord-1'";
    const auto updated_before = f.db.QueryInt(updated_at_us);
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        const OrderRepository orders;
        CHECK_FALSE(orders.Lock(tx, "ord-1")->has_parked_events);
        orders.MarkParked(tx, "ord-1");
        CHECK(orders.Lock(tx, "ord-1")->has_parked_events);
    });
    CHECK(f.db.QueryInt("SELECT count(*) FROM orders WHERE has_parked_events AND status = 'PENDING'") == 1);
    CHECK(f.db.QueryInt(updated_at_us) == updated_before);
    f.pool.InTransaction(
        [&](runtime::pg::Transaction& tx) { CHECK(OrderRepository{}.Lock(tx, "ord-1")->has_parked_events); });
}

TEST_CASE("order storage: changing an order this transaction did not lock is a logic error") {
    TwoOrders f;
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        CHECK_THROWS_AS(OrderRepository{}.Transition(tx, "ord-1", OrderStatus::kCancelled, std::nullopt, "e"),
                        std::logic_error);
        CHECK_THROWS_AS(OrderRepository{}.MarkParked(tx, "ord-1"), std::logic_error);
    });
}

}  // namespace saga::test
