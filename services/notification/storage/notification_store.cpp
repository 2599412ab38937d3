#include "notification/storage/notification_store.hpp"

#include <cmath>
#include <stdexcept>

#include "events/enum_text.hpp"
#include "runtime/pg/array_literal.hpp"
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

/// The new notifications of one transaction (a consumer batch), written in one statement.
struct GatheredNotifications {
    std::vector<std::string> order_id, event_type, channel, recipient, subject, body, cause_event_id, correlation_id,
        traceparent;
    std::function<void()> when_new;
};

void WriteNotifications(Transaction& tx, GatheredNotifications& rows) {
    using runtime::pg::ArrayLiteral;
    const auto result = runtime::pg::Exec(
        tx.work(),
        R"(INSERT INTO notifications (notification_id, order_id, event_type, channel, recipient, subject, body,
               cause_event_id, correlation_id, traceparent)
           SELECT gen_random_uuid()::text, o, e, c, r, s, b, ce, co, tp
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::text[], $9::text[]) WITH ORDINALITY AS n(o, e, c, r, s, b, ce, co, tp, i)
           ORDER BY i
           ON CONFLICT (order_id, event_type) DO NOTHING)",
        ArrayLiteral(rows.order_id), ArrayLiteral(rows.event_type), ArrayLiteral(rows.channel),
        ArrayLiteral(rows.recipient), ArrayLiteral(rows.subject), ArrayLiteral(rows.body),
        ArrayLiteral(rows.cause_event_id), ArrayLiteral(rows.correlation_id), ArrayLiteral(rows.traceparent));
    if (result.affected_rows() > 0 && rows.when_new) tx.AfterCommit(std::move(rows.when_new));
}

}  // namespace

void InsertNotification(Transaction& tx, const NewNotification& notification, events::NotificationChannel channel,
                        const EventCause& cause, std::function<void()> when_new) {
    auto& rows = tx.Gathered<GatheredNotifications>();
    if (rows.order_id.empty()) {
        rows.when_new = std::move(when_new);
        tx.BeforeCommit([&tx, &rows] { WriteNotifications(tx, rows); });
    }
    rows.order_id.push_back(notification.order_id);
    rows.event_type.push_back(notification.event_type);
    rows.channel.push_back(ChannelText(channel));
    rows.recipient.push_back(notification.recipient);
    rows.subject.push_back(notification.subject);
    rows.body.push_back(notification.body);
    rows.cause_event_id.push_back(cause.event_id);
    rows.correlation_id.push_back(cause.correlation_id);
    rows.traceparent.push_back(cause.traceparent);
}

std::vector<Notification> ClaimDueNotifications(Transaction& tx, events::NotificationChannel channel, int limit,
                                                std::chrono::milliseconds lease) {
    return FromResult(runtime::pg::Exec(tx.work(), std::string(R"(UPDATE notifications
           SET attempts = attempts + 1, next_attempt_at = now() + $3 * interval '1 millisecond'
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
    runtime::pg::Exec(tx.work(),
                      "UPDATE notifications SET attempts = attempts - 1, next_attempt_at = now()"
                      " WHERE notification_id = $1 AND status = 'PENDING'",
                      notification_id);
}

std::set<std::string> MarkNotificationsSent(Transaction& tx, const std::vector<SentNotification>& sent) {
    std::set<std::string> marked;
    if (sent.empty()) return marked;
    std::vector<std::string> ids;
    std::vector<std::string> attempts;
    for (const auto& notification : sent) {
        ids.push_back(notification.notification_id);
        attempts.push_back(std::to_string(notification.attempts));
    }
    const auto result = runtime::pg::Exec(tx.work(),
                                          R"(UPDATE notifications n SET status = 'SENT', attempts = s.attempts,
                                  sent_at = clock_timestamp(), last_error = NULL
                          FROM unnest($1::text[], $2::int[]) AS s(notification_id, attempts)
                          WHERE n.notification_id = s.notification_id AND n.status = 'PENDING'
                          RETURNING n.notification_id)",
                                          runtime::pg::ArrayLiteral(ids), runtime::pg::ArrayLiteral(attempts));
    for (const auto& row : result) marked.insert(row[0].as<std::string>());
    return marked;
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
