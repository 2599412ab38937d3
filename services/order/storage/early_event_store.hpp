#pragma once

#include <string>
#include <vector>

#include "events/envelope.hpp"
#include "runtime/pg/transaction.hpp"

namespace saga::order::storage {

/// Events that arrived before the event they follow, parked with their order (order_early_events).
/// Stateless: every call works in the caller's transaction.
class EarlyEventStore {
  public:
    /// Parks `event` for `order_id`; parking the same event again changes nothing.
    void Park(runtime::pg::Transaction& tx, const std::string& order_id, const events::Envelope& event) const;

    /// Removes and returns the events parked for `order_id`, oldest first.
    std::vector<events::Envelope> Take(runtime::pg::Transaction& tx, const std::string& order_id) const;
};

}  // namespace saga::order::storage
