#pragma once

#include <string>

#include "events/envelope.hpp"
#include "events/payment_refunded.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// The compensation shared by order.cancelled and order.rejected: marks the order closed (so a
/// later inventory.reserved charges nothing) and refunds its CAPTURED payment, if any, publishing
/// payment.refunded with `reason` (caused by `cause`). Idempotent: a second close refunds nothing.
void CloseOrderAndRefund(const events::Envelope& cause, const std::string& order_id, const std::string& customer_id,
                         events::RefundReason reason, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                         runtime::log::Logger& logger);

}  // namespace saga::payment
