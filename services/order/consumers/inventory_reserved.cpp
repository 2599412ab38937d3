#include "order/consumers/inventory_reserved.hpp"

#include "events/inventory_reserved.hpp"
#include "order/consumers/consumer_errors.hpp"

namespace saga::order::consumers {

void OnInventoryReserved(const workflow::OrderTransitions& transitions, const storage::OrderRepository&,
                         const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto reserved = events::DataAs<events::InventoryReserved>(event);
    FinishOrRetry(
        transitions.Apply(tx, reserved.order_id,
                          {.input = domain::OrderInput::kStockReserved, .cause = &event, .reservation = &reserved}),
        event);
}

}  // namespace saga::order::consumers
