#pragma once

#include <stdexcept>

#include "events/envelope.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// inventory.reserved arrived before the order's order.created: thrown so that the consumer
/// loop's retry path brings the event back once the token is known.
class OrderNotYetKnown : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// inventory.reserved → charges the order's total once (payments.order_id is unique) with the
/// token from order.created, and publishes payment.completed or payment.failed (reason).
/// Charges nothing when the order is closed (cancelled or rejected) or charged already.
/// Throws OrderNotYetKnown when order.created has not been seen yet.
void OnInventoryReserved(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                         runtime::log::Logger& logger);

}  // namespace saga::payment
