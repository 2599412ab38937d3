#include "inventory/app/settle.hpp"

#include "events/inventory_released.hpp"
#include "inventory/app/cause.hpp"
#include "inventory/app/stock_change.hpp"
#include "inventory/domain/stock_moves.hpp"
#include "inventory/storage/product_store.hpp"
#include "inventory/storage/reservation_store.hpp"

namespace saga::inventory {
namespace {

using Action = domain::Settlement::Action;

domain::Product Move(Action action, const domain::Product& product, std::int64_t quantity) {
    switch (action) {
        case Action::kSell:
            return domain::Sell(product, quantity);
        case Action::kRelease:
            return domain::Release(product, quantity);
        case Action::kRestock:
            return domain::ReturnSold(product, quantity);
        case Action::kNone:
        case Action::kTombstone:
            break;
    }
    throw std::logic_error("not a stock move");
}

}  // namespace

void ApplySettlement(Inventory& inventory, runtime::pg::Transaction& tx, const events::Envelope& event,
                     const std::string& order_id, const std::optional<domain::Reservation>& reservation,
                     const domain::Settlement& settlement) {
    const nlohmann::json log_fields = {{"order_id", order_id}, {"event_type", event.type}, {"event_id", event.id}};
    switch (settlement.action) {
        case Action::kNone:
            inventory.logger.Info("settlement changes nothing (late or duplicate event)", log_fields);
            return;
        case Action::kTombstone:
            storage::InsertTombstone(tx, order_id, event.type, event.id);
            inventory.logger.Info("order settled before its reservation; remembered", log_fields);
            return;
        case Action::kSell:
        case Action::kRelease:
        case Action::kRestock:
            break;
    }

    std::vector<std::string> ids;
    for (const auto& item : reservation->items) ids.push_back(item.product_id);
    const auto products = storage::LockProducts(tx, ids);
    const auto cause = Cause::Of(event);
    events::InventoryReleased released{
        .order_id = order_id,
        .reservation_id = reservation->reservation_id,
        .items = {},
        .reason = settlement.reason,
        .from = settlement.action == Action::kRestock ? events::ReleasedFrom::kSold : events::ReleasedFrom::kReserved};
    // Products change in id order (the map's order), the lock order.
    std::map<std::string, int> quantities;
    for (const auto& item : reservation->items) quantities[item.product_id] = item.quantity;
    for (const auto& [product_id, quantity] : quantities) {
        const auto it = products.find(product_id);
        // Products are never deleted, so a reserved product exists; anything else is a bug.
        if (it == products.end()) throw std::runtime_error("reserved product is missing: " + product_id);
        ApplyStockChange(inventory, tx, it->second, Move(settlement.action, it->second, quantity), cause);
    }
    for (const auto& item : reservation->items) released.items.push_back({item.product_id, item.quantity});

    storage::SetReservationStatus(tx, order_id, settlement.next);
    if (settlement.action != Action::kSell) inventory.outbox.Append(tx, Announce(released, order_id, cause));
    inventory.logger.Info(
        "reservation settled",
        {{"order_id", order_id}, {"event_type", event.type}, {"status", std::string(events::ToText(settlement.next))}});
}

}  // namespace saga::inventory
