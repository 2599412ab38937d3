#include "events/inventory_back_in_stock.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const InventoryBackInStock& event) {
    return {{"product_id", event.product_id}, {"available", event.available}};
}

template <>
std::vector<FieldError> Validate<InventoryBackInStock>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors).String("product_id", IdFormat()).Integer("available", 1).RejectUnknown();
    return errors;
}

template <>
InventoryBackInStock FromJson<InventoryBackInStock>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<InventoryBackInStock>(data));
    return {
        .product_id = data.at("product_id").get<std::string>(),
        .available = data.at("available").get<std::int64_t>(),
    };
}

}  // namespace saga::events
