#include "payment/storage/order_store.hpp"

#include <algorithm>
#include <set>

#include "payment/storage/known_orders.hpp"
#include "payment/storage/optional_text.hpp"
#include "runtime/pg/advisory_locks.hpp"
#include "runtime/pg/array_literal.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::payment {
namespace {

// The update leaves early_reservation alone, so RETURNING shows a parked one.
constexpr const char* kRememberSql = R"sql(
INSERT INTO payment_orders (order_id, customer_id, payment_token)
VALUES ($1, $2, $3)
ON CONFLICT (order_id) DO UPDATE
    SET payment_token = EXCLUDED.payment_token, customer_id = EXCLUDED.customer_id
    WHERE payment_orders.payment_token IS NULL
RETURNING early_reservation
)sql";

// Remember for many orders; the rows that had an inventory.reserved parked are unparked by
// kUnparkAllSql (the update leaves early_reservation alone, so RETURNING shows it).
constexpr const char* kRememberAllSql = R"sql(
INSERT INTO payment_orders (order_id, customer_id, payment_token)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
ON CONFLICT (order_id) DO UPDATE
    SET payment_token = EXCLUDED.payment_token, customer_id = EXCLUDED.customer_id
    WHERE payment_orders.payment_token IS NULL
RETURNING order_id, early_reservation
)sql";
constexpr const char* kUnparkAllSql =
    "UPDATE payment_orders SET early_reservation = NULL WHERE order_id = ANY($1::text[])";

// Parks only on a row that still waits for order.created (no token, not closed): a row that has
// one meanwhile makes the caller decide again.
constexpr const char* kParkSql = R"sql(
INSERT INTO payment_orders (order_id, customer_id, early_reservation)
VALUES ($1, '', $2)
ON CONFLICT (order_id) DO UPDATE
    SET early_reservation = EXCLUDED.early_reservation
    WHERE payment_orders.payment_token IS NULL AND payment_orders.closed_reason IS NULL
RETURNING 1
)sql";

constexpr const char* kUnparkSql = "UPDATE payment_orders SET early_reservation = NULL WHERE order_id = $1";

constexpr const char* kCloseSql = R"sql(
INSERT INTO payment_orders (order_id, customer_id, closed_reason, closed_at)
VALUES ($1, $2, $3, now())
ON CONFLICT (order_id) DO UPDATE
    SET closed_reason = COALESCE(payment_orders.closed_reason, EXCLUDED.closed_reason),
        closed_at = COALESCE(payment_orders.closed_at, EXCLUDED.closed_at)
)sql";

constexpr const char* kLockSql = R"sql(
SELECT order_id, customer_id, payment_token, closed_reason
FROM payment_orders
WHERE order_id = $1
FOR UPDATE
)sql";
constexpr const char* kLockAllSql = R"sql(
SELECT order_id, customer_id, payment_token, closed_reason
FROM payment_orders
WHERE order_id = ANY($1::text[])
ORDER BY order_id
FOR UPDATE
)sql";
// After the locks, in a statement of its own: one that had waited for them would answer from the
// snapshot it took before the wait, missing a payment the previous holder committed.
constexpr const char* kChargedSql = "SELECT DISTINCT order_id FROM payments WHERE order_id = ANY($1::text[])";

OrderPaymentInfo ReadOrder(const pqxx::row& row) {
    return OrderPaymentInfo{
        .order_id = row["order_id"].as<std::string>(),
        .customer_id = row["customer_id"].as<std::string>(),
        .payment_token = OptionalText(row["payment_token"]),
        .closed_reason = OptionalText(row["closed_reason"]),
    };
}

/// The row of `order_id` changes: what the transaction knew of it is read again when locked again.
void Forget(runtime::pg::Transaction& tx, const std::string& order_id) {
    tx.Gathered<KnownOrders>().locked.erase(order_id);
}

}  // namespace

std::optional<std::string> OrderStore::Remember(runtime::pg::Transaction& tx, const std::string& order_id,
                                                const std::string& customer_id, const std::string& payment_token) {
    auto& remembered = tx.Gathered<KnownOrders>().remembered;
    if (const auto it = remembered.find(order_id); it != remembered.end()) {
        auto parked = std::move(it->second);
        remembered.erase(it);
        return parked;
    }
    Forget(tx, order_id);
    const pqxx::result result = runtime::pg::Exec(tx.work(), kRememberSql, order_id, customer_id, payment_token);
    if (result.empty() || result[0][0].is_null()) return std::nullopt;
    runtime::pg::Exec0(tx.work(), kUnparkSql, order_id);
    return result[0][0].as<std::string>();
}

void OrderStore::RememberAll(runtime::pg::Transaction& tx, std::vector<OrderToRemember> orders) {
    if (orders.empty()) return;
    std::sort(orders.begin(), orders.end(), [](const auto& a, const auto& b) { return a.order_id < b.order_id; });
    std::vector<std::string> ids, customers, tokens;
    for (auto& order : orders) {
        Forget(tx, order.order_id);
        ids.push_back(std::move(order.order_id));
        customers.push_back(std::move(order.customer_id));
        tokens.push_back(std::move(order.payment_token));
    }
    auto& remembered = tx.Gathered<KnownOrders>().remembered;
    for (const auto& id : ids) remembered[id] = std::nullopt;  // a row left alone returns nothing
    std::vector<std::string> unparked;
    for (const auto& row : runtime::pg::Exec(tx.work(), kRememberAllSql, runtime::pg::ArrayLiteral(ids),
                                             runtime::pg::ArrayLiteral(customers), runtime::pg::ArrayLiteral(tokens))) {
        if (row[1].is_null()) continue;
        unparked.push_back(row[0].as<std::string>());
        remembered[unparked.back()] = row[1].as<std::string>();
    }
    if (!unparked.empty()) runtime::pg::Exec0(tx.work(), kUnparkAllSql, runtime::pg::ArrayLiteral(unparked));
}

bool OrderStore::ParkReservation(runtime::pg::Transaction& tx, const std::string& order_id,
                                 const std::string& reservation) {
    Forget(tx, order_id);
    return !runtime::pg::Exec(tx.work(), kParkSql, order_id, reservation).empty();
}

void OrderStore::Close(runtime::pg::Transaction& tx, const std::string& order_id, const std::string& customer_id,
                       const std::string& reason) {
    Forget(tx, order_id);
    runtime::pg::Exec0(tx.work(), kCloseSql, order_id, customer_id, reason);
}

std::optional<OrderPaymentInfo> OrderStore::Lock(runtime::pg::Transaction& tx, const std::string& order_id) {
    auto& known = tx.Gathered<KnownOrders>();
    if (const auto it = known.locked.find(order_id); it != known.locked.end()) return it->second;
    const pqxx::result result = runtime::pg::Exec(tx.work(), kLockSql, order_id);
    if (result.empty()) return std::nullopt;
    return known.locked.insert_or_assign(order_id, ReadOrder(result[0])).first->second;
}

void OrderStore::LockAll(runtime::pg::Transaction& tx, const std::vector<std::string>& order_ids) {
    auto& known = tx.Gathered<KnownOrders>();
    std::set<std::string> not_yet_locked;
    for (const auto& id : order_ids) {
        if (!known.locked.contains(id)) not_yet_locked.insert(id);
    }
    if (not_yet_locked.empty()) return;
    // Every order, known or not: a handler inserts the row of an order it does not know (a parked
    // reservation, a tombstone), which no row lock guards, and two batches with two such orders in
    // opposite orders would each wait on the row the other inserted.
    runtime::pg::LockIds(tx, not_yet_locked);
    const auto ids = runtime::pg::ArrayLiteral({not_yet_locked.begin(), not_yet_locked.end()});
    std::vector<std::string> locked;
    for (const auto& row : runtime::pg::Exec(tx.work(), kLockAllSql, ids)) {
        auto order = ReadOrder(row);
        locked.push_back(order.order_id);
        known.charged[order.order_id] = false;
        known.locked.insert_or_assign(order.order_id, std::move(order));
    }
    if (locked.empty()) return;
    for (const auto& row : runtime::pg::Exec(tx.work(), kChargedSql, runtime::pg::ArrayLiteral(locked))) {
        known.charged[row[0].as<std::string>()] = true;
    }
}

}  // namespace saga::payment
