#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "notification/domain/notification.hpp"

namespace saga::notification {

/// `notification` as an RFC 5322 message from `from`, dated `now`: Date, From, To, Subject
/// (RFC 2047 encoded when not ASCII), Message-ID (from the notification id), MIME-Version and a
/// UTF-8 text/plain body. Lines end in CRLF and are at most 998 octets; CR/LF inside header
/// values is replaced, so a value can never add a header. Pure.
std::string MailMessage(const Notification& notification, std::string_view from,
                        std::chrono::system_clock::time_point now);

/// `time` in RFC 5322 date-time form, UTC: "Sun, 22 Nov 2026 10:00:00 +0000".
std::string MailDate(std::chrono::system_clock::time_point time);

}  // namespace saga::notification
