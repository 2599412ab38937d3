#pragma once

#include "order/domain/order_status.hpp"

namespace saga::order::domain {

/// What can happen to an order: the events the order service consumes, its own expiry
/// sweeper, and the customer's cancel request.
enum class OrderInput {
    kStockReserved,       ///< inventory.reserved
    kStockUnavailable,    ///< inventory.reservation_failed
    kPaymentCaptured,     ///< payment.completed
    kPaymentDeclined,     ///< payment.failed
    kReservationExpired,  ///< the sweeper found expires_at passed
    kCancelRequested,     ///< POST /api/orders/{id}/cancel
};

/// What to do with an input in the current state.
enum class Verdict {
    kApply,   ///< move to Decision::next
    kIgnore,  ///< late or duplicate: no effect (settled orders, events that no longer matter)
    kDefer,   ///< arrived before the event it follows (payment before reservation): park it until then
    kRefuse,  ///< a request the state forbids (cancel of a rejected or cancelled order): 409
};

struct Decision {
    Verdict verdict;
    OrderStatus next;  ///< the new status when kApply, else the current one

    bool operator==(const Decision&) const = default;
};

/// The order state machine (docs/saga.md), one explicit table; pure.
Decision Decide(OrderStatus current, OrderInput input);

}  // namespace saga::order::domain
