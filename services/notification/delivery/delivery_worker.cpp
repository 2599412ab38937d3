#include "notification/delivery/delivery_worker.hpp"

#include <algorithm>

#include "events/make_envelope.hpp"
#include "events/notification_failed.hpp"
#include "events/notification_sent.hpp"
#include "notification/storage/notification_store.hpp"

namespace saga::notification {
namespace {

using runtime::pg::Transaction;

// notification.sent/failed continue the saga of the order event that asked for the notification.
events::Envelope Cause(const Notification& notification) {
    events::Envelope cause;
    cause.id = notification.cause.event_id;
    cause.correlation_id = notification.cause.correlation_id;
    cause.traceparent = notification.cause.traceparent;
    return cause;
}

}  // namespace

DeliveryWorker::DeliveryWorker(DeliveryOptions options, runtime::pg::Database& database,
                               runtime::pg::OutboxWriter& outbox, Channel& channel, DeliveryWakeup& wakeup,
                               runtime::log::Logger& logger)
    : options_(std::move(options)),
      database_(database),
      outbox_(outbox),
      channel_(channel),
      wakeup_(wakeup),
      logger_(logger) {}

void DeliveryWorker::Run(std::stop_token stop) {
    while (!stop.stop_requested()) {
        if (DeliverDue(stop) == options_.batch) continue;  // more may be due right now
        const auto due_in =
            database_.InTransaction([&](Transaction& tx) { return NextNotificationDueIn(tx, options_.channel); });
        const auto sleep = std::min(due_in.value_or(options_.poll_interval), options_.poll_interval);
        if (sleep.count() > 0) wakeup_.Wait(stop, sleep);
    }
}

int DeliveryWorker::DeliverDue(std::stop_token stop) {
    const auto claimed = database_.InTransaction(
        [&](Transaction& tx) { return ClaimDueNotifications(tx, options_.channel, options_.batch, options_.lease); });
    std::size_t next = 0;
    for (; next < claimed.size() && !stop.stop_requested(); ++next) Deliver(claimed[next]);
    if (next < claimed.size()) {
        // Stopping: hand the rest back rather than leave them leased until the lease runs out.
        database_.InTransaction([&](Transaction& tx) {
            for (std::size_t i = next; i < claimed.size(); ++i) ReleaseNotification(tx, claimed[i].notification_id);
        });
    }
    return static_cast<int>(claimed.size());
}

void DeliveryWorker::Deliver(const Notification& notification) {
    const int attempts = notification.attempts + 1;
    try {
        channel_.Send(notification);
    } catch (const PermanentDeliveryError& error) {
        RecordFailure(notification, attempts, FailureReason(error.what()), true);
        return;
    } catch (const std::exception& error) {
        RecordFailure(notification, attempts, FailureReason(error.what()), false);
        return;
    }
    RecordSent(notification, attempts);
}

void DeliveryWorker::RecordSent(const Notification& notification, int attempts) {
    const events::NotificationSent event{.notification_id = notification.notification_id,
                                         .order_id = notification.order_id,
                                         .event_type = notification.event_type,
                                         .channel = notification.channel,
                                         .recipient = notification.recipient};
    database_.InTransaction([&](Transaction& tx) {
        if (!MarkNotificationSent(tx, notification.notification_id, attempts)) return;
        outbox_.Append(tx, events::MakeFollowUp(event, options_.source, notification.order_id, Cause(notification)));
    });
    logger_.Info("notification sent", {{"notification_id", notification.notification_id},
                                       {"order_id", notification.order_id},
                                       {"event_type", notification.event_type},
                                       {"attempts", attempts}});
}

void DeliveryWorker::RecordFailure(const Notification& notification, int attempts, const std::string& reason,
                                   bool permanent) {
    const auto delay = permanent ? std::nullopt : RetryDelay(options_.retry, attempts);
    const nlohmann::json fields = {{"notification_id", notification.notification_id},
                                   {"order_id", notification.order_id},
                                   {"event_type", notification.event_type},
                                   {"attempts", attempts},
                                   {"error", reason}};
    if (delay) {
        database_.InTransaction([&](Transaction& tx) {
            ScheduleNotificationRetry(tx, notification.notification_id, attempts, reason, *delay);
        });
        logger_.Warn("notification delivery failed; will retry", fields);
        return;
    }
    const events::NotificationFailed event{.notification_id = notification.notification_id,
                                           .order_id = notification.order_id,
                                           .event_type = notification.event_type,
                                           .channel = notification.channel,
                                           .recipient = notification.recipient,
                                           .reason = reason,
                                           .attempts = attempts};
    database_.InTransaction([&](Transaction& tx) {
        if (!MarkNotificationFailed(tx, notification.notification_id, attempts, reason)) return;
        outbox_.Append(tx, events::MakeFollowUp(event, options_.source, notification.order_id, Cause(notification)));
    });
    logger_.Error("notification delivery failed; giving up", fields);
}

}  // namespace saga::notification
