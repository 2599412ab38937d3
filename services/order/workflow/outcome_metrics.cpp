#include "order/workflow/outcome_metrics.hpp"

#include <stdexcept>

#include "events/order_rejected.hpp"
#include "runtime/metrics/buckets.hpp"

namespace saga::order::workflow {
namespace {

using domain::OrderStatus;

std::string OutcomeLabel(OrderStatus status) {
    switch (status) {
        case OrderStatus::kConfirmed:
            return "confirmed";
        case OrderStatus::kRejected:
            return "rejected";
        case OrderStatus::kCancelled:
            return "cancelled";
        default:
            throw std::logic_error("not a settled status: " + std::string(events::ToText(status)));
    }
}

}  // namespace

OutcomeMetrics::OutcomeMetrics(runtime::metrics::Registry& registry)
    : created_(registry.AddCounter("saga_orders_created_total", "Orders created").With({})),
      settled_(registry.AddCounter("saga_orders_settled_total", "Orders settled by outcome and rejection reason")),
      settle_duration_(registry.AddHistogram("saga_order_settle_duration_seconds",
                                             "Time from an order's creation to its settlement, seconds",
                                             runtime::metrics::SettleBuckets())) {
    // Every series exists from the start, at zero, so that rates and alerts see it.
    for (auto outcome : {OrderStatus::kConfirmed, OrderStatus::kRejected, OrderStatus::kCancelled}) {
        settle_duration_.With({{"outcome", OutcomeLabel(outcome)}});
        if (outcome != OrderStatus::kRejected) settled_.With({{"outcome", OutcomeLabel(outcome)}, {"reason", ""}});
    }
    for (auto name : events::EnumTraits<events::OrderRejectionReason>::kNames) {
        settled_.With({{"outcome", "rejected"}, {"reason", std::string(name)}});
    }
}

void OutcomeMetrics::CountCreated(runtime::pg::Transaction& tx) const {
    tx.AfterCommit([counter = created_] { counter.Increment(); });
}

void OutcomeMetrics::CountSettled(runtime::pg::Transaction& tx, OrderStatus outcome,
                                  const std::optional<std::string>& reason, double age_seconds,
                                  std::chrono::steady_clock::time_point since) const {
    const std::string label = OutcomeLabel(outcome);
    const auto counter = settled_.With({{"outcome", label}, {"reason", reason.value_or("")}});
    const auto histogram = settle_duration_.With({{"outcome", label}});
    tx.AfterCommit([counter, histogram, age_seconds, since] {
        counter.Increment();
        histogram.Observe(age_seconds + runtime::metrics::Seconds(std::chrono::steady_clock::now() - since));
    });
}

}  // namespace saga::order::workflow
