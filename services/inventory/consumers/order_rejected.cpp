#include "inventory/consumers/order_rejected.hpp"

#include "events/order_rejected.hpp"
#include "inventory/app/settle.hpp"
#include "inventory/storage/reservation_store.hpp"

namespace saga::inventory::consumers {

void OnOrderRejected(Inventory& inventory, const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto order = events::DataAs<events::OrderRejected>(event);
    storage::LockOrder(tx, order.order_id);
    const auto reservation = storage::FindReservation(tx, order.order_id);
    ApplySettlement(inventory, tx, event, order.order_id, reservation,
                    domain::OnOrderRejected(domain::StatusOf(reservation), order.reason));
}

}  // namespace saga::inventory::consumers
