#include "inventory/handlers/create_product.hpp"

#include "inventory/domain/product_input.hpp"
#include "inventory/handlers/handler_support.hpp"
#include "inventory/handlers/product_json.hpp"
#include "inventory/storage/product_store.hpp"
#include "runtime/http/json_body.hpp"
#include "runtime/http/response.hpp"

namespace saga::inventory::handlers {

runtime::http::Handler CreateProduct(runtime::pg::Database& database, std::optional<std::string> admin_token) {
    return [&database, admin_token = std::move(admin_token)](const runtime::http::Request& request) {
        RequireAdmin(request, admin_token);
        const auto input = domain::ParseNewProduct(runtime::http::ParseJsonBody(request));
        ThrowIfInvalid(input.errors);
        domain::Product product;
        product.product_id = input.value.product_id;
        product.name = input.value.name;
        product.price_cents = input.value.price_cents;
        product.initial = input.value.quantity;
        product.available = input.value.quantity;
        const bool created = InTransaction(database, [&](auto& tx) { return storage::InsertProduct(tx, product); });
        if (!created) {
            throw runtime::http::HttpError(runtime::http::ErrorKind::kConflict,
                                           "product " + product.product_id + " exists already");
        }
        return runtime::http::Json(201, ProductJson(product))
            .WithHeader("Location", "/api/inventory/" + product.product_id);
    };
}

}  // namespace saga::inventory::handlers
