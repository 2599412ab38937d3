#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace saga::console {

/// Asks every service for its GET /health, all at once, each bounded by `timeout`.
/// Returns {"<service>": {"status": "ok"|"degraded"|"down"|"unreachable", "checks": {...}}} for each
/// entry of `service_urls` (short name → base URL). "unreachable" (with an extra "detail") when no
/// answer came or it was not the services' health JSON; never throws for a backend's failure.
nlohmann::json ProbeServices(const std::map<std::string, std::string>& service_urls, std::chrono::milliseconds timeout);

}  // namespace saga::console
