#pragma once

#include <optional>
#include <string>

#include "events/order_rejected.hpp"
#include "events/payment_refunded.hpp"

namespace saga::payment {

/// What the payment service remembers about an order (from order.created, order.cancelled and
/// order.rejected).
struct OrderPaymentInfo {
    std::string order_id;
    std::string customer_id;
    /// None for a tombstone: the order was closed before its order.created arrived.
    std::optional<std::string> payment_token;
    /// Set once the order was cancelled or rejected (the refund reason); it is never reopened.
    std::optional<std::string> closed_reason;

    bool closed() const { return closed_reason.has_value(); }
    bool operator==(const OrderPaymentInfo&) const = default;
};

/// What to do with an inventory.reserved.
enum class ChargeAction {
    kWaitForOrder,        ///< order.created not seen yet: park the reservation until it is
    kSkipClosed,          ///< the order was cancelled or rejected first: charge nothing
    kSkipAlreadyCharged,  ///< this order has its payment already (never charge twice)
    kCharge,              ///< ask the gateway and record the outcome
};

/// Decides the fate of an inventory.reserved for an order in state `order` (nullopt: unknown),
/// given whether a payment for it exists already. Closed wins over everything: a closed order
/// is never charged, whatever arrives later.
ChargeAction DecideCharge(const std::optional<OrderPaymentInfo>& order, bool already_charged);

/// The refund reason for a rejected order: reservation_expired stays itself, every other
/// rejection is order_rejected.
events::RefundReason RefundReasonFor(events::OrderRejectionReason rejection);

}  // namespace saga::payment
