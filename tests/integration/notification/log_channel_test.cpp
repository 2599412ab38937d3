// notification-service with the default log channel: order outcomes → notifications → SENT.
#include <doctest/doctest.h>

#include <thread>

#include "events/formats.hpp"
#include "events/notification_sent.hpp"
#include "notification_fixture.hpp"

using namespace saga;
using namespace saga::test;

TEST_CASE("notification: order.confirmed is delivered on the log channel, SENT and announced") {
    NotificationStack stack;
    const std::string order_id = NewOrderId();
    const auto confirmed = OrderConfirmedEvent(order_id, "a@b.example");
    stack.Publish(confirmed);

    const auto sent = stack.tap().WaitFor("notification.sent", order_id);
    CHECK(sent.source == "notification-service");
    CHECK(sent.correlation_id == confirmed.correlation_id);
    CHECK(sent.causation_id == confirmed.id);
    const auto data = events::DataAs<events::NotificationSent>(sent);
    CHECK(data.order_id == order_id);
    CHECK(data.event_type == "order.confirmed");
    CHECK(data.channel == events::NotificationChannel::kLog);
    CHECK(data.recipient == "a@b.example");

    const auto list = stack.Notifications(order_id);
    REQUIRE(list.size() == 1);
    const auto& n = list.at(0);
    CHECK(n.at("notification_id") == data.notification_id);
    CHECK(n.at("order_id") == order_id);
    CHECK(n.at("event_type") == "order.confirmed");
    CHECK(n.at("channel") == "log");
    CHECK(n.at("recipient") == "a@b.example");
    CHECK(n.at("status") == "SENT");
    CHECK(n.at("attempts") == 1);
    CHECK(events::IsTimestamp(n.at("sent_at").get<std::string>()));
}

TEST_CASE("notification: duplicate and late events add no second notification per (order, event type)") {
    NotificationStack stack;
    const std::string order_id = NewOrderId();
    // Out of order: the cancellation arrives first; then confirmed three times (one redelivery of
    // the same event, one re-publication with a new id); then a late rejection.
    stack.Publish(OrderCancelledEvent(order_id, std::nullopt));
    const auto confirmed = OrderConfirmedEvent(order_id, "a@b.example");
    stack.Publish(confirmed);
    stack.Publish(confirmed);
    stack.Publish(OrderConfirmedEvent(order_id, "a@b.example"));
    stack.Publish(OrderRejectedEvent(order_id, "a@b.example"));

    // The queue is FIFO: once the last event's notification is out, the duplicates were handled.
    stack.tap().WaitFor(
        [&](const events::Envelope& e) {
            return e.type == "notification.sent" && e.subject == order_id &&
                   e.data.at("event_type") == "order.rejected";
        },
        std::chrono::seconds{20});
    REQUIRE(Eventually(
        [&] {
            stack.tap().Collect();
            return stack.tap().All("notification.sent", order_id).size() >= 3;
        },
        std::chrono::seconds{10}));
    std::this_thread::sleep_for(std::chrono::milliseconds{500});  // room for a wrong extra one
    stack.tap().Collect();
    CHECK(stack.tap().All("notification.sent", order_id).size() == 3);
    CHECK(stack.database().QueryInt("SELECT count(*) FROM notifications WHERE order_id = '" + order_id + "'") == 3);

    const auto list = stack.Notifications(order_id);
    REQUIRE(list.size() == 3);
    std::map<std::string, nlohmann::json> by_type;
    for (const auto& n : list) by_type[n.at("event_type").get<std::string>()] = n;
    REQUIRE(by_type.size() == 3);
    CHECK(by_type.at("order.cancelled").at("recipient") == "c-42");  // no e-mail: the customer id
    CHECK(by_type.at("order.confirmed").at("recipient") == "a@b.example");
    for (const auto& n : list) CHECK(n.at("status") == "SENT");
}
