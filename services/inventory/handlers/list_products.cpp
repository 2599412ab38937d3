#include "inventory/handlers/list_products.hpp"

#include "inventory/handlers/handler_support.hpp"
#include "inventory/handlers/product_json.hpp"
#include "inventory/storage/product_store.hpp"
#include "runtime/http/response.hpp"

namespace saga::inventory::handlers {

runtime::http::Handler ListProducts(runtime::pg::Database& database) {
    return [&database](const runtime::http::Request&) {
        const auto products = InTransaction(database, [](auto& tx) { return storage::ListProducts(tx); });
        auto list = nlohmann::json::array();
        for (const auto& product : products) list.push_back(ProductJson(product));
        return runtime::http::Json(200, {{"products", std::move(list)}});
    };
}

}  // namespace saga::inventory::handlers
