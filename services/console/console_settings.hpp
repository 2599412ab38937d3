#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "runtime/config/env.hpp"
#include "runtime/log/logger.hpp"

namespace saga::console {

/// The four services behind the console, in the order the console shows them.
inline constexpr const char* kServiceNames[] = {"order", "inventory", "payment", "notification"};

/// Everything the console reads from its environment (see ReadSettings for names and defaults).
struct ConsoleSettings {
    std::string bind_address;                             ///< HTTP_BIND (127.0.0.1)
    std::uint16_t port = 8080;                            ///< HTTP_PORT (8080)
    std::size_t handler_threads = 32;                     ///< HTTP_HANDLER_THREADS: concurrent (blocking) requests
    std::map<std::string, std::string> service_urls;      ///< ORDER_URL … NOTIFICATION_URL, by short name
    std::map<std::string, std::string> database_urls;     ///< ORDER_DATABASE_URL …, by short name
    std::string amqp_url;                                 ///< AMQP_URL: an admin user, for DLQ work
    std::string management_url;                           ///< MANAGEMENT_URL, credentials in the URL
    std::string admin_token;                              ///< ADMIN_TOKEN; empty = DLQ changes disabled (404)
    std::string management_ui_url;                        ///< MANAGEMENT_UI_URL, shown as a link
    std::string grafana_url;                              ///< GRAFANA_URL, shown as a link
    std::string web_root;                                 ///< CONSOLE_WEB_ROOT
    std::chrono::milliseconds upstream_timeout{5000};     ///< UPSTREAM_TIMEOUT: a backend slower than this → 504
    std::chrono::milliseconds sla_sample_interval{2000};  ///< SLA_SAMPLE_INTERVAL
    std::chrono::seconds sla_window{30};                  ///< SLA_WINDOW
    std::chrono::milliseconds sla_threshold{1000};        ///< SLA_THRESHOLD: green while the average settles faster
    runtime::log::Level log_level = runtime::log::Level::kInfo;  ///< LOG_LEVEL
};

/// Reads the settings; throws runtime::config::ConfigError naming a malformed variable.
ConsoleSettings ReadSettings(const runtime::config::Env& env);

}  // namespace saga::console
