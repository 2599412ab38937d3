#include "inventory/domain/reservation_decision.hpp"

namespace saga::inventory::domain {

ReservationDecision DecideReservation(const std::vector<events::ItemQuantity>& items,
                                      const std::map<std::string, Product>& stock) {
    ReservationDecision unknown;
    unknown.outcome = ReservationOutcome::kUnknownProduct;
    ReservationDecision short_of;
    short_of.outcome = ReservationOutcome::kOutOfStock;
    ReservationDecision reserved;
    reserved.outcome = ReservationOutcome::kReserved;
    for (const auto& item : items) {
        const auto it = stock.find(item.product_id);
        if (it == stock.end()) {
            unknown.shortfall.push_back({item.product_id, item.quantity, 0});
            continue;
        }
        const Product& product = it->second;
        if (product.available < item.quantity) {
            short_of.shortfall.push_back({item.product_id, item.quantity, product.available});
        }
        reserved.items.push_back({item.product_id, item.quantity, product.price_cents});
        reserved.total_cents += item.quantity * product.price_cents;
    }
    if (!unknown.shortfall.empty()) return unknown;
    if (!short_of.shortfall.empty()) return short_of;
    return reserved;
}

}  // namespace saga::inventory::domain
