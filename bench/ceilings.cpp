// The two ceilings of this machine that bound the saga's throughput, measured on the same
// servers as the order benchmark. Not a test: it prints one JSON object.
//
//   ceilings <database_url> <amqp_url> [messages=20000] [window=500] [seconds=10] [connections=8]
//
// (a) broker: persistent messages of an order event's size, published with confirms (window of
//     `window` outstanding) to a quorum queue that one consumer drains with manual acks; the rate
//     counts a message once it has been consumed.
// (b) database: commits/s of a transaction shaped like "insert order + insert outbox row", from
//     `connections` connections for `seconds` seconds.
// (c) what one context switch between two processes costs here: two processes pinned to one
//     core pass a byte back and forth over pipes; their CPU time over the switches made. Every
//     round trip between a service and PostgreSQL or RabbitMQ costs switches, and on a
//     virtual machine they can be dear.
// The AMQP vhost and the database must be dedicated to this program (it creates `bench-sink`,
// exchange saga.events, the runtime tables and table bench_orders).
#include <fmt/format.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#include "events/make_envelope.hpp"
#include "events/order_created.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/pg/migrator.hpp"

using namespace saga;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kSink = "bench-sink";

events::Envelope SampleEvent(int i) {
    events::OrderCreated event{"o-" + std::to_string(i),           "c-42",     "a@b.example",
                               {{"PROD-001", 2}, {"PROD-004", 1}}, "tok_visa", events::NowRfc3339()};
    return events::MakeEnvelope(event, "order-service", event.order_id, events::NewEventId(), "bench");
}

/// Drains the sink with manual acks (multiple, every 100) until `count` messages arrived.
void Drain(const std::string& amqp_url, int count, std::atomic<int>& consumed) {
    runtime::amqp::Connection connection({amqp_url, "bench-drain"});
    connection.SetPrefetch(1000);
    connection.Consume(kSink);
    const auto deadline = Clock::now() + std::chrono::minutes{5};
    int unacked = 0;
    while (consumed.load() < count && Clock::now() < deadline) {
        auto delivery = connection.NextDelivery(std::chrono::milliseconds{100});
        if (!delivery) continue;
        ++consumed;
        if (++unacked >= 100 || consumed.load() >= count) {
            connection.Ack(delivery->delivery_tag, true);
            unacked = 0;
        }
    }
}

/// Messages/s published with confirms and consumed with acks through one quorum queue.
double BrokerCeiling(const std::string& amqp_url, const std::string& payload, int count, int window) {
    {
        runtime::amqp::Connection setup({amqp_url, "bench-setup"});
        runtime::amqp::DeclareExchanges(setup);
        setup.DeclareQueue(kSink, {{"x-queue-type", std::string("quorum")}});
        setup.BindQueue(kSink, runtime::amqp::kEventsExchange, "#");
    }
    std::atomic<int> consumed{0};
    const auto start = Clock::now();
    std::jthread drain([&] { Drain(amqp_url, count, consumed); });
    runtime::amqp::Connection connection({amqp_url, "bench-raw"});
    connection.EnableConfirms();
    runtime::amqp::OutgoingMessage message;
    message.exchange = runtime::amqp::kEventsExchange;
    message.routing_key = "order.created";
    message.body = payload;
    message.properties.persistent = true;
    message.properties.content_type = "application/cloudevents+json";
    message.properties.type = "order.created";
    for (int sent = 0; sent < count;) {
        const int chunk = std::min(window, count - sent);
        for (int i = 0; i < chunk; ++i) {
            message.properties.message_id = std::to_string(sent + i);
            connection.Publish(message);
        }
        if (!connection.WaitForConfirms(connection.LastPublished(), std::chrono::seconds{60}).complete) {
            throw std::runtime_error("confirms timed out");
        }
        sent += chunk;
    }
    drain.join();
    if (consumed.load() < count) throw std::runtime_error("the sink did not deliver every message");
    return count / std::chrono::duration<double>(Clock::now() - start).count();
}

/// Commits/s of "insert order + insert outbox row" transactions from `connections` clients.
double DatabaseCeiling(const std::string& database_url, const std::string& payload, double seconds, int connections) {
    {
        auto connection = runtime::pg::Connect(database_url);
        runtime::pg::Migrate(*connection, "runtime", runtime::pg::RuntimeMigrations());
        pqxx::work tx(*connection);
        tx.exec(
            "CREATE TABLE IF NOT EXISTS bench_orders (order_id text PRIMARY KEY, customer_id text NOT NULL, "
            "items jsonb NOT NULL, total_cents bigint NOT NULL, status text NOT NULL, "
            "created_at timestamptz NOT NULL DEFAULT now())");
        tx.commit();
    }
    std::atomic<long> commits{0};
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::vector<std::jthread> clients;
    for (int c = 0; c < connections; ++c) {
        clients.emplace_back([&, c] {
            auto connection = runtime::pg::Connect(database_url);
            for (int i = 0; Clock::now() < end; ++i) {
                const std::string id = fmt::format("o-{}-{}", c, i);
                pqxx::work tx(*connection);
                tx.exec_params(
                    "INSERT INTO bench_orders (order_id, customer_id, items, total_cents, status) "
                    "VALUES ($1, 'c-42', '[{\"product_id\":\"PROD-004\",\"quantity\":1}]', 9999, 'PENDING')",
                    id);
                tx.exec_params(
                    "INSERT INTO outbox (message_id, event_type, aggregate_id, correlation_id, source, payload) "
                    "VALUES ($1, 'order.created', $2, $1, 'order-service', $3)",
                    "m-" + id, id, payload);
                tx.commit();
                ++commits;
            }
        });
    }
    clients.clear();
    return commits.load() / std::chrono::duration<double>(Clock::now() - start).count();
}

double CpuSeconds(const rusage& usage) {
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// Pins this process (and what it forks) to its first allowed CPU; gives back the CPUs it had.
cpu_set_t PinToOneCpu() {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) throw std::runtime_error("sched_getaffinity failed");
    int first = 0;
    while (!CPU_ISSET(first, &allowed)) ++first;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    if (sched_setaffinity(0, sizeof one, &one) != 0) throw std::runtime_error("sched_setaffinity failed");
    return allowed;
}

/// CPU microseconds per switch between two processes on one core (pipe ping-pong, syscalls
/// included). Runs before any thread exists, so fork() is safe.
double SwitchCost(int round_trips) {
    int to_child[2];
    int to_parent[2];
    if (pipe(to_child) != 0 || pipe(to_parent) != 0) throw std::runtime_error("pipe failed");
    const cpu_set_t allowed = PinToOneCpu();
    char byte = 0;
    const pid_t child = fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) {
        close(to_child[1]);
        close(to_parent[0]);
        while (read(to_child[0], &byte, 1) == 1 && write(to_parent[1], &byte, 1) == 1) {
        }
        _exit(0);
    }
    close(to_child[0]);
    close(to_parent[1]);
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    for (int i = 0; i < round_trips; ++i) {
        if (write(to_child[1], &byte, 1) != 1 || read(to_parent[0], &byte, 1) != 1) {
            throw std::runtime_error("ping-pong failed");
        }
    }
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    close(to_child[1]);  // the child reads end of file and exits
    rusage child_usage{};
    wait4(child, nullptr, 0, &child_usage);
    close(to_parent[0]);
    sched_setaffinity(0, sizeof allowed, &allowed);
    const double cpu = CpuSeconds(after) - CpuSeconds(before) + CpuSeconds(child_usage);
    return 1e6 * cpu / (2.0 * round_trips);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: ceilings <database_url> <amqp_url> [messages=20000] [window=500] [seconds=10] "
                     "[connections=8]\n";
        return 2;
    }
    const std::string database_url = argv[1];
    const std::string amqp_url = argv[2];
    const int messages = argc > 3 ? std::stoi(argv[3]) : 20000;
    const int window = argc > 4 ? std::stoi(argv[4]) : 500;
    const double seconds = argc > 5 ? std::stod(argv[5]) : 10;
    const int connections = argc > 6 ? std::stoi(argv[6]) : 8;
    const std::string payload = events::Encode(SampleEvent(0));

    const double switch_us = SwitchCost(50000);
    const double broker = BrokerCeiling(amqp_url, payload, messages, window);
    const double database = DatabaseCeiling(database_url, payload, seconds, connections);
    fmt::print(
        "{{\"payload_bytes\": {}, \"broker_messages\": {}, \"broker_window\": {}, \"broker_messages_per_s\": {:.1f}, "
        "\"db_seconds\": {}, \"db_connections\": {}, \"db_commits_per_s\": {:.1f}, \"process_switch_cpu_us\": "
        "{:.2f}}}\n",
        payload.size(), messages, window, broker, seconds, connections, database, switch_us);
    return 0;
}
