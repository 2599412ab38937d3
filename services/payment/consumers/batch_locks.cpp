#include "payment/consumers/batch_locks.hpp"

#include "events/order_ids.hpp"
#include "payment/consumers/order_created.hpp"
#include "payment/storage/order_store.hpp"

namespace saga::payment {

void LockBatch(const std::vector<const events::Envelope*>& batch, runtime::pg::Transaction& tx) {
    OrderStore::LockAll(tx, events::OrderIdsOf(batch));
    OrderStore::RememberAll(tx, OrdersCreatedFirst(batch));
}

}  // namespace saga::payment
