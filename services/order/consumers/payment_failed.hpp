#pragma once

#include "events/envelope.hpp"
#include "order/storage/order_repository.hpp"
#include "order/workflow/order_transitions.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::order::consumers {

/// `payment.failed`: AWAITING_PAYMENT → REJECTED payment_declined (order.rejected).
void OnPaymentFailed(const workflow::OrderTransitions& transitions, const storage::OrderRepository& orders,
                     const events::Envelope& event, runtime::pg::Transaction& tx);

}  // namespace saga::order::consumers
