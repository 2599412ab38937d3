#include "inventory/consumers/order_created.hpp"

#include <chrono>

#include "events/order_created.hpp"
#include "inventory/app/cause.hpp"
#include "inventory/app/stock_change.hpp"
#include "inventory/domain/expiry.hpp"
#include "inventory/domain/reservation_decision.hpp"
#include "inventory/domain/stock_moves.hpp"
#include "inventory/storage/product_store.hpp"
#include "inventory/storage/reservation_store.hpp"

namespace saga::inventory::consumers {
namespace {

events::ReservationFailureReason FailureReason(domain::ReservationOutcome outcome) {
    return outcome == domain::ReservationOutcome::kUnknownProduct ? events::ReservationFailureReason::kUnknownProduct
                                                                  : events::ReservationFailureReason::kOutOfStock;
}

bool AlreadyDecided(Inventory& inventory, runtime::pg::Transaction& tx, const events::Envelope& event,
                    const std::string& order_id) {
    const char* why = nullptr;
    switch (storage::FindPriorOutcome(tx, order_id)) {
        case storage::PriorOutcome::kReserved:
            why = "order already has a reservation";
            break;
        case storage::PriorOutcome::kReservationFailed:
            why = "order's reservation already failed";
            break;
        case storage::PriorOutcome::kTombstone:
            // Cancelled (or rejected) before we got here: holding stock would only have to be undone.
            why = "order was settled before it was created here; reserving nothing";
            break;
        case storage::PriorOutcome::kNothing:
            break;
    }
    if (why) inventory.logger.Info(why, {{"order_id", order_id}, {"event_id", event.id}});
    return why != nullptr;
}

}  // namespace

void OnOrderCreated(Inventory& inventory, const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto order = events::DataAs<events::OrderCreated>(event);
    storage::LockOrder(tx, order.order_id);
    if (AlreadyDecided(inventory, tx, event, order.order_id)) return;

    std::vector<std::string> ids;
    for (const auto& item : order.items) ids.push_back(item.product_id);
    const auto stock = storage::LockProducts(tx, ids);
    const auto decision = domain::DecideReservation(order.items, stock);
    const auto cause = Cause::Of(event);

    if (decision.outcome != domain::ReservationOutcome::kReserved) {
        const events::InventoryReservationFailed failed{order.order_id, FailureReason(decision.outcome),
                                                        decision.shortfall};
        storage::InsertReservationFailure(tx, failed);
        inventory.outbox.Append(tx, Announce(failed, order.order_id, cause));
        return;
    }

    // Stock changes in product-id order, the order the rows were locked in.
    for (const auto& [product_id, product] : stock) {
        for (const auto& item : order.items) {
            if (item.product_id == product_id) {
                ApplyStockChange(inventory, tx, product, domain::Reserve(product, item.quantity), cause);
            }
        }
    }
    const domain::Reservation reservation{
        .reservation_id = "res-" + events::NewEventId(),
        .order_id = order.order_id,
        .items = decision.items,
        .total_cents = decision.total_cents,
        .currency = domain::kCurrency,
        .status = domain::ReservationStatus::kReserved,
        .expires_at = domain::ExpiresAt(std::chrono::system_clock::now(), inventory.settings.reservation_ttl),
    };
    storage::InsertReservation(tx, reservation);
    const events::InventoryReserved reserved{.order_id = reservation.order_id,
                                             .reservation_id = reservation.reservation_id,
                                             .items = reservation.items,
                                             .total_cents = reservation.total_cents,
                                             .currency = reservation.currency,
                                             .expires_at = reservation.expires_at};
    inventory.outbox.Append(tx, Announce(reserved, order.order_id, cause));
}

}  // namespace saga::inventory::consumers
