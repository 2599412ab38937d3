#include <doctest/doctest.h>

#include <set>

#include "e2e/console/console_server.hpp"
#include "e2e/stack/saga_stack.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {

TEST_CASE("console health: every service is ok and the SLA turns green once an order settles") {
    SagaStack stack;
    // A threshold no sanitizer build on a busy machine misses: this checks the light, not the speed.
    ConsoleServer console(stack, {{"SLA_THRESHOLD", "60s"}});
    auto client = console.Client();

    const auto first = client.Get("/console/api/health");
    REQUIRE(first.status == 200);
    const json health = first.Json();
    INFO(health.dump());
    for (const char* service : {"order", "inventory", "payment", "notification"}) {
        CAPTURE(service);
        CHECK(health["services"][service]["status"] == "ok");
        CHECK(health["services"][service]["checks"].is_object());
    }
    CHECK(health["sla"]["window_seconds"] == 30);
    CHECK(health["sla"]["threshold_seconds"] == 60.0);
    CHECK(health["sla"]["status"] == "unknown");
    CHECK(health["sla"]["average_latency_seconds"].is_null());
    CHECK(health["sla"]["settled_in_window"] == 0);

    const auto created = client.PostJson(
        "/api/orders",
        {{"customer_id", "c-sla"}, {"items", json::array({{{"product_id", "PROD-005"}, {"quantity", 1}}})}});
    REQUIRE(created.status == 202);
    stack.WaitForStatus(created.Json()["order_id"], "CONFIRMED");

    json sla;
    const bool green = Eventually(
        [&] {
            sla = client.Get("/console/api/health").Json()["sla"];
            return sla["status"] == "green";
        },
        15s);
    INFO(sla.dump());
    CHECK(green);
    CHECK(sla["settled_in_window"].get<long>() >= 1);
    CHECK(sla["average_latency_seconds"].get<double>() > 0.0);
    CHECK(sla["average_latency_seconds"].get<double>() < 60.0);

    const auto links = client.Get("/console/api/links").Json();
    CHECK(links["management_ui"].is_string());
    CHECK(links["grafana"].is_string());
}

TEST_CASE("console timeline: a confirmed order's timeline has all four services") {
    SagaStack stack;
    ConsoleServer console(stack);
    auto client = console.Client();

    const auto created =
        client.PostJson("/api/orders", {{"customer_id", "c-timeline"},
                                        {"email", "t@example.com"},
                                        {"items", json::array({{{"product_id", "PROD-001"}, {"quantity", 1}}})}});
    REQUIRE(created.status == 202);
    const std::string order_id = created.Json()["order_id"];
    stack.WaitForStatus(order_id, "CONFIRMED");

    json body;
    std::set<std::string> services;
    const bool complete = Eventually(
        [&] {
            const auto response = client.Get("/console/api/orders/" + order_id + "/timeline");
            if (response.status != 200) return false;
            body = response.Json();
            services.clear();
            for (const auto& entry : body["timeline"]) services.insert(entry["service"].get<std::string>());
            return services.size() == 4;
        },
        20s);
    INFO(body.dump(2));
    CHECK(complete);
    CHECK(body["order_id"] == order_id);
    CHECK(services == std::set<std::string>{"order", "inventory", "payment", "notification"});
    for (const auto& entry : body["timeline"]) {
        CHECK(entry["at"].is_string());
        CHECK(entry["what"].is_string());
        CHECK(entry.contains("details"));
    }

    const auto unknown = client.Get("/console/api/orders/no-such-order/timeline");
    CHECK(unknown.status == 404);
    CHECK(unknown.Header("Content-Type").value_or("").starts_with("application/problem+json"));
    // An id that is not UTF-8 text names no order either (it used to reach PostgreSQL: 500).
    CHECK(client.Get("/console/api/orders/%FF/timeline").status == 404);
}

TEST_CASE("console queues: the vhost's queues with their consumers come from the management API") {
    SagaStack stack;
    ConsoleServer console(stack);
    auto client = console.Client();
    // The management API refreshes its statistics every few seconds: consumers show up with a delay.
    json order_queue;
    std::string last;
    const bool consumed = Eventually(
        [&] {
            const auto response = client.Get("/console/api/queues");
            last = response.body;
            if (response.status != 200) return false;
            const json queues = response.Json()["queues"];
            for (const auto& q : queues) {
                if (q["name"] == "order-service") order_queue = q;
            }
            return order_queue.is_object() && order_queue["consumers"].get<long>() >= 1;
        },
        30s);
    INFO(last);
    CHECK(consumed);
    CHECK(order_queue["messages_ready"].is_number());
    CHECK(order_queue["messages_unacknowledged"].is_number());
}

}  // namespace saga::test
