#pragma once

#include <fstream>
#include <string>

#include "runtime/amqp/connection.hpp"
#include "support/live_stack.hpp"

namespace saga::test {

/// amqp://<user>:<password>@127.0.0.1:<port>/<vhost> on the harness's broker.
inline std::string BrokerUrl(const std::string& user, const std::string& password, const std::string& vhost = "saga") {
    return "amqp://" + user + ":" + password + "@127.0.0.1:" + StackEnv("SAGA_AMQP_PORT") + "/" + vhost;
}

/// The password the stack generated for the service users (deploy/local/lib/stack).
inline std::string ServicePassword() {
    std::ifstream file(StackEnv("SAGA_STACK_DIR") + "/rabbitmq/service_password");
    std::string password;
    std::getline(file, password);
    if (password.empty()) throw std::runtime_error("no service password in the stack directory");
    return password;
}

/// A connection as one service's own broker user, e.g. "inventory-service".
inline runtime::amqp::ConnectionOptions AsService(const std::string& user) {
    return {BrokerUrl(user, ServicePassword()), "permissions-test " + user};
}

}  // namespace saga::test
