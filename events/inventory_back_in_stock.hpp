#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"

namespace saga::events {

/// `inventory.back_in_stock` (inventory service): a product that had nothing available has some again.
struct InventoryBackInStock {
    static constexpr std::string_view kType = "inventory.back_in_stock";

    std::string product_id;
    std::int64_t available = 0;  ///< >= 1

    bool operator==(const InventoryBackInStock&) const = default;
};

nlohmann::json ToJson(const InventoryBackInStock& event);
template <>
std::vector<FieldError> Validate<InventoryBackInStock>(const nlohmann::json& data);
template <>
InventoryBackInStock FromJson<InventoryBackInStock>(const nlohmann::json& data);

}  // namespace saga::events
