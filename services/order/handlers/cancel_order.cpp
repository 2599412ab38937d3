#include "order/handlers/cancel_order.hpp"

#include "events/formats.hpp"
#include "order/handlers/database_errors.hpp"
#include "order/handlers/order_json.hpp"

namespace saga::order::handlers {

using runtime::http::ErrorKind;
using runtime::http::HttpError;

runtime::http::Response CancelOrder::operator()(const runtime::http::Request& request) const {
    const std::string& order_id = request.PathParam("order_id");
    if (!events::IsId(order_id)) throw HttpError(ErrorKind::kNotFound, "no order " + order_id);
    const auto order = InTransactionOr503(database_, [&](runtime::pg::Transaction& tx) {
        const auto result = transitions_.Apply(
            tx, order_id, {.input = domain::OrderInput::kCancelRequested, .causation_id = request.correlation_id});
        if (!result) throw HttpError(ErrorKind::kNotFound, "no order " + order_id);
        if (result->verdict != domain::Verdict::kApply) {
            throw HttpError(ErrorKind::kConflict, "the order is " + std::string(events::ToText(result->previous)) +
                                                      "; it cannot be cancelled");
        }
        return orders_.Find(tx, order_id);
    });
    return runtime::http::Json(202, OrderToJson(*order));
}

}  // namespace saga::order::handlers
