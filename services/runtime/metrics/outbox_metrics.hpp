#pragma once

#include <cstdint>
#include <mutex>

#include "runtime/metrics/registry.hpp"

namespace saga::runtime::metrics {

/// The outbox gauges (SPEC §2), refreshed from the database at scrape time:
///   saga_outbox_backlog                      unsent rows
///   saga_outbox_oldest_unsent_age_seconds    age of the oldest unsent row, 0 when none
/// Thread-safe.
class OutboxMetrics {
  public:
    explicit OutboxMetrics(Registry& registry);

    void Set(std::int64_t backlog, double oldest_unsent_age_seconds);
    /// The database could not be read: the gauges disappear from the scrape rather than show a
    /// stale value.
    void Unknown();

  private:
    std::mutex mutex_;  // With/Set against Remove
    GaugeFamily backlog_;
    GaugeFamily age_;
};

}  // namespace saga::runtime::metrics
