#pragma once

#include <chrono>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "notification/channels/channel.hpp"
#include "notification/delivery/delivery_wakeup.hpp"
#include "notification/domain/failure.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/pg/outbox_writer.hpp"

namespace saga::notification {

struct DeliveryOptions {
    std::string source;  ///< the service name, the `source` of notification.sent/failed
    events::NotificationChannel channel = events::NotificationChannel::kLog;  ///< the rows this worker sends
    RetryPolicy retry;
    std::chrono::milliseconds poll_interval{1000};  ///< longest sleep between scans
    /// How long the worker, woken after a pass that did not fill its batch, waits before the next
    /// claim while notifications arrive fast enough to gather at least one more in that time
    /// (runtime::outbox::ClaimPacer); 0 claims at once. Notifications are off the saga's path.
    std::chrono::milliseconds batch_linger{0};
    int batch = 16;  ///< notifications claimed at a time
    /// How long other workers keep off a claimed batch; EffectiveLease keeps it above what the
    /// batch can take to send.
    std::chrono::milliseconds lease{std::chrono::minutes{5}};
    std::chrono::milliseconds send_timeout{0};  ///< the channel's limit on one send (NOTIFY_SEND_TIMEOUT)
};

/// `lease`, or twice batch × send_timeout when that is longer: a worker still sending its batch
/// must not see another instance claim and send the same notifications again.
std::chrono::milliseconds EffectiveLease(const DeliveryOptions& options);

/// The background task that delivers PENDING notifications through `channel`, never inside a
/// consumer's transaction:
///   1. claim a batch of due notifications (FOR UPDATE SKIP LOCKED; a lease keeps other
///      workers off them; the attempt is counted) and commit; one claimed past
///      retry.max_attempts, whose last attempt its process did not survive, is not sent again
///      but goes to FAILED as in step 3;
///   2. send each one, outside any transaction;
///   3. one transaction for the batch, per notification: SENT + `notification.sent` in the outbox; or, after a
///      failure, the next attempt after an exponential backoff; or, once
///      retry.max_attempts are spent (or at a PermanentDeliveryError), FAILED +
///      `notification.failed` with the reason and the attempts.
/// Delivery is at least once: a crash between sending and step 3 sends the batch again after
/// the lease.
/// Rows of other channels (made while the service ran with another NOTIFY_CHANNEL) wait for a
/// worker of their channel.
class DeliveryWorker {
  public:
    DeliveryWorker(DeliveryOptions options, runtime::pg::Database& database, runtime::pg::OutboxWriter& outbox,
                   Channel& channel, DeliveryWakeup& wakeup, runtime::log::Logger& logger);

    /// Delivers until `stop`; sleeps until the next notification is due, a wake-up or
    /// poll_interval, whichever is first, then lets batch_linger pass while notifications come
    /// fast. Database errors propagate (the host restarts the task).
    void Run(std::stop_token stop);

    /// What one pass did, and when the next notification of the channel is due (none pending:
    /// empty), read in the pass's last transaction rather than one of its own.
    struct Pass {
        int claimed = 0;
        std::optional<std::chrono::milliseconds> next_due_in;
    };
    /// One pass: claims one batch and handles it. When `stop` is requested mid-batch, the ones
    /// not yet sent are released (due again now).
    Pass DeliverDue(std::stop_token stop = {});

  private:
    /// One delivery attempt, before it is recorded.
    struct Attempt {
        const Notification* notification;
        int number;                        ///< attempts including this one
        std::optional<std::string> error;  ///< empty: sent
        bool permanent;                    ///< no retry can help
    };
    Attempt Send(const Notification& notification) const;
    /// Writes the attempts' outcomes (and their events) in `tx`, the delivered ones in one
    /// statement; logs them once `tx` committed.
    void Record(runtime::pg::Transaction& tx, const std::vector<Attempt>& attempts) const;
    static nlohmann::json LogFields(const Attempt& attempt);
    /// As Record, for one attempt that was not delivered.
    void RecordFailure(runtime::pg::Transaction& tx, const Attempt& attempt) const;

    DeliveryOptions options_;
    runtime::pg::Database& database_;
    runtime::pg::OutboxWriter& outbox_;
    Channel& channel_;
    DeliveryWakeup& wakeup_;
    runtime::log::Logger& logger_;
};

}  // namespace saga::notification
