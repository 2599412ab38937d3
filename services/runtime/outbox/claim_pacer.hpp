#pragma once

#include <chrono>
#include <cstddef>

namespace saga::runtime::outbox {

/// Decides how long an idle relay, just woken, waits before it claims. Rows committed close
/// together then go out, and reach their consumers, as one batch: fewer claims, publish windows,
/// marks and consumer transactions per row. It waits only while rows arrive fast enough that the
/// wait is expected to gather at least one more (rows claimed per second × linger ≥ 1, measured
/// over the last complete window; a user may ask for more than one), so a wake-up at low load
/// still claims at once. The consumer loop and notification's delivery task pace their batches by
/// the same rule.
class ClaimPacer {
  public:
    using Clock = std::chrono::steady_clock;

    /// `linger` 0 turns waiting off. It waits only while at least `min_expected` more rows are
    /// expected within the linger. `window` is how long rows are counted to estimate their rate.
    explicit ClaimPacer(std::chrono::milliseconds linger, double min_expected = 1.0,
                        std::chrono::milliseconds window = std::chrono::milliseconds{500});

    /// Counts the rows one claim found.
    void Claimed(std::size_t rows, Clock::time_point now);

    /// How long to wait before the next claim: the linger while rows arrive fast enough, else 0.
    std::chrono::milliseconds WaitBeforeClaim(Clock::time_point now) const;

  private:
    /// Rows per second over the last complete window, or 0 when it ended too long ago to say.
    double RowsPerSecond(Clock::time_point now) const;

    std::chrono::milliseconds linger_;
    double min_expected_;
    std::chrono::milliseconds window_;
    Clock::time_point window_start_{};
    std::size_t window_rows_ = 0;
    double last_rate_ = 0;  ///< rows per second of the last complete window
    Clock::time_point last_window_end_{};
};

}  // namespace saga::runtime::outbox
