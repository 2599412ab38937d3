#include "events/order_rejected.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const OrderRejected& event) {
    nlohmann::json data = {
        {"order_id", event.order_id},
        {"customer_id", event.customer_id},
        {"reason", ToText(event.reason)},
    };
    if (event.email) {
        data["email"] = *event.email;
    }
    if (event.detail) {
        data["detail"] = *event.detail;
    }
    return data;
}

template <>
std::vector<FieldError> Validate<OrderRejected>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors)
        .String("order_id", IdFormat())
        .String("customer_id", IdFormat())
        .String("email", EmailFormat(), Presence::kOptional)
        .Enum<OrderRejectionReason>("reason")
        .String("detail", ShortTextFormat(), Presence::kOptional)
        .RejectUnknown();
    return errors;
}

template <>
OrderRejected FromJson<OrderRejected>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<OrderRejected>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .customer_id = data.at("customer_id").get<std::string>(),
        .email = OptionalString(data, "email"),
        .reason = ParseEnum<OrderRejectionReason>(data.at("reason").get<std::string>()).value(),
        .detail = OptionalString(data, "detail"),
    };
}

}  // namespace saga::events
