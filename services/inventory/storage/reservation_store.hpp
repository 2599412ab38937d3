#pragma once

#include <optional>
#include <string>
#include <vector>

#include "events/inventory_reservation_failed.hpp"
#include "inventory/domain/reservation.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory::storage {

/// Reservations, failed reservations and order tombstones. Every function runs in the caller's
/// transaction.

/// The order's reservation, locked FOR UPDATE; nullopt when there is none.
std::optional<domain::Reservation> LockReservation(runtime::pg::Transaction& tx, const std::string& order_id);

/// Serialises this service's work on one order across competing consumers: a transaction-scoped
/// advisory lock on the order id, taken first by every handler of an order event. Without it, an
/// order.cancelled handled by one instance while another reserves for the same order sees no
/// reservation yet, and the reservation committed after it would hold stock for a settled order.
/// An order this transaction locked already takes no statement.
void LockOrder(runtime::pg::Transaction& tx, const std::string& order_id);

/// LockOrder for each of `order_ids` (a consumer batch's orders, before its events are handled),
/// in one statement and in id order.
void LockOrders(runtime::pg::Transaction& tx, const std::vector<std::string>& order_ids);

/// What this service already did about an order before its order.created arrived (or came again).
enum class PriorOutcome { kNothing, kReserved, kReservationFailed, kTombstone };
/// Looks for a reservation, a failed reservation and a tombstone of the order, in one statement.
PriorOutcome FindPriorOutcome(runtime::pg::Transaction& tx, const std::string& order_id);

/// Inserts a reservation. Throws on a second reservation for the same order (unique order id),
/// so a racing duplicate is retried and then finds this one.
void InsertReservation(runtime::pg::Transaction& tx, const domain::Reservation& reservation);

void SetReservationStatus(runtime::pg::Transaction& tx, const std::string& reservation_id,
                          domain::ReservationStatus status);

void InsertReservationFailure(runtime::pg::Transaction& tx, const events::InventoryReservationFailed& failure);

/// Remembers that the order was settled before anything was reserved for it; a second tombstone
/// for the same order is ignored.
void InsertTombstone(runtime::pg::Transaction& tx, const std::string& order_id, const std::string& event_type,
                     const std::string& event_id);

}  // namespace saga::inventory::storage
