#include "runtime/messaging/failure_policy.hpp"

#include <doctest/doctest.h>

using namespace std::chrono_literals;
using namespace saga::runtime;

namespace {

amqp::Delivery SampleDelivery() {
    amqp::Delivery delivery;
    delivery.exchange = "saga.events";
    delivery.routing_key = "order.created";
    delivery.body = "{}";
    delivery.properties.message_id = "m-1";
    delivery.properties.type = "order.created";
    delivery.properties.headers["custom"] = std::string("kept");
    return delivery;
}

messaging::Failure SampleFailure(int attempts, const std::string& now) {
    return {"std::runtime_error", "boom", attempts, now};
}

}  // namespace

TEST_CASE("retry policy: delays grow along the list, the last repeats, and the budget ends retries") {
    messaging::RetryPolicy policy{5, {1s, 5s, 30s}};
    CHECK(policy.DelayAfter(1) == 1s);
    CHECK(policy.DelayAfter(2) == 5s);
    CHECK(policy.DelayAfter(3) == 30s);
    CHECK(policy.DelayAfter(4) == 30s);
    CHECK_FALSE(policy.DelayAfter(5));
    CHECK_FALSE((messaging::RetryPolicy{1, {1s}}.DelayAfter(1)));
    CHECK_FALSE((messaging::RetryPolicy{5, {}}.DelayAfter(1)));
}

TEST_CASE("dead-letter copy: keeps body and properties, goes to saga.dlx keyed by the queue, carries every header") {
    const auto copy = messaging::DeadLetterCopy(SampleDelivery(), "inventory-service", "inventory-service",
                                                messaging::kReasonRetriesExhausted, SampleFailure(5, "T2"));
    CHECK(copy.exchange == "saga.dlx");
    CHECK(copy.routing_key == "inventory-service");
    CHECK(copy.body == "{}");
    CHECK(copy.properties.message_id == "m-1");
    const auto& h = copy.properties.headers;
    CHECK(amqp::StringHeader(h, "custom") == "kept");
    CHECK(amqp::StringHeader(h, "x-original-exchange") == "saga.events");
    CHECK(amqp::StringHeader(h, "x-original-routing-key") == "order.created");
    CHECK(amqp::StringHeader(h, "x-original-queue") == "inventory-service");
    CHECK(amqp::StringHeader(h, "x-failure-reason") == "retries_exhausted");
    CHECK(amqp::StringHeader(h, "x-exception-type") == "std::runtime_error");
    CHECK(amqp::StringHeader(h, "x-exception-message") == "boom");
    CHECK(amqp::IntHeader(h, "x-attempts") == 5);
    CHECK(amqp::StringHeader(h, "x-first-failed-at") == "T2");
    CHECK(amqp::StringHeader(h, "x-last-failed-at") == "T2");
    CHECK(amqp::StringHeader(h, "x-failed-service") == "inventory-service");
}

TEST_CASE("retry copy: goes to the delay queue of the work queue only, and later failures keep the first's origin") {
    const auto first =
        messaging::RetryCopy(SampleDelivery(), "payment-service", "payment-service", 5s, SampleFailure(1, "T1"));
    CHECK(first.exchange == "payment-service.retry");
    CHECK(first.routing_key == "payment-service.delay.5000ms");
    CHECK_FALSE(amqp::StringHeader(first.properties.headers, "x-failure-reason"));

    // It comes back through the retry exchange: the headers still name the first delivery.
    amqp::Delivery returned{7, false, "payment-service.retry", "payment-service", first.properties, first.body};
    CHECK(messaging::FailedAttempts(returned) == 1);
    const auto dead = messaging::DeadLetterCopy(returned, "payment-service", "payment-service",
                                                messaging::kReasonRetriesExhausted, SampleFailure(2, "T9"));
    CHECK(amqp::StringHeader(dead.properties.headers, "x-original-exchange") == "saga.events");
    CHECK(amqp::StringHeader(dead.properties.headers, "x-original-routing-key") == "order.created");
    CHECK(amqp::StringHeader(dead.properties.headers, "x-first-failed-at") == "T1");
    CHECK(amqp::StringHeader(dead.properties.headers, "x-last-failed-at") == "T9");
}

TEST_CASE("dead-letter copy: an exception message is cut to 1000 characters") {
    auto failure = SampleFailure(1, "T");
    failure.exception_message = std::string(5000, 'x');
    const auto copy = messaging::DeadLetterCopy(SampleDelivery(), "q", "s", messaging::kReasonPoison, failure);
    CHECK(amqp::StringHeader(copy.properties.headers, "x-exception-message")->size() == 1000);
}
