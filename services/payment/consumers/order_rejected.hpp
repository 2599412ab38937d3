#pragma once

#include "events/envelope.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// order.rejected → closes the order and refunds its capture (reason reservation_expired for an
/// expired reservation, else order_rejected).
void OnOrderRejected(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                     runtime::log::Logger& logger);

}  // namespace saga::payment
