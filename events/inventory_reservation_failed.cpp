#include "events/inventory_reservation_failed.hpp"

#include <fmt/format.h>

#include "events/item_quantity.hpp"
#include "events/validation.hpp"

namespace saga::events {

namespace {

void ValidateShortfall(const nlohmann::json& item, const std::string& path, std::vector<FieldError>& errors) {
    ObjectValidator(item, path, errors)
        .String("product_id", IdFormat())
        .Integer("requested", 1, kMaxQuantity)
        .Integer("available", 0)
        .RejectUnknown();
}

// The schema's if/then: an unknown product has nothing available.
void CheckUnknownProductsHaveNothing(const nlohmann::json& data, std::vector<FieldError>& errors) {
    const auto reason = data.find("reason");
    const auto shortfall = data.find("shortfall");
    if (reason == data.end() || *reason != ToText(ReservationFailureReason::kUnknownProduct) ||
        shortfall == data.end() || !shortfall->is_array()) {
        return;
    }
    for (std::size_t i = 0; i < shortfall->size(); ++i) {
        const auto& item = (*shortfall)[i];
        if (!item.is_object() || !item.contains("available")) {
            continue;
        }
        const auto& available = item["available"];
        if (IsJsonInteger(available) && available != 0) {
            errors.push_back({fmt::format("data.shortfall[{}].available", i), "must be 0 for an unknown_product"});
        }
    }
}

Shortfall ShortfallFromJson(const nlohmann::json& item) {
    return {
        .product_id = item.at("product_id").get<std::string>(),
        .requested = item.at("requested").get<int>(),
        .available = item.at("available").get<std::int64_t>(),
    };
}

}  // namespace

nlohmann::json ToJson(const Shortfall& item) {
    return {{"product_id", item.product_id}, {"requested", item.requested}, {"available", item.available}};
}

nlohmann::json ToJson(const InventoryReservationFailed& event) {
    return {
        {"order_id", event.order_id},
        {"reason", ToText(event.reason)},
        {"shortfall", ToJsonArray(event.shortfall)},
    };
}

template <>
std::vector<FieldError> Validate<InventoryReservationFailed>(const nlohmann::json& data) {
    std::vector<FieldError> errors;
    ObjectValidator object(data, "data", errors);
    object.String("order_id", IdFormat())
        .Enum<ReservationFailureReason>("reason")
        .Array("shortfall", 1, kMaxItems, ValidateShortfall)
        .RejectUnknown();
    if (const auto* shortfall = object.Find("shortfall")) {
        CheckDistinct(*shortfall, "data.shortfall", "product_id", errors);
        CheckUnknownProductsHaveNothing(data, errors);
    }
    return errors;
}

template <>
InventoryReservationFailed FromJson<InventoryReservationFailed>(const nlohmann::json& data) {
    ThrowIfErrors(Validate<InventoryReservationFailed>(data));
    return {
        .order_id = data.at("order_id").get<std::string>(),
        .reason = ParseEnum<ReservationFailureReason>(data.at("reason").get<std::string>()).value(),
        .shortfall = FromJsonArray(data.at("shortfall"), ShortfallFromJson),
    };
}

}  // namespace saga::events
