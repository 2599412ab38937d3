#include "fuzz/checks/order_request_checks.hpp"

#include <set>
#include <string>
#include <variant>

#include "events/item_quantity.hpp"
#include "fuzz/checks/invariant.hpp"
#include "order/domain/order_request.hpp"
#include "runtime/http/error.hpp"
#include "runtime/http/json_body.hpp"

namespace saga::fuzz {

namespace {

using order::domain::OrderRequest;

void CheckErrors(const nlohmann::json& body, const std::vector<events::FieldError>& errors) {
    Require(!errors.empty(), "an order refused without errors");
    for (const auto& error : errors) {
        Require(!error.message.empty(), "an order error without message on " + error.field);
        if (!body.is_object()) {
            continue;  // the whole body is wrong: field "" is the document
        }
        const std::string root = error.field.substr(0, error.field.find_first_of(".["));
        const bool known = root == "customer_id" || root == "email" || root == "items" || root == "payment_token";
        // An unknown property is named as it is, and may itself hold '.' or '['.
        Require(known || body.contains(error.field), "an order error names a field the body lacks: " + error.field);
    }
}

nlohmann::json ToBody(const OrderRequest& order) {
    nlohmann::json body = {{"customer_id", order.customer_id}, {"payment_token", order.payment_token}};
    if (order.email) {
        body["email"] = *order.email;
    }
    body["items"] = nlohmann::json::array();
    for (const auto& item : order.items) {
        body["items"].push_back(events::ToJson(item));
    }
    return body;
}

void CheckOrder(const OrderRequest& order) {
    Require(!order.customer_id.empty() && !order.payment_token.empty(), "an accepted order lacks an id or token");
    Require(!order.items.empty() && order.items.size() <= events::kMaxItems, "an accepted order's item count");
    std::set<std::string> products;
    for (const auto& item : order.items) {
        Require(!item.product_id.empty(), "an accepted item without product id");
        Require(item.quantity >= 1 && item.quantity <= events::kMaxQuantity, "an accepted quantity out of range");
        Require(products.insert(item.product_id).second, "an accepted order repeats product " + item.product_id);
    }
    const auto again = order::domain::ParseOrderRequest(ToBody(order));
    const auto* same = std::get_if<OrderRequest>(&again);
    Require(same != nullptr, "an accepted order written back as JSON is refused");
    Require(same->customer_id == order.customer_id && same->email == order.email && same->items == order.items &&
                same->payment_token == order.payment_token,
            "an accepted order written back as JSON parses differently");
}

}  // namespace

void CheckOrderRequest(std::string_view input) {
    runtime::http::Request request;
    request.method = "POST";
    request.path = "/api/orders";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = std::string(input);
    nlohmann::json body;
    try {
        body = runtime::http::ParseJsonBody(request);
    } catch (const runtime::http::HttpError& error) {
        Require(error.kind() == runtime::http::ErrorKind::kBadRequest, "a JSON body refused other than with 400");
        return;
    }
    const auto parsed = order::domain::ParseOrderRequest(body);
    if (const auto* errors = std::get_if<std::vector<events::FieldError>>(&parsed)) {
        CheckErrors(body, *errors);
    } else {
        CheckOrder(std::get<OrderRequest>(parsed));
    }
}

}  // namespace saga::fuzz
