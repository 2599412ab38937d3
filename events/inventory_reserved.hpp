#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"

namespace saga::events {

/// One reserved order line, priced at reservation time.
struct ReservedItem {
    std::string product_id;
    int quantity = 0;                   ///< 1..1000
    std::int64_t unit_price_cents = 0;  ///< >= 0

    bool operator==(const ReservedItem&) const = default;
};

/// `inventory.reserved` (inventory service): every item of the order is reserved until expires_at.
struct InventoryReserved {
    static constexpr std::string_view kType = "inventory.reserved";

    std::string order_id;
    std::string reservation_id;
    std::vector<ReservedItem> items;  ///< 1..50, distinct product ids
    std::int64_t total_cents = 0;     ///< >= 0
    std::string currency;             ///< e.g. "USD"
    std::string expires_at;           ///< RFC 3339

    bool operator==(const InventoryReserved&) const = default;
};

nlohmann::json ToJson(const ReservedItem& item);
nlohmann::json ToJson(const InventoryReserved& event);
template <>
std::vector<FieldError> Validate<InventoryReserved>(const nlohmann::json& data);
template <>
InventoryReserved FromJson<InventoryReserved>(const nlohmann::json& data);

}  // namespace saga::events
