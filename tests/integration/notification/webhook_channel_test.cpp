// notification-service with NOTIFY_CHANNEL=webhook against an in-test HTTP receiver.
#include <doctest/doctest.h>

#include <thread>

#include "events/notification_failed.hpp"
#include "events/notification_sent.hpp"
#include "notification_fixture.hpp"
#include "webhook_receiver.hpp"

using namespace saga;
using namespace saga::test;

namespace {

std::map<std::string, std::string> WebhookEnv(const WebhookReceiver& receiver) {
    return {{"NOTIFY_CHANNEL", "webhook"},
            {"WEBHOOK_URL", receiver.url()},
            {"NOTIFY_MAX_ATTEMPTS", "4"},
            {"NOTIFY_RETRY_DELAY", "100ms"}};
}

}  // namespace

TEST_CASE("notification: the webhook channel POSTs JSON — two failures then success → SENT after 3 attempts") {
    WebhookReceiver receiver(2);
    NotificationStack stack(WebhookEnv(receiver));
    const std::string order_id = NewOrderId();
    const auto confirmed = OrderConfirmedEvent(order_id, "a@b.example");
    stack.Publish(confirmed);

    const auto sent = stack.tap().WaitFor("notification.sent", order_id);
    CHECK(sent.causation_id == confirmed.id);
    const auto data = events::DataAs<events::NotificationSent>(sent);
    CHECK(data.channel == events::NotificationChannel::kWebhook);
    CHECK(receiver.requests() == 3);
    const auto received = receiver.Received();
    REQUIRE(received.size() == 3);
    CHECK(received.back().first == "application/json");
    const auto& body = received.back().second;
    CHECK(body.at("notification_id") == data.notification_id);
    CHECK(body.at("order_id") == order_id);
    CHECK(body.at("event_type") == "order.confirmed");
    CHECK(body.at("recipient") == "a@b.example");
    CHECK(body.at("subject") == "Order " + order_id + " confirmed");
    CHECK(body.at("correlation_id") == confirmed.correlation_id);

    const auto list = stack.Notifications(order_id);
    REQUIRE(list.size() == 1);
    CHECK(list.at(0).at("status") == "SENT");
    CHECK(list.at(0).at("attempts") == 3);
    CHECK(list.at(0).contains("sent_at"));
    CHECK(stack.tap().All("notification.failed", order_id).empty());
}

TEST_CASE("notification: a webhook that always fails → FAILED + notification.failed after NOTIFY_MAX_ATTEMPTS") {
    WebhookReceiver receiver(-1);
    NotificationStack stack(WebhookEnv(receiver));
    const std::string order_id = NewOrderId();
    stack.Publish(OrderCancelledEvent(order_id, std::nullopt));

    const auto failed_event = stack.tap().WaitFor("notification.failed", order_id);
    const auto failed = events::DataAs<events::NotificationFailed>(failed_event);
    CHECK(failed.attempts == 4);
    CHECK(failed.event_type == "order.cancelled");
    CHECK(failed.channel == events::NotificationChannel::kWebhook);
    CHECK(failed.recipient == "c-42");
    CHECK(failed.reason.find("HTTP 500") != std::string::npos);
    CHECK(failed_event.correlation_id == "saga-" + order_id);

    std::this_thread::sleep_for(std::chrono::milliseconds{800});  // no attempt after giving up
    CHECK(receiver.requests() == 4);
    const auto list = stack.Notifications(order_id);
    REQUIRE(list.size() == 1);
    CHECK(list.at(0).at("status") == "FAILED");
    CHECK(list.at(0).at("attempts") == 4);
    CHECK_FALSE(list.at(0).contains("sent_at"));
    stack.tap().Collect();
    CHECK(stack.tap().All("notification.sent", order_id).empty());
}

TEST_CASE("notification: the webhook URL's credentials stay out of the failure published in notification.failed") {
    WebhookReceiver receiver(-1);
    auto env = WebhookEnv(receiver);
    const std::string plain = receiver.url();  // http://127.0.0.1:<port>/...
    env["WEBHOOK_URL"] = "http://hook-user:s3cret-pw@" + plain.substr(7) + "?token=s3cret-token";
    env["NOTIFY_MAX_ATTEMPTS"] = "1";
    NotificationStack stack(env);
    const std::string order_id = NewOrderId();
    stack.Publish(OrderCancelledEvent(order_id, std::nullopt));

    const auto failed =
        events::DataAs<events::NotificationFailed>(stack.tap().WaitFor("notification.failed", order_id));
    INFO(failed.reason);
    CHECK(failed.reason.find("HTTP 500") != std::string::npos);
    CHECK(failed.reason.find("s3cret") == std::string::npos);
    CHECK(failed.reason.find("hook-user") == std::string::npos);
    CHECK(receiver.requests() == 1);  // the credentials were still used
}

TEST_CASE("notification: retry state survives a restart — delivery resumes where it stopped") {
    WebhookReceiver receiver(2);
    auto env = WebhookEnv(receiver);
    env["NOTIFY_RETRY_DELAY"] = "700ms";
    NotificationStack stack(env);
    const std::string order_id = NewOrderId();
    stack.Publish(OrderConfirmedEvent(order_id, "a@b.example"));

    REQUIRE(Eventually([&] { return receiver.requests() >= 1; }, std::chrono::seconds{10}));
    CHECK(stack.service().Stop() == 0);
    const int before_restart = receiver.requests();
    CHECK(before_restart < 3);
    CHECK(stack.database().QueryInt("SELECT attempts FROM notifications WHERE order_id = '" + order_id + "'") ==
          before_restart);
    stack.service().Restart();

    stack.tap().WaitFor("notification.sent", order_id);
    CHECK(receiver.requests() == 3);
    const auto list = stack.Notifications(order_id);
    REQUIRE(list.size() == 1);
    CHECK(list.at(0).at("status") == "SENT");
    CHECK(list.at(0).at("attempts") == 3);
}
