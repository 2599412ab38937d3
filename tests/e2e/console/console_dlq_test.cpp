#include <doctest/doctest.h>

#include "e2e/console/console_server.hpp"
#include "e2e/stack/saga_stack.hpp"
#include "runtime/amqp/connection.hpp"
#include "support/live_stack.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

constexpr const char* kDlq = "inventory-service.dlq";
constexpr const char* kTarget = "console-e2e-target";  // consumed by nobody, so a replay stays visible

/// A vhost with one DLQ and the queue its messages came from, and no services.
struct DlqBroker {
    TestVhost vhost;
    runtime::amqp::Connection admin{{vhost.amqp_url(), "console-e2e-admin"}};

    DlqBroker() {
        admin.DeclareQueue(kDlq, {{"x-queue-type", std::string("quorum")}});
        admin.DeclareQueue(kTarget, {{"x-queue-type", std::string("quorum")}});
        admin.EnableConfirms();
    }

    void DeadLetter(const std::string& id) {
        runtime::amqp::OutgoingMessage m;
        m.routing_key = kDlq;
        m.body = json{{"id", id}, {"type", "order.created"}, {"subject", "ord-" + id}, {"data", json::object()}}.dump();
        m.properties.message_id = id;
        m.properties.type = "order.created";
        m.properties.content_type = "application/cloudevents+json";
        m.properties.headers = {{"x-original-queue", std::string(kTarget)},
                                {"x-failure-reason", std::string("retries_exhausted")},
                                {"x-exception-type", std::string("std::runtime_error")},
                                {"x-exception-message", std::string("boom")},
                                {"x-attempts", std::int64_t{5}},
                                {"x-first-failed-at", std::string("2026-12-01T06:00:00.000Z")},
                                {"x-last-failed-at", std::string("2026-12-01T06:01:00.000Z")}};
        REQUIRE(admin.WaitForConfirms(admin.Publish(m), 10s).complete);
    }
};

HttpHeaders Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

}  // namespace

TEST_CASE("console dlq: messages are listed, and replayed or purged only with the admin token") {
    DlqBroker broker;
    broker.DeadLetter("m-1");
    broker.DeadLetter("m-2");
    broker.DeadLetter("m-3");
    REQUIRE(Eventually([&] { return broker.vhost.MessageCount(kDlq) == 3; }, 10s));
    ConsoleServer console(broker.vhost);
    auto client = console.Client();

    const auto listed = client.Get("/console/api/dlq?queue=inventory");
    INFO(listed.body);
    REQUIRE(listed.status == 200);
    const json messages = listed.Json()["messages"];
    REQUIRE(messages.size() == 3);
    const json& first = messages[0];
    CHECK(first["queue"] == kDlq);
    CHECK(first["message_id"] == "m-1");
    CHECK(first["type"] == "order.created");
    CHECK(first["subject"] == "ord-m-1");
    CHECK(first["reason"] == "retries_exhausted");
    CHECK(first["attempts"] == 5);
    CHECK(first["failed_at"] == "2026-12-01T06:01:00.000Z");
    CHECK(first["replays"] == 0);
    CHECK(first["error"].get<std::string>().find("boom") != std::string::npos);
    CHECK(first["headers"]["x-original-queue"] == kTarget);
    CHECK(json::parse(first["body"].get<std::string>())["id"] == "m-1");
    CHECK(client.Get("/console/api/dlq?type=payment.completed").Json()["messages"].empty());
    CHECK(client.Get("/console/api/dlq?limit=1").Json()["messages"].size() == 1);
    CHECK(client.Get("/console/api/dlq?limit=zero").status == 400);
    CHECK(client.Get("/console/api/dlq?queue=no-such").status == 404);
    // Past AMQP's 255-byte queue names: the request's fault, not the broker's (it answered 503).
    const auto long_queue = client.Get("/console/api/dlq?queue=" + std::string(300, 'q'));
    CHECK(long_queue.status == 400);
    CHECK(long_queue.Header("Content-Type").value_or("").starts_with("application/problem+json"));
    for (const char* limit : {"+1", "%201", "1%20", "0x10", "-1", "1e3"}) {
        CAPTURE(std::string(limit));
        CHECK(client.Get(std::string("/console/api/dlq?limit=") + limit).status == 400);
    }
    CHECK(client.Get("/console/api/dlq?limit=010").Json()["messages"].size() == 3);
    // since 2 h ago, until 3 h ago: swapped, a window no message can be in.
    CHECK(client.Get("/console/api/dlq?since=2h&until=3h").status == 400);

    const json replay_m2 = {{"ids", {"m-2"}}};
    const auto anonymous = client.PostJson("/console/api/dlq/replay", replay_m2);
    CHECK(anonymous.status == 401);
    CHECK(anonymous.Header("Content-Type").value_or("").starts_with("application/problem+json"));
    CHECK(client.PostJson("/console/api/dlq/replay", replay_m2, Bearer("wrong")).status == 401);
    CHECK(client.PostJson("/console/api/dlq/purge", {{"ids", {"m-1"}}}).status == 401);
    CHECK(broker.vhost.MessageCount(kDlq) == 3);
    // The scheme's letter case does not matter (RFC 9110 11.1): past the token check, m-404 is unknown.
    CHECK(client
              .PostJson("/console/api/dlq/replay", {{"ids", {"m-404"}}},
                        {{"Authorization", std::string("bearer ") + kAdminToken}})
              .status == 404);

    const auto unknown = client.PostJson("/console/api/dlq/replay", {{"ids", {"m-2", "m-404"}}}, Bearer(kAdminToken));
    CHECK(unknown.status == 404);
    CHECK(unknown.Json()["detail"].get<std::string>().find("m-404") != std::string::npos);
    CHECK(broker.vhost.MessageCount(kDlq) == 3);
    CHECK(broker.vhost.MessageCount(kTarget) == 0);

    // A field these endpoints do not know is refused, never ignored: {"all": true, "type": …}
    // purged every queue, and {"ids": […], "dry_run": true} really replayed.
    for (const auto& [path, body] : std::vector<std::pair<std::string, json>>{
             {"/console/api/dlq/purge", {{"all", true}, {"type", "payment.completed"}}},
             {"/console/api/dlq/purge", {{"all", true}, {"id", "m-3"}}},
             {"/console/api/dlq/replay", {{"ids", {"m-2"}}, {"dry_run", true}}}}) {
        CAPTURE(body.dump());
        const auto refused = client.PostJson(path, body, Bearer(kAdminToken));
        CHECK(refused.status == 400);
        CHECK(refused.body.find(body.contains("all") ? (body.contains("id") ? "id" : "type") : "dry_run") !=
              std::string::npos);
    }
    CHECK(broker.vhost.MessageCount(kDlq) == 3);
    CHECK(broker.vhost.MessageCount(kTarget) == 0);

    const auto replayed = client.PostJson("/console/api/dlq/replay", replay_m2, Bearer(kAdminToken));
    INFO(replayed.body);
    REQUIRE(replayed.status == 200);
    CHECK(replayed.Json()["replayed"] == 1);
    CHECK(replayed.Json()["skipped"] == 0);
    CHECK(replayed.Json()["failed"] == 0);
    CHECK(replayed.Json()["lines"].is_array());
    std::optional<runtime::amqp::Delivery> delivered;
    REQUIRE(Eventually([&] { return (delivered = broker.admin.Get(kTarget)).has_value(); }, 10s));
    CHECK(delivered->properties.message_id == "m-2");
    broker.admin.Ack(delivered->delivery_tag);

    const auto purged = client.PostJson("/console/api/dlq/purge", {{"ids", {"m-1"}}}, Bearer(kAdminToken));
    INFO(purged.body);
    REQUIRE(purged.status == 200);
    CHECK(purged.Json()["purged"] == 1);
    const json left = client.Get("/console/api/dlq").Json()["messages"];
    REQUIRE(left.size() == 1);
    CHECK(left[0]["message_id"] == "m-3");

    CHECK(client.PostJson("/console/api/dlq/purge", {{"all", true}, {"queue", kDlq}}, Bearer(kAdminToken))
              .Json()["purged"] == 1);
    CHECK(broker.vhost.MessageCount(kDlq) == 0);
}

TEST_CASE("console dlq: without an ADMIN_TOKEN the changing endpoints do not exist") {
    DlqBroker broker;
    broker.DeadLetter("m-1");
    ConsoleServer console(broker.vhost, {{"ADMIN_TOKEN", ""}});
    auto client = console.Client();
    CHECK(client.PostJson("/console/api/dlq/replay", {{"ids", {"m-1"}}}, Bearer("anything")).status == 404);
    CHECK(client.PostJson("/console/api/dlq/purge", {{"all", true}}, Bearer("anything")).status == 404);
    CHECK(Eventually([&] { return client.Get("/console/api/dlq").Json()["messages"].size() == 1; }, 10s));
}

}  // namespace saga::test
