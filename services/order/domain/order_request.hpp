#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "events/envelope.hpp"
#include "events/item_quantity.hpp"

namespace saga::order::domain {

/// The payment token of an order that names none.
inline constexpr const char* kDefaultPaymentToken = "tok_visa";

/// A valid body of POST /api/orders.
struct OrderRequest {
    std::string customer_id;
    std::optional<std::string> email;
    std::vector<events::ItemQuantity> items;
    std::string payment_token;
};

/// Validates a POST /api/orders body: customer_id (id), email (optional), items (1..50 of
/// {product_id (id), quantity 1..1000}, distinct product ids), payment_token (optional id,
/// default tok_visa); no other properties. Returns the request, or every violation with its
/// field path ("items[0].quantity").
std::variant<OrderRequest, std::vector<events::FieldError>> ParseOrderRequest(const nlohmann::json& body);

/// The longest Idempotency-Key accepted.
inline constexpr std::size_t kMaxIdempotencyKeyLength = 255;

/// An Idempotency-Key is 1..255 visible ASCII characters.
bool IsValidIdempotencyKey(const std::string& key);

}  // namespace saga::order::domain
