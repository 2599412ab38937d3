#include "e2e/browser/dead_letter.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>

#include "e2e/stack/saga_stack.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/outbox/relay.hpp"

namespace saga::test {

std::string DeadLetterHandledCopy(const SagaStack& stack, const events::Envelope& event) {
    const runtime::pg::OutboxRow row{
        0,
        event.id,
        event.type,
        event.subject,
        event.correlation_id,
        event.source,
        events::Encode(event),
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count()};
    auto copy = runtime::outbox::ToMessage(row);
    copy.exchange = "";
    copy.routing_key = "inventory-service.dlq";
    const std::string now = events::NowRfc3339();
    copy.properties.headers = {{"x-original-exchange", std::string("saga.events")},
                               {"x-original-routing-key", event.type},
                               {"x-original-queue", std::string("inventory-service")},
                               {"x-failure-reason", std::string("retries_exhausted")},
                               {"x-exception-type", std::string("std::runtime_error")},
                               {"x-exception-message", std::string("the ack was lost after commit")},
                               {"x-attempts", std::int64_t{6}},
                               {"x-first-failed-at", now},
                               {"x-last-failed-at", now},
                               {"x-failed-service", std::string("inventory-service")}};
    runtime::amqp::Connection admin({stack.vhost().amqp_url(), "e2e-browser-admin"});
    admin.EnableConfirms();
    REQUIRE(admin.WaitForConfirms(admin.Publish(copy), std::chrono::seconds{10}).complete);
    return event.id;
}

}  // namespace saga::test
