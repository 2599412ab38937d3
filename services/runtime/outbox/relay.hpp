#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "runtime/amqp/connection.hpp"
#include "runtime/backoff.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/metrics/event_metrics.hpp"
#include "runtime/outbox/claim_pacer.hpp"
#include "runtime/outbox/wakeup.hpp"
#include "runtime/pg/outbox_store.hpp"

namespace saga::runtime::outbox {

struct RelayOptions {
    std::string service;  ///< names the NOTIFY channel and the logs
    std::string database_url;
    amqp::ConnectionOptions amqp;
    int batch_size = 500;                           ///< rows per claim, and so unconfirmed publishes in flight
    std::chrono::milliseconds poll_interval{1000};  ///< fallback when no wake-up arrives
    /// How long a relay woken while idle waits before it claims, while rows arrive fast enough
    /// to gather more in that time (see ClaimPacer); 0 claims at once.
    std::chrono::milliseconds claim_linger{0};
    /// How soon a relay whose claim found only rows waiting behind an older row of their aggregate
    /// that another relay holds claims again: that relay's batch is confirmed in milliseconds,
    /// and nothing wakes this one when it is. Doubled for each such claim in a row (with jitter),
    /// up to poll_interval, for a holder that takes longer (a relay waiting out its confirms).
    std::chrono::milliseconds held_back_retry{10};
    std::chrono::milliseconds confirm_timeout{30000};
    /// Rows the broker confirmed are marked sent (kept for RetentionCleanup) or deleted at once.
    pg::OutboxStore::SentRows sent_rows = pg::OutboxStore::SentRows::kMark;
    /// Fault injection: runs after the broker confirmed a batch, before it is marked sent.
    std::function<void(const std::vector<pg::OutboxRow>&)> after_confirm;
    /// Counts published events by type once the broker confirmed them and they are marked sent;
    /// none when null. Must outlive the relay.
    metrics::EventMetrics* metrics = nullptr;
};

struct RelayStats {
    std::atomic<std::uint64_t> published{0};
    std::atomic<std::uint64_t> batches{0};
    std::atomic<std::uint64_t> claims{0};   ///< claim queries run, including those that found nothing
    std::atomic<std::uint64_t> lingers{0};  ///< waits of `claim_linger` before a claim, under load
    std::atomic<bool> connected{false};     ///< to the broker (and, for the relay, the database)
};

/// Publishes outbox rows to `saga.events` with publisher confirms and marks them sent only
/// after the broker acked them, a batch at a time (the batch is the window of unconfirmed
/// publishes). Wakes on RelayWakeup (same process), NOTIFY (other writers) or the poll
/// interval; under load it lets `claim_linger` pass before claiming (ClaimPacer). Reconnects
/// to the database and the broker with backoff; a crash between publish and mark-sent
/// republishes the rows, which consumers de-duplicate by message id.
class OutboxRelay {
  public:
    OutboxRelay(RelayOptions options, RelayWakeup& wakeup, log::Logger& logger);

    void Run(std::stop_token stop);

    const RelayStats& stats() const { return stats_; }

  private:
    void RelayOnce(std::stop_token stop);

    RelayOptions options_;
    RelayWakeup& wakeup_;
    log::Logger& logger_;
    Backoff reconnect_backoff_{std::chrono::milliseconds{100}, std::chrono::seconds{5}};
    RelayStats stats_;
    ClaimPacer pacer_;
    Backoff held_back_backoff_;
};

/// The AMQP message for an outbox row: routing key = event type, properties mirroring the
/// CloudEvent (SPEC §3).
amqp::OutgoingMessage ToMessage(const pg::OutboxRow& row);

}  // namespace saga::runtime::outbox
