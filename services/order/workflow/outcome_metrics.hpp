#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "order/domain/order_status.hpp"
#include "runtime/metrics/registry.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::order::workflow {

/// The saga's outcomes as the order service decides them (SPEC §2 "saga outcomes"):
///   saga_orders_created_total                      counter
///   saga_orders_settled_total{outcome,reason}      outcome: confirmed|rejected|cancelled;
///                                                  reason: the rejection reason, else ""
///   saga_order_settle_duration_seconds{outcome}    histogram, created_at → settled, 50 ms … 60 s
/// Everything is counted when the caller's transaction commits, so a rollback counts nothing.
/// Every move into a settled state counts: an order confirmed and later cancelled counts once
/// as confirmed and once as cancelled. Thread-safe; the registry must outlive it.
class OutcomeMetrics {
  public:
    explicit OutcomeMetrics(runtime::metrics::Registry& registry);

    /// An order was created in `tx`.
    void CountCreated(runtime::pg::Transaction& tx) const;

    /// The order moves into the settled state `outcome` in `tx`; it was created `age_seconds`
    /// before `since` (when its age was read). The settle time is taken at commit.
    void CountSettled(runtime::pg::Transaction& tx, domain::OrderStatus outcome,
                      const std::optional<std::string>& reason, double age_seconds,
                      std::chrono::steady_clock::time_point since) const;

  private:
    runtime::metrics::Counter created_;
    runtime::metrics::CounterFamily settled_;
    runtime::metrics::HistogramFamily settle_duration_;
};

}  // namespace saga::order::workflow
