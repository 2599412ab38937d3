#pragma once

#include "events/envelope.hpp"
#include "inventory/app/inventory.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory::consumers {

/// order.confirmed: the order's held reservation moves reserved → sold. No reservation, or one
/// already released or sold, changes nothing.
void OnOrderConfirmed(Inventory& inventory, const events::Envelope& event, runtime::pg::Transaction& tx);

}  // namespace saga::inventory::consumers
