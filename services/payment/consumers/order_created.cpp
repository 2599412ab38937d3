#include "payment/consumers/order_created.hpp"

#include "events/order_created.hpp"
#include "payment/storage/order_store.hpp"

namespace saga::payment {

void OnOrderCreated(const events::Envelope& event, runtime::pg::Transaction& tx) {
    const auto created = events::DataAs<events::OrderCreated>(event);
    OrderStore::Remember(tx, created.order_id, created.customer_id, created.payment_token);
}

}  // namespace saga::payment
