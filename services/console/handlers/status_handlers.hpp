#pragma once

#include "console/console_settings.hpp"
#include "console/status/settle_window.hpp"
#include "runtime/http/router.hpp"

namespace saga::console {

/// GET /health (the console itself), GET /console/api/health (the four services and the SLA),
/// GET /console/api/queues (management API) and GET /console/api/links. `settings` and `sla` must
/// outlive the router.
void AddStatusRoutes(runtime::http::Router& router, const ConsoleSettings& settings, const SettleWindow& sla);

}  // namespace saga::console
