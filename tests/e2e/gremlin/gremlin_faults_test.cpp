#include <doctest/doctest.h>

#include "e2e/gremlin/gremlin_support.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

constexpr int kCrashExitCode = 86;  // runtime/gremlin/gremlin.hpp

std::string Place(SagaStack& stack, const json& body, HttpHeaders headers = {}) {
    const auto response = stack.PlaceOrder(body, std::move(headers));
    INFO(response.body);
    REQUIRE(response.status == 202);
    return response.Json()["order_id"];
}

/// Waits until the process no longer answers HTTP (it exited), then reaps it: its exit code.
int WaitForCrash(ServiceProcess& service) {
    const bool gone = Eventually(
        [&] {
            try {
                HttpClient(service.base_url(), 2s).Get("/health");
                return false;
            } catch (const std::runtime_error&) {
                return true;
            }
        },
        30s);
    REQUIRE(gone);
    return service.Stop();
}

}  // namespace

TEST_CASE("gremlin faults: latency on inventory makes an order slower, and it still settles") {
    SagaStack stack;
    stack.CreateProduct("GREM-LAT", 10);
    SetGremlin(stack.inventory(), {{"latency_ms", 1500}});

    const auto started = std::chrono::steady_clock::now();
    const auto order_id = Place(stack, OneItemOrder("GREM-LAT", 1));
    stack.WaitForStatus(order_id, "CONFIRMED");
    CHECK(std::chrono::steady_clock::now() - started >= 1500ms);
    CHECK(Scrape(stack.inventory()).Sum("saga_gremlin_injected_total", {{"kind", "latency"}}) >= 1);

    GremlinRequest(stack.inventory(), "DELETE");
    stack.CheckStockInvariant();
}

TEST_CASE("gremlin faults: failure rate 1 on payment dead-letters its events after the retries, DELETE ends it") {
    SagaStack stack;
    stack.CreateProduct("GREM-FAIL", 10);
    SetGremlin(stack.payment(), {{"failure_rate", 1.0}});

    const auto doomed = Place(stack, OneItemOrder("GREM-FAIL", 1));
    stack.WaitForStatus(doomed, "AWAITING_PAYMENT");
    // payment consumes order.created and inventory.reserved: both fail every attempt.
    CHECK(Eventually([&] { return stack.vhost().MessageCount("payment-service.dlq") == 2; }, 60s));
    // Counted once the broker confirmed the dead-letter copy, a moment after it is visible.
    CHECK(Eventually(
        [&] {
            return Scrape(stack.payment())
                       .Sum("saga_events_dead_lettered_total",
                            {{"type", "inventory.reserved"}, {"reason", "retries_exhausted"}}) == 1;
        },
        10s));
    const auto scrape = Scrape(stack.payment());
    CHECK(scrape.Sum("saga_events_dead_lettered_total", {{"reason", "poison"}}) == 0);
    CHECK(scrape.Sum("saga_events_consumed_total", {{"type", "inventory.reserved"}, {"outcome", "retried"}}) >= 1);
    CHECK(scrape.Sum("saga_gremlin_injected_total", {{"kind", "failure"}}) >= 2);
    CHECK(stack.Payments(doomed).empty());
    CHECK(stack.Order(doomed)["status"] == "AWAITING_PAYMENT");

    REQUIRE(GremlinRequest(stack.payment(), "DELETE").status == 200);
    const auto healthy = Place(stack, OneItemOrder("GREM-FAIL", 1));
    stack.WaitForStatus(healthy, "CONFIRMED");
    CHECK(stack.vhost().MessageCount("payment-service.dlq") == 2);
}

TEST_CASE("gremlin faults: SIGTERM during an injected latency stops the service without waiting it out") {
    SagaStack stack;
    stack.CreateProduct("GREM-STOP", 10);
    SetGremlin(stack.inventory(), {{"latency_ms", 30000}});
    const auto order_id = Place(stack, OneItemOrder("GREM-STOP", 1));
    REQUIRE(Eventually(
        [&] {
            return Scrape(stack.inventory()).Sum("saga_gremlin_injected_total", {{"kind", "latency"}}) >= 1;
        },
        30s));

    const auto stopping = std::chrono::steady_clock::now();
    CHECK(stack.inventory().Stop(25s) == 0);  // a clean exit, not the SIGKILL after the timeout
    CHECK(std::chrono::steady_clock::now() - stopping < 10s);

    stack.inventory().Restart();  // a fresh process: the gremlin is off again
    stack.WaitForStatus(order_id, "CONFIRMED");
    stack.CheckStockInvariant();
}

TEST_CASE("gremlin faults: inventory crashing after commit before ack settles the order once after a restart") {
    SagaStack stack;
    stack.CreateProduct("GREM-CRASH", 10);
    SetGremlin(stack.inventory(), {{"crash_after_commit_every_nth", 1}});

    const auto order_id = Place(stack, OneItemOrder("GREM-CRASH", 3));
    CHECK(WaitForCrash(stack.inventory()) == kCrashExitCode);
    // The reservation committed before the crash; order.created was never acked.
    CHECK(
        stack.database("inventory").QueryInt("SELECT count(*) FROM reservations WHERE order_id = '" + order_id + "'") ==
        1);

    stack.inventory().Restart();  // a fresh process: the gremlin is off again
    stack.WaitForStatus(order_id, "CONFIRMED");
    // The redelivered order.created met its inbox row and was skipped.
    CHECK(Eventually(
        [&] {
            return Scrape(stack.inventory())
                       .Sum("saga_events_consumed_total", {{"type", "order.created"}, {"outcome", "duplicate"}}) >= 1;
        },
        30s));
    CHECK(
        stack.database("inventory").QueryInt("SELECT count(*) FROM reservations WHERE order_id = '" + order_id + "'") ==
        1);
    CHECK(Eventually(
        [&] {
            const auto product = stack.Product("GREM-CRASH");
            return product["sold"] == 3 && product["reserved"] == 0 && product["available"] == 7;
        },
        30s));
    stack.CheckStockInvariant();
}

TEST_CASE("gremlin faults: order crashing after the commit of POST /api/orders keeps the order, a retry replays it") {
    SagaStack stack;
    stack.CreateProduct("GREM-HTTP", 10);
    SetGremlin(stack.order(), {{"crash_after_commit_every_nth", 1}});

    const json body = OneItemOrder("GREM-HTTP", 2);
    const HttpHeaders key = {{"Idempotency-Key", "gremlin-http-crash"}};
    CHECK_THROWS_AS(stack.PlaceOrder(body, key), std::runtime_error);  // no answer: the process is gone
    CHECK(WaitForCrash(stack.order()) == kCrashExitCode);
    CHECK(stack.database("order").QueryInt("SELECT count(*) FROM orders") == 1);

    stack.order().Restart();
    const auto order_id = Place(stack, body, key);  // the same key: the stored answer, no second order
    CHECK(stack.database("order").QueryInt("SELECT count(*) FROM orders") == 1);
    stack.WaitForStatus(order_id, "CONFIRMED");
    stack.CheckStockInvariant();
}

}  // namespace saga::test
