#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "runtime/metrics/registry.hpp"

namespace saga::runtime::metrics {

/// What became of one consumed message (label `outcome`).
enum class ConsumeOutcome { kHandled, kDuplicate, kRetried, kDeadLettered };
/// Why a message went to the DLQ (label `reason`, as x-failure-reason in SPEC §4).
enum class DeadLetterReason { kPoison, kRetriesExhausted };

std::string_view ToText(ConsumeOutcome outcome);
std::string_view ToText(DeadLetterReason reason);

/// Event metrics by type (SPEC §2):
///   saga_events_consumed_total{type,outcome}         outcome: handled|duplicate|retried|dead_lettered
///   saga_events_dead_lettered_total{type,reason}     reason: poison|retries_exhausted
///   saga_handler_duration_seconds{type}              histogram, 1 ms … 5 s
///   saga_events_published_total{type}                counted after the broker confirmed
/// Thread-safe. The series handles of a type are looked up once and cached: a call costs a short
/// mutex and a map lookup by type, then atomic adds (plus the histogram's own short mutex).
class EventMetrics {
  public:
    explicit EventMetrics(Registry& registry);

    /// Creates the consumer series of `type` at zero, so that rates start from a known value.
    void DeclareConsumed(std::string_view type);

    /// A fresh message whose handler ran for `handler_time` in a transaction that committed.
    void Handled(std::string_view type, std::chrono::steady_clock::duration handler_time);
    /// A message already in the inbox, acked and skipped.
    void Duplicate(std::string_view type);
    /// A failed message sent to its delay queue (the broker confirmed the copy).
    void Retried(std::string_view type);
    /// A message sent to the DLQ (the broker confirmed the copy): counts outcome dead_lettered too.
    void DeadLettered(std::string_view type, DeadLetterReason reason);

    /// `count` messages of `type` published by the outbox relay and confirmed by the broker.
    void Published(std::string_view type, std::uint64_t count = 1);

  private:
    struct ConsumedSeries {
        std::array<Counter, 4> outcomes;       // by ConsumeOutcome
        std::array<Counter, 2> dead_lettered;  // by DeadLetterReason
        Histogram handler;
    };
    const ConsumedSeries& Consumed(std::string_view type);
    Counter PublishedCounter(std::string_view type);

    CounterFamily consumed_;
    CounterFamily dead_lettered_;
    HistogramFamily handler_;
    CounterFamily published_;

    std::mutex consumed_mutex_;
    std::map<std::string, ConsumedSeries, std::less<>> consumed_by_type_;
    std::mutex published_mutex_;
    std::map<std::string, Counter, std::less<>> published_by_type_;
};

}  // namespace saga::runtime::metrics
