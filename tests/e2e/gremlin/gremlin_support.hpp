#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "e2e/stack/saga_stack.hpp"
#include "prometheus_text.hpp"

namespace saga::test {

/// `method` /admin/gremlin on `service` with `body` (JSON, for PUT) and, when given,
/// `Authorization: Bearer <token>`.
HttpResponse GremlinRequest(ServiceProcess& service, const std::string& method,
                            const std::optional<nlohmann::json>& body = std::nullopt,
                            const std::optional<std::string>& token = kAdminToken);

/// PUT /admin/gremlin with the stack's admin token; requires 200 and returns the state.
nlohmann::json SetGremlin(ServiceProcess& service, const nlohmann::json& settings);

/// GET /metrics of `service`, parsed (a malformed exposition fails the test).
PromExposition Scrape(ServiceProcess& service);

/// GET /health of `service` as JSON.
nlohmann::json Health(ServiceProcess& service);

/// A body for POST /api/orders: one item of `product`.
nlohmann::json OneItemOrder(const std::string& product, int quantity);

}  // namespace saga::test
