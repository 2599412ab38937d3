#include "events/item_quantity.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const ItemQuantity& item) {
    return {{"product_id", item.product_id}, {"quantity", item.quantity}};
}

ItemQuantity ItemQuantityFromJson(const nlohmann::json& item) {
    return {.product_id = item.at("product_id").get<std::string>(), .quantity = item.at("quantity").get<int>()};
}

void ValidateItemQuantity(const nlohmann::json& item, const std::string& path, std::vector<FieldError>& errors) {
    ObjectValidator(item, path, errors)
        .String("product_id", IdFormat())
        .Integer("quantity", 1, kMaxQuantity)
        .RejectUnknown();
}

}  // namespace saga::events
