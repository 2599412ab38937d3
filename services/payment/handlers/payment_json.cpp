#include "payment/handlers/payment_json.hpp"

namespace saga::payment {

nlohmann::json PaymentJson(const Payment& payment) {
    nlohmann::json body = {
        {"payment_id", payment.payment_id},
        {"order_id", payment.order_id},
        {"amount", CentsToAmount(payment.amount_cents)},
        {"currency", payment.currency},
        {"status", ToText(payment.status)},
        {"created_at", payment.created_at},
        {"updated_at", payment.updated_at},
    };
    if (payment.reason) body["reason"] = *payment.reason;
    return body;
}

}  // namespace saga::payment
