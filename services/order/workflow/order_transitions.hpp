#pragma once

#include <optional>
#include <string>

#include "events/envelope.hpp"
#include "events/order_rejected.hpp"
#include "order/domain/state_machine.hpp"
#include "order/storage/order_repository.hpp"
#include "order/workflow/outcome_metrics.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/outbox_writer.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::order::workflow {

/// Something that may move an order on.
struct Trigger {
    domain::OrderInput input = domain::OrderInput::kCancelRequested;
    /// Why, when the input rejects the order.
    std::optional<events::OrderRejectionReason> reason{};
    /// For people, carried on order.rejected.
    std::optional<std::string> detail{};
    /// The consumed event behind the input, if any: history points at it and published events
    /// follow up on it (same trace, causation = its id).
    const events::Envelope* cause = nullptr;
    /// Causation id of published events when there is no `cause` (e.g. the HTTP request's
    /// correlation id). Empty: the event that priced the order, else the saga id.
    std::string causation_id{};
    /// inventory.reserved's total, expiry and unit prices, written with the new status.
    const events::InventoryReserved* reservation = nullptr;
};

/// The outcome for the caller: what the state machine said and the status it found.
struct TransitionResult {
    domain::Verdict verdict;
    domain::OrderStatus previous;
};

/// Applies triggers to orders: lock the row, ask the state machine, and on kApply write the new
/// status and a history entry, and announce settled outcomes (order.confirmed / order.rejected /
/// order.cancelled) through the outbox — all in the caller's transaction; settled outcomes are
/// counted in OutcomeMetrics when it commits.
class OrderTransitions {
  public:
    /// `metrics`, when given, counts settled outcomes (it must outlive this object).
    OrderTransitions(const storage::OrderRepository& orders, runtime::pg::OutboxWriter& outbox,
                     runtime::log::Logger& logger, std::string source, const OutcomeMetrics* metrics = nullptr)
        : orders_(orders), outbox_(outbox), logger_(logger), source_(std::move(source)), metrics_(metrics) {}

    /// nullopt when the order does not exist.
    std::optional<TransitionResult> Apply(runtime::pg::Transaction& tx, const std::string& order_id,
                                          const Trigger& trigger) const;

  private:
    std::optional<events::Envelope> Announcement(const domain::OrderState& order, const domain::Decision& decision,
                                                 const Trigger& trigger) const;

    const storage::OrderRepository& orders_;
    runtime::pg::OutboxWriter& outbox_;
    runtime::log::Logger& logger_;
    std::string source_;
    const OutcomeMetrics* metrics_;
};

}  // namespace saga::order::workflow
