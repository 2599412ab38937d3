#include <doctest/doctest.h>
#include <fmt/format.h>
#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"
#include "support/live_stack.hpp"

using namespace std::chrono_literals;

namespace saga::test {
namespace {

namespace amqp = runtime::amqp;

/// A RabbitMQ of its own, started by deploy/local/lib/stack in a new directory: nothing has
/// connected to it yet, so what exists on it came from the definitions it loaded at boot.
class FreshBroker {
  public:
    FreshBroker() {
        std::string pattern = (std::filesystem::temp_directory_path() / "saga-fresh-broker-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = pattern;
        Ctl("start-rabbitmq");
    }
    ~FreshBroker() {
        try {
            Ctl("stop-rabbitmq");
            std::filesystem::remove_all(dir_);
        } catch (const std::exception& error) {
            fmt::print(stderr, "FreshBroker: {} (left in {})\n", error.what(), dir_);
        }
    }
    FreshBroker(const FreshBroker&) = delete;
    FreshBroker& operator=(const FreshBroker&) = delete;

    /// amqp://<user>:<password>@127.0.0.1:<port>/saga
    amqp::ConnectionOptions As(const std::string& user) const {
        const std::string password = user == "admin" ? File("admin_password") : File("service_password");
        return {fmt::format("amqp://{}:{}@127.0.0.1:{}/saga", user, password, File("amqp_port")), "boot-test " + user};
    }

  private:
    void Ctl(const std::string& command) const {
        const std::string line = fmt::format("'{}' {} '{}'", StackEnv("SAGA_STACK_CTL"), command, dir_);
        if (std::system(line.c_str()) != 0) throw std::runtime_error("stack command failed: " + line);
    }
    std::string File(const std::string& name) const {
        std::ifstream in(dir_ + "/rabbitmq/" + name);
        std::string value;
        if (!std::getline(in, value) || value.empty()) throw std::runtime_error("no " + name + " in " + dir_);
        return value;
    }

    std::string dir_;
};

/// Publishes one event as `service` to saga.events, as its relay would once started (exchanges
/// declared), and waits for the broker's confirm.
void PublishAs(const FreshBroker& broker, const std::string& service, const std::string& type) {
    amqp::Connection connection(broker.As(service));
    amqp::DeclareExchanges(connection);
    connection.EnableConfirms();
    amqp::OutgoingMessage message{amqp::kEventsExchange, type, {}, R"({"probe":true})"};
    message.properties.message_id = "boot-probe-" + type;
    const auto confirmed = connection.WaitForConfirms(connection.Publish(message), 5s);
    REQUIRE(confirmed.complete);
    REQUIRE(confirmed.nacked.empty());
}

}  // namespace

TEST_CASE("broker definitions: before any service has started, an event already reaches every consumer's queue") {
    // Services declare their own queues, but an event published before its consumers first
    // started (docker compose starts them all at once) was confirmed and routed nowhere: lost.
    FreshBroker broker;
    PublishAs(broker, "order-service", "order.created");
    PublishAs(broker, "inventory-service", "inventory.reserved");
    PublishAs(broker, "payment-service", "payment.completed");
    PublishAs(broker, "order-service", "order.confirmed");

    amqp::Connection admin(broker.As("admin"));
    const auto messages = [&](const std::string& queue) { return admin.InspectQueue(queue).messages; };
    CHECK(messages("inventory-service") == 2);     // order.created, order.confirmed
    CHECK(messages("payment-service") == 2);       // order.created, inventory.reserved
    CHECK(messages("order-service") == 2);         // inventory.reserved, payment.completed
    CHECK(messages("notification-service") == 1);  // order.confirmed
    for (const char* queue : {"order-service", "inventory-service", "payment-service", "notification-service"}) {
        CAPTURE(queue);
        CHECK(messages(amqp::DeadLetterQueueName(queue)) == 0);
    }
}

TEST_CASE("broker definitions: a service starting on them declares its topology without a mismatch") {
    FreshBroker broker;
    for (const char* service : {"order-service", "inventory-service", "payment-service", "notification-service"}) {
        CAPTURE(service);
        amqp::Connection connection(broker.As(service));
        CHECK_NOTHROW(amqp::DeclareServiceTopology(connection, {service, {}, {200ms, 400ms}}));
    }
}

}  // namespace saga::test
