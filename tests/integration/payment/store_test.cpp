// The payment stores as a consumer batch uses them: the batch's orders locked and their payments
// looked up once, payments written at commit, and reads that see what the transaction did.
#include <doctest/doctest.h>

#include "events/envelope.hpp"
#include "payment/storage/order_store.hpp"
#include "payment/storage/payment_store.hpp"
#include "runtime/pg/database.hpp"
#include "support/store_database.hpp"

namespace saga::embedded {
const saga::runtime::pg::SqlFiles& PaymentMigrations();
}

namespace saga::test {
namespace {

using payment::OrderStore;
using payment::PaymentStore;

/// A migrated database where "ord-paid" has a captured payment and "ord-open" none.
struct PaymentDatabase : StoreDatabase {
    PaymentDatabase() : StoreDatabase("payment", embedded::PaymentMigrations()) {
        pool.InTransaction([&](runtime::pg::Transaction& tx) {
            OrderStore::Remember(tx, "ord-paid", "c-1", "tok_visa");
            OrderStore::Remember(tx, "ord-open", "c-2", "tok_visa");
            OrderStore::Lock(tx, "ord-paid");
            PaymentStore::Insert(tx, CapturedFor("ord-paid"));
        });
    }
    static payment::Payment CapturedFor(const std::string& order_id) {
        payment::Payment payment;
        payment.payment_id = events::NewEventId();
        payment.order_id = order_id;
        payment.amount_cents = 1999;
        payment.currency = "USD";
        return payment;
    }
    bool LockedElsewhere(const std::string& order_id) const {
        return db.RowLockedElsewhere("payment_orders", "order_id = '" + order_id + "'");
    }
    long long Payments(const std::string& where) const {
        return db.QueryInt("SELECT count(*) FROM payments WHERE " + where);
    }
};

}  // namespace

TEST_CASE("payment storage: a batch's orders are locked together, with whether each has a payment") {
    PaymentDatabase f;
    CHECK(f.Payments("order_id = 'ord-paid' AND status = 'CAPTURED' AND reason IS NULL") == 1);
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        OrderStore::LockAll(tx, {"ord-open", "nobody", "ord-paid"});
        CHECK(f.LockedElsewhere("ord-open"));
        CHECK(f.LockedElsewhere("ord-paid"));
        CHECK(PaymentStore::ExistsForOrder(tx, "ord-paid"));
        CHECK_FALSE(PaymentStore::ExistsForOrder(tx, "ord-open"));
        CHECK_FALSE(PaymentStore::ExistsForOrder(tx, "nobody"));
        CHECK(OrderStore::Lock(tx, "ord-open")->payment_token == "tok_visa");
        CHECK_FALSE(OrderStore::Lock(tx, "nobody").has_value());
    });
    CHECK_FALSE(f.LockedElsewhere("ord-open"));
}

TEST_CASE("payment storage: a batch's order.created remembered in one statement, each Remember answering from it") {
    PaymentDatabase f;
    f.db.Execute(
        "INSERT INTO payment_orders (order_id, customer_id, early_reservation) VALUES ('ord-early', '', 'parked')");
    f.db.Execute(
        "INSERT INTO payment_orders (order_id, customer_id, closed_reason) VALUES ('ord-closed', 'c', "
        "'order_cancelled')");
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        OrderStore::RememberAll(tx, {{"ord-new", "c-n", "tok_visa"},
                                     {"ord-early", "c-e", "tok_visa"},
                                     {"ord-closed", "c-c", "tok_visa"},
                                     {"ord-open", "c-2", "tok_other"}});
        // The parked reservation comes from RememberAll: a statement now would find it unparked.
        CHECK(OrderStore::Remember(tx, "ord-early", "c-e", "tok_visa") == "parked");
        CHECK_FALSE(OrderStore::Remember(tx, "ord-early", "c-e", "tok_visa").has_value());
        CHECK_FALSE(OrderStore::Remember(tx, "ord-new", "c-n", "tok_visa").has_value());
        CHECK_FALSE(OrderStore::Remember(tx, "ord-closed", "c-c", "tok_visa").has_value());
        CHECK(OrderStore::Lock(tx, "ord-new")->payment_token == "tok_visa");
        CHECK(OrderStore::Lock(tx, "ord-closed")->closed_reason == "order_cancelled");
    });
    CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE order_id = 'ord-new' AND customer_id = 'c-n' "
                        "AND payment_token = 'tok_visa' AND closed_reason IS NULL") == 1);
    CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE order_id = 'ord-early' AND customer_id = 'c-e' "
                        "AND payment_token = 'tok_visa' AND early_reservation IS NULL") == 1);
    CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE order_id = 'ord-closed' "
                        "AND payment_token = 'tok_visa' AND closed_reason = 'order_cancelled'") == 1);
    CHECK(f.db.QueryInt(
              "SELECT count(*) FROM payment_orders WHERE order_id = 'ord-open' AND payment_token = 'tok_visa'") == 1);
}

TEST_CASE("payment storage: a payment is written at commit, and the transaction's own reads see it") {
    PaymentDatabase f;
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        OrderStore::LockAll(tx, {"ord-open"});
        auto declined = PaymentDatabase::CapturedFor("ord-open");
        declined.status = payment::PaymentStatus::kDeclined;
        declined.reason = "card_declined";
        PaymentStore::Insert(tx, declined);
        CHECK(PaymentStore::ExistsForOrder(tx, "ord-open"));
        CHECK(f.Payments("order_id = 'ord-open'") == 0);  // not written yet
        const auto listed = PaymentStore::ListForOrder(tx, "ord-open");
        REQUIRE(listed.size() == 1);
        CHECK(listed[0].reason == "card_declined");
    });
    CHECK(f.Payments("order_id = 'ord-open' AND status = 'DECLINED' AND reason = 'card_declined'") == 1);

    // Captured and refunded in one transaction: the refund finds the capture.
    f.db.Execute("INSERT INTO payment_orders (order_id, customer_id, payment_token) VALUES ('ord-3', 'c', 't')");
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        OrderStore::Lock(tx, "ord-3");
        PaymentStore::Insert(tx, PaymentDatabase::CapturedFor("ord-3"));
        CHECK(PaymentStore::RefundCaptured(tx, "ord-3", "order_cancelled").has_value());
    });
    CHECK(f.Payments("order_id = 'ord-3' AND status = 'REFUNDED' AND reason = 'order_cancelled'") == 1);
}

TEST_CASE("payment storage: an order closed after it was locked comes closed when locked again") {
    PaymentDatabase f;
    f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        OrderStore::LockAll(tx, {"ord-open"});
        CHECK_FALSE(OrderStore::Lock(tx, "ord-open")->closed());
        OrderStore::Close(tx, "ord-open", "c-2", "order_cancelled");
        CHECK(OrderStore::Lock(tx, "ord-open")->closed_reason == "order_cancelled");
    });
}

TEST_CASE("payment storage: a second payment of an order fails the commit, and nothing of it stays") {
    PaymentDatabase f;
    CHECK_THROWS(f.pool.InTransaction([&](runtime::pg::Transaction& tx) {
        OrderStore::Lock(tx, "ord-paid");
        OrderStore::Close(tx, "ord-open", "c-2", "order_cancelled");
        PaymentStore::Insert(tx, PaymentDatabase::CapturedFor("ord-paid"));
    }));
    CHECK(f.Payments("order_id = 'ord-paid'") == 1);
    CHECK(f.db.QueryInt("SELECT count(*) FROM payment_orders WHERE closed_reason IS NOT NULL") == 0);
}

}  // namespace saga::test
