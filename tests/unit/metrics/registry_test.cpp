#include "runtime/metrics/registry.hpp"

#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "prometheus_text.hpp"
#include "runtime/metrics/buckets.hpp"
#include "runtime/metrics/outbox_metrics.hpp"

namespace saga::runtime::metrics {

using test::ParsePrometheusText;

TEST_CASE("metrics registry: counters carry the constant labels and their own") {
    Registry registry(Labels{{"service", "order-service"}});
    const auto family = registry.AddCounter("saga_things_total", "Things");
    family.With({{"type", "order.created"}}).Increment();
    family.With({{"type", "order.created"}}).Increment(2);
    family.With({{"type", "order.confirmed"}});

    const auto text = registry.Text();
    const auto parsed = ParsePrometheusText(text);
    CHECK(parsed.types.at("saga_things_total") == "counter");
    CHECK(parsed.help.at("saga_things_total") == "Things");
    CHECK(parsed.Sum("saga_things_total", {{"service", "order-service"}, {"type", "order.created"}}) == 3);
    CHECK(parsed.Count("saga_things_total", {{"type", "order.confirmed"}}) == 1);
    CHECK(parsed.Sum("saga_things_total", {{"type", "order.confirmed"}}) == 0);
    CHECK(text.find("saga_things_total{service=\"order-service\",type=\"order.created\"} 3\n") != std::string::npos);
}

TEST_CASE("metrics registry: histograms have cumulative buckets, a sum and a count") {
    Registry registry(Labels{{"service", "s"}});
    const auto histogram = registry.AddHistogram("saga_wait_seconds", "Waits", LatencyBuckets()).With({{"type", "t"}});
    histogram.Observe(0.002);
    histogram.Observe(0.3);
    histogram.Observe(10);

    const auto parsed = ParsePrometheusText(registry.Text());
    CHECK(parsed.types.at("saga_wait_seconds") == "histogram");
    CHECK(parsed.Sum("saga_wait_seconds_bucket", {{"le", "0.001"}}) == 0);
    CHECK(parsed.Sum("saga_wait_seconds_bucket", {{"le", "0.0025"}}) == 1);
    CHECK(parsed.Sum("saga_wait_seconds_bucket", {{"le", "0.5"}}) == 2);
    CHECK(parsed.Sum("saga_wait_seconds_bucket", {{"le", "5"}}) == 2);
    CHECK(parsed.Sum("saga_wait_seconds_bucket", {{"le", "+Inf"}}) == 3);
    CHECK(parsed.Sum("saga_wait_seconds_count", {{"type", "t"}, {"service", "s"}}) == 3);
    CHECK(parsed.Sum("saga_wait_seconds_sum") == doctest::Approx(10.302));
    CHECK(parsed.Count("saga_wait_seconds_bucket") == LatencyBuckets().size() + 1);
}

TEST_CASE("metrics registry: label values are escaped") {
    Registry registry;
    const std::string odd = "a \"quoted\" back\\slash\nnewline";
    registry.AddCounter("saga_odd_total", "Odd").With({{"route", odd}}).Increment();
    const auto parsed = ParsePrometheusText(registry.Text());
    REQUIRE(parsed.samples.size() == 1);
    CHECK(parsed.samples[0].labels.at("route") == odd);
}

TEST_CASE("metrics registry: registering again returns the same family, another type is refused") {
    Registry registry;
    registry.AddCounter("saga_x_total", "X").With({}).Increment();
    registry.AddCounter("saga_x_total", "X").With({}).Increment();
    CHECK(ParsePrometheusText(registry.Text()).Sum("saga_x_total") == 2);
    CHECK_THROWS_AS(registry.AddGauge("saga_x_total", "X"), std::invalid_argument);
    CHECK_THROWS_AS(registry.AddCounter("saga_y_total", "two\nlines"), std::invalid_argument);
    CHECK_THROWS_AS(registry.AddHistogram("saga_h", "H", {1, 1}), std::invalid_argument);
    CHECK_THROWS_AS(registry.AddHistogram("saga_h", "H", {}), std::invalid_argument);
}

TEST_CASE("metrics registry: families without series are left out") {
    Registry registry;
    registry.AddCounter("saga_unused_total", "Unused");
    CHECK(registry.Text().empty());
}

TEST_CASE("metrics registry: concurrent increments are all counted") {
    Registry registry;
    const auto family = registry.AddCounter("saga_hits_total", "Hits");
    const auto histogram = registry.AddHistogram("saga_hit_seconds", "Hit time", LatencyBuckets());
    constexpr int kThreads = 4;
    constexpr int kEach = 5000;
    {
        std::vector<std::jthread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    family.With({{"thread", std::to_string(t % 2)}}).Increment();
                    histogram.With({}).Observe(0.001);
                    if (i % 100 == 0) (void)registry.Text();
                }
            });
        }
    }
    const auto parsed = ParsePrometheusText(registry.Text());
    CHECK(parsed.Sum("saga_hits_total") == kThreads * kEach);
    CHECK(parsed.Sum("saga_hit_seconds_count") == kThreads * kEach);
}

TEST_CASE("outbox metrics: gauges show the last reading and vanish when unknown") {
    Registry registry(Labels{{"service", "s"}});
    OutboxMetrics outbox(registry);
    outbox.Set(7, 1.5);
    auto parsed = ParsePrometheusText(registry.Text());
    CHECK(parsed.types.at("saga_outbox_backlog") == "gauge");
    CHECK(parsed.Sum("saga_outbox_backlog", {{"service", "s"}}) == 7);
    CHECK(parsed.Sum("saga_outbox_oldest_unsent_age_seconds") == 1.5);

    outbox.Unknown();
    parsed = ParsePrometheusText(registry.Text());
    CHECK(parsed.Count("saga_outbox_backlog") == 0);
    CHECK(parsed.Count("saga_outbox_oldest_unsent_age_seconds") == 0);

    outbox.Set(0, 0);
    CHECK(ParsePrometheusText(registry.Text()).Count("saga_outbox_backlog") == 1);
}

}  // namespace saga::runtime::metrics
