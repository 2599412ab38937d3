#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"

namespace saga::events {

/// `inventory.restocked` (inventory service): stock was added to a product.
struct InventoryRestocked {
    static constexpr std::string_view kType = "inventory.restocked";

    std::string product_id;
    std::int64_t quantity = 0;   ///< units added, >= 1
    std::int64_t available = 0;  ///< available after the restock, >= 0

    bool operator==(const InventoryRestocked&) const = default;
};

nlohmann::json ToJson(const InventoryRestocked& event);
template <>
std::vector<FieldError> Validate<InventoryRestocked>(const nlohmann::json& data);
template <>
InventoryRestocked FromJson<InventoryRestocked>(const nlohmann::json& data);

}  // namespace saga::events
