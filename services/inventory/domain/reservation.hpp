#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/enum_text.hpp"
#include "events/inventory_reserved.hpp"

namespace saga::inventory::domain {

/// RESERVED (held) → SOLD (order confirmed) or RELEASED (rejected/cancelled while held);
/// SOLD → RESTOCKED (cancelled after confirmation). RELEASED and RESTOCKED are final.
enum class ReservationStatus { kReserved, kSold, kReleased, kRestocked };

/// One order's reservation.
struct Reservation {
    std::string reservation_id;
    std::string order_id;
    std::vector<events::ReservedItem> items;
    std::int64_t total_cents = 0;
    std::string currency;
    ReservationStatus status = ReservationStatus::kReserved;
    std::string expires_at;  ///< RFC 3339

    bool operator==(const Reservation&) const = default;
};

}  // namespace saga::inventory::domain

namespace saga::events {

template <>
struct EnumTraits<inventory::domain::ReservationStatus> {
    static constexpr std::array<std::string_view, 4> kNames{"RESERVED", "SOLD", "RELEASED", "RESTOCKED"};
};

}  // namespace saga::events

namespace saga::inventory::domain {

/// The status of `reservation`, or nullopt when there is none.
inline std::optional<ReservationStatus> StatusOf(const std::optional<Reservation>& reservation) {
    if (!reservation) return std::nullopt;
    return reservation->status;
}

}  // namespace saga::inventory::domain
