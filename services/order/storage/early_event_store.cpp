#include "order/storage/early_event_store.hpp"

#include "runtime/pg/prepared.hpp"

namespace saga::order::storage {
namespace {

constexpr const char* kPark =
    "INSERT INTO order_early_events (event_id, order_id, envelope) VALUES ($1, $2, $3)"
    " ON CONFLICT (event_id) DO NOTHING";

constexpr const char* kTake =
    "WITH taken AS (DELETE FROM order_early_events WHERE order_id = $1 RETURNING envelope, parked_at)"
    " SELECT envelope FROM taken ORDER BY parked_at";

}  // namespace

void EarlyEventStore::Park(runtime::pg::Transaction& tx, const std::string& order_id,
                           const events::Envelope& event) const {
    runtime::pg::Exec0(tx.work(), kPark, event.id, order_id, events::Encode(event));
}

std::vector<events::Envelope> EarlyEventStore::Take(runtime::pg::Transaction& tx, const std::string& order_id) const {
    std::vector<events::Envelope> parked;
    for (const auto& row : runtime::pg::Exec(tx.work(), kTake, order_id)) {
        parked.push_back(events::Decode(row[0].as<std::string>()));
    }
    return parked;
}

}  // namespace saga::order::storage
