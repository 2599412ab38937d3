#include "runtime/metrics/event_metrics.hpp"

#include "runtime/metrics/buckets.hpp"

namespace saga::runtime::metrics {

std::string_view ToText(ConsumeOutcome outcome) {
    switch (outcome) {
        case ConsumeOutcome::kHandled:
            return "handled";
        case ConsumeOutcome::kDuplicate:
            return "duplicate";
        case ConsumeOutcome::kRetried:
            return "retried";
        case ConsumeOutcome::kDeadLettered:
            return "dead_lettered";
    }
    return "unknown";
}

std::string_view ToText(DeadLetterReason reason) {
    return reason == DeadLetterReason::kPoison ? "poison" : "retries_exhausted";
}

EventMetrics::EventMetrics(Registry& registry)
    : consumed_(registry.AddCounter("saga_events_consumed_total", "Consumed events by type and outcome")),
      dead_lettered_(registry.AddCounter("saga_events_dead_lettered_total",
                                         "Events sent to the dead-letter queue by type and reason")),
      handler_(registry.AddHistogram("saga_handler_duration_seconds",
                                     "Time an event handler ran inside its transaction, seconds", LatencyBuckets())),
      published_(registry.AddCounter("saga_events_published_total",
                                     "Events published by the outbox relay and confirmed by the broker")) {}

void EventMetrics::DeclareConsumed(std::string_view type) { Consumed(type); }

const EventMetrics::ConsumedSeries& EventMetrics::Consumed(std::string_view type) {
    std::lock_guard lock(consumed_mutex_);
    if (auto found = consumed_by_type_.find(type); found != consumed_by_type_.end()) return found->second;
    const std::string name(type);
    auto outcome = [&](ConsumeOutcome o) {
        return consumed_.With({{"type", name}, {"outcome", std::string(ToText(o))}});
    };
    auto reason = [&](DeadLetterReason r) {
        return dead_lettered_.With({{"type", name}, {"reason", std::string(ToText(r))}});
    };
    ConsumedSeries series{
        .outcomes = {outcome(ConsumeOutcome::kHandled), outcome(ConsumeOutcome::kDuplicate),
                     outcome(ConsumeOutcome::kRetried), outcome(ConsumeOutcome::kDeadLettered)},
        .dead_lettered = {reason(DeadLetterReason::kPoison), reason(DeadLetterReason::kRetriesExhausted)},
        .handler = handler_.With({{"type", name}}),
    };
    // std::map nodes never move: the reference stays valid after the lock is released.
    return consumed_by_type_.emplace(name, series).first->second;
}

void EventMetrics::Handled(std::string_view type, std::chrono::steady_clock::duration handler_time) {
    const auto& series = Consumed(type);
    series.outcomes[static_cast<std::size_t>(ConsumeOutcome::kHandled)].Increment();
    series.handler.Observe(Seconds(handler_time));
}

void EventMetrics::Duplicate(std::string_view type) {
    Consumed(type).outcomes[static_cast<std::size_t>(ConsumeOutcome::kDuplicate)].Increment();
}

void EventMetrics::Retried(std::string_view type) {
    Consumed(type).outcomes[static_cast<std::size_t>(ConsumeOutcome::kRetried)].Increment();
}

void EventMetrics::DeadLettered(std::string_view type, DeadLetterReason reason) {
    const auto& series = Consumed(type);
    series.outcomes[static_cast<std::size_t>(ConsumeOutcome::kDeadLettered)].Increment();
    series.dead_lettered[static_cast<std::size_t>(reason)].Increment();
}

Counter EventMetrics::PublishedCounter(std::string_view type) {
    std::lock_guard lock(published_mutex_);
    if (auto found = published_by_type_.find(type); found != published_by_type_.end()) return found->second;
    const std::string name(type);
    return published_by_type_.emplace(name, published_.With({{"type", name}})).first->second;
}

void EventMetrics::Published(std::string_view type, std::uint64_t count) {
    PublishedCounter(type).Increment(static_cast<double>(count));
}

}  // namespace saga::runtime::metrics
