#pragma once

#include <vector>

#include "events/envelope.hpp"
#include "payment/storage/order_store.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// order.created → remembers the order's customer and payment token for its later charge.
/// Idempotent; an order closed before this arrived stays closed. Charges the inventory.reserved
/// that arrived first and waits parked, if any (publishing its outcome).
void OnOrderCreated(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                    runtime::log::Logger& logger);

/// The orders of `batch` whose first event in it is an order.created, with that event's facts:
/// remembering them before the batch is handled (OrderStore::RememberAll) gives the same result
/// as their handlers would, as nothing of their order comes before. An order.created whose data
/// does not decode is left to its handler, which fails it.
std::vector<OrderToRemember> OrdersCreatedFirst(const std::vector<const events::Envelope*>& batch);

}  // namespace saga::payment
