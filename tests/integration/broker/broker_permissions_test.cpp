#include <doctest/doctest.h>

#include <functional>

#include "broker_users.hpp"
#include "runtime/amqp/errors.hpp"
#include "runtime/amqp/topology.hpp"
#include "support/http_client.hpp"

namespace saga::test {
namespace {

using namespace std::chrono_literals;
namespace amqp = runtime::amqp;

constexpr int kAccessRefused = 403;

/// Each service declares its real kind of topology as itself: the definitions must allow that.
void DeclareAs(const std::string& service, std::vector<std::string> bindings) {
    amqp::Connection connection(AsService(service));
    amqp::DeclareServiceTopology(connection, {service, std::move(bindings), {200ms, 400ms}});
}

/// The broker's reply code when `action` runs on a fresh connection as `user`; 0 when it succeeded.
int ReplyCodeAs(const std::string& user, const std::function<void(amqp::Connection&)>& action) {
    amqp::Connection connection(AsService(user));
    try {
        action(connection);
    } catch (const amqp::AmqpChannelError& error) {
        const std::string refusal = user + ": " + error.what();
        MESSAGE(refusal);
        return error.code();
    }
    return 0;
}

/// Publishes with confirms and waits: a refused publish closes the channel with 403.
void PublishConfirmed(amqp::Connection& connection, const std::string& exchange, const std::string& routing_key) {
    connection.EnableConfirms();
    amqp::OutgoingMessage message{exchange, routing_key, {}, R"({"probe":true})"};
    message.properties.message_id = "permissions-probe";
    const auto sequence = connection.Publish(message);
    const auto result = connection.WaitForConfirms(sequence, 5s);
    REQUIRE(result.complete);
    REQUIRE(result.nacked.empty());
}

struct ServiceTopologies {
    ServiceTopologies() {
        DeclareAs("inventory-service", {"order.created"});
        DeclareAs("payment-service", {"inventory.reserved"});
    }
};

}  // namespace

TEST_CASE_FIXTURE(ServiceTopologies, "broker permissions: a service publishes its own events and retries") {
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { PublishConfirmed(c, "saga.events", "inventory.reserved"); }) ==
          0);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) {
              PublishConfirmed(c, amqp::RetryExchangeName("inventory-service"), "inventory-service.delay.200ms");
          }) == 0);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { PublishConfirmed(c, "saga.dlx", "inventory-service"); }) == 0);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { c.Consume("inventory-service"); }) == 0);
}

TEST_CASE_FIXTURE(ServiceTopologies, "broker permissions: a service cannot read another service's queues") {
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { c.Consume("payment-service"); }) == kAccessRefused);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { c.Get("payment-service.dlq"); }) == kAccessRefused);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { c.PurgeQueue("payment-service"); }) == kAccessRefused);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { c.BindQueue("payment-service", "saga.events", "#"); }) ==
          kAccessRefused);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) {
              c.DeclareQueue("rogue-queue", {{"x-queue-type", std::string("quorum")}});
          }) == kAccessRefused);
}

TEST_CASE_FIXTURE(ServiceTopologies,
                  "broker permissions: a service cannot publish where it does not own the exchange") {
    // The default exchange reaches every queue by name: no service may write to it.
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { PublishConfirmed(c, "", "payment-service"); }) ==
          kAccessRefused);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { PublishConfirmed(c, "amq.topic", "payment.completed"); }) ==
          kAccessRefused);
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) {
              PublishConfirmed(c, amqp::RetryExchangeName("payment-service"), "payment-service");
          }) == kAccessRefused);
    // saga.events is shared, but topic permissions let each service publish only its own event types.
    CHECK(ReplyCodeAs("inventory-service", [](auto& c) { PublishConfirmed(c, "saga.events", "payment.completed"); }) ==
          kAccessRefused);
    CHECK(ReplyCodeAs("payment-service", [](auto& c) { PublishConfirmed(c, "saga.events", "order.confirmed"); }) ==
          kAccessRefused);
}

TEST_CASE("broker permissions: service users have no other vhost and no management access") {
    CHECK_THROWS_AS(amqp::Connection({BrokerUrl("inventory-service", ServicePassword(), "%2F"), "probe"}),
                    amqp::AmqpError);
    const std::string management = StackEnv("SAGA_MGMT_URL");
    const auto response = HttpClient("http://inventory-service:" + ServicePassword() + "@" +
                                     management.substr(management.find("://") + 3))
                              .Get("/api/queues/saga");
    CHECK(response.status == 401);
}

TEST_CASE("broker permissions: guest cannot log in") {
    for (const char* vhost : {"%2F", "saga"}) {
        CAPTURE(vhost);
        CHECK_THROWS_AS(amqp::Connection({BrokerUrl("guest", "guest", vhost), "guest-probe"}), amqp::AmqpError);
    }
    const std::string management = StackEnv("SAGA_MGMT_URL");
    const auto response =
        HttpClient("http://guest:guest@" + management.substr(management.find("://") + 3)).Get("/api/overview");
    CHECK(response.status == 401);
}

}  // namespace saga::test
