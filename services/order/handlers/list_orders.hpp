#pragma once

#include "order/storage/order_repository.hpp"
#include "runtime/http/request.hpp"
#include "runtime/http/response.hpp"
#include "runtime/pg/database.hpp"

namespace saga::order::handlers {

/// GET /api/orders?customer_id=&status=&limit=&after= → {"orders": [...], "next": cursor|null}:
/// newest first, keyset-paginated (pass `next` as `after`); orders without their history.
/// Invalid parameters → 400 naming them.
class ListOrders {
  public:
    ListOrders(runtime::pg::Database& database, const storage::OrderRepository& orders)
        : database_(database), orders_(orders) {}

    runtime::http::Response operator()(const runtime::http::Request& request) const;

  private:
    runtime::pg::Database& database_;
    const storage::OrderRepository& orders_;
};

}  // namespace saga::order::handlers
