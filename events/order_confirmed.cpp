#include "events/order_confirmed.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const OrderConfirmed& event) {
    nlohmann::json data = {
        {"order_id", event.order_id},
        {"customer_id", event.customer_id},
        {"total_cents", event.total_cents},
        {"currency", event.currency},
    };
    if (event.email) {
        data["email"] = *event.email;
    }
    return data;
}

template <>
std::vector<FieldError> Validate<OrderConfirmed>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors)
        .String("order_id", IdFormat())
        .String("customer_id", IdFormat())
        .String("email", EmailFormat(), Presence::kOptional)
        .Integer("total_cents", 0)
        .String("currency", CurrencyFormat())
        .RejectUnknown();
    return errors;
}

template <>
OrderConfirmed FromJson<OrderConfirmed>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<OrderConfirmed>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .customer_id = data.at("customer_id").get<std::string>(),
        .email = OptionalString(data, "email"),
        .total_cents = data.at("total_cents").get<std::int64_t>(),
        .currency = data.at("currency").get<std::string>(),
    };
}

}  // namespace saga::events
