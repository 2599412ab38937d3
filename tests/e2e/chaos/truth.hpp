#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "e2e/stack/saga_stack.hpp"

namespace saga::test::chaos {

struct OrderRow {
    std::string status;
    std::string reason;
    std::string product;
    long quantity = 0;
};

struct ProductRow {
    long initial = 0, restocked = 0, available = 0, reserved = 0, sold = 0;
};

struct PaymentRow {
    std::string status;
    std::string reason;
};

/// A message found in a dead-letter queue.
struct DeadLetter {
    std::string message_id;
    std::string failure_reason;  ///< x-failure-reason, else "broker: " + x-first-death-reason
    std::string original_queue;  ///< x-original-queue
};

/// What the system holds after a run, read straight from the four databases (SQL), the tap
/// (every event that crossed the broker, duplicates included) and the broker's queues.
struct Truth {
    std::map<std::string, OrderRow> orders;                   ///< by order id
    std::map<std::string, ProductRow> products;               ///< by product id
    std::map<std::string, std::vector<PaymentRow>> payments;  ///< by order id
    std::map<std::pair<std::string, std::string>, std::string>
        notifications;  ///< (order id, event type) → status, WAITING for PENDING due later
    /// (order id, event type) → distinct notification.sent events the tap saw for it. The database
    /// cannot hold two rows for one pair (UNIQUE), so a second delivery shows only here.
    std::map<std::pair<std::string, std::string>, long> notices_sent;
    /// Distinct event ids per (event type, subject) among the tapped events.
    std::map<std::pair<std::string, std::string>, std::set<std::string>> events;
    std::map<std::string, std::vector<DeadLetter>> dead_letters;  ///< by DLQ name
    long long outbox_backlog = 0;                                 ///< unsent outbox rows, all services
    long long queued = 0;  ///< ready and unacked messages in work and retry queues, all services

    /// How many distinct events of `type` the tap saw for `subject`.
    std::size_t EventCount(const std::string& type, const std::string& subject) const;
};

/// The four work queues (SPEC §4).
const std::vector<std::string>& WorkQueues();

/// Reads everything above. Throws when a server does not answer.
Truth ReadTruth(SagaStack& stack);

/// Only the parts that say whether the system is at rest: unsent outbox rows and queued messages.
/// Returns false when a server does not answer.
bool ReadBacklog(SagaStack& stack, long long& outbox_backlog, long long& queued);

}  // namespace saga::test::chaos
