#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "runtime/metrics/registry.hpp"

namespace saga::runtime::metrics {

/// HTTP RED metrics (SPEC §2):
///   saga_http_requests_total{method,route,status}              counter
///   saga_http_request_duration_seconds{method,route}           histogram, 1 ms … 5 s
/// `route` is the matched pattern ("/api/orders/{order_id}") or "<unmatched>", and a method other
/// than GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS is "OTHER", so label values stay bounded. Thread-safe: a short
/// mutex around a cached lookup, then atomic adds and the histogram's own short mutex.
class HttpMetrics {
  public:
    explicit HttpMetrics(Registry& registry);

    void Record(std::string_view method, std::string_view route, int status,
                std::chrono::steady_clock::duration duration);

  private:
    struct Series {
        Counter requests;
        Histogram duration;
    };

    CounterFamily requests_;
    HistogramFamily duration_;
    std::mutex mutex_;
    std::map<std::string, Series, std::less<>> cache_;  // by "method route status"
};

}  // namespace saga::runtime::metrics
