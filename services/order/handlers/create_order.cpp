#include "order/handlers/create_order.hpp"

#include "events/make_envelope.hpp"
#include "events/order_created.hpp"
#include "order/domain/order_request.hpp"
#include "order/handlers/database_errors.hpp"
#include "order/handlers/order_json.hpp"
#include "runtime/http/json_body.hpp"

namespace saga::order::handlers {
namespace {

using runtime::http::ErrorKind;
using runtime::http::HttpError;
using runtime::http::Response;

std::optional<std::string> IdempotencyKeyOf(const runtime::http::Request& request) {
    auto key = request.Header("Idempotency-Key");
    if (key && !domain::IsValidIdempotencyKey(*key)) {
        throw HttpError(ErrorKind::kValidation, "invalid Idempotency-Key header",
                        {{"Idempotency-Key", "must be 1 to 255 visible ASCII characters"}});
    }
    return key;
}

storage::StoredResponse ToStored(const Response& response) {
    storage::StoredResponse stored{.status = response.status, .headers = {}, .body = response.body};
    stored.headers.emplace_back("Content-Type", response.content_type);
    for (const auto& header : response.headers) stored.headers.push_back(header);
    return stored;
}

Response FromStored(const storage::StoredResponse& stored) {
    Response response{.status = stored.status, .content_type = {}, .headers = {}, .body = stored.body};
    for (const auto& [name, value] : stored.headers) {
        if (runtime::http::EqualsIgnoreCase(name, "Content-Type")) {
            response.content_type = value;
        } else {
            response.headers.emplace_back(name, value);
        }
    }
    return response;
}

}  // namespace

Response CreateOrder::operator()(const runtime::http::Request& request) const {
    const nlohmann::json body = runtime::http::ParseJsonBody(request);
    auto parsed = domain::ParseOrderRequest(body);
    if (auto* errors = std::get_if<std::vector<events::FieldError>>(&parsed)) {
        throw HttpError(ErrorKind::kValidation, "the order is invalid", ToFieldErrors(*errors));
    }
    const auto& order_request = std::get<domain::OrderRequest>(parsed);
    const auto key = IdempotencyKeyOf(request);
    // Key order and whitespace do not make a different request.
    const std::string canonical = body.dump();

    try {
        return InTransactionOr503(database_, [&](runtime::pg::Transaction& tx) -> Response {
            if (key) {
                const auto claim = keys_.Claim(tx, *key, canonical);
                if (claim.kind == storage::KeyClaim::Kind::kReplay) return FromStored(*claim.response);
                if (claim.kind == storage::KeyClaim::Kind::kMismatch) {
                    throw HttpError(ErrorKind::kUnprocessable,
                                    "this Idempotency-Key was already used with a different request body");
                }
            }
            const std::string order_id = "ord-" + events::NewEventId();
            // The history entry names the order.created event, whose data needs the stored
            // creation time: its id is chosen first so that one statement writes both.
            const std::string created_id = events::NewEventId();
            const domain::Order order =
                orders_.Insert(tx, order_id, order_request, request.correlation_id, created_id);
            auto created =
                events::MakeEnvelope(events::OrderCreated{.order_id = order_id,
                                                          .customer_id = order_request.customer_id,
                                                          .email = order_request.email,
                                                          .items = order_request.items,
                                                          .payment_token = order_request.payment_token,
                                                          .created_at = order.created_at},
                                     source_, order_id, request.correlation_id, request.correlation_id);
            created.id = created_id;
            outbox_.Append(tx, created);
            if (metrics_) metrics_->CountCreated(tx);

            Response response =
                runtime::http::Json(202, OrderToJson(order)).WithHeader("Location", "/api/orders/" + order_id);
            if (key) keys_.Complete(tx, *key, order_id, ToStored(response));
            return response;
        });
    } catch (const storage::KeyInFlight&) {
        throw HttpError(ErrorKind::kConflict, "a request with this Idempotency-Key is still in flight; retry later");
    }
}

}  // namespace saga::order::handlers
