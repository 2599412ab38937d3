#include "runtime/messaging/consumer_loop.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "runtime/amqp/errors.hpp"
#include "runtime/amqp/topology.hpp"
#include "runtime/pg/errors.hpp"
#include "runtime_fixture.hpp"
#include "support/sample_events.hpp"

using namespace std::chrono_literals;
using saga::runtime::amqp::Delivery;
using saga::runtime::amqp::IntHeader;
using saga::runtime::amqp::StringHeader;

namespace saga::test {
namespace {

std::optional<Delivery> GetOne(RuntimeFixture& f, const std::string& queue) {
    runtime::amqp::Connection connection(f.Amqp("test-reader"));
    auto delivery = connection.Get(queue);
    if (delivery) connection.Ack(delivery->delivery_tag);
    return delivery;
}

void CheckDeadLetterHeaders(const Delivery& dead, const std::string& reason, int attempts) {
    const auto& h = dead.properties.headers;
    CHECK(StringHeader(h, "x-failure-reason") == reason);
    CHECK(StringHeader(h, "x-original-exchange") == "saga.events");
    CHECK(StringHeader(h, "x-original-routing-key") == "order.created");
    CHECK(StringHeader(h, "x-original-queue") == "test-service");
    CHECK(StringHeader(h, "x-failed-service") == "test-service");
    CHECK(!StringHeader(h, "x-exception-type").value_or("").empty());
    CHECK(!StringHeader(h, "x-exception-message").value_or("").empty());
    CHECK(!StringHeader(h, "x-first-failed-at").value_or("").empty());
    CHECK(!StringHeader(h, "x-last-failed-at").value_or("").empty());
    CHECK(IntHeader(h, "x-attempts") == attempts);
}

struct RunningConsumer {
    runtime::messaging::ConsumerLoop loop;
    std::jthread thread;
    RunningConsumer(RuntimeFixture& f, runtime::messaging::ConsumerOptions options, runtime::pg::Database& db,
                    runtime::messaging::EventHandler handler)
        : loop(std::move(options), db, std::move(handler), f.logger),
          thread([this](std::stop_token stop) { loop.Run(stop); }) {}
};

/// Starts a consumer and waits until its queue exists and is consumed.
std::unique_ptr<RunningConsumer> StartConsumer(RuntimeFixture& f, runtime::pg::Database& db,
                                               runtime::messaging::EventHandler handler,
                                               runtime::messaging::ConsumerOptions options) {
    auto consumer = std::make_unique<RunningConsumer>(f, std::move(options), db, std::move(handler));
    REQUIRE(Eventually([&] { return f.vhost.ConsumerCount("test-service") == 1; }, 10s));
    return consumer;
}

}  // namespace

TEST_CASE("consumer loop: an event is handled once and acked — a duplicate message id is acked and skipped") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto consumer = StartConsumer(f, db, RecordEffect(), f.Consumer());

    const auto event = SampleOrderCreated("o-1");
    const std::string body = events::Encode(event);
    f.PublishRaw("order.created", body, event.id);
    f.PublishRaw("order.created", body, event.id);

    REQUIRE(Eventually([&] { return consumer->loop.stats().duplicates.load() == 1; }, 10s));
    CHECK(f.Effects() == 1);
    CHECK(consumer->loop.stats().handled.load() == 1);
    CHECK(f.vhost.MessageCount("test-service.dlq") == 0);
    consumer.reset();
    CHECK(f.vhost.MessageCount("test-service") == 0);  // both acked
}

TEST_CASE("consumer loop: an undecodable message goes to the DLQ at once with every failure header") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    std::atomic<int> calls{0};
    auto consumer = StartConsumer(
        f, db, [&](const events::Envelope&, runtime::pg::Transaction&) { ++calls; }, f.Consumer());

    f.PublishRaw("order.created", "{not json", "m-garbage");

    REQUIRE(Eventually([&] { return f.vhost.MessageCount("test-service.dlq") == 1; }, 10s));
    auto dead = GetOne(f, "test-service.dlq");
    REQUIRE(dead);
    CHECK(dead->body == "{not json");
    CHECK(dead->properties.message_id == "m-garbage");
    CheckDeadLetterHeaders(*dead, "poison", 1);
    CHECK(calls.load() == 0);
    CHECK(consumer->loop.stats().retried.load() == 0);
}

TEST_CASE("consumer loop: a schema-invalid message goes to the DLQ at once, never retried") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    std::atomic<int> calls{0};
    auto consumer = StartConsumer(
        f, db, [&](const events::Envelope&, runtime::pg::Transaction&) { ++calls; }, f.Consumer());

    auto event = SampleOrderCreated("o-2");
    event.data["items"][0]["quantity"] = 0;  // breaks the schema
    f.PublishRaw("order.created", events::Encode(event), event.id);

    REQUIRE(Eventually([&] { return f.vhost.MessageCount("test-service.dlq") == 1; }, 10s));
    auto dead = GetOne(f, "test-service.dlq");
    REQUIRE(dead);
    CheckDeadLetterHeaders(*dead, "poison", 1);
    CHECK(StringHeader(dead->properties.headers, "x-exception-message")->find("quantity") != std::string::npos);
    CHECK(calls.load() == 0);
    CHECK(consumer->loop.stats().retried.load() == 0);
    CHECK(f.vhost.MessageCount("test-service") == 0);
}

TEST_CASE("consumer loop: a handler that keeps throwing is retried with growing delays, then dead-lettered") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> calls;
    auto consumer = StartConsumer(
        f, db,
        [&](const events::Envelope&, runtime::pg::Transaction& tx) {
            tx.work().exec0("INSERT INTO effects (event_id, subject) VALUES ('should', 'roll back')");
            std::lock_guard lock(mutex);
            calls.push_back(std::chrono::steady_clock::now());
            throw std::runtime_error("payment gateway says no");
        },
        f.Consumer());

    const auto event = SampleOrderCreated("o-3");
    f.PublishRaw("order.created", events::Encode(event), event.id);

    REQUIRE(Eventually([&] { return f.vhost.MessageCount("test-service.dlq") == 1; }, 15s));
    auto dead = GetOne(f, "test-service.dlq");
    REQUIRE(dead);
    CheckDeadLetterHeaders(*dead, "retries_exhausted", 3);
    CHECK(StringHeader(dead->properties.headers, "x-exception-message") == "payment gateway says no");
    CHECK(StringHeader(dead->properties.headers, "x-exception-type") == "std::runtime_error");
    CHECK(dead->properties.message_id == event.id);
    CHECK(dead->body == events::Encode(event));

    std::lock_guard lock(mutex);
    REQUIRE(calls.size() == 3);
    const auto first_gap = calls[1] - calls[0];
    const auto second_gap = calls[2] - calls[1];
    CHECK(first_gap >= 200ms);
    CHECK(second_gap >= 400ms);
    CHECK(f.Effects() == 0);  // every failed attempt rolled back
    CHECK(consumer->loop.stats().retried.load() == 2);
}

TEST_CASE(
    "consumer loop: a dead-letter or retry copy that no queue takes is not acked away: it arrives once the "
    "consumer has declared its queues again") {
    // An operator deletes the DLQ and a delay queue while the consumer runs. The broker confirms a
    // publish it routes nowhere, so the copies were lost and their originals acked.
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    std::atomic<int> calls{0};
    auto consumer = StartConsumer(
        f, db,
        [&](const events::Envelope& event, runtime::pg::Transaction& tx) {
            if (++calls == 1) throw std::runtime_error("fails once");
            RecordEffect()(event, tx);
        },
        f.Consumer());
    {
        runtime::amqp::Connection admin(f.Amqp("test-admin"));
        admin.DeleteQueue("test-service.dlq");
        admin.DeleteQueue(runtime::amqp::RetryQueueName("test-service", 200ms));
    }
    auto count = [&](const std::string& queue) {
        try {
            return f.vhost.MessageCount(queue);
        } catch (const runtime::amqp::AmqpChannelError&) {
            return -1LL;  // not there (yet)
        }
    };

    f.PublishRaw("order.created", "{not json", "m-garbage");
    REQUIRE(Eventually([&] { return count("test-service.dlq") == 1; }, 20s));
    CHECK(GetOne(f, "test-service.dlq")->properties.message_id == "m-garbage");

    const auto event = SampleOrderCreated("o-retry");
    f.PublishRaw("order.created", events::Encode(event), event.id);
    REQUIRE(Eventually([&] { return f.EffectsOf("o-retry") == 1; }, 20s));
    CHECK(count("test-service.dlq") == 0);
}

TEST_CASE("consumer loop: a work queue deleted under the consumer is declared again and consumed") {
    // The broker cancels the consumer of a deleted queue, but tells only clients that ask for it
    // (consumer_cancel_notify); before, the consumer waited on a dead subscription forever.
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto consumer = StartConsumer(f, db, RecordEffect(), f.Consumer());
    runtime::amqp::Connection(f.Amqp("test-admin")).DeleteQueue("test-service");

    REQUIRE(Eventually([&] { return f.vhost.ConsumerCount("test-service") == 1; }, 20s));
    const auto event = SampleOrderCreated("o-after-delete");
    f.PublishRaw("order.created", events::Encode(event), event.id);
    CHECK(Eventually([&] { return f.EffectsOf("o-after-delete") == 1; }, 10s));
}

TEST_CASE(
    "consumer loop: a redelivered message whose attempt cannot be counted goes the retry path, and the consumer "
    "does not stop") {
    // Counting a redelivered message's attempt is a statement of its own. An error there other
    // than an outage (here a CHECK that refuses the row; a cancelled statement or a lock timeout
    // in production) escaped the loop, and the service stopped.
    RuntimeFixture f;
    f.db.Execute("ALTER TABLE handling_attempts ADD CONSTRAINT refuse_all CHECK (attempts < 0)");
    const auto event = SampleOrderCreated("o-uncounted");
    {
        runtime::amqp::Connection setup(f.Amqp("test-setup"));
        runtime::amqp::DeclareServiceTopology(setup, {"test-service", {"order.created"}, f.Consumer().retry.delays});
        f.PublishRaw("order.created", events::Encode(event), event.id);
        REQUIRE(Eventually([&] { return f.vhost.MessageCount("test-service") == 1; }, 10s));
        REQUIRE(setup.Get("test-service").has_value());  // taken and never acked: redelivered
    }
    runtime::pg::Database db(f.db.url(), 1);
    runtime::messaging::ConsumerLoop loop(f.Consumer(), db, RecordEffect(), f.logger);
    std::atomic<bool> threw{false};
    std::jthread thread([&](std::stop_token stop) {
        try {
            loop.Run(stop);
        } catch (const std::exception& error) {
            MESSAGE("the consumer stopped: ", std::string(error.what()));
            threw = true;
        }
    });
    CHECK(Eventually([&] { return f.EffectsOf("o-uncounted") == 1 || threw.load(); }, 15s));
    CHECK_FALSE(threw.load());
    CHECK(f.EffectsOf("o-uncounted") == 1);
    CHECK(loop.stats().retried.load() == 1);
}

TEST_CASE("consumer loop: one failing message in a batch does not hold back or undo the others") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto options = f.Consumer();
    options.retry.max_attempts = 1;
    auto record = RecordEffect();

    // Queue everything before the consumer starts, so it arrives as one batch.
    {
        runtime::amqp::Connection setup(f.Amqp("setup"));
        runtime::amqp::DeclareServiceTopology(
            setup, {"test-service", {"order.created"}, options.retry.delays, options.delivery_limit});
    }
    for (int i = 0; i < 20; ++i) {
        const auto event = SampleOrderCreated(i == 7 ? "o-bad" : "o-" + std::to_string(i));
        f.PublishRaw("order.created", events::Encode(event), event.id);
    }
    auto consumer = StartConsumer(
        f, db,
        [&](const events::Envelope& event, runtime::pg::Transaction& tx) {
            if (event.subject == "o-bad") throw std::runtime_error("bad order");
            record(event, tx);
        },
        options);

    REQUIRE(Eventually([&] { return f.vhost.MessageCount("test-service.dlq") == 1; }, 10s));
    REQUIRE(Eventually([&] { return f.Effects() == 19; }, 10s));
    auto dead = GetOne(f, "test-service.dlq");
    REQUIRE(dead);
    CHECK(events::Decode(dead->body).subject == "o-bad");
    CHECK(consumer->loop.stats().batches.load() < 20);  // it did batch
}

TEST_CASE(
    "consumer loop: a message that failed alone, then committed when an outage made the batch run again, is not "
    "also retried or dead-lettered") {
    // The batch [A, B] fails together (A's handler throws), A fails alone too, and B's database
    // goes away: the batch is held and handled again, and this time A's handler succeeds. A is
    // committed then, so no retry or dead-letter copy of it may go out (a DLQ copy replayed after
    // the inbox forgot A would apply it twice).
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto options = f.Consumer();
    options.retry.max_attempts = 1;
    options.batch_linger = 300ms;  // so that A and B, queued before it starts, form one batch
    options.batch_linger_min_expected = 0;
    {
        runtime::amqp::Connection setup(f.Amqp("setup"));
        runtime::amqp::DeclareServiceTopology(
            setup, {"test-service", {"order.created"}, options.retry.delays, options.delivery_limit});
    }
    for (const char* subject : {"o-a", "o-b"}) {
        const auto event = SampleOrderCreated(subject);
        f.PublishRaw("order.created", events::Encode(event), event.id);
    }
    std::mutex mutex;
    std::map<std::string, int> calls;
    auto record = RecordEffect();
    auto consumer = StartConsumer(
        f, db,
        [&](const events::Envelope& event, runtime::pg::Transaction& tx) {
            int call = 0;
            {
                std::lock_guard lock(mutex);
                call = ++calls[event.subject];
            }
            if (event.subject == "o-a" && call <= 2) throw std::runtime_error("not yet");
            if (event.subject == "o-b" && call == 1) throw runtime::pg::DatabaseUnavailable("gone for a moment");
            record(event, tx);
        },
        options);

    REQUIRE(Eventually([&] { return f.Effects() == 2 && consumer->loop.stats().batches.load() >= 1; }, 10s));
    {
        std::lock_guard lock(mutex);
        REQUIRE(calls["o-a"] == 3);  // together, alone, together again
        REQUIRE(calls["o-b"] == 2);  // alone (the outage), together again
    }
    CHECK(consumer->loop.stats().handled.load() == 2);
    CHECK(consumer->loop.stats().retried.load() == 0);
    CHECK(consumer->loop.stats().dead_lettered.load() == 0);
    CHECK(f.vhost.MessageCount("test-service.dlq") == 0);
}

TEST_CASE(
    "consumer loop: a database that refuses writes (read-only after a failover) holds the messages, never "
    "dead-letters them") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto consumer = StartConsumer(f, db, RecordEffect(), f.Consumer());
    f.db.SetReadOnly(true);
    const auto event = SampleOrderCreated("o-read-only");
    f.PublishRaw("order.created", events::Encode(event), event.id);

    // Long enough for every retry delay of f.Consumer() (three attempts within about a second).
    std::this_thread::sleep_for(2500ms);
    CHECK(consumer->loop.stats().retried.load() == 0);
    CHECK(consumer->loop.stats().dead_lettered.load() == 0);
    CHECK(f.vhost.MessageCount("test-service.dlq") == 0);
    CHECK(f.Effects() == 0);

    f.db.SetReadOnly(false);
    REQUIRE(Eventually([&] { return f.Effects() == 1; }, 15s));
    CHECK(consumer->loop.stats().handled.load() == 1);
    CHECK(consumer->loop.stats().retried.load() == 0);
    CHECK(consumer->loop.stats().dead_lettered.load() == 0);
}

TEST_CASE(
    "consumer loop: a batch's preparer gets its events before their handlers, in their transaction, not duplicates") {
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto options = f.Consumer();
    {
        runtime::amqp::Connection setup(f.Amqp("setup"));
        runtime::amqp::DeclareServiceTopology(
            setup, {"test-service", {"order.created"}, options.retry.delays, options.delivery_limit});
    }
    std::vector<events::Envelope> sent;
    for (int i = 0; i < 12; ++i) sent.push_back(SampleOrderCreated("o-" + std::to_string(i)));
    for (const auto& event : sent) f.PublishRaw("order.created", events::Encode(event), event.id);
    f.PublishRaw("order.created", events::Encode(sent[3]), sent[3].id);  // a duplicate

    std::mutex mutex;
    std::vector<std::string> prepared;
    std::set<std::string> batch_ids;
    const runtime::pg::Transaction* batch_tx = nullptr;
    int handled_in_batch_tx = 0;
    int handled_unprepared_in_batch_tx = 0;
    options.before_batch = [&](const std::vector<const events::Envelope*>& batch, runtime::pg::Transaction& tx) {
        std::lock_guard lock(mutex);
        batch_tx = &tx;
        batch_ids.clear();
        for (const auto* event : batch) {
            prepared.push_back(event->id);
            batch_ids.insert(event->id);
        }
        tx.AfterCommit([&] { batch_tx = nullptr; });
    };
    auto record = RecordEffect();
    auto consumer = StartConsumer(
        f, db,
        [&](const events::Envelope& event, runtime::pg::Transaction& tx) {
            record(event, tx);
            std::lock_guard lock(mutex);
            if (&tx != batch_tx) return;  // handled alone
            ++handled_in_batch_tx;
            if (!batch_ids.contains(event.id)) ++handled_unprepared_in_batch_tx;
        },
        options);

    REQUIRE(Eventually([&] { return consumer->loop.stats().duplicates.load() == 1 && f.Effects() == 12; }, 10s));
    std::lock_guard lock(mutex);
    CHECK(consumer->loop.stats().batches.load() < 13);  // it did batch
    CHECK_FALSE(prepared.empty());
    CHECK(handled_in_batch_tx == static_cast<int>(prepared.size()));
    CHECK(handled_unprepared_in_batch_tx == 0);
    CHECK(std::set<std::string>(prepared.begin(), prepared.end()).size() == prepared.size());  // once each
}

TEST_CASE("consumer loop: with a batch linger, a steady stream is handled in batches, not one by one") {
    // 150 events 20 ms apart: without a linger each is alone in its batch (its handling takes far
    // less than 20 ms); with 250 ms, once the first half-second window has shown the rate, a
    // batch keeps gathering for 250 ms. A slower machine only makes batches bigger.
    RuntimeFixture f;
    runtime::pg::Database db(f.db.url(), 1);
    auto options = f.Consumer();
    options.batch_linger = 250ms;
    auto consumer = StartConsumer(f, db, RecordEffect(), options);
    for (int i = 0; i < 150; ++i) {
        const auto event = SampleOrderCreated("o-" + std::to_string(i));
        f.PublishRaw("order.created", events::Encode(event), event.id);
        std::this_thread::sleep_for(20ms);
    }
    REQUIRE(Eventually([&] { return f.Effects() == 150; }, 10s));
    CHECK(consumer->loop.stats().handled.load() == 150);
    CHECK(consumer->loop.stats().batches.load() <= 75);
}

TEST_CASE("consumer loop: a queue declared with other arguments stops the consumer with a message naming them") {
    RuntimeFixture f;
    {
        runtime::amqp::Connection setup(f.Amqp("setup"));
        setup.DeclareQueue("test-service", {{"x-queue-type", std::string("classic")}});
    }
    runtime::pg::Database db(f.db.url(), 1);
    runtime::messaging::ConsumerLoop loop(f.Consumer(), db, RecordEffect(), f.logger);
    std::stop_source stop;
    try {
        loop.Run(stop.get_token());
        FAIL("Run returned although the queue is classic");
    } catch (const runtime::amqp::TopologyMismatch& error) {
        const std::string text = error.what();
        INFO(text);
        CHECK(text.find("queue 'test-service'") != std::string::npos);
        CHECK(text.find("inequivalent arg") != std::string::npos);  // the broker names the argument
    }
}

}  // namespace saga::test
