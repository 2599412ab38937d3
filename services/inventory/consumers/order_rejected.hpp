#pragma once

#include "events/envelope.hpp"
#include "inventory/app/inventory.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory::consumers {

/// order.rejected: a held reservation is released (inventory.released, from reserved, reason
/// after the rejection's). No reservation yet → tombstone, so a late order.created reserves
/// nothing; a settled reservation changes nothing.
void OnOrderRejected(Inventory& inventory, const events::Envelope& event, runtime::pg::Transaction& tx);

}  // namespace saga::inventory::consumers
