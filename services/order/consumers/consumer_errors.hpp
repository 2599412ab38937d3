#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "events/envelope.hpp"
#include "order/domain/state_machine.hpp"
#include "order/workflow/order_transitions.hpp"

namespace saga::order::consumers {

/// Turns a transition outcome into the consumer's answer: an unknown order, or an event that
/// must wait for the one it follows, throws, so the consumer loop retries it later (and
/// dead-letters it when the budget is spent); everything else is done.
inline void FinishOrRetry(const std::optional<workflow::TransitionResult>& result, const events::Envelope& event) {
    if (!result) throw std::runtime_error("unknown order " + event.subject + " in " + event.type + " " + event.id);
    if (result->verdict == domain::Verdict::kDefer) {
        throw std::runtime_error(event.type + " for order " + event.subject + " arrived before its reservation");
    }
}

}  // namespace saga::order::consumers
