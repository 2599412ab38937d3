#include "notification/delivery/delivery_worker.hpp"

#include <algorithm>

#include "events/make_envelope.hpp"
#include "events/notification_failed.hpp"
#include "events/notification_sent.hpp"
#include "notification/storage/notification_store.hpp"
#include "runtime/backoff.hpp"
#include "runtime/outbox/claim_pacer.hpp"

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
    using Clock = runtime::outbox::ClaimPacer::Clock;
    runtime::outbox::ClaimPacer pacer(options_.batch_linger);
    while (!stop.stop_requested()) {
        const auto pass = DeliverDue(stop);
        pacer.Claimed(static_cast<std::size_t>(pass.claimed), Clock::now());
        if (pass.claimed == options_.batch) continue;  // more may be due right now
        const auto sleep = std::min(pass.next_due_in.value_or(options_.poll_interval), options_.poll_interval);
        if (sleep.count() > 0) wakeup_.Wait(stop, sleep);
        // Each consumer transaction signals: under load, let the next ones join this claim.
        if (const auto linger = pacer.WaitBeforeClaim(Clock::now()); linger.count() > 0) {
            runtime::SleepUnlessStopped(stop, linger);
        }
    }
}

std::chrono::milliseconds EffectiveLease(const DeliveryOptions& options) {
    return std::max(options.lease, 2 * options.batch * options.send_timeout);
}

DeliveryWorker::Pass DeliveryWorker::DeliverDue(std::stop_token stop) {
    // A full batch is followed by another pass at once; after any other the worker sleeps until
    // the next notification is due, asked in the same transaction.
    Pass pass;
    const auto claimed = database_.InTransaction([&](Transaction& tx) {
        auto rows = ClaimDueNotifications(tx, options_.channel, options_.batch, EffectiveLease(options_));
        if (rows.empty()) pass.next_due_in = NextNotificationDueIn(tx, options_.channel);
        return rows;
    });
    pass.claimed = static_cast<int>(claimed.size());
    if (claimed.empty()) return pass;
    std::vector<Attempt> attempts;
    attempts.reserve(claimed.size());
    for (std::size_t i = 0; i < claimed.size() && !stop.stop_requested(); ++i) attempts.push_back(Send(claimed[i]));
    // One transaction records the whole batch (one commit, not one per notification) and, when
    // stopping, hands the unsent rest back rather than leave it leased until the lease runs out.
    // The sends happened: a database that went away meanwhile is waited for, since the lease
    // would otherwise send them all again. Recording twice changes nothing (absolute attempts,
    // only rows still PENDING), should a lost commit have gone through.
    runtime::Backoff backoff(std::chrono::milliseconds{100}, std::chrono::seconds{5});
    while (true) {
        try {
            database_.InTransaction([&](Transaction& tx) {
                Record(tx, attempts);
                for (std::size_t i = attempts.size(); i < claimed.size(); ++i) {
                    ReleaseNotification(tx, claimed[i].notification_id);
                }
                // Outcomes are written by now, so a retry just scheduled counts and a sent row
                // does not. Asked before the commit, which changes nothing it reads.
                if (pass.claimed < options_.batch) pass.next_due_in = NextNotificationDueIn(tx, options_.channel);
            });
            return pass;
        } catch (const runtime::pg::DatabaseUnavailable& error) {
            const auto wait = backoff.Next();
            logger_.Warn("database unavailable; holding the batch's outcomes until it is back",
                         {{"notifications", attempts.size()}, {"error", error.what()}, {"retry_in_ms", wait.count()}});
            if (!runtime::SleepUnlessStopped(stop, wait)) throw;
        }
    }
}

DeliveryWorker::Attempt DeliveryWorker::Send(const Notification& notification) const {
    // The claim counted this attempt. One past the last means the last ended with its process,
    // before its outcome was recorded: give up rather than send again after every lease.
    if (notification.attempts > options_.retry.max_attempts) {
        return {.notification = &notification,
                .number = notification.attempts - 1,
                .error = "the process stopped during each of the last attempts, before their outcome was recorded",
                .permanent = true};
    }
    Attempt attempt{.notification = &notification, .number = notification.attempts, .error = {}, .permanent = false};
    try {
        channel_.Send(notification);
    } catch (const PermanentDeliveryError& error) {
        attempt.error = FailureReason(error.what());
        attempt.permanent = true;
    } catch (const std::exception& error) {
        attempt.error = FailureReason(error.what());
    }
    return attempt;
}

nlohmann::json DeliveryWorker::LogFields(const Attempt& attempt) {
    const Notification& notification = *attempt.notification;
    return {{"notification_id", notification.notification_id},
            {"order_id", notification.order_id},
            {"event_type", notification.event_type},
            {"attempts", attempt.number}};
}

void DeliveryWorker::Record(Transaction& tx, const std::vector<Attempt>& attempts) const {
    std::vector<SentNotification> sent;
    for (const auto& attempt : attempts) {
        if (!attempt.error) sent.push_back({attempt.notification->notification_id, attempt.number});
    }
    // Only those still PENDING: another worker may have recorded one whose lease ran out.
    const auto marked = MarkNotificationsSent(tx, sent);
    for (const auto& attempt : attempts) {
        if (attempt.error) {
            RecordFailure(tx, attempt);
            continue;
        }
        const Notification& notification = *attempt.notification;
        if (marked.contains(notification.notification_id)) {
            const events::NotificationSent event{.notification_id = notification.notification_id,
                                                 .order_id = notification.order_id,
                                                 .event_type = notification.event_type,
                                                 .channel = notification.channel,
                                                 .recipient = notification.recipient};
            outbox_.Append(tx,
                           events::MakeFollowUp(event, options_.source, notification.order_id, Cause(notification)));
        }
        tx.AfterCommit([this, fields = LogFields(attempt)] { logger_.Info("notification sent", fields); });
    }
}

void DeliveryWorker::RecordFailure(Transaction& tx, const Attempt& attempt) const {
    const Notification& notification = *attempt.notification;
    nlohmann::json fields = LogFields(attempt);
    fields["error"] = *attempt.error;
    const auto delay = attempt.permanent ? std::nullopt : RetryDelay(options_.retry, attempt.number);
    if (delay) {
        ScheduleNotificationRetry(tx, notification.notification_id, attempt.number, *attempt.error, *delay);
        tx.AfterCommit([this, fields] { logger_.Warn("notification delivery failed; will retry", fields); });
        return;
    }
    const events::NotificationFailed event{.notification_id = notification.notification_id,
                                           .order_id = notification.order_id,
                                           .event_type = notification.event_type,
                                           .channel = notification.channel,
                                           .recipient = notification.recipient,
                                           .reason = *attempt.error,
                                           .attempts = attempt.number};
    if (MarkNotificationFailed(tx, notification.notification_id, attempt.number, *attempt.error)) {
        outbox_.Append(tx, events::MakeFollowUp(event, options_.source, notification.order_id, Cause(notification)));
    }
    tx.AfterCommit([this, fields] { logger_.Error("notification delivery failed; giving up", fields); });
}

}  // namespace saga::notification
