#include "inventory/handlers/restock_product.hpp"

#include "events/formats.hpp"
#include "events/inventory_restocked.hpp"
#include "inventory/app/cause.hpp"
#include "inventory/app/stock_change.hpp"
#include "inventory/domain/product_input.hpp"
#include "inventory/domain/stock_moves.hpp"
#include "inventory/handlers/handler_support.hpp"
#include "inventory/handlers/product_json.hpp"
#include "inventory/storage/product_store.hpp"
#include "runtime/http/json_body.hpp"
#include "runtime/http/response.hpp"

namespace saga::inventory::handlers {

runtime::http::Handler RestockProduct(runtime::pg::Database& database, Inventory& inventory,
                                      std::optional<std::string> admin_token) {
    return [&database, &inventory, admin_token = std::move(admin_token)](const runtime::http::Request& request) {
        RequireAdmin(request, admin_token);
        const auto& id = request.PathParam("product_id");
        if (!events::IsId(id)) throw runtime::http::HttpError(runtime::http::ErrorKind::kNotFound, "no product " + id);
        const auto input = domain::ParseRestock(runtime::http::ParseJsonBody(request));
        ThrowIfInvalid(input.errors);
        const auto cause = Cause::Of(request);
        const auto product = InTransaction(database, [&](auto& tx) -> std::optional<domain::Product> {
            const auto locked = storage::LockProducts(tx, {id});
            if (locked.empty()) return std::nullopt;
            const auto& before = locked.begin()->second;
            if (before.initial + before.restocked > domain::kMaxStockQuantity * 1000 - input.value) {
                throw runtime::http::HttpError(runtime::http::ErrorKind::kValidation, "the stock would grow too large",
                                               {{"restock", "would exceed the stock limit"}});
            }
            const auto after = domain::Restock(before, input.value);
            inventory.outbox.Append(tx,
                                    Announce(events::InventoryRestocked{id, input.value, after.available}, id, cause));
            ApplyStockChange(inventory, tx, before, after, cause);
            return after;
        });
        if (!product) throw runtime::http::HttpError(runtime::http::ErrorKind::kNotFound, "no product " + id);
        return runtime::http::Json(200, ProductJson(*product));
    };
}

}  // namespace saga::inventory::handlers
