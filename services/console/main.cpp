// console: the single origin for the browser — the web UI's static files, the four service APIs
// proxied unchanged, and the console's own read/operate API (health + SLA, timelines, DLQs, queues).
// Threads: the HTTP I/O thread (Run) with a pool of handler threads (blocking upstream calls), and
// the SLA sampler scraping the order service's /metrics in the background.
#include <iostream>

#include "console/console_app.hpp"
#include "console/console_settings.hpp"
#include "console/status/sla_sampler.hpp"
#include "console/upstream/http_fetch.hpp"
#include "runtime/http/server.hpp"
#include "runtime/log/logger.hpp"

int main() {
    using namespace saga;
    console::ConsoleSettings settings;
    try {
        settings = console::ReadSettings(runtime::config::Env());
    } catch (const runtime::config::ConfigError& error) {
        std::cerr << "console: " << error.what() << '\n';
        return 2;
    }
    try {
        const console::UpstreamLibrary curl;
        runtime::log::Logger logger("console", std::clog, settings.log_level);
        console::ConsoleApp app(settings);
        console::SlaSampler sampler(settings.service_urls.at("order"), settings.sla_sample_interval,
                                    settings.upstream_timeout, app.sla(), logger);
        runtime::http::Server server(
            {.bind_address = settings.bind_address, .port = settings.port, .handler_threads = settings.handler_threads},
            app.BuildRouter());
        server.StopOnSignals();
        logger.Info(
            "console listening",
            {{"address", settings.bind_address}, {"port", server.BoundPort()}, {"web_root", settings.web_root}});
        server.Run();
        logger.Info("console stopped");
    } catch (const std::exception& error) {
        std::cerr << "console: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
