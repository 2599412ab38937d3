// GET /api/notifications validation, and start-up configuration checks.
#include <doctest/doctest.h>

#include "notification_fixture.hpp"
#include "support/http_client.hpp"

using namespace saga;
using namespace saga::test;

TEST_CASE("notification api: order_id is required and validated — an unknown order has no notifications") {
    NotificationStack stack;
    HttpClient client(stack.service().base_url());

    const auto missing = client.Get("/api/notifications");
    CHECK(missing.status == 400);
    CHECK(missing.Header("Content-Type").value_or("").find("application/problem+json") != std::string::npos);
    CHECK(missing.Json().at("errors").at(0).at("field") == "order_id");

    const auto malformed = client.Get("/api/notifications?order_id=bad%20id!");
    CHECK(malformed.status == 400);
    CHECK(malformed.Json().at("errors").at(0).at("field") == "order_id");

    CHECK(client.Get("/api/notifications?order_id=" + std::string(65, 'x')).status == 400);

    const auto unknown = client.Get("/api/notifications?order_id=o-unknown");
    CHECK(unknown.status == 200);
    CHECK(unknown.Json() == nlohmann::json{{"notifications", nlohmann::json::array()}});
}

TEST_CASE("notification config: the webhook channel without WEBHOOK_URL refuses to start") {
    TestDatabase database;
    TestVhost vhost;
    CHECK_THROWS_WITH_AS(ServiceProcess(SAGA_NOTIFICATION_BINARY, {{"DATABASE_URL", database.url()},
                                                                   {"AMQP_URL", vhost.amqp_url()},
                                                                   {"NOTIFY_CHANNEL", "webhook"}}),
                         doctest::Contains("exited during start"), std::runtime_error);
}
