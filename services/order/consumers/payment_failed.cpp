#include "order/consumers/payment_failed.hpp"

#include "events/payment_failed.hpp"
#include "order/consumers/finish_transition.hpp"

namespace saga::order::consumers {

void OnPaymentFailed(const workflow::OrderTransitions& transitions, const storage::OrderRepository& orders,
                     const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto failed = events::DataAs<events::PaymentFailed>(event);
    FinishTransition(
        transitions.Apply(tx, failed.order_id,
                          {.input = domain::OrderInput::kPaymentDeclined,
                           .reason = events::OrderRejectionReason::kPaymentDeclined,
                           .detail = std::string("payment declined: ") + std::string(events::ToText(failed.reason)),
                           .cause = &event}),
        orders, event, failed.order_id, tx);
}

}  // namespace saga::order::consumers
