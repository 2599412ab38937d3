#pragma once

#include <optional>
#include <string>
#include <vector>

#include "payment/domain/payment.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// The payments table: at most one payment per order. Every function runs one statement in the
/// caller's transaction.
class PaymentStore {
  public:
    /// Stores `payment` (its timestamps are set by the database). Returns false, storing nothing,
    /// when the order has a payment already: the UNIQUE order_id is the never-charge-twice guard.
    static bool Insert(runtime::pg::Transaction& tx, const Payment& payment);

    /// Whether the order has a payment (of any status).
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
