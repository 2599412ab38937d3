#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace saga::console {

/// _sum and _count of one Prometheus histogram, summed over all its label sets.
struct HistogramTotals {
    double sum = 0;
    double count = 0;
};

/// Reads `name`_sum and `name`_count from a Prometheus text exposition; nullopt when neither occurs.
std::optional<HistogramTotals> ReadHistogramTotals(std::string_view exposition, std::string_view name);

/// The settle-time SLA over a sliding window, fed with samples of the order service's
/// saga_order_settle_duration_seconds totals: average = Δsum / Δcount between the newest sample and
/// the last one at or before (newest − window). Thread-safe.
class SettleWindow {
  public:
    using Clock = std::chrono::steady_clock;

    /// Green below `threshold` seconds on average, red at or above it.
    explicit SettleWindow(std::chrono::seconds window, double threshold_seconds = 1.0);

    /// A successful scrape at `at`. A drop in count (the service restarted) starts the window afresh.
    void Record(Clock::time_point at, HistogramTotals totals);
    /// A failed scrape: the status is unknown until the next successful one.
    void RecordFailure();

    /// {"status": "green"|"red"|"unknown", "average_latency_seconds": x|null, "window_seconds": n,
    ///  "settled_in_window": n}. Unknown when nothing settled in the window or the last scrape failed.
    nlohmann::json Snapshot() const;

  private:
    struct Sample {
        Clock::time_point at;
        HistogramTotals totals;
    };

    std::chrono::seconds window_;
    double threshold_;
    mutable std::mutex mutex_;
    std::deque<Sample> samples_;
    bool reachable_ = false;
};

}  // namespace saga::console
