#pragma once

#include <optional>
#include <string>
#include <vector>

#include "payment/domain/payment.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// The payments table: at most one payment per order. Every function works in the caller's
/// transaction; payments it makes are written in one statement just before the commit, or before
/// a statement of this store reads them.
class PaymentStore {
  public:
    /// Adds `payment` (its timestamps are set by the database when written). The order's
    /// payment_orders row must be locked by the transaction (OrderStore::Lock). A second payment
    /// of the same order fails the commit (UNIQUE order_id, the never-charge-twice guard), which
    /// the row lock and ExistsForOrder keep from happening.
    static void Insert(runtime::pg::Transaction& tx, const Payment& payment);

    /// Whether the order has a payment (of any status), this transaction's included.
    static bool ExistsForOrder(runtime::pg::Transaction& tx, const std::string& order_id);

    /// Turns the order's CAPTURED payment into REFUNDED with `reason` and returns it; nullopt when
    /// there is none to refund (no payment, DECLINED, or REFUNDED already).
    static std::optional<Payment> RefundCaptured(runtime::pg::Transaction& tx, const std::string& order_id,
                                                 const std::string& reason);

    /// The payment `payment_id` (a canonical uuid), or nullopt.
    static std::optional<Payment> Find(runtime::pg::Transaction& tx, const std::string& payment_id);

    /// The order's payments (zero or one), oldest first.
    static std::vector<Payment> ListForOrder(runtime::pg::Transaction& tx, const std::string& order_id);
};

}  // namespace saga::payment
