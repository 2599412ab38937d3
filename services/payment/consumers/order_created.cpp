#include "payment/consumers/order_created.hpp"

#include "events/order_created.hpp"
#include "payment/consumers/inventory_reserved.hpp"
#include "payment/storage/order_store.hpp"

namespace saga::payment {

void OnOrderCreated(const events::Envelope& event, runtime::pg::Transaction& tx, runtime::pg::OutboxWriter& outbox,
                    runtime::log::Logger& logger) {
    const auto created = events::DataAs<events::OrderCreated>(event);
    const auto parked = OrderStore::Remember(tx, created.order_id, created.customer_id, created.payment_token);
    if (parked) OnInventoryReserved(events::Decode(*parked), tx, outbox, logger);
}

}  // namespace saga::payment
