#include "console/console_app.hpp"

#include "console/handlers/dlq_handlers.hpp"
#include "console/handlers/status_handlers.hpp"
#include "console/handlers/timeline_handler.hpp"

namespace saga::console {

namespace {
// Which service answers which API prefix (SPEC §2).
constexpr std::pair<const char*, const char*> kApiPrefixes[] = {{"/api/orders", "order"},
                                                                {"/api/inventory", "inventory"},
                                                                {"/api/payments", "payment"},
                                                                {"/api/notifications", "notification"}};
}  // namespace

ConsoleApp::ConsoleApp(const ConsoleSettings& settings)
    : settings_(settings),
      sla_(settings.sla_window, std::chrono::duration<double>(settings.sla_threshold).count()),
      static_files_(settings.web_root),
      dead_letters_(settings.amqp_url, settings.database_urls) {
    for (const auto& [prefix, service] : kApiPrefixes) {
        proxies_.emplace_back(
            prefix, std::make_unique<ApiProxy>(service, settings.service_urls.at(service), settings.upstream_timeout));
    }
}

runtime::http::Router ConsoleApp::BuildRouter() const {
    runtime::http::Router router;
    static_files_.Register(router);
    for (const auto& [prefix, proxy] : proxies_) proxy->Register(router, prefix);
    AddStatusRoutes(router, settings_, sla_);
    AddTimelineRoute(router, settings_.database_urls, settings_.amqp_url);
    AddDlqRoutes(router, dead_letters_, settings_.admin_token);
    return router;
}

}  // namespace saga::console
