#include "events/payment_failed.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const PaymentFailed& event) {
    return {
        {"order_id", event.order_id}, {"payment_id", event.payment_id}, {"amount_cents", event.amount_cents},
        {"currency", event.currency}, {"reason", ToText(event.reason)},
    };
}

template <>
std::vector<FieldError> Validate<PaymentFailed>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors)
        .String("order_id", IdFormat())
        .String("payment_id", IdFormat())
        .Integer("amount_cents", 0)
        .String("currency", CurrencyFormat())
        .Enum<PaymentFailureReason>("reason")
        .RejectUnknown();
    return errors;
}

template <>
PaymentFailed FromJson<PaymentFailed>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<PaymentFailed>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .payment_id = data.at("payment_id").get<std::string>(),
        .amount_cents = data.at("amount_cents").get<std::int64_t>(),
        .currency = data.at("currency").get<std::string>(),
        .reason = ParseEnum<PaymentFailureReason>(data.at("reason").get<std::string>()).value(),
    };
}

}  // namespace saga::events
