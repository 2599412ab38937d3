#pragma once

#include <optional>

#include "events/inventory_released.hpp"
#include "events/order_rejected.hpp"
#include "inventory/domain/reservation.hpp"

namespace saga::inventory::domain {

/// What an order's settlement does to its reservation.
struct Settlement {
    enum class Action {
        kNone,       ///< nothing to do: late, duplicated or already settled
        kSell,       ///< reserved → sold
        kRelease,    ///< reserved → available, publish inventory.released (from reserved)
        kRestock,    ///< sold → available, publish inventory.released (from sold)
        kTombstone,  ///< nothing held yet: remember the order, so its order.created reserves nothing
    };
    Action action = Action::kNone;
    ReservationStatus next = ReservationStatus::kReserved;                 ///< the reservation's status after it
    events::ReleaseReason reason = events::ReleaseReason::kOrderRejected;  ///< kRelease/kRestock

    bool operator==(const Settlement&) const = default;
};

/// inventory.released's reason for an order rejected with `reason`: payment_declined →
/// payment_failed, reservation_expired → reservation_expired, anything else → order_rejected.
events::ReleaseReason ReleaseReasonFor(events::OrderRejectionReason reason);

/// order.confirmed: a held reservation is sold; anything else (none, released, sold) is a no-op.
Settlement OnOrderConfirmed(std::optional<ReservationStatus> current);

/// order.rejected: a held reservation is released; no reservation → tombstone (a late
/// order.created must not reserve for a settled order); sold or finished → no-op.
Settlement OnOrderRejected(std::optional<ReservationStatus> current, events::OrderRejectionReason reason);

/// order.cancelled: held → release; sold → restock; none → tombstone; finished → no-op.
Settlement OnOrderCancelled(std::optional<ReservationStatus> current);

}  // namespace saga::inventory::domain
