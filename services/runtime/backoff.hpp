#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <stop_token>

namespace saga::runtime {

/// Exponential backoff with jitter for reconnect loops: initial, ×2 each time, capped.
class Backoff {
  public:
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max) : initial_(initial), max_(max) {}

    std::chrono::milliseconds Next() {
        const std::chrono::milliseconds base = std::min(max_, initial_ * (1L << std::min(attempt_, 20)));
        ++attempt_;
        std::uniform_int_distribution<long> jitter(base.count() / 2, base.count());
        return std::chrono::milliseconds{jitter(random_)};
    }
    void Reset() { attempt_ = 0; }

  private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds max_;
    int attempt_ = 0;
    std::minstd_rand random_{std::random_device{}()};
};

/// Sleeps for `duration` or until a stop is requested; returns false when stopped.
inline bool SleepUnlessStopped(std::stop_token stop, std::chrono::milliseconds duration) {
    std::mutex mutex;
    std::condition_variable_any cv;
    std::unique_lock lock(mutex);
    // wait_for returns the predicate's value (always false here), not whether a stop came.
    cv.wait_for(lock, stop, duration, [] { return false; });
    return !stop.stop_requested();
}

}  // namespace saga::runtime
