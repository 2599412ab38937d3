#pragma once

#include <chrono>
#include <stop_token>

#include "order/storage/idempotency_store.hpp"
#include "order/storage/order_repository.hpp"
#include "order/workflow/order_transitions.hpp"
#include "runtime/log/logger.hpp"
#include "runtime/pg/database.hpp"

namespace saga::order::tasks {

struct SweeperOptions {
    std::chrono::milliseconds interval{5000};       ///< EXPIRY_SWEEP_INTERVAL
    std::chrono::seconds key_retention{24 * 3600};  ///< IDEMPOTENCY_RETENTION
    int batch = 100;                                ///< orders per transaction
};

/// Rejects AWAITING_PAYMENT orders whose reservation expired (`reservation_expired`, publishing
/// order.rejected) and forgets idempotency keys past their retention. The order row is the
/// serialisation point: a payment that commits first wins, and the sweeper then skips the
/// settled order; an expiry that commits first makes the late payment a no-op.
class ExpirySweeper {
  public:
    ExpirySweeper(runtime::pg::Database& database, const storage::OrderRepository& orders,
                  const storage::IdempotencyStore& keys, const workflow::OrderTransitions& transitions,
                  runtime::log::Logger& logger, SweeperOptions options)
        : database_(database),
          orders_(orders),
          keys_(keys),
          transitions_(transitions),
          logger_(logger),
          options_(options) {}

    /// One pass; returns how many orders it rejected.
    int SweepOnce();

    /// Sweeps every interval until `stop` (a ServiceHost task).
    void Run(std::stop_token stop);

  private:
    runtime::pg::Database& database_;
    const storage::OrderRepository& orders_;
    const storage::IdempotencyStore& keys_;
    const workflow::OrderTransitions& transitions_;
    runtime::log::Logger& logger_;
    SweeperOptions options_;
};

}  // namespace saga::order::tasks
