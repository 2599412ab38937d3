#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "payment/domain/payment.hpp"
#include "payment/domain/saga_rules.hpp"

namespace saga::payment {

/// What a transaction knows of the orders whose payment_orders row it locked (kept in the
/// transaction, pg::Transaction::Gathered), and the payments it made until they are written just
/// before the commit, and what RememberAll found for orders remembered ahead of their handler. Every payment of an
/// order is made under that row lock, so whether a locked order has one stays true until the commit. Shared by
/// OrderStore and PaymentStore.
struct KnownOrders {
    std::map<std::string, OrderPaymentInfo> locked;  ///< as locked; dropped when a statement changes the row
    std::map<std::string, bool> charged;             ///< whether it has a payment, for locked orders
    std::vector<Payment> unwritten;
    /// RememberAll's answer for each order (its parked inventory.reserved, if any), until Remember takes it.
    std::map<std::string, std::optional<std::string>> remembered;
    bool write_registered = false;
};

}  // namespace saga::payment
