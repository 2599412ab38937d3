// Mandatory publishes: a confirm alone says the broker took a message, not that a queue did.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "runtime/amqp/connection.hpp"
#include "support/live_stack.hpp"

using namespace std::chrono_literals;

namespace saga::test {
namespace {

namespace amqp = runtime::amqp;

amqp::OutgoingMessage ToQueue(const std::string& queue, const std::string& id, bool mandatory) {
    amqp::OutgoingMessage message;
    message.routing_key = queue;  // the default exchange: straight to that queue, if it exists
    message.properties.message_id = id;
    message.body = "{}";
    message.mandatory = mandatory;
    return message;
}

}  // namespace

TEST_CASE("amqp connection: a mandatory publish that no queue takes is confirmed and reported as returned") {
    TestVhost vhost;
    amqp::Connection connection({vhost.amqp_url(), "returns-test"});
    connection.DeclareQueue("returns-probe", {{"x-queue-type", std::string("quorum")}});
    connection.EnableConfirms();

    const auto lost = connection.WaitForConfirms(connection.Publish(ToQueue("no-such-queue", "m-lost", true)), 10s);
    CHECK(lost.complete);
    CHECK(lost.nacked.empty());
    CHECK(lost.returned == std::vector<std::string>{"m-lost"});

    const auto taken = connection.WaitForConfirms(connection.Publish(ToQueue("returns-probe", "m-taken", true)), 10s);
    CHECK(taken.complete);
    CHECK(taken.returned.empty());
    CHECK(vhost.MessageCount("returns-probe") == 1);

    // Without mandatory the broker drops it silently, as before.
    const auto dropped = connection.WaitForConfirms(connection.Publish(ToQueue("no-such-queue", "m-x", false)), 10s);
    CHECK(dropped.complete);
    CHECK(dropped.returned.empty());
}

}  // namespace saga::test
