#pragma once

#include <chrono>
#include <vector>

namespace saga::runtime::metrics {

/// Upper bucket bounds in seconds, 1 ms … 5 s: HTTP requests and event handlers.
inline std::vector<double> LatencyBuckets() {
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
}

/// Upper bucket bounds in seconds, 50 ms … 60 s: an order from created to settled.
inline std::vector<double> SettleBuckets() { return {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60}; }

/// Seconds as a double, for Histogram::Observe.
template <class Duration>
double Seconds(Duration duration) {
    return std::chrono::duration<double>(duration).count();
}

}  // namespace saga::runtime::metrics
