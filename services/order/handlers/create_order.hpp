#pragma once

#include <string>

#include "order/storage/idempotency_store.hpp"
#include "order/storage/order_repository.hpp"
#include "order/workflow/outcome_metrics.hpp"
#include "runtime/http/request.hpp"
#include "runtime/http/response.hpp"
#include "runtime/pg/database.hpp"
#include "runtime/pg/outbox_writer.hpp"

namespace saga::order::handlers {

/// POST /api/orders → 202 with the PENDING order and `Location: /api/orders/{order_id}`.
/// The order, its first history entry, `order.created` (correlation id = the request's
/// X-Correlation-ID) and the Idempotency-Key's stored response commit in one transaction.
/// 400 (field errors) for an invalid body or key, 415 for a non-JSON body; with an
/// Idempotency-Key: the first response again for the same body, 422 for another body, 409 when
/// the first request is still in flight after the store's wait.
class CreateOrder {
  public:
    /// `metrics`, when given, counts created orders (it must outlive this object).
    CreateOrder(runtime::pg::Database& database, const storage::OrderRepository& orders,
                const storage::IdempotencyStore& keys, runtime::pg::OutboxWriter& outbox, std::string source,
                const workflow::OutcomeMetrics* metrics = nullptr)
        : database_(database),
          orders_(orders),
          keys_(keys),
          outbox_(outbox),
          source_(std::move(source)),
          metrics_(metrics) {}

    runtime::http::Response operator()(const runtime::http::Request& request) const;

  private:
    runtime::pg::Database& database_;
    const storage::OrderRepository& orders_;
    const storage::IdempotencyStore& keys_;
    runtime::pg::OutboxWriter& outbox_;
    std::string source_;
    const workflow::OutcomeMetrics* metrics_;
};

}  // namespace saga::order::handlers
