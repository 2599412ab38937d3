#pragma once

#include "order/storage/order_repository.hpp"
#include "order/workflow/order_transitions.hpp"
#include "runtime/http/request.hpp"
#include "runtime/http/response.hpp"
#include "runtime/pg/database.hpp"

namespace saga::order::handlers {

/// POST /api/orders/{order_id}/cancel → 202 with the CANCELLED order, publishing
/// `order.cancelled` (previous_status); 409 when the order is REJECTED or already CANCELLED;
/// 404 when unknown.
class CancelOrder {
  public:
    CancelOrder(runtime::pg::Database& database, const storage::OrderRepository& orders,
                const workflow::OrderTransitions& transitions)
        : database_(database), orders_(orders), transitions_(transitions) {}

    runtime::http::Response operator()(const runtime::http::Request& request) const;

  private:
    runtime::pg::Database& database_;
    const storage::OrderRepository& orders_;
    const workflow::OrderTransitions& transitions_;
};

}  // namespace saga::order::handlers
