// Outbox relay throughput next to the broker's raw publish-with-confirms rate, same payload,
// same broker, same run. Not a test: it prints figures.
//
//   relay_bench <database_url> <amqp_url> [events=50000] [batch=500]
//
// The database must be empty (the runtime tables are created); the vhost gets exchange
// saga.events and a quorum queue `bench-sink` bound to every event, drained by one consumer
// during both phases so that the queue behaves as in production.
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>

#include "events/make_envelope.hpp"
#include "events/order_created.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"
#include "runtime/outbox/relay.hpp"
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

/// Drains the sink with manual acks (multiple) until stopped.
void Drain(const std::string& amqp_url, std::stop_token stop) {
    runtime::amqp::Connection connection({amqp_url, "bench-drain"});
    connection.SetPrefetch(1000);
    connection.Consume(kSink);
    int unacked = 0;
    while (!stop.stop_requested()) {
        auto delivery = connection.NextDelivery(std::chrono::milliseconds{100});
        if (!delivery) continue;
        if (++unacked >= 200) {
            connection.Ack(delivery->delivery_tag, true);
            unacked = 0;
        }
    }
}

double RawPublishRate(const std::string& amqp_url, const std::string& payload, int count, int window) {
    runtime::amqp::Connection connection({amqp_url, "bench-raw"});
    connection.EnableConfirms();
    runtime::amqp::OutgoingMessage message;
    message.exchange = runtime::amqp::kEventsExchange;
    message.routing_key = "order.created";
    message.body = payload;
    message.properties.content_type = "application/cloudevents+json";
    message.properties.type = "order.created";
    const auto start = Clock::now();
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
    return count / std::chrono::duration<double>(Clock::now() - start).count();
}

void FillOutbox(const std::string& database_url, int count) {
    runtime::pg::Database database(database_url, 1);
    constexpr int kPerTransaction = 1000;
    for (int done = 0; done < count;) {
        const int chunk = std::min(kPerTransaction, count - done);
        database.InTransaction([&](runtime::pg::Transaction& tx) {
            pqxx::stream_to stream(tx.work(), "outbox",
                                   std::vector<std::string>{"message_id", "event_type", "aggregate_id",
                                                            "correlation_id", "source", "payload"});
            for (int i = 0; i < chunk; ++i) {
                const auto event = SampleEvent(done + i);
                stream << std::make_tuple(event.id, event.type, event.subject, event.correlation_id, event.source,
                                          events::Encode(event));
            }
            stream.complete();
        });
        done += chunk;
    }
}

double RelayRate(const std::string& database_url, const std::string& amqp_url, int count, int batch) {
    runtime::log::Logger logger("relay-bench", std::clog, runtime::log::Level::kWarn);
    runtime::outbox::RelayWakeup wakeup;
    runtime::outbox::RelayOptions options;
    options.service = "bench";
    options.database_url = database_url;
    options.amqp = {amqp_url, "bench-relay"};
    options.batch_size = batch;
    runtime::outbox::OutboxRelay relay(options, wakeup, logger);
    const auto start = Clock::now();
    std::jthread thread([&](std::stop_token stop) { relay.Run(stop); });
    while (relay.stats().published.load() < static_cast<std::uint64_t>(count)) {
        std::this_thread::sleep_for(std::chrono::milliseconds{2});
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return count / seconds;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: relay_bench <database_url> <amqp_url> [events=50000] [batch=500]\n";
        return 2;
    }
    const std::string database_url = argv[1];
    const std::string amqp_url = argv[2];
    const int count = argc > 3 ? std::stoi(argv[3]) : 50000;
    const int batch = argc > 4 ? std::stoi(argv[4]) : 500;

    {
        auto connection = runtime::pg::Connect(database_url);
        runtime::pg::Migrate(*connection, "runtime", runtime::pg::RuntimeMigrations());
        runtime::amqp::Connection amqp({amqp_url, "bench-setup"});
        runtime::amqp::DeclareExchanges(amqp);
        amqp.DeclareQueue(kSink, {{"x-queue-type", std::string("quorum")}});
        amqp.BindQueue(kSink, runtime::amqp::kEventsExchange, "#");
    }
    const std::string payload = events::Encode(SampleEvent(0));
    std::jthread drain([&](std::stop_token stop) { Drain(amqp_url, stop); });

    const double raw = RawPublishRate(amqp_url, payload, count, batch);
    FillOutbox(database_url, count);
    const double relay = RelayRate(database_url, amqp_url, count, batch);

    fmt::print("| measure | events/s |\n|---|---|\n");
    fmt::print("| raw publish with confirms (window {}) | {:.0f} |\n", batch, raw);
    fmt::print("| outbox relay (batch {}) | {:.0f} |\n", batch, relay);
    fmt::print("| relay / raw | {:.0f}% |\n", 100.0 * relay / raw);
    fmt::print(
        "{{\"events\": {}, \"payload_bytes\": {}, \"batch\": {}, \"raw_per_s\": {:.0f}, \"relay_per_s\": {:.0f}, "
        "\"ratio\": {:.3f}}}\n",
        count, payload.size(), batch, raw, relay, relay / raw);
    return 0;
}
