#include "e2e/chaos/verdict.hpp"

#include <fmt/format.h>

namespace saga::test::chaos {
namespace {

bool Settled(const std::string& status) {
    return status == "CONFIRMED" || status == "REJECTED" || status == "CANCELLED";
}

std::string Join(const std::set<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
    return "{" + out + "}";
}

void JudgeOrder(const OrderRecord& order, const OrderRow& row, const Truth& truth, Verdict& verdict) {
    auto violation = [&](const std::string& what) {
        verdict.violations.push_back(
            fmt::format("order {} ({} #{}): {}", order.order_id, ToText(order.kind), order.index, what));
    };
    const Outcome outcome = OutcomeOf(row);
    ++verdict.outcomes[outcome];
    if (!Settled(row.status)) return violation("stuck in " + row.status);
    ++verdict.settled;
    const auto allowed = AllowedOutcomes(order);
    if (!allowed.contains(outcome)) violation(fmt::format("settled {} but inputs allow {}", outcome, Join(allowed)));

    const auto found = truth.payments.find(order.order_id);
    const std::vector<PaymentRow> none;
    const auto& payments = found == truth.payments.end() ? none : found->second;
    const auto captures = truth.EventCount("payment.completed", order.order_id);
    const auto refunds = truth.EventCount("payment.refunded", order.order_id);
    if (row.status == "CONFIRMED") {
        if (payments.size() != 1 || payments.front().status != "CAPTURED") {
            violation(fmt::format("confirmed with {} payment rows (want one CAPTURED)", payments.size()));
        }
        if (captures != 1 || refunds != 0) {
            violation(fmt::format("confirmed with {} captures and {} refunds (want 1 and 0)", captures, refunds));
        }
    } else {
        for (const auto& p : payments) {
            if (p.status == "CAPTURED") violation(row.status + " but its payment is still CAPTURED");
        }
        if (captures != refunds)
            violation(fmt::format("{} with {} captures but {} refunds", row.status, captures, refunds));
    }
    if (outcome == "REJECTED/payment_declined") {
        const auto reason = DeclineReason(order.token);
        if (payments.size() != 1 || payments.front().status != "DECLINED" || payments.front().reason != reason) {
            violation(fmt::format("declined ({}) without one DECLINED {} payment", order.token, reason));
        }
    }
    const std::string settled_event = "order." + [&] {
        std::string s = row.status;
        for (auto& c : s) c = static_cast<char>(std::tolower(c));
        return s;
    }();
    const auto notified = truth.notifications.find({order.order_id, settled_event});
    if (notified == truth.notifications.end()) {
        violation("no notification for " + settled_event);
    } else if (notified->second == "WAITING") {
        ++verdict.notifications_waiting;  // claimed by a worker that crashed: sent once its lease ends
    } else if (notified->second != "SENT") {
        violation(fmt::format("its notification for {} is {}, not SENT", settled_event, notified->second));
    } else {
        const auto sent = truth.notices_sent.find({order.order_id, settled_event});
        if (sent == truth.notices_sent.end()) violation("no notification.sent for " + settled_event);
    }
    if (order.wants_cancel && order.cancel == CancelAnswer::kNone && order.api_error.empty()) {
        violation("its cancel never got an answer");
    }
}

void JudgeProducts(const Expectations& expected, const Truth& truth, Verdict& verdict) {
    std::map<std::string, long> confirmed_quantity;
    long confirmed_limited = 0;
    for (const auto& [id, row] : truth.orders) {
        if (row.status != "CONFIRMED") continue;
        confirmed_quantity[row.product] += row.quantity;
        if (row.product == kLimitedProduct) ++confirmed_limited;
    }
    for (const auto& [id, p] : truth.products) {
        if (p.initial + p.restocked != p.available + p.reserved + p.sold) {
            verdict.violations.push_back(
                fmt::format("product {}: initial {} + restocked {} != available {} + reserved {} + sold {}", id,
                            p.initial, p.restocked, p.available, p.reserved, p.sold));
        }
    }
    for (const char* id : {kPlentyProduct, kLimitedProduct, kScarceProduct}) {
        const auto found = truth.products.find(id);
        if (found == truth.products.end()) {
            verdict.violations.push_back(fmt::format("product {} is missing", id));
            continue;
        }
        const auto& p = found->second;
        if (p.reserved != 0)
            verdict.violations.push_back(fmt::format("product {}: {} still reserved at rest", id, p.reserved));
        if (p.sold != confirmed_quantity[id]) {
            verdict.violations.push_back(
                fmt::format("product {}: sold {} but confirmed orders hold {}", id, p.sold, confirmed_quantity[id]));
        }
    }
    if (confirmed_limited > expected.limited_stock) {
        verdict.violations.push_back(fmt::format("{} confirmed orders for {} with only {} in stock", confirmed_limited,
                                                 kLimitedProduct, expected.limited_stock));
    }
    if (truth.products.contains(kUnknownProduct)) verdict.violations.push_back("the unknown product exists");
}

void JudgeDeadLetters(const Expectations& expected, const Truth& truth, Verdict& verdict) {
    for (const auto& queue : WorkQueues()) {
        const std::string dlq = queue + ".dlq";
        const auto want_found = expected.poison.find(dlq);
        const std::set<std::string> want =
            want_found == expected.poison.end() ? std::set<std::string>{} : want_found->second;
        std::set<std::string> have;
        const auto found = truth.dead_letters.find(dlq);
        for (const auto& letter : found == truth.dead_letters.end() ? std::vector<DeadLetter>{} : found->second) {
            if (!have.insert(letter.message_id).second) ++verdict.dead_letter_copies;
            if (!want.contains(letter.message_id)) {
                verdict.violations.push_back(fmt::format("{} holds {} ({}), which is not poison we sent", dlq,
                                                         letter.message_id, letter.failure_reason));
            } else if (letter.failure_reason != "poison" || letter.original_queue != queue) {
                verdict.violations.push_back(
                    fmt::format("{} holds {} with reason '{}' from queue '{}' (want poison from {})", dlq,
                                letter.message_id, letter.failure_reason, letter.original_queue, queue));
            }
        }
        for (const auto& id : want) {
            if (!have.contains(id)) verdict.violations.push_back(fmt::format("{} lacks poison message {}", dlq, id));
        }
    }
}

}  // namespace

Outcome OutcomeOf(const OrderRow& row) { return row.status == "REJECTED" ? row.status + "/" + row.reason : row.status; }

Verdict Judge(const Expectations& expected, const Truth& truth) {
    Verdict verdict;
    for (const auto& order : expected.orders) {
        if (!order.api_error.empty()) {
            verdict.violations.push_back(fmt::format("order #{}: the API answered {}", order.index, order.api_error));
        }
        if (order.order_id.empty()) {
            verdict.violations.push_back(fmt::format("order #{} was never accepted", order.index));
            continue;
        }
        ++verdict.accepted;
        const auto row = truth.orders.find(order.order_id);
        if (row == truth.orders.end()) {
            verdict.violations.push_back(fmt::format("accepted order {} is not in the order database", order.order_id));
            continue;
        }
        JudgeOrder(order, row->second, truth, verdict);
    }
    if (truth.orders.size() != static_cast<std::size_t>(verdict.accepted)) {
        verdict.violations.push_back(
            fmt::format("the order database holds {} orders, {} were accepted", truth.orders.size(), verdict.accepted));
    }
    for (const auto& [key, sent] : truth.notices_sent) {
        if (sent > 1) {
            verdict.violations.push_back(
                fmt::format("{} notification.sent events for order {} {}", sent, key.first, key.second));
        }
    }
    JudgeProducts(expected, truth, verdict);
    JudgeDeadLetters(expected, truth, verdict);
    if (truth.outbox_backlog != 0)
        verdict.violations.push_back(fmt::format("{} outbox rows unsent", truth.outbox_backlog));
    if (truth.queued != 0) verdict.violations.push_back(fmt::format("{} messages still queued", truth.queued));
    return verdict;
}

}  // namespace saga::test::chaos
