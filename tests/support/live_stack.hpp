#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "runtime/pg/sql_file.hpp"

namespace saga::test {

/// The value of a variable that ./tests/run exports (SAGA_PG_ADMIN_URL, SAGA_AMQP_ADMIN_URL,
/// SAGA_MGMT_URL, SAGA_STACK_CTL, SAGA_STACK_DIR). Throws with a hint when it is missing, so an
/// integration test run outside the harness fails loudly instead of passing vacuously.
std::string StackEnv(const char* name);

/// A fresh, empty database on the harness's PostgreSQL; dropped when destroyed.
class TestDatabase {
  public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& url() const { return url_; }
    const std::string& name() const { return name_; }
    /// Runs a query returning one integer (e.g. "SELECT count(*) FROM outbox").
    long long QueryInt(const std::string& sql) const;
    void Execute(const std::string& sql) const;
    /// Makes the database refuse writes (SQLSTATE 25006), as a standby after a failover does, or
    /// writable again, and ends its sessions so that their clients reconnect under the new setting.
    void SetReadOnly(bool read_only) const;
    /// Whether another transaction holds a row lock on a row of `table` matching `where`.
    bool RowLockedElsewhere(const std::string& table, const std::string& where) const;
    /// Applies `migrations` as `component` would at startup (e.g. a service's tables).
    void Migrate(const std::string& component, const runtime::pg::SqlFiles& migrations) const;

  private:
    std::string name_;
    std::string url_;
};

/// A fresh vhost on the harness's RabbitMQ, with full permissions for the admin user; deleted
/// (with everything in it) when destroyed. Tests get isolated exchanges and queues.
class TestVhost {
  public:
    TestVhost();
    ~TestVhost();
    TestVhost(const TestVhost&) = delete;
    TestVhost& operator=(const TestVhost&) = delete;

    const std::string& name() const { return name_; }
    /// amqp://admin:admin@127.0.0.1:PORT/<vhost>
    const std::string& amqp_url() const { return amqp_url_; }
    /// GET /api/queues/<vhost>/<queue> from the management API (null when it does not exist).
    nlohmann::json Queue(const std::string& queue) const;
    /// GET /api/bindings/<vhost> from the management API.
    nlohmann::json Bindings() const;
    /// Messages ready for delivery in a queue (AMQP passive declare; unacked ones not counted).
    long long MessageCount(const std::string& queue) const;
    /// Consumers attached to a queue (AMQP passive declare); -1 when the queue does not exist.
    long long ConsumerCount(const std::string& queue) const;

  private:
    std::string name_;
    std::string amqp_url_;
};

/// Stops/starts the harness's servers (same ports and data), for outage tests.
void StopRabbitMq();
void StartRabbitMq();
void StopPostgres();
void StartPostgres();

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
bool Eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

/// A random lowercase suffix for unique names.
std::string RandomSuffix();

}  // namespace saga::test
