#include "payment/consumers/order_rejected.hpp"

#include "events/order_rejected.hpp"
#include "payment/consumers/close_order.hpp"
#include "payment/domain/saga_rules.hpp"

namespace saga::payment {

void OnOrderRejected(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                     runtime::log::Logger& logger) {
    const auto rejected = events::DataAs<events::OrderRejected>(event);
    CloseOrderAndRefund(event, rejected.order_id, rejected.customer_id, RefundReasonFor(rejected.reason), tx, outbox,
                        logger);
}

}  // namespace saga::payment
