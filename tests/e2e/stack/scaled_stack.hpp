#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/live_stack.hpp"
#include "support/service_process.hpp"

namespace saga::test {

/// Several processes of each of the four real service binaries at once: every instance of a
/// service shares that service's database (one outbox, one inbox: relays share the outbox) and
/// the one vhost (one work queue: competing consumers), each on its own HTTP port.
class ScaledStack {
  public:
    using Env = std::map<std::string, std::string>;
    /// AMQP URL for instance `index` of a service, given the stack's vhost.
    using AmqpUrlFor = std::function<std::string(const TestVhost& vhost, int index)>;
    struct Options {
        int instances = 2;
        /// Default: every instance uses vhost().amqp_url().
        AmqpUrlFor amqp_url;
    };

    /// "order", "inventory", "payment", "notification": the order they start in.
    static const std::vector<std::string>& ServiceNames();

    /// Starts instance 0 of every service, then instance 1 of every service, and so on (so
    /// instance 0 declares the topology), each waiting for /health "ok".
    explicit ScaledStack(Options options);

    int instances() const { return instances_; }
    ServiceProcess& instance(const std::string& service, int index);
    /// Base URLs of every instance of a service.
    std::vector<std::string> BaseUrls(const std::string& service);
    /// Stops instance `index` of `service` and starts a new process in its place (new HTTP port)
    /// whose AMQP_URL is `amqp_url`: how a service is moved to another broker node.
    void Relaunch(const std::string& service, int index, const std::string& amqp_url);

    const TestVhost& vhost() const { return vhost_; }
    const TestDatabase& database(const std::string& service) const;

  private:
    Env EnvFor(const std::string& service, const std::string& amqp_url) const;

    int instances_;
    TestVhost vhost_;
    std::map<std::string, std::unique_ptr<TestDatabase>> databases_;
    std::map<std::string, std::vector<std::unique_ptr<ServiceProcess>>> processes_;
};

}  // namespace saga::test
