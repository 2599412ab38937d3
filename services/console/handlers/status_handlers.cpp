#include "console/handlers/status_handlers.hpp"

#include "console/status/queue_stats.hpp"
#include "console/status/service_health.hpp"

namespace saga::console {

namespace http = runtime::http;

namespace {
// Health probes answer fast or not at all; a shorter bound keeps a polling dashboard responsive.
constexpr std::chrono::milliseconds kHealthTimeout{2000};
}  // namespace

void AddStatusRoutes(http::Router& router, const ConsoleSettings& settings, const SettleWindow& sla) {
    router.Add("GET", "/health", [](const http::Request&) {
        return http::Json(200, {{"status", "ok"}, {"service", "console"}, {"checks", nlohmann::json::object()}});
    });
    router.Add("GET", "/console/api/health", [&settings, &sla](const http::Request&) {
        const auto timeout = std::min(kHealthTimeout, settings.upstream_timeout);
        return http::Json(200, {{"services", ProbeServices(settings.service_urls, timeout)}, {"sla", sla.Snapshot()}});
    });
    router.Add("GET", "/console/api/queues", [&settings](const http::Request&) {
        return http::Json(
            200, ReadQueueStats(settings.management_url, VhostOf(settings.amqp_url), settings.upstream_timeout));
    });
    router.Add("GET", "/console/api/links", [&settings](const http::Request&) {
        return http::Json(200, {{"management_ui", settings.management_ui_url}, {"grafana", settings.grafana_url}});
    });
}

}  // namespace saga::console
