#include "notification/channels/mail_message.hpp"

#include <doctest/doctest.h>

using namespace saga::notification;

namespace {

Notification Sample() {
    Notification n;
    n.notification_id = "0b0c6f0e-1111-4222-8333-444455556666";
    n.order_id = "o-1";
    n.event_type = "order.confirmed";
    n.recipient = "a@b.example";
    n.subject = "Order o-1 confirmed";
    n.body = "Hello c-42,\n\nyour order o-1 is confirmed.\n";
    return n;
}

// 2026-11-22T10:00:00Z, a Sunday.
const auto kNow = std::chrono::system_clock::time_point{std::chrono::seconds{1795341600}};

}  // namespace

TEST_CASE("mail date: RFC 5322 form in UTC") { CHECK(MailDate(kNow) == "Sun, 22 Nov 2026 10:00:00 +0000"); }

TEST_CASE("mail message: headers, a blank line, then the body, all with CRLF") {
    const std::string message = MailMessage(Sample(), "saga@localhost", kNow);
    CHECK(message.rfind("Date: Sun, 22 Nov 2026 10:00:00 +0000\r\n", 0) == 0);
    CHECK(message.find("\r\nFrom: <saga@localhost>\r\n") != std::string::npos);
    CHECK(message.find("\r\nTo: <a@b.example>\r\n") != std::string::npos);
    CHECK(message.find("\r\nSubject: Order o-1 confirmed\r\n") != std::string::npos);
    CHECK(message.find("\r\nMessage-ID: <0b0c6f0e-1111-4222-8333-444455556666@saga.notification>\r\n") !=
          std::string::npos);
    CHECK(message.find("\r\nMIME-Version: 1.0\r\n") != std::string::npos);
    CHECK(message.find("\r\nContent-Type: text/plain; charset=utf-8\r\n") != std::string::npos);
    const auto split = message.find("\r\n\r\n");
    REQUIRE(split != std::string::npos);
    CHECK(message.substr(split + 4) == "Hello c-42,\r\n\r\nyour order o-1 is confirmed.\r\n");
    // No bare LF anywhere.
    int bare_line_feeds = 0;
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) ++bare_line_feeds;
    }
    CHECK(bare_line_feeds == 0);
}

TEST_CASE("mail message: a CR or LF in a header value cannot add a header") {
    auto n = Sample();
    n.subject = "Hi\r\nBcc: evil@example.com";
    const std::string message = MailMessage(n, "saga@localhost", kNow);
    CHECK(message.find("\r\nBcc:") == std::string::npos);
    CHECK(message.find("Subject: Hi  Bcc: evil@example.com\r\n") != std::string::npos);
}

TEST_CASE("mail message: a non-ASCII subject is an RFC 2047 encoded word") {
    auto n = Sample();
    n.subject = "Caf\xc3\xa9";
    CHECK(MailMessage(n, "saga@localhost", kNow).find("Subject: =?utf-8?B?Q2Fmw6k=?=\r\n") != std::string::npos);
}

TEST_CASE("mail message: body lines longer than 998 octets are broken") {
    auto n = Sample();
    n.body = std::string(2000, 'x');
    const std::string message = MailMessage(n, "saga@localhost", kNow);
    const std::string body = message.substr(message.find("\r\n\r\n") + 4);
    CHECK(body == std::string(998, 'x') + "\r\n" + std::string(998, 'x') + "\r\n" + std::string(4, 'x') + "\r\n");
}
