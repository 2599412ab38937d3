#pragma once

#include <vector>

#include "events/envelope.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// What a consumer batch does before its handlers run (EventRouter::BeforeBatch): locks its
/// orders (OrderStore::LockAll), then remembers the order.created that come first for their order
/// (OrderStore::RememberAll), so that each handler answers without a statement.
void LockBatch(const std::vector<const events::Envelope*>& batch, runtime::pg::Transaction& tx);

}  // namespace saga::payment
