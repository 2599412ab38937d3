#pragma once

#include <memory>
#include <string>

#include "order/storage/idempotency_store.hpp"
#include "order/storage/order_repository.hpp"
#include "order/workflow/outcome_metrics.hpp"
#include "runtime/group_commit.hpp"
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
///
/// Requests without an Idempotency-Key that arrive together are written in one transaction (one
/// commit for all; see runtime::GroupCommit); a batch that fails on one order is written again
/// order by order, so the bad order fails alone.
class CreateOrder {
  public:
    /// `metrics`, when given, counts created orders (it must outlive this object).
    CreateOrder(runtime::pg::Database& database, const storage::OrderRepository& orders,
                const storage::IdempotencyStore& keys, runtime::pg::OutboxWriter& outbox, std::string source,
                const workflow::OutcomeMetrics* metrics = nullptr);

    runtime::http::Response operator()(const runtime::http::Request& request) const;

    /// An order to write, its id already chosen.
    struct NewOrder {
        std::string order_id;
        domain::OrderRequest request;
        std::string correlation_id;
    };

  private:
    /// Writes new orders (orders, lines, history in one statement; their order.created) in `tx`;
    /// returns their 202s, in order.
    struct Writer {
        const storage::OrderRepository& orders;
        runtime::pg::OutboxWriter& outbox;
        std::string source;
        const workflow::OutcomeMetrics* metrics;
        std::vector<runtime::http::Response> operator()(runtime::pg::Transaction& tx,
                                                        const std::vector<const NewOrder*>& batch) const;
    };
    using Batches = runtime::GroupCommit<NewOrder, runtime::http::Response>;

    runtime::pg::Database& database_;
    const storage::IdempotencyStore& keys_;
    Writer writer_;
    std::shared_ptr<Batches> batches_;  // shared by the copies the router makes
};

}  // namespace saga::order::handlers
