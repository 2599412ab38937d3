#include "order/consumers/inventory_reserved.hpp"

#include <stdexcept>

#include "events/inventory_reserved.hpp"
#include "events/payment_completed.hpp"
#include "events/payment_failed.hpp"
#include "order/consumers/finish_transition.hpp"
#include "order/consumers/payment_completed.hpp"
#include "order/consumers/payment_failed.hpp"

namespace saga::order::consumers {
namespace {

/// The payment outcomes that arrived before this reservation, now that it is handled: each one
/// runs as if it had just been delivered (a parked outcome of a cancelled order is ignored there).
void ApplyEarlyEvents(const workflow::OrderTransitions& transitions, const storage::OrderRepository& orders,
                      const std::string& order_id, runtime::pg::Transaction& tx) {
    const auto order = orders.Lock(tx, order_id);  // locked already: no statement
    if (!order || !order->has_parked_events) return;
    for (const auto& early : storage::EarlyEventStore{}.Take(tx, order_id)) {
        if (early.type == events::PaymentCompleted::kType) {
            OnPaymentCompleted(transitions, orders, early, tx);
        } else if (early.type == events::PaymentFailed::kType) {
            OnPaymentFailed(transitions, orders, early, tx);
        } else {
            throw std::logic_error("no consumer for the parked " + early.type + " " + early.id);
        }
    }
}

}  // namespace

void OnInventoryReserved(const workflow::OrderTransitions& transitions, const storage::OrderRepository& orders,
                         const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto reserved = events::DataAs<events::InventoryReserved>(event);
    FinishTransition(
        transitions.Apply(tx, reserved.order_id,
                          {.input = domain::OrderInput::kStockReserved, .cause = &event, .reservation = &reserved}),
        orders, event, reserved.order_id, tx);
    // The flag comes with the row lock: a parker holds that lock and sets it in its transaction,
    // so a lock that waited for the parker returns the flag it committed. (A look at the parked
    // events themselves in the statement that waited would answer from the snapshot taken before
    // the wait, missing what another instance parked meanwhile.)
    ApplyEarlyEvents(transitions, orders, reserved.order_id, tx);
}

}  // namespace saga::order::consumers
