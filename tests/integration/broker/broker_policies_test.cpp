#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "broker_users.hpp"
#include "runtime/amqp/topology.hpp"
#include "support/http_client.hpp"

namespace saga::test {
namespace {

using namespace std::chrono_literals;

nlohmann::json Definitions() {
    std::ifstream file(std::string(SAGA_SOURCE_DIR) + "/deploy/rabbitmq/definitions.template.json");
    return nlohmann::json::parse(file);
}

nlohmann::json WorkQueuePolicy() {
    const nlohmann::json definitions = Definitions();
    for (const auto& policy : definitions["policies"]) {
        if (policy["name"] == "work-queues") return policy;
    }
    FAIL("definitions.template.json has no 'work-queues' policy");
    return nullptr;
}

/// GET on the harness's management API as admin.
nlohmann::json ManagementGet(const std::string& path) {
    const std::string url = StackEnv("SAGA_MGMT_URL");
    const auto response = HttpClient(fmt::format("http://{}:{}@{}", StackEnv("SAGA_MGMT_USER"),
                                                 StackEnv("SAGA_MGMT_PASSWORD"), url.substr(url.find("://") + 3)))
                              .Get(path);
    REQUIRE(response.status == 200);
    return response.Json();
}

}  // namespace

TEST_CASE("broker policies: the work-queue policy matches the work queues only") {
    const std::regex pattern(WorkQueuePolicy()["pattern"].get<std::string>());
    for (const char* queue : {"order-service", "inventory-service", "payment-service", "notification-service"}) {
        CHECK(std::regex_search(queue, pattern));
    }
    for (const char* queue : {"order-service.dlq", "payment-service.delay.1000ms", "e2e-tap", "order-service-x"}) {
        CHECK_FALSE(std::regex_search(queue, pattern));
    }
}

TEST_CASE("broker policies: the policy says what the services declare as queue arguments") {
    // Services declare these settings themselves (and verify them at start); the policy holds the
    // same values for queues declared by other tools. The two must not drift apart.
    TestVhost vhost;
    runtime::amqp::Connection admin({vhost.amqp_url(), "policy-test"});
    runtime::amqp::DeclareServiceTopology(admin, {"order-service", {"payment.completed"}, {200ms}});
    nlohmann::json queue;
    REQUIRE(Eventually(
        [&] {
            queue = vhost.Queue("order-service");
            return queue.is_object() && queue.contains("arguments");
        },
        15s));
    const auto arguments = queue["arguments"];
    const nlohmann::json policy = WorkQueuePolicy();
    for (const auto& [key, value] : policy["definition"].items()) {
        CAPTURE(key);
        CHECK(arguments.value("x-" + key, nlohmann::json()) == value);
    }
}

TEST_CASE("broker policies: the broker applies the policy to a service's work queue") {
    {
        runtime::amqp::Connection connection(AsService("notification-service"));
        runtime::amqp::DeclareServiceTopology(connection, {"notification-service", {"order.confirmed"}, {200ms}});
    }
    // The management API learns of a new queue's details from periodic statistics: poll.
    nlohmann::json queue;
    const bool seen = Eventually(
        [&] {
            queue = ManagementGet("/api/queues/saga/notification-service");
            return queue.contains("policy");
        },
        15s);
    INFO(queue.dump());
    REQUIRE(seen);
    CHECK(queue["policy"] == "work-queues");
    CHECK(queue.value("type", "") == "quorum");
    CHECK(ManagementGet("/api/queues/saga/notification-service.dlq").value("policy", nlohmann::json()).is_null());
}

}  // namespace saga::test
