#pragma once

#include "events/envelope.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// order.created → remembers the order's customer and payment token for its later charge.
/// Idempotent; an order closed before this arrived stays closed. Charges the inventory.reserved
/// that arrived first and waits parked, if any (publishing its outcome).
void OnOrderCreated(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                    runtime::log::Logger& logger);

}  // namespace saga::payment
