#pragma once

#include "order/storage/order_repository.hpp"
#include "runtime/http/request.hpp"
#include "runtime/http/response.hpp"
#include "runtime/pg/database.hpp"

namespace saga::order::handlers {

/// GET /api/orders/{order_id} → 200 with the order and its history; 404 when unknown.
class GetOrder {
  public:
    GetOrder(runtime::pg::Database& database, const storage::OrderRepository& orders)
        : database_(database), orders_(orders) {}

    runtime::http::Response operator()(const runtime::http::Request& request) const;

  private:
    runtime::pg::Database& database_;
    const storage::OrderRepository& orders_;
};

}  // namespace saga::order::handlers
