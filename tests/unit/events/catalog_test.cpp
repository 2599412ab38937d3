#include <doctest/doctest.h>

#include <set>
#include <string>

#include "events/all.hpp"

namespace saga::events {
namespace {

TEST_CASE("catalog: lists the fifteen types of SPEC section 3, each once") {
    const auto types = AllTypes();
    CHECK(types.size() == 15);
    CHECK(std::set<std::string_view>(types.begin(), types.end()).size() == types.size());
    for (const auto type : types) {
        CHECK(IsKnownType(type));
    }
    CHECK(types.front() == "order.created");
}

TEST_CASE("catalog: each type's kType is in the catalog") {
    for (const auto type :
         {OrderCreated::kType, InventoryReserved::kType, InventoryReservationFailed::kType, PaymentCompleted::kType,
          PaymentFailed::kType, InventoryReleased::kType, PaymentRefunded::kType, OrderConfirmed::kType,
          OrderRejected::kType, OrderCancelled::kType, InventoryRestocked::kType, InventoryLowStock::kType,
          InventoryBackInStock::kType, NotificationSent::kType, NotificationFailed::kType}) {
        CHECK_MESSAGE(IsKnownType(type), type);
    }
}

TEST_CASE("catalog: unknown or differently spelled types are not known") {
    CHECK_FALSE(IsKnownType(""));
    CHECK_FALSE(IsKnownType("order"));
    CHECK_FALSE(IsKnownType("Order.Created"));
    CHECK_FALSE(IsKnownType("order.created "));
}

TEST_CASE("catalog: ValidateData of an unknown type is one error on type") {
    const auto errors = ValidateData("order.teleported", nlohmann::json::object());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "type");
}

TEST_CASE("catalog: ValidateData dispatches to the type's validation") {
    const nlohmann::json data = {{"product_id", "PROD-001"}, {"available", 3}};
    CHECK(ValidateData("inventory.back_in_stock", data).empty());
    CHECK_FALSE(ValidateData("inventory.low_stock", data).empty());  // lacks threshold
}

}  // namespace
}  // namespace saga::events
