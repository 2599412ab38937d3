#include <doctest/doctest.h>

#include "e2e/gremlin/gremlin_support.hpp"

using nlohmann::json;

namespace saga::test {
namespace {

bool HasFieldError(const json& problem, const std::string& field) {
    for (const auto& error : problem.value("errors", json::array())) {
        if (error.value("field", "") == field) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("gremlin admin: without ADMIN_TOKEN the routes do not exist, with it a valid bearer token is required") {
    SagaStack stack({.order_env = {}, .inventory_env = {{"ADMIN_TOKEN", ""}}});

    CHECK(GremlinRequest(stack.inventory(), "GET").status == 404);
    CHECK(GremlinRequest(stack.inventory(), "PUT", json{{"failure_rate", 1}}).status == 404);
    CHECK(GremlinRequest(stack.inventory(), "DELETE").status == 404);

    const auto anonymous = GremlinRequest(stack.order(), "GET", std::nullopt, std::nullopt);
    CHECK(anonymous.status == 401);
    CHECK(anonymous.Header("Content-Type") == "application/problem+json");
    CHECK(GremlinRequest(stack.order(), "PUT", json{{"failure_rate", 1}}, "wrong-token").status == 401);
    CHECK(GremlinRequest(stack.order(), "DELETE", std::nullopt, "wrong-token").status == 401);

    const auto allowed = GremlinRequest(stack.order(), "GET");
    REQUIRE(allowed.status == 200);
    CHECK(allowed.Json()["active"] == false);
    CHECK(allowed.Json()["description"] == "off");
    // The refused PUT changed nothing.
    CHECK(allowed.Json()["failure_rate"] == 0);
}

TEST_CASE("gremlin admin: bad settings are 400 field errors, good ones show in /health and /metrics until DELETE") {
    SagaStack stack;
    auto& payment = stack.payment();

    const auto invalid = GremlinRequest(payment, "PUT", json{{"failure_rate", 2}, {"latency_every_nth", 0}, {"x", 1}});
    REQUIRE(invalid.status == 400);
    CHECK(invalid.Header("Content-Type") == "application/problem+json");
    CHECK(HasFieldError(invalid.Json(), "failure_rate"));
    CHECK(HasFieldError(invalid.Json(), "latency_every_nth"));
    CHECK(HasFieldError(invalid.Json(), "x"));
    const auto both =
        GremlinRequest(payment, "PUT", json{{"crash_after_commit_every_nth", 5}, {"crash_after_commit_fraction", 0.5}});
    CHECK(both.status == 400);
    CHECK(HttpClient(payment.base_url())
              .Request("PUT", "/admin/gremlin", "{not json",
                       {{"Content-Type", "application/json"}, {"Authorization", std::string("Bearer ") + kAdminToken}})
              .status == 400);
    CHECK(GremlinRequest(payment, "GET").Json()["active"] == false);
    CHECK_FALSE(Health(payment)["checks"].contains("gremlin"));  // absent while off
    CHECK(Scrape(payment).Sum("saga_gremlin_active") == 0);

    const auto state = SetGremlin(
        payment,
        {{"latency_ms", 200}, {"latency_every_nth", 10}, {"failure_rate", 0.05}, {"crash_after_commit_every_nth", 50}});
    CHECK(state["active"] == true);
    CHECK(state["latency_every_nth"] == 10);
    CHECK(state["crash_after_commit_every_nth"] == 50);
    CHECK(state["crash_after_commit_fraction"].is_null());
    const auto health = Health(payment);
    CHECK(health["status"] == "ok");  // sabotaged, not sick
    CHECK(health["checks"]["gremlin"] == "latency 200ms every 10th; failure 5%; crash after commit every 50th");
    const auto on = Scrape(payment);
    CHECK(on.Sum("saga_gremlin_active", {{"service", "payment-service"}}) == 1);
    for (const std::string kind : {"latency", "failure", "crash"}) {
        CHECK(on.Count("saga_gremlin_injected_total", {{"kind", kind}}) == 1);
    }

    const auto off = GremlinRequest(payment, "DELETE");
    REQUIRE(off.status == 200);
    CHECK(off.Json()["active"] == false);
    CHECK_FALSE(Health(payment)["checks"].contains("gremlin"));
    CHECK(Scrape(payment).Sum("saga_gremlin_active") == 0);
}

}  // namespace saga::test
