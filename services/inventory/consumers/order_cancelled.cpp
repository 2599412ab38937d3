#include "inventory/consumers/order_cancelled.hpp"

#include "events/order_cancelled.hpp"
#include "inventory/app/settle.hpp"
#include "inventory/storage/reservation_store.hpp"

namespace saga::inventory::consumers {

void OnOrderCancelled(Inventory& inventory, const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto order = events::DataAs<events::OrderCancelled>(event);
    storage::LockOrder(tx, order.order_id);
    const auto reservation = storage::FindReservation(tx, order.order_id);
    ApplySettlement(inventory, tx, event, order.order_id, reservation,
                    domain::OnOrderCancelled(domain::StatusOf(reservation)));
}

}  // namespace saga::inventory::consumers
