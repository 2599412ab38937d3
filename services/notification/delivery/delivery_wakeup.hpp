#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>

namespace saga::notification {

/// Wakes the delivery task as soon as a consumer transaction that added notifications has
/// committed (signal it from Transaction::AfterCommit), so a new notification does not wait for
/// the next poll. A signal that arrives while the task is busy is kept for its next wait.
/// Thread-safe.
class DeliveryWakeup {
  public:
    void Signal() {
        {
            std::lock_guard lock(mutex_);
            pending_ = true;
        }
        cv_.notify_all();
    }

    /// Returns at a signal (consuming it), after `timeout`, or when `stop` is requested.
    void Wait(std::stop_token stop, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, stop, timeout, [this] { return pending_; });
        pending_ = false;
    }

  private:
    std::mutex mutex_;
    std::condition_variable_any cv_;
    bool pending_ = false;
};

}  // namespace saga::notification
