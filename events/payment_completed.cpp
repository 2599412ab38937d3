#include "events/payment_completed.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const PaymentCompleted& event) {
    return {
        {"order_id", event.order_id},
        {"payment_id", event.payment_id},
        {"amount_cents", event.amount_cents},
        {"currency", event.currency},
    };
}

template <>
std::vector<FieldError> Validate<PaymentCompleted>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors)
        .String("order_id", IdFormat())
        .String("payment_id", IdFormat())
        .Integer("amount_cents", 0)
        .String("currency", CurrencyFormat())
        .RejectUnknown();
    return errors;
}

template <>
PaymentCompleted FromJson<PaymentCompleted>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<PaymentCompleted>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .payment_id = data.at("payment_id").get<std::string>(),
        .amount_cents = data.at("amount_cents").get<std::int64_t>(),
        .currency = data.at("currency").get<std::string>(),
    };
}

}  // namespace saga::events
