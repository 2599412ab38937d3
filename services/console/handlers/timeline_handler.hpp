#pragma once

#include <map>
#include <string>

#include "runtime/http/router.hpp"

namespace saga::console {

/// GET /console/api/orders/{order_id}/timeline → {"order_id", "timeline": [{"at", "service", "what",
/// "details"}]}: what `sagactl order <id> --json` shows (databases + DLQ entries, same code). 404 when
/// nothing knows the order, 503 when the broker cannot be read. The maps must outlive the router.
void AddTimelineRoute(runtime::http::Router& router, const std::map<std::string, std::string>& database_urls,
                      const std::string& amqp_url);

}  // namespace saga::console
