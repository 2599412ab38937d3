#include <doctest/doctest.h>

#include <string>

#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/errors.hpp"
#include "support/live_stack.hpp"

namespace saga::test {
namespace {

namespace amqp = runtime::amqp;

/// Port 1 on loopback: nothing listens there, the connection is refused at once.
std::string DeadNode(const TestVhost& vhost) {
    std::string url = vhost.amqp_url();
    const auto port = url.find(':', url.find('@'));
    const auto slash = url.find('/', port);
    return url.substr(0, port) + ":1" + url.substr(slash);
}

}  // namespace

TEST_CASE("amqp connection: with several node URLs it connects to the first node that answers") {
    TestVhost vhost;
    amqp::Connection connection({DeadNode(vhost) + "," + vhost.amqp_url(), "failover-test"});
    connection.DeclareQueue("failover-probe", {{"x-queue-type", std::string("quorum")}});
    CHECK(vhost.MessageCount("failover-probe") == 0);
}

TEST_CASE("amqp connection: when no node answers the error names every node tried") {
    TestVhost vhost;
    const std::string dead = DeadNode(vhost);
    try {
        amqp::Connection connection({dead + "," + dead, "failover-test"});
        FAIL("connected to a node that does not exist");
    } catch (const amqp::AmqpError& error) {
        const std::string text = error.what();
        CHECK(text.find("cannot connect to 127.0.0.1:1") != std::string::npos);
        CHECK(text.find("; cannot connect to 127.0.0.1:1") != std::string::npos);
    }
}

TEST_CASE("amqp connection: every URL of a list is validated") {
    TestVhost vhost;
    CHECK_NOTHROW(amqp::ValidateUrl(vhost.amqp_url() + "," + vhost.amqp_url()));
    CHECK_THROWS_AS(amqp::ValidateUrl(vhost.amqp_url() + ",http://nope"), std::invalid_argument);
    CHECK_THROWS_AS(amqp::ValidateUrl(vhost.amqp_url() + ","), std::invalid_argument);
}

}  // namespace saga::test
