#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "e2e/sagactl/sagactl_runner.hpp"
#include "runtime/amqp/connection.hpp"
#include "support/live_stack.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace saga::test {
namespace {

constexpr const char* kDlq = "inventory-service.dlq";

/// A vhost holding only the queues these tests need, no services: the broker side of sagactl alone.
struct DlqOnly {
    TestVhost vhost;
    runtime::amqp::Connection admin{{vhost.amqp_url(), "e2e-admin"}};

    explicit DlqOnly(runtime::amqp::QueueArguments work_queue = {{"x-queue-type", std::string("quorum")}}) {
        admin.DeclareQueue(kDlq, {{"x-queue-type", std::string("quorum")}});
        admin.DeclareQueue("inventory-service", work_queue);
        admin.EnableConfirms();
    }

    /// Puts a dead-lettered message into the DLQ, as a consumer would have.
    void DeadLetter(const std::string& id, const std::string& original_queue) {
        runtime::amqp::OutgoingMessage m;
        m.routing_key = kDlq;
        m.body = json{{"id", id}, {"type", "order.created"}, {"subject", "ord-" + id}, {"data", json::object()}}.dump();
        m.properties.message_id = id;
        m.properties.type = "order.created";
        m.properties.content_type = "application/cloudevents+json";
        m.properties.headers = {{"x-original-queue", original_queue},
                                {"x-failure-reason", std::string("retries_exhausted")},
                                {"x-attempts", std::int64_t{5}},
                                {"x-first-failed-at", std::string("2026-12-01T06:00:00.000Z")},
                                {"x-last-failed-at", std::string("2026-12-01T06:01:00.000Z")}};
        REQUIRE(admin.WaitForConfirms(admin.Publish(m), 10s).complete);
    }

    std::vector<std::string> Args(std::vector<std::string> args) const {
        args.insert(args.end(), {"--amqp-url", vhost.amqp_url()});
        return args;
    }
};

}  // namespace

TEST_CASE("sagactl e2e: a replay lands in the original queue with replay headers and a fresh retry budget") {
    DlqOnly broker;
    broker.DeadLetter("m-1", "inventory-service");
    broker.DeadLetter("m-2", "inventory-service");
    REQUIRE(Eventually([&] { return broker.vhost.MessageCount(kDlq) == 2; }, 10s));

    const auto run = RunSagactl(broker.Args({"dlq", "replay", "--id", "m-2", "--queue", "inventory"}));
    INFO("stdout: ", run.out, "\nstderr: ", run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("replayed 1, skipped 0, failed 0") != std::string::npos);

    std::optional<runtime::amqp::Delivery> replayed;
    REQUIRE(Eventually([&] { return (replayed = broker.admin.Get("inventory-service")).has_value(); }, 10s));
    const auto& h = replayed->properties.headers;
    CHECK(replayed->properties.message_id == "m-2");
    CHECK(replayed->exchange.empty());  // the default exchange: straight to that queue, not saga.events
    CHECK(runtime::amqp::IntHeader(h, "x-replay-count") == 1);
    CHECK(runtime::amqp::StringHeader(h, "x-replayed-at").has_value());
    CHECK(h.count("x-attempts") == 0);
    CHECK(runtime::amqp::StringHeader(h, "x-first-failed-at") == "2026-12-01T06:00:00.000Z");
    broker.admin.Ack(replayed->delivery_tag);

    // The message not selected is still there, untouched.
    const auto list = RunSagactl(broker.Args({"dlq", "list", "--json", "--queue", "inventory-service.dlq"}));
    REQUIRE(list.exit_code == 0);
    const json listed = list.Json();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["message_id"] == "m-1");
    CHECK(listed[0]["attempts"] == 5);
}

TEST_CASE("sagactl e2e: a replay takes each message once, although a consumer dead-letters it again at once") {
    // The work queue sends everything straight back to the DLQ, as a consumer does with a poison
    // message: a walk that went on until the DLQ was empty never ended, or replayed copies again.
    DlqOnly broker({{"x-message-ttl", std::int64_t{0}},
                    {"x-dead-letter-exchange", std::string("")},
                    {"x-dead-letter-routing-key", std::string(kDlq)}});
    for (const char* id : {"m-1", "m-2", "m-3"}) broker.DeadLetter(id, "inventory-service");
    REQUIRE(Eventually([&] { return broker.vhost.MessageCount(kDlq) == 3; }, 10s));

    const auto run = RunSagactl(broker.Args({"dlq", "replay", "--all", "--queue", "inventory"}));
    INFO("stdout: ", run.out, "\nstderr: ", run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("replayed 3, skipped 0, failed 0") != std::string::npos);

    REQUIRE(Eventually([&] { return broker.vhost.MessageCount(kDlq) == 3; }, 10s));
    std::map<std::string, std::int64_t> replay_counts;
    for (int i = 0; i < 3; ++i) {
        const auto back = broker.admin.Get(kDlq);
        REQUIRE(back.has_value());
        replay_counts[back->properties.message_id] =
            runtime::amqp::IntHeader(back->properties.headers, "x-replay-count").value_or(0);
    }
    CHECK(replay_counts == std::map<std::string, std::int64_t>{{"m-1", 1}, {"m-2", 1}, {"m-3", 1}});
}

TEST_CASE("sagactl e2e: a replay to a queue that does not exist fails and keeps the message") {
    DlqOnly broker;
    broker.DeadLetter("m-lost", "no-such-queue");
    REQUIRE(Eventually([&] { return broker.vhost.MessageCount(kDlq) == 1; }, 10s));

    const auto dry = RunSagactl(broker.Args({"dlq", "replay", "--all", "--dry-run"}));
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("would fail: queue no-such-queue does not exist") != std::string::npos);

    const auto run = RunSagactl(broker.Args({"dlq", "replay", "--all"}));
    INFO("stdout: ", run.out, "\nstderr: ", run.err);
    CHECK(run.exit_code == 1);
    CHECK(run.out.find("replayed 0, skipped 0, failed 1") != std::string::npos);
    CHECK(run.err.find("no-such-queue does not exist") != std::string::npos);
    CHECK(broker.vhost.MessageCount(kDlq) == 1);
}

TEST_CASE(
    "sagactl e2e: a replay or purge by id whose message another reader held meanwhile fails, never reports success") {
    // The work queue sends a replayed copy straight back to the DLQ, so the message can be
    // replayed again and again.
    DlqOnly broker({{"x-message-ttl", std::int64_t{0}},
                    {"x-dead-letter-exchange", std::string("")},
                    {"x-dead-letter-routing-key", std::string(kDlq)}});
    broker.DeadLetter("m-contested", "inventory-service");
    REQUIRE(Eventually([&] { return broker.vhost.MessageCount(kDlq) == 1; }, 10s));

    // Another reader of the DLQ, as the console's DLQ page is: it takes the message unacked and
    // puts it back, over and over. sagactl's check that the id is there and its walk are two
    // visits, and the message can be held in between.
    std::atomic<bool> done{false};
    std::thread other_reader([&] {
        runtime::amqp::Connection reader({broker.vhost.amqp_url(), "e2e-other-reader"});
        while (!done) {
            if (const auto held = reader.Get(kDlq)) {
                std::this_thread::sleep_for(20ms);
                reader.Reject(held->delivery_tag, /*requeue=*/true);
            }
            std::this_thread::sleep_for(10ms);
        }
    });
    int replayed = 0, refused = 0;
    for (int i = 0; i < 40; ++i) {
        const auto run = RunSagactl(broker.Args({"dlq", "replay", "--id", "m-contested"}));
        INFO("stdout: ", run.out, "\nstderr: ", run.err);
        if (run.exit_code == 0) {
            CHECK(run.out.find("replayed 1, skipped 0, failed 0") != std::string::npos);
            ++replayed;
        } else {
            CHECK(run.exit_code == 1);
            CHECK(run.out.find("replayed 1") == std::string::npos);
            ++refused;
        }
    }
    bool purged = false;
    for (int i = 0; i < 40 && !purged; ++i) {
        const auto run = RunSagactl(broker.Args({"dlq", "purge", "--id", "m-contested", "--yes"}));
        INFO("stdout: ", run.out, "\nstderr: ", run.err);
        if (run.exit_code == 0) {
            CHECK(run.out.find("purged 1") != std::string::npos);
            purged = true;
        }
    }
    done = true;
    other_reader.join();  // it puts the message back before it ends
    MESSAGE("under contention: replayed ", replayed, " times, refused ", refused, " times, purged: ", purged);
    if (!purged) {
        const auto run = RunSagactl(broker.Args({"dlq", "purge", "--id", "m-contested", "--yes"}));
        INFO("stdout: ", run.out, "\nstderr: ", run.err);
        CHECK(run.exit_code == 0);
        CHECK(run.out.find("purged 1") != std::string::npos);
    }
    CHECK(Eventually([&] { return broker.vhost.MessageCount(kDlq) == 0; }, 10s));
}

TEST_CASE("sagactl e2e: purge deletes only what was chosen, and only with --yes") {
    DlqOnly broker;
    broker.DeadLetter("p-1", "inventory-service");
    broker.DeadLetter("p-2", "inventory-service");
    broker.DeadLetter("p-3", "inventory-service");
    REQUIRE(Eventually([&] { return broker.vhost.MessageCount(kDlq) == 3; }, 10s));

    CHECK(RunSagactl(broker.Args({"dlq", "purge", "--id", "p-1"})).exit_code == 2);
    CHECK(RunSagactl(broker.Args({"dlq", "purge", "--id", "p-1", "--id", "nope", "--yes"})).exit_code == 1);
    CHECK(broker.vhost.MessageCount(kDlq) == 3);

    const auto one = RunSagactl(broker.Args({"dlq", "purge", "--id", "p-1", "--yes"}));
    CHECK(one.exit_code == 0);
    CHECK(one.out.find("purged 1") != std::string::npos);
    CHECK(broker.vhost.MessageCount(kDlq) == 2);
    CHECK(RunSagactl(broker.Args({"dlq", "show", "p-1"})).exit_code == 1);
    CHECK(RunSagactl(broker.Args({"dlq", "show", "p-2"})).exit_code == 0);

    const auto all = RunSagactl(broker.Args({"dlq", "purge", "--all", "--queue", "inventory", "--yes"}));
    CHECK(all.exit_code == 0);
    CHECK(all.out.find("purged 2") != std::string::npos);
    CHECK(broker.vhost.MessageCount(kDlq) == 0);
}

}  // namespace saga::test
