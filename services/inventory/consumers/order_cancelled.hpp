#pragma once

#include "events/envelope.hpp"
#include "inventory/app/inventory.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory::consumers {

/// order.cancelled: held → released (inventory.released, from reserved); sold → back to
/// available (inventory.released, from sold); nothing yet → tombstone, so a late order.created
/// reserves nothing; already released or restocked → nothing.
void OnOrderCancelled(Inventory& inventory, const events::Envelope& event, runtime::pg::Transaction& tx);

}  // namespace saga::inventory::consumers
