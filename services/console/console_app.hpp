#pragma once

#include <memory>
#include <vector>

#include "console/console_settings.hpp"
#include "console/dlq/dead_letters.hpp"
#include "console/proxy/api_proxy.hpp"
#include "console/static_files/static_files.hpp"
#include "console/status/settle_window.hpp"
#include "runtime/http/router.hpp"

namespace saga::console {

/// The console's parts (static files, the four API proxies, DLQ access, the SLA window) and the
/// router joining them. Holds no threads: main() adds the SLA sampler and the HTTP server.
class ConsoleApp {
  public:
    /// `settings` must outlive the app. Throws std::runtime_error when the web root is missing.
    explicit ConsoleApp(const ConsoleSettings& settings);

    /// Every route of the console's contract. The app must outlive the router.
    runtime::http::Router BuildRouter() const;

    SettleWindow& sla() { return sla_; }

  private:
    const ConsoleSettings& settings_;
    SettleWindow sla_;
    StaticFiles static_files_;
    std::vector<std::pair<std::string, std::unique_ptr<ApiProxy>>> proxies_;  // prefix → proxy
    DeadLetters dead_letters_;
};

}  // namespace saga::console
