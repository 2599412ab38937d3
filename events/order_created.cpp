#include "events/order_created.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const OrderCreated& event) {
    nlohmann::json data = {
        {"order_id", event.order_id},           {"customer_id", event.customer_id}, {"items", ToJsonArray(event.items)},
        {"payment_token", event.payment_token}, {"created_at", event.created_at},
    };
    if (event.email) {
        data["email"] = *event.email;
    }
    return data;
}

template <>
std::vector<FieldError> Validate<OrderCreated>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator object(data, "data", errors);
    object.String("order_id", IdFormat())
        .String("customer_id", IdFormat())
        .String("email", EmailFormat(), Presence::kOptional)
        .Array("items", 1, kMaxItems, ValidateItemQuantity)
        .String("payment_token", IdFormat())
        .String("created_at", TimestampFormat())
        .RejectUnknown();
    if (const auto* items = object.Find("items")) {
        CheckDistinct(*items, "data.items", "product_id", errors);
    }
    return errors;
}

template <>
OrderCreated FromJson<OrderCreated>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<OrderCreated>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .customer_id = data.at("customer_id").get<std::string>(),
        .email = OptionalString(data, "email"),
        .items = FromJsonArray(data.at("items"), ItemQuantityFromJson),
        .payment_token = data.at("payment_token").get<std::string>(),
        .created_at = data.at("created_at").get<std::string>(),
    };
}

}  // namespace saga::events
