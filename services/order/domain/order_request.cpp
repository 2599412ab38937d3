#include "order/domain/order_request.hpp"

#include "events/codec.hpp"
#include "events/formats.hpp"
#include "events/validation.hpp"

namespace saga::order::domain {

std::variant<OrderRequest, std::vector<events::FieldError>> ParseOrderRequest(const nlohmann::json& body) {
    std::vector<events::FieldError> errors;
    if (!body.is_object()) {
        errors.push_back({"", "the body must be a JSON object"});
        return errors;
    }
    events::ObjectValidator object(body, "", errors);
    object.String("customer_id", events::IdFormat())
        .String("email", events::EmailFormat(), events::Presence::kOptional)
        .Array("items", 1, events::kMaxItems, events::ValidateItemQuantity)
        .String("payment_token", events::IdFormat(), events::Presence::kOptional)
        .RejectUnknown();
    if (const auto* items = object.Find("items"); items != nullptr && items->is_array()) {
        events::CheckDistinct(*items, "items", "product_id", errors);
    }
    if (!errors.empty()) return errors;

    OrderRequest request{
        .customer_id = body.at("customer_id").get<std::string>(),
        .email = events::OptionalString(body, "email"),
        .items = events::FromJsonArray(body.at("items"), events::ItemQuantityFromJson),
        .payment_token = events::OptionalString(body, "payment_token").value_or(kDefaultPaymentToken),
    };
    return request;
}

bool IsValidIdempotencyKey(const std::string& key) {
    if (key.empty() || key.size() > kMaxIdempotencyKeyLength) return false;
    for (const char c : key) {
        if (c < 0x21 || c > 0x7e) return false;
    }
    return true;
}

}  // namespace saga::order::domain
