#include "payment/storage/payment_store.hpp"

#include <stdexcept>

#include "payment/storage/known_orders.hpp"
#include "payment/storage/optional_text.hpp"
#include "runtime/pg/array_literal.hpp"
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
SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])
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

/// Writes the payments the transaction made and has not written yet, in one statement.
void WriteUnwritten(runtime::pg::Transaction& tx) {
    auto& unwritten = tx.Gathered<KnownOrders>().unwritten;
    if (unwritten.empty()) return;
    std::vector<std::string> ids, orders, amounts, currencies, statuses;
    std::vector<std::optional<std::string>> reasons;
    for (const auto& payment : unwritten) {
        ids.push_back(payment.payment_id);
        orders.push_back(payment.order_id);
        amounts.push_back(std::to_string(payment.amount_cents));
        currencies.push_back(payment.currency);
        statuses.push_back(std::string(ToText(payment.status)));
        reasons.push_back(payment.reason);
    }
    using runtime::pg::ArrayLiteral;
    runtime::pg::Exec0(tx.work(), kInsertSql, ArrayLiteral(ids), ArrayLiteral(orders), ArrayLiteral(amounts),
                       ArrayLiteral(currencies), ArrayLiteral(statuses), runtime::pg::NullableArrayLiteral(reasons));
    unwritten.clear();
}

}  // namespace

void PaymentStore::Insert(runtime::pg::Transaction& tx, const Payment& payment) {
    auto& known = tx.Gathered<KnownOrders>();
    known.unwritten.push_back(payment);
    known.charged[payment.order_id] = true;
    if (!known.write_registered) {
        tx.BeforeCommit([&tx] { WriteUnwritten(tx); });
        known.write_registered = true;
    }
}

bool PaymentStore::ExistsForOrder(runtime::pg::Transaction& tx, const std::string& order_id) {
    const auto& known = tx.Gathered<KnownOrders>();
    if (const auto it = known.charged.find(order_id); it != known.charged.end()) return it->second;
    return !runtime::pg::Exec(tx.work(), kExistsSql, order_id).empty();
}

std::optional<Payment> PaymentStore::RefundCaptured(runtime::pg::Transaction& tx, const std::string& order_id,
                                                    const std::string& reason) {
    WriteUnwritten(tx);
    return FirstPayment(runtime::pg::Exec(tx.work(), kRefundSql, order_id, reason));
}

std::optional<Payment> PaymentStore::Find(runtime::pg::Transaction& tx, const std::string& payment_id) {
    WriteUnwritten(tx);
    return FirstPayment(runtime::pg::Exec(tx.work(), kFindSql, payment_id));
}

std::vector<Payment> PaymentStore::ListForOrder(runtime::pg::Transaction& tx, const std::string& order_id) {
    WriteUnwritten(tx);
    std::vector<Payment> payments;
    for (const auto& row : runtime::pg::Exec(tx.work(), kListSql, order_id)) payments.push_back(ReadPayment(row));
    return payments;
}

}  // namespace saga::payment
