#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "e2e/chaos/order_mix.hpp"
#include "e2e/chaos/truth.hpp"

namespace saga::test::chaos {

/// What the run did, against which the truth is judged.
struct Expectations {
    std::vector<OrderRecord> orders;
    std::map<std::string, std::set<std::string>> poison;  ///< DLQ name → ids of the poison sent to its queue
    long limited_stock = 0;                               ///< initial stock of kLimitedProduct
};

struct Verdict {
    std::vector<std::string> violations;  ///< one line each; empty when every invariant holds
    int accepted = 0;
    int settled = 0;
    int notifications_waiting = 0;        ///< the outcome's notification still PENDING, due later (a lease)
    int dead_letter_copies = 0;           ///< DLQ messages beyond one per poison id (at-least-once dead-lettering)
    std::map<std::string, int> outcomes;  ///< "STATUS[/reason]" → orders
};

/// Checks the invariants (pure; no I/O):
/// - every accepted order is settled, in an outcome its inputs and cancel answer allow;
/// - per product, initial + restocked = available + reserved + sold; nothing left reserved; sold =
///   the quantities of the confirmed orders; the limited product never oversold;
/// - a confirmed order has exactly one capture (one payment row, one payment.completed) and no
///   refund; every capture of a cancelled or rejected order is refunded; a declined token's
///   payment carries the gateway's reason;
/// - at most one notification.sent per (order, event type), and a SENT notification with its
///   notification.sent for the order's settled outcome, or one PENDING that is due later (leased by
///   a worker that crashed after claiming it: at-least-once, sent when the lease ends);
/// - every cancel the load asked for got a definite answer;
/// - each DLQ holds exactly the poison sent to its queue, each marked poison, nothing else;
/// - no unsent outbox row and no queued or unacked message (the system is at rest).
Verdict Judge(const Expectations& expected, const Truth& truth);

/// "STATUS" or "STATUS/reason" (reason only for REJECTED).
Outcome OutcomeOf(const OrderRow& row);

}  // namespace saga::test::chaos
