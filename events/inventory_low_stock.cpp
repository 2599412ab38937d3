#include "events/inventory_low_stock.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const InventoryLowStock& event) {
    return {{"product_id", event.product_id}, {"available", event.available}, {"threshold", event.threshold}};
}

template <>
std::vector<FieldError> Validate<InventoryLowStock>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator(data, "data", errors)
        .String("product_id", IdFormat())
        .Integer("available", 0)
        .Integer("threshold", 0)
        .RejectUnknown();
    return errors;
}

template <>
InventoryLowStock FromJson<InventoryLowStock>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<InventoryLowStock>(data));
    return {
        .product_id = data.at("product_id").get<std::string>(),
        .available = data.at("available").get<std::int64_t>(),
        .threshold = data.at("threshold").get<std::int64_t>(),
    };
}

}  // namespace saga::events
