#include "events/order_cancelled.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const OrderCancelled& event) {
    nlohmann::json data = {
        {"order_id", event.order_id},
        {"customer_id", event.customer_id},
        {"previous_status", ToText(event.previous_status)},
    };
    if (event.email) {
        data["email"] = *event.email;
    }
    return data;
}

template <>
std::vector<FieldError> Validate<OrderCancelled>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors)
        .String("order_id", IdFormat())
        .String("customer_id", IdFormat())
        .String("email", EmailFormat(), Presence::kOptional)
        .Enum<CancelledFromStatus>("previous_status")
        .RejectUnknown();
    return errors;
}

template <>
OrderCancelled FromJson<OrderCancelled>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<OrderCancelled>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .customer_id = data.at("customer_id").get<std::string>(),
        .email = OptionalString(data, "email"),
        .previous_status = ParseEnum<CancelledFromStatus>(data.at("previous_status").get<std::string>()).value(),
    };
}

}  // namespace saga::events
