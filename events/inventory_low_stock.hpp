#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"

namespace saga::events {

/// `inventory.low_stock` (inventory service): a product's availability fell to its threshold or below.
struct InventoryLowStock {
    static constexpr std::string_view kType = "inventory.low_stock";

    std::string product_id;
    std::int64_t available = 0;  ///< >= 0
    std::int64_t threshold = 0;  ///< >= 0

    bool operator==(const InventoryLowStock&) const = default;
};

nlohmann::json ToJson(const InventoryLowStock& event);
template <>
std::vector<FieldError> Validate<InventoryLowStock>(const nlohmann::json& data);
template <>
InventoryLowStock FromJson<InventoryLowStock>(const nlohmann::json& data);

}  // namespace saga::events
