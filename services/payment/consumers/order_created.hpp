#pragma once

#include "events/envelope.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::payment {

/// order.created → remembers the order's customer and payment token for its later charge.
/// Publishes nothing. Idempotent; an order closed before this arrived stays closed.
void OnOrderCreated(const events::Envelope& event, runtime::pg::Transaction& tx);

}  // namespace saga::payment
