#pragma once

#include <nlohmann/json.hpp>

#include "payment/domain/payment.hpp"

namespace saga::payment {

/// A payment as the API shows it: payment_id, order_id, amount (decimal, from cents), currency,
/// status, reason (only when set), created_at, updated_at.
nlohmann::json PaymentJson(const Payment& payment);

}  // namespace saga::payment
