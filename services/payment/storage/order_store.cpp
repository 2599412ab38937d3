#include "payment/storage/order_store.hpp"

#include "payment/storage/optional_text.hpp"
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

}  // namespace

std::optional<std::string> OrderStore::Remember(runtime::pg::Transaction& tx, const std::string& order_id,
                                                const std::string& customer_id, const std::string& payment_token) {
    const pqxx::result result = runtime::pg::Exec(tx.work(), kRememberSql, order_id, customer_id, payment_token);
    if (result.empty() || result[0][0].is_null()) return std::nullopt;
    runtime::pg::Exec0(tx.work(), kUnparkSql, order_id);
    return result[0][0].as<std::string>();
}

bool OrderStore::ParkReservation(runtime::pg::Transaction& tx, const std::string& order_id,
                                 const std::string& reservation) {
    return !runtime::pg::Exec(tx.work(), kParkSql, order_id, reservation).empty();
}

void OrderStore::Close(runtime::pg::Transaction& tx, const std::string& order_id, const std::string& customer_id,
                       const std::string& reason) {
    runtime::pg::Exec0(tx.work(), kCloseSql, order_id, customer_id, reason);
}

std::optional<OrderPaymentInfo> OrderStore::Lock(runtime::pg::Transaction& tx, const std::string& order_id) {
    const pqxx::result result = runtime::pg::Exec(tx.work(), kLockSql, order_id);
    if (result.empty()) return std::nullopt;
    const pqxx::row row = result[0];
    return OrderPaymentInfo{
        .order_id = row["order_id"].as<std::string>(),
        .customer_id = row["customer_id"].as<std::string>(),
        .payment_token = OptionalText(row["payment_token"]),
        .closed_reason = OptionalText(row["closed_reason"]),
    };
}

}  // namespace saga::payment
