#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "events/envelope.hpp"
#include "order/domain/state_machine.hpp"
#include "order/storage/early_event_store.hpp"
#include "order/storage/order_repository.hpp"
#include "order/workflow/order_transitions.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::order::consumers {

/// Turns a transition outcome into the consumer's answer. An unknown order throws, so the
/// consumer loop retries the event later (and dead-letters it when the budget is spent). An event
/// that arrived before the one it follows (a payment outcome before its reservation) is parked
/// with the order, in this transaction, and applied when the reservation is: waiting for it
/// spends no retry budget. Everything else is done.
inline void FinishTransition(const std::optional<workflow::TransitionResult>& result,
                             const storage::OrderRepository& orders, const events::Envelope& event,
                             const std::string& order_id, runtime::pg::Transaction& tx) {
    if (!result) throw std::runtime_error("unknown order " + order_id + " in " + event.type + " " + event.id);
    if (result->verdict == domain::Verdict::kDefer) {
        storage::EarlyEventStore{}.Park(tx, order_id, event);
        orders.MarkParked(tx, order_id);
    }
}

}  // namespace saga::order::consumers
