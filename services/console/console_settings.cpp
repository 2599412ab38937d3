#include "console/console_settings.hpp"

#include <cctype>
#include <stdexcept>

#ifndef CONSOLE_DEFAULT_WEB_ROOT
#define CONSOLE_DEFAULT_WEB_ROOT "services/console/web"
#endif

namespace saga::console {
namespace {

using runtime::config::ConfigError;

std::string Upper(std::string text) {
    for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

std::string HttpUrl(const runtime::config::Env& env, const std::string& name, const std::string& fallback) {
    std::string url = env.Optional(name, fallback);
    if (!url.starts_with("http://") && !url.starts_with("https://")) {
        throw ConfigError(name + ": expected an http:// or https:// URL, got '" + url + "'");
    }
    while (url.ends_with('/')) url.pop_back();
    return url;
}

}  // namespace

ConsoleSettings ReadSettings(const runtime::config::Env& env) {
    ConsoleSettings s;
    s.bind_address = env.Optional("HTTP_BIND", "127.0.0.1");
    s.port = static_cast<std::uint16_t>(env.Int("HTTP_PORT", 8080, 1, 65535));
    s.handler_threads = static_cast<std::size_t>(env.Int("HTTP_HANDLER_THREADS", 32, 1, 512));
    int port = 8081;
    for (const std::string name : kServiceNames) {
        s.service_urls[name] = HttpUrl(env, Upper(name) + "_URL", "http://127.0.0.1:" + std::to_string(port++));
        const std::string db_var = Upper(name) + "_DATABASE_URL";
        s.database_urls[name] = env.Optional(db_var, "postgresql://postgres@127.0.0.1:5432/saga_" + name);
        if (!s.database_urls[name].starts_with("postgres")) {
            throw ConfigError(db_var + ": expected a postgresql:// URL");
        }
    }
    s.amqp_url = env.Optional("AMQP_URL", "amqp://admin:admin@127.0.0.1:5672/saga");
    if (!s.amqp_url.starts_with("amqp://")) throw ConfigError("AMQP_URL: expected an amqp:// URL");
    s.management_url = HttpUrl(env, "MANAGEMENT_URL", "http://admin:admin@127.0.0.1:15672");
    s.admin_token = env.Optional("ADMIN_TOKEN", "");
    s.management_ui_url = env.Optional("MANAGEMENT_UI_URL", "http://localhost:15672");
    s.grafana_url = env.Optional("GRAFANA_URL", "http://localhost:3000");
    s.web_root = env.Optional("CONSOLE_WEB_ROOT", CONSOLE_DEFAULT_WEB_ROOT);
    s.upstream_timeout = env.Duration("UPSTREAM_TIMEOUT", std::chrono::seconds{5});
    s.sla_sample_interval = env.Duration("SLA_SAMPLE_INTERVAL", std::chrono::seconds{2});
    s.sla_window =
        std::chrono::duration_cast<std::chrono::seconds>(env.Duration("SLA_WINDOW", std::chrono::seconds{30}));
    s.sla_threshold = env.Duration("SLA_THRESHOLD", std::chrono::seconds{1});
    if (s.upstream_timeout.count() <= 0) throw ConfigError("UPSTREAM_TIMEOUT: must be positive");
    if (s.sla_sample_interval.count() <= 0) throw ConfigError("SLA_SAMPLE_INTERVAL: must be positive");
    if (s.sla_window.count() <= 0) throw ConfigError("SLA_WINDOW: must be at least 1s");
    if (s.sla_threshold.count() <= 0) throw ConfigError("SLA_THRESHOLD: must be positive");
    try {
        s.log_level = runtime::log::ParseLevel(env.Optional("LOG_LEVEL", "info"));
    } catch (const std::invalid_argument&) {
        throw ConfigError("LOG_LEVEL: expected debug, info, warn or error");
    }
    return s;
}

}  // namespace saga::console
