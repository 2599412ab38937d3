#pragma once

#include <optional>
#include <string>
#include <vector>

#include "payment/domain/saga_rules.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// An order.created's facts the payment service keeps.
struct OrderToRemember {
    std::string order_id;
    std::string customer_id;
    std::string payment_token;
};

/// The orders the payment service has heard of (table payment_orders). Every function works in
/// the caller's transaction.
class OrderStore {
  public:
    /// Remembers the order's customer and payment token from order.created. A tombstone (the
    /// order was closed first) gains the token but stays closed; a known token is kept. Returns
    /// the inventory.reserved parked for the order, if one arrived first, and unparks it.
    static std::optional<std::string> Remember(runtime::pg::Transaction& tx, const std::string& order_id,
                                               const std::string& customer_id, const std::string& payment_token);
    /// Remember for several orders in one statement (in id order; each order at most once), e.g.
    /// a consumer batch's order.created before its events are handled. The first Remember of each
    /// of these orders later in the transaction answers from it without a statement.
    static void RememberAll(runtime::pg::Transaction& tx, std::vector<OrderToRemember> orders);

    /// Parks an encoded inventory.reserved on an order that has no order.created yet, creating
    /// its row if need be. False when the order got its token or was closed meanwhile (the row
    /// changed since the caller looked): decide again.
    static bool ParkReservation(runtime::pg::Transaction& tx, const std::string& order_id,
                                const std::string& reservation);

    /// Marks the order closed with `reason`, creating a tombstone when it is unknown. The first
    /// reason is kept. Takes the order's row lock, which serialises it with Lock().
    static void Close(runtime::pg::Transaction& tx, const std::string& order_id, const std::string& customer_id,
                      const std::string& reason);

    /// The order, locked until the end of the transaction (FOR UPDATE), or nullopt if unknown. An
    /// order this transaction locked already comes without a statement (unless it changed it since).
    static std::optional<OrderPaymentInfo> Lock(runtime::pg::Transaction& tx, const std::string& order_id);
    /// Takes the advisory lock of each of `order_ids` (a consumer batch's orders, before its events
    /// are handled), known or not, in id order, then locks the known ones' rows in one statement
    /// and reads which of them have a payment in one more, so that Lock and
    /// PaymentStore::ExistsForOrder answer for them without a statement. Two batches sharing
    /// orders thus lock them in the same order, also the rows their handlers insert.
    static void LockAll(runtime::pg::Transaction& tx, const std::vector<std::string>& order_ids);
};

}  // namespace saga::payment
