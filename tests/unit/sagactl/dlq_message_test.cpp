#include "sagactl/dlq/dlq_message.hpp"

#include <doctest/doctest.h>

namespace saga::sagactl {
namespace {

DlqMessage Poisoned() {
    DlqMessage m;
    m.queue = "inventory-service.dlq";
    m.properties.message_id = "m-1";
    m.properties.type = "order.created";
    m.properties.timestamp = 1'700'000'000;
    m.properties.headers = {{"x-original-queue", std::string("inventory-service")},
                            {"x-original-routing-key", std::string("order.created")},
                            {"x-failure-reason", std::string("poison")},
                            {"x-attempts", std::int64_t{5}},
                            {"x-first-failed-at", std::string("2026-12-01T06:00:00.000Z")},
                            {"x-last-failed-at", std::string("2026-12-01T06:05:00.000Z")},
                            {"x-delivery-count", std::int64_t{2}}};
    m.body = R"({"id":"m-1","type":"order.created","subject":"o-7","data":{"order_id":"o-7"}})";
    return m;
}

}  // namespace

TEST_CASE("sagactl dlq message: the replay target is x-original-queue, else x-first-death-queue") {
    auto m = Poisoned();
    CHECK(ReplayTarget(m) == "inventory-service");
    m.properties.headers.erase("x-original-queue");
    CHECK_FALSE(ReplayTarget(m));
    m.properties.headers["x-first-death-queue"] = std::string("payment-service");
    CHECK(ReplayTarget(m) == "payment-service");
    m.properties.headers["x-original-queue"] = std::int64_t{3};  // not a string: ignored
    CHECK(ReplayTarget(m) == "payment-service");
}

TEST_CASE("sagactl dlq message: a replay copy goes to the original queue only with a fresh retry budget") {
    const auto m = Poisoned();
    const TimePoint now = *ParseRfc3339("2026-12-01T07:00:00Z");
    auto copy = ReplayCopy(m, "inventory-service", now);
    CHECK(copy.exchange.empty());
    CHECK(copy.routing_key == "inventory-service");
    CHECK(copy.body == m.body);
    CHECK(copy.properties.message_id == "m-1");
    CHECK(copy.properties.type == "order.created");
    const auto& h = copy.properties.headers;
    CHECK(runtime::amqp::IntHeader(h, "x-replay-count") == 1);
    CHECK(runtime::amqp::StringHeader(h, "x-replayed-at") == "2026-12-01T07:00:00.000Z");
    CHECK(h.count("x-attempts") == 0);
    CHECK(h.count("x-delivery-count") == 0);
    CHECK(runtime::amqp::StringHeader(h, "x-first-failed-at") == "2026-12-01T06:00:00.000Z");
    CHECK(runtime::amqp::StringHeader(h, "x-failure-reason") == "poison");

    DlqMessage again = m;
    again.properties.headers = copy.properties.headers;
    const auto second = ReplayCopy(again, "inventory-service", now, std::string(R"({"fixed":true})"));
    CHECK(runtime::amqp::IntHeader(second.properties.headers, "x-replay-count") == 2);
    CHECK(second.body == R"({"fixed":true})");
}

TEST_CASE("sagactl dlq message: failure time, subject and type fall back sensibly") {
    auto m = Poisoned();
    CHECK(FailedAt(m) == ParseRfc3339("2026-12-01T06:05:00Z"));
    CHECK(SubjectOf(m) == "o-7");
    CHECK(TypeOf(m) == "order.created");

    m.properties.headers.erase("x-last-failed-at");
    CHECK(FailedAt(m) == TimePoint{std::chrono::seconds{1'700'000'000}});
    m.properties.timestamp.reset();
    CHECK_FALSE(FailedAt(m));

    m.body = R"({"type":"payment.completed","data":{"order_id":"o-8"}})";
    m.properties.type.clear();
    CHECK(SubjectOf(m) == "o-8");
    CHECK(TypeOf(m) == "payment.completed");
    m.properties.headers["subject"] = std::string("o-9");
    CHECK(SubjectOf(m) == "o-9");
    m.body = "not json";
    m.properties.headers.erase("subject");
    CHECK(SubjectOf(m).empty());
    CHECK(TypeOf(m).empty());
}

TEST_CASE("sagactl dlq message: queue arguments and service names") {
    CHECK(DefaultDeadLetterQueues() == std::vector<std::string>{"order-service.dlq", "inventory-service.dlq",
                                                                "payment-service.dlq", "notification-service.dlq"});
    CHECK(DeadLetterQueueArgument("inventory") == "inventory-service.dlq");
    CHECK(DeadLetterQueueArgument("inventory-service") == "inventory-service.dlq");
    CHECK(DeadLetterQueueArgument("inventory-service.dlq") == "inventory-service.dlq");
    CHECK(DeadLetterQueueArgument("custom.dlq") == "custom.dlq");
    CHECK(DeadLetterQueueArgument(std::string(251, 'q')).size() == 255);
    CHECK_THROWS_AS(DeadLetterQueueArgument(std::string(252, 'q')), std::invalid_argument);
    CHECK(ServiceOfQueue("inventory-service") == "inventory");
    CHECK(ServiceOfQueue("payment-service.dlq") == "payment");
    CHECK(ServiceOfQueue("-service").empty());
    CHECK(ServiceOfQueue("tap").empty());
}

}  // namespace saga::sagactl
