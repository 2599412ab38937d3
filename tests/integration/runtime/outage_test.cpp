#include <doctest/doctest.h>

#include <thread>

#include "runtime_fixture.hpp"
#include "support/sample_events.hpp"

using namespace std::chrono_literals;

namespace saga::test {
namespace {

/// The relay and a consumer of the same service running in this process, with a producer
/// that writes `order.created` events to the outbox one transaction at a time.
struct Pipeline {
    RuntimeFixture& f;
    runtime::outbox::RelayWakeup wakeup;
    runtime::pg::Database db;
    runtime::outbox::OutboxRelay relay;
    runtime::messaging::ConsumerLoop consumer;
    std::jthread relay_thread;
    std::jthread consumer_thread;

    explicit Pipeline(RuntimeFixture& fixture)
        : f(fixture),
          db(f.db.url(), 2),
          relay(f.Relay(), wakeup, f.logger),
          consumer(f.Consumer(), db, RecordEffect(), f.logger),
          relay_thread([this](std::stop_token stop) { relay.Run(stop); }),
          consumer_thread([this](std::stop_token stop) { consumer.Run(stop); }) {
        // Generous: right after another test restarted the broker, a quorum queue can take a
        // while to elect its leader on a loaded machine.
        REQUIRE(Eventually([&] { return f.vhost.ConsumerCount("test-service") == 1; }, 60s));
    }

    /// Writes events o-<from>..o-<to-1>, retrying while the database is down.
    void Produce(int from, int to) {
        runtime::pg::OutboxWriter writer(&wakeup, runtime::pg::OutboxChannel("test-service"));
        for (int i = from; i < to; ++i) {
            const auto event = SampleOrderCreated("o-" + std::to_string(i));
            while (true) {
                try {
                    db.InTransaction([&](runtime::pg::Transaction& tx) { writer.Append(tx, event); });
                    break;
                } catch (const runtime::pg::DatabaseUnavailable&) {
                    std::this_thread::sleep_for(100ms);
                }
            }
        }
    }

    void CheckEveryEventHandledExactlyOnce(int count) {
        REQUIRE(Eventually([&] { return f.db.QueryInt("SELECT count(DISTINCT subject) FROM effects") == count; }, 90s));
        CHECK(f.db.QueryInt("SELECT count(*) FROM effects") == count);
        CHECK(f.Unsent() == 0);
        CHECK(f.vhost.MessageCount("test-service.dlq") == 0);
        CHECK(consumer.stats().dead_lettered.load() == 0);
    }
};

}  // namespace

TEST_CASE("outage: RabbitMQ stopped and restarted under load — relay and consumer recover and nothing is lost") {
    RuntimeFixture f;
    Pipeline pipeline(f);
    pipeline.Produce(0, 200);
    REQUIRE(Eventually([&] { return f.Effects() > 0; }, 20s));

    std::jthread producer([&] { pipeline.Produce(200, 600); });
    StopRabbitMq();
    producer.join();
    // Written once the broker is down: they must wait in the outbox (a slow shutdown may have let
    // the relay publish everything written while it was stopping).
    pipeline.Produce(600, 700);
    CHECK(f.Unsent() >= 100);
    StartRabbitMq();

    pipeline.CheckEveryEventHandledExactlyOnce(700);
}

TEST_CASE("outage: PostgreSQL stopped and restarted under load — nothing dead-lettered, processing resumes") {
    RuntimeFixture f;
    Pipeline pipeline(f);
    pipeline.Produce(0, 200);
    REQUIRE(Eventually([&] { return f.Effects() > 0; }, 20s));

    // Events published straight to the broker keep arriving while the database is down.
    for (int i = 0; i < 100; ++i) {
        const auto event = SampleOrderCreated("direct-" + std::to_string(i));
        if (i == 10) StopPostgres();
        f.PublishRaw("order.created", events::Encode(event), event.id);
    }
    std::this_thread::sleep_for(2s);  // the consumer meets the outage with messages in hand
    StartPostgres();
    pipeline.Produce(200, 300);

    pipeline.CheckEveryEventHandledExactlyOnce(400);
}

TEST_CASE("outage: a retry copy whose delay ends while its work queue is gone is kept, and arrives once it is back") {
    // The work queue is absent while an operator re-creates it with other settings (what
    // TopologyMismatch asks for). A classic delay queue dead-letters at most once: the expired
    // copy had no route and was dropped, after the consumer had already acked the original.
    TestVhost vhost;
    runtime::amqp::Connection setup({vhost.amqp_url(), "retry-no-route-test"});
    const runtime::amqp::ServiceTopology topology{"test-service", {"order.created"}, {200ms}};
    runtime::amqp::DeclareServiceTopology(setup, topology);
    setup.DeleteQueue("test-service");

    runtime::amqp::OutgoingMessage copy{runtime::amqp::RetryExchangeName("test-service"),
                                        runtime::amqp::RetryQueueName("test-service", 200ms),
                                        {},
                                        R"({"retry":"copy"})"};
    copy.properties.message_id = "retry-copy";
    setup.EnableConfirms();
    const auto confirmed = setup.WaitForConfirms(setup.Publish(copy), 5s);
    REQUIRE(confirmed.complete);
    REQUIRE(confirmed.nacked.empty());
    std::this_thread::sleep_for(2s);  // expired ten times over, with nowhere to go

    runtime::amqp::DeclareServiceTopology(setup, topology);
    // The broker's dead-letter worker offers a held copy again on its own timer (3 minutes by
    // default) or when the delay queue restarts; a broker restart is the shorter wait here.
    StopRabbitMq();
    StartRabbitMq();
    CHECK(Eventually([&] { return vhost.MessageCount("test-service") == 1; }, 60s));
}

}  // namespace saga::test
