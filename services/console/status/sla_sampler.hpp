#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "console/status/settle_window.hpp"
#include "runtime/log/logger.hpp"

namespace saga::console {

/// A background thread that scrapes `<order_url>/metrics` every `interval` and records
/// saga_order_settle_duration_seconds in `window`. Starts at construction, stops (and joins) at
/// destruction; `window` and `logger` must outlive it.
class SlaSampler {
  public:
    SlaSampler(std::string order_url, std::chrono::milliseconds interval, std::chrono::milliseconds timeout,
               SettleWindow& window, runtime::log::Logger& logger);
    ~SlaSampler();
    SlaSampler(const SlaSampler&) = delete;
    SlaSampler& operator=(const SlaSampler&) = delete;

  private:
    void Loop();
    void SampleOnce();

    std::string metrics_url_;
    std::chrono::milliseconds interval_;
    std::chrono::milliseconds timeout_;
    SettleWindow& window_;
    runtime::log::Logger& logger_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool failing_ = false;
    std::thread thread_;
};

}  // namespace saga::console
