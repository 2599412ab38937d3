#include "inventory/handlers/get_product.hpp"

#include "events/formats.hpp"
#include "inventory/handlers/handler_support.hpp"
#include "inventory/handlers/product_json.hpp"
#include "inventory/storage/product_store.hpp"
#include "runtime/http/response.hpp"

namespace saga::inventory::handlers {

runtime::http::Handler GetProduct(runtime::pg::Database& database) {
    return [&database](const runtime::http::Request& request) {
        const auto& id = request.PathParam("product_id");
        if (!events::IsId(id)) throw runtime::http::HttpError(runtime::http::ErrorKind::kNotFound, "no product " + id);
        const auto product = InTransaction(database, [&](auto& tx) { return storage::FindProduct(tx, id); });
        if (!product) throw runtime::http::HttpError(runtime::http::ErrorKind::kNotFound, "no product " + id);
        return runtime::http::Json(200, ProductJson(*product));
    };
}

}  // namespace saga::inventory::handlers
