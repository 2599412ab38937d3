#include "events/inventory_reserved.hpp"

#include "events/item_quantity.hpp"
#include "events/validation.hpp"

namespace saga::events {

namespace {

void ValidateReservedItem(const nlohmann::json& item, const std::string& path, std::vector<FieldError>& errors) {
    ObjectValidator(item, path, errors)
        .String("product_id", IdFormat())
        .Integer("quantity", 1, kMaxQuantity)
        .Integer("unit_price_cents", 0)
        .RejectUnknown();
}

ReservedItem ReservedItemFromJson(const nlohmann::json& item) {
    return {
        .product_id = item.at("product_id").get<std::string>(),
        .quantity = item.at("quantity").get<int>(),
        .unit_price_cents = item.at("unit_price_cents").get<std::int64_t>(),
    };
}

}  // namespace

nlohmann::json ToJson(const ReservedItem& item) {
    return {{"product_id", item.product_id}, {"quantity", item.quantity}, {"unit_price_cents", item.unit_price_cents}};
}

nlohmann::json ToJson(const InventoryReserved& event) {
    return {
        {"order_id", event.order_id},        {"reservation_id", event.reservation_id},
        {"items", ToJsonArray(event.items)}, {"total_cents", event.total_cents},
        {"currency", event.currency},        {"expires_at", event.expires_at},
    };
}

template <>
std::vector<FieldError> Validate<InventoryReserved>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator object(data, "data", errors);
    object.String("order_id", IdFormat())
        .String("reservation_id", IdFormat())
        .Array("items", 1, kMaxItems, ValidateReservedItem)
        .Integer("total_cents", 0)
        .String("currency", CurrencyFormat())
        .String("expires_at", TimestampFormat())
        .RejectUnknown();
    if (const auto* items = object.Find("items")) {
        CheckDistinct(*items, "data.items", "product_id", errors);
    }
    return errors;
}

template <>
InventoryReserved FromJson<InventoryReserved>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<InventoryReserved>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .reservation_id = data.at("reservation_id").get<std::string>(),
        .items = FromJsonArray(data.at("items"), ReservedItemFromJson),
        .total_cents = data.at("total_cents").get<std::int64_t>(),
        .currency = data.at("currency").get<std::string>(),
        .expires_at = data.at("expires_at").get<std::string>(),
    };
}

}  // namespace saga::events
