#include "payment/storage/order_store.hpp"

#include "payment/storage/optional_text.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::payment {
namespace {

constexpr const char* kRememberSql = R"sql(
INSERT INTO payment_orders (order_id, customer_id, payment_token)
VALUES ($1, $2, $3)
ON CONFLICT (order_id) DO UPDATE
    SET payment_token = EXCLUDED.payment_token
    WHERE payment_orders.payment_token IS NULL
)sql";

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

void OrderStore::Remember(runtime::pg::Transaction& tx, const std::string& order_id, const std::string& customer_id,
                          const std::string& payment_token) {
    runtime::pg::Exec0(tx.work(), kRememberSql, order_id, customer_id, payment_token);
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
