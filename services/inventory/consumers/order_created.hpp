#pragma once

#include "events/envelope.hpp"
#include "inventory/app/inventory.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory::consumers {

/// order.created: reserve every item of the order or none (products locked in id order), then
/// publish inventory.reserved or inventory.reservation_failed. An order that already has a
/// reservation or a failure (a redelivery under a new id), or that was settled before (a
/// tombstone), changes nothing and publishes nothing.
void OnOrderCreated(Inventory& inventory, const events::Envelope& event, runtime::pg::Transaction& tx);

}  // namespace saga::inventory::consumers
