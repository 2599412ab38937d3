#pragma once

#include "runtime/http/router.hpp"
#include "runtime/pg/database.hpp"

namespace saga::notification {

/// GET /api/notifications?order_id= → 200 {"notifications": [{notification_id, order_id,
/// event_type, channel, recipient, status, attempts, sent_at?}]}, oldest first (an empty list for
/// an unknown order). A missing or malformed order_id → 400 validation problem.
/// `database` must outlive the handler.
runtime::http::Handler ListNotificationsHandler(runtime::pg::Database& database);

}  // namespace saga::notification
