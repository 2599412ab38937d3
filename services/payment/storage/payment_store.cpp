#include "payment/storage/payment_store.hpp"

#include <stdexcept>

#include "payment/storage/optional_text.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::payment {
namespace {

// The columns every reading statement returns, in the shape ReadPayment() expects.
const std::string kColumns =
    "payment_id::text AS payment_id, order_id, amount_cents, currency, status, reason, "
    "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS created_at, "
    "to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS updated_at";

const std::string kInsertSql = R"sql(
INSERT INTO payments (payment_id, order_id, amount_cents, currency, status, reason)
VALUES ($1::uuid, $2, $3, $4, $5, NULLIF($6, ''))
ON CONFLICT (order_id) DO NOTHING
)sql";

const std::string kExistsSql = "SELECT 1 FROM payments WHERE order_id = $1";

const std::string kRefundSql =
    "UPDATE payments SET status = 'REFUNDED', reason = $2, updated_at = now() "
    "WHERE order_id = $1 AND status = 'CAPTURED' RETURNING " +
    kColumns;

const std::string kFindSql = "SELECT " + kColumns + " FROM payments WHERE payment_id = $1::uuid";

const std::string kListSql =
    "SELECT " + kColumns + " FROM payments WHERE order_id = $1 ORDER BY created_at, payment_id";

Payment ReadPayment(const pqxx::row& row) {
    const auto status_text = row["status"].as<std::string>();
    const auto status = ParsePaymentStatus(status_text);
    if (!status) throw std::runtime_error("payments: unknown status in the database: " + status_text);
    return Payment{
        .payment_id = row["payment_id"].as<std::string>(),
        .order_id = row["order_id"].as<std::string>(),
        .amount_cents = row["amount_cents"].as<std::int64_t>(),
        .currency = row["currency"].as<std::string>(),
        .status = *status,
        .reason = OptionalText(row["reason"]),
        .created_at = row["created_at"].as<std::string>(),
        .updated_at = row["updated_at"].as<std::string>(),
    };
}

std::optional<Payment> FirstPayment(const pqxx::result& result) {
    if (result.empty()) return std::nullopt;
    return ReadPayment(result[0]);
}

}  // namespace

bool PaymentStore::Insert(runtime::pg::Transaction& tx, const Payment& payment) {
    const pqxx::result result =
        runtime::pg::Exec(tx.work(), kInsertSql, payment.payment_id, payment.order_id, payment.amount_cents,
                          payment.currency, std::string(ToText(payment.status)), payment.reason.value_or(""));
    return result.affected_rows() == 1;
}

bool PaymentStore::ExistsForOrder(runtime::pg::Transaction& tx, const std::string& order_id) {
    return !runtime::pg::Exec(tx.work(), kExistsSql, order_id).empty();
}

std::optional<Payment> PaymentStore::RefundCaptured(runtime::pg::Transaction& tx, const std::string& order_id,
                                                    const std::string& reason) {
    return FirstPayment(runtime::pg::Exec(tx.work(), kRefundSql, order_id, reason));
}

std::optional<Payment> PaymentStore::Find(runtime::pg::Transaction& tx, const std::string& payment_id) {
    return FirstPayment(runtime::pg::Exec(tx.work(), kFindSql, payment_id));
}

std::vector<Payment> PaymentStore::ListForOrder(runtime::pg::Transaction& tx, const std::string& order_id) {
    std::vector<Payment> payments;
    for (const auto& row : runtime::pg::Exec(tx.work(), kListSql, order_id)) payments.push_back(ReadPayment(row));
    return payments;
}

}  // namespace saga::payment
