#include "inventory/consumers/batch_locks.hpp"

#include <set>
#include <string>

#include "events/order_created.hpp"
#include "events/order_ids.hpp"
#include "inventory/storage/product_store.hpp"
#include "inventory/storage/reservation_store.hpp"

namespace saga::inventory::consumers {
namespace {

// The products an order.created names. Its data is not checked yet (its handler does that and
// refuses it): anything that is not a product id string is skipped here.
void AddOrderedProducts(const events::Envelope& event, std::set<std::string>& products) {
    if (event.type != events::OrderCreated::kType || !event.data.is_object()) return;
    const auto items = event.data.find("items");
    if (items == event.data.end() || !items->is_array()) return;
    for (const auto& item : *items) {
        if (!item.is_object()) continue;
        const auto id = item.find("product_id");
        if (id != item.end() && id->is_string()) products.insert(id->get<std::string>());
    }
}

}  // namespace

void LockBatch(const std::vector<const events::Envelope*>& batch, runtime::pg::Transaction& tx) {
    const auto order_ids = events::OrderIdsOf(batch);
    storage::LockOrders(tx, order_ids);
    std::set<std::string> products;
    for (const auto* event : batch) AddOrderedProducts(*event, products);
    for (const auto& order_id : order_ids) {
        if (const auto reservation = storage::FindReservation(tx, order_id)) {
            for (const auto& item : reservation->items) products.insert(item.product_id);
        }
    }
    if (!products.empty()) storage::LockProducts(tx, {products.begin(), products.end()});
}

}  // namespace saga::inventory::consumers
