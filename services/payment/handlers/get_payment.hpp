#pragma once

#include "runtime/http/router.hpp"
#include "runtime/pg/database.hpp"

namespace saga::payment {

/// GET /api/payments/{payment_id} → 200 with the payment; 404 problem when there is no such
/// payment (an id that is not a uuid cannot name one). `database` must outlive the handler.
runtime::http::Handler GetPaymentHandler(runtime::pg::Database& database);

}  // namespace saga::payment
