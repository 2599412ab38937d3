#include "runtime/metrics/event_metrics.hpp"

#include <doctest/doctest.h>

#include "prometheus_text.hpp"
#include "runtime/metrics/http_metrics.hpp"
#include "runtime/metrics/registry.hpp"

namespace saga::runtime::metrics {

using namespace std::chrono_literals;
using test::ParsePrometheusText;

TEST_CASE("event metrics: consumed outcomes, dead letters and handler times by type") {
    Registry registry(Labels{{"service", "payment-service"}});
    EventMetrics events(registry);
    events.Handled("inventory.reserved", 2ms);
    events.Handled("inventory.reserved", 20ms);
    events.Duplicate("inventory.reserved");
    events.Retried("order.cancelled");
    events.DeadLettered("order.cancelled", DeadLetterReason::kRetriesExhausted);
    events.DeadLettered("unknown", DeadLetterReason::kPoison);

    const auto m = ParsePrometheusText(registry.Text());
    const std::string consumed = "saga_events_consumed_total";
    CHECK(m.Sum(consumed, {{"type", "inventory.reserved"}, {"outcome", "handled"}}) == 2);
    CHECK(m.Sum(consumed, {{"type", "inventory.reserved"}, {"outcome", "duplicate"}}) == 1);
    CHECK(m.Sum(consumed, {{"type", "order.cancelled"}, {"outcome", "retried"}}) == 1);
    CHECK(m.Sum(consumed, {{"type", "order.cancelled"}, {"outcome", "dead_lettered"}}) == 1);
    CHECK(m.Sum(consumed, {{"type", "unknown"}, {"outcome", "dead_lettered"}}) == 1);
    CHECK(m.Sum(consumed, {{"service", "payment-service"}}) == 6);

    const std::string dead = "saga_events_dead_lettered_total";
    CHECK(m.Sum(dead, {{"type", "order.cancelled"}, {"reason", "retries_exhausted"}}) == 1);
    CHECK(m.Sum(dead, {{"type", "order.cancelled"}, {"reason", "poison"}}) == 0);
    CHECK(m.Sum(dead, {{"type", "unknown"}, {"reason", "poison"}}) == 1);

    CHECK(m.Sum("saga_handler_duration_seconds_count", {{"type", "inventory.reserved"}}) == 2);
    CHECK(m.Sum("saga_handler_duration_seconds_bucket", {{"type", "inventory.reserved"}, {"le", "0.005"}}) == 1);
    CHECK(m.Sum("saga_handler_duration_seconds_sum", {{"type", "inventory.reserved"}}) == doctest::Approx(0.022));
    CHECK(m.Sum("saga_handler_duration_seconds_count", {{"type", "order.cancelled"}}) == 0);
}

TEST_CASE("event metrics: a declared type shows every consumer series at zero") {
    Registry registry;
    EventMetrics events(registry);
    events.DeclareConsumed("order.created");
    const auto m = ParsePrometheusText(registry.Text());
    CHECK(m.Count("saga_events_consumed_total", {{"type", "order.created"}}) == 4);
    CHECK(m.Count("saga_events_dead_lettered_total", {{"type", "order.created"}}) == 2);
    CHECK(m.Count("saga_handler_duration_seconds_count", {{"type", "order.created"}}) == 1);
    CHECK(m.Sum("saga_events_consumed_total") == 0);
    CHECK(m.Count("saga_events_published_total") == 0);
}

TEST_CASE("event metrics: published events by type") {
    Registry registry;
    EventMetrics events(registry);
    events.Published("order.created");
    events.Published("order.created", 4);
    events.Published("order.confirmed");
    const auto m = ParsePrometheusText(registry.Text());
    CHECK(m.types.at("saga_events_published_total") == "counter");
    CHECK(m.Sum("saga_events_published_total", {{"type", "order.created"}}) == 5);
    CHECK(m.Sum("saga_events_published_total", {{"type", "order.confirmed"}}) == 1);
}

TEST_CASE("http metrics: requests by method, route and status, durations by method and route") {
    Registry registry(Labels{{"service", "order-service"}});
    HttpMetrics http(registry);
    http.Record("POST", "/api/orders", 202, 3ms);
    http.Record("POST", "/api/orders", 400, 1ms);
    http.Record("GET", "/api/orders/{order_id}", 200, 2ms);
    http.Record("GET", "<unmatched>", 404, 1ms);

    const auto m = ParsePrometheusText(registry.Text());
    const std::string requests = "saga_http_requests_total";
    CHECK(m.Sum(requests, {{"method", "POST"}, {"route", "/api/orders"}, {"status", "202"}}) == 1);
    CHECK(m.Sum(requests, {{"method", "POST"}, {"route", "/api/orders"}}) == 2);
    CHECK(m.Sum(requests, {{"route", "<unmatched>"}, {"status", "404"}}) == 1);
    CHECK(m.types.at("saga_http_request_duration_seconds") == "histogram");
    CHECK(m.Sum("saga_http_request_duration_seconds_count", {{"method", "POST"}, {"route", "/api/orders"}}) == 2);
    CHECK(m.Count("saga_http_request_duration_seconds_count", {{"status", "202"}}) == 0);
}

TEST_CASE("http metrics: unusual methods share one label value") {
    Registry registry;
    HttpMetrics http(registry);
    http.Record("BREW", "<unmatched>", 405, 1ms);
    http.Record("X-ANYTHING", "<unmatched>", 405, 1ms);
    const auto m = ParsePrometheusText(registry.Text());
    CHECK(m.Sum("saga_http_requests_total", {{"method", "OTHER"}}) == 2);
    CHECK(m.Count("saga_http_requests_total") == 1);
}

}  // namespace saga::runtime::metrics
