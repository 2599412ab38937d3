#include "support/live_stack.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>
#include <thread>

#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/errors.hpp"
#include "runtime/pg/migrator.hpp"
#include "support/http_client.hpp"

namespace saga::test {
namespace {

std::string ReplaceLastPathSegment(const std::string& url, const std::string& segment) {
    const auto slash = url.rfind('/');
    if (slash == std::string::npos || slash < url.find("://") + 3) throw std::runtime_error("URL has no path: " + url);
    return url.substr(0, slash + 1) + segment;
}

HttpClient Management() {
    // libcurl takes the credentials from the URL: http://user:password@host:port
    std::string url = StackEnv("SAGA_MGMT_URL");
    const auto scheme_end = url.find("://") + 3;
    url.insert(scheme_end, fmt::format("{}:{}@", StackEnv("SAGA_MGMT_USER"), StackEnv("SAGA_MGMT_PASSWORD")));
    return HttpClient(url);
}

void RunStackCtl(const std::string& command) {
    const std::string line =
        fmt::format("'{}' {} '{}'", StackEnv("SAGA_STACK_CTL"), command, StackEnv("SAGA_STACK_DIR"));
    if (std::system(line.c_str()) != 0) throw std::runtime_error("stack command failed: " + line);
}

}  // namespace

std::string StackEnv(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
        throw std::runtime_error(fmt::format("{} is not set: run integration tests through ./tests/run", name));
    }
    return value;
}

std::string RandomSuffix() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    return fmt::format("{:012x}", random() & 0xffffffffffffULL);
}

TestDatabase::TestDatabase() : name_("t_" + RandomSuffix()) {
    const std::string admin_url = StackEnv("SAGA_PG_ADMIN_URL");
    pqxx::connection admin(admin_url);
    pqxx::nontransaction(admin).exec0("CREATE DATABASE " + name_);
    url_ = ReplaceLastPathSegment(admin_url, name_);
}

TestDatabase::~TestDatabase() {
    try {
        pqxx::connection admin(StackEnv("SAGA_PG_ADMIN_URL"));
        pqxx::nontransaction(admin).exec0("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {
        // The server may be down at the end of an outage test; the harness removes its data dir.
    }
}

long long TestDatabase::QueryInt(const std::string& sql) const {
    pqxx::connection connection(url_);
    pqxx::nontransaction tx(connection);
    return tx.exec1(sql)[0].as<long long>();
}

void TestDatabase::Migrate(const std::string& component, const runtime::pg::SqlFiles& migrations) const {
    pqxx::connection connection(url_);
    runtime::pg::Migrate(connection, component, migrations);
}

void TestDatabase::Execute(const std::string& sql) const {
    pqxx::connection connection(url_);
    pqxx::nontransaction(connection).exec0(sql);
}

void TestDatabase::SetReadOnly(bool read_only) const {
    pqxx::connection admin(StackEnv("SAGA_PG_ADMIN_URL"));
    pqxx::nontransaction tx(admin);
    tx.exec0("ALTER DATABASE " + name_ +
             (read_only ? " SET default_transaction_read_only = on" : " RESET default_transaction_read_only"));
    tx.exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = " + tx.quote(name_));
}

bool TestDatabase::RowLockedElsewhere(const std::string& table, const std::string& where) const {
    try {
        QueryInt("SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE " + where + " FOR UPDATE NOWAIT) AS locked");
        return false;
    } catch (const pqxx::sql_error& error) {
        if (error.sqlstate() == "55P03") return true;  // lock_not_available
        throw;
    }
}

TestVhost::TestVhost() : name_("t-" + RandomSuffix()) {
    auto management = Management();
    const auto created = management.Request("PUT", "/api/vhosts/" + name_, "", {{"Content-Type", "application/json"}});
    if (created.status >= 300) throw std::runtime_error("cannot create vhost: " + created.body);
    const std::string user = StackEnv("SAGA_MGMT_USER");
    const auto granted =
        management.Request("PUT", fmt::format("/api/permissions/{}/{}", name_, user),
                           R"({"configure":".*","write":".*","read":".*"})", {{"Content-Type", "application/json"}});
    if (granted.status >= 300) throw std::runtime_error("cannot grant permissions: " + granted.body);
    amqp_url_ = ReplaceLastPathSegment(StackEnv("SAGA_AMQP_ADMIN_URL"), name_);
}

TestVhost::~TestVhost() {
    try {
        Management().Request("DELETE", "/api/vhosts/" + name_);
    } catch (const std::exception&) {
        // Broker down at the end of an outage test: the harness throws the node away anyway.
    }
}

nlohmann::json TestVhost::Queue(const std::string& queue) const {
    const auto response = Management().Get(fmt::format("/api/queues/{}/{}", name_, queue));
    if (response.status == 404) return nullptr;
    return response.Json();
}

nlohmann::json TestVhost::Bindings() const {
    const auto response = Management().Get("/api/bindings/" + name_);
    if (response.status != 200) throw std::runtime_error("cannot list bindings: " + response.body);
    return response.Json();
}

long long TestVhost::MessageCount(const std::string& queue) const {
    runtime::amqp::Connection connection({amqp_url_, "test-inspect"});
    return connection.InspectQueue(queue).messages;
}

long long TestVhost::ConsumerCount(const std::string& queue) const {
    runtime::amqp::Connection connection({amqp_url_, "test-inspect"});
    try {
        return connection.InspectQueue(queue).consumers;
    } catch (const runtime::amqp::AmqpChannelError& error) {
        if (error.code() == 404) return -1;
        throw;
    }
}

void StopRabbitMq() { RunStackCtl("stop-rabbitmq"); }
void StartRabbitMq() { RunStackCtl("start-rabbitmq"); }
void StopPostgres() { RunStackCtl("stop-postgres"); }
void StartPostgres() { RunStackCtl("start-postgres"); }

bool Eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (condition()) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds{20});
    }
}

}  // namespace saga::test
