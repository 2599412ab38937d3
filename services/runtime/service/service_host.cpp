#include "runtime/service/service_host.hpp"

#include <atomic>
#include <thread>

#include "runtime/amqp/topology.hpp"
#include "runtime/backoff.hpp"
#include "runtime/http/response.hpp"
#include "runtime/http/server.hpp"
#include "runtime/messaging/consumer_loop.hpp"
#include "runtime/metrics/event_metrics.hpp"
#include "runtime/metrics/http_metrics.hpp"
#include "runtime/metrics/outbox_metrics.hpp"
#include "runtime/outbox/relay.hpp"
#include "runtime/outbox/retention.hpp"
#include "runtime/pg/migrator.hpp"
#include "runtime/pg/outbox_store.hpp"
#include "runtime/service/gremlin_routes.hpp"

namespace saga::runtime::service {
namespace {

gremlin::Gremlin::Options GremlinOptions(std::optional<std::uint64_t> seed) {
    gremlin::Gremlin::Options options;
    options.seed = seed;
    return options;
}

}  // namespace

struct ServiceHost::Running {
    explicit Running(metrics::Registry& registry) : http(registry), events(registry), outbox(registry) {}

    std::unique_ptr<pg::Database> consumer_database;
    std::unique_ptr<outbox::OutboxRelay> relay;
    std::unique_ptr<outbox::RetentionCleanup> retention;
    std::unique_ptr<messaging::ConsumerLoop> consumer;
    metrics::HttpMetrics http;
    metrics::EventMetrics events;
    metrics::OutboxMetrics outbox;
    std::atomic<bool> fatal{false};
};

ServiceHost::ServiceHost(ServiceConfig config, log::Logger& logger)
    : config_(std::move(config)),
      logger_(logger),
      metrics_(metrics::Labels{{"service", config_.name}}),
      database_(config_.database_url, config_.db_pool),
      outbox_writer_(&wakeup_, pg::OutboxChannel(config_.name)),
      gremlin_(metrics_, logger_, GremlinOptions(config_.gremlin_seed)),
      running_(std::make_unique<Running>(metrics_)) {
    router_.Observe([running = running_.get(), gremlin = &gremlin_](const http::Exchange& exchange) {
        running->http.Record(exchange.method, exchange.route, exchange.status, exchange.duration);
        // The observer runs after the handler's transaction committed and before the session
        // writes the response: the HTTP crash point (e.g. POST /api/orders).
        if (IsCommittedWrite(exchange.method, exchange.route, exchange.status)) gremlin->AfterCommit();
    });
    AddHealthAndMetrics();
    if (config_.admin_token) AddGremlinRoutes(router_, gremlin_, *config_.admin_token);
}

ServiceHost::~ServiceHost() = default;

void ServiceHost::Migrate(const pg::SqlFiles& service_migrations, std::chrono::seconds wait) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    Backoff backoff(std::chrono::milliseconds{100}, std::chrono::seconds{2});
    while (true) {
        try {
            auto connection = pg::Connect(config_.database_url);
            const int runtime = pg::Migrate(*connection, "runtime", pg::RuntimeMigrations());
            const int own = pg::Migrate(*connection, config_.name, service_migrations);
            logger_.Info("database migrated", {{"applied", runtime + own}});
            return;
        } catch (const pg::DatabaseUnavailable& error) {
            if (std::chrono::steady_clock::now() >= deadline) throw;
            logger_.Warn("waiting for the database", {{"error", error.what()}});
            std::this_thread::sleep_for(backoff.Next());
        }
    }
}

void ServiceHost::AddTask(std::string name, std::function<void(std::stop_token)> task) {
    tasks_.emplace_back(std::move(name), std::move(task));
}

void ServiceHost::AddHealthAndMetrics() {
    router_.Add("GET", "/health", [this](const http::Request&) {
        bool postgres = true;
        std::int64_t backlog = 0;
        try {
            backlog =
                database_.InTransaction([](pg::Transaction& tx) { return pg::ReadOutboxBacklog(tx.work()).unsent; });
        } catch (const std::exception&) {
            postgres = false;
        }
        const bool relay_ok = running_->relay && running_->relay->stats().connected.load();
        const bool consumer_ok = !running_->consumer || running_->consumer->stats().connected.load();
        const bool rabbitmq = relay_ok && consumer_ok;
        const std::string status = !postgres ? "down" : (rabbitmq ? "ok" : "degraded");
        nlohmann::json body = {{"status", status},
                               {"service", config_.name},
                               {"checks",
                                {{"postgres", postgres ? "ok" : "down"},
                                 {"rabbitmq", rabbitmq ? "ok" : "down"},
                                 {"outbox_backlog", backlog}}}};
        // Only while on, so that the SPEC §2 shape is unchanged by default. Sabotage is not
        // sickness: the status stays as it is, so that readiness gates (ServiceProcess, up,
        // Kubernetes) do not turn an experiment into an outage.
        if (const auto gremlin = gremlin_.Description(); gremlin != "off") body["checks"]["gremlin"] = gremlin;
        return http::Json(status == "down" ? 503 : 200, body);
    });
    router_.Add("GET", "/metrics", [this](const http::Request&) {
        try {
            const auto backlog =
                database_.InTransaction([](pg::Transaction& tx) { return pg::ReadOutboxBacklog(tx.work()); });
            running_->outbox.Set(backlog.unsent, backlog.oldest_age_seconds);
        } catch (const std::exception&) {
            // The database is down: /health says so; the outbox gauges are left out, the rest still helps.
            running_->outbox.Unknown();
        }
        return http::Text(200, metrics_.Text(), metrics::kTextContentType);
    });
}

int ServiceHost::Run() {
    http::Server server({.bind_address = config_.bind_address,
                         .port = config_.http_port,
                         .handler_threads = config_.http_handler_threads},
                        router_);
    server.StopOnSignals();

    outbox::RelayOptions relay_options;
    relay_options.service = config_.name;
    relay_options.database_url = config_.database_url;
    relay_options.amqp = {config_.amqp_url, config_.name + " relay"};
    relay_options.batch_size = config_.relay_batch;
    relay_options.claim_linger = config_.claim_linger;
    relay_options.sent_rows =
        config_.sent_retention.count() > 0 ? pg::OutboxStore::SentRows::kMark : pg::OutboxStore::SentRows::kDelete;
    relay_options.metrics = &running_->events;
    running_->relay = std::make_unique<outbox::OutboxRelay>(relay_options, wakeup_, logger_);

    running_->retention = std::make_unique<outbox::RetentionCleanup>(
        outbox::RetentionOptions{.database_url = config_.database_url, .sent_retention = config_.sent_retention},
        logger_);
    tasks_.emplace_back("retention cleanup", [this](std::stop_token stop) { running_->retention->Run(stop); });

    std::vector<std::jthread> threads;
    threads.emplace_back([this](std::stop_token stop) { running_->relay->Run(stop); });

    if (!events_.Types().empty()) {
        messaging::ConsumerOptions options;
        options.service = config_.name;
        options.queue = config_.name;
        options.bindings = events_.Types();
        options.amqp = {config_.amqp_url, config_.name + " consumer"};
        options.retry = config_.retry;
        options.prefetch = config_.prefetch;
        options.batch_linger = config_.consumer_batch_linger;
        options.batch_linger_min_expected = config_.consumer_batch_min_expected;
        options.metrics = &running_->events;
        options.before_handler = [this](const events::Envelope&) { gremlin_.BeforeHandler(); };
        options.after_commit = [this] { gremlin_.AfterCommit(); };
        options.before_batch = events_.Preparer();
        for (const auto& type : options.bindings) running_->events.DeclareConsumed(type);
        running_->consumer_database = std::make_unique<pg::Database>(config_.database_url, 1);
        running_->consumer = std::make_unique<messaging::ConsumerLoop>(options, *running_->consumer_database,
                                                                       events_.AsHandler(), logger_);
        threads.emplace_back([this, &server](std::stop_token stop) {
            try {
                running_->consumer->Run(stop);
            } catch (const std::exception& error) {
                logger_.Error("consumer stopped: fatal error", {{"error", error.what()}});
                running_->fatal = true;
                server.Stop();
            }
        });
    }
    for (auto& [name, task] : tasks_) {
        threads.emplace_back([this, name = name, task = task](std::stop_token stop) {
            while (!stop.stop_requested()) {
                try {
                    task(stop);
                } catch (const std::exception& error) {
                    logger_.Error("background task failed; restarting", {{"task", name}, {"error", error.what()}});
                    SleepUnlessStopped(stop, std::chrono::seconds{1});
                }
            }
        });
    }

    logger_.Info("listening", {{"port", server.BoundPort()}, {"bind", config_.bind_address}});
    server.Run();
    logger_.Info("stopping");
    gremlin_.Stop();
    for (auto& thread : threads) thread.request_stop();
    threads.clear();  // joins
    return running_->fatal ? 1 : 0;
}

}  // namespace saga::runtime::service
