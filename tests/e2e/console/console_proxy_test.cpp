#include <doctest/doctest.h>

#include "e2e/console/console_server.hpp"
#include "e2e/stack/saga_stack.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

json OrderBody() {
    return {{"customer_id", "c-console"},
            {"items", json::array({{{"product_id", "PROD-004"}, {"quantity", 1}}})},
            {"payment_token", "tok_visa"}};
}

bool IsProblem(const HttpResponse& response) {
    return response.Header("Content-Type").value_or("").starts_with("application/problem+json");
}

}  // namespace

TEST_CASE("console proxy: an order is created and read through the console with Idempotency-Key and Location") {
    SagaStack stack;
    ConsoleServer console(stack);
    auto client = console.Client();

    const HttpHeaders headers = {{"Idempotency-Key", "console-key-1"}, {"X-Correlation-ID", "console-corr-1"}};
    const auto created = client.PostJson("/api/orders", OrderBody(), headers);
    INFO(created.body);
    REQUIRE(created.status == 202);
    CHECK(created.Header("Content-Type").value_or("").starts_with("application/json"));
    CHECK(created.Header("X-Correlation-ID") == "console-corr-1");
    const std::string order_id = created.Json()["order_id"];
    const auto location = created.Header("Location");
    REQUIRE(location == "/api/orders/" + order_id);

    // The same key and body give the same order: the header reached the order service.
    const auto again = client.PostJson("/api/orders", OrderBody(), headers);
    CHECK(again.status == 202);
    CHECK(again.Json()["order_id"] == order_id);

    const auto read = client.Get(*location);
    REQUIRE(read.status == 200);
    CHECK(read.Json()["order_id"] == order_id);
    stack.WaitForStatus(order_id, "CONFIRMED");

    // Query strings pass through, re-encoded.
    const auto listed = client.Get("/api/orders?customer_id=c-console&limit=5");
    REQUIRE(listed.status == 200);
    CHECK(listed.Json()["orders"].size() == 1);
    const auto payments = client.Get("/api/payments?order_id=" + order_id);
    REQUIRE(payments.status == 200);
    CHECK(payments.Json()["payments"].size() == 1);

    // A service's own error comes back as it is.
    const auto invalid = client.PostJson("/api/orders", {{"customer_id", "c-console"}, {"items", json::array()}});
    CHECK(invalid.status == 400);
    CHECK(IsProblem(invalid));
    CHECK(client.Get("/api/inventory/NO-SUCH-PRODUCT").status == 404);

    // "%2e%2e" and "%2f" are decoded before routing, so these match "/api/orders/{p0}/..."; a
    // forwarded ".." would leave the service's /api prefix and reach its /metrics or its admin API.
    for (const std::string path : {"/api/orders/%2e%2e/%2e%2e/metrics", "/api/orders/x%2f..%2f..%2f..%2fmetrics",
                                   "/api/inventory/%2E%2E/%2E%2E/health", "/api/orders/./o-1"}) {
        CAPTURE(path);
        const auto refused = client.Get(path);
        CHECK(refused.status == 404);
        CHECK(IsProblem(refused));
        CHECK(refused.body.find("# HELP") == std::string::npos);
    }
    const auto gremlin =
        client.Request("PUT", "/api/inventory/%2e%2e/%2e%2e/admin/gremlin", R"({"failure_rate":1.0})",
                       {{"Content-Type", "application/json"}, {"Authorization", std::string("Bearer ") + kAdminToken}});
    CHECK(gremlin.status == 404);
    CHECK_FALSE(HttpClient(stack.inventory().base_url()).Get("/health").Json()["checks"].contains("gremlin"));
}

TEST_CASE("console static files: the web root is served, paths leaving it are refused") {
    TestVhost vhost;
    ConsoleServer console(vhost);
    auto client = console.Client();

    const auto index = client.Get("/");
    REQUIRE(index.status == 200);
    CHECK(index.Header("Content-Type").value_or("").starts_with("text/html"));
    CHECK(index.body.find("<html") != std::string::npos);
    const auto script = client.Get("/app.js");
    CHECK(script.status == 200);
    CHECK(script.Header("Content-Type").value_or("").starts_with("text/javascript"));
    const auto style = client.Get("/style.css");
    CHECK(style.status == 200);
    CHECK(style.Header("Content-Type").value_or("").starts_with("text/css"));

    // %2e%2e is decoded to ".." before routing; curl would normalise a literal "/../" itself.
    for (const char* path : {"/%2e%2e/CMakeLists.txt", "/views/%2e%2e/%2e%2e/CMakeLists.txt", "/views", "/views/",
                             "/no-such-file.js", "/%2e%2e%2fCMakeLists.txt"}) {
        CAPTURE(path);
        const auto refused = client.Get(path);
        CHECK(refused.status == 404);
        CHECK(refused.body.find("add_library") == std::string::npos);
    }
}

TEST_CASE("console proxy: a stopped backend gives 502 and shows as unreachable while the others still work") {
    SagaStack stack;
    ConsoleServer console(stack);
    auto client = console.Client();
    stack.payment().Stop();

    const auto down = client.Get("/api/payments?order_id=ord-1");
    INFO(down.body);
    CHECK(down.status == 502);
    CHECK(IsProblem(down));
    CHECK(down.Json()["status"] == 502);
    CHECK(down.Json()["service"] == "payment");
    CHECK(down.Json()["detail"].get<std::string>().find("payment") != std::string::npos);

    const auto health = client.Get("/console/api/health");
    REQUIRE(health.status == 200);
    const json services = health.Json()["services"];
    INFO(services.dump());
    CHECK(services["payment"]["status"] == "unreachable");
    CHECK(services["order"]["status"] == "ok");
    CHECK(services["inventory"]["status"] == "ok");

    CHECK(client.Get("/api/inventory").status == 200);
    CHECK(client.Get("/").status == 200);
}

}  // namespace saga::test
