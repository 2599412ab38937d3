#include "inventory/consumers/order_confirmed.hpp"

#include "events/order_confirmed.hpp"
#include "inventory/app/settle.hpp"
#include "inventory/storage/reservation_store.hpp"

namespace saga::inventory::consumers {

void OnOrderConfirmed(Inventory& inventory, const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto order = events::DataAs<events::OrderConfirmed>(event);
    storage::LockOrder(tx, order.order_id);
    const auto reservation = storage::FindReservation(tx, order.order_id);
    ApplySettlement(inventory, tx, event, order.order_id, reservation,
                    domain::OnOrderConfirmed(domain::StatusOf(reservation)));
}

}  // namespace saga::inventory::consumers
