#include "events/inventory_restocked.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const InventoryRestocked& event) {
    return {{"product_id", event.product_id}, {"quantity", event.quantity}, {"available", event.available}};
}

template <>
std::vector<FieldError> Validate<InventoryRestocked>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors)
        .String("product_id", IdFormat())
        .Integer("quantity", 1)
        .Integer("available", 0)
        .RejectUnknown();
    return errors;
}

template <>
InventoryRestocked FromJson<InventoryRestocked>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<InventoryRestocked>(data));
    return {
        .product_id = data.at("product_id").get<std::string>(),
        .quantity = data.at("quantity").get<std::int64_t>(),
        .available = data.at("available").get<std::int64_t>(),
    };
}

}  // namespace saga::events
