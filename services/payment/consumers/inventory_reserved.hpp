#pragma once

#include "events/envelope.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// inventory.reserved → charges the order's total once (payments.order_id is unique) with the
/// token from order.created, and publishes payment.completed or payment.failed (reason).
/// Charges nothing when the order is closed (cancelled or rejected) or charged already.
/// Before the order's order.created, the event is parked on the order (OrderStore) and charged
/// when order.created is handled.
void OnInventoryReserved(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                         runtime::log::Logger& logger);

}  // namespace saga::payment
