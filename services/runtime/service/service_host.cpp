#include "runtime/service/service_host.hpp"

#include <fmt/format.h>

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "runtime/amqp/topology.hpp"
#include "runtime/backoff.hpp"
#include "runtime/http/response.hpp"
#include "runtime/http/server.hpp"
#include "runtime/messaging/consumer_loop.hpp"
#include "runtime/outbox/relay.hpp"
#include "runtime/pg/migrator.hpp"
#include "runtime/pg/outbox_store.hpp"

namespace saga::runtime::service {
namespace {

/// HTTP request counts and total durations by (method, route, status), for /metrics.
class HttpMetrics {
public:
    void Record(const http::Exchange& exchange) {
        std::lock_guard lock(mutex_);
        auto& entry = entries_[{std::string(exchange.method), std::string(exchange.route), exchange.status}];
        ++entry.count;
        entry.seconds += std::chrono::duration<double>(exchange.duration).count();
    }
    void Write(std::string& out, const std::string& service) const {
        out += "# TYPE saga_http_requests_total counter\n# TYPE saga_http_request_seconds_total counter\n";
        std::lock_guard lock(mutex_);
        for (const auto& [key, entry] : entries_) {
            const auto& [method, route, status] = key;
            const auto labels =
                fmt::format(R"(service="{}",method="{}",route="{}",status="{}")", service, method, route, status);
            out += fmt::format("saga_http_requests_total{{{}}} {}\n", labels, entry.count);
            out += fmt::format("saga_http_request_seconds_total{{{}}} {:.6f}\n", labels, entry.seconds);
        }
    }

private:
    struct Entry {
        std::uint64_t count = 0;
        double seconds = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, int>, Entry> entries_;
};

}  // namespace

struct ServiceHost::Running {
    std::unique_ptr<pg::Database> consumer_database;
    std::unique_ptr<outbox::OutboxRelay> relay;
    std::unique_ptr<messaging::ConsumerLoop> consumer;
    HttpMetrics http;
    std::atomic<bool> fatal{false};
};

ServiceHost::ServiceHost(ServiceConfig config, log::Logger& logger)
    : config_(std::move(config)),
      logger_(logger),
      database_(config_.database_url, config_.db_pool),
      outbox_writer_(&wakeup_, pg::OutboxChannel(config_.name)),
      running_(std::make_unique<Running>()) {
    router_.Observe([running = running_.get()](const http::Exchange& exchange) { running->http.Record(exchange); });
    AddHealthAndMetrics();
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
            backlog = database_.InTransaction(
                [](pg::Transaction& tx) { return pg::ReadOutboxBacklog(tx.work()).unsent; });
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
        return http::Json(status == "down" ? 503 : 200, body);
    });
    router_.Add("GET", "/metrics", [this](const http::Request&) {
        std::string out;
        const auto& name = config_.name;
        auto counter = [&](const char* metric, std::uint64_t value) {
            out += fmt::format("# TYPE {} counter\n{}{{service=\"{}\"}} {}\n", metric, metric, name, value);
        };
        if (const auto& consumer = running_->consumer) {
            const auto& s = consumer->stats();
            counter("saga_events_handled_total", s.handled.load());
            counter("saga_events_duplicate_total", s.duplicates.load());
            counter("saga_events_retried_total", s.retried.load());
            counter("saga_events_dead_lettered_total", s.dead_lettered.load());
        }
        if (const auto& relay = running_->relay) counter("saga_events_published_total", relay->stats().published.load());
        try {
            const auto backlog =
                database_.InTransaction([](pg::Transaction& tx) { return pg::ReadOutboxBacklog(tx.work()); });
            out += fmt::format("# TYPE saga_outbox_backlog gauge\nsaga_outbox_backlog{{service=\"{}\"}} {}\n", name,
                               backlog.unsent);
            out += fmt::format(
                "# TYPE saga_outbox_oldest_age_seconds gauge\nsaga_outbox_oldest_age_seconds{{service=\"{}\"}} {:.3f}\n",
                name, backlog.oldest_age_seconds);
        } catch (const std::exception&) {
            // The database is down: /health says so; the other metrics still help.
        }
        running_->http.Write(out, name);
        return http::Text(200, std::move(out), "text/plain; version=0.0.4");
    });
}

int ServiceHost::Run() {
    http::Server server({.bind_address = config_.bind_address, .port = config_.http_port}, router_);
    server.StopOnSignals();

    outbox::RelayOptions relay_options;
    relay_options.service = config_.name;
    relay_options.database_url = config_.database_url;
    relay_options.amqp = {config_.amqp_url, config_.name + " relay"};
    relay_options.batch_size = config_.relay_batch;
    running_->relay = std::make_unique<outbox::OutboxRelay>(relay_options, wakeup_, logger_);

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
    for (auto& thread : threads) thread.request_stop();
    threads.clear();  // joins
    return running_->fatal ? 1 : 0;
}

}  // namespace saga::runtime::service
