#pragma once

#include "events/envelope.hpp"
#include "order/storage/order_repository.hpp"
#include "order/workflow/order_transitions.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::order::consumers {

/// `inventory.reservation_failed`: PENDING → REJECTED with the inventory's reason (order.rejected).
void OnInventoryReservationFailed(const workflow::OrderTransitions& transitions, const storage::OrderRepository& orders,
                                  const events::Envelope& event, runtime::pg::Transaction& tx);

}  // namespace saga::order::consumers
