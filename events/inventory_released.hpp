#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "events/codec.hpp"
#include "events/enum_text.hpp"
#include "events/item_quantity.hpp"

namespace saga::events {

enum class ReleaseReason { kPaymentFailed, kOrderCancelled, kOrderRejected, kReservationExpired };

template <>
struct EnumTraits<ReleaseReason> {
    static constexpr std::array<std::string_view, 4> kNames{"payment_failed", "order_cancelled", "order_rejected",
                                                            "reservation_expired"};
};

/// Where released stock came from: a reservation, or a completed sale (cancel after confirm).
enum class ReleasedFrom { kReserved, kSold };

template <>
struct EnumTraits<ReleasedFrom> {
    static constexpr std::array<std::string_view, 2> kNames{"reserved", "sold"};
};

/// `inventory.released` (inventory service): a reservation or a sale was given back to stock.
struct InventoryReleased {
    static constexpr std::string_view kType = "inventory.released";

    std::string order_id;
    std::string reservation_id;
    std::vector<ItemQuantity> items;  ///< 1..50, distinct product ids
    ReleaseReason reason = ReleaseReason::kPaymentFailed;
    ReleasedFrom from = ReleasedFrom::kReserved;

    bool operator==(const InventoryReleased&) const = default;
};

nlohmann::json ToJson(const InventoryReleased& event);
template <>
std::vector<FieldError> Validate<InventoryReleased>(const nlohmann::json& data);
template <>
InventoryReleased FromJson<InventoryReleased>(const nlohmann::json& data);

}  // namespace saga::events
