#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "events/notification_channel.hpp"

namespace saga::notification {

/// Where a notification is in its life: PENDING until delivered (SENT) or given up (FAILED).
enum class NotificationStatus { kPending, kSent, kFailed };

/// "PENDING" | "SENT" | "FAILED".
std::string_view ToText(NotificationStatus status);
/// The status named `text`, or nullopt.
std::optional<NotificationStatus> ParseStatus(std::string_view text);

/// What a notification says and to whom, before it has a channel or an id: the pure outcome of
/// an order event (see new_notification.hpp).
struct NewNotification {
    std::string order_id;
    std::string event_type;  ///< e.g. "order.confirmed"
    std::string recipient;   ///< the order's e-mail, else its customer id
    std::string subject;     ///< one line, no CR/LF
    std::string body;        ///< plain text, lines separated by "\n"

    bool operator==(const NewNotification&) const = default;
};

/// The event a notification was made for, so that notification.sent/failed continue its saga
/// (correlation id) and trace, with the event as their cause.
struct EventCause {
    std::string event_id;
    std::string correlation_id;
    std::string traceparent;
};

/// A stored notification.
struct Notification {
    std::string notification_id;
    std::string order_id;
    std::string event_type;
    events::NotificationChannel channel = events::NotificationChannel::kLog;
    std::string recipient;
    std::string subject;
    std::string body;
    NotificationStatus status = NotificationStatus::kPending;
    int attempts = 0;                    ///< delivery attempts made so far
    std::optional<std::string> sent_at;  ///< RFC 3339 UTC, when SENT
    EventCause cause;
};

}  // namespace saga::notification
