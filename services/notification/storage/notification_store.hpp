#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "events/notification_channel.hpp"
#include "notification/domain/notification.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::notification {

/// The notifications table (migrations/0001_notifications.sql). Each function is one statement
/// in the caller's transaction (InsertNotification's is run at its commit).

/// Adds `notification` as PENDING with a fresh id, due now. Written just before the commit, with
/// the transaction's other new notifications in one statement; one for an (order, event type)
/// that has a notification already is dropped. `when_new` (the first one given in the
/// transaction) runs after the commit when at least one of them was new.
void InsertNotification(runtime::pg::Transaction& tx, const NewNotification& notification,
                        events::NotificationChannel channel, const EventCause& cause, std::function<void()> when_new);

/// Claims up to `limit` PENDING notifications of `channel` that are due, oldest due first,
/// skipping rows another transaction has locked: their next attempt moves `lease` ahead, so no
/// other worker takes them while this one sends (and a worker that died mid-send is replaced
/// once the lease runs out), and `attempts` counts the attempt now, so that one its process did
/// not survive counts too. Commit before sending.
std::vector<Notification> ClaimDueNotifications(runtime::pg::Transaction& tx, events::NotificationChannel channel,
                                                int limit, std::chrono::milliseconds lease);

/// How long until the next PENDING notification of `channel` is due (zero when overdue), or
/// nullopt when none is pending.
std::optional<std::chrono::milliseconds> NextNotificationDueIn(runtime::pg::Transaction& tx,
                                                               events::NotificationChannel channel);

/// Gives a claimed, still PENDING notification back, never attempted: due now, for any worker,
/// and its claim's attempt uncounted (used at shutdown).
void ReleaseNotification(runtime::pg::Transaction& tx, const std::string& notification_id);

/// A delivered notification and the attempts it took.
struct SentNotification {
    std::string notification_id;
    int attempts = 0;
};

/// PENDING → SENT, sent now, for each of `sent` in one statement. Returns the ids that were still
/// PENDING (the others are left alone).
std::set<std::string> MarkNotificationsSent(runtime::pg::Transaction& tx, const std::vector<SentNotification>& sent);

/// Stays PENDING with `attempts` made; next attempt after `delay`. False when no longer PENDING.
bool ScheduleNotificationRetry(runtime::pg::Transaction& tx, const std::string& notification_id, int attempts,
                               const std::string& error, std::chrono::milliseconds delay);

/// PENDING → FAILED after `attempts` attempts. False when it was no longer PENDING.
bool MarkNotificationFailed(runtime::pg::Transaction& tx, const std::string& notification_id, int attempts,
                            const std::string& error);

/// Every notification of `order_id`, oldest first.
std::vector<Notification> NotificationsOfOrder(runtime::pg::Transaction& tx, const std::string& order_id);

}  // namespace saga::notification
