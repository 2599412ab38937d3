#include "order/domain/state_machine.hpp"

#include <array>

namespace saga::order::domain {
namespace {

struct Rule {
    OrderStatus from;
    OrderInput input;
    Verdict verdict;
    OrderStatus to;
};

using enum OrderStatus;
using enum OrderInput;

// Every pair not listed is ignored, except cancel requests, which are refused: a late event
// must never fail (it would loop through retries), while a customer deserves a 409.
constexpr std::array kRules{
    Rule{kPending, kStockReserved, Verdict::kApply, kAwaitingPayment},
    Rule{kPending, kStockUnavailable, Verdict::kApply, kRejected},
    Rule{kPending, kCancelRequested, Verdict::kApply, kCancelled},
    // payment.* is caused by inventory.reserved; seen first, the reservation is still on a retry
    // or a redelivery, so this one is parked with the order and applied right after it.
    Rule{kPending, kPaymentCaptured, Verdict::kDefer, kPending},
    Rule{kPending, kPaymentDeclined, Verdict::kDefer, kPending},
    Rule{kAwaitingPayment, kPaymentCaptured, Verdict::kApply, kConfirmed},
    Rule{kAwaitingPayment, kPaymentDeclined, Verdict::kApply, kRejected},
    Rule{kAwaitingPayment, kReservationExpired, Verdict::kApply, kRejected},
    Rule{kAwaitingPayment, kCancelRequested, Verdict::kApply, kCancelled},
    Rule{kConfirmed, kCancelRequested, Verdict::kApply, kCancelled},
};

}  // namespace

Decision Decide(OrderStatus current, OrderInput input) {
    for (const Rule& rule : kRules) {
        if (rule.from == current && rule.input == input) return {rule.verdict, rule.to};
    }
    return {input == kCancelRequested ? Verdict::kRefuse : Verdict::kIgnore, current};
}

}  // namespace saga::order::domain
