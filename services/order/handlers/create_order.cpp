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

// Orders that arrive together share a transaction; more than this many wait for the next one.
constexpr std::size_t kMaxOrdersPerTransaction = 64;

}  // namespace

CreateOrder::CreateOrder(runtime::pg::Database& database, const storage::OrderRepository& orders,
                         const storage::IdempotencyStore& keys, runtime::pg::OutboxWriter& outbox, std::string source,
                         const workflow::OutcomeMetrics* metrics)
    : database_(database), keys_(keys), writer_{orders, outbox, std::move(source), metrics} {
    // Captured by value: the router keeps copies of this handler, not this object.
    batches_ = std::make_shared<Batches>(
        [&database, writer = writer_](const std::vector<const NewOrder*>& batch) {
            return database.InTransaction([&](runtime::pg::Transaction& tx) { return writer(tx, batch); });
        },
        [&database, writer = writer_](const NewOrder& order) {
            return database.InTransaction([&](runtime::pg::Transaction& tx) { return writer(tx, {&order}).front(); });
        },
        // A lost connection may have committed the batch: writing it again could duplicate orders.
        [](const std::exception& error) {
            return dynamic_cast<const runtime::pg::DatabaseUnavailable*>(&error) == nullptr;
        },
        kMaxOrdersPerTransaction);
}

std::vector<Response> CreateOrder::Writer::operator()(runtime::pg::Transaction& tx,
                                                      const std::vector<const NewOrder*>& batch) const {
    // Each history entry names its order.created event, whose data needs the stored creation
    // time: the event ids are chosen first so that one statement writes both.
    std::vector<storage::OrderRepository::NewOrderRow> rows;
    rows.reserve(batch.size());
    for (const NewOrder* order : batch) {
        rows.push_back({.order_id = order->order_id,
                        .request = &order->request,
                        .correlation_id = order->correlation_id,
                        .created_event_id = events::NewEventId()});
    }
    const std::vector<domain::Order> stored = orders.InsertAll(tx, rows);
    std::vector<Response> responses;
    responses.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const NewOrder& order = *batch[i];
        auto created = events::MakeEnvelope(events::OrderCreated{.order_id = order.order_id,
                                                                 .customer_id = order.request.customer_id,
                                                                 .email = order.request.email,
                                                                 .items = order.request.items,
                                                                 .payment_token = order.request.payment_token,
                                                                 .created_at = stored[i].created_at},
                                            source, order.order_id, order.correlation_id, order.correlation_id);
        created.id = rows[i].created_event_id;
        outbox.Append(tx, created);
        if (metrics) metrics->CountCreated(tx);
        responses.push_back(
            runtime::http::Json(202, OrderToJson(stored[i])).WithHeader("Location", "/api/orders/" + order.order_id));
    }
    return responses;
}

Response CreateOrder::operator()(const runtime::http::Request& request) const {
    const nlohmann::json body = runtime::http::ParseJsonBody(request);
    auto parsed = domain::ParseOrderRequest(body);
    if (auto* errors = std::get_if<std::vector<events::FieldError>>(&parsed)) {
        throw HttpError(ErrorKind::kValidation, "the order is invalid", ToFieldErrors(*errors));
    }
    const auto key = IdempotencyKeyOf(request);
    NewOrder order{.order_id = "ord-" + events::NewEventId(),
                   .request = std::move(std::get<domain::OrderRequest>(parsed)),
                   .correlation_id = request.correlation_id};
    if (!key) return Or503([&] { return batches_->Submit(std::move(order)); });

    // Key order and whitespace do not make a different request.
    const std::string canonical = body.dump();
    try {
        return Or503([&] {
            return database_.InTransaction([&](runtime::pg::Transaction& tx) -> Response {
                const auto claim = keys_.Claim(tx, *key, canonical);
                if (claim.kind == storage::KeyClaim::Kind::kReplay) return FromStored(*claim.response);
                if (claim.kind == storage::KeyClaim::Kind::kMismatch) {
                    throw HttpError(ErrorKind::kUnprocessable,
                                    "this Idempotency-Key was already used with a different request body");
                }
                Response response = writer_(tx, {&order}).front();
                keys_.Complete(tx, *key, order.order_id, ToStored(response));
                return response;
            });
        });
    } catch (const storage::KeyInFlight&) {
        throw HttpError(ErrorKind::kConflict, "a request with this Idempotency-Key is still in flight; retry later");
    }
}

}  // namespace saga::order::handlers
