#pragma once

#include <cstdint>
#include <string>

namespace saga::inventory::domain {

/// The currency of every price in this service.
inline constexpr const char* kCurrency = "USD";

/// One product and its stock counters. Stock only moves between available, reserved and sold,
/// or grows through restocked, so initial + restocked = available + reserved + sold always.
struct Product {
    std::string product_id;
    std::string name;
    std::int64_t price_cents = 0;
    std::string currency = kCurrency;
    std::int64_t initial = 0;
    std::int64_t restocked = 0;
    std::int64_t available = 0;
    std::int64_t reserved = 0;
    std::int64_t sold = 0;

    bool operator==(const Product&) const = default;
};

/// True when every counter is >= 0 and initial + restocked = available + reserved + sold.
bool IsBalanced(const Product& product);

}  // namespace saga::inventory::domain
