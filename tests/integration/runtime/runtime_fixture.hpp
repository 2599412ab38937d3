#pragma once

#include <iostream>
#include <string>
#include <vector>

#include "events/envelope.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/messaging/consumer_loop.hpp"
#include "runtime/outbox/relay.hpp"
#include "runtime/pg/migrator.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "support/live_stack.hpp"

namespace saga::test {

/// A fresh database with the runtime tables and an `effects` table (one row per handler
/// effect, deliberately without a unique key so double effects are visible), and a fresh vhost.
struct RuntimeFixture {
    TestDatabase db;
    TestVhost vhost;
    runtime::log::Logger logger{"runtime-test", std::clog, runtime::log::Level::kWarn};

    RuntimeFixture() {
        auto connection = runtime::pg::Connect(db.url());
        runtime::pg::Migrate(*connection, "runtime", runtime::pg::RuntimeMigrations());
        db.Execute(
            "CREATE TABLE effects (event_id text NOT NULL, subject text NOT NULL, at timestamptz DEFAULT now())");
    }

    runtime::amqp::ConnectionOptions Amqp(const std::string& name) const { return {vhost.amqp_url(), name}; }

    runtime::outbox::RelayOptions Relay() const {
        runtime::outbox::RelayOptions options;
        options.service = "test-service";
        options.database_url = db.url();
        options.amqp = Amqp("test-relay");
        options.poll_interval = std::chrono::milliseconds{200};
        return options;
    }

    runtime::messaging::ConsumerOptions Consumer(std::vector<std::string> bindings = {"order.created"}) const {
        runtime::messaging::ConsumerOptions options;
        options.service = "test-service";
        options.queue = "test-service";
        options.bindings = std::move(bindings);
        options.amqp = Amqp("test-consumer");
        options.retry.max_attempts = 3;
        options.retry.delays = {std::chrono::milliseconds{200}, std::chrono::milliseconds{400}};
        return options;
    }

    /// Writes `events` to the outbox in one transaction (no relay wake-up: tests start relays).
    void WriteOutbox(const std::vector<events::Envelope>& events) {
        runtime::pg::Database database(db.url(), 1);
        runtime::pg::OutboxWriter writer(nullptr, runtime::pg::OutboxChannel("test-service"));
        database.InTransaction([&](runtime::pg::Transaction& tx) {
            for (const auto& event : events) writer.Append(tx, event);
        });
    }

    /// Publishes raw bytes to saga.events as a producer outside the outbox would.
    void PublishRaw(const std::string& routing_key, const std::string& body, const std::string& message_id) {
        runtime::amqp::Connection connection(Amqp("test-publisher"));
        runtime::amqp::DeclareExchanges(connection);
        connection.EnableConfirms();
        runtime::amqp::OutgoingMessage message;
        message.exchange = runtime::amqp::kEventsExchange;
        message.routing_key = routing_key;
        message.body = body;
        message.properties.message_id = message_id;
        message.properties.type = routing_key;
        message.properties.content_type = "application/cloudevents+json";
        connection.Publish(message);
        if (!connection.WaitForConfirms(connection.LastPublished(), std::chrono::seconds{10}).complete) {
            throw std::runtime_error("publish not confirmed");
        }
    }

    long long Effects() const { return db.QueryInt("SELECT count(*) FROM effects"); }
    long long EffectsOf(const std::string& subject) const {
        return db.QueryInt("SELECT count(*) FROM effects WHERE subject = '" + subject + "'");
    }
    long long Unsent() const { return db.QueryInt("SELECT count(*) FROM outbox WHERE sent_at IS NULL"); }
};

/// Handler that records one effect row per event.
inline runtime::messaging::EventHandler RecordEffect() {
    return [](const events::Envelope& event, runtime::pg::Transaction& tx) {
        tx.work().exec_params("INSERT INTO effects (event_id, subject) VALUES ($1, $2)", event.id, event.subject);
    };
}

}  // namespace saga::test
