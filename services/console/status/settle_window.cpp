#include "console/status/settle_window.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace saga::console {
namespace {

// A sample line: `name{labels} value [timestamp]` or `name value`.
std::optional<double> ValueOf(std::string_view line, std::string_view metric) {
    if (!line.starts_with(metric)) return std::nullopt;
    std::string_view rest = line.substr(metric.size());
    if (rest.starts_with('{')) {
        const auto close = rest.rfind('}');
        if (close == std::string_view::npos) return std::nullopt;
        rest.remove_prefix(close + 1);
    }
    if (!rest.starts_with(' ')) return std::nullopt;
    while (rest.starts_with(' ')) rest.remove_prefix(1);
    rest = rest.substr(0, rest.find(' '));
    try {
        return std::stod(std::string(rest));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

std::optional<HistogramTotals> ReadHistogramTotals(std::string_view exposition, std::string_view name) {
    const std::string sum_name = std::string(name) + "_sum";
    const std::string count_name = std::string(name) + "_count";
    HistogramTotals totals;
    bool seen = false;
    while (!exposition.empty()) {
        const auto end = exposition.find('\n');
        const std::string_view line = exposition.substr(0, end);
        exposition.remove_prefix(end == std::string_view::npos ? exposition.size() : end + 1);
        if (auto v = ValueOf(line, sum_name)) {
            totals.sum += *v;
            seen = true;
        } else if (auto c = ValueOf(line, count_name)) {
            totals.count += *c;
            seen = true;
        }
    }
    if (!seen) return std::nullopt;
    return totals;
}

SettleWindow::SettleWindow(std::chrono::seconds window, double threshold_seconds)
    : window_(window), threshold_(threshold_seconds) {}

void SettleWindow::Record(Clock::time_point at, HistogramTotals totals) {
    std::lock_guard lock(mutex_);
    reachable_ = true;
    if (!samples_.empty() && totals.count < samples_.back().totals.count) samples_.clear();
    samples_.push_back({at, totals});
    // Keep one sample at or before the window's start, as the baseline.
    while (samples_.size() >= 2 && samples_[1].at <= at - window_) samples_.pop_front();
}

void SettleWindow::RecordFailure() {
    std::lock_guard lock(mutex_);
    reachable_ = false;
}

nlohmann::json SettleWindow::Snapshot() const {
    std::lock_guard lock(mutex_);
    nlohmann::json sla = {{"status", "unknown"},
                          {"average_latency_seconds", nullptr},
                          {"window_seconds", window_.count()},
                          {"threshold_seconds", threshold_},
                          {"settled_in_window", 0}};
    if (samples_.size() < 2) return sla;
    const double settled = samples_.back().totals.count - samples_.front().totals.count;
    sla["settled_in_window"] = static_cast<long long>(std::llround(settled));
    if (!reachable_ || settled <= 0) return sla;
    const double average = (samples_.back().totals.sum - samples_.front().totals.sum) / settled;
    sla["average_latency_seconds"] = average;
    sla["status"] = average < threshold_ ? "green" : "red";
    return sla;
}

}  // namespace saga::console
