#include "notification/storage/notification_store.hpp"

#include <cmath>
#include <stdexcept>

#include "events/enum_text.hpp"
#include "runtime/pg/prepared.hpp"

namespace saga::notification {
namespace {

using runtime::pg::Transaction;

constexpr const char* kColumns = R"(notification_id, order_id, event_type, channel, recipient, subject, body, status,
    attempts, to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sent_at,
    cause_event_id, correlation_id, traceparent)";

std::string ChannelText(events::NotificationChannel channel) { return std::string(events::ToText(channel)); }

Notification FromRow(const pqxx::row& row) {
    Notification n;
    n.notification_id = row["notification_id"].as<std::string>();
    n.order_id = row["order_id"].as<std::string>();
    n.event_type = row["event_type"].as<std::string>();
    const auto channel = events::ParseEnum<events::NotificationChannel>(row["channel"].as<std::string>());
    const auto status = ParseStatus(row["status"].as<std::string>());
    if (!channel || !status) throw std::runtime_error("notifications: unknown channel or status in the table");
    n.channel = *channel;
    n.recipient = row["recipient"].as<std::string>();
    n.subject = row["subject"].as<std::string>();
    n.body = row["body"].as<std::string>();
    n.status = *status;
    n.attempts = row["attempts"].as<int>();
    if (!row["sent_at"].is_null()) n.sent_at = row["sent_at"].as<std::string>();
    n.cause = {.event_id = row["cause_event_id"].as<std::string>(),
               .correlation_id = row["correlation_id"].as<std::string>(),
               .traceparent = row["traceparent"].as<std::string>()};
    return n;
}

std::vector<Notification> FromResult(const pqxx::result& result) {
    std::vector<Notification> notifications;
    notifications.reserve(result.size());
    for (const auto& row : result) notifications.push_back(FromRow(row));
    return notifications;
}

}  // namespace

bool InsertNotification(Transaction& tx, const NewNotification& notification, events::NotificationChannel channel,
                        const EventCause& cause) {
    const auto result = runtime::pg::Exec(
        tx.work(),
        R"(INSERT INTO notifications (notification_id, order_id, event_type, channel, recipient, subject, body,
               cause_event_id, correlation_id, traceparent)
           VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (order_id, event_type) DO NOTHING)",
        notification.order_id, notification.event_type, ChannelText(channel), notification.recipient,
        notification.subject, notification.body, cause.event_id, cause.correlation_id, cause.traceparent);
    return result.affected_rows() == 1;
}

std::vector<Notification> ClaimDueNotifications(Transaction& tx, events::NotificationChannel channel, int limit,
                                                std::chrono::milliseconds lease) {
    return FromResult(
        runtime::pg::Exec(
            tx.work(), std::string(R"(UPDATE notifications SET next_attempt_at = now() + $3 * interval '1 millisecond'
           WHERE notification_id IN (
               SELECT notification_id FROM notifications
               WHERE status = 'PENDING' AND channel = $1 AND next_attempt_at <= now()
               ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING )") + kColumns,
            ChannelText(channel), limit, static_cast<long long>(lease.count())));
}

std::optional<std::chrono::milliseconds> NextNotificationDueIn(Transaction& tx, events::NotificationChannel channel) {
    const auto row = runtime::pg::Exec1(tx.work(),
                                        R"(SELECT EXTRACT(EPOCH FROM (min(next_attempt_at) - clock_timestamp())) * 1000
           FROM notifications WHERE status = 'PENDING' AND channel = $1)",
                                        ChannelText(channel));
    if (row[0].is_null()) return std::nullopt;
    const double millis = row[0].as<double>();
    return std::chrono::milliseconds{millis <= 0 ? 0 : static_cast<long long>(std::ceil(millis))};
}

void ReleaseNotification(Transaction& tx, const std::string& notification_id) {
    runtime::pg::Exec(
        tx.work(), "UPDATE notifications SET next_attempt_at = now() WHERE notification_id = $1 AND status = 'PENDING'",
        notification_id);
}

bool MarkNotificationSent(Transaction& tx, const std::string& notification_id, int attempts) {
    return runtime::pg::Exec(tx.work(),
                             R"(UPDATE notifications SET status = 'SENT', attempts = $2, sent_at = clock_timestamp(),
                          last_error = NULL
                      WHERE notification_id = $1 AND status = 'PENDING')",
                             notification_id, attempts)
               .affected_rows() == 1;
}

bool ScheduleNotificationRetry(Transaction& tx, const std::string& notification_id, int attempts,
                               const std::string& error, std::chrono::milliseconds delay) {
    return runtime::pg::Exec(tx.work(),
                             R"(UPDATE notifications SET attempts = $2, last_error = $3,
                          next_attempt_at = clock_timestamp() + $4 * interval '1 millisecond'
                      WHERE notification_id = $1 AND status = 'PENDING')",
                             notification_id, attempts, error, static_cast<long long>(delay.count()))
               .affected_rows() == 1;
}

bool MarkNotificationFailed(Transaction& tx, const std::string& notification_id, int attempts,
                            const std::string& error) {
    return runtime::pg::Exec(tx.work(),
                             R"(UPDATE notifications SET status = 'FAILED', attempts = $2, last_error = $3
                      WHERE notification_id = $1 AND status = 'PENDING')",
                             notification_id, attempts, error)
               .affected_rows() == 1;
}

std::vector<Notification> NotificationsOfOrder(Transaction& tx, const std::string& order_id) {
    return FromResult(
        runtime::pg::Exec(tx.work(),
                          std::string("SELECT ") + kColumns +
                              " FROM notifications WHERE order_id = $1 ORDER BY created_at, notification_id",
                          order_id));
}

}  // namespace saga::notification
