#pragma once

#include "events/envelope.hpp"
#include "order/storage/order_repository.hpp"
#include "order/workflow/order_transitions.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::order::consumers {

/// `inventory.reserved`: PENDING → AWAITING_PAYMENT, keeping unit prices, total and expiry; then
/// applies the payment outcome parked for the order, if it arrived first.
void OnInventoryReserved(const workflow::OrderTransitions& transitions, const storage::OrderRepository& orders,
                         const events::Envelope& event, runtime::pg::Transaction& tx);

}  // namespace saga::order::consumers
