#pragma once

#include <optional>
#include <string>
#include <vector>

#include "events/inventory_reservation_failed.hpp"
#include "inventory/domain/reservation.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory::storage {

/// Reservations, failed reservations and order tombstones, per order. Every function runs in the
/// caller's transaction. An order is locked first (LockOrder, LockOrders); what this service
/// knows of it is read then, once, and comes from the transaction afterwards, as its changes
/// left it. The changes are written in one statement just before the commit.

/// Serialises this service's work on one order across competing consumers: a transaction-scoped
/// advisory lock on the order id, taken first by every handler of an order event. Without it, an
/// order.cancelled handled by one instance while another reserves for the same order sees no
/// reservation yet, and the reservation committed after it would hold stock for a settled order.
/// Every write of the three tables holds it, so what is read after it stays true until the
/// commit. An order locked already in the transaction takes no statement.
void LockOrder(runtime::pg::Transaction& tx, const std::string& order_id);

/// LockOrder for each of `order_ids` (a consumer batch's orders, before its events are handled):
/// the locks in one statement and in id order, then what is known of the orders in one more.
void LockOrders(runtime::pg::Transaction& tx, const std::vector<std::string>& order_ids);

/// The functions below throw std::logic_error for an order the transaction has not locked.

/// The order's reservation; nullopt when there is none.
std::optional<domain::Reservation> FindReservation(runtime::pg::Transaction& tx, const std::string& order_id);

/// What this service already did about an order before its order.created arrived (or came again).
enum class PriorOutcome { kNothing, kReserved, kReservationFailed, kTombstone };
PriorOutcome FindPriorOutcome(runtime::pg::Transaction& tx, const std::string& order_id);

/// Adds a reservation. Throws std::runtime_error when the order has one already.
void InsertReservation(runtime::pg::Transaction& tx, const domain::Reservation& reservation);

/// Moves the order's reservation to `status`. Throws std::logic_error when it has none.
void SetReservationStatus(runtime::pg::Transaction& tx, const std::string& order_id, domain::ReservationStatus status);

/// Remembers that the order's reservation failed; a second failure of the same order is ignored.
void InsertReservationFailure(runtime::pg::Transaction& tx, const events::InventoryReservationFailed& failure);

/// Remembers that the order was settled before anything was reserved for it; a second tombstone
/// for the same order is ignored.
void InsertTombstone(runtime::pg::Transaction& tx, const std::string& order_id, const std::string& event_type,
                     const std::string& event_id);

}  // namespace saga::inventory::storage
