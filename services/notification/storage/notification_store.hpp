#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "events/notification_channel.hpp"
#include "notification/domain/notification.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::notification {

/// The notifications table (migrations/0001_notifications.sql). Each function is one statement
/// in the caller's transaction.

/// Adds `notification` as PENDING with a fresh id, due now. False (and nothing written) when the
/// order already has a notification of that event type.
bool InsertNotification(runtime::pg::Transaction& tx, const NewNotification& notification,
                        events::NotificationChannel channel, const EventCause& cause);

/// Claims up to `limit` PENDING notifications of `channel` that are due, oldest due first,
/// skipping rows another transaction has locked: their next attempt moves `lease` ahead, so no
/// other worker takes them while this one sends (and a worker that died mid-send is replaced
/// once the lease runs out). Commit before sending.
std::vector<Notification> ClaimDueNotifications(runtime::pg::Transaction& tx, events::NotificationChannel channel,
                                                int limit, std::chrono::milliseconds lease);

/// How long until the next PENDING notification of `channel` is due (zero when overdue), or
/// nullopt when none is pending.
std::optional<std::chrono::milliseconds> NextNotificationDueIn(runtime::pg::Transaction& tx,
                                                               events::NotificationChannel channel);

/// Gives a claimed, still PENDING notification back: due now, for any worker (used at shutdown).
void ReleaseNotification(runtime::pg::Transaction& tx, const std::string& notification_id);

/// PENDING → SENT after `attempts` attempts, sent now. False when it was no longer PENDING.
bool MarkNotificationSent(runtime::pg::Transaction& tx, const std::string& notification_id, int attempts);

/// Stays PENDING with `attempts` made; next attempt after `delay`. False when no longer PENDING.
bool ScheduleNotificationRetry(runtime::pg::Transaction& tx, const std::string& notification_id, int attempts,
                               const std::string& error, std::chrono::milliseconds delay);

/// PENDING → FAILED after `attempts` attempts. False when it was no longer PENDING.
bool MarkNotificationFailed(runtime::pg::Transaction& tx, const std::string& notification_id, int attempts,
                            const std::string& error);

/// Every notification of `order_id`, oldest first.
std::vector<Notification> NotificationsOfOrder(runtime::pg::Transaction& tx, const std::string& order_id);

}  // namespace saga::notification
