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
// The AMQP vhost and the database must be dedicated to this program (it creates `bench-sink`,
// exchange saga.events, the runtime tables and table bench_orders).
#include <fmt/format.h>

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

    const double broker = BrokerCeiling(amqp_url, payload, messages, window);
    const double database = DatabaseCeiling(database_url, payload, seconds, connections);
    fmt::print(
        "{{\"payload_bytes\": {}, \"broker_messages\": {}, \"broker_window\": {}, \"broker_messages_per_s\": {:.1f}, "
        "\"db_seconds\": {}, \"db_connections\": {}, \"db_commits_per_s\": {:.1f}}}\n",
        payload.size(), messages, window, broker, seconds, connections, database);
    return 0;
}
