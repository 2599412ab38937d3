// notification-service with NOTIFY_CHANNEL=smtp against a real SMTP server (aiosmtpd).
#include <doctest/doctest.h>

#include "events/notification_failed.hpp"
#include "events/notification_sent.hpp"
#include "notification_fixture.hpp"
#include "smtp_sink.hpp"

using namespace saga;
using namespace saga::test;

TEST_CASE("notification: the smtp channel mails the order's address with the rendered subject") {
    SmtpSink sink;
    NotificationStack stack({{"NOTIFY_CHANNEL", "smtp"}, {"SMTP_URL", sink.url()}, {"SMTP_FROM", "shop@saga.example"}});
    const std::string order_id = NewOrderId();
    stack.Publish(OrderRejectedEvent(order_id, "buyer@example.com"));

    const auto sent = events::DataAs<events::NotificationSent>(stack.tap().WaitFor("notification.sent", order_id));
    CHECK(sent.channel == events::NotificationChannel::kSmtp);
    CHECK(sent.recipient == "buyer@example.com");

    const auto messages = sink.Messages();
    REQUIRE(messages.size() == 1);
    const std::string& mail = messages.front();
    CHECK(mail.find("X-RcptTo: buyer@example.com") != std::string::npos);  // SMTP envelope
    CHECK(mail.find("X-MailFrom: shop@saga.example") != std::string::npos);
    CHECK(mail.find("To: <buyer@example.com>") != std::string::npos);
    CHECK(mail.find("From: <shop@saga.example>") != std::string::npos);
    CHECK(mail.find("Subject: Order " + order_id + " could not be completed") != std::string::npos);
    CHECK(mail.find("the payment was declined") != std::string::npos);

    const auto list = stack.Notifications(order_id);
    REQUIRE(list.size() == 1);
    CHECK(list.at(0).at("status") == "SENT");
    CHECK(list.at(0).at("channel") == "smtp");
    CHECK(list.at(0).at("attempts") == 1);
}

TEST_CASE("notification: the smtp channel fails at once, without retrying, for an order without e-mail") {
    SmtpSink sink;
    NotificationStack stack({{"NOTIFY_CHANNEL", "smtp"}, {"SMTP_URL", sink.url()}, {"NOTIFY_RETRY_DELAY", "50ms"}});
    const std::string order_id = NewOrderId();
    stack.Publish(OrderCancelledEvent(order_id, std::nullopt));

    const auto failed =
        events::DataAs<events::NotificationFailed>(stack.tap().WaitFor("notification.failed", order_id));
    CHECK(failed.attempts == 1);
    CHECK(failed.recipient == "c-42");
    CHECK(failed.reason.find("not an e-mail address") != std::string::npos);
    CHECK(sink.Messages().empty());
    const auto list = stack.Notifications(order_id);
    REQUIRE(list.size() == 1);
    CHECK(list.at(0).at("status") == "FAILED");
    CHECK_FALSE(list.at(0).contains("sent_at"));
}

TEST_CASE("notification: an unreachable SMTP server is retried, then FAILED with notification.failed") {
    const int closed_port = FreePort();  // nothing listens there
    NotificationStack stack({{"NOTIFY_CHANNEL", "smtp"},
                             {"SMTP_URL", "smtp://127.0.0.1:" + std::to_string(closed_port)},
                             {"NOTIFY_MAX_ATTEMPTS", "2"},
                             {"NOTIFY_RETRY_DELAY", "50ms"}});
    const std::string order_id = NewOrderId();
    stack.Publish(OrderConfirmedEvent(order_id, "a@b.example"));
    const auto failed =
        events::DataAs<events::NotificationFailed>(stack.tap().WaitFor("notification.failed", order_id));
    CHECK(failed.attempts == 2);
    CHECK(failed.channel == events::NotificationChannel::kSmtp);
    CHECK(stack.Notifications(order_id).at(0).at("status") == "FAILED");
}
