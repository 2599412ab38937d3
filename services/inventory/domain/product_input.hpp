#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace saga::inventory::domain {

/// Largest price accepted, in cents (10 million dollars).
inline constexpr std::int64_t kMaxPriceCents = 1'000'000'000;
/// Largest stock quantity accepted in one request.
inline constexpr std::int64_t kMaxStockQuantity = 1'000'000'000;

/// One offending input field, e.g. {"price", "must be a number >= 0 with at most 2 decimals"}.
struct FieldIssue {
    std::string field;
    std::string message;

    bool operator==(const FieldIssue&) const = default;
};

/// POST /api/inventory, checked.
struct NewProduct {
    std::string product_id;
    std::string name;
    std::int64_t price_cents = 0;
    std::int64_t quantity = 0;
};

/// `value` is meaningful only when `errors` is empty.
template <class T>
struct Parsed {
    T value{};
    std::vector<FieldIssue> errors;
};

/// {product_id (id format), name (1..200 characters), price (decimal >= 0, at most 2 decimals),
/// quantity (integer 0..kMaxStockQuantity)}; any other member is an "unknown field" error. Every
/// violation is listed.
Parsed<NewProduct> ParseNewProduct(const nlohmann::json& body);

/// {"restock": n} with n an integer 1..kMaxStockQuantity, and no other member.
Parsed<std::int64_t> ParseRestock(const nlohmann::json& body);

/// A JSON price in currency units ("499.99") as cents; nullopt when it is not a number, is
/// negative, above kMaxPriceCents, or has more than two decimals.
std::optional<std::int64_t> PriceToCents(const nlohmann::json& price);

/// Cents as a decimal number in currency units, for JSON (49999 → 499.99).
double CentsToPrice(std::int64_t cents);

}  // namespace saga::inventory::domain
