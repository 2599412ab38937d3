#include "payment/consumers/order_created.hpp"

#include <exception>
#include <set>

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

std::vector<OrderToRemember> OrdersCreatedFirst(const std::vector<const events::Envelope*>& batch) {
    std::vector<OrderToRemember> orders;
    std::set<std::string> seen;
    for (const auto* event : batch) {
        const auto id = event->data.find("order_id");
        if (id == event->data.end() || !id->is_string() || !seen.insert(id->get<std::string>()).second) continue;
        if (event->type != events::OrderCreated::kType) continue;
        try {
            auto created = events::DataAs<events::OrderCreated>(*event);
            orders.push_back(
                {std::move(created.order_id), std::move(created.customer_id), std::move(created.payment_token)});
        } catch (const std::exception&) {
            // its handler meets the same error and fails the message
        }
    }
    return orders;
}

}  // namespace saga::payment
