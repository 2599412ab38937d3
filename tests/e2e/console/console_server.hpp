#pragma once

#include <map>
#include <memory>
#include <string>

#include "support/http_client.hpp"
#include "support/service_process.hpp"

namespace saga::test {

class SagaStack;
class TestVhost;

/// The `console` binary as a ServiceProcess (ready when its /health says ok), pointed at the
/// harness's management API and the given vhost, service URLs and databases.
class ConsoleServer {
  public:
    using Env = std::map<std::string, std::string>;

    /// In front of `stack`: its four services, vhost and databases, with the stack's admin token.
    /// `extra` overrides (e.g. {"ADMIN_TOKEN", ""}).
    explicit ConsoleServer(SagaStack& stack, const Env& extra = {});
    /// On `vhost` alone: no services behind it (their URLs refuse connections).
    explicit ConsoleServer(const TestVhost& vhost, const Env& extra = {});

    HttpClient Client() const { return HttpClient(process_->base_url()); }
    ServiceProcess& process() { return *process_; }

  private:
    std::unique_ptr<ServiceProcess> process_;
};

/// The harness's management API with the admin credentials in the URL.
std::string ManagementUrlWithCredentials();

}  // namespace saga::test
