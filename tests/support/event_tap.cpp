#include "support/event_tap.hpp"

#include <stdexcept>
#include <thread>

#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"
#include "runtime/outbox/relay.hpp"
#include "support/live_stack.hpp"

namespace saga::test {

EventTap::EventTap(std::string amqp_url, std::string queue) : amqp_url_(std::move(amqp_url)), queue_(std::move(queue)) {
    runtime::amqp::Connection connection({amqp_url_, "test-tap"});
    runtime::amqp::DeclareExchanges(connection);
    connection.DeclareQueue(queue_, {{"x-queue-type", std::string("quorum")}});
    connection.BindQueue(queue_, runtime::amqp::kEventsExchange, "#");
}

EventTap::~EventTap() {
    try {
        runtime::amqp::Connection connection({amqp_url_, "test-tap"});
        connection.DeleteQueue(queue_);
    } catch (const std::exception&) {
        // The vhost may be gone already.
    }
}

const std::vector<events::Envelope>& EventTap::Collect() {
    runtime::amqp::Connection connection({amqp_url_, "test-tap-reader"});
    while (auto delivery = connection.Get(queue_)) {
        connection.Ack(delivery->delivery_tag);
        bodies_.push_back(delivery->body);
        events_.push_back(events::Decode(delivery->body));
    }
    return events_;
}

events::Envelope EventTap::WaitFor(const std::function<bool(const events::Envelope&)>& match,
                                   std::chrono::milliseconds timeout) {
    std::optional<events::Envelope> found;
    Eventually(
        [&] {
            for (const auto& event : Collect()) {
                if (match(event)) {
                    found = event;
                    return true;
                }
            }
            return false;
        },
        timeout);
    if (!found) throw std::runtime_error("the expected event did not arrive in time");
    return *found;
}

events::Envelope EventTap::WaitFor(const std::string& type, const std::string& subject,
                                   std::chrono::milliseconds timeout) {
    try {
        return WaitFor([&](const events::Envelope& e) { return e.type == type && e.subject == subject; }, timeout);
    } catch (const std::runtime_error&) {
        throw std::runtime_error(type + " for " + subject + " did not arrive in time");
    }
}

std::vector<events::Envelope> EventTap::All(const std::string& type, const std::string& subject) {
    std::vector<events::Envelope> out;
    for (const auto& event : Collect()) {
        if (event.type == type && event.subject == subject) out.push_back(event);
    }
    return out;
}

void PublishEvent(const std::string& amqp_url, const events::Envelope& event) {
    runtime::amqp::Connection connection({amqp_url, "test-publisher"});
    runtime::amqp::DeclareExchanges(connection);
    connection.EnableConfirms();
    runtime::pg::OutboxRow row{
        0, event.id, event.type, event.subject, event.correlation_id, event.source, events::Encode(event), 0};
    connection.Publish(runtime::outbox::ToMessage(row));
    if (!connection.WaitForConfirms(connection.LastPublished(), std::chrono::seconds{10}).complete) {
        throw std::runtime_error("publish not confirmed");
    }
}

}  // namespace saga::test
