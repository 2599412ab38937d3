#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "events/envelope.hpp"

namespace saga::events {

/// A product and a quantity of it (order lines, released stock).
struct ItemQuantity {
    std::string product_id;  ///< id
    int quantity = 0;        ///< 1..1000

    bool operator==(const ItemQuantity&) const = default;
};

/// The largest quantity of one product in one order.
inline constexpr int kMaxQuantity = 1000;
/// The largest number of distinct products in one order.
inline constexpr std::size_t kMaxItems = 50;

nlohmann::json ToJson(const ItemQuantity& item);
/// Requires an item that passed ValidateItemQuantity.
ItemQuantity ItemQuantityFromJson(const nlohmann::json& item);
/// Appends the violations of `{product_id, quantity}` by `item`, located at `path`.
void ValidateItemQuantity(const nlohmann::json& item, const std::string& path, std::vector<FieldError>& errors);

}  // namespace saga::events
