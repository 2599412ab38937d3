#include "order/workflow/order_transitions.hpp"

#include "events/make_envelope.hpp"
#include "events/order_cancelled.hpp"
#include "events/order_confirmed.hpp"

namespace saga::order::workflow {
namespace {

using domain::OrderStatus;

events::CancelledFromStatus CancelledFrom(OrderStatus status) {
    switch (status) {
        case OrderStatus::kAwaitingPayment:
            return events::CancelledFromStatus::kAwaitingPayment;
        case OrderStatus::kConfirmed:
            return events::CancelledFromStatus::kConfirmed;
        default:
            return events::CancelledFromStatus::kPending;
    }
}

}  // namespace

std::optional<TransitionResult> OrderTransitions::Apply(runtime::pg::Transaction& tx, const std::string& order_id,
                                                        const Trigger& trigger) const {
    const auto order = orders_.Lock(tx, order_id);
    const auto locked_at = std::chrono::steady_clock::now();
    if (!order) return std::nullopt;
    const domain::Decision decision = domain::Decide(order->status, trigger.input);
    if (decision.verdict != domain::Verdict::kApply) {
        if (decision.verdict == domain::Verdict::kIgnore) {
            logger_.Info("late event ignored", {{"order_id", order_id},
                                                {"status", events::ToText(order->status)},
                                                {"event_id", trigger.cause ? trigger.cause->id : ""}});
        }
        return TransitionResult{decision.verdict, order->status};
    }

    std::optional<std::string> reason;
    if (decision.next == OrderStatus::kRejected) {
        if (!trigger.reason) throw std::logic_error("a rejection needs a reason");
        reason = std::string(events::ToText(*trigger.reason));
    }
    const auto announcement = Announcement(*order, decision, trigger);
    const std::string history_event = trigger.cause ? trigger.cause->id : announcement ? announcement->id : "";
    orders_.Transition(tx, order_id, decision.next, reason, history_event, trigger.reservation);
    if (announcement) outbox_.Append(tx, *announcement);
    if (metrics_ && domain::IsSettled(decision.next)) {
        metrics_->CountSettled(tx, decision.next, reason, order->age_seconds, locked_at);
    }
    return TransitionResult{decision.verdict, order->status};
}

std::optional<events::Envelope> OrderTransitions::Announcement(const domain::OrderState& order,
                                                               const domain::Decision& decision,
                                                               const Trigger& trigger) const {
    auto envelope = [&](const auto& event) {
        events::Envelope made =
            trigger.cause ? events::MakeFollowUp(event, source_, order.order_id, *trigger.cause)
                          : events::MakeEnvelope(event, source_, order.order_id, order.correlation_id,
                                                 !trigger.causation_id.empty()
                                                     ? trigger.causation_id
                                                     : order.reservation_event_id.value_or(order.correlation_id));
        // The order keeps the saga id it was created with, whatever other services sent.
        made.correlation_id = order.correlation_id;
        return made;
    };
    switch (decision.next) {
        case OrderStatus::kConfirmed:
            return envelope(events::OrderConfirmed{.order_id = order.order_id,
                                                   .customer_id = order.customer_id,
                                                   .email = order.email,
                                                   .total_cents = order.total_cents.value_or(0),
                                                   .currency = order.currency});
        case OrderStatus::kRejected:
            return envelope(events::OrderRejected{.order_id = order.order_id,
                                                  .customer_id = order.customer_id,
                                                  .email = order.email,
                                                  .reason = *trigger.reason,
                                                  .detail = trigger.detail});
        case OrderStatus::kCancelled:
            return envelope(events::OrderCancelled{.order_id = order.order_id,
                                                   .customer_id = order.customer_id,
                                                   .email = order.email,
                                                   .previous_status = CancelledFrom(order.status)});
        default:
            return std::nullopt;
    }
}

}  // namespace saga::order::workflow
