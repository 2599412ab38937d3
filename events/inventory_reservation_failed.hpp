#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"
#include "events/enum_text.hpp"

namespace saga::events {

enum class ReservationFailureReason { kOutOfStock, kUnknownProduct };

template <>
struct EnumTraits<ReservationFailureReason> {
    static constexpr std::array<std::string_view, 2> kNames{"out_of_stock", "unknown_product"};
};

/// A product that could not be reserved in the requested quantity.
struct Shortfall {
    std::string product_id;
    int requested = 0;           ///< 1..1000
    std::int64_t available = 0;  ///< >= 0; always 0 when the reason is unknown_product

    bool operator==(const Shortfall&) const = default;
};

/// `inventory.reservation_failed` (inventory service): nothing was reserved for the order.
struct InventoryReservationFailed {
    static constexpr std::string_view kType = "inventory.reservation_failed";

    std::string order_id;
    ReservationFailureReason reason = ReservationFailureReason::kOutOfStock;
    std::vector<Shortfall> shortfall;  ///< 1..50, distinct product ids

    bool operator==(const InventoryReservationFailed&) const = default;
};

nlohmann::json ToJson(const Shortfall& item);
nlohmann::json ToJson(const InventoryReservationFailed& event);
template <>
std::vector<FieldError> Validate<InventoryReservationFailed>(const nlohmann::json& data);
template <>
InventoryReservationFailed FromJson<InventoryReservationFailed>(const nlohmann::json& data);

}  // namespace saga::events
