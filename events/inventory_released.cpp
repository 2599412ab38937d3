#include "events/inventory_released.hpp"

#include "events/validation.hpp"

namespace saga::events {

nlohmann::json ToJson(const InventoryReleased& event) {
    return {
        {"order_id", event.order_id},        {"reservation_id", event.reservation_id},
        {"items", ToJsonArray(event.items)}, {"reason", ToText(event.reason)},
        {"from", ToText(event.from)},
    };
}

template <>
std::vector<FieldError> Validate<InventoryReleased>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator object(data, "data", errors);
    object.String("order_id", IdFormat())
        .String("reservation_id", IdFormat())
        .Array("items", 1, kMaxItems, ValidateItemQuantity)
        .Enum<ReleaseReason>("reason")
        .Enum<ReleasedFrom>("from")
        .RejectUnknown();
    if (const auto* items = object.Find("items")) {
        CheckDistinct(*items, "data.items", "product_id", errors);
    }
    return errors;
}

template <>
InventoryReleased FromJson<InventoryReleased>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<InventoryReleased>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .reservation_id = data.at("reservation_id").get<std::string>(),
        .items = FromJsonArray(data.at("items"), ItemQuantityFromJson),
        .reason = ParseEnum<ReleaseReason>(data.at("reason").get<std::string>()).value(),
        .from = ParseEnum<ReleasedFrom>(data.at("from").get<std::string>()).value(),
    };
}

}  // namespace saga::events
