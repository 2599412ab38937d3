#include "order/handlers/get_order.hpp"

#include "events/formats.hpp"
#include "order/handlers/database_errors.hpp"
#include "order/handlers/order_json.hpp"

namespace saga::order::handlers {

runtime::http::Response GetOrder::operator()(const runtime::http::Request& request) const {
    const std::string& order_id = request.PathParam("order_id");
    if (!events::IsId(order_id))
        throw runtime::http::HttpError(runtime::http::ErrorKind::kNotFound, "no order " + order_id);
    const auto order =
        InTransactionOr503(database_, [&](runtime::pg::Transaction& tx) { return orders_.Find(tx, order_id); });
    if (!order) throw runtime::http::HttpError(runtime::http::ErrorKind::kNotFound, "no order " + order_id);
    return runtime::http::Json(200, OrderToJson(*order));
}

}  // namespace saga::order::handlers
