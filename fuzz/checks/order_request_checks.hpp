#pragma once

#include <string_view>

namespace saga::fuzz {

/// Feeds `input` as a POST /api/orders body through ParseJsonBody and ParseOrderRequest and checks
/// - every invalid object yields at least one error, each naming a field rooted at a known property or
///   at a property of the body, and each with a message;
/// - every accepted order has 1..50 items with distinct non-empty product ids and quantities 1..1000,
///   non-empty customer id and payment token, and parses to the same order once written back as JSON.
/// Throws InvariantViolation otherwise.
void CheckOrderRequest(std::string_view input);

}  // namespace saga::fuzz
