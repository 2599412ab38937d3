#include "runtime/metrics/http_metrics.hpp"

#include <string>

#include "runtime/metrics/buckets.hpp"

namespace saga::runtime::metrics {
namespace {

// Clients choose the method: anything unusual becomes "OTHER", so label values stay bounded.
std::string_view MethodLabel(std::string_view method) {
    for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
        if (method == known) return known;
    }
    return "OTHER";
}

}  // namespace

HttpMetrics::HttpMetrics(Registry& registry)
    : requests_(registry.AddCounter("saga_http_requests_total", "HTTP requests by method, route pattern and status")),
      duration_(registry.AddHistogram("saga_http_request_duration_seconds",
                                      "HTTP request handling time by method and route pattern, seconds",
                                      LatencyBuckets())) {}

void HttpMetrics::Record(std::string_view method, std::string_view route, int status,
                         std::chrono::steady_clock::duration duration) {
    method = MethodLabel(method);
    std::string key;
    key.reserve(method.size() + route.size() + 5);
    key.append(method).append(" ").append(route).append(" ").append(std::to_string(status));
    std::unique_lock lock(mutex_);
    auto found = cache_.find(key);
    if (found == cache_.end()) {
        const Labels route_labels{{"method", std::string(method)}, {"route", std::string(route)}};
        Labels status_labels = route_labels;
        status_labels.emplace("status", std::to_string(status));
        found =
            cache_.emplace(std::move(key), Series{requests_.With(status_labels), duration_.With(route_labels)}).first;
    }
    const Series series = found->second;
    lock.unlock();
    series.requests.Increment();
    series.duration.Observe(Seconds(duration));
}

}  // namespace saga::runtime::metrics
