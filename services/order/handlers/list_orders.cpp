#include "order/handlers/list_orders.hpp"

#include "order/domain/list_query.hpp"
#include "order/handlers/database_errors.hpp"
#include "order/handlers/order_json.hpp"

namespace saga::order::handlers {

runtime::http::Response ListOrders::operator()(const runtime::http::Request& request) const {
    auto parsed = domain::ParseListQuery(request.Query("customer_id"), request.Query("status"), request.Query("limit"),
                                         request.Query("after"));
    if (auto* errors = std::get_if<std::vector<events::FieldError>>(&parsed)) {
        throw runtime::http::HttpError(runtime::http::ErrorKind::kValidation, "invalid query parameters",
                                       ToFieldErrors(*errors));
    }
    const auto& query = std::get<domain::ListQuery>(parsed);
    const auto page =
        InTransactionOr503(database_, [&](runtime::pg::Transaction& tx) { return orders_.List(tx, query); });
    nlohmann::json orders = nlohmann::json::array();
    for (const auto& order : page.orders) orders.push_back(OrderToJson(order, false));
    return runtime::http::Json(
        200, {{"orders", std::move(orders)},
              {"next", page.next ? nlohmann::json(domain::EncodeCursor(*page.next)) : nlohmann::json(nullptr)}});
}

}  // namespace saga::order::handlers
