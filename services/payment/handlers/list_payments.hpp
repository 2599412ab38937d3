#pragma once

#include "runtime/http/router.hpp"
#include "runtime/pg/database.hpp"

namespace saga::payment {

/// GET /api/payments?order_id= → 200 `{"payments": [...]}` (zero or one payment: one per order).
/// order_id is required and must be an id ([A-Za-z0-9._-]{1,64}); otherwise a 400 validation
/// problem naming the field. `database` must outlive the handler.
runtime::http::Handler ListPaymentsHandler(runtime::pg::Database& database);

}  // namespace saga::payment
