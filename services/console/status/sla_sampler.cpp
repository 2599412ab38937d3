#include "console/status/sla_sampler.hpp"

#include "console/upstream/http_fetch.hpp"

namespace saga::console {

namespace {
constexpr std::string_view kSettleHistogram = "saga_order_settle_duration_seconds";
}

SlaSampler::SlaSampler(std::string order_url, std::chrono::milliseconds interval, std::chrono::milliseconds timeout,
                       SettleWindow& window, runtime::log::Logger& logger)
    : metrics_url_(std::move(order_url) + "/metrics"),
      interval_(interval),
      timeout_(timeout),
      window_(window),
      logger_(logger),
      thread_([this] { Loop(); }) {}

SlaSampler::~SlaSampler() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void SlaSampler::Loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        SampleOnce();
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

void SlaSampler::SampleOnce() {
    const auto at = SettleWindow::Clock::now();
    try {
        const auto response =
            Fetch({.method = "GET", .url = metrics_url_, .headers = {}, .body = {}, .timeout = timeout_});
        if (response.status != 200)
            throw UpstreamError(false, "GET /metrics answered " + std::to_string(response.status));
        // A service that has settled nothing yet may not list the histogram at all: that is zero.
        window_.Record(at, ReadHistogramTotals(response.body, kSettleHistogram).value_or(HistogramTotals{}));
        if (failing_) logger_.Info("order service metrics readable again");
        failing_ = false;
    } catch (const UpstreamError& error) {
        window_.RecordFailure();
        if (!failing_) logger_.Warn("cannot read the order service's metrics", {{"error", error.what()}});
        failing_ = true;
    }
}

}  // namespace saga::console
