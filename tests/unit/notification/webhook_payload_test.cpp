#include <doctest/doctest.h>

#include "notification/channels/webhook_channel.hpp"

using namespace saga::notification;

TEST_CASE("webhook payload: the notification's ids, recipient and rendered text") {
    Notification n;
    n.notification_id = "n-1";
    n.order_id = "o-1";
    n.event_type = "order.cancelled";
    n.recipient = "c-42";
    n.subject = "Order o-1 cancelled";
    n.body = "text";
    n.cause.correlation_id = "saga-1";
    const auto payload = WebhookPayload(n);
    CHECK(payload["notification_id"] == "n-1");
    CHECK(payload["order_id"] == "o-1");
    CHECK(payload["event_type"] == "order.cancelled");
    CHECK(payload["recipient"] == "c-42");
    CHECK(payload["subject"] == "Order o-1 cancelled");
    CHECK(payload["body"] == "text");
    CHECK(payload["correlation_id"] == "saga-1");
}
