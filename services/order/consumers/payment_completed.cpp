#include "order/consumers/payment_completed.hpp"

#include "events/payment_completed.hpp"
#include "order/consumers/finish_transition.hpp"

namespace saga::order::consumers {

void OnPaymentCompleted(const workflow::OrderTransitions& transitions, const storage::OrderRepository& orders,
                        const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto completed = events::DataAs<events::PaymentCompleted>(event);
    FinishTransition(
        transitions.Apply(tx, completed.order_id, {.input = domain::OrderInput::kPaymentCaptured, .cause = &event}),
        orders, event, completed.order_id, tx);
}

}  // namespace saga::order::consumers
