#include "payment/consumers/order_cancelled.hpp"

#include "events/order_cancelled.hpp"
#include "payment/consumers/close_order.hpp"

namespace saga::payment {

void OnOrderCancelled(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                      runtime::log::Logger& logger) {
    const auto cancelled = events::DataAs<events::OrderCancelled>(event);
    CloseOrderAndRefund(event, cancelled.order_id, cancelled.customer_id, events::RefundReason::kOrderCancelled, tx,
                        outbox, logger);
}

}  // namespace saga::payment
