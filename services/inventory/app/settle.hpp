#pragma once

#include <optional>
#include <string>

#include "events/envelope.hpp"
#include "inventory/app/inventory.hpp"
#include "inventory/domain/compensation.hpp"
#include "inventory/domain/reservation.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory {

/// Applies what an order's settlement event (`event`: order.confirmed, order.rejected or
/// order.cancelled) means for its reservation, as `settlement` decided from the reservation's
/// status: stock moves through the locked products (with their stock events), the
/// reservation's new status and inventory.released, or a tombstone, or nothing.
/// The order must be locked by `tx` (storage::LockOrder); `reservation` (storage::FindReservation)
/// must be present for stock moves.
void ApplySettlement(Inventory& inventory, runtime::pg::Transaction& tx, const events::Envelope& event,
                     const std::string& order_id, const std::optional<domain::Reservation>& reservation,
                     const domain::Settlement& settlement);

}  // namespace saga::inventory
