#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "events/inventory_reservation_failed.hpp"
#include "events/inventory_reserved.hpp"
#include "events/item_quantity.hpp"
#include "inventory/domain/product.hpp"

namespace saga::inventory::domain {

enum class ReservationOutcome { kReserved, kOutOfStock, kUnknownProduct };

/// All or nothing: either every item is reserved, or none is and the decision says why.
struct ReservationDecision {
    ReservationOutcome outcome = ReservationOutcome::kReserved;
    std::vector<events::ReservedItem> items;   ///< kReserved: the order's items, priced, in order
    std::int64_t total_cents = 0;              ///< kReserved: sum of quantity × unit price
    std::vector<events::Shortfall> shortfall;  ///< otherwise: the items that could not be had

    bool operator==(const ReservationDecision&) const = default;
};

/// Decides an order's reservation against the current stock of its products (`stock` keyed by
/// product id; products missing from it are unknown). Unknown products win over shortages: if
/// any id is unknown the outcome is kUnknownProduct with exactly the unknown ids (available 0);
/// else kOutOfStock with every item whose quantity exceeds its availability; else kReserved.
ReservationDecision DecideReservation(const std::vector<events::ItemQuantity>& items,
                                      const std::map<std::string, Product>& stock);

}  // namespace saga::inventory::domain
