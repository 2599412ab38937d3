#include "order/consumers/inventory_reservation_failed.hpp"

#include <fmt/format.h>

#include "events/inventory_reservation_failed.hpp"
#include "order/consumers/finish_transition.hpp"

namespace saga::order::consumers {
namespace {

events::OrderRejectionReason ReasonOf(events::ReservationFailureReason reason) {
    return reason == events::ReservationFailureReason::kUnknownProduct ? events::OrderRejectionReason::kUnknownProduct
                                                                       : events::OrderRejectionReason::kOutOfStock;
}

// "PROD-001: requested 5, available 2; ..." for people reading the rejection.
std::string DetailOf(const events::InventoryReservationFailed& failed) {
    std::string detail;
    for (const auto& item : failed.shortfall) {
        if (!detail.empty()) detail += "; ";
        detail += fmt::format("{}: requested {}, available {}", item.product_id, item.requested, item.available);
        if (detail.size() > 900) return detail.substr(0, 900) + "...";
    }
    return detail;
}

}  // namespace

void OnInventoryReservationFailed(const workflow::OrderTransitions& transitions, const storage::OrderRepository& orders,
                                  const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto failed = events::DataAs<events::InventoryReservationFailed>(event);
    FinishTransition(transitions.Apply(tx, failed.order_id,
                                       {.input = domain::OrderInput::kStockUnavailable,
                                        .reason = ReasonOf(failed.reason),
                                        .detail = DetailOf(failed),
                                        .cause = &event}),
                     orders, event, failed.order_id, tx);
}

}  // namespace saga::order::consumers
