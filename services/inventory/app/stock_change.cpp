#include "inventory/app/stock_change.hpp"

#include "events/inventory_back_in_stock.hpp"
#include "events/inventory_low_stock.hpp"
#include "inventory/domain/stock_signals.hpp"
#include "inventory/storage/product_store.hpp"

namespace saga::inventory {

void ApplyStockChange(Inventory& inventory, runtime::pg::Transaction& tx, const domain::Product& before,
                      const domain::Product& after, const Cause& cause) {
    storage::SaveStock(tx, after);
    const auto threshold = inventory.settings.low_stock_threshold;
    const auto signals = domain::DecideStockSignals(before.available, after.available, threshold);
    if (signals.low_stock) {
        inventory.outbox.Append(tx, Announce(events::InventoryLowStock{after.product_id, after.available, threshold},
                                             after.product_id, cause));
    }
    if (signals.back_in_stock) {
        inventory.outbox.Append(
            tx, Announce(events::InventoryBackInStock{after.product_id, after.available}, after.product_id, cause));
    }
}

}  // namespace saga::inventory
