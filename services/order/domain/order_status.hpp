#pragma once

#include <array>
#include <string_view>

#include "events/enum_text.hpp"

namespace saga::order::domain {

/// The order's lifecycle (SPEC §2). CONFIRMED, REJECTED and CANCELLED are settled.
enum class OrderStatus { kPending, kAwaitingPayment, kConfirmed, kRejected, kCancelled };

/// True for the settled states, which no event moves any more.
constexpr bool IsSettled(OrderStatus status) {
    return status == OrderStatus::kConfirmed || status == OrderStatus::kRejected || status == OrderStatus::kCancelled;
}

}  // namespace saga::order::domain

namespace saga::events {

template <>
struct EnumTraits<order::domain::OrderStatus> {
    static constexpr std::array<std::string_view, 5> kNames{"PENDING", "AWAITING_PAYMENT", "CONFIRMED", "REJECTED",
                                                            "CANCELLED"};
};

}  // namespace saga::events
