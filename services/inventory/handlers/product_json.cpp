#include "inventory/handlers/product_json.hpp"

#include "inventory/domain/product_input.hpp"

namespace saga::inventory::handlers {

nlohmann::json ProductJson(const domain::Product& p) {
    return {{"product_id", p.product_id},
            {"name", p.name},
            {"price", domain::CentsToPrice(p.price_cents)},
            {"currency", p.currency},
            {"available", p.available},
            {"reserved", p.reserved},
            {"sold", p.sold},
            {"initial", p.initial},
            {"restocked", p.restocked}};
}

}  // namespace saga::inventory::handlers
