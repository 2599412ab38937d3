#pragma once

#include <vector>

#include "events/envelope.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::inventory::consumers {

/// What a consumer batch locks before its handlers run (EventRouter::BeforeBatch): the advisory
/// locks of its orders, in one statement in id order, then the row of every product its events
/// may change (the items of each order.created, the reservation of each order), in one statement
/// in product-id order. Two batches therefore take their locks in the same order and cannot
/// deadlock; locked per event, in the batch's order, two instances could, until PostgreSQL's
/// deadlock_timeout (1 s) failed one batch. The handlers then find their rows locked already.
void LockBatch(const std::vector<const events::Envelope*>& batch, runtime::pg::Transaction& tx);

}  // namespace saga::inventory::consumers
