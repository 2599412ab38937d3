// The orders tables as POST /api/orders writes them: the orders of a group commit in one statement.
#include "order/storage/order_repository.hpp"

#include <doctest/doctest.h>

#include "runtime/pg/database.hpp"
#include "support/live_stack.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& OrderMigrations();
}

namespace saga::test {

TEST_CASE("order storage: orders inserted together keep their lines, e-mail or none, and first history entry") {
    TestDatabase db;
    db.Migrate("order", embedded::OrderMigrations());
    runtime::pg::Database pool(db.url(), 1);
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

}  // namespace saga::test
