#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "events/envelope.hpp"
#include "runtime/amqp/connection.hpp"
#include "runtime/amqp/topology.hpp"
#include "runtime/backoff.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/messaging/failure_policy.hpp"
#include "runtime/metrics/event_metrics.hpp"
#include "runtime/pg/database.hpp"

namespace saga::runtime::messaging {

/// A consumer's business logic: apply one event inside the given transaction. Throwing rolls
/// the transaction back and sends the message on the retry path. Handlers never see AMQP.
using EventHandler = std::function<void(const events::Envelope&, pg::Transaction&)>;

/// Runs once per batch of several messages handled in one transaction, before its handlers, with
/// the batch's events that are about to be handled (not duplicates): e.g. to lock the rows they
/// will change in one statement rather than one per event. Throwing fails the batch as a handler
/// does (then each message is handled on its own, without it).
using BatchPreparer = std::function<void(const std::vector<const events::Envelope*>&, pg::Transaction&)>;

struct ConsumerOptions {
    std::string service;                ///< inbox consumer name and x-failed-service
    std::string queue;                  ///< work queue, e.g. "inventory-service"
    std::vector<std::string> bindings;  ///< event types routed to the queue
    amqp::ConnectionOptions amqp;
    RetryPolicy retry;
    std::uint16_t prefetch = 200;
    std::size_t max_batch = 100;  ///< deliveries handled in one transaction at most
    /// How long a batch keeps gathering deliveries after its first, while they arrive fast enough
    /// to gather at least `batch_linger_min_expected` more in that time (outbox::ClaimPacer's
    /// rule); 0 takes what is waiting and no more. It adds up to this much latency to every
    /// message of a batch it gathers.
    std::chrono::milliseconds batch_linger{0};
    double batch_linger_min_expected = 1.0;
    /// Redelivered messages whose handling the process went down in the middle of this many
    /// times are dead-lettered (retries_exhausted) instead of being handled again.
    int crash_limit = 5;
    int delivery_limit = amqp::kDeliveryLimit;
    std::chrono::milliseconds confirm_timeout{30000};
    /// Fault injection: runs before each handler call, inside its transaction and outside the
    /// handler's timing; may sleep, or throw (a handler failure: rollback, retry path).
    std::function<void(const events::Envelope&)> before_handler;
    /// Fault injection: runs once per processed batch after a transaction carrying at least one
    /// of its messages committed, before the ack (not when every message failed or was poison).
    std::function<void()> after_commit;
    BatchPreparer before_batch;  ///< none when empty
    /// Per-type consumed / dead-lettered counters and handler latencies; none when null. Must
    /// outlive the loop. Outcomes are counted once they are final: after the commit, or after the
    /// broker confirmed the retry or dead-letter copy.
    metrics::EventMetrics* metrics = nullptr;
};

/// Counters, readable from any thread.
struct ConsumerStats {
    std::atomic<std::uint64_t> handled{0};
    std::atomic<std::uint64_t> duplicates{0};
    std::atomic<std::uint64_t> retried{0};
    std::atomic<std::uint64_t> dead_lettered{0};
    std::atomic<std::uint64_t> batches{0};
    std::atomic<bool> connected{false};  ///< to the broker (and, for the relay, the database)
};

/// The delivery semantics of ARCHITECTURE "Delivery semantics", once for every service:
/// receive → decode + validate (failure: poison → DLQ at once) → one transaction with the inbox
/// row and the handler's writes → commit → ack. A handler failure goes to a delay queue and
/// comes back, up to RetryPolicy::max_attempts, then to the DLQ with its headers. An outage of
/// the database or the broker is waited out with backoff and never dead-letters anything.
///
/// Deliveries that are already waiting are handled together in one transaction (up to
/// max_batch); if any of them fails, the batch is rolled back and each is handled on its own,
/// so one failing message never affects the others.
///
/// After a consumer went down, its unacked messages come back marked redelivered. Those are
/// handled and acked one at a time, each with an attempt counted (and committed) before its
/// handler runs and forgotten when it is handled: a message that keeps taking the process down is
/// dead-lettered after crash_limit such attempts, and the ones that were only prefetched move on.
class ConsumerLoop {
  public:
    ConsumerLoop(ConsumerOptions options, pg::Database& database, EventHandler handler, log::Logger& logger);

    /// Consumes until `stop` is requested, reconnecting as needed. Throws
    /// amqp::TopologyMismatch when the broker's queues differ from what this service needs.
    void Run(std::stop_token stop);

    const ConsumerStats& stats() const { return stats_; }

  private:
    struct Item;
    struct Poison;
    struct Committed;
    void ConsumeOnce(std::stop_token stop);
    void Process(amqp::Connection& connection, std::vector<amqp::Delivery>& batch, std::stop_token stop);
    /// Runs the handlers of `items` in one transaction; false if any threw (rolled back).
    bool HandleTogether(std::vector<Item>& items);
    void HandleAlone(Item& item);
    /// Counts an attempt for a redelivered message and dead-letters it past crash_limit, else
    /// handles it on its own.
    void HandleRedelivered(Item& item);
    template <class F>
    std::invoke_result_t<F&> RetryTransient(F&& transaction);
    void SendFailures(amqp::Connection& connection, const std::vector<Item>& items, const std::vector<Poison>& poison);
    void CountCommitted(const std::vector<Committed>& committed);
    /// The type label of a message that could not be decoded: its AMQP type when the queue is
    /// bound to it, else "unknown" (label values stay bounded).
    std::string_view PoisonType(const amqp::Delivery& delivery) const;

    ConsumerOptions options_;
    pg::Database& database_;
    EventHandler handler_;
    log::Logger& logger_;
    Backoff reconnect_backoff_{std::chrono::milliseconds{100}, std::chrono::seconds{5}};
    ConsumerStats stats_;
};

/// The demangled name of an exception's dynamic type.
std::string ExceptionTypeName(const std::exception& error);

}  // namespace saga::runtime::messaging
