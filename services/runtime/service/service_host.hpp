#pragma once

#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

#include "runtime/gremlin/gremlin.hpp"
#include "runtime/http/router.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/messaging/event_router.hpp"
#include "runtime/metrics/registry.hpp"
#include "runtime/outbox/wakeup.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "runtime/pg/sql_file.hpp"
#include "runtime/service/service_config.hpp"

namespace saga::runtime::service {

/// Everything a service has in common, wired once: the database pool, the outbox writer and
/// its relay, the consumer of the service's queue, the HTTP server with /health and /metrics,
/// background tasks, fault injection (gremlin::Gremlin: /admin/gremlin, /health checks.gremlin,
/// /metrics saga_gremlin_*), and an orderly stop on SIGTERM. A service's main() builds one, registers
/// its routes, event handlers and tasks, and calls Run().
///
/// Threads: the HTTP I/O thread (the caller of Run()) plus its handler pool; one consumer
/// thread (own AMQP connection and database connection); one relay thread (own AMQP and
/// database connections); one thread per background task, the retention cleanup of outbox and
/// inbox among them (own database connection).
class ServiceHost {
  public:
    ServiceHost(ServiceConfig config, log::Logger& logger);
    ~ServiceHost();

    pg::Database& database() { return database_; }
    pg::OutboxWriter& outbox() { return outbox_writer_; }
    http::Router& router() { return router_; }
    messaging::EventRouter& events() { return events_; }
    log::Logger& logger() { return logger_; }
    /// The registry behind GET /metrics (every series carries service="<name>"); services add
    /// their own families to it before Run().
    metrics::Registry& metrics() { return metrics_; }
    const ServiceConfig& config() const { return config_; }
    /// Fault injection for this process (off by default; /admin/gremlin when ADMIN_TOKEN is set).
    /// Wired into the consumer loop and the HTTP router by the host itself.
    gremlin::Gremlin& gremlin() { return gremlin_; }

    /// Applies the runtime's migrations, then the service's (component = service name).
    /// Waits for the database to accept connections (up to `wait`).
    void Migrate(const pg::SqlFiles& service_migrations, std::chrono::seconds wait = std::chrono::seconds{60});

    /// Runs `task` on its own thread until stop; exceptions are logged and the task restarted.
    void AddTask(std::string name, std::function<void(std::stop_token)> task);

    /// Serves until SIGTERM/SIGINT, then stops HTTP, consumer, relay and tasks. Returns the
    /// process exit code (non-zero when a fatal error, such as a topology mismatch, stopped it).
    int Run();

  private:
    struct Running;
    void AddHealthAndMetrics();

    ServiceConfig config_;
    log::Logger& logger_;
    metrics::Registry metrics_;
    pg::Database database_;
    outbox::RelayWakeup wakeup_;
    pg::OutboxWriter outbox_writer_;
    http::Router router_;
    messaging::EventRouter events_;
    gremlin::Gremlin gremlin_;
    std::vector<std::pair<std::string, std::function<void(std::stop_token)>>> tasks_;
    std::unique_ptr<Running> running_;
};

}  // namespace saga::runtime::service
